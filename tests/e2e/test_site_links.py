"""Absolute links of the demo point at the port the server really runs on (not port 80)."""

import urllib.parse

import pytest

from tests.e2e.helpers import api_json

pytestmark = pytest.mark.browser


def test_canonical_and_hreflang_links_use_the_servers_port(demo_server, browsers):
    page = browsers.new_page(language="en", viewport="desktop")
    page.goto(demo_server + "/en/")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == demo_server + "/en/"
    alternates = {
        link.get_attribute("hreflang"): link.get_attribute("href")
        for link in page.locator("link[rel=alternate]").all()
    }
    assert {"es", "en", "pt-br", "x-default"} <= set(alternates)
    for code, url in alternates.items():
        assert url.startswith(demo_server + "/"), (code, url)
    # A person following the Portuguese alternate lands on the Portuguese home page.
    page.goto(alternates["pt-br"])
    assert page.locator("html").get_attribute("lang") == "pt-br"


def test_api_links_use_the_servers_port_and_lead_to_the_page(demo_server, browsers):
    listing = api_json(demo_server, "/api/v2/pages/?type=course_content.ModulePage&locale=en")
    item = next(item for item in listing["items"] if item["title"].startswith("Rights"))
    meta = item["meta"]
    assert meta["detail_url"].startswith(demo_server + "/api/v2/pages/")
    assert meta["html_url"].startswith(demo_server + "/en/")
    detail = api_json(demo_server, urllib.parse.urlsplit(meta["detail_url"]).path)
    for translation in detail["meta"]["translations"]:
        assert translation["detail_url"].startswith(demo_server + "/api/v2/pages/")
        assert translation["html_url"].startswith(demo_server + "/")

    page = browsers.new_page(language="en", viewport="phone")
    page.goto(meta["html_url"])
    assert page.locator("h1").inner_text() == item["title"]
