"""Stored XSS through translations: no markup a segment's field does not allow is ever stored,
whichever way a translation comes in (the editor, PO and XLIFF files, machine translation), and
what is already stored never runs on a page, in the API or in a reviewer's preview.

Each attack is made as the pt-br translator would make it: through the admin's own endpoints.
"""

import io
import zipfile

import polib
import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

from tests.helpers import post_workflow_action
from tests.translations.helpers import (
    HOSTILE_MARKUP,
    SCRIPT_SIGNS,
    put,
    rich_segment,
    segment_url,
    stored,
)
from translations.checks import translation_for
from translations.formats import ImportRejected
from translations.formats.archive import export_locale, import_archive
from translations.models import OVERRIDE

pytestmark = pytest.mark.django_db


@pytest.fixture
def module_pt(demo, in_locale):
    """pt-br module 1 and its wagtail-localize translation."""
    page = in_locale(demo.module(1), "pt-br")
    return page, translation_for(page)


def no_script(html):
    found = [sign for sign in SCRIPT_SIGNS if sign in html]
    assert not found, f"{found} in {html[:300]}"


# --- the translation editor -----------------------------------------------------------------


@pytest.mark.parametrize("attack", list(HOSTILE_MARKUP))
def test_the_editor_refuses_markup_a_rich_text_segment_does_not_allow(as_user, module_pt, attack):
    _page, translation = module_pt
    segment = rich_segment(translation)
    before = stored(translation, segment)
    response = put(
        as_user("traductora-pt-br"), segment_url(translation, segment), HOSTILE_MARKUP[attack]
    )
    assert response.status_code == 200
    assert response.json()["error"].startswith("No se guardó"), "the editor shows why"
    assert stored(translation, segment) == before, "nothing stored"


def test_the_editor_saves_the_markup_the_field_allows_and_refuses_it_in_plain_text(
    as_user, module_pt
):
    _page, translation = module_pt
    client = as_user("traductora-pt-br")
    segment = rich_segment(translation)
    text = "Com a <b>doutrina da proteção integral</b>, x &lt; y."
    response = put(client, segment_url(translation, segment), text)
    assert response.status_code == 200 and not response.json()["error"]
    assert stored(translation, segment) == text

    title = translation.source.stringsegment_set.get(context__path="title")
    before = stored(translation, title)
    response = put(client, segment_url(translation, title), "Direitos <b>das crianças</b>")
    assert "texto sin formato" in response.json()["error"]
    assert stored(translation, title) == before


# --- PO and XLIFF files ---------------------------------------------------------------------


def members(archive):
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        return {name: z.read(name) for name in z.namelist()}


def module_file(files, fragment="derechos-de-ninas"):
    name = next(name for name in files if fragment in name)
    return name, files[name].decode()


def snapshot(locale):
    return sorted(
        StringTranslation.objects.filter(locale=locale).values_list("pk", "data", "tool_name")
    )


@pytest.mark.parametrize("attack", list(HOSTILE_MARKUP))
def test_a_po_file_with_markup_the_field_does_not_allow_is_refused(module_pt, attack):
    page, _translation = module_pt
    name, text = module_file(members(export_locale(page.locale, "po")))
    po = polib.pofile(text)
    entry = next(e for e in po if "<b>" in e.msgid)
    entry.msgstr = HOSTILE_MARKUP[attack]
    data = str(po).encode()
    before = snapshot(page.locale)
    with pytest.raises(ImportRejected):
        import_archive(data, name=name, locale=page.locale)
    assert snapshot(page.locale) == before


def test_an_xliff_file_cannot_carry_markup_in_its_original_data(module_pt):
    """The target's inline codes point at <data> elements whose markup the importer pastes back:
    a file whose original data differs from the source's is refused."""
    page, _translation = module_pt
    name, text = module_file(members(export_locale(page.locale, "xliff")))
    bold = '<data id="d1">&lt;b&gt;</data>'  # a unit whose translated target uses it
    assert bold in text
    hostile = text.replace(bold, '<data id="d1">&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;</data>')
    before = snapshot(page.locale)
    with pytest.raises(ImportRejected, match="originalData"):
        import_archive(hostile.encode(), name=name, locale=page.locale)
    assert snapshot(page.locale) == before


def test_the_editors_po_upload_refuses_the_same_markup(as_user, module_pt):
    page, translation = module_pt
    client = as_user("traductora-pt-br")
    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    po = polib.pofile(download.content.decode())
    next(e for e in po if "<b>" in e.msgid).msgstr = HOSTILE_MARKUP["img with onerror"]
    upload = io.BytesIO(str(po).encode())
    upload.name = "modulo.po"
    before = snapshot(page.locale)
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload},
        follow=True,
    )
    assert response.status_code == 200
    assert "no se importó" in response.content.decode()
    assert snapshot(page.locale) == before


