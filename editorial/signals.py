"""Thin signal handlers: a newly published country unit gets its review cycle."""

import logging

from wagtail.signals import page_published

logger = logging.getLogger(__name__)


def create_review_cycle(sender, instance, **kwargs):
    from course_content.models import CountryUnitPage

    from .services import ensure_review_cycles

    if isinstance(instance, CountryUnitPage):
        try:
            ensure_review_cycles()
        except Exception:  # never block a publish for a bookkeeping row
            logger.exception("Could not create the review cycle of page %s", instance.pk)


def connect():
    page_published.connect(create_review_cycle, dispatch_uid="editorial.create_review_cycle")
