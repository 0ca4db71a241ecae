"""The editorial cycle on module 3, clicked through the Wagtail admin in headless Chromium.

An editor changes module 3 and submits it with a change note; a reviewer rejects it with a
comment; the editor fixes it and resubmits; the reviewer and the publisher approve; the page goes
live; the history shows every step and two revisions compare.
"""

import pytest

from tests.e2e.helpers import open_actions, page_in_locale

pytestmark = pytest.mark.browser


def workflow_action(page, name, comment=None):
    open_actions(page)
    button = page.get_by_role("button", name=name, exact=True).first
    if comment is None:
        with page.expect_navigation():
            button.click()
        return
    button.click()
    dialog = page.get_by_role("dialog")
    dialog.locator("textarea[name=comment]").fill(comment)
    with page.expect_navigation():
        dialog.get_by_role("button", name=name).click()


def test_editorial_cycle_in_the_browser(demo_server, as_user):
    pk, public_url = page_in_locale(demo_server, 3, "es")
    edit_url = f"{demo_server}/admin/pages/{pk}/edit/"

    editor = as_user("editora")
    editor.goto(edit_url)
    editor.fill("#id_summary", "Resumen del módulo 3 con un dato sin verificar.")
    editor.fill("#id_change_note", "Reescribo el resumen del módulo")
    open_actions(editor)
    with editor.expect_navigation():
        editor.locator("button[name=action-submit]").click()
    assert "enviada para moderación" in editor.locator(".messages").inner_text()

    reviewer = as_user("revisor")
    awaiting = reviewer.locator("#awaiting-review-section, #awaiting-review").first
    assert "Niñez migrante" in awaiting.inner_text(), "the dashboard lists it for review"
    reviewer.goto(edit_url)
    workflow_action(reviewer, "Solicitar cambios", comment="Falta la fuente del dato; corrígelo.")

    editor.goto(f"{demo_server}/admin/pages/{pk}/history/")
    assert "Falta la fuente del dato" in editor.content()
    editor.goto(edit_url)
    editor.fill("#id_summary", "Resumen del módulo 3, revisado y con fuentes.")
    editor.fill("#id_change_note", "Añado la fuente que pidió la revisión")
    open_actions(editor)
    with editor.expect_navigation():
        editor.locator("button[name=action-submit]").click()  # "Resubmit to …"

    reviewer.goto(edit_url)
    workflow_action(reviewer, "Aprobar")
    # The reviewer's part is done: they land on their dashboard, told it went well, not on an
    # area they may no longer open.
    assert reviewer.url == f"{demo_server}/admin/"
    notice = reviewer.locator(".messages").inner_text()
    assert "Aprobaste «Niñez migrante»" in notice, notice
    assert "permiso" not in notice, notice
    publisher = as_user("publicadora")
    publisher.goto(edit_url)
    workflow_action(publisher, "Aprobar y Publicar")

    public = publisher.context.new_page()
    public.goto(demo_server + public_url)
    assert "Resumen del módulo 3, revisado y con fuentes." in public.content()

    publisher.goto(f"{demo_server}/admin/pages/{pk}/history/")
    history = publisher.content()
    for text in ("Reescribo el resumen del módulo", "Añado la fuente que pidió la revisión",
                 "Falta la fuente del dato", "Publicado"):  # fmt: skip
        assert text in history, text
    publisher.goto(f"{demo_server}/admin/pages/{pk}/revisions/compare/earliest...latest/")
    assert "Resumen del módulo 3, revisado y con fuentes." in publisher.content()
