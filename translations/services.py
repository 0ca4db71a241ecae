"""Translation and regional-adaptation operations, built on wagtail-localize.

Views, commands and tasks call these functions; they hold our rules.
"""

from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex

from . import memory


def _noop(done, total, page=None):
    pass


@transaction.atomic
def add_locale(language_code, *, sync_from=None, progress=_noop):
    """Create a locale that follows ``sync_from`` (the source language by default) and give it
    the source's page tree: every page not yet translated gets a placeholder (a wagtail-localize
    alias) that shows the source content, with a notice, until it is translated.

    ``language_code`` must be in ``WAGTAIL_CONTENT_LANGUAGES``. Returns the locale.
    """
    from django.conf import settings

    known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    if language_code not in known:
        raise ValueError(
            f"'{language_code}' is not a content language; add it to LANGUAGES in the settings "
            f"first (configured: {', '.join(sorted(known))})."
        )
    sync_from = sync_from or Locale.get_default()
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    if locale != sync_from and not LocaleSynchronization.objects.filter(locale=locale).exists():
        # bulk_create skips wagtail-localize's post_save handler, which would sync the tree
        # without reporting progress; sync_locale does the same work and reports it.
        LocaleSynchronization.objects.bulk_create(
            [LocaleSynchronization(locale=locale, sync_from=sync_from)]
        )
    sync_locale(locale, progress=progress)
    setup_locale_work(locale)
    return locale


def setup_locale_work(locale):
    """The people and the review of a locale's translations: its Translators and Translation
    reviewers groups, its "Translation review" workflow, and Administrators' rights on its tree."""
    from editorial.roles import ROLES, setup_roles

    from .roles import setup_locale_roles

    # Roles that work in every locale (Administrators) get the new locale's tree too.
    setup_roles(roles=[role for role in ROLES if role.all_locales])
    if locale != Locale.get_default():
        setup_locale_roles(locale)


def page_index():
    """wagtail-localize's ``PageIndex`` of the page tree, read in two queries (its own
    ``PageIndex.from_database`` makes five per page)."""
    from django.contrib.contenttypes.models import ContentType

    locales = Locale.objects.in_bulk()
    rows = list(
        Page.objects.filter(depth__gt=1).values_list(
            "path", "depth", "content_type_id", "translation_key", "locale_id", "alias_of_id"
        )
    )
    key_by_path = {path: key for path, _depth, _type, key, _locale, _alias in rows}
    locales_of, aliased_locales_of = defaultdict(list), defaultdict(list)
    for _path, _depth, _type, key, locale_id, alias_of_id in rows:
        (aliased_locales_of if alias_of_id else locales_of)[key].append(locale_id)
    return PageIndex(
        [
            PageIndex.Entry(
                ContentType.objects.get_for_id(content_type_id),
                key,
                locales[locale_id],
                key_by_path[path[: -Page.steplen]] if depth > 2 else None,
                locales_of[key],
                aliased_locales_of[key],
            )
            for path, depth, content_type_id, key, locale_id, alias_of_id in rows
            if not alias_of_id
        ]
    )


def sync_locale(locale, *, progress=_noop):
    """Create placeholders in ``locale`` for source pages it lacks, reporting progress."""
    sync = LocaleSynchronization.objects.filter(locale=locale).select_related("sync_from").first()
    if sync is None:
        return 0
    source = sync.sync_from
    missing = [
        entry
        for entry in page_index().sort_by_tree_position().not_translated_into(locale)
        if (source.id in entry.locales or source.id in entry.aliased_locales)
        and locale.id not in entry.aliased_locales
    ]
    pages = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=[entry.translation_key for entry in missing], locale=source
        ).specific()
    }
    total = len(missing)
    for done, entry in enumerate(missing, start=1):
        page = pages[entry.translation_key]
        # Copying a page's missing parents (copy_parents) may already have placed it.
        if not Page.objects.filter(translation_key=entry.translation_key, locale=locale).exists():
            page.copy_for_translation(locale, copy_parents=True, alias=True)
        progress(done, total, page)
    return total


class TranslationRefused(Exception):
    """A translation action the user may not take; the message says why."""


