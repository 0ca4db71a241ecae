"""Past Wagtail advisories, reproduced against our own pages and roles, so that they stay fixed.

Each test names its advisory and does what the advisory describes, as the role it names would:
- CVE-2026-44201 (GHSA-p5gm-92h4-6pv6): the documents and images API listed items of private
  collections;
- CVE-2026-44197 (GHSA-c6wj-9vcj-75pj): revisions compared (and viewed) without edit rights;
- CVE-2026-44198 (GHSA-c4mr-889m-vgf6): a page's history without edit rights — our
  ``editorial.editing.HistoryView`` and ``RevisionsCompareView`` drop Wagtail's "some page
  permission" gate so that reviewers see both during their step, which makes these two ours too;
- CVE-2026-25517 (GHSA-4qvv-g3vr-m348): previews rendered from crafted form data by someone who
  may not edit the page;
- CVE-2021-29434: ``javascript:`` links saved into rich text.
"""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from course_content.models import CoursePage, ResourcePage

pytestmark = pytest.mark.django_db

SECRET = "Borrador confidencial 7f3a"
NO_EDIT_RIGHTS_ON_THE_SPANISH_COURSE = ["traductora-fr", "revisora-pt-br", "revisor"]


def refused(response):
    """403, or Wagtail's redirect with a permission message."""
    return response.status_code == 403 or (
        response.status_code == 302 and "/admin/" in response["Location"]
    )


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Expedientes privados")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#7a1f1f").save(buffer, "PNG")
    return buffer.getvalue()


def test_cve_2026_44201_private_documents_and_images_stay_out_of_the_api(client):
    collection = private_collection()
    document = Document.objects.create(
        title="Informe confidencial de un caso",
        collection=collection,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="informe-caso.pdf"),
    )
    image = Image.objects.create(
        title="Fotografía de un expediente",
        collection=collection,
        file=ContentFile(png(), name="expediente.png"),
    )
    listing = client.get("/api/v2/documents/?limit=100").content.decode()
    assert "Informe confidencial" not in listing and "informe-caso" not in listing
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/find/?id={document.pk}").status_code == 404
    assert client.get("/api/v2/documents/?search=confidencial").json()["meta"]["total_count"] == 0
    images = client.get("/api/v2/images/?limit=100").content.decode()
    assert "Fotografía de un expediente" not in images and "expediente" not in images
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    # And the file itself asks a visitor to sign in.
    served = client.get(document.url)
    assert served.status_code == 302 and served["Location"].startswith("/es/cuenta/entrar/")
    # A public resource's document is still listed (the test can fail).
    public_file = ResourcePage.objects.live().filter(resource_type="document").first().document
    assert public_file.title in client.get("/api/v2/documents/?limit=100").content.decode()


@pytest.fixture
def course_with_a_draft(demo, user):
    """The Spanish course page with an unpublished draft carrying a secret title."""
    course = CoursePage.objects.get(pk=demo.course.pk)
    assert course.current_workflow_state is None, "not in anyone's review step"
    first = course.revisions.order_by("created_at").first()
    course.title = SECRET
    draft = course.save_revision(user=user("editora"))
    return course, first, draft


@pytest.mark.parametrize("username", NO_EDIT_RIGHTS_ON_THE_SPANISH_COURSE)
def test_cve_2026_44197_revisions_are_neither_compared_nor_viewed_without_edit_rights(
    as_user, course_with_a_draft, username
):
    course, first, draft = course_with_a_draft
    client = as_user(username)
    for url in (
        reverse("wagtailadmin_pages:revisions_compare", args=[course.pk, first.pk, draft.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[course.pk, "earliest", "latest"]),
        reverse("wagtailadmin_pages:revisions_view", args=[course.pk, draft.pk]),
    ):
        response = client.get(url)
        assert refused(response), (username, url, response.status_code)
        assert SECRET not in response.content.decode()


@pytest.mark.parametrize("username", NO_EDIT_RIGHTS_ON_THE_SPANISH_COURSE)
def test_cve_2026_44198_the_history_is_not_shown_without_edit_rights(
    as_user, course_with_a_draft, username
):
    course, _first, _draft = course_with_a_draft
    response = as_user(username).get(reverse("wagtailadmin_pages:history", args=[course.pk]))
    assert refused(response)
    assert SECRET not in response.content.decode()
    assert "Elena" not in response.content.decode(), "who edited it stays private too"


def test_cve_2026_44197_44198_editors_still_see_history_and_compare(as_user, course_with_a_draft):
    """The other side: the advisories' fixes must not lock out those who may edit."""
    course, first, draft = course_with_a_draft
    editor = as_user("editora")
    assert editor.get(reverse("wagtailadmin_pages:history", args=[course.pk])).status_code == 200
    compare = editor.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[course.pk, first.pk, draft.pk])
    )
    assert compare.status_code == 200 and SECRET in compare.content.decode()


def crafted_course_form(course, title):
    return nested_form_data(
        {
            "title": title,
            "slug": course.slug,
            "summary": course.summary,
            "edition_label": course.edition_label,
            "introduction": rich_text("<p>{{ settings }}</p>"),
            "audience": rich_text(""),
            "starts_on": course.starts_on.isoformat(),
            "ends_on": course.ends_on.isoformat(),
            "pass_mark": "70",
            "declared_hours": "85",
            "access": course.access,
        }
    )


@pytest.mark.parametrize("username", NO_EDIT_RIGHTS_ON_THE_SPANISH_COURSE)
def test_cve_2026_25517_no_preview_from_crafted_data_without_edit_rights(as_user, demo, username):
    course = demo.course
    client = as_user(username)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[course.pk])
    posted = client.post(url, crafted_course_form(course, SECRET))
    assert refused(posted), posted.status_code
    rendered = client.get(url)
    assert refused(rendered)
    assert SECRET not in rendered.content.decode()
    add_url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["course_content", "coursepage", demo.home.pk],
    )
    assert refused(client.post(add_url, crafted_course_form(course, SECRET)))
    assert SECRET not in client.get(add_url).content.decode()


def test_cve_2026_25517_those_who_may_edit_still_preview(as_user, demo):
    client = as_user("editora")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[demo.course.pk])
    posted = client.post(url, crafted_course_form(demo.course, SECRET))
    assert posted.status_code == 200 and json.loads(posted.content)["is_valid"]
    assert SECRET in client.get(url).content.decode()


def contentstate_with_link(url, text="Ver el protocolo"):
    """The Draftail editor's JSON, as an attacker would post it: a link entity with any URL."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": text,
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    ],
)
def test_cve_2021_29434_script_links_never_reach_rich_text(as_user, client, demo, url):
    course = demo.course
    data = crafted_course_form(course, course.title)
    data["introduction"] = contentstate_with_link(url)
    data["action-publish"] = "action-publish"
    publisher = as_user("publicadora")
    response = publisher.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), data)
    assert response.status_code == 302, "saved (the link is dropped, not the page refused)"
    saved = CoursePage.objects.get(pk=course.pk)
    assert "Ver el protocolo" in saved.introduction
    for stored in (saved.introduction, saved.get_latest_revision_as_object().introduction):
        lowered = stored.lower().replace("\t", "")
        assert "script:" not in lowered and "data:text/html" not in lowered
    publisher.logout()
    public = client.get(saved.url).content.decode()
    assert "Ver el protocolo" in public
    assert "script:" not in public.lower().replace("\t", "")
    api = client.get(f"/api/v2/pages/{course.pk}/").content.decode()
    assert "script:" not in api.lower().replace("\\t", "")
