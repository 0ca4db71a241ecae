import datetime

import pytest
from django.contrib.auth import get_user_model
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
def role_user(db):
    User = get_user_model()

    def get(role):
        return User.objects.get(username=ROLE_USERS[role])

    return get


@pytest.fixture
def login(client, role_user):
    def as_role(role):
        client.force_login(role_user(role))
        return client

    return as_role


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
