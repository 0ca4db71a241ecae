"""When a learner may submit an evaluation: inside the edition's dates, and as its retake policy
allows (unlimited by default; ``max_attempts``, ``retake_wait_minutes``). Plain functions of the
data given, with the messages a learner reads."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import formats, timezone
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PASSED = "passed"
EXHAUSTED = "exhausted"
WAIT = "wait"


@dataclass(frozen=True)
class RetakeStatus:
    allowed: bool
    reason: str = ""  # PASSED, EXHAUSTED or WAIT when not allowed
    used: int = 0
    limit: int | None = None
    next_at: datetime | None = None

    @property
    def remaining(self):
        return None if self.limit is None else max(self.limit - self.used, 0)


def retake_status(evaluation, attempts, *, now=None):
    """May one more attempt of ``evaluation`` (its retake policy: the source page's fields) be
    made, given the learner's ``attempts`` of it (objects with ``passed`` and ``submitted_at``)?
    A passed evaluation is done; the limit counts every attempt; the wait runs from the last."""
    now = now or timezone.now()
    attempts = list(attempts)
    used = len(attempts)
    limit = evaluation.max_attempts
    if any(attempt.passed for attempt in attempts):
        return RetakeStatus(False, PASSED, used, limit)
    if limit is not None and used >= limit:
        return RetakeStatus(False, EXHAUSTED, used, limit)
    if attempts and evaluation.retake_wait_minutes:
        last = max(attempt.submitted_at for attempt in attempts)
        next_at = last + timedelta(minutes=evaluation.retake_wait_minutes)
        if next_at > now:
            return RetakeStatus(False, WAIT, used, limit, next_at)
    return RetakeStatus(True, "", used, limit)


def moment(value):
    """A date and time in the reader's language and the site's time zone."""
    local = timezone.localtime(value)
    return formats.date_format(local, "DATE_FORMAT"), formats.time_format(local, "TIME_FORMAT")


def retake_message(status, *, now=None):
    """What the learner is told about their next attempt."""
    if status.reason == PASSED:
        return _("You passed this evaluation.")
    if status.reason == EXHAUSTED:
        return ngettext(
            "You have used your only attempt at this evaluation.",
            "You have used all %(count)d attempts at this evaluation.",
            status.limit,
        ) % {"count": status.limit}
    if status.reason == WAIT:
        date, time = moment(status.next_at)
        return _("You may try again on %(date)s at %(time)s (in %(delay)s).") % {
            "date": date,
            "time": time,
            "delay": timeuntil(status.next_at, now or timezone.now()),
        }
    if status.limit is not None and status.used:
        return ngettext(
            "You may try again now: %(count)d attempt left.",
            "You may try again now: %(count)d attempts left.",
            status.remaining,
        ) % {"count": status.remaining}
    if status.used:
        return _("You may try again now.")
    return ""


def edition_closed_message(course, *, today=None):
    """Why attempts are closed in the edition ``course`` today, or "" inside its dates."""
    today = today or timezone.localdate()
    if course.starts_on and today < course.starts_on:
        return _("This edition starts on %(date)s: evaluations open then.") % {
            "date": formats.date_format(course.starts_on, "DATE_FORMAT")
        }
    if course.ends_on and today > course.ends_on:
        return _("This edition ended on %(date)s: evaluations are closed.") % {
            "date": formats.date_format(course.ends_on, "DATE_FORMAT")
        }
    return ""
