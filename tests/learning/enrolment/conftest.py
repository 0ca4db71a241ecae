import datetime

import pytest
from django.utils import timezone

from course_content.models import CoursePage
from learning.models import Application


def set_window(course, *, opens, closes):
    """Move the application window of ``course``'s edition (and its translations, whose dates
    are synchronised from it)."""
    CoursePage.objects.filter(translation_key=course.translation_key).update(
        application_opens_at=opens, application_closes_at=closes
    )


@pytest.fixture
def window(demo):
    """``window("open" | "closed" | "not_yet")`` sets the demo edition's application window."""
    now = timezone.now()
    day = datetime.timedelta(days=1)
    spans = {
        "open": (now - day, now + 30 * day),
        "closed": (now - 60 * day, now - 2 * day),
        "not_yet": (now + 5 * day, now + 40 * day),
    }

    def set_to(state):
        opens, closes = spans[state]
        set_window(demo.course, opens=opens, closes=closes)
        return opens, closes

    return set_to


def application_data(**overrides):
    data = {
        "name": "Marta Quispe",
        "email": "marta.quispe@example.org",
        "organisation": "Defensoría del Pueblo",
        "country": "PE",
        "role": "Abogada",
        "motivation": "Atiendo casos de niñas y niños no acompañados en la frontera sur.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def course_in(demo):
    """The demo edition's page in a language (the source in Spanish)."""

    def page(language):
        return CoursePage.objects.get(
            translation_key=demo.course.translation_key, locale__language_code=language
        )

    return page


@pytest.fixture
def pending(demo):
    """``pending(name, email, language="es", country="PE")``: a new application waiting for
    review in the demo edition."""

    def make(name="Marta Quispe", email="marta.quispe@example.org", language="es", country="PE"):
        return Application.objects.create(
            course=demo.course,
            name=name,
            email=email,
            organisation="Defensoría del Pueblo",
            country=country,
            role="Abogada",
            motivation="Trabajo con niñez migrante.",
            language=language,
            consent_given_at=timezone.now(),
            privacy_notice_version="2026-12-01",
        )

    return make
