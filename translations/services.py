"""Translation and regional-adaptation operations, built on wagtail-localize.

Views, commands and tasks call these functions; they hold our rules.
"""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex


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
    return locale


def sync_locale(locale, *, progress=_noop):
    """Create placeholders in ``locale`` for source pages it lacks, reporting progress."""
    sync = LocaleSynchronization.objects.filter(locale=locale).select_related("sync_from").first()
    if sync is None:
        return 0
    source = sync.sync_from
    index = PageIndex.from_database().sort_by_tree_position()
    missing = [
        entry
        for entry in index.not_translated_into(locale)
        if (source.id in entry.locales or source.id in entry.aliased_locales)
        and locale.id not in entry.aliased_locales
    ]
    total = len(missing)
    for done, entry in enumerate(missing, start=1):
        page = entry.content_type.model_class().objects.get(
            translation_key=entry.translation_key, locale=source
        )
        if not Page.objects.filter(translation_key=entry.translation_key, locale=locale).exists():
            page.copy_for_translation(locale, copy_parents=True, alias=True)
        progress(done, total, page)
    return total
