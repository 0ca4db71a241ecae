"""A translator finishes the stale pt-br module 1 in wagtail-localize's editor; the reviewer
approves it from the dashboard; the public site serves the new text."""

import json
import re
import urllib.parse
import urllib.request

import pytest

pytestmark = pytest.mark.browser
TEXT = "Texto traduzido no navegador pela tradutora."


def page_in_locale(base_url, number, locale):
    query = f"/api/v2/pages/?type=course_content.ModulePage&number={number}&locale={locale}"
    with urllib.request.urlopen(base_url + query) as response:  # noqa: S310 (loopback only)
        item = json.load(response)["items"][0]
    return item["id"], urllib.parse.urlsplit(item["meta"]["html_url"]).path


def test_translator_and_reviewer_in_the_browser(demo_server, as_user):
    pk, public_path = page_in_locale(demo_server, 1, "pt-br")

    translator = as_user("traductora-pt-br")
    translator.goto(f"{demo_server}/admin/pages/{pk}/edit/")
    translator.get_by_role("button", name=re.compile("^(Translate|Traducir)$")).first.click()
    translator.locator("textarea").first.fill(TEXT)
    translator.get_by_role("button", name=re.compile("^(Save|Guardar)$")).first.click()
    translator.get_by_text(TEXT).first.wait_for()

    translator.goto(f"{demo_server}/admin/translations/?locale=pt-br")
    row = translator.locator("tr", has_text="Derechos de niñas").first
    assert "100%" in row.inner_text(), "the stale segment is translated"
    with translator.expect_navigation():
        row.get_by_role("button", name="Enviar a revisión").click()
    assert "se envió a revisión" in translator.locator(".messages").inner_text()

    reviewer = as_user("revisora-pt-br")
    panel = reviewer.locator("#awaiting-review-section")
    assert "Direitos de crianças" in panel.inner_text()
    panel.get_by_role("button", name="Acciones").first.click()
    panel.get_by_role("button", name=re.compile("^Aprobar")).first.click()
    dialog = reviewer.get_by_role("dialog")
    dialog.locator("textarea[name=comment]").fill("Términos revisados con la traductora.")
    with reviewer.expect_navigation():
        dialog.get_by_role("button", name=re.compile("^Aprobar")).click()

    public = reviewer.context.new_page()
    public.goto(demo_server + public_path)
    assert TEXT in public.content()
    assert public.locator(".fallback-notice").count() == 0
