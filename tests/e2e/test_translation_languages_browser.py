"""The translation workflow in a French and in a Spanish admin, at a person's pace: a French
translator translates module 1's title in the translation editor and sends it for review, the
French reviewer approves it from the editor's review panel, and the public French page shows it;
a Mexican-Spanish adapter, on a phone, adapts module 2 and sends it for review, and the reviewer
approves it with a comment from the editor's action menu. The dashboard and the editor at 375 px
and at 1366 px. And a pt-BR translation that left the translation editor for Wagtail's own page
editor ("Stop synced translation"), reviewed from that editor's action menu."""

import re

import pytest

from tests.e2e.helpers import (
    UI,
    assert_admin_in_language,
    dashboard_row,
    dialog_with,
    edit_segment,
    editor_is_ready,
    editor_menu,
    messages_text,
    page_in_locale,
    submit_row_for_review,
    translate_segment,
)

pytestmark = pytest.mark.browser
MODULE_1 = "Derechos de niñas, niños y adolescentes y políticas públicas"
MODULE_2 = "La migración en el mundo y los Objetivos de Desarrollo Sostenible"
TITLE_FR = "Droits des enfants et adolescents et politiques publiques"
TITLE_MX = "La migración en el mundo y los Objetivos de Desarrollo Sostenible, vistos desde México"


def open_from_dashboard(person, base_url, language, code, title):
    """The Translations dashboard of ``code``, then the page's title: its translation editor."""
    person.goto(f"{base_url}/admin/translations/?locale={code}")
    assert_admin_in_language(person, language)
    row = dashboard_row(person, title)
    with person.expect_navigation():
        row.get_by_role("link", name=title).click()
    editor_is_ready(person)


def test_fr_translated_in_the_editor_and_approved_from_its_review_panel(
    demo_server, as_user, journey
):
    module, public_path = page_in_locale(demo_server, 1, "fr")
    fr = UI["fr"]

    translator = as_user("traductora-fr", language="fr")
    assert_admin_in_language(translator, "fr")
    translator.goto(f"{demo_server}/admin/translations/?locale=fr")
    assert_admin_in_language(translator, "fr")
    open_from_dashboard(translator, demo_server, "fr", "fr", MODULE_1)
    assert translator.url.endswith(f"/admin/pages/{module}/edit/")
    assert_admin_in_language(translator, "fr")
    translate_segment(translator, "fr", TITLE_FR)  # the first segment is the title
    journey(translator, "title translated")
    translator.goto(f"{demo_server}/admin/translations/?locale=fr")
    submit_row_for_review(translator, "fr", MODULE_1)
    assert_admin_in_language(translator, "fr")

    reviewer = as_user("revisora-fr", language="fr")
    assert_admin_in_language(reviewer, "fr")
    assert TITLE_FR in reviewer.locator("#awaiting-review-section").inner_text()
    open_from_dashboard(reviewer, demo_server, "fr", "fr", MODULE_1)
    assert_admin_in_language(reviewer, "fr")
    assert fr["publish in"] in reviewer.locator(".js-translation-editor footer").inner_text()
    panel = reviewer.locator(".translation-review")
    journey(reviewer, "review panel")
    with reviewer.expect_navigation():
        panel.get_by_role("button", name=fr["approve"], exact=True).click()
    assert fr["approved"] in messages_text(reviewer)
    assert_admin_in_language(reviewer, "fr")

    visitor = reviewer.context.new_page()
    visitor.goto(demo_server + public_path)
    assert visitor.locator("html").get_attribute("lang") == "fr"
    assert TITLE_FR in visitor.locator("h1").inner_text()


def test_fr_dashboard_and_editor_on_a_phone(demo_server, as_user, journey):
    reviewer = as_user("revisora-fr", language="fr", viewport="phone")
    reviewer.goto(f"{demo_server}/admin/translations/?locale=fr")
    assert_admin_in_language(reviewer, "fr")
    journey(reviewer, "dashboard at 375 px")
    open_from_dashboard(reviewer, demo_server, "fr", "fr", MODULE_1)
    assert_admin_in_language(reviewer, "fr")
    journey(reviewer, "editor at 375 px")


