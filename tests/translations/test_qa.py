"""Termbase and quality checks, and their effect on approval."""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page

from tests.helpers import editor_props, workflow_action_url
from translations.checks import translation_for
from translations.models import OVERRIDE, Term
from translations.qa import check_segment, findings_for

pytestmark = pytest.mark.django_db
TERMS = [("niñas, niños y adolescentes", "children and adolescents", ["minors", "kids"])]


def kinds(source, target, **options):
    return {kind for kind, _message in check_segment(source, target, **options)}


@pytest.mark.parametrize(
    "source, target, expected",
    [
        ("Derechos de niñas, niños y adolescentes.", "Rights of children and adolescents.", set()),
        ("Derechos de niñas, niños y adolescentes.", "Rights of the young.", {"term_missing"}),
        ("Derechos de niñas, niños y adolescentes.", "Rights of children and adolescents (minors).",
         {"term_forbidden"}),
        ("Un <b>dato</b> clave.", "A key fact.", {"tags"}),
        ('Ver <a id="a1">la guía</a>.', 'See <a id="a2">the guide</a>.', {"links"}),
        ("En 1989 se adoptó.", "It was adopted in 1998.", {"numbers"}),
        ("Ver https://example.org/a", "See https://example.org/b", {"urls"}),
        ("Texto", "", {"empty"}),
        ("Texto igual", "Texto igual", {"untranslated"}),
    ],
)  # fmt: skip
def test_each_check(source, target, expected):
    assert kinds(source, target, terms=TERMS) == expected


def test_regional_adaptations_may_keep_the_source_text():
    assert kinds("Texto igual", "Texto igual", regional=True) == set()


def test_demo_termbase_has_at_least_15_terms_in_en_pt_br_and_fr(demo):
    source = Term.objects.filter(locale=Locale.get_default())
    assert source.count() >= 15
    for code in ("en", "pt-br", "fr"):
        assert Term.objects.filter(locale__language_code=code).count() == source.count()
    english = Term.objects.get(
        locale__language_code="en",
        translation_key=source.get(term="niñas, niños y adolescentes").translation_key,
    )
    assert english.term == "children and adolescents" and "minors" in english.forbidden()


def test_findings_block_plain_approval_but_an_override_note_lets_it_through(
    client, demo, django_user_model
):
    page = Page.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="en"
    ).specific
    translation = translation_for(page)
    # A translator drops the approved term: the check finds it.
    segment = next(
        s for s in translation.source.stringsegment_set.select_related("string")
        if "niñas, niños y adolescentes" in s.string.data
    )  # fmt: skip
    from wagtail_localize.models import StringTranslation

    st = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    )
    st.data = st.data.replace("children and adolescents", "minors")
    st.save()
    assert {f.kind for f in findings_for(translation)} >= {"term_forbidden", "term_missing"}

    translator = django_user_model.objects.get(username="traductora-en")
    reviewer = django_user_model.objects.get(username="revisora-en")
    client.force_login(translator)
    client.post(reverse("translations:submit_for_review", args=[page.pk]))
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_state.current_task_state
    actions = [a[0] for a in task_state.task.specific.get_actions(page, reviewer)]
    assert actions == ["reject", OVERRIDE]
    client.force_login(reviewer)
    client.post(workflow_action_url(page, "approve", task_state), {"comment": "Ok."})
    task_state.refresh_from_db()
    assert task_state.status == "in_progress", "no plain approval over findings"
    url = workflow_action_url(page, OVERRIDE, task_state)
    client.post(url, {})
    task_state.refresh_from_db()
    assert task_state.status == "in_progress", "no override without a note"
    client.post(url, {"comment": "“minors” is the legal term in this quoted law."})
    task_state.refresh_from_db()
    assert task_state.status == "approved"
    assert task_state.comment.startswith("“minors”")


def test_qa_report_lists_findings(client, demo, django_user_model):
    page = Page.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="pt-br"
    )
    translation = translation_for(page)
    client.force_login(django_user_model.objects.get(username="revisora-pt-br"))
    html = client.get(reverse("translations:qa_report", args=[translation.pk])).content.decode()
    assert "Falta el término aprobado" in html and "term_missing</strong>" not in html


def test_the_translation_editor_shows_stale_segments_and_qa_findings(as_user, demo):
    page = Page.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="pt-br"
    )
    html = as_user("traductora-pt-br").get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = html.content.decode()
    assert "translation-summary" in html
    assert "1 segmento desactualizado" in html
    assert reverse("translations:qa_report", args=[translation_for(page).pk]) in html
    assert "js-translation-editor" in html, "wagtail-localize's editor is still there"


def test_each_segment_shows_its_findings_in_the_editor_and_after_a_save(as_user, demo):
    """The comment under each segment of wagtail-localize's editor carries its QA findings, when
    the editor opens and in the answer to a saved segment."""
    page = Page.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="pt-br"
    )
    translation = translation_for(page)
    segment = next(
        s for s in translation.source.stringsegment_set.select_related("string")
        if "niñas, niños y adolescentes" in s.string.data
    )  # fmt: skip
    client = as_user("traductora-pt-br")
    save_url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
    )

    def save(text):
        body = encode_multipart(BOUNDARY, {"value": text})
        response = client.put(save_url, body, content_type=MULTIPART_CONTENT)
        assert response.status_code in (200, 201), response.content
        return response.json()["comment"]

    # The demo translators' admin is in Spanish, like the rest of the demo's interface.
    assert "Control de calidad" not in save("Proteção de crianças e adolescentes migrantes.")
    comment = save("Proteção integral de menores migrantes.")
    assert comment.startswith("Traducido manualmente el"), "the editor's own comment stays first"
    assert " · Control de calidad: " in comment
    assert "«menores» es una variante prohibida de «crianças e adolescentes»" in comment
    assert "Use el término aprobado «crianças e adolescentes»" in comment

    props = editor_props(client, page)
    comments = {t["segment_id"]: t["comment"] for t in props["initialStringTranslations"]}
    assert "variante prohibida" in comments[segment.pk]
    assert sum("Control de calidad" in comment for comment in comments.values()) == len(
        {f.segment_id for f in findings_for(translation)}
    )