def _build(translation, **options):
    """wagtail-localize's ``create_or_update_translation``, with a translation that does not
    validate (an override or a segment its field refuses) reported, not raised as an error."""
    from django.core.exceptions import ValidationError

    try:
        with transaction.atomic():
            return translation.source.create_or_update_translation(
                translation.target_locale, **options
            )
    except ValidationError as error:
        raise TranslationRefused(
            _("The translation does not validate; correct it in the editor: %(errors)s")
            % {"errors": " ".join(error.messages)}
        ) from error


def _check_may_submit(page, user):
    """Submitting needs wagtail-localize's permission and edit rights on the source page."""
    if not user.has_perm("wagtail_localize.submit_translation"):
        raise TranslationRefused(_("You may not submit pages for translation."))
    if not page.permissions_for_user(user).can_edit():
        raise TranslationRefused(
            _("You need edit rights on “%(title)s” to translate it.") % {"title": page.title}
        )


def show_source_content(page, shown=True):
    """Record that ``page`` (a translation) shows its source's content until its first translated
    version is approved, or (``shown=False``) that it no longer does. Publishing a page clears it
    (``signals.clear_source_shown``)."""
    from .models import SourceContentShown

    if shown:
        SourceContentShown.objects.bulk_create(
            [SourceContentShown(page_id=page.pk)], ignore_conflicts=True
        )
    else:
        SourceContentShown.objects.filter(page_id=page.pk).delete()


@transaction.atomic
def submit_for_translation(*, page, locales, user, include_subtree=False, progress=_noop):
    """Submit ``page`` (and its subtree) for translation into ``locales``.

    Needs the submit permission and edit rights on the source page. The translated pages start as
    drafts: their live version keeps showing the source, with a notice, until a translation
    reviewer approves the first translated version. Returns the pages submitted.
    """
    from wagtail_localize.operations import TranslationCreator

    _check_may_submit(page, user)
    pages = pages_to_submit(page, include_subtree)
    locales = [locale for locale in locales if locale.pk != page.locale_id]
    creator = TranslationCreator(user, locales)
    for done, source in enumerate(pages, start=1):
        was_placeholder = {
            target.locale_id
            for target in source.get_translations().filter(
                locale__in=locales, alias_of__isnull=False
            )
        }
        creator.create_translations(source)
        # Exact matches of the translation memory pre-filled ("from memory"), leverage recorded.
        memory.prefill_submission(source=source, locales=locales, user=user)
        for target in source.get_translations().filter(locale_id__in=was_placeholder):
            if target.live:
                show_source_content(target)
        progress(done, len(pages), source)
    add_missing_terms(locales)
    return pages


def add_missing_terms(locales):
    """The termbase follows the pages: each Spanish term a locale lacks is added to it, with the
    Spanish text and marked "still to translate" (quality checks ignore it until someone
    translates it in the Termbase and clears the mark). Terms a locale has are left alone; two
    submissions at once add a term once. Returns the number added."""
    from django.db import IntegrityError

    from .models import Term

    source = Locale.get_default()
    added = 0
    for locale in locales:
        if locale.pk == source.pk:
            continue
        present = Term.objects.filter(locale=locale).values("translation_key")
        for term in Term.objects.filter(locale=source).exclude(translation_key__in=present):
            copy = term.copy_for_translation(locale)
            # Forbidden variants belong to each language: the locale starts with none.
            copy.to_translate, copy.forbidden_variants = True, ""
            try:
                with transaction.atomic():
                    copy.save()
            except IntegrityError:  # added meanwhile by another submission
                continue
            added += 1
    return added


def refresh_source(page):
    """Re-extract a republished source page's segments, so every translation shows what is new or
    changed (stale). Returns the number of translations affected."""
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source is None:
        return 0
    source.update_from_db()
    return source.translations.filter(enabled=True).count()


@transaction.atomic
def bring_in_changes(*, translation, user):
    """One action for a translator: rebuild their draft from the current source and their
    translations (untranslated or stale segments show the source text until translated)."""
    target = translation.get_target_instance()
    if not target.permissions_for_user(user).can_edit():
        raise TranslationRefused(_("You may not edit this translation."))
    # A draft: a live version that shows the source keeps doing so until the draft is approved
    # and published (``SourceContentShown`` is not part of the page's content or revisions).
    _build(translation, user=user, publish=False, fallback=True, copy_parent_pages=True)
    return translation.get_target_instance()


