"""A Brazilian Portuguese translation from the translator's editor and CAT tool to the public
site, at a person's pace, in a pt-BR admin: the translator types in the translation editor and
round-trips the locale's XLIFF archive from the dashboard, then sends two pages for review; the
reviewer tries an override without a note from the home page's "…" menu, the translation editor
and the editor's action menu (the dialog says why, nothing changes), approves a page without
findings from the "…" menu and the other with an override note from the action menu; the public
site shows the approved text in Portuguese. At 375 px, the dashboard and the editor too."""

import re
import zipfile

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
    refuse_empty_override,
    review_menu,
    submit_row_for_review,
    translate_segment,
)

pytestmark = pytest.mark.browser
PT = UI["pt-br"]
MODULE_1 = "Derechos de niñas, niños y adolescentes y políticas públicas"
MODULE_1_PT = "Direitos de crianças e adolescentes e políticas públicas"
COURSE = "Curso especializado sobre niñez migrante en las Américas"
COURSE_PT = "Curso especializado sobre crianças e adolescentes migrantes nas Américas"
TYPED = "Boa parte do século XX, as leis da região seguiram a doutrina da situação irregular."
FROM_CAT = "No século XX, as leis da região seguiram a doutrina da situação irregular (revisado)."


def test_pt_br_from_the_editor_and_a_cat_tool_through_review_to_the_public_site(
    demo_server, as_user, journey
):
    module, public_path = page_in_locale(demo_server, 1, "pt-br")

    # The translator opens module 1 from the dashboard: its title leads to their translation.
    translator = as_user("traductora-pt-br", language="pt-br")
    assert_admin_in_language(translator, "pt-br")
    translator.get_by_role("link", name="Traduções").first.click()
    translator.get_by_role("combobox", name="Idioma").select_option(label="Português (Brasil)")
    with translator.expect_navigation():
        translator.get_by_role("button", name="Mostrar").click()
    assert_admin_in_language(translator, "pt-br")
    row = dashboard_row(translator, MODULE_1)
    assert "1 segmento desatualizado" in row.inner_text()
    assert not re.search(r"\b0 ", row.inner_text()), "no count of nothing"
    journey(translator, "translator's dashboard")
    with translator.expect_navigation():
        row.get_by_role("link", name=MODULE_1).click()
    assert translator.url.endswith(f"/admin/pages/{module}/edit/")
    editor_is_ready(translator)
    assert_admin_in_language(translator, "pt-br")

    # The stale segment (the only one to translate): typed, saved, shown saved.
    translate_segment(translator, "pt-br", TYPED)
    journey(translator, "segment saved in the editor")

    # A CAT tool: the locale's XLIFF archive from the dashboard, module 1's file back.
    translator.goto(f"{demo_server}/admin/translations/?locale=pt-br")
    files = translator.locator("details.cat-files[data-locale=pt-br]")
    files.get_by_text(PT["files"]).click()
    with translator.expect_download() as download:
        files.get_by_role("link", name=PT["download xliff"]).click()
    with zipfile.ZipFile(download.value.path()) as archive:
        name = next(n for n in archive.namelist() if n.startswith("derechos-de-ninas"))
        xliff = archive.read(name).decode()
    assert TYPED in xliff, "what was typed in the editor is in the file"
    files.locator("input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": "application/xml",
                "buffer": xliff.replace(TYPED, FROM_CAT).encode()}]
    )  # fmt: skip
    with translator.expect_navigation():
        files.get_by_role("button", name=PT["import"]).click()
    assert re.search(PT["imported"], messages_text(translator)), messages_text(translator)
    assert_admin_in_language(translator, "pt-br")
    journey(translator, "XLIFF imported")

    submit_row_for_review(translator, "pt-br", MODULE_1)
    submit_row_for_review(translator, "pt-br", COURSE)
    assert_admin_in_language(translator, "pt-br")

    # The reviewer: an override without a note from the home page's "…" menu.
    reviewer = as_user("revisora-pt-br", language="pt-br")
    assert_admin_in_language(reviewer, "pt-br")
    item = review_menu(reviewer, "pt-br", MODULE_1_PT)
    item.get_by_role("button", name=PT["override"]).click()
    dialog = dialog_with(reviewer, PT["override"])
    assert_admin_in_language(reviewer, "pt-br")
    journey(reviewer, "override dialog from the dashboard")
    refuse_empty_override(reviewer, "pt-br", dialog)
    reviewer.reload()
    assert MODULE_1_PT in reviewer.locator("#awaiting-review-section").inner_text()

    # A page without findings, approved from the "…" menu.
    item = review_menu(reviewer, "pt-br", COURSE_PT)
    with reviewer.expect_navigation():
        item.get_by_role("button", name=PT["approve"], exact=True).click()
    assert PT["approved"] in messages_text(reviewer)
    assert_admin_in_language(reviewer, "pt-br")

    # Module 1 in the translation editor: the review panel and the editor's action menu.
    reviewer.goto(f"{demo_server}/admin/pages/{module}/edit/")
    editor_is_ready(reviewer)
    assert_admin_in_language(reviewer, "pt-br")
    footer = reviewer.locator(".js-translation-editor footer")
    assert PT["publish in"] in footer.inner_text()
    panel = reviewer.locator(".translation-review")
    panel.get_by_role("button", name=PT["override"]).click()
    refuse_empty_override(reviewer, "pt-br", dialog_with(reviewer, PT["override"]))
    menu = editor_menu(reviewer, "pt-br")
    journey(reviewer, "the editor's action menu")
    menu.get_by_role("button", name=PT["override"]).click()
    dialog = dialog_with(reviewer, PT["override"])
    dialog.get_by_role("button", name=PT["override"]).click()
    dialog.get_by_text(PT["reason"]).wait_for()
    dialog.locator("textarea[name=comment]").press_sequentially(
        "Números e termos conferidos com a tradutora.", delay=5
    )
    with reviewer.expect_navigation():
        dialog.get_by_role("button", name=PT["override"]).click()
    assert PT["approved"] in messages_text(reviewer)
    assert reviewer.locator(".translation-review").count() == 0, "nothing left to review"
    assert_admin_in_language(reviewer, "pt-br")
    journey(reviewer, "approved from the editor's action menu")

    # The public site shows the approved text, in Portuguese.
    visitor = reviewer.context.new_page()
    visitor.goto(demo_server + public_path)
    assert visitor.locator("html").get_attribute("lang") == "pt-br"
    assert FROM_CAT in visitor.locator("main").inner_text()
    assert visitor.locator(".fallback-notice").count() == 0


def test_pt_br_dashboard_and_editor_on_a_phone(demo_server, as_user, journey):
    translator = as_user("traductora-pt-br", language="pt-br", viewport="phone")
    translator.goto(f"{demo_server}/admin/translations/?locale=pt-br")
    assert_admin_in_language(translator, "pt-br")
    journey(translator, "dashboard at 375 px")
    row = dashboard_row(translator, COURSE)
    with translator.expect_navigation():
        row.get_by_role("link", name=COURSE).click()
    editor_is_ready(translator)
    assert_admin_in_language(translator, "pt-br")
    title = COURSE_PT
    edit_segment(translator, "pt-br", title, title + " (edição 2027)")
    journey(translator, "segment saved at 375 px")
    assert_admin_in_language(translator, "pt-br")
