"""Editorial operations: review cycles of country units."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Locale

from course_content.models import CountryUnitPage

from .models import ReviewCycle


def ensure_review_cycles(*, last_reviewed_on=None):
    """Give every source-locale country unit a review cycle (new ones start "never reviewed")."""
    units = CountryUnitPage.objects.filter(locale=Locale.get_default(), review_cycle__isnull=True)
    cycles = [ReviewCycle(page=unit, last_reviewed_on=last_reviewed_on) for unit in units]
    for cycle in cycles:
        cycle.save()
    return len(cycles)


@transaction.atomic
def confirm_review(*, cycle, user, note="", reviewed_on=None):
    """Record "reviewed, no change needed": the cycle moves on, the page history says so, and no
    content revision is created."""
    reviewed_on = reviewed_on or timezone.localdate()
    cycle.last_reviewed_on = reviewed_on
    cycle.save(update_fields=["last_reviewed_on"])
    log(
        instance=cycle.page,
        action="editorial.review_confirmed",
        user=user,
        data={"reviewed_on": reviewed_on.isoformat(), "note": note.strip()},
    )
    return cycle


def last_reviewed_on(page):
    """When a country unit was last reviewed: its review cycle is shared by its translations
    (they follow the source)."""
    cycles = ReviewCycle.objects.filter(page__translation_key=page.translation_key)
    return cycles.values_list("last_reviewed_on", flat=True).first()


def last_reviewed_on_many(pages):
    """``last_reviewed_on`` of each of ``pages``, by page id, in one query (API listings)."""
    keys = {page.translation_key for page in pages}
    reviewed = {}
    cycles = ReviewCycle.objects.filter(page__translation_key__in=keys).order_by("pk")
    for key, day in cycles.values_list("page__translation_key", "last_reviewed_on"):
        reviewed.setdefault(key, day)
    return {page.pk: reviewed.get(page.translation_key) for page in pages}