def test_es_mx_adapted_on_a_phone_and_approved_with_a_comment_from_the_action_menu(
    demo_server, as_user, journey
):
    module, public_path = page_in_locale(demo_server, 2, "es-mx")
    es = UI["es"]

    adapter = as_user("traductora-es-mx", language="es", viewport="phone")
    assert_admin_in_language(adapter, "es")
    open_from_dashboard(adapter, demo_server, "es", "es-mx", MODULE_2)
    assert adapter.url.endswith(f"/admin/pages/{module}/edit/")
    assert_admin_in_language(adapter, "es")
    edit_segment(adapter, "es", MODULE_2, TITLE_MX)  # inherited from Spanish: adapted
    journey(adapter, "title adapted at 375 px")
    adapter.goto(f"{demo_server}/admin/translations/?locale=es-mx")
    assert_admin_in_language(adapter, "es")
    submit_row_for_review(adapter, "es", MODULE_2)

    reviewer = as_user("revisora-es-mx", language="es")
    assert_admin_in_language(reviewer, "es")
    reviewer.goto(f"{demo_server}/admin/pages/{module}/edit/")
    editor_is_ready(reviewer)
    assert_admin_in_language(reviewer, "es")
    assert es["publish in"] in reviewer.locator(".js-translation-editor footer").inner_text()
    menu = editor_menu(reviewer, "es")
    journey(reviewer, "the editor's action menu")
    menu.get_by_role("button", name=es["approve with comment"]).click()
    dialog = dialog_with(reviewer, es["approve with comment"])
    assert_admin_in_language(reviewer, "es")
    dialog.locator("textarea[name=comment]").press_sequentially(
        "Adaptación revisada con el equipo de México.", delay=5
    )
    with reviewer.expect_navigation():
        dialog.get_by_role("button", name=es["approve with comment"]).click()
    assert es["approved"] in messages_text(reviewer)
    assert_admin_in_language(reviewer, "es")

    visitor = reviewer.context.new_page()
    visitor.goto(demo_server + public_path)
    assert TITLE_MX in visitor.locator("h1").inner_text()


def test_pt_br_reviewed_from_wagtails_own_page_editor(demo_server, as_user, journey):
    """A translator stops the synced translation of module 1 to edit it in Wagtail's page editor
    and submits it from its action menu; the reviewer's override without a note is refused in
    the dialog, then accepted with one."""
    module, public_path = page_in_locale(demo_server, 1, "pt-br")
    pt = UI["pt-br"]

    translator = as_user("traductora-pt-br", language="pt-br")
    translator.goto(f"{demo_server}/admin/pages/{module}/edit/")
    editor_is_ready(translator)
    assert_admin_in_language(translator, "pt-br")
    menu = editor_menu(translator, "pt-br")
    with translator.expect_navigation():
        menu.get_by_role("button", name="Parar tradução sincronizada").click()
    footer = translator.locator("footer")
    footer.get_by_role("button", name=pt["more actions"]).wait_for()
    assert_admin_in_language(translator, "pt-br")
    translator.get_by_role("textbox", name="Nota de alterações").press_sequentially(
        "Tradução ajustada à mão.", delay=5
    )
    footer.get_by_role("button", name=pt["more actions"]).click()
    with translator.expect_navigation():
        footer.get_by_role("button", name=re.compile("^Enviar para ")).click()
    journey(translator, "submitted from Wagtail's editor")

    reviewer = as_user("revisora-pt-br", language="pt-br")
    reviewer.goto(f"{demo_server}/admin/pages/{module}/edit/")
    footer = reviewer.locator("footer")
    footer.get_by_role("button", name=pt["more actions"]).click()
    footer.get_by_role("button", name=pt["override"]).click()
    dialog = dialog_with(reviewer, pt["override"])
    dialog.get_by_role("button", name=pt["override"]).click()
    dialog.get_by_text(pt["reason"]).wait_for()
    assert_admin_in_language(reviewer, "pt-br")
    journey(reviewer, "the reason, in Wagtail's editor's dialog")
    dialog.locator("textarea[name=comment]").press_sequentially("Termos conferidos.", delay=5)
    with reviewer.expect_navigation():
        dialog.get_by_role("button", name=pt["override"]).click()
    assert pt["approved"] in messages_text(reviewer)
    assert_admin_in_language(reviewer, "pt-br")

    visitor = reviewer.context.new_page()
    visitor.goto(demo_server + public_path)
    assert visitor.locator(".fallback-notice").count() == 0
