"""A reviewer approving a translation from each place the admin offers it: the dashboard's dialog,
the page's action menu (its dialog collects the note first) and the translation editor; and
that editor's own strings in the reviewer's language."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation as i18n
from wagtail.models import Page

from tests.helpers import editor_props, workflow_action_url
from translations.checks import translation_for
from translations.models import OVERRIDE
from translations.qa import findings_for

pytestmark = pytest.mark.django_db
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
PT_BR = {"HTTP_ACCEPT_LANGUAGE": "pt-BR"}
REASON = "Aprobar con hallazgos de calidad requiere una nota que justifique la excepción."


@pytest.fixture
def in_review(as_user, demo, in_locale):
    """pt-br module 1 (three QA findings), sent for review by its translator."""
    page = in_locale(demo.module(1), "pt-br")
    assert findings_for(translation_for(page))
    client = as_user("traductora-pt-br")
    client.post(reverse("translations:submit_for_review", args=[page.pk]))
    page = Page.objects.get(pk=page.pk)
    assert page.workflow_in_progress
    return page, page.current_workflow_state.current_task_state


def test_an_override_with_an_empty_note_says_why_in_the_dialog_and_changes_nothing(
    as_user, in_review
):
    page, task_state = in_review
    client = as_user("revisora-pt-br")
    url = workflow_action_url(page, OVERRIDE, task_state)
    dialog = client.get(url, **XHR).json()
    assert dialog["step"] == "action" and 'name="comment"' in dialog["html"]

    for note in ("", "   "):
        response = client.post(url, {"comment": note, "next": "/admin/"}, **XHR)
        assert response.status_code == 200, "an answer the dialog shows, not a 403"
        answer = response.json()
        assert answer["step"] == "action", "the dialog stays open"
        assert REASON in answer["html"]
        task_state.refresh_from_db()
        assert task_state.status == "in_progress"
    assert Page.objects.get(pk=page.pk).live_revision_id == page.live_revision_id


def test_an_override_with_a_note_approves_publishes_and_says_so(as_user, in_review):
    page, task_state = in_review
    client = as_user("revisora-pt-br")
    response = client.post(
        workflow_action_url(page, OVERRIDE, task_state),
        {"comment": "Termos conferidos com a tradutora.", "next": "/admin/"},
        **XHR,
    )
    answer = response.json()
    assert answer["step"] == "success"
    task_state.refresh_from_db()
    assert task_state.status == "approved"
    assert task_state.comment == "Termos conferidos com a tradutora."
    assert Page.objects.get(pk=page.pk).live_revision_id != page.live_revision_id

    # The dialog then sends the browser to the confirmation, which goes back where it was.
    landing = client.get(answer["redirect"])
    assert landing.status_code == 302 and landing["Location"] == "/admin/"
    shown = [str(m) for m in landing.wsgi_request._messages]
    assert shown[-1] == f"«{page.title}» está aprobada y publicada."


def test_a_plain_approval_is_not_offered_over_findings(as_user, in_review, user):
    page, task_state = in_review
    actions = [a[0] for a in task_state.task.specific.get_actions(page, user("revisora-pt-br"))]
    assert actions == ["reject", OVERRIDE]
    client = as_user("revisora-pt-br")
    response = client.post(workflow_action_url(page, "approve", task_state), {"comment": "Ok."})
    assert response.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"


def test_the_page_action_menus_dialog_asks_for_the_note_before_the_editor_submits(
    as_user, in_review
):
    """Wagtail's page editor collects a workflow action's data in a dialog, then submits the
    edit form with it: the dialog must refuse an empty note itself."""
    page, task_state = in_review
    client = as_user("revisora-pt-br")
    url = reverse(
        "wagtailadmin_pages:collect_workflow_action_data", args=[page.pk, OVERRIDE, task_state.pk]
    )
    answer = client.post(url, {"comment": ""}, **XHR).json()
    assert answer["step"] == "action" and REASON in answer["html"]
    answer = client.post(url, {"comment": "Nota."}, **XHR).json()
    assert answer == {"step": "success", "cleaned_data": {"comment": "Nota.", "next": ""}}


def test_a_plain_approval_without_findings_confirms_and_goes_back(as_user, demo, in_locale):
    page = in_locale(demo.course, "pt-br")
    assert not findings_for(translation_for(page))
    as_user("traductora-pt-br").post(reverse("translations:submit_for_review", args=[page.pk]))
    task_state = Page.objects.get(pk=page.pk).current_workflow_state.current_task_state
    client = as_user("revisora-pt-br")
    back = reverse("translations:dashboard") + "?locale=pt-br"
    response = client.post(workflow_action_url(page, "approve", task_state), {"next": back})
    assert response.status_code == 302
    landing = client.get(response["Location"])
    assert landing["Location"] == back
    shown = [str(m) for m in landing.wsgi_request._messages]
    assert shown[-1] == f"«{page.title}» está aprobada y publicada."


def review_buttons(html):
    return re.findall(r'data-review-action-url="([^"]+)"', html)


def test_the_translation_editor_offers_the_reviewers_actions(as_user, in_review):
    page, task_state = in_review
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = as_user("revisora-pt-br").get(edit).content.decode()
    assert review_buttons(html) == [
        workflow_action_url(page, "reject", task_state),
        workflow_action_url(page, OVERRIDE, task_state),
    ]
    assert "Aprobar, pasando por alto los hallazgos de calidad" in html
    assert review_buttons(as_user("traductora-pt-br").get(edit).content.decode()) == []


def test_the_editor_names_the_languages_and_its_publish_button_in_the_users_language(
    as_user, demo, in_locale
):
    page = in_locale(demo.module(1), "pt-br")
    client = as_user("revisora-pt-br")
    props = editor_props(client, page)  # a Spanish interface
    assert props["locale"]["displayName"] == "portugués de Brasil"
    assert props["sourceLocale"]["displayName"] == "español"
    catalog = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert '"Publish in ": "Publicar en "' in catalog, "a space before the language"

    with i18n.override("pt-br"):
        html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]), **PT_BR)
    html = html.content.decode()
    catalog = client.get(reverse("wagtail_localize:javascript_catalog"), **PT_BR)
    assert '"Publish in ": "Publicar em "' in catalog.content.decode()
    labels = json.loads(
        re.search(r'id="translation-editor-labels"[^>]*>(.*?)</script>', html, re.S).group(1)
    )
    assert labels["More actions"] == "Mais ações"
    source, target = (
        json.loads(__import__("html").unescape(re.search(r'data-props="([^"]*)"', html).group(1)))[
            key
        ]["displayName"]
        for key in ("sourceLocale", "locale")
    )
    assert labels[f"{source} to {target} translation"] == f"Tradução de {source} para {target}"


def test_the_gate_is_computed_once_per_revision_and_again_when_a_translation_changes(
    in_review, monkeypatch
):
    """Listing workflow tasks (the reviewer's actions) does not run the QA checks each time: the
    gate's counts are stored for the revision, and computed again after a translation of the
    locale changes or the page gets a new revision."""
    from django.contrib.auth import get_user_model
    from wagtail_localize.models import StringTranslation

    from translations import checks, qa
    from translations.models import ReviewGateSummary, TranslationReviewTask

    page, task_state = in_review
    runs = []
    real = qa.findings_by_translation

    def counted(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(qa, "findings_by_translation", counted)
    task = task_state.task.specific
    assert isinstance(task, TranslationReviewTask)
    reviewer = Page.objects.get(pk=page.pk)  # what a listing reads
    user = get_user_model().objects.get(username="revisora-pt-br")
    first = [name for name, *_rest in task.get_actions(reviewer, user)]
    assert OVERRIDE in first, "the demo's pt-br module 1 has QA errors"
    runs.clear()
    for _listing in range(3):
        assert [name for name, *_rest in task.get_actions(reviewer, user)] == first
    assert runs == [], "stored for this revision"
    stored = ReviewGateSummary.objects.get(translation=translation_for(page))
    assert stored.revision_id == reviewer.latest_revision_id and stored.errors

    # A translator corrects a segment: the stored gate goes, and is computed anew.
    translated = StringTranslation.objects.filter(
        locale=page.locale, translation_of__segments__source=translation_for(page).source
    ).first()
    translated.data += " "
    translated.save()
    checks.stored_review_gate(reviewer)
    assert runs == [1]
