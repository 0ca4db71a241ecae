"""Who reads what, cell by cell: every role × every surface × every kind of protected content.

In the spirit of Plone's workflow tests. A cell is True when the role reads the thing on that
surface (the page's own text answers, the title is listed, the file downloads) and False when it
is absent, refused or asks for a password: each cell is asserted.

Protected content, in the demo edition ("enrolled" access):
- ``study``: what only learners of the edition read — an evaluation, a country unit (and its
  placeholder in French), module 1's body and the study guide in it, a learner-only resource and
  its file;
- ``login``: a public resource behind Wagtail's "signed-in users" restriction, and its English
  placeholder (the restriction is on the Spanish page only);
- ``password``: module 2 behind a password, in Spanish and in its English translation and French
  page;
- ``draft``, ``unpublished``: a module never published, a resource taken offline;
- ``private file``: a document in a password-protected collection, used by a public resource.
"""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from course_content.models import ModuleRelatedResource, ResourcePage
from learning.models import Application, Enrolment
from tests.factories import CoursePageFactory, ModulePageFactory
from tests.search_backends import search_backend  # noqa: F401 (the search surfaces, per backend)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]

ROLES = ["anonymous", "applicant", "learner", "other learner", "editor", "translator", "staff"]
#                   anon   appl   learn  other  editor transl staff
STUDY = dict(zip(ROLES, [False, False, True, False, True, True, True], strict=True))
SIGNED_IN = dict(zip(ROLES, [False, True, True, True, True, True, True], strict=True))
NOBODY = dict.fromkeys(ROLES, False)
EVERYONE = dict.fromkeys(ROLES, True)


def translation_of(page, code):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


class Content:
    """The protected things of the matrix, made once per test on the demo course."""

    def __init__(self, demo):
        self.demo = demo
        self.module1 = demo.module(1)
        self.evaluation = demo.evaluation(1)
        self.unit = demo.unit("MX")
        self.unit_fr = translation_of(self.unit, "fr")
        self.guide = next(
            block.value["document"] for block in self.module1.body if block.block_type == "document"
        )
        resources = list(demo.resources().filter(resource_type="document").order_by("pk"))
        self.learners_resource = resources[0]
        ResourcePage.objects.filter(pk=self.learners_resource.pk).update(learners_only=True)
        self.learners_file = self.learners_resource.document

        self.login_resource = resources[1]
        PageViewRestriction.objects.create(
            page=self.login_resource, restriction_type=PageViewRestriction.LOGIN
        )
        self.login_resource_en = translation_of(self.login_resource, "en")

        self.module2 = demo.module(2)
        PageViewRestriction.objects.create(
            page=self.module2, restriction_type=PageViewRestriction.PASSWORD, password="secreto"
        )
        self.module2_en = translation_of(self.module2, "en")
        self.module2_fr = translation_of(self.module2, "fr")

        self.draft = ModulePageFactory(parent=demo.course, number=11, title="Módulo en borrador")
        self.draft.unpublish()
        self.unpublished = resources[2]
        self.unpublished.unpublish()

        # Both listed among module 1's related resources (the API's related_resources field).
        for resource in (self.learners_resource, self.unpublished):
            ModuleRelatedResource.objects.get_or_create(module=self.module1, resource=resource)

        private = Collection.get_first_root_node().add_child(name="Privada")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
        )
        self.private_resource = resources[3]
        self.private_file = self.private_resource.document
        get_document_model().objects.filter(pk=self.private_file.pk).update(collection=private)


@pytest.fixture
def content(demo):
    return Content(demo)


@pytest.fixture
def people(demo, user, django_user_model):
    other_edition = CoursePageFactory(parent=demo.home, slug="otra-edicion")
    applicant = django_user_model.objects.create_user("solicitante", "s@example.org", "pw")
    Application.objects.create(
        course=demo.course, name="Sol", email="s@example.org", organisation="ONG", country="MX",
        role="Abogada", motivation="Quiero aprender.", language="es",
        consent_given_at="2026-12-01T10:00:00Z", privacy_notice_version="1",
    )  # fmt: skip
    learner = django_user_model.objects.create_user("aprendiz-matriz", "a@example.org", "pw")
    Enrolment.objects.create(user=learner, course=demo.course)
    other = django_user_model.objects.create_user("aprendiz-otra", "o@example.org", "pw")
    Enrolment.objects.create(user=other, course=other_edition)
    staff = django_user_model.objects.create_user("personal", "p@example.org", "pw")
    staff.groups.add(Group.objects.get(name__in=["Administradores", "Administrators"]))
    return {
        "anonymous": None,
        "applicant": applicant,
        "learner": learner,
        "other learner": other,
        "editor": user("editora"),
        "translator": user("traductora-pt-br"),
        "staff": staff,
    }


