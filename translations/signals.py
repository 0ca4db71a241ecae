"""Thin signal handlers: a republished source page refreshes its translations' segments; a
published translation feeds the translation memory; a locale set to follow the source gets its
tree and roles."""

import logging

from wagtail.models import Locale
from wagtail.signals import page_published

logger = logging.getLogger(__name__)


def refresh_translations_of_source(sender, instance, **kwargs):
    from .tasks import refresh_source_task

    if instance.alias_of_id or instance.locale_id != Locale.get_default().pk:
        return
    try:
        refresh_source_task.enqueue(page_id=instance.pk)
    except Exception:  # a failed refresh must never block publishing
        logger.exception("Could not refresh the translation source of page %s", instance.pk)


def feed_translation_memory(sender, instance, **kwargs):
    """A translated page was published (approved): its segments feed the translation memory.
    A failure is logged and never blocks publishing."""
    from django.db import transaction

    from .memory import feed_page

    if instance.alias_of_id or instance.locale_id == Locale.get_default().pk:
        return
    try:
        with transaction.atomic():
            feed_page(instance, user=kwargs.get("user"))
    except Exception:
        logger.exception("Could not feed the translation memory from page %s", instance.pk)


def sync_locale_in_the_background(sender, instance, created=False, raw=False, **kwargs):
    """A locale set to follow another (Settings → Locales): its tree, as a task; and its roles
    when it starts following (a later save must not reset roles adjusted by hand)."""
    from .services import start_locale_sync

    if not raw:
        start_locale_sync(instance.locale, with_roles=created)


def connect():
    from django.db.models.signals import post_save
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    page_published.connect(
        refresh_translations_of_source, dispatch_uid="translations.refresh_source"
    )
    page_published.connect(feed_translation_memory, dispatch_uid="translations.feed_memory")
    # Instead of wagtail-localize's own tree sync (inline, five queries per page, no roles, no
    # progress): ours, in a task, with progress on the Translations dashboard.
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(
        sync_locale_in_the_background,
        sender=LocaleSynchronization,
        dispatch_uid="translations.sync_locale",
    )
