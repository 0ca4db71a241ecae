import html
import json
import re
from functools import cached_property

from django.urls import reverse

from course_content.models import (
    CountryUnitPage,
    CoursePage,
    EvaluationPage,
    HomePage,
    ModulePage,
    ResourceLibraryPage,
    ResourcePage,
)


class DemoPages:
    """Lazy handles on the pages of the demo course (Spanish locale)."""

    @cached_property
    def home(self):
        return HomePage.objects.get(depth=2, locale__language_code="es")

    @cached_property
    def course(self):
        from course_content.demo import content

        return CoursePage.objects.child_of(self.home).get(slug=content.COURSE["slug"])

    @cached_property
    def library(self):
        return ResourceLibraryPage.objects.child_of(self.home).get()

    def module(self, number):
        return ModulePage.objects.child_of(self.course).get(number=number)

    def unit(self, country):
        return CountryUnitPage.objects.descendant_of(self.course).get(country=country)

    def evaluation(self, number):
        return EvaluationPage.objects.child_of(self.module(number)).get()

    def resources(self, **filters):
        return ResourcePage.objects.child_of(self.library).filter(**filters)


def editor_props(client, page):
    """The data wagtail-localize's translation editor (a React app) is given for ``page``."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    match = re.search(r'data-props="([^"]*)"', response.content.decode())
    return json.loads(html.unescape(match.group(1)))


def workflow_action_url(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def post_workflow_action(client, page, task_state, action="approve", data=None):
    """Take a workflow action through the admin; ``task_state`` is refreshed afterwards."""
    response = client.post(workflow_action_url(page, action, task_state), data or {})
    task_state.refresh_from_db()
    return response