def shows(client, page, text):
    response = client.get(page.url)
    return response.status_code == 200 and text in response.content.decode()


def lists(client, listing_url, text):
    return text in client.get(listing_url).content.decode()


def downloads(client, document):
    response = client.get(document.url)
    if response.status_code != 200 or not response.streaming:  # a password form is no file
        return False
    return b"".join(response.streaming_content)[:4] == b"%PDF"


def api(client, path):
    response = client.get("/api/v2/" + path, follow=True)  # find/ redirects to the item
    return response.json() if response.status_code == 200 else None


def api_has(client, path, field=None):
    """The API answers the item, and with ``field`` when one is named."""
    data = api(client, path)
    return data is not None and (field is None or field in data)


def api_lists(client, path, item_id):
    data = api(client, path)
    return data is not None and item_id in [item["id"] for item in data["items"]]


def related_ids(client, module):
    data = api(client, f"pages/{module.pk}/") or {}
    return [item["resource"]["id"] for item in data.get("related_resources", [])]


def outline_module(client, x, number):
    data = api(client, f"outline/{x.demo.course.pk}/")
    return next(m for m in data["modules"] if m["number"] == number)


def body_text(page):
    return next(b.value.source for b in page.body if b.block_type == "paragraph")[3:40]


def search_results(client, path, words):
    """The site search's results for ``words`` (every word): {url: the result's html}."""
    response = client.get(path, {"q": words, "search_operator": "and", "languages": "all"})
    assert response.status_code == 200
    items = re.findall(r'<li class="result".*?</li>', response.content.decode(), re.S)
    return {re.search(r'href="([^"]+)"', item).group(1): item for item in items}


def search_finds(client, path, words, page):
    return page.url in search_results(client, path, words)


def search_counts(client, words, kind):
    """A facet of the site search counts pages of ``kind`` for ``words``."""
    response = client.get("/es/buscar/", {"q": words, "languages": "all"})
    return f"kind={kind}" in response.content.decode()


def search_suggests(client, path, words, page):
    data = client.get(path, {"q": words}).json()
    return page.url in [item["url"] for item in data["suggestions"]]


def search_api(client, words, locale="es", **filters):
    """The search API's answer for ``words`` (every word, all languages)."""
    params = {"q": words, "locale": locale, "search_operator": "and", "languages": "all"}
    response = client.get("/api/v2/search/", {**params, **filters})
    assert response.status_code == 200
    return response.json()


def search_api_finds(client, words, page, locale="es"):
    return page.pk in [item["id"] for item in search_api(client, words, locale)["items"]]


def search_api_counts(client, words, kind):
    values = search_api(client, words)["facets"]["kind"]["values"]
    return any(value["value"] == kind and value["count"] for value in values)


def body_words(page):
    text = next(b.value.source for b in page.body if b.block_type == "paragraph")
    return " ".join(text.replace("<p>", " ").split()[2:8]).strip(".,;:")


