"""Per-locale translation roles and the "Translation review" workflow of each target locale.

- Translators (``Tradutores (pt-br)``…): edit their locale's tree only (the translation editor,
  PO/XLIFF files); never the Spanish source; never publish. They submit a finished translation
  for review.
- Translation reviewers (``Revisores de tradução (pt-br)``…): approve (and so publish) their
  locale's translations; Administrators may approve in every locale.

The groups and the workflow are named in the admin language of the locale's people
(``admin_language.languages.language_for_locale``: pt-br → Portuguese, fr → French, en →
English, es-mx and languages the admin does not offer → Spanish), since they read these names.

Submitting a page for translation needs both wagtail-localize's ``submit_translation`` permission
and edit rights on the source page (``translations.localize_urls``): past Wagtail
advisories let translate-only users copy, and so read, pages they could not edit.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask

from admin_language.languages import language_for_locale
from editorial.roles import ADMINISTRATORS, Role, setup_roles

READ_MEDIA = ("wagtaildocs.choose_document", "wagtailimages.choose_image")

# {admin language: (translators, reviewers, review workflow and its task)}
NAMES = {
    "es": ("Traductores ({code})", "Revisores de traducción ({code})",
           "Revisión de traducción ({code})"),
    "pt-br": ("Tradutores ({code})", "Revisores de tradução ({code})",
              "Revisão de tradução ({code})"),
    "fr": ("Traducteurs ({code})", "Réviseurs de traduction ({code})",
           "Révision de traduction ({code})"),
    "en": ("Translators ({code})", "Translation reviewers ({code})",
           "Translation review ({code})"),
}  # fmt: skip


def _names(code):
    return NAMES.get(language_for_locale(code), NAMES["es"])


def translator_group_name(code):
    return _names(code)[0].format(code=code)


def reviewer_group_name(code):
    return _names(code)[1].format(code=code)


def workflow_name(code):
    return _names(code)[2].format(code=code)


def locale_roles(code):
    return [
        Role(
            translator_group_name(code),
            page_permissions=("add", "change", "lock"),
            model_permissions=("wagtailadmin.access_admin",),
            collection_permissions=READ_MEDIA,
            description=f"Translate and adapt pages into {code}; submit them for review.",
        ),
        Role(
            reviewer_group_name(code),
            page_permissions=("add", "change", "publish", "lock", "unlock"),
            model_permissions=("wagtailadmin.access_admin",),
            collection_permissions=READ_MEDIA,
            description=f"Review and publish the {code} translations.",
        ),
    ]


@transaction.atomic
def setup_locale_roles(locale):
    """Create or update the locale's groups, their permissions on the locale's home pages, and
    its "Translation review" workflow. Idempotent."""
    from .models import TranslationReviewTask

    homes = list(Page.objects.filter(depth=2, locale=locale))
    groups = setup_roles(roots=homes, roles=locale_roles(locale.language_code))
    workflow, _created = Workflow.objects.get_or_create(name=workflow_name(locale.language_code))
    task = TranslationReviewTask.objects.filter(name=workflow.name).first()
    if task is None:
        task = TranslationReviewTask.objects.create(name=workflow.name)
    # The locale's reviewers approve; Administrators may stand in for them in every locale.
    administrators = Group.objects.filter(name=ADMINISTRATORS).first()
    task.groups.set(
        [groups[reviewer_group_name(locale.language_code)], *filter(None, [administrators])]
    )
    WorkflowTask.objects.update_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    for home in homes:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return groups
