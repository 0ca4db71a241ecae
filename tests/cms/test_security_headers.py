"""Security headers on the public site, the API and the admin."""

import re

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("url", ["/es/", "/es/curso-ninez-migrante/", "/api/v2/pages/"])
def test_the_public_site_and_the_api_forbid_inline_and_outside_scripts(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_public_pages_carry_no_inline_script_or_style(client, demo):
    for page in [demo.home, demo.course, demo.module(5), demo.library, demo.evaluation(1)]:
        html = client.get(page.url).content.decode()
        # Script files of our own (the search box's suggestions) are not inline script.
        html = re.sub(r'<script src="/static/[^"]+" defer></script>', "", html)
        assert "<script" not in html.replace('<script type="application/ld+json"', "")
        assert "<style" not in html and " style=" not in html, page.url


def test_the_server_error_page_keeps_its_own_style_under_the_policy(client, settings):
    """The 500 page is self-contained; its inline style is allowed by its hash."""
    import base64
    import hashlib
    import re

    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    policy = directives(client.get("/es/"))
    assert f"'sha256-{digest}'" in policy["style-src"]


def test_the_admin_allows_wagtails_inline_scripts_but_nothing_from_elsewhere(client):
    response = client.get("/admin/login/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "nonce-" not in response["Content-Security-Policy"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]


@pytest.mark.parametrize("url", ["/es/", "/api/v2/pages/", "/admin/login/"])
def test_referrer_permissions_and_sniffing_policies(client, url):
    response = client.get(url)
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "fullscreen=(self)"):
        assert feature in permissions
