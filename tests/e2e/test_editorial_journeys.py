"""The editorial journeys at a person's pace, each screen checked for the person's language.

An editor changes a module on a phone and submits it; the subject-matter reviewer and the
publisher approve it on their desktops; the change goes live; the editor then reverts the module
to an earlier version from its history.
"""

import re

import pytest

from tests.e2e.helpers import open_actions, page_in_locale
from tests.e2e.language import assert_in_language
from tests.e2e.test_editing_at_human_speed import (
    messages,
    open_editor,
    type_like_a_person,
    wait_for_autosave,
)

pytestmark = pytest.mark.browser
# Content, not interface: page titles and what people typed.
CONTENT = (".title-wrapper", "[data-w-breadcrumbs-target]", "#id_title", ".w-header__title")


def checked(page, journey, step, language="es"):
    journey(page, step)
    assert_in_language(page, language, ignore=CONTENT)


def approve(page, journey, who, comment=None):
    open_actions(page)
    if comment is None:
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("^Aprobar( y publicar)?$", re.I)).click()
        return
    page.get_by_role("button", name=re.compile("^Aprobar con comentario", re.I)).click()
    dialog = page.get_by_role("dialog")
    field = dialog.locator("textarea[name=comment]")
    field.wait_for()
    page.wait_for_timeout(800)  # the dialog settles while the person reads it
    field.press_sequentially(comment, delay=10)
    assert field.input_value() == comment, "what they typed is in the dialog"
    checked(page, journey, f"{who}: the approval dialog")
    with page.expect_navigation():
        dialog.get_by_role("button", name=re.compile("^Aprobar", re.I)).click()


def test_a_change_from_a_phone_to_the_public_site_and_back(demo_server, as_user, journey):
    pk, public_path = page_in_locale(demo_server, 3, "es")
    edit_url = f"{demo_server}/admin/pages/{pk}/edit/"
    original = "Resumen del módulo 3 antes del cambio."

    editor = as_user("editora", viewport="phone")
    checked(editor, journey, "the editor's dashboard on a phone")
    open_editor(editor, edit_url)
    type_like_a_person(editor, "#id_summary", original)
    wait_for_autosave(editor)
    with editor.expect_navigation():
        editor.get_by_role("button", name=re.compile("^Guardar borrador")).click()
    assert "actualizada" in messages(editor)

    open_editor(editor, edit_url)
    type_like_a_person(editor, "#id_summary", "Resumen del módulo 3, con las cifras de 2026.")
    type_like_a_person(editor, "#id_change_note", "Actualizo las cifras del resumen")
    wait_for_autosave(editor)
    checked(editor, journey, "the editor typed the change and a note on a phone")
    open_actions(editor)
    with editor.expect_navigation():
        editor.locator("button[name=action-submit]").click()
    assert "enviada para moderación" in messages(editor), messages(editor)
    checked(editor, journey, "submitted for review")

    reviewer = as_user("revisor")
    awaiting = reviewer.locator("#awaiting-review-section, #awaiting-review").first
    assert "Niñez migrante" in awaiting.inner_text()
    checked(reviewer, journey, "the reviewer's dashboard lists it")
    reviewer.goto(f"{demo_server}/admin/pages/{pk}/revisions/compare/live...latest/")
    assert "cifras de 2026" in reviewer.content()
    checked(reviewer, journey, "the reviewer compares the change with the live page")
    open_editor(reviewer, edit_url)
    approve(reviewer, journey, "reviewer", comment="Cifras verificadas con la fuente oficial.")
    assert reviewer.url == f"{demo_server}/admin/"
    assert "Aprobaste «Niñez migrante»" in messages(reviewer), messages(reviewer)
    checked(reviewer, journey, "the reviewer is back on the dashboard")

    publisher = as_user("publicadora")
    open_editor(publisher, edit_url)
    approve(publisher, journey, "publisher")
    assert "publicada" in messages(publisher), messages(publisher)
    checked(publisher, journey, "the publisher approved and published")
    visitor = publisher.context.new_page()
    visitor.goto(demo_server + public_path)
    assert "Resumen del módulo 3, con las cifras de 2026." in visitor.content()

    # The editor goes back to the version before the change, from the page's history.
    editor.goto(f"{demo_server}/admin/pages/{pk}/history/")
    checked(editor, journey, "the history on a phone")
    assert "Actualizo las cifras del resumen" in editor.content()
    assert "Cifras verificadas" in editor.content(), "the reviewer's comment"
    # Her own first draft, the oldest "draft saved" row: its "…" menu, "review this version".
    row = editor.locator("tbody tr").filter(has_text="Borrador guardado").filter(has_text="Elena")
    row.last.locator(".w-dropdown__toggle").click()
    editor.locator("a[href$='/revert/']:visible").click()
    editor.wait_for_timeout(2_500)
    assert editor.locator("#id_summary").input_value() == original
    checked(editor, journey, "the editor reviews the earlier version before restoring it")
    with editor.expect_navigation():
        editor.get_by_role("button", name=re.compile("^(Reemplazar|Guardar)")).first.click()
    assert "reemplaza" in messages(editor), messages(editor)
    checked(editor, journey, "the earlier version is the new draft")
    visitor.reload()
    assert "cifras de 2026" in visitor.content(), "a reverted draft is not live until published"
