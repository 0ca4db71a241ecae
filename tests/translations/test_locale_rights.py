"""Per-locale rights on every translation view, report and file: the QA report, the dashboard's
cells and actions, its CSV export, the CAT files and the jobs' progress show to those who work in
the locale (its translators and reviewers, Administrators); the status of a page's translations
also to those who edit its source; to nobody else with admin access."""

import csv
import io
import re

import pytest
from django.urls import reverse
from wagtail.models import Locale

from translations.checks import translation_for
from translations.models import TranslationJob
from translations.services import start_translation_job

pytestmark = pytest.mark.django_db


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and "/login/" not in response["Location"]
    )


@pytest.fixture
def pt_translation(demo, in_locale):
    return translation_for(in_locale(demo.module(1), "pt-br"))


@pytest.mark.parametrize(
    "username, allowed",
    [("traductora-pt-br", True), ("revisora-pt-br", True), ("administrador", True),
     ("traductora-fr", False), ("revisora-fr", False), ("editora", False), ("revisor", False),
     ("publicadora", False)],
)  # fmt: skip
def test_the_qa_report_is_for_those_who_work_in_its_locale(
    as_user, pt_translation, username, allowed
):
    response = as_user(username).get(reverse("translations:qa_report", args=[pt_translation.pk]))
    if allowed:
        assert (
            response.status_code == 200 and "Falta el término aprobado" in response.content.decode()
        )
    else:
        assert refused(response)
        assert "Falta el término aprobado" not in response.content.decode()


def cells(html):
    return set(re.findall(r'<td class="cell-[a-z_]+" data-locale="([a-z-]+)"', html))


def test_a_translator_sees_only_their_locale_on_the_dashboard_and_in_its_csv(as_user):
    client = as_user("traductora-fr")
    html = client.get(reverse("translations:dashboard")).content.decode()
    assert cells(html) == {"fr"}
    # Asking for another locale shows their own.
    assert cells(
        client.get(reverse("translations:dashboard"), {"locale": "pt-br"}).content.decode()
    ) == {"fr"}
    response = client.get(reverse("translations:dashboard"), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows and {row["locale"] for row in rows} == {"fr"}


def test_editors_see_the_status_of_their_pages_but_not_the_qa_reports(as_user, pt_translation):
    html = as_user("editora").get(reverse("translations:dashboard")).content.decode()
    assert cells(html) == {"en", "es-mx", "fr", "pt-br"}
    assert reverse("translations:qa_report", args=[pt_translation.pk]) not in html
    assert 'class="findings"' in html, "the count of findings shows"


def test_someone_with_no_translation_role_gets_no_dashboard(as_user):
    for url in (
        reverse("translations:dashboard"),
        reverse("translations:dashboard") + "?export=csv",
    ):
        response = as_user("revisor").get(url)
        assert refused(response)
        assert "pt-br" not in response.content.decode()


def test_jobs_show_to_whoever_started_them_and_to_those_who_work_in_their_locales(
    as_user, user, demo
):
    fr = Locale.objects.get(language_code="fr")
    start_translation_job(page=demo.module(4), locales=[fr], user=user("editora"))
    assert TranslationJob.objects.count() == 1
    title = demo.module(4).title

    def jobs(username):
        html = as_user(username).get(reverse("translations:dashboard")).content.decode()
        section = html.split('id="jobs-heading"', 1)
        return section[1].split("</section>")[0] if len(section) == 2 else ""

    assert title in jobs("editora")
    assert title in jobs("traductora-fr")
    assert title not in jobs("traductora-pt-br")
