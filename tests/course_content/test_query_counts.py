"""SQL queries per request stay constant as content grows (5× units and resources)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from course_content.countries import AMERICAS
from course_content.models import ModuleRelatedResource, ResourceCountry
from learning.models import Enrolment
from tests.factories import (
    CountryUnitPageFactory,
    CoursePageFactory,
    EvaluationPageFactory,
    ModulePageFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

# Measured on the demo course, read by an enrolled learner; a change here is a change in the cost
# of every request. A signed-in reader costs 6 more than an anonymous one did: the session and the
# user, and the access rule's editions, enrolments and view restrictions (read once per request).
EXPECTED = {
    "course": 18 + 1,  # the learner's enrolment (the application form or their progress)
    # Its video block loads the video file and its captions (a query each); opening it records
    # the learner's progress (their enrolment, and one upsert).
    "module": 26 + 2,
    "country_unit": 23,
    "library": 21,
    "outline": 8 + 4,  # the access rule: session, user, editions and enrolments, restrictions
}


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


class Scenario:
    """A course with one module of country units, grown by ``grow()``."""

    codes = sorted(AMERICAS)

    def __init__(self, demo):
        self.demo = demo
        self.course = CoursePageFactory(parent=demo.home, slug="curso-escala")
        self.module = ModulePageFactory(parent=self.course, number=1, has_country_units=True)
        ModulePageFactory(parent=self.course, number=2)
        EvaluationPageFactory(parent=self.module)
        self.units = []
        self.resources = []

    def grow(self, units, resources):
        for code in self.codes[len(self.units) : units]:
            self.units.append(CountryUnitPageFactory(parent=self.module, country=code))
        while len(self.resources) < resources:
            resource = ResourcePageFactory(parent=self.demo.library)
            ResourceCountry.objects.create(
                resource=resource, country=self.codes[len(self.resources) % 30]
            )
            resource.related_modules.add(self.module)
            ModuleRelatedResource.objects.create(
                module=self.module, resource=resource, sort_order=len(self.resources)
            )
            self.resources.append(resource)

    def urls(self):
        return {
            "course": self.course.url,
            "module": self.module.url,
            "country_unit": self.units[0].url,
            "library": self.demo.library.url + "?type=link&page=2",
            "outline": f"/api/v2/outline/{self.course.pk}/",
        }


def test_query_counts_do_not_grow_with_content(learner_client, learner, demo):
    client = learner_client
    scenario = Scenario(demo)
    Enrolment.objects.create(user=learner, course=scenario.course)
    scenario.grow(units=7, resources=8)
    small = {name: count_queries(client, url) for name, url in scenario.urls().items()}
    scenario.grow(units=35, resources=40)
    large = {name: count_queries(client, url) for name, url in scenario.urls().items()}
    assert small == large


def test_demo_pages_query_counts(learner_client, demo):
    """As an enrolled learner reads them."""
    client = learner_client
    urls = {
        "course": demo.course.url,
        "module": demo.module(5).url,
        "country_unit": demo.unit("MX").url,
        "library": demo.library.url,
        "outline": f"/api/v2/outline/{demo.course.pk}/",
    }
    counts = {name: count_queries(client, url) for name, url in urls.items()}
    assert counts == EXPECTED
