"""Who may do what with a translation: the rights every translation view, report and file checks.

- Submitting or syncing (updating) the translations of an object needs rights on its SOURCE: edit
  rights on the source page, or the change permission of the snippet's model (the termbase's
  ``translations.change_term``), besides wagtail-localize's ``submit_translation``.
- Working on a translation (its segments, overrides, PO file, machine translation, preview, QA
  report, CAT files) needs rights on its TARGET: edit rights on the translated page (its locale's
  translators and reviewers, Administrators), or the change permission of the snippet's model.
- Seeing the status of a translation (the dashboard's cells and CSV lines, the translations
  report, jobs) needs either.

Superusers may do everything. Page permissions are cached per user and request by Wagtail.
"""

from django.contrib.auth.models import Permission
from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Locale, Page
from wagtail.snippets.permissions import get_permission_name


def may_change_model(user, model):
    return user.is_superuser or user.has_perm(get_permission_name("change", model))


def may_edit_instance(user, instance):
    """Edit rights on a page, or the change permission of a snippet's model."""
    if instance is None:
        return False
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return may_change_model(user, type(instance))


def may_publish_instance(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))


def source_instance(source):
    """The object a TranslationSource was made from, or None if it is gone."""
    try:
        return source.get_source_instance()
    except ObjectDoesNotExist:
        return None


def target_instance(translation):
    """The translated object of a wagtail-localize Translation, or None if it is gone."""
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:
        return None


def may_submit(user, instance):
    """Submit ``instance`` (the source) for translation, or sync its translations."""
    if not user.has_perm("wagtail_localize.submit_translation"):
        return False
    return may_edit_instance(user, instance)


def may_work_on(user, translation):
    """Edit ``translation``'s segments, overrides and files; read its QA report."""
    return may_edit_instance(user, target_instance(translation))


def locales_worked_in(user):
    """The ids of the locales whose tree ``user`` may edit (where their translation role is)."""
    homes = Page.objects.filter(depth=2).select_related("locale")
    return {home.locale_id for home in homes if home.permissions_for_user(user).can_edit()}


def editable_page_ids(user, pages):
    """The ids of ``pages`` that ``user`` may edit, in one query."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return set(
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(pk__in=[page.pk for page in pages])
        .values_list("pk", flat=True)
    )


def may_see_status(user, *, source_editable, locale_id, worked_in):
    """The status of a translation (percent, state, counts) of a source page into a locale: for
    those who may edit the source page, and for those who work in the locale."""
    return user.is_superuser or source_editable or locale_id in worked_in


def has_any_model_permission(user, model):
    """Any permission on ``model`` (add, change, delete, view, choose…): what Wagtail's snippet
    chooser asks before listing a model's instances."""
    if user.is_superuser:
        return True
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(model)
    codenames = Permission.objects.filter(content_type=content_type).values_list(
        "codename", flat=True
    )
    return any(user.has_perm(f"{content_type.app_label}.{codename}") for codename in codenames)


def target_locales():
    return Locale.objects.exclude(pk=Locale.get_default().pk)
