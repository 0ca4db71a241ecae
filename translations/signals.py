"""Thin signal handlers: a republished source page refreshes its translations' segments."""

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


def connect():
    page_published.connect(
        refresh_translations_of_source, dispatch_uid="translations.refresh_source"
    )
