"""Review cycles of country units: report, CSV, dashboard, reminders and "no change needed"."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import PageLogEntry

from course_content.countries import AMERICAS
from editorial.models import ReviewCycle, add_months
from editorial.roles import EDITORS, PUBLISHERS, REVIEWERS
from tests.factories import CountryUnitPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db
REPORT = "/admin/review_cycles/"


def overdue_titles(client, query="?status=overdue"):
    response = client.get(REPORT + query)
    assert response.status_code == 200
    return response.content.decode()


def test_demo_has_overdue_soon_and_current_units(demo):
    counts = ReviewCycle.objects.counts()
    assert counts == {"overdue": 3, "due_soon": 3}
    assert ReviewCycle.objects.count() == 19


def test_report_lists_overdue_units_filterable_by_status_country_and_module(client, login, demo):
    login(REVIEWERS)
    overdue = list(ReviewCycle.objects.with_status("overdue").select_related("page"))
    page = overdue_titles(client)
    for cycle in overdue:
        assert cycle.page.title in page
    current = ReviewCycle.objects.with_status("current").select_related("page").first()
    assert current.page.title not in page

    country = overdue[0].page.country
    page = overdue_titles(client, f"?country={country}")
    assert overdue[0].page.title in page
    assert overdue[1].page.title not in page or overdue[1].page.country == country
    assert overdue[0].page.title in overdue_titles(client, "?module=5")
    assert overdue[0].page.title not in overdue_titles(client, "?module=4")


def test_report_exports_csv(client, login, demo):
    login(REVIEWERS)
    response = client.get(REPORT + "?status=due_soon&export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:3] == ["Unidad de país", "País", "Módulo"]
    assert len(rows) == 1 + 3
    assert all(row[2] == "5" for row in rows[1:])
    assert all(row[-1] == "Vence en 30 días" for row in rows[1:])


def test_dashboard_panel_shows_the_counts(client, login, demo):
    login(EDITORS)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Contenido por país pendiente de revisión" in page
    assert '<strong class="review-overdue-count">3</strong>' in page


def test_marking_reviewed_needs_no_revision_and_is_audited(client, login, demo, role_user):
    cycle = ReviewCycle.objects.with_status("overdue").select_related("page").first()
    unit = cycle.page
    revisions = unit.revisions.count()
    login(REVIEWERS)
    url = reverse("review_cycles:confirm", args=[cycle.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"note": "Leyes verificadas"}, follow=True)
    assert "marcada como revisada" in response.content.decode()
    cycle.refresh_from_db()
    today = timezone.localdate()
    assert cycle.last_reviewed_on == today
    assert cycle.due_on == add_months(today, 12)
    assert unit.revisions.count() == revisions
    entry = PageLogEntry.objects.get(page=unit, action="editorial.review_confirmed")
    assert entry.user == role_user(REVIEWERS) and entry.data["note"] == "Leyes verificadas"
    history = client.get(reverse("wagtailadmin_pages:history", args=[unit.pk]))
    # Reviewers see a page's history only while it is in their review step; a publisher does.
    assert history.status_code in (302, 403)
    assert ReviewCycle.objects.counts()["overdue"] == 2
    with translation.override("es"):
        assert date_format(today, "DATE_FORMAT") in client.get(unit.url).content.decode()


def test_editors_cannot_mark_reviewed(client, login, demo):
    cycle = ReviewCycle.objects.with_status("overdue").first()
    login(EDITORS)
    response = client.post(reverse("review_cycles:confirm", args=[cycle.pk]))
    assert response.status_code in (302, 403)
    cycle.refresh_from_db()
    assert cycle.last_reviewed_on < timezone.localdate() - datetime.timedelta(days=300)


def test_reminder_command_emails_the_responsible_reviewers(demo, role_user):
    mail.outbox.clear()
    out = io.StringIO()
    call_command("notify_review_due", stdout=out)
    reviewer = role_user(REVIEWERS)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reviewer.email]
    # The reviewer has no language preference: Spanish, the admin's default.
    assert message.subject == "3 unidades de país con la revisión vencida"
    for cycle in ReviewCycle.objects.with_status("overdue").select_related("page"):
        with translation.override("es"):
            due = date_format(cycle.due_on, "DATE_FORMAT")
        assert f"{cycle.page.title} (vence el {due})" in message.body
    assert "revisor@example.org: 3 overdue units" in out.getvalue()

    mail.outbox.clear()
    call_command("notify_review_due", "--dry-run", stdout=io.StringIO())
    assert mail.outbox == []


@pytest.mark.parametrize("interval", ["0", "61", "abc"])
def test_bad_review_interval_is_refused(client, login, demo, interval):
    cycle = ReviewCycle.objects.first()
    login(REVIEWERS)
    response = client.post(
        reverse("review_cycles:edit", args=[cycle.pk]),
        {"interval_months": interval, "reviewer": "", "last_reviewed_on": "not-a-date"},
    )
    assert response.status_code == 200
    cycle.refresh_from_db()
    assert cycle.interval_months == 12


def test_report_and_dashboard_queries_stay_constant_from_19_to_190_units(client, login, demo):
    login(REVIEWERS)

    def measure():
        counts = []
        for url in (REPORT, REPORT + "?status=overdue&country=MX", reverse("wagtailadmin_home")):
            client.get(url)
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            counts.append(len(context))
        return counts

    small = measure()
    codes = sorted(AMERICAS)[:19]
    for number in range(20, 29):
        module = ModulePageFactory(parent=demo.course, number=number, has_country_units=True)
        for code in codes:
            CountryUnitPageFactory(parent=module, country=code)
    from editorial.services import ensure_review_cycles

    ensure_review_cycles(last_reviewed_on=timezone.localdate() - datetime.timedelta(days=400))
    assert ReviewCycle.objects.count() == 190
    assert measure() == small


@pytest.mark.parametrize(
    "language, due, reviewed",
    [
        ("es", "1 de marzo de 2027", "1 de marzo de 2026"),
        ("pt-br", "1 de Março de 2027", "1 de Março de 2026"),  # Django's month names
        ("fr", "1 mars 2027", "1 mars 2026"),
    ],
)
def test_the_report_shows_review_dates_as_dates_in_the_readers_language(
    client, login, demo, language, due, reviewed
):
    """A date a year ahead read "Próxima revisión: Justo ahora"; dates are dates."""
    cycle = ReviewCycle.objects.select_related("page").first()
    cycle.last_reviewed_on = datetime.date(2026, 3, 1)
    cycle.interval_months = 12
    cycle.save()
    login(REVIEWERS)
    html = client.get(
        REPORT + f"?country={cycle.page.country}", headers={"accept-language": language}
    ).content.decode()
    assert f'<time datetime="2027-03-01">{due}</time>' in html
    assert f'<time datetime="2026-03-01">{reviewed}</time>' in html
    for relative in ("Justo ahora", "Agora mesmo", "À l’instant", "just now"):
        assert relative not in html


def test_marking_reviewed_says_the_next_date_in_the_readers_language(client, login, demo):
    cycle = ReviewCycle.objects.with_status("overdue").select_related("page").first()
    login(REVIEWERS)
    response = client.post(
        reverse("review_cycles:confirm", args=[cycle.pk]),
        {"note": ""},
        follow=True,
        headers={"accept-language": "pt-BR"},
    )
    cycle.refresh_from_db()
    with translation.override("pt-br"):
        due = date_format(cycle.due_on, "DATE_FORMAT")
    assert f"próxima revisão em {due}." in response.content.decode()


def test_reminders_are_written_in_each_reviewers_language(demo, role_user):
    from admin_language.languages import set_preferred_language

    set_preferred_language(role_user(REVIEWERS), "fr")
    cycle = ReviewCycle.objects.with_status("overdue").select_related("page").first()
    ReviewCycle.objects.exclude(pk=cycle.pk).update(reviewer=role_user(PUBLISHERS))
    mail.outbox.clear()
    call_command("notify_review_due", stdout=io.StringIO())
    (message,) = [m for m in mail.outbox if m.to == [role_user(REVIEWERS).email]]
    assert message.subject == "1 unité pays dont la révision est en retard"
    with translation.override("fr"):
        due = date_format(cycle.due_on, "DATE_FORMAT")
    assert f"{cycle.page.title} (échéance le {due})" in message.body


def test_the_page_history_writes_the_review_date_in_the_readers_language(client, login, demo):
    cycle = ReviewCycle.objects.select_related("page").first()
    from editorial.services import confirm_review

    confirm_review(cycle=cycle, user=None, reviewed_on=datetime.date(2026, 11, 30))
    login(PUBLISHERS)
    html = client.get(
        reverse("wagtailadmin_pages:history", args=[cycle.page.pk]),
        headers={"accept-language": "fr"},
    ).content.decode()
    assert "30 novembre 2026" in html
    assert "2026-11-30" not in html
