"""Hostile input never produces a 500.

1. Every public URL pattern (the URLconf is walked, so a new route is covered the day it is added)
   and every API endpoint, with a fixed list of bad values in each path converter and in each
   query parameter the view reads.
2. Every admin form and listing the project adds outside ``translations/`` (the review-cycle
   report with its filters and CSV/XLSX exports, editing a cycle, "Mark reviewed", the sign-in
   lockouts, and the page editor's own fields: dates, numbers, choices), signed in as each
   editorial role.

What was tried and each response code seen are printed (``pytest -s``) and written to
``var/hostile-input.json``.
"""

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from course_content.models import CoursePage, ModulePage
from editorial.models import ReviewCycle

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SUMMARY = ROOT / "var" / "hostile-input.json"

HUGE = "99999999999999999999"
BAD_VALUES = [
    "\x00",
    "a\x00b",
    HUGE,
    "2147483648",
    "-1",
    "0",
    "1e309",
    "ñandú 漢字 🙂 \u202e",
    "x" * 10_000,
    "' OR '1'='1' --; DROP TABLE wagtailcore_page",
    '(a+)+$ .* [ ] { } \\ % _ %25 "',
    "../../../etc/passwd",
    "<script>alert(1)</script>{{ 7|add:7 }}{% debug %}",
    "",
]
INTEGER_VALUES = [HUGE, "2147483648", "0"]
ROLES = ["editora", "revisor", "publicadora", "administrador"]

API_PARAMETERS = {
    "pages": [
        "search",
        "search_operator",
        "type",
        "fields",
        "order",
        "limit",
        "offset",
        "locale",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "translation_of",
        "id",
        "title",
        "slug",
        "show_in_menus",
        "site",
    ],
    "images": ["search", "search_operator", "fields", "order", "limit", "offset", "id", "title"],
    "documents": ["search", "search_operator", "fields", "order", "limit", "offset", "id", "title"],
    "outline": ["locale", "format"],
}
FIND_PARAMETERS = ["id", "html_path"]
# The query parameters each public page reads (the library's filters and pagination, the module
# page's country filter), and "page"/"q" everywhere.
LIBRARY_PARAMETERS = ["page", "type", "module", "country", "language"]
OTHER_PAGE_PARAMETERS = ["page", "q", "country"]


class Tally:
    """What was tried, by area, and each response code seen, over the whole module."""

    def __init__(self):
        self.tried = Counter()
        self.codes = Counter()
        self.failures = []


class Walk:
    """One test's requests: counted in the module's tally, server errors kept for this test."""

    def __init__(self, tally):
        self.tally = tally
        self.failures = []

    def record(self, area, response, what):
        self.tally.tried[area] += 1
        self.tally.codes[response.status_code] += 1
        if response.status_code >= 500:
            self.failures.append(f"{response.status_code} {what}")
            self.tally.failures.append(self.failures[-1])


@pytest.fixture(scope="module")
def module_tally():
    tally = Tally()
    yield tally
    summary = {
        "requests": sum(tally.tried.values()),
        "by_area": dict(sorted(tally.tried.items())),
        "response_codes": {str(code): count for code, count in sorted(tally.codes.items())},
        "bad_values": len(BAD_VALUES),
        "server_errors": len(tally.failures),
    }
    SUMMARY.parent.mkdir(exist_ok=True)
    SUMMARY.write_text(json.dumps(summary, indent=2) + "\n")
    print("\nHostile-input walk:", json.dumps(summary, indent=2))


@pytest.fixture
def tally(module_tally):
    return Walk(module_tally)


