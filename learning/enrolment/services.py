"""Enrolment on request: applications, decisions, learner accounts and their personal data.

Views, admin actions and commands call these functions (keyword arguments, one transaction
each); emails leave after the transaction commits, in the applicant's language
(``learning.enrolment.emails``).

- ``submit_application``: while the edition's application window is open, once per email
  address and edition (case-insensitive; the database's constraint settles a race).
- ``approve`` / ``reject``: a pending application (or a rejected one, reconsidered) is decided,
  with a note; the decision is stored on the application and in Wagtail's audit log (who, when,
  note), so every decision stays on record. Approval creates or reactivates the learner's
  account (never with admin access) and enrols them in the edition.
- ``learner_data`` / ``erase_learner``: what a learner may download, and the erasure of the
  person (account, name, email, the applications' personal fields, certificates), keeping their
  enrolments, progress and attempts without them, for statistics.
"""

import datetime
import logging
import secrets

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from learning.access import is_staff, source_edition
from learning.models import Application, Attempt, Certificate, Enrolment, ModuleProgress

from . import emails

logger = logging.getLogger(__name__)

# The privacy notice applicants consent to; change it when the notice changes.
PRIVACY_NOTICE_VERSION = "2026-12-01"

APPROVED_ACTION = "learning.application.approve"
REJECTED_ACTION = "learning.application.reject"


class ApplicationRefused(Exception):
    """An application that cannot be taken (the window is closed, or a duplicate)."""

    def __init__(self, message, *, duplicate=False):
        super().__init__(message)
        self.message = message
        self.duplicate = duplicate


DUPLICATE_MESSAGE = _(
    "We already have an application from this email address for this edition. We will write "
    "to you when it has been reviewed."
)


def window_state(course, now=None):
    """``"open"``, ``"not_yet"`` (opens later), ``"closed"`` (closed, or no window at all)."""
    now = now or timezone.now()
    opens, closes = course.application_opens_at, course.application_closes_at
    if not (opens and closes):
        return "closed"
    if now < opens:
        return "not_yet"
    if now < closes:
        return "open"
    return "closed"


def closed_message(course):
    from django.utils.formats import date_format

    if window_state(course) == "not_yet":
        return _("Applications for this edition open on %(date)s.") % {
            "date": date_format(timezone.localtime(course.application_opens_at), "DATE_FORMAT")
        }
    if course.application_closes_at:
        return _("Applications for this edition closed on %(date)s.") % {
            "date": date_format(timezone.localtime(course.application_closes_at), "DATE_FORMAT")
        }
    return _("This edition does not take applications.")


def duplicate_exists(*, edition, email):
    return Application.objects.filter(course=edition, email__iexact=email.strip()).exists()


def submit_application(*, course, data, language, request=None):
    """Store an application to the edition of ``course`` (a ``CoursePage`` in any locale) and
    email its confirmation. ``data``: the application form's cleaned data."""
    edition = source_edition(course)
    if window_state(edition) != "open":
        raise ApplicationRefused(closed_message(edition))
    try:
        with transaction.atomic():
            application = Application.objects.create(
                course=edition,
                name=data["name"].strip(),
                email=data["email"].strip(),
                organisation=data["organisation"].strip(),
                country=data["country"],
                role=data["role"].strip(),
                motivation=data["motivation"].strip(),
                language=language,
                consent_given_at=timezone.now(),
                privacy_notice_version=PRIVACY_NOTICE_VERSION,
            )
    except IntegrityError:
        # Another request for the same email and edition won the race: the constraint holds.
        raise ApplicationRefused(DUPLICATE_MESSAGE, duplicate=True) from None
    transaction.on_commit(
        lambda: emails.send_application_received(application, request=request), robust=True
    )
    return application


# --- Decisions --------------------------------------------------------------------------------


def _username_for(email):
    User = get_user_model()
    candidate = email.strip().lower()
    if len(candidate) <= 150 and not User.objects.filter(username__iexact=candidate).exists():
        return candidate
    return f"learner-{secrets.token_hex(6)}"


def learner_account(application):
    """The account of the person who applied (found by email), created or reactivated. Never
    given admin access: learners belong to no group and have no permission."""
    User = get_user_model()
    email = application.email.strip()
    user = (
        User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        .order_by("pk")
        .first()
    )
    if user is None:
        user = User(
            username=_username_for(email),
            email=email,
            first_name=application.name[:150],
        )
        user.set_unusable_password()
        user.save()
    elif not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


def may_decide(application, action):
    if application.erased_at:
        return False
    if action == "approve":
        return application.status in (Application.PENDING, Application.REJECTED)
    return application.status == Application.PENDING


