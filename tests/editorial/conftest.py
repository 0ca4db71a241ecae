import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from editorial.roles import ADMINISTRATORS, EDITORS, PUBLISHERS, REVIEWERS
from editorial.workflows import WORKFLOW_NAME

ROLE_USERS = {
    EDITORS: "editora",
    REVIEWERS: "revisor",
    PUBLISHERS: "publicadora",
    ADMINISTRATORS: "administrador",
}


@pytest.fixture
def role_user(user):
    """The demo user of an editorial role."""
    return lambda role: user(ROLE_USERS[role])


@pytest.fixture
def login(as_user):
    """Log the test client in as the demo user of an editorial role."""
    return lambda role: as_user(ROLE_USERS[role])


@pytest.fixture
def workflow(db):
    return Workflow.objects.get(name=WORKFLOW_NAME)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def library_form(library, **overrides):
    data = {
        "title": library.title,
        "slug": library.slug,
        "summary": library.summary,
        "change_note": "",
    }
    data.update(overrides)
    return data


def future(days=3):
    return (timezone.localtime() + datetime.timedelta(days=days)).strftime("%Y-%m-%d %H:%M")
