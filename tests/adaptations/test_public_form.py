"""The public "Request an adaptation" form: what a visitor sends, what bad input gets, spam."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from adaptations.models import AdaptationRequest

pytestmark = pytest.mark.django_db


def url(name="request", language="en", **kwargs):
    with translation.override(language):
        return reverse(f"adaptations:{name}", kwargs=kwargs)


def test_the_form_is_linked_from_the_course_page_and_the_footer_in_every_locale(client, demo):
    html = client.get(demo.course.url).content.decode()
    assert html.count(f'href="{url(language="es")}"') == 2  # course page and footer
    for language in ("en", "pt-br", "fr"):
        page = client.get(url(language=language))
        assert page.status_code == 200
        assert f'action="{url(language=language)}"' in page.content.decode()
    assert url(language="es") != url(language="en")  # translated paths


def test_a_request_is_stored_confirmed_and_emailed_in_the_requesters_language(
    client, demo, valid_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(language="fr"), valid_data)
    assert response.status_code == 302
    assert response["Location"] == url("sent", language="fr")
    adaptation = AdaptationRequest.objects.get()
    assert (adaptation.language, adaptation.region, adaptation.requested_code) == (
        "fr",
        "HT",
        "fr-ht",
    )
    assert adaptation.modules == [1, 2, 3]
    assert adaptation.site_language == "fr"
    assert adaptation.status == AdaptationRequest.NEW and adaptation.status_token
    page = client.get(response["Location"]).content.decode()
    assert "mcjoseph@example.org" in page
    assert url("status", language="fr", token=adaptation.status_token) in page
    [email] = mail.outbox
    assert email.to == ["mcjoseph@example.org"]
    assert "demande d'adaptation" in email.subject.lower() or "adaptation" in email.subject.lower()
    assert "Bonjour Marie-Claude Joseph" in email.body
    assert adaptation.status_token in email.body


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"organisation": ""}, "organisation", "This field is required."),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"language": "xx"}, "language", "“xx” is not a language code we know"),
        ({"audience": "a" * 2001}, "audience", "at most 2000 characters (it has 2001)"),
        ({"details": "d" * 5000}, "details", "at most 3000 characters (it has 5000)"),
        ({"consent": ""}, "consent", "We can only consider your request if you agree"),
        ({"modules": ["99"]}, "modules", "Select a valid choice"),
        ({"learners": "0"}, "learners", "greater than or equal to 1"),
        ({"learners": "1e999"}, "learners", "Enter a whole number"),
        ({"organisation": "Red\x00Haitiana"}, "organisation", "Null characters are not allowed"),
        ({"region": "../../etc"}, "region", "Choose a country from the list"),
        ({"modules": ["1 OR 1=1"]}, "modules", "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(
    client, demo, valid_data, change, field, message
):
    valid_data.update(change)
    response = client.post(url(), valid_data)
    assert response.status_code == 400
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    html = response.content.decode()
    assert 'class="form-errors" role="alert"' in html
    # Each error in the summary links to a box of the page (the first of a group of boxes).
    summary = html.split('class="form-errors"', 1)[1].split("</div>", 1)[0]
    for anchor in re.findall(r'href="#([^"]+)"', summary):
        assert f'id="{anchor}"' in html
    assert not AdaptationRequest.objects.exists()
    assert not mail.outbox


def test_the_honeypot_drops_what_bots_send(client, demo, valid_data):
    valid_data["website"] = "http://spam.example"
    response = client.post(url(), valid_data)
    assert response.status_code == 302  # looks like a success to the script
    assert not AdaptationRequest.objects.exists()
    assert not mail.outbox


def test_a_flood_from_one_address_is_refused_beyond_the_limit(demo, valid_data, settings):
    settings.ADAPTATION_REQUESTS_PER_ADDRESS = 5
    flood, other = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.2")
    statuses = [flood.post(url(), valid_data).status_code for _attempt in range(8)]
    assert statuses == [302] * 5 + [429] * 3
    assert AdaptationRequest.objects.count() == 5
    refused = flood.post(url(), valid_data)
    assert "Too many requests have been sent from your network address" in refused.content.decode()
    assert other.post(url(), valid_data).status_code == 302  # another address is not affected
    assert AdaptationRequest.objects.count() == 6


def test_emails_are_plain_text_with_nothing_html_escaped(
    make_request, django_capture_on_commit_callbacks
):
    """Plain-text emails: an apostrophe in a country's name or markup in a name arrive as typed
    (no "&#x27;" in the subject), and nothing is interpreted as HTML."""
    with django_capture_on_commit_callbacks(execute=True):
        make_request(region="CI", contact_name="Anne O'Neil <b>&</b>")
    (message,) = mail.outbox
    assert message.subject == "We received your adaptation request: French (Côte d'Ivoire)"
    assert "Hello Anne O'Neil <b>&</b>," in message.body
    assert "&#x27;" not in message.body + message.subject and "&lt;" not in message.body
    assert not message.alternatives  # no HTML part