def approve(*, application, by, note="", request=None):
    """Approve ``application``: the learner's account and their enrolment in the edition, the
    decision recorded, an email with a set-your-password (or sign-in) link. Returns False, and
    changes nothing, when the application is not one to approve (already approved, erased)."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if not may_decide(application, "approve"):
            return False
        user = learner_account(application)
        enrolment = Enrolment.objects.filter(user=user, course=application.course).first()
        if enrolment is None:
            enrolment = Enrolment.objects.create(
                user=user, course=application.course, application=application
            )
        else:
            if enrolment.status == Enrolment.WITHDRAWN:
                enrolment.status = Enrolment.ACTIVE
            if enrolment.application_id is None:
                enrolment.application = application
            enrolment.save()
        _decide(application, Application.APPROVED, by=by, note=note)
        log(instance=application, action=APPROVED_ACTION, user=by, data={"note": note})
    transaction.on_commit(
        lambda: emails.send_approved(application, user, request=request), robust=True
    )
    return True


def reject(*, application, by, note="", request=None):
    """Reject a pending ``application`` with a note, emailed to the applicant. Returns False,
    and changes nothing, when it is not pending."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if not may_decide(application, "reject"):
            return False
        _decide(application, Application.REJECTED, by=by, note=note)
        log(instance=application, action=REJECTED_ACTION, user=by, data={"note": note})
    transaction.on_commit(lambda: emails.send_rejected(application, request=request), robust=True)
    return True


def _decide(application, status, *, by, note):
    application.status = status
    application.decided_by = by
    application.decided_at = timezone.now()
    application.decision_note = note
    application.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])


def decide(applications, *, action, by, note="", request=None):
    """Approve or reject several applications; returns (decided, left as they were)."""
    decision = approve if action == "approve" else reject
    decided = [
        application
        for application in applications
        if decision(application=application, by=by, note=note, request=request)
    ]
    return decided, [a for a in applications if a not in decided]


