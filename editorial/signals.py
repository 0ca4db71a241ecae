"""Thin signal handlers: a newly published country unit gets its review cycle."""

import logging

from wagtail.models import Locale
from wagtail.signals import page_published

logger = logging.getLogger(__name__)


def create_review_cycle(sender, instance, **kwargs):
    from course_content.models import CountryUnitPage

    from .models import ReviewCycle

    # Translations share their source's cycle.
    if isinstance(instance, CountryUnitPage) and instance.locale_id == Locale.get_default().pk:
        try:
            ReviewCycle.objects.get_or_create(page=instance)
        except Exception:  # never block a publish for a bookkeeping row
            logger.exception("Could not create the review cycle of page %s", instance.pk)


def connect():
    page_published.connect(create_review_cycle, dispatch_uid="editorial.create_review_cycle")
