"""The ticket an evaluation form carries: a signed, per-learner token.

Each form shown gets a fresh attempt token (``Attempt.token``), signed with the learner's and the
source evaluation's ids and the time it was shown: a second submission of the same form counts
once, and nobody can forge a ticket, reuse another learner's, or submit one evaluation's ticket
to another. A ticket older than ``MAX_AGE`` is refused (the learner reloads the page).
"""

import uuid
from datetime import UTC, datetime

from django.core import signing

SALT = "learning.study.attempt-ticket"
MAX_AGE = 24 * 60 * 60


class BadTicket(Exception):
    pass


class ExpiredTicket(BadTicket):
    pass


def issue(*, user, evaluation, now=None):
    """A ticket for ``user`` to submit ``evaluation`` (the source ``EvaluationPage``) once."""
    now = now or datetime.now(UTC)
    return signing.dumps(
        {"t": uuid.uuid4().hex, "u": user.pk, "e": evaluation.pk, "s": int(now.timestamp())},
        salt=SALT,
    )


def read(value, *, user, evaluation, now=None):
    """``(token, shown_at)`` of a ticket issued to ``user`` for ``evaluation``, or ``BadTicket``
    (forged, someone else's or another evaluation's) or ``ExpiredTicket``."""
    if not value or len(value) > 500:
        raise BadTicket("missing")
    try:
        data = signing.loads(value, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredTicket(str(error)) from error
    except signing.BadSignature as error:
        raise BadTicket(str(error)) from error
    try:
        token = uuid.UUID(hex=data["t"])
        shown_at = datetime.fromtimestamp(int(data["s"]), tz=UTC)
        owner, evaluation_id = data["u"], data["e"]
    except (KeyError, TypeError, ValueError) as error:
        raise BadTicket(str(error)) from error
    if owner != user.pk or evaluation_id != evaluation.pk:
        raise BadTicket("another learner's or evaluation's")
    age = ((now or datetime.now(UTC)) - shown_at).total_seconds()
    if age > MAX_AGE:
        raise ExpiredTicket(f"shown {age:.0f} s ago")
    if age < -60:
        raise BadTicket("shown in the future")
    return token, shown_at