SURFACES = {
    # name: (check(client, content) -> bool, {role: expected})
    "evaluation page": (lambda c, x: shows(c, x.evaluation, x.evaluation.title), STUDY),
    "country unit page": (lambda c, x: shows(c, x.unit, "Marco jurídico"), STUDY),
    "country unit page (fr placeholder)": (
        lambda c, x: shows(c, x.unit_fr, x.unit.summary[:30]), STUDY),
    "module body": (lambda c, x: shows(c, x.module1, body_text(x.module1)), STUDY),
    "module overview": (lambda c, x: shows(c, x.module1, x.module1.summary[:40]), EVERYONE),
    "country units listed on the module": (
        lambda c, x: lists(c, x.demo.module(5).url, "México"), STUDY),
    "evaluation listed on the module": (
        lambda c, x: lists(c, x.module1.url, x.evaluation.url), STUDY),
    "study guide file": (lambda c, x: downloads(c, x.guide), STUDY),
    "learner-only resource page": (
        lambda c, x: shows(c, x.learners_resource, x.learners_resource.title), STUDY),
    "learner-only resource listed in the library": (
        lambda c, x: lists(c, x.demo.library.url + "?type=document",
                           x.learners_resource.url), STUDY),
    "learner-only file": (lambda c, x: downloads(c, x.learners_file), STUDY),
    "login-restricted resource": (
        lambda c, x: shows(c, x.login_resource, x.login_resource.title), SIGNED_IN),
    "login-restricted resource, English placeholder": (
        lambda c, x: shows(c, x.login_resource_en, x.login_resource.title), SIGNED_IN),
    "login-restricted resource listed in the English library": (
        lambda c, x: lists(c, translation_of(x.demo.library, "en").url + "?type=document",
                           x.login_resource_en.url), SIGNED_IN),
    "password-protected module": (lambda c, x: shows(c, x.module2, x.module2.summary[:30]), NOBODY),
    "password-protected module, English translation": (
        lambda c, x: shows(c, x.module2_en, x.module2_en.title), NOBODY),
    "password-protected module, French page": (
        lambda c, x: shows(c, x.module2_fr, x.module2.summary[:30]), NOBODY),
    "password-protected module listed on the course": (
        lambda c, x: lists(c, x.demo.course.url, x.module2.url), NOBODY),
    "draft module": (lambda c, x: c.get("/es/curso-ninez-migrante/" + x.draft.slug + "/")
                     .status_code == 200, NOBODY),
    "draft module listed on the course": (
        lambda c, x: lists(c, x.demo.course.url, "Módulo en borrador"), NOBODY),
    "unpublished resource listed in the library": (
        lambda c, x: lists(c, x.demo.library.url + "?type=document", x.unpublished.title),
        NOBODY),
    "private-collection file": (lambda c, x: downloads(c, x.private_file), NOBODY),
    "private-collection file's name on its public page": (
        lambda c, x: lists(c, x.private_resource.url, "file-info"), NOBODY),
    # The headless API answers each reader as the site does.
    "API: evaluation": (lambda c, x: api_has(c, f"pages/{x.evaluation.pk}/"), STUDY),
    "API: evaluation in the outline": (
        lambda c, x: outline_module(c, x, 1)["evaluation"] is not None, STUDY),
    "API: country units listed": (
        lambda c, x: api_lists(c, "pages/?type=course_content.CountryUnitPage&limit=100",
                               x.unit.pk), STUDY),
    "API: country units in the outline": (
        lambda c, x: len(outline_module(c, x, 5)["country_units"]) == 19, STUDY),
    "API: module body": (lambda c, x: api_has(c, f"pages/{x.module1.pk}/", "body"), STUDY),
    "API: module objectives and resources": (
        lambda c, x: api_has(c, f"pages/{x.module1.pk}/", "related_resources"), STUDY),
    "API: module overview": (
        lambda c, x: api_has(c, f"pages/{x.module1.pk}/", "summary"), EVERYONE),
    "API: study guide file": (lambda c, x: api_has(c, f"documents/{x.guide.pk}/"), STUDY),
    "API: learner-only resource": (
        lambda c, x: api_has(c, f"pages/{x.learners_resource.pk}/"), STUDY),
    "API: learner-only file listed": (
        lambda c, x: api_lists(c, "documents/?limit=100", x.learners_file.pk), STUDY),
    "API: login-restricted resource": (
        lambda c, x: api_has(c, f"pages/{x.login_resource.pk}/"), SIGNED_IN),
    "API: login-restricted resource, English placeholder": (
        lambda c, x: api_has(c, f"pages/{x.login_resource_en.pk}/"), SIGNED_IN),
    "API: evaluation found by its address": (
        lambda c, x: api(c, f"pages/find/?html_path={x.evaluation.url.split('/', 2)[2]}")
        is not None, STUDY),
    "API: country unit (fr placeholder)": (
        lambda c, x: api_has(c, f"pages/{x.unit_fr.pk}/"), STUDY),
    "API: learner-only resource among a module's related resources": (
        lambda c, x: x.learners_resource.pk in related_ids(c, x.module1), STUDY),
    "API: unpublished resource among a module's related resources": (
        lambda c, x: x.unpublished.pk in related_ids(c, x.module1), NOBODY),
    "API: password-protected module, French page": (
        lambda c, x: api_has(c, f"pages/{x.module2_fr.pk}/"), NOBODY),
    "API: password-protected module, English translation": (
        lambda c, x: api_has(c, f"pages/{x.module2_en.pk}/"), NOBODY),
    "API: password-protected module in the outline": (
        lambda c, x: 2 in [m["number"] for m in
                           api(c, f"outline/{x.demo.course.pk}/")["modules"]], NOBODY),
    "API: draft module": (lambda c, x: api_has(c, f"pages/{x.draft.pk}/"), NOBODY),
    "API: unpublished resource": (lambda c, x: api_has(c, f"pages/{x.unpublished.pk}/"), NOBODY),
    "API: private-collection file": (
        lambda c, x: api_has(c, f"documents/{x.private_file.pk}/"), NOBODY),
    # The site search answers each reader as the site does: results, snippets, facet counts
    # and the search box's suggestions.
    "search: evaluation": (
        lambda c, x: search_finds(c, "/es/buscar/", x.evaluation.title, x.evaluation), STUDY),
    "search: country unit": (
        lambda c, x: search_finds(c, "/es/buscar/", x.unit.title, x.unit), STUDY),
    "search: country unit (fr placeholder)": (
        lambda c, x: search_finds(c, "/fr/recherche/", x.unit.title, x.unit_fr), STUDY),
    "search: country units counted in the facets": (
        lambda c, x: search_counts(c, "sistema proteccion", "country_unit"), STUDY),
    "search: module body text": (
        lambda c, x: search_finds(c, "/es/buscar/", body_words(x.module1), x.module1), STUDY),
    "search: module body in a snippet": (
        lambda c, x: "<mark>legislaciones</mark>" in "".join(
            search_results(c, "/es/buscar/", body_words(x.module1)).values()), STUDY),
    "search: learner-only resource": (
        lambda c, x: search_finds(c, "/es/buscar/", x.learners_resource.title,
                                  x.learners_resource), STUDY),
    "search: learner-only resource suggested": (
        lambda c, x: search_suggests(c, "/es/buscar/sugerencias/",
                                     x.learners_resource.title[:12], x.learners_resource), STUDY),
    "search: login-restricted resource": (
        lambda c, x: search_finds(c, "/es/buscar/", x.login_resource.title, x.login_resource),
        SIGNED_IN),
    "search: login-restricted resource, English placeholder": (
        lambda c, x: search_finds(c, "/en/search/", x.login_resource.title,
                                  x.login_resource_en), SIGNED_IN),
    "search: password-protected module": (
        lambda c, x: search_finds(c, "/es/buscar/", x.module2.title, x.module2), NOBODY),
    "search: password-protected module, English translation": (
        lambda c, x: search_finds(c, "/en/search/", x.module2_en.title, x.module2_en), NOBODY),
    "search: password-protected module suggested": (
        lambda c, x: search_suggests(c, "/en/search/suggestions/", x.module2_en.title[:14],
                                     x.module2_en), NOBODY),
    "search API: module body in a snippet": (
        lambda c, x: any(
            "<mark>" in item["snippet"] and item["id"] == x.module1.pk
            for item in search_api(c, body_words(x.module1))["items"]), STUDY),
    "search API: country units counted in the facets": (
        lambda c, x: search_api_counts(c, "sistema proteccion", "country_unit"), STUDY),
    "search API: learner-only resource": (
        lambda c, x: search_api_finds(c, x.learners_resource.title, x.learners_resource), STUDY),
    "search API: login-restricted resource, English placeholder": (
        lambda c, x: search_api_finds(c, x.login_resource.title, x.login_resource_en, "en"),
        SIGNED_IN),
    "search API: password-protected module, English translation": (
        lambda c, x: search_api_finds(c, x.module2_en.title, x.module2_en, "en"), NOBODY),
    "search: draft module": (
        lambda c, x: "Módulo en borrador" in c.get("/es/buscar/", {"q": "borrador"})
        .content.decode(), NOBODY),
    "search: unpublished resource": (
        lambda c, x: search_finds(c, "/es/buscar/", x.unpublished.title, x.unpublished), NOBODY),
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_privacy_matrix(client, content, people, role):
    """One role's row of the matrix: every surface checked, every wrong cell reported."""
    if people[role] is not None:
        client.force_login(people[role])
    wrong = []
    for surface, (check, expected) in SURFACES.items():
        seen = check(client, content)
        if seen is not expected[role]:
            wrong.append(f"{surface}: {'shown' if seen else 'hidden'}, expected the opposite")
    assert wrong == [], f"{role}:\n" + "\n".join(wrong)
