"""Writing the search index: one page's rows from its live content.

Every save of a page (publishing, unpublishing, a translation or alias being created or synced)
queues ``reindex_page`` (a django-tasks task: run at once by the default backend, by
``manage.py db_worker`` with ``TASKS_BACKEND=database``), which reads the page again from the
database: a live page's row holds its live content (drafts live in revisions), so a saved draft
never reaches the index. A page that is not live has no rows; deleting a page removes them.
``manage.py rebuild_search_index`` rebuilds every row.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_tasks import task
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from course_content.models import (
    CountryUnitPage,
    CoursePage,
    EvaluationPage,
    HomePage,
    ModulePage,
    ResourceLibraryPage,
    ResourcePage,
)

from .analysis import index_terms, language_of
from .models import PUBLIC, STUDY, SearchDocument

logger = logging.getLogger(__name__)

# kind, fields everyone who may read the page reads, fields only its learners read.
PAGE_TYPES = [
    (CountryUnitPage, "country_unit", ["overview", "body", "legal_framework", "institutions"], []),
    (EvaluationPage, "evaluation", ["instructions"], []),  # never the questions (answers)
    (ModulePage, "module", [], ["learning_objectives", "body"]),
    (ResourcePage, "resource", ["body", "transcript", "publisher"], []),
    (CoursePage, "course", ["introduction", "audience"], []),
    (ResourceLibraryPage, "library", [], []),
    (HomePage, "home", [], []),
]
KINDS = [kind for _model, kind, _public, _study in PAGE_TYPES]


def field_text(page, name):
    value = getattr(page, name, None)
    if value in (None, ""):
        return ""
    field = page._meta.get_field(name)
    if hasattr(field, "get_searchable_content"):
        parts = field.get_searchable_content(value)
    else:
        parts = [str(value)]
    return "\n".join(str(part) for part in parts if part)


def facets_of(page, kind):
    facets = {"kind": kind, "module_numbers": [], "countries": []}
    if isinstance(page, ModulePage):
        facets["module_numbers"] = [page.number]
    elif isinstance(page, (CountryUnitPage, EvaluationPage)):
        module = page.get_parent().specific
        facets["module_numbers"] = [module.number] if isinstance(module, ModulePage) else []
        if isinstance(page, CountryUnitPage):
            facets["countries"] = [page.country]
    elif isinstance(page, ResourcePage):
        numbers = page.related_modules.values_list("number", flat=True)
        facets["module_numbers"] = sorted(set(numbers))
        facets["countries"] = sorted(page.countries.values_list("country", flat=True))
        facets["resource_type"] = page.resource_type
        facets["material_language"] = page.material_language
    return facets


def rows_for(page):
    """The rows of a live page (``page``: its specific instance), by part."""
    spec = next((spec for spec in PAGE_TYPES if isinstance(page, spec[0])), None)
    if spec is None:
        return {}
    _model, kind, public_fields, study_fields = spec
    code = page.locale.language_code
    language = language_of(code)
    summary = [page.summary] if getattr(page, "summary", "") else []
    texts = {
        PUBLIC: "\n".join(summary + [field_text(page, name) for name in public_fields]),
        STUDY: "\n".join(field_text(page, name) for name in study_fields),
    }
    facets = facets_of(page, kind)
    rows = {}
    for part, text in texts.items():
        if part == STUDY and not text.strip():
            continue
        rows[part] = dict(
            language_code=code,
            heading=page.title[:255],
            text=text.strip(),
            title=index_terms(page.title, language),
            terms=index_terms(text, language),
            **facets,
        )
    return rows


def index_page(page):
    """Write (or remove) the rows of ``page`` from its current live content."""
    page = page.specific
    with transaction.atomic():
        if not page.live:
            remove_page(page.pk)
            return 0
        rows = rows_for(page)
        for document in SearchDocument.objects.filter(page=page).exclude(part__in=list(rows)):
            document.delete()
        for part, values in rows.items():
            SearchDocument.objects.update_or_create(page=page, part=part, defaults=values)
    return len(rows)


def remove_page(page_id):
    for document in SearchDocument.objects.filter(page_id=page_id):
        document.delete()  # one by one: the backend's signal handlers drop its entry


@task()
def reindex_page(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        remove_page(page_id)
    else:
        index_page(page)


def queue_reindex(page_id):
    try:
        reindex_page.enqueue(page_id)
    except Exception:  # the index must never stop an editor from publishing
        logger.exception("Could not reindex page %s for search", page_id)


@receiver(post_save)
def on_saved(sender, instance, raw=False, **kwargs):
    if isinstance(instance, Page) and not raw:
        queue_reindex(instance.pk)


@receiver(page_published)
@receiver(page_unpublished)
def on_published(sender, instance, **kwargs):
    queue_reindex(instance.pk)


@receiver(post_delete)
def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        try:
            remove_page(instance.pk)
        except Exception:
            logger.exception("Could not remove page %s from search", instance.pk)


def rebuild(progress=None):
    """Every row again, from the live pages (returns the number of rows); ``progress(done,
    total)`` is called every 100 pages and at the end."""
    count = 0
    with transaction.atomic():
        for document in SearchDocument.objects.all():
            document.delete()
        pages = Page.objects.live()
        total = pages.count()
        for done, page in enumerate(pages.specific().iterator(chunk_size=200), start=1):
            count += index_page(page)
            if progress and (done % 100 == 0 or done == total):
                progress(done, total)
    return count
