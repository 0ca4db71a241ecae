"""The requester's private status page, and the erasure of contact details after the retention
period."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from adaptations.models import AdaptationRequest
from adaptations.services import accept, change_status

pytestmark = pytest.mark.django_db


def status_url(adaptation, language="en"):
    with translation.override(language):
        return reverse("adaptations:status", kwargs={"token": adaptation.status_token})


def test_the_status_link_shows_percentages_and_dates_only(
    client, demo, user, make_request, django_capture_on_commit_callbacks
):
    adaptation = make_request(details="Nuestra directora, Ana Pérez, coordina.")
    admin = user("administrador")
    change_status(adaptation=adaptation, status="review", note="Nota interna: Ana", by=admin)
    with django_capture_on_commit_callbacks(execute=True):
        accept(adaptation=adaptation, locale_code="fr", note="Bienvenue, Marie-Claude", by=admin)
    response = client.get(status_url(adaptation))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and response["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    for private in ("Red Haitiana", "Marie-Claude", "mcjoseph", "Ana", "Primer semestre",
                    "Trabajadoras", "administrador", "Bienvenue"):  # fmt: skip
        assert private not in html, private
    assert 'data-measure="translated"' in html and 'data-measure="published"' in html
    assert "%" in html and "<time datetime=" in html


def test_unknown_or_missing_status_links_are_not_found(client, make_request):
    make_request(wants_status_link=False)
    assert AdaptationRequest.objects.get().status_token is None
    with translation.override("en"):
        url = reverse("adaptations:status", kwargs={"token": "x" * 43})
    assert client.get(url).status_code == 404


def test_retention_erases_contact_details_and_keeps_statistics(client, make_request, settings):
    settings.ADAPTATION_REQUEST_RETENTION_DAYS = 30
    old, recent = make_request(), make_request(organisation="Otra organización")
    long_ago = timezone.now() - datetime.timedelta(days=31)
    AdaptationRequest.objects.filter(pk=old.pk).update(created_at=long_ago)
    link = status_url(old)
    out = io.StringIO()
    call_command("erase_expired_adaptation_data", stdout=out)
    assert "1 adaptation request" in out.getvalue()
    old.refresh_from_db()
    assert (old.organisation, old.contact_name, old.email, old.audience, old.timeline) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert old.erased_at is not None and old.status_token is None
    assert (old.country, old.language, old.region, old.learners, old.modules) == (
        "HT",
        "fr",
        "HT",
        120,
        [1, 2, 3],
    )
    assert client.get(link).status_code == 404
    recent.refresh_from_db()
    assert recent.contact_name == "Marie-Claude Joseph" and recent.erased_at is None