@pytest.fixture
def bare_client(client):
    client.raise_request_exception = False
    return client


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + _route(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + _route(entry.pattern), entry


def _route(pattern):
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    if isinstance(pattern, RegexPattern):
        return "<regex:" + pattern.regex.pattern.lstrip("^").rstrip("$") + ">"
    return str(pattern)  # i18n_patterns' LocalePrefixPattern: the current language, "es/"


CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>|<regex:.*>$")


def public_routes():
    """Every URL pattern outside the admin, as a route string."""
    routes = []
    for route, _entry in walk(get_resolver().url_patterns):
        route = route.replace("^", "").replace("$", "")
        if route.startswith(("admin/", settings.MEDIA_URL.lstrip("/"))):
            continue
        routes.append(route)
    return routes


def fill(route, value):
    """``route`` with every converter (or regex group) replaced by ``value``, URL-quoted."""
    quoted = quote(value, safe="")
    if "<regex:" in route:
        head = route.split("<regex:", 1)[0]
        return "/" + head + quoted + "/"
    return "/" + CONVERTER.sub(lambda match: quoted, route)


def test_the_walk_covers_every_public_route():
    routes = public_routes()
    assert any(route.startswith("api/v2/") for route in routes)
    assert any("document_id" in route for route in routes)
    assert any(route.startswith("es/") for route in routes), "the public site (i18n patterns)"
    assert len(routes) >= 15


def test_every_public_url_pattern_survives_bad_path_values(bare_client, tally):
    for route in public_routes():
        has_converter = bool(CONVERTER.search(route))
        values = BAD_VALUES if has_converter else [""]
        for value in values:
            url = fill(route, value) if has_converter else "/" + route
            response = bare_client.get(url)
            tally.record("public paths", response, url[:120])
            if "<int:" in route and value in INTEGER_VALUES:
                assert response.status_code in (400, 404, 302), (url[:120], response.status_code)
    assert not tally.failures, tally.failures


def test_every_public_url_pattern_survives_bad_query_parameters(bare_client, tally):
    for route in public_routes():
        url = fill(route, "1") if CONVERTER.search(route) else "/" + route
        for value in BAD_VALUES:
            response = bare_client.get(url, {"q": value, "next": value, "format": value})
            tally.record("public query parameters", response, f"{url} ?q={value[:40]!r}")
    assert not tally.failures, tally.failures


@pytest.mark.parametrize("endpoint", sorted(API_PARAMETERS))
def test_every_api_endpoint_answers_bad_parameters_with_400_not_500(bare_client, tally, endpoint):
    base = f"/api/v2/{endpoint}/"
    for name in API_PARAMETERS[endpoint]:
        for value in BAD_VALUES:
            response = bare_client.get(base, {name: value})
            tally.record("API query parameters", response, f"{base}?{name}={value[:40]!r}")
            assert response["Content-Type"].startswith("application/json"), (name, value[:40])
            if response.status_code >= 400:
                assert "message" in response.json()
    for value in BAD_VALUES:
        response = bare_client.get(fill(base + "<int:pk>/", value))
        tally.record("API paths", response, f"{base}{value[:40]!r}/")
    if endpoint != "outline":
        for name in FIND_PARAMETERS:
            for value in BAD_VALUES:
                response = bare_client.get(base + "find/", {name: value})
                tally.record("API find", response, f"{base}find/?{name}={value[:40]!r}")
    assert not tally.failures, tally.failures


def test_every_public_page_survives_bad_filters(bare_client, tally, demo):
    pages = [demo.home, demo.course, demo.module(5), demo.unit("PE"), demo.evaluation(1)]
    pages += [demo.resources().first()]
    cases = [(demo.library, name) for name in LIBRARY_PARAMETERS]
    cases += [(page, name) for page in pages for name in OTHER_PAGE_PARAMETERS]
    for page, name in cases:
        for value in BAD_VALUES:
            response = bare_client.get(page.url, {name: value})
            tally.record("public page filters", response, f"{page.url}?{name}={value[:40]!r}")
    # All filters at once, every value repeated.
    for value in BAD_VALUES:
        query = "&".join(f"{name}={quote(value)}" for name in LIBRARY_PARAMETERS * 2)
        response = bare_client.get(f"{demo.library.url}?{query}")
        tally.record("public page filters", response, f"{demo.library.url}?(all)={value[:40]!r}")
    assert not tally.failures, tally.failures


# The admin: every form and listing the project adds (translations/ has its own walk).


def signed_in(client, user, username):
    client.force_login(user(username))
    client.raise_request_exception = False
    return client


REPORT_PARAMETERS = ["status", "country", "module", "reviewer", "q", "ordering", "p", "export"]


@pytest.mark.parametrize("role_index, username", list(enumerate(ROLES)))
def test_the_review_cycle_report_filters_and_exports_survive_bad_values(
    client, user, tally, role_index, username
):
    """The report is the same listing for every role that may see it: each (parameter, value)
    pair is tried once, the parameters shared out between the roles, and each role also sends
    every filter at once with each value, as HTML, CSV and (one value of each kind) XLSX."""
    client = signed_in(client, user, username)
    index = reverse("review_cycles:index")
    for name in REPORT_PARAMETERS[role_index :: len(ROLES)]:
        for value in BAD_VALUES:
            for export in (None, "csv"):
                query = {name: value} if export is None else {name: value, "export": export}
                response = client.get(index, query)
                tally.record("admin listings and exports", response, f"{query}"[:120])
    filters = ("status", "country", "module", "reviewer", "q", "ordering", "p")
    for value in BAD_VALUES:
        response = client.get(index, dict.fromkeys(filters, value))
        tally.record("admin listings and exports", response, f"all filters={value[:40]!r}")
    # An XLSX export takes half a second: every filter at once, one value of each kind.
    for value in ("a\x00b", HUGE, "ñandú 漢字 🙂 \u202e", "x" * 10_000):
        response = client.get(index, {**dict.fromkeys(filters, value), "export": "xlsx"})
        tally.record("admin listings and exports", response, f"xlsx {value[:40]!r}")
    assert not tally.failures, tally.failures


@pytest.mark.parametrize("username", ROLES)
def test_review_cycle_forms_survive_bad_values_and_change_nothing(
    client, user, tally, username, demo
):
    client = signed_in(client, user, username)
    cycle = ReviewCycle.objects.order_by("pk").first()
    before = ReviewCycle.objects.values().get(pk=cycle.pk)
    edit = reverse("review_cycles:edit", args=[cycle.pk])
    confirm = reverse("review_cycles:confirm", args=[cycle.pk])
    good = {
        "interval_months": cycle.interval_months,
        "reviewer": cycle.reviewer_id or "",
        "last_reviewed_on": cycle.last_reviewed_on.isoformat() if cycle.last_reviewed_on else "",
    }
    for name in good:
        for value in BAD_VALUES:
            response = client.post(edit, {**good, name: value})
            tally.record("admin forms", response, f"{edit} {name}={value[:40]!r}")
    for value in BAD_VALUES:
        response = client.post(confirm, {"note": value * 3})
        tally.record("admin forms", response, f"{confirm} note={value[:40]!r}")
    for value in BAD_VALUES:
        for route in ("review_cycles:edit", "review_cycles:confirm", "review_cycles:delete"):
            url = fill(reverse(route, args=[1]).lstrip("/").replace("/1/", "/<int:pk>/"), value)
            response = client.get(url)
            tally.record("admin paths", response, url[:120])
    after = ReviewCycle.objects.values().get(pk=cycle.pk)
    changed = {key for key in before if before[key] != after[key]}
    # "Mark reviewed" with a long note is a real action for those who may take it.
    assert changed <= {"last_reviewed_on", "due_on"}, changed
    assert not tally.failures, tally.failures


@pytest.mark.parametrize("username", ROLES)
def test_the_sign_in_lockouts_listing_survives_bad_values(client, user, tally, username):
    client = signed_in(client, user, username)
    index = "/admin/sign-in-lockouts/"
    for name in ("q", "p", "ordering"):
        for value in BAD_VALUES:
            response = client.get(index, {name: value})
            tally.record("admin listings and exports", response, f"{index}?{name}={value!r}")
    for value in BAD_VALUES:
        url = fill("admin/sign-in-lockouts/delete/<int:pk>/", value)
        response = client.post(url)
        tally.record("admin paths", response, url[:120])
    assert not tally.failures, tally.failures


def course_form(course, **overrides):
    data = {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "edition_label": course.edition_label,
        "introduction": rich_text(course.introduction),
        "audience": rich_text(course.audience),
        "starts_on": course.starts_on.isoformat(),
        "ends_on": course.ends_on.isoformat(),
        "application_opens_at": "2026-01-10 09:00",
        "application_closes_at": "2026-02-10 09:00",
        "pass_mark": "70",
        "declared_hours": "85",
    }
    data.update(overrides)
    return nested_form_data(data)


def module_form(module, **overrides):
    data = {
        "title": module.title,
        "slug": module.slug,
        "summary": module.summary,
        "number": module.number,
        "estimated_hours": str(module.estimated_hours),
        "learning_objectives": streamfield([]),
        "body": streamfield([]),
        "related_resources": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


# The editor's own typed fields: a date, a date and time, whole and decimal numbers. A value a
# field accepts (0 hours) saves a draft; any other is refused and saves nothing. Each post runs the
# whole page form, so these take one value of each kind of bad value.
EDITOR_FIELDS = {
    "course": ["starts_on", "application_opens_at", "pass_mark", "declared_hours"],
    "module": ["number", "estimated_hours"],
}
EDITOR_VALUES = [
    "a\x00b",
    HUGE,
    "-1",
    "1e309",
    "ñandú 漢字 🙂 \u202e",
    "x" * 10_000,
    "' OR '1'='1' --; DROP TABLE wagtailcore_page",
    "<script>alert(1)</script>{{ 7|add:7 }}{% debug %}",
]


@pytest.mark.parametrize("username", ROLES)
def test_the_page_editors_own_fields_refuse_bad_values_without_a_500(
    client, user, tally, demo, username
):
    client = signed_in(client, user, username)
    course = CoursePage.objects.get(pk=demo.course.pk)
    module = ModulePage.objects.get(pk=demo.module(3).pk)
    cases = [(course, course_form, field) for field in EDITOR_FIELDS["course"]]
    cases += [(module, module_form, field) for field in EDITOR_FIELDS["module"]]
    for page, form, field in cases:
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        for value in EDITOR_VALUES:
            before = page.revisions.count()
            response = client.post(url, form(page, **{field: value}))
            tally.record("page editor fields", response, f"{url} {field}={value[:40]!r}")
            if response.status_code == 200:
                assert page.revisions.count() == before, f"refused yet saved: {field}={value!r}"
    assert not tally.failures, tally.failures


LEARNING_ADMIN_PARAMETERS = {
    "applications": ["status", "course", "country", "language", "created_at_after", "q",
                     "ordering", "p"],
    "learners": ["course", "q", "ordering", "p"],
    "reports": ["edition", "export"],
}  # fmt: skip


@pytest.mark.parametrize("username", ["gestora", "administrador"])
def test_the_learning_admins_listings_exports_and_reports_survive_bad_values(
    client, user, tally, username
):
    """The enrolment managers' applications and learners (filters, search, CSV export) and the
    evaluation reports, as each role that may open them: no 500, whatever the parameters."""
    from learning.models import Application, Enrolment

    client = signed_in(client, user, username)
    urls = {
        "applications": reverse(Application.snippet_viewset.get_url_name("list")),
        "learners": reverse(Enrolment.snippet_viewset.get_url_name("list")),
        "reports": reverse("study_reports"),
    }
    for area, url in urls.items():
        for name in LEARNING_ADMIN_PARAMETERS[area]:
            for value in BAD_VALUES:
                for export in (None, "csv"):
                    query = {name: value} if export is None else {name: value, "export": export}
                    response = client.get(url, query)
                    tally.record("admin listings and exports", response, f"{area} {query}"[:120])
    for pk in ("0", "99999999999", "2147483648"):
        response = client.get(f"/admin/study-reports/evaluations/{pk}/")
        tally.record("admin paths", response, f"report of evaluation {pk}")
    assert not tally.failures, tally.failures


@pytest.mark.parametrize("note", [v for v in BAD_VALUES if isinstance(v, str)][:6])
def test_an_application_decision_with_a_hostile_note_never_fails(client, user, tally, demo, note):
    """Approving and rejecting with any note: decided (or refused with a message), no 500."""
    from learning.models import Application

    client = signed_in(client, user, "gestora")
    application = Application.objects.filter(status=Application.PENDING).first()
    for action in ("reject", "approve"):
        url = reverse("wagtail_bulk_action", args=("learning", "application", action))
        for ids in (application.pk, "99999999999999999999", "abc"):
            response = client.post(f"{url}?id={ids}", {"note": note})
            tally.record("admin forms", response, f"{action} id={ids} note={note[:40]!r}")
    assert not tally.failures, tally.failures
