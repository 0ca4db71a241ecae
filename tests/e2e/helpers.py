"""Helpers shared by the browser tests (the demo server's API, the admin's common gestures)."""

import json
import re
import urllib.parse
import urllib.request


def api_json(base_url, path):
    with urllib.request.urlopen(base_url + path) as response:  # noqa: S310 (loopback only)
        return json.load(response)


def page_in_locale(base_url, number, locale):
    """The id and public path of module ``number`` in ``locale``."""
    query = f"/api/v2/pages/?type=course_content.ModulePage&number={number}&locale={locale}"
    item = api_json(base_url, query)["items"][0]
    return item["id"], urllib.parse.urlsplit(item["meta"]["html_url"]).path


def open_actions(page):
    page.get_by_role("button", name="Más acciones").click()


def translate_first_segment(page, base_url, pk, text):
    """In wagtail-localize's editor: translate the page's first segment and save it."""
    page.goto(f"{base_url}/admin/pages/{pk}/edit/")
    page.get_by_role("button", name=re.compile("^(Translate|Traducir)$")).first.click()
    page.locator("textarea").first.fill(text)
    page.get_by_role("button", name=re.compile("^(Save|Guardar)$")).first.click()
    page.get_by_text(text).first.wait_for()


def submit_row_for_review(page, row_text):
    """On the Translations dashboard: the row's translation is complete; send it for review."""
    row = page.locator("tr", has_text=row_text).first
    assert "100%" in row.inner_text(), "every segment is translated"
    with page.expect_navigation():
        row.get_by_role("button", name="Enviar a revisión").click()
    assert "se envió a revisión" in page.locator(".messages").inner_text()


def approve_from_dashboard(page, item_text, comment):
    """A reviewer approves, with a comment, an item of their "Awaiting your review" panel."""
    item = page.locator("#awaiting-review-section tr", has_text=item_text).first
    item.get_by_role("button", name="Acciones").click()
    item.get_by_role("button", name=re.compile("^Aprobar")).first.click()
    dialog = page.get_by_role("dialog")
    dialog.locator("textarea[name=comment]").fill(comment)
    with page.expect_navigation():
        dialog.get_by_role("button", name=re.compile("^Aprobar")).click()
