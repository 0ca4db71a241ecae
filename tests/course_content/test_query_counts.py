"""SQL queries per request: within budget, and constant as content grows (5× units and
resources for a learner; 10× the course for an anonymous visitor) and across languages."""

import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from course_content.countries import AMERICAS
from course_content.models import (
    CountryUnitPage,
    EvaluationPage,
    ModulePage,
    ModuleRelatedResource,
    ResourceCountry,
    ResourcePage,
)
from learning.models import Enrolment
from tests.factories import (
    CountryUnitPageFactory,
    CoursePageFactory,
    EvaluationPageFactory,
    HomePageFactory,
    ModulePageFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

# Measured on the demo course, read by an enrolled learner; a change here is a change in the cost
# of every request. A signed-in reader costs more than an anonymous one: the session and the
# user, and the access rule's enrolments. Before issue 12: course 19, module 28, country unit 23,
# library 21 (routing read each URL segment and its specific page; breadcrumbs, header links and
# translations were read again; a country unit read its module once more).
EXPECTED = {
    "course": 12,  # with the learner's enrolment (the application form or their progress)
    # Its video block loads the video file and its captions (a query each); opening it records
    # the learner's progress (their enrolment, and one upsert).
    "module": 17,
    "country_unit": 11,
    "library": 13,
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


# --- Anonymous visitors: budgets, flat at 10× the course, translations no dearer -------------

# Queries for an anonymous visitor's second request (uncached rendering: PAGE_CACHE_SECONDS is 0
# in the test settings). Before issue 12 (demo course, Spanish): home 13, course 13, module 20
# (module 5 with its country units: 21), library 16; a country unit 15 on an open edition.
ANONYMOUS_BUDGET = {"home": 6, "course": 8, "module": 10, "country_unit": 8, "library": 8}

STEP_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number):
    """The tree path segment of a page's ``number``-th child (treebeard: 4 base-36 digits)."""
    digits = ""
    for _ in range(Page.steplen):
        number, digit = divmod(number, len(STEP_ALPHABET))
        digits = STEP_ALPHABET[digit] + digits
    return digits


def add_live_children(parent, model, children):
    """Live pages of ``model`` under ``parent``, written straight to their tables (the page rows
    in one query, then each page's own row): a tree of 2,000 pages in seconds, where saving each
    through Wagtail (revisions, search and reference indexes) would take minutes.
    ``children``: each page's fields, ``title`` and ``slug`` included."""
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    first = int(last[-Page.steplen :], 36) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    page_fields = {field.name for field in Page._meta.concrete_fields}
    rows, own = [], []
    for number, fields in enumerate(children, start=first):
        base = {name: value for name, value in fields.items() if name in page_fields}
        rows.append(
            Page(
                path=parent.path + _step(number),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{fields['slug']}/",
                draft_title=fields["title"],
                live=True,
                locale_id=parent.locale_id,
                content_type=content_type,
                translation_key=uuid.uuid4(),
                **base,
            )
        )
        own.append({name: value for name, value in fields.items() if name not in page_fields})
    rows = Page.objects.bulk_create(rows)
    pages = []
    for row, fields in zip(rows, own, strict=True):
        inherited = {field.attname: getattr(row, field.attname) for field in Page._meta.fields}
        page = model(page_ptr=row, **inherited, **fields)
        page.save_base(raw=True, force_insert=True)
        pages.append(page)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def anonymous_counts(client, urls):
    return {name: count_queries(client, url) for name, url in urls.items()}


class OpenCourse:
    """An open edition (anyone reads its country units) under the demo home, grown in bulk."""

    def __init__(self, demo):
        self.demo = demo
        self.course = CoursePageFactory(parent=demo.home, slug="curso-abierto", access="open")
        self.modules = []
        self.units = []
        self.resources = []

    def grow(self, *, modules, units_per_module, resources):
        codes = sorted(AMERICAS)[:units_per_module]
        new = add_live_children(
            self.course,
            ModulePage,
            [
                {
                    "title": f"Módulo {number}",
                    "slug": f"modulo-{number}",
                    "number": number,
                    "estimated_hours": 3,
                    "has_country_units": True,
                    "summary": "Resumen.",
                }
                for number in range(len(self.modules) + 1, modules + 1)
            ],
        )
        self.modules += new
        for module in new:
            self.units += add_live_children(
                module,
                CountryUnitPage,
                [
                    {"title": f"Unidad {code}", "slug": f"unidad-{code.lower()}", "country": code}
                    for code in codes
                ],
            )
            add_live_children(
                module, EvaluationPage, [{"title": "Evaluación", "slug": "evaluacion"}]
            )
        start = len(self.resources)
        added = add_live_children(
            self.demo.library,
            ResourcePage,
            [
                {
                    "title": f"Recurso abierto {n:04d}",
                    "slug": f"recurso-abierto-{n}",
                    "resource_type": "link",
                    "external_url": "https://example.org/recurso",
                }
                for n in range(start, resources)
            ],
        )
        ResourceCountry.objects.bulk_create(
            ResourceCountry(resource=resource, country=codes[i % len(codes)], sort_order=0)
            for i, resource in enumerate(added)
        )
        ModuleRelatedResource.objects.bulk_create(
            ModuleRelatedResource(module=self.modules[0], resource=resource, sort_order=start + i)
            for i, resource in enumerate(added)
        )
        self.resources += added

    def urls(self):
        module = self.modules[0]
        return {
            "home": self.demo.home.url,
            "course": self.course.url,
            "module": module.url,
            "country_unit": self.units[0].url,
            "library": self.demo.library.url + "?type=link&page=2",
        }


def test_anonymous_counts_within_budget_and_flat_at_ten_times_the_course(client, demo):
    course = OpenCourse(demo)
    # The demo's size (10 modules, 19 country units a module), then 10× (100 modules, 1,900
    # country units; 360 resources in the library, 10× the demo's 36).
    course.grow(modules=10, units_per_module=19, resources=12)
    small = anonymous_counts(client, course.urls())
    course.grow(modules=100, units_per_module=19, resources=324)
    assert (len(course.modules), len(course.units)) == (100, 1900)
    large = anonymous_counts(client, course.urls())
    assert small == large
    assert all(large[name] <= ANONYMOUS_BUDGET[name] for name in large), large
    # What the visitor sees is the grown course, not a cached or empty page.
    assert "Módulo 100" in client.get(course.course.url).content.decode()


def demo_urls(demo, locale=None):
    pages = {
        "home": demo.home,
        "course": demo.course,
        "module": demo.module(1),
        "library": demo.library,
    }
    if locale is not None:
        pages = {name: page.get_translation(locale) for name, page in pages.items()}
    return {name: page.url for name, page in pages.items()}


def test_anonymous_demo_pages_within_budget_in_every_language(client, demo):
    spanish = anonymous_counts(client, demo_urls(demo))
    assert all(spanish[name] <= ANONYMOUS_BUDGET[name] for name in spanish), spanish
    for code in ("en", "pt-br"):
        locale = Locale.objects.get(language_code=code)
        urls = demo_urls(demo, locale)
        translated = anonymous_counts(client, urls)
        # A translated page costs no more than its Spanish source.
        assert all(translated[name] <= spanish[name] for name in spanish), (code, translated)
        response = client.get(urls["module"])
        assert response.headers["Content-Language"] == code


def test_routing_and_breadcrumbs_read_each_thing_once(client, demo):
    """No statement is run twice while serving a page (routing, ancestors, breadcrumbs)."""
    unit = demo.unit("MX")
    unit_course = demo.course
    unit_course.access = "open"
    unit_course.save(update_fields=["access"])
    for url in [demo.home.url, demo.module(5).url, unit.url, demo.library.url]:
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        statements = [query["sql"] for query in context.captured_queries]
        assert len(statements) == len(set(statements)), url
    html = client.get(unit.url).content.decode()
    assert demo.module(5).title in html  # its breadcrumb, read by routing


# --- Routing in one query keeps Wagtail's answers ---------------------------------------------


def wagtail_route(path, language):
    """Wagtail's own routing of ``path`` (what ``serve_page`` replaces), as page id or None."""
    from django.http import Http404
    from django.test import RequestFactory
    from django.utils import translation
    from wagtail.models import Site

    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        site = Site.find_for_request(request)
        try:
            page, _args, _kwargs = site.root_page.localized.specific.route(
                request, [part for part in path.split("/") if part]
            )
        except Http404:
            return None
    return page.pk


def our_route(path, language):
    from django.test import RequestFactory
    from django.utils import translation

    from course_content.routing import route

    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        result = route(request, path)
    return None if result is None else result.page.pk


def test_routing_in_one_query_finds_what_wagtail_finds(demo):
    draft = ModulePageFactory(parent=demo.course, number=77, slug="borrador")
    draft.unpublish()
    draft_child = EvaluationPageFactory(parent=draft, slug="evaluacion-bajo-borrador")
    paths = {"", "no-existe/", "curso-ninez-migrante/no-existe/", "biblioteca/x/y/z/"}
    for page in Page.objects.filter(depth__gte=2).select_related("locale")[:400]:
        home = page.url_path.split("/")[1]
        paths.add(page.url_path.removeprefix(f"/{home}/"))
    paths |= {draft.url_path.split("/", 2)[2], draft_child.url_path.split("/", 2)[2]}
    for language in ("es", "en", "pt-br"):
        for path in sorted(paths):
            assert our_route(path, language) == wagtail_route(path, language), (language, path)
    # Wagtail's rules: a draft is not served; a live page under a draft is.
    assert our_route(draft.url_path.split("/", 2)[2], "es") is None
    assert our_route(draft_child.url_path.split("/", 2)[2], "es") == draft_child.pk


def test_a_changed_site_is_routed_at_once(client, demo):
    from wagtail.models import Site

    assert client.get("/es/", HTTP_HOST="127.0.0.1").status_code == 200  # the default site
    root = Page.objects.get(depth=1)
    other = HomePageFactory(parent=root, slug="otro-portal", title="Otro portal de prueba")
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other)
    assert "Otro portal de prueba" in client.get("/es/", HTTP_HOST="127.0.0.1").content.decode()
    assert "Otro portal de prueba" not in client.get("/es/").content.decode()