def decisions(application):
    """Every decision taken on ``application``, oldest first: (action, who, when, note)."""
    entries = (
        ModelLogEntry.objects.for_instance(application)
        .filter(action__in=[APPROVED_ACTION, REJECTED_ACTION])
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    return [
        {
            "status": Application.APPROVED
            if entry.action == APPROVED_ACTION
            else Application.REJECTED,
            "user": entry.user,
            "user_name": entry.user.get_full_name() or entry.user.get_username()
            if entry.user
            else "",
            "at": entry.timestamp,
            "note": (entry.data or {}).get("note", ""),
        }
        for entry in entries
    ]


# --- A learner's own data ---------------------------------------------------------------------


def _applications_of(user):
    query = Q(enrolment__user=user)
    if user.email:
        query |= Q(email__iexact=user.email)
    return Application.objects.filter(query).filter(erased_at__isnull=True).distinct()


def learner_data(user):
    """Everything stored about ``user`` as learner, as JSON-ready data (a fixed number of
    queries whatever their progress)."""

    def when(moment):
        return moment.isoformat() if moment else None

    applications = _applications_of(user).select_related("course").order_by("created_at")
    enrolments = list(
        Enrolment.objects.filter(user=user).select_related("course").order_by("enrolled_at")
    )
    progress = ModuleProgress.objects.filter(enrolment__in=enrolments).select_related("module")
    attempts = Attempt.objects.filter(enrolment__in=enrolments).select_related("evaluation")
    certificates = Certificate.objects.filter(enrolment__in=enrolments)
    by_enrolment = {enrolment.pk: {"progress": [], "attempts": []} for enrolment in enrolments}
    for row in progress.order_by("first_opened_at"):
        by_enrolment[row.enrolment_id]["progress"].append(
            {
                "module": row.module.title,
                "module_id": row.module_id,
                "first_opened_at": when(row.first_opened_at),
                "last_opened_at": when(row.last_opened_at),
            }
        )
    for row in attempts.order_by("submitted_at"):
        by_enrolment[row.enrolment_id]["attempts"].append(
            {
                "evaluation": row.evaluation.title,
                "evaluation_id": row.evaluation_id,
                "language": row.language,
                "answers": row.answers,
                "points": row.points,
                "total_points": row.total_points,
                "score": row.score,
                "pass_mark": row.pass_mark,
                "passed": row.passed,
                "started_at": when(row.started_at),
                "submitted_at": when(row.submitted_at),
            }
        )
    certificate_of = {row.enrolment_id: row for row in certificates}
    return {
        "account": {
            "username": user.get_username(),
            "name": user.get_full_name(),
            "email": user.email,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
        },
        "applications": [
            {
                "edition": application.course.title,
                "name": application.name,
                "email": application.email,
                "organisation": application.organisation,
                "country": application.country,
                "role": application.role,
                "motivation": application.motivation,
                "language": application.language,
                "applied_at": when(application.created_at),
                "consent_given_at": when(application.consent_given_at),
                "privacy_notice_version": application.privacy_notice_version,
                "status": application.status,
                "decided_at": when(application.decided_at),
                "decision_note": application.decision_note,
            }
            for application in applications
        ],
        "enrolments": [
            {
                "edition": enrolment.course.title,
                "status": enrolment.status,
                "enrolled_at": when(enrolment.enrolled_at),
                "completed_at": when(enrolment.completed_at),
                "progress": by_enrolment[enrolment.pk]["progress"],
                "attempts": by_enrolment[enrolment.pk]["attempts"],
                "certificate": {
                    "code": certificate_of[enrolment.pk].code,
                    "learner_name": certificate_of[enrolment.pk].learner_name,
                    "course": certificate_of[enrolment.pk].course_title,
                    "hours": str(certificate_of[enrolment.pk].hours),
                    "issued_at": when(certificate_of[enrolment.pk].issued_at),
                }
                if enrolment.pk in certificate_of
                else None,
            }
            for enrolment in enrolments
        ],
    }


class ErasureRefused(Exception):
    pass


def erasure_refusal(user):
    """Why ``user`` may not erase their own account here, or None. People who work on the
    course in the admin are erased by an administrator."""
    if is_staff(user) or user.is_staff or user.is_superuser:
        return _(
            "This account also works on the course in the admin, so it cannot be erased here: "
            "please ask an administrator."
        )
    return None


def erase_learner(*, user):
    """Erase the person: their applications' personal fields, their certificates and their
    account. Their enrolments, progress and attempts stay, without them (``user`` empty), so
    the edition's counts and statistics do not change."""
    if refusal := erasure_refusal(user):
        raise ErasureRefused(refusal)
    now = timezone.now()
    with transaction.atomic():
        # Locked by id: PostgreSQL refuses FOR UPDATE with the DISTINCT of _applications_of.
        applications = list(
            Application.objects.select_for_update().filter(
                pk__in=_applications_of(user).values("pk")
            )
        )
        for application in applications:
            erase_application(application=application, now=now)
        Certificate.objects.filter(enrolment__user=user).delete()
        _scrub_log_entries(user)
        user.delete()  # enrolments keep their rows: Enrolment.user is SET_NULL
    return len(applications)


def erase_application(*, application, now=None):
    """Remove an application's personal fields; its edition, country, language, status and
    dates stay for statistics."""
    application.name = ""
    application.email = f"{application.pk}@erased.invalid"
    application.organisation = ""
    application.role = ""
    application.motivation = ""
    application.decision_note = ""
    application.erased_at = now or timezone.now()
    application.save()
    ModelLogEntry.objects.for_instance(application).update(label=f"#{application.pk}", data={})


RETENTION = datetime.timedelta(days=365)


def erase_expired(*, now=None):
    """Erase what the privacy notice promises not to keep: learners all of whose editions ended
    more than a year ago, and the applications to such editions. Editions without an end date
    keep theirs. Returns (learners, applications) erased."""
    cutoff = timezone.localdate(now or timezone.now()) - RETENTION
    User = get_user_model()
    expired = Q(enrolments__course__ends_on__lt=cutoff)
    running = Q(enrolments__course__ends_on__isnull=True) | Q(
        enrolments__course__ends_on__gte=cutoff
    )
    learners = (
        User.objects.filter(expired)
        .exclude(pk__in=User.objects.filter(running).values("pk"))
        .distinct()
    )
    erased_learners = 0
    for user in learners:
        if erasure_refusal(user) is None:
            erase_learner(user=user)
            erased_learners += 1
    applications = Application.objects.filter(
        erased_at__isnull=True, course__ends_on__lt=cutoff
    ).exclude(enrolment__user__isnull=False)
    erased_applications = 0
    with transaction.atomic():
        # Locked by id: PostgreSQL refuses FOR UPDATE on the nullable side of the outer join.
        locked = Application.objects.select_for_update().filter(pk__in=applications.values("pk"))
        for application in locked:
            erase_application(application=application)
            erased_applications += 1
    return erased_learners, erased_applications


def _scrub_log_entries(user):
    ModelLogEntry.objects.for_instance(user).update(label=f"#{user.pk}", data={})
