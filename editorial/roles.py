"""The editorial roles as Django groups, created idempotently by ``manage.py setup_roles``.

Page permissions are granted on each site's home page (the course tree and the resource library
below it). Delete and move are further restricted to Administrators by hooks (see
``wagtail_hooks.py``), because Wagtail lets anyone with edit rights delete unpublished pages.

Other concerns (per-locale translators and reviewers, enrolment managers) define their own
``Role`` lists and call ``setup_roles(roles=...)`` for them; the names below stay stable.

Group names are data that people read in the admin (Settings → Groups, users' accounts, the
workflow tasks' reviewers), so each is written in the language of the people in it: the
editorial team works on the Spanish source, in Spanish. Translation groups are named in their
locale's language (``translations.roles``). Migration ``0002`` renamed the former English names.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
)

EDITORS = "Editores"
REVIEWERS = "Revisores de contenido"
PUBLISHERS = "Publicadores"
ADMINISTRATORS = "Administradores"
STRUCTURE_ROLES = {ADMINISTRATORS}  # may delete and move pages


@dataclass(frozen=True)
class Role:
    name: str
    page_permissions: tuple = ()
    model_permissions: tuple = ()
    collection_permissions: tuple = ()
    description: str = ""
    all_locales: bool = False  # page permissions on every locale's tree, not just the source's


MEDIA = (
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
)

ROLES = [
    Role(
        EDITORS,
        page_permissions=("add", "change", "lock"),
        model_permissions=(
            "wagtailadmin.access_admin",
            "editorial.view_reviewcycle",
            "wagtail_localize.submit_translation",
        ),
        collection_permissions=MEDIA,
        description="Create and edit drafts, submit them for review and for translation.",
    ),
    Role(
        REVIEWERS,
        page_permissions=(),
        model_permissions=(
            "wagtailadmin.access_admin",
            "editorial.view_reviewcycle",
            "editorial.change_reviewcycle",
        ),
        collection_permissions=("wagtaildocs.choose_document", "wagtailimages.choose_image"),
        description="Approve or reject the subject-matter review step; comment.",
    ),
    Role(
        PUBLISHERS,
        page_permissions=("add", "change", "publish", "lock", "unlock"),
        model_permissions=(
            "wagtailadmin.access_admin",
            "editorial.view_reviewcycle",
            "editorial.change_reviewcycle",
            "wagtail_localize.submit_translation",
        ),
        collection_permissions=MEDIA,
        description="Final approval; publish, unpublish and schedule.",
    ),
    Role(
        ADMINISTRATORS,
        page_permissions=("add", "change", "publish", "lock", "unlock", "bulk_delete"),
        model_permissions=(
            "wagtailadmin.access_admin",
            "editorial.view_reviewcycle",
            "editorial.change_reviewcycle",
            "wagtail_localize.submit_translation",
            "wagtailcore.add_workflow",
            "wagtailcore.change_workflow",
            "wagtailcore.add_task",
            "wagtailcore.change_task",
            "auth.add_user",
            "auth.change_user",
            "auth.view_user",
            "translations.add_term",
            "translations.change_term",
            "translations.delete_term",
            "learning.view_study_reports",  # learning.study.roles.VIEW_REPORTS
        ),
        collection_permissions=MEDIA
        + ("wagtaildocs.delete_document", "wagtailimages.delete_image"),
        description="Everything editorial, plus deleting and moving pages and managing users.",
        all_locales=True,
    ),
]


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def setup_roles(*, roots=None, roles=ROLES):
    """Create or update the groups and their permissions. Safe to run any number of times.

    ``roots`` are the pages the page permissions apply to; by default the source locale's home
    pages (the course tree and the resource library), or every locale's for ``all_locales``
    roles. Translation roles pass their own locale's home (see ``translations.roles``).
    """
    homes = list(Page.objects.filter(depth=2).select_related("locale"))
    source = Locale.get_default()
    collection = Collection.get_first_root_node()
    groups = {}
    for role in roles:
        role_roots = roots
        if role_roots is None:
            role_roots = homes if role.all_locales else [h for h in homes if h.locale == source]
        group, _created = Group.objects.get_or_create(name=role.name)
        group.permissions.set([_permission(p) for p in role.model_permissions])
        wanted = {(root.pk, action) for root in role_roots for action in role.page_permissions}
        existing = GroupPagePermission.objects.filter(group=group).select_related("permission")
        for grant in existing:
            key = (grant.page_id, grant.permission.codename.removesuffix("_page"))
            if key not in wanted:
                grant.delete()
            wanted.discard(key)
        for page_id, action in wanted:
            GroupPagePermission.objects.create(
                group=group, page_id=page_id, permission=_permission(f"wagtailcore.{action}_page")
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for dotted in role.collection_permissions:
            GroupCollectionPermission.objects.create(
                group=group, collection=collection, permission=_permission(dotted)
            )
        groups[role.name] = group
    return groups


def user_has_role(user, *names):
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=names).exists()
