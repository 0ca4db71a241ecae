"""Settings → Sign-in lockouts: failed sign-ins counted by django-axes, and clearing them.

Those who may manage users (Administrators, superusers) see every counted failure (who, from
where, how many, when, whether it locks them out now) and clear one with Delete, which unlocks
that user at that address at once. ``manage.py axes_reset_username <username>`` does the same
from the shell for every address.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.login_throttling import dimension_limit, is_known_address
from cms.models import SignInLockout


class LockoutPermissionPolicy(BasePermissionPolicy):
    """Viewing and clearing lockouts goes with managing users; nobody adds or edits them."""

    def user_has_permission(self, user, action):
        return (
            action in {"view", "delete"}
            and user.is_active
            and (user.is_superuser or user.has_perm("auth.change_user"))
        )

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        users = get_user_model().objects.filter(is_active=True)
        if not set(actions) & {"view", "delete"}:
            return users.none()
        return users.filter(
            Q(is_superuser=True)
            | Q(user_permissions__codename="change_user")
            | Q(groups__permissions__codename="change_user")
        ).distinct()


lockout_permission_policy = LockoutPermissionPolicy(SignInLockout)
register_permission_policy(SignInLockout, lockout_permission_policy)


class LockedOutColumn(Column):
    """Whether this user is locked out at this address right now."""

    def get_value(self, instance):
        cool_off_start = timezone.now() - settings.AXES_COOLOFF_TIME
        if instance.attempt_time < cool_off_start:
            return _("No (expired)")
        if instance.failures_since_start >= dimension_limit(("username", "ip_address")):
            return _("Yes")
        if is_known_address(instance.username, instance.ip_address):
            return _("No")
        return _("Counts towards the user's and the address's limits")


class LockoutIndexView(IndexView):
    page_title = _("Sign-in lockouts")

    @cached_property
    def columns(self):
        # The username as the title column, which carries each row's actions (Delete: unlock).
        title = self._get_title_column_class(TitleColumn)(
            "username", label=_("Username"), get_url=lambda instance: None
        )
        return [title, *super().columns[1:]]


class LockoutViewSet(ModelViewSet):
    model = SignInLockout
    index_view_class = LockoutIndexView
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    menu_name = "sign-in-lockouts"
    url_prefix = "sign-in-lockouts"
    add_to_settings_menu = True
    permission_policy = lockout_permission_policy
    copy_view_enabled = False
    form_fields = ["username"]
    list_display = [
        Column("username", label=_("Username")),
        Column("ip_address", label=_("Address")),
        Column("failures_since_start", label=_("Failed sign-ins")),
        DateColumn("attempt_time", label=_("Last failure")),
        LockedOutColumn("locked_out", label=_("Locked out")),
    ]
    search_fields = ["username", "ip_address"]
    search_backend_name = None
    ordering = ["-attempt_time"]


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet("sign_in_lockouts")
