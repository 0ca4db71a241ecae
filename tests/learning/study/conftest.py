"""Learners enrolled in the demo edition, and what they do with an evaluation's form."""

import re

import pytest
from django.contrib.auth import get_user_model

from course_content.blocks import answer_key
from learning.models import Attempt, Certificate, Enrolment, ModuleProgress


@pytest.fixture(autouse=True)
def _without_the_demo_learners_records(db):
    """The demo's learner (``load_demo_learning``) has progress and a failed attempt; these
    tests count the records of their own learners, from none."""
    for model in (Certificate, Attempt, ModuleProgress):
        model.objects.all().delete()


@pytest.fixture
def make_learner(db, demo):
    """``make_learner(username, enrolled=True, status=…)``: a learner (Spanish name, so the
    certificate's typography is tested), enrolled in the demo edition."""

    def make(username="ana", *, enrolled=True, status=Enrolment.ACTIVE, course=None):
        user = get_user_model().objects.create_user(
            username, first_name="Ana María", last_name="Núñez Peña", password="pw-not-used"
        )
        if enrolled:
            Enrolment.objects.create(user=user, course=course or demo.course, status=status)
        return user

    return make


@pytest.fixture
def learner(make_learner):
    return make_learner()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def key_of(evaluation):
    return [answer_key(child) for child in evaluation.questions]


def correct_answers(evaluation):
    """Form data answering every question of ``evaluation`` right (from its answer key)."""
    return {f"q-{q['id']}": sorted(q["correct"]) for q in key_of(evaluation)}


def answers_with_wrong(evaluation, wrong):
    """Every question right except the ``wrong`` first ones (answered with a wrong option)."""
    data = {}
    for index, question in enumerate(key_of(evaluation)):
        if index < wrong:
            data[f"q-{question['id']}"] = [
                next(o for o in question["options"] if o not in question["correct"])
            ]
        else:
            data[f"q-{question['id']}"] = sorted(question["correct"])
    return data


TICKET = re.compile(r'name="ticket" value="([^"]+)"')
ACTION = re.compile(r'<form method="post" action="([^"]+)" class="evaluation-form"')


class Form:
    """The evaluation form a learner's page shows: where it posts and its ticket."""

    def __init__(self, client, page_url):
        response = client.get(page_url)
        assert response.status_code == 200, page_url
        self.html = response.content.decode()
        ticket, action = TICKET.search(self.html), ACTION.search(self.html)
        assert ticket and action, "the page shows no evaluation form"
        self.ticket, self.action = ticket.group(1), action.group(1)
        self.client = client

    def submit(self, answers, **extra):
        return self.client.post(self.action, {"ticket": self.ticket, **answers, **extra})


@pytest.fixture
def open_form():
    return Form
