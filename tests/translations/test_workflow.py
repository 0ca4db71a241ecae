"""Translators and reviewers per locale, the stale signal, review gates and the dashboard."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from tests.factories import ModulePageFactory
from tests.helpers import workflow_action_url
from translations.checks import translation_for
from translations.models import OVERRIDE
from translations.selectors import translation_matrix
from translations.services import submit_for_translation
from translations.views import dashboard_pages

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def cell(page, code):
    for _row_page, cells in translation_matrix([page]):
        for c in cells:
            if c.locale.language_code == code:
                return c
    raise AssertionError(code)


# --- the demo ------------------------------------------------------------------------------


def test_demo_translation_states(demo, in_locale):
    course, module_1, module_2 = demo.course, demo.module(1), demo.module(2)
    for page in (course, module_1, module_2):
        english = cell(page, "en")
        assert english.percent == 100 and english.state == "published"
    assert cell(module_1, "pt-br").state == "stale"
    assert cell(module_1, "pt-br").stale == 1
    assert cell(course, "pt-br").state == "published"
    assert cell(module_1, "fr").state == "in_progress" and cell(module_1, "fr").translated == 0
    for module in (module_1, module_2):
        adaptation = cell(module, "es-mx")
        assert adaptation.state == "published"
        assert 4 <= adaptation.adapted < adaptation.inherited
    assert cell(demo.module(3), "en").state == "not_submitted"


def test_public_site_serves_translations_and_says_when_it_falls_back(client, demo, in_locale):
    english = client.get(in_locale(demo.module(1), "en").url).content.decode()
    assert "Rights of children and adolescents" in english
    assert "fallback-notice" not in english
    assert "Skip to main content" in english, "the interface is in English too"
    assert 'hreflang="pt-br"' in english and 'hreflang="es-mx"' in english
    assert 'hreflang="fr"' not in english, "fr is only submitted"
    french = client.get(in_locale(demo.module(1), "fr").url).content.decode()
    assert 'class="notice fallback-notice"' in french
    mexican = client.get(in_locale(demo.module(2), "es-mx").url).content.decode()
    assert "fallback-notice" not in mexican
    assert "Saltar al contenido principal" in mexican


def test_api_serves_the_locales(client, demo, in_locale):
    page = in_locale(demo.module(1), "en")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["title"].startswith("Rights of children")
    assert {t["locale"] for t in data["meta"]["translations"]} >= {"es", "pt-br", "es-mx"}
    outline = client.get("/api/v2/outline/?locale=en").json()
    assert outline["meta"]["total_count"] == 1


# --- roles ---------------------------------------------------------------------------------


def test_translators_edit_only_their_locale_and_never_the_source(as_user, demo, in_locale):
    client = as_user("traductora-pt-br")
    assert client.get(edit_url(in_locale(demo.module(1), "pt-br"))).status_code == 200
    for page in (demo.module(1), in_locale(demo.module(1), "fr")):
        response = client.get(edit_url(page))
        assert response.status_code in (302, 403)


def test_translators_cannot_publish_reviewers_can(as_user, user, demo, in_locale):
    page = in_locale(demo.course, "pt-br")
    page.title = "Curso (nova versão)"
    page.save_revision()
    live_revision = page.live_revision_id
    as_user("traductora-pt-br").post(edit_url(page), {"action-publish": "1"})
    assert Page.objects.get(pk=page.pk).live_revision_id == live_revision
    assert not page.permissions_for_user(user("traductora-pt-br")).can_publish()
    assert page.permissions_for_user(user("revisora-pt-br")).can_publish()
    assert not in_locale(demo.course, "fr").permissions_for_user(user("revisora-pt-br")).can_edit()
    assert not demo.course.permissions_for_user(user("revisora-pt-br")).can_edit()


def test_submitting_for_translation_needs_edit_rights_on_the_source(as_user, demo):
    url = reverse("wagtail_localize:submit_page_translation", args=[demo.module(3).pk])
    client = as_user("traductora-pt-br")
    response = client.post(url, {"locales": ["2"]}, follow=True)
    assert response.redirect_chain[0][1] == 302
    assert "Necesitas permisos de edición sobre" in response.content.decode()
    assert (
        not Page.objects.filter(
            translation_key=demo.module(3).translation_key, alias_of__isnull=True
        )
        .exclude(locale__language_code="es")
        .exists()
    ), "nothing was submitted"
    editor = as_user("editora")
    assert editor.get(url).status_code == 200


# --- stale, bring in, review ---------------------------------------------------------------


def republish_with_change(page, old, new):
    page = Page.objects.get(pk=page.pk).specific
    for block in page.body:
        if block.block_type == "paragraph" and old in block.value.source:
            block.value = type(block.value)(block.value.source.replace(old, new))
            break
    else:
        raise AssertionError("paragraph not found")
    page.body = page.body
    page.save_revision().publish()


def test_republishing_the_source_marks_translations_stale(demo, as_user, in_locale):
    module = demo.module(2)
    assert cell(module, "en").stale == 0
    paragraph = next(b for b in module.body if b.block_type == "paragraph")
    first_words = paragraph.value.source[3:40]
    republish_with_change(module, first_words, first_words.upper())
    english = cell(module, "en")
    assert english.stale == 1 and english.state == "stale"
    assert cell(module, "es-mx").stale == 1

    # The translator brings the change into their draft in one action; the live page is intact.
    target = in_locale(module, "en")
    live = target.live_revision_id
    client = as_user("traductora-en")
    response = client.post(reverse("translations:bring_in_changes", args=[english.translation.pk]))
    assert response.status_code == 302
    target = Page.objects.get(pk=target.pk)
    assert target.live_revision_id == live and target.has_unpublished_changes


def test_translation_review_publishes_and_removes_the_notice(as_user, demo, in_locale, client):
    page = in_locale(demo.module(1), "fr")
    translation = translation_for(page)
    for segment in translation.source.stringsegment_set.select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=translation.target_locale,
            context=segment.context, defaults={"data": "[fr] " + segment.string.data},
        )  # fmt: skip
    translator = as_user("traductora-fr")
    response = translator.post(reverse("translations:submit_for_review", args=[page.pk]))
    assert response.status_code == 302
    page = Page.objects.get(pk=page.pk)
    assert page.workflow_in_progress
    assert "fallback-notice" in client.get(page.url).content.decode(), "not before approval"

    reviewer = as_user("revisora-fr")
    task_state = page.current_workflow_state.current_task_state
    reviewer.post(  # "[fr] " + the source: QA findings that the note overrides
        workflow_action_url(page, OVERRIDE, task_state),
        {"comment": "Terminology checked; placeholders accepted for the test."},
    )
    html = client.get(page.url).content.decode()
    assert "fallback-notice" not in html
    assert "[fr] " in html


def test_machine_translated_segments_block_approval_until_reviewed(as_user, demo, in_locale):
    page = in_locale(demo.module(1), "pt-br")
    translation = translation_for(page)
    machine = StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_of__in=translation.source.stringsegment_set.values("string"),
    ).first()
    machine.translation_type = StringTranslation.TRANSLATION_TYPE_MACHINE
    machine.save()
    as_user("traductora-pt-br").post(reverse("translations:submit_for_review", args=[page.pk]))
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_state.current_task_state
    url = workflow_action_url(page, OVERRIDE, task_state)
    note = {"comment": "QA findings reviewed."}  # a note overrides QA findings, not provenance
    response = as_user("revisora-pt-br").post(url, note, follow=True)
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    assert response.status_code == 200

    machine.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL  # a person reviewed it
    machine.save()
    as_user("revisora-pt-br").post(url, note)
    task_state.refresh_from_db()
    assert task_state.status == "approved"


# --- dashboard -----------------------------------------------------------------------------


def test_dashboard_renders_and_exports(as_user, demo):
    client = as_user("traductora-pt-br")
    html = client.get(reverse("translations:dashboard")).content.decode()
    assert "Traducciones" in html or "Translations" in html
    assert "stale" in html or "desactualizado" in html
    response = client.get(reverse("translations:dashboard") + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    stale = [r for r in rows if r["locale"] == "pt-br" and r["state"] == "stale"]
    assert len(stale) == 1 and stale[0]["stale"] == "1"


def test_dashboard_queries_do_not_grow_with_pages_or_locales(as_user, user, demo):
    client = as_user("administrador")
    url = reverse("translations:dashboard")

    def measure():
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    before = measure()
    actor = user("administrador")
    targets = list(Locale.objects.exclude(language_code="es"))
    for number in (21, 22, 23):
        module = ModulePageFactory(parent=demo.course, number=number)
        submit_for_translation(page=module, locales=targets, user=actor)
    assert measure() == before
    assert len(dashboard_pages()) == 14


# --- submitting many pages -----------------------------------------------------------------


def test_a_handful_of_pages_is_submitted_inline(user, demo):
    from translations.models import TranslationJob
    from translations.services import start_translation_job

    fr = Locale.objects.get(language_code="fr")
    job = start_translation_job(page=demo.module(3), locales=[fr], user=user("editora"))
    assert job.status == TranslationJob.DONE and (job.done, job.total) == (2, 2)
    assert cell(demo.module(3), "fr").state == "in_progress"


def test_the_whole_course_runs_as_a_background_task_with_progress(
    user, demo, django_capture_on_commit_callbacks
):
    from translations.models import TranslationJob
    from translations.services import start_translation_job

    fr = Locale.objects.get(language_code="fr")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = start_translation_job(page=demo.course, locales=[fr], user=user("editora"))
        assert job.status == TranslationJob.QUEUED, "not run in the request"
    assert len(callbacks) >= 1
    job.refresh_from_db()
    pages = demo.course.get_descendants(inclusive=True).count()
    assert job.status == TranslationJob.DONE and job.done == job.total == pages
    assert all(c.translation for _page, cells in translation_matrix(dashboard_pages(), [fr])
               for c in cells)  # fmt: skip


def test_dashboard_submit_form_and_refusals(as_user, demo):
    from translations.models import TranslationJob

    fr = Locale.objects.get(language_code="fr")
    url = reverse("translations:dashboard")
    response = as_user("traductora-fr").post(
        url, {"page": demo.module(4).pk, "locales": [fr.pk], "include_subtree": "on"}, follow=True
    )
    assert "No puedes enviar páginas a traducción." in response.content.decode()
    assert not TranslationJob.objects.exists()
    response = as_user("editora").post(
        url, {"page": demo.module(4).pk, "locales": [fr.pk], "include_subtree": "on"}, follow=True
    )
    assert TranslationJob.objects.get().status == TranslationJob.DONE
    assert "2/2" in response.content.decode()


def test_dashboard_offers_actions_only_in_the_users_locale(as_user, demo, in_locale):
    html = as_user("traductora-pt-br").get(reverse("translations:dashboard")).content.decode()
    pt_br = in_locale(demo.module(1), "pt-br")
    english = in_locale(demo.module(1), "en")
    assert reverse("translations:submit_for_review", args=[pt_br.pk]) in html
    assert reverse("translations:submit_for_review", args=[english.pk]) not in html
    assert "submit/page/" not in html, "translators do not submit source pages"