def publish_translation(*, translation, user):
    """Publish ``translation`` as it stands (an approved translation: the notice goes away)."""
    _build(translation, user=user, publish=True, fallback=True, copy_parent_pages=True)
    target = translation.get_target_instance()
    show_source_content(target, shown=False)  # as publishing does (signals.clear_source_shown)
    return target


@transaction.atomic
def submit_for_review(*, page, user):
    """A translator sends a translation to their locale's "Translation review" workflow."""
    page = page.specific
    if not page.permissions_for_user(user).can_edit():
        raise TranslationRefused(_("You may not edit this translation."))
    if page.workflow_in_progress:
        raise TranslationRefused(_("This translation is already awaiting review."))
    workflow = page.get_workflow()
    if workflow is None:
        raise TranslationRefused(_("This locale has no translation review workflow yet."))
    from .checks import translation_for

    translation = translation_for(page)
    if translation is not None:
        page = bring_in_changes(translation=translation, user=user)
    workflow.start(page, user)
    return page


HANDFUL = 5  # more pages than this run as a background job


def pages_to_submit(page, include_subtree):
    pages = [page.specific]
    if include_subtree:
        pages += list(page.get_descendants().specific())
    return pages


def start_translation_job(*, page, locales, user, include_subtree=True):
    """Submit ``page`` (and its subtree) for translation: inline for a handful of pages, as a
    background task (django-tasks) with progress in a ``TranslationJob`` otherwise."""
    from .models import TranslationJob
    from .tasks import run_translation_job_task

    _check_may_submit(page, user)
    if not locales:
        raise TranslationRefused(_("Choose at least one locale."))
    total = page.get_descendants(inclusive=True).count() if include_subtree else 1
    job = TranslationJob.objects.create(
        page=page, user=user, include_subtree=include_subtree, total=total
    )
    job.locales.set(locales)
    if total <= HANDFUL:
        run_translation_job(job.pk)
    else:
        transaction.on_commit(lambda: run_translation_job_task.enqueue(job_id=job.pk))
    job.refresh_from_db()
    return job


def start_locale_sync(locale, *, user=None, with_roles=True):
    """Give ``locale`` its placeholder tree (and, ``with_roles``, its roles) in a background task,
    with progress in a ``TranslationJob`` (a locale added or changed in Settings → Locales)."""
    from .models import TranslationJob
    from .tasks import run_locale_sync_task

    job = TranslationJob.objects.create(kind=TranslationJob.SYNC, user=user)
    job.locales.set([locale])
    transaction.on_commit(
        lambda: run_locale_sync_task.enqueue(job_id=job.pk, with_roles=with_roles)
    )
    return job


def _run_job(job, work):
    """Run ``work(progress)`` for ``job``: running, then done or failed (with the error, for the
    user), with progress written as it goes (outside any transaction of the work)."""
    from .models import TranslationJob

    jobs = TranslationJob.objects.filter(pk=job.pk)
    jobs.update(status=TranslationJob.RUNNING, done=0)

    def progress(done, total, page=None):
        jobs.update(done=done, total=total)

    try:
        result = work(progress)
    except Exception as error:  # recorded for the user; the task itself must not crash silently
        jobs.update(status=TranslationJob.FAILED, message=str(error))
        raise
    jobs.update(status=TranslationJob.DONE)
    return result


def run_locale_sync(job_id, *, with_roles=True):
    """Each placeholder is saved on its own, so progress shows while the job runs and a job that
    stops half-way is simply run again (``sync-locale`` creates only what is missing)."""
    from .models import TranslationJob

    job = TranslationJob.objects.get(pk=job_id)
    locale = job.locales.get()

    def work(progress):
        created = sync_locale(locale, progress=progress)
        if with_roles:
            setup_locale_work(locale)
        return created

    return _run_job(job, work)


def run_translation_job(job_id):
    from .models import TranslationJob

    job = TranslationJob.objects.select_related("page", "user").get(pk=job_id)

    def work(progress):
        pages = submit_for_translation(
            page=job.page, locales=list(job.locales.all()), user=job.user,
            include_subtree=job.include_subtree, progress=progress,
        )  # fmt: skip
        TranslationJob.objects.filter(pk=job.pk).update(done=len(pages))
        return len(pages)

    return _run_job(job, work)