# --- machine translation --------------------------------------------------------------------


class HostileTranslator(BaseMachineTranslator):
    """A machine translation service that answers with markup of its own."""

    display_name = "Hostile MT"

    def translate(self, source_locale, target_locale, strings):
        return {
            string: StringValue(
                string.data + "<!--x--!><img src=x onerror=alert(1)>--><script>alert(1)</script>"
            )
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return True


@override_settings(
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
        "CLASS": "tests.translations.test_translated_markup.HostileTranslator"
    }
)
def test_machine_translations_keep_only_the_markup_each_field_allows(as_user, demo, in_locale):
    page = in_locale(demo.module(1), "fr")  # just submitted: nothing translated yet
    translation = translation_for(page)
    response = as_user("traductora-fr").post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk])
    )
    assert response.status_code == 302
    rows = StringTranslation.objects.filter(locale=page.locale, tool_name="Hostile MT")
    assert rows.count() > 10
    for row in rows:
        no_script(row.data)
    assert any("<b>" in row.data for row in rows), "the markup the field allows is kept"


# --- what is already stored -----------------------------------------------------------------

HOSTILE_HTML = (
    '<p>Texto<![CDATA[><img src=x onerror=alert(1)>]]> <a href="javascript:alert(1)">enlace</a>'
    "<!--x--!><img src=x onerror=alert(1)>--><script>alert(1)</script>"
    "<img src=x onerror=alert(1)><svg onload=alert(1)></svg></p>"
)


def test_a_hostile_value_stored_behind_the_forms_never_runs_on_the_page_or_in_the_api(
    learner_client, demo, in_locale
):
    """Rich text written straight into the database (a field and a StreamField block) and a
    hostile title: the public page and the API (both rich text formats) carry none of it."""
    from course_content.models import CoursePage, ModulePage

    course = in_locale(demo.course, "pt-br")
    CoursePage.objects.filter(pk=course.pk).update(
        introduction=HOSTILE_HTML, title="<script>alert(1)</script>Curso"
    )
    module = in_locale(demo.module(1), "pt-br")
    body = module.body.raw_data
    paragraph = next(block for block in body if block["type"] == "paragraph")
    paragraph["value"] = HOSTILE_HTML
    ModulePage.objects.filter(pk=module.pk).update(body=module.body)

    for page, field in ((course, "introduction"), (module, "body")):
        client = learner_client  # a module's body is for its learners
        html = client.get(Page.objects.get(pk=page.pk).url).content.decode()
        assert "Texto" in html
        no_script(html.split("<main", 1)[1])  # the site's own head and scripts aside
        for query in ("", "?rich_text_format=html", "?rich_text_format=markdown",
                      "?rich_text_format=db_markdown"):  # fmt: skip
            api = client.get(f"/api/v2/pages/{page.pk}/{query}")
            assert api.status_code == 200
            assert "Texto" in str(api.json()[field])
            no_script(str(api.json()[field]))
    # A title is plain text: escaped on the page, text (not markup) in the API's JSON.
    html = client.get(Page.objects.get(pk=course.pk).url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Curso" in html
    assert client.get(f"/api/v2/pages/{course.pk}/").json()["title"].endswith("</script>Curso")


def test_a_hostile_segment_stored_behind_the_forms_is_a_qa_finding_blocks_approval_and_never_runs_in_the_preview(  # noqa: E501
    as_user, module_pt
):
    page, translation = module_pt
    segment = rich_segment(translation)
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        context_id=segment.context_id,
        locale_id=translation.target_locale_id,
        defaults={"data": HOSTILE_MARKUP["CDATA section a browser ends at >"],
                  "translation_type": "manual"},
    )  # fmt: skip
    StringTranslation.objects.filter(context_id=segment.context_id).update(has_error=False)

    reviewer = as_user("revisora-pt-br")
    preview = reviewer.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert preview.status_code == 200
    no_script(preview.content.decode().split("<main", 1)[1])

    report = reviewer.get(reverse("translations:qa_report", args=[translation.pk]))
    assert "Marcado no permitido" in report.content.decode()

    reviewer.post(reverse("translations:submit_for_review", args=[page.pk]))
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    editor = reviewer.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "no se puede aprobar hasta que se corrijan" in editor
    for action in ("approve", OVERRIDE):
        post_workflow_action(reviewer, page, task_state, action, {"comment": "Revisado."})
        assert task_state.status == "in_progress", f"{action} over unsafe markup"
