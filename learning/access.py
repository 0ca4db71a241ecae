"""Who may study an edition of the course: the one rule every surface asks.

An edition is a ``CoursePage``; its translations are the same edition in other languages, and
learners are enrolled in the source (Spanish) page. "Studying" an edition means reading its
module bodies, country units and evaluations (and, for any edition, the learner-only resources
and their files). The course overview is public whatever the edition's ``access`` says.

- ``open``: anyone;
- ``registered``: any signed-in person;
- ``enrolled`` (the default): learners with an active or completed enrolment in the edition.

People who work on the content in the admin (``wagtailadmin.access_admin``) may always study it.
"""

from wagtail.models import Locale

from course_content.models import CoursePage
from course_content.models.course import ACCESS_OPEN, ACCESS_REGISTERED

from .models import Enrolment


def source_edition(course):
    """The source-locale page of the edition ``course`` (a ``CoursePage`` in any locale)."""
    default = Locale.get_default()
    if course.locale_id == default.pk:
        return course
    return CoursePage.objects.get(translation_key=course.translation_key, locale=default)


def is_staff(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def enrolment_for(user, course):
    """The user's enrolment in the edition of ``course`` that lets them study it, or None."""
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(
            user=user,
            course__translation_key=course.translation_key,
            status__in=[Enrolment.ACTIVE, Enrolment.COMPLETED],
        )
        .select_related("course")
        .first()
    )


def may_study(user, course):
    """Whether ``user`` may study the edition of ``course`` (a ``CoursePage`` in any locale)."""
    if course.access == ACCESS_OPEN or is_staff(user):
        return True
    if course.access == ACCESS_REGISTERED:
        return user.is_authenticated
    return enrolment_for(user, course) is not None
