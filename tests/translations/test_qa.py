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
    assert "Control de calidad" not in save("Proteção de crianças e adolescentes migrantes")
    comment = save("Proteção integral de menores migrantes")
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


# --- severities and dismissals -------------------------------------------------------------


def english_module_with(client, demo, change):
    """The English module 1, one of its segments changed by ``change(text)`` as its translator
    would, then submitted for review: (page, translation, segment, task state)."""
    from wagtail_localize.models import StringTranslation

    page = Page.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="en"
    ).specific
    translation = translation_for(page)
    assert findings_for(translation) == [], "the demo's English module 1 has no findings"
    segment = next(
        s for s in translation.source.stringsegment_set.select_related("string")
        if "niñas, niños y adolescentes" in s.string.data
    )  # fmt: skip
    stored = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    )
    stored.data = change(stored.data)
    stored.save()
    client.force_login(_user("traductora-en"))
    client.post(reverse("translations:submit_for_review", args=[page.pk]))
    page = Page.objects.get(pk=page.pk)
    return page, translation, segment, page.current_workflow_state.current_task_state


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def dismiss_url(translation):
    return reverse("translations:qa_dismiss", args=[translation.pk])


def test_a_reviewer_dismisses_a_finding_with_a_reason_and_the_plain_approval_then_passes(
    client, demo
):
    from translations.models import QADismissal

    page, translation, segment, task_state = english_module_with(
        client, demo, lambda text: text.replace("children and adolescents", "young people")
    )
    [finding] = findings_for(translation)
    assert (finding.kind, finding.severity) == ("term_missing", "error")
    reviewer = _user("revisora-en")
    actions = [a[0] for a in task_state.task.specific.get_actions(page, reviewer)]
    assert actions == ["reject", OVERRIDE], "an error blocks the plain approval"

    client.force_login(reviewer)
    report = client.get(reverse("translations:qa_report", args=[translation.pk]))
    assert dismiss_url(translation) in report.content.decode(), "the report offers to dismiss"
    response = client.post(
        dismiss_url(translation),
        {"segment": segment.pk, "kind": "term_missing", "reason": "  Cita textual de la ley.  "},
        follow=True,
    )
    html = response.content.decode()
    assert "Hallazgo descartado" in html
    dismissal = QADismissal.objects.get(translation=translation, segment=segment)
    assert (dismissal.kind, dismissal.reason, dismissal.user) == (
        "term_missing",
        "Cita textual de la ley.",
        reviewer,
    )
    assert dismissal.created_at is not None and dismissal.target == finding.target
    assert "Hallazgos descartados" in html and "Cita textual de la ley." in html
    assert findings_for(translation) == []

    actions = [a[0] for a in task_state.task.specific.get_actions(page, reviewer)]
    assert "approve" in actions and OVERRIDE not in actions
    client.post(workflow_action_url(page, "approve", task_state), {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == "approved"


def test_a_dismissal_holds_for_the_text_it_was_given_on(client, demo):
    from wagtail_localize.models import StringTranslation

    from translations.qa import dismiss_finding

    _page, translation, segment, _task = english_module_with(
        client, demo, lambda text: text.replace("children and adolescents", "young people")
    )
    [finding] = findings_for(translation)
    dismiss_finding(
        translation=translation, finding=finding, user=_user("revisora-en"), reason="Cita."
    )
    assert findings_for(translation) == []
    stored = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    )
    stored.data = stored.data.replace("young people", "youths")
    stored.save()
    assert [f.kind for f in findings_for(translation)] == ["term_missing"], "a new text, anew"


def test_a_translator_without_review_rights_may_not_dismiss(client, demo):
    from translations.models import QADismissal

    _page, translation, segment, _task = english_module_with(
        client, demo, lambda text: text.replace("children and adolescents", "young people")
    )
    client.force_login(_user("traductora-en"))
    response = client.post(
        dismiss_url(translation),
        {"segment": segment.pk, "kind": "term_missing", "reason": "No me gusta."},
    )
    assert response.status_code == 403
    html = client.get(reverse("translations:qa_report", args=[translation.pk])).content.decode()
    assert dismiss_url(translation) not in html, "no dismiss form for a translator"
    assert not QADismissal.objects.exists()
    assert [f.kind for f in findings_for(translation)] == ["term_missing"]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"kind": "term_missing", "reason": ""}, "Descartar un hallazgo requiere un motivo."),
        ({"kind": "term_missing", "reason": "   "}, "Descartar un hallazgo requiere un motivo."),
        ({"kind": "numbers", "reason": "Ok."}, "Ese hallazgo ya no está"),
        ({"kind": "x" * 500, "reason": "Ok."}, "Asegúrese de que este valor"),
        ({"segment": "abc", "kind": "term_missing", "reason": "Ok."}, "Introduzca un número"),
        ({"segment": str(2**40), "kind": "term_missing", "reason": "Ok."}, "menor o igual"),
    ],
)
def test_bad_dismissals_get_a_message_and_change_nothing(client, demo, data, message):
    from translations.models import QADismissal

    _page, translation, segment, _task = english_module_with(
        client, demo, lambda text: text.replace("children and adolescents", "young people")
    )
    client.force_login(_user("revisora-en"))
    response = client.post(dismiss_url(translation), {"segment": segment.pk, **data}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not QADismissal.objects.exists()
    assert [f.kind for f in findings_for(translation)] == ["term_missing"]


def test_warnings_show_but_do_not_block_a_plain_approval(client, demo):
    page, translation, _segment, task_state = english_module_with(
        client,
        demo,
        lambda text: text.replace("children and adolescents", "children  and adolescents"),
    )
    assert [(f.kind, f.severity) for f in findings_for(translation)] == [("whitespace", "warning")]
    reviewer = _user("revisora-en")
    actions = [a[0] for a in task_state.task.specific.get_actions(page, reviewer)]
    assert "approve" in actions and OVERRIDE not in actions
    client.force_login(reviewer)
    html = client.get(reverse("translations:qa_report", args=[translation.pk])).content.decode()
    assert "Espacios y saltos de línea" in html and "Advertencia" in html
    client.post(workflow_action_url(page, "approve", task_state), {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == "approved"


@pytest.mark.parametrize(
    "language, expected",
    [
        ("pt-br", ["Espaços e quebras de linha", "Aviso", "Descartar o apontamento"]),
        ("fr", ["Espaces et retours à la ligne", "Avertissement", "Écarter le constat"]),
        ("en", ["Spaces and line breaks", "Warning", "Dismiss the finding"]),
    ],
)
def test_the_findings_and_their_dismissal_read_in_the_reviewers_language(
    client, demo, language, expected
):
    from wagtail.users.models import UserProfile

    _page, translation, _segment, _task = english_module_with(
        client,
        demo,
        lambda text: text.replace("children and adolescents", "children  and adolescents"),
    )
    reviewer = _user("administrador")
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = language
    profile.save()
    client.force_login(reviewer)
    html = client.get(reverse("translations:qa_report", args=[translation.pk])).content.decode()
    for text in expected:
        assert text in html


# --- the termbase's "do not translate" terms, inconsistency within a locale ----------------


def test_a_do_not_translate_term_stays_as_it_is_and_may_be_a_whole_segment(demo):
    from wagtail.models import Locale

    from translations.qa import terms_by_locale

    source, english = Locale.get_default(), Locale.objects.get(language_code="en")
    assert kinds("Habeas corpus", "Habeas corpus") == {"untranslated"}, "not yet in the termbase"
    Term.objects.create(locale=source, term="habeas corpus", do_not_translate=True)
    terms = terms_by_locale([english.pk], source)[english.pk]
    assert ("habeas corpus", "habeas corpus", []) in terms
    assert kinds("Habeas corpus", "Habeas corpus", terms=terms) == set()
    assert kinds("Presentó un habeas corpus.", "She filed a writ of liberty.", terms=terms) == {
        "term_missing"
    }
    assert kinds("Presentó un habeas corpus.", "She filed a habeas corpus.", terms=terms) == set()


def test_the_same_source_translated_differently_in_the_locale_is_a_warning(demo):
    """Two segments of the English module 1 share their Spanish text; one is changed."""
    from collections import Counter

    from wagtail_localize.models import StringTranslation

    page = Page.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="en"
    )
    translation = translation_for(page)
    segments = translation.source.stringsegment_set.select_related("string")
    shared = [string for string, n in Counter(s.string_id for s in segments).items() if n > 1]
    assert shared, "the demo module repeats a text (a credit, a caption…)"
    first, second = StringTranslation.objects.filter(
        translation_of_id=shared[0], locale=translation.target_locale
    )[:2]
    assert first.data == second.data and findings_for(translation) == []
    second.data = "Something else entirely, said otherwise"
    second.save()
    found = [f for f in findings_for(translation) if f.kind == "inconsistent"]
    assert len(found) == 2 and {f.severity for f in found} == {"warning"}
    assert any("Something else entirely" in f.message for f in found)
