"""Translators and reviewers in the browser: finishing the stale pt-br module 1, and module 2
into pt-br from submission to a stale segment (the browser, an XLIFF round trip, review)."""

import re
import urllib.parse
import zipfile

import pytest

from tests.e2e.helpers import (
    api_json,
    approve_from_dashboard,
    open_actions,
    page_in_locale,
    submit_row_for_review,
    translate_first_segment,
)

pytestmark = pytest.mark.browser
TEXT = "Texto traduzido no navegador pela tradutora."


def test_translator_and_reviewer_in_the_browser(demo_server, as_user):
    pk, public_path = page_in_locale(demo_server, 1, "pt-br")

    translator = as_user("traductora-pt-br")
    translate_first_segment(translator, demo_server, pk, TEXT)  # the stale segment
    translator.goto(f"{demo_server}/admin/translations/?locale=pt-br")
    submit_row_for_review(translator, "Derechos de niñas")

    reviewer = as_user("revisora-pt-br")
    assert "Direitos de crianças" in reviewer.locator("#awaiting-review-section").inner_text()
    approve_from_dashboard(
        reviewer, "Direitos de crianças", "Términos revisados con la traductora."
    )

    public = reviewer.context.new_page()
    public.goto(demo_server + public_path)
    assert TEXT in public.content()
    assert public.locator(".fallback-notice").count() == 0


MODULE_2 = "La migración en el mundo y los Objetivos de Desarrollo Sostenible"
TITLE_PT = "A migração no mundo e os Objetivos de Desenvolvimento Sustentável"


def fill_untranslated_units(xliff):
    """What a CAT tool gives back: a target for every unit without one ("[CAT] " + the source,
    inline codes kept; the slug copied as it is)."""

    def fill(match):
        unit = match.group(0)
        if 'state="initial"' not in unit:
            return unit
        prefix = "" if ">slug</note>" in unit else "[CAT] "
        return re.sub(
            r"<source>(.*?)</source>",
            lambda m: f"<source>{m.group(1)}</source><target>{prefix}{m.group(1)}</target>",
            unit,
            flags=re.S,
        )

    return re.sub(r"<unit .*?</unit>", fill, xliff, flags=re.S)


def test_module_2_into_pt_br_in_the_browser_and_through_xliff(demo_server, as_user):
    """The issue's "done means": an editor submits module 2 to pt-br; the translator translates
    in the browser and through an XLIFF round trip; the reviewer approves; the site and the API
    serve it; a later change to the Spanish module 2 shows as stale in pt-br."""
    editor = as_user("editora")
    editor.goto(f"{demo_server}/admin/translations/")
    editor.get_by_text("Enviar páginas a traducción").click()
    editor.select_option("select[name=page]", label=MODULE_2)
    editor.get_by_role("checkbox", name=re.compile("Portugu")).check()
    with editor.expect_navigation():
        editor.get_by_role("button", name="Enviar", exact=True).click()
    assert "Enviando 2 página(s) a traducción" in editor.locator(".messages").inner_text()

    # In the browser: the title, in wagtail-localize's editor.
    pk, _path = page_in_locale(demo_server, 2, "pt-br")
    translator = as_user("traductora-pt-br")
    translate_first_segment(translator, demo_server, pk, TITLE_PT)

    # Through a CAT tool: the locale's XLIFF archive from the dashboard, one file back.
    translator.goto(f"{demo_server}/admin/translations/?locale=pt-br")
    files = translator.locator("details.cat-files[data-locale=pt-br]")
    files.locator("summary").click()
    with translator.expect_download() as download:
        files.get_by_role("link", name="Descargar XLIFF 2.0 (.zip)").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        name = next(n for n in archive.namelist() if n.startswith("la-migracion-en-el-mundo"))
        xliff = archive.read(name).decode()
    assert TITLE_PT in xliff, "what was translated in the browser is in the file"
    files.locator("input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": "application/xml",
                "buffer": fill_untranslated_units(xliff).encode()}]
    )  # fmt: skip
    with translator.expect_navigation():
        files.get_by_role("button", name="Importar").click()
    assert "Se importaron 1 archivo(s)" in translator.locator(".messages").inner_text()

    submit_row_for_review(translator, MODULE_2)

    reviewer = as_user("revisora-pt-br")
    approve_from_dashboard(reviewer, TITLE_PT, "Revisado; los marcadores [CAT] se aceptan.")

    data = api_json(demo_server, f"/api/v2/pages/{pk}/")
    assert data["title"] == TITLE_PT and data["meta"]["locale"] == "pt-br"
    assert data["summary"].startswith("[CAT] Ofrece un panorama")
    public = reviewer.context.new_page()
    public.goto(demo_server + urllib.parse.urlsplit(data["meta"]["html_url"]).path)
    assert TITLE_PT in public.content() and "[CAT] " in public.content()
    assert public.locator(".fallback-notice").count() == 0

    # The Spanish module 2 changes: pt-br shows the changed segment as stale.
    spanish, _path = page_in_locale(demo_server, 2, "es")
    publisher = as_user("publicadora")
    publisher.goto(f"{demo_server}/admin/pages/{spanish}/edit/")
    publisher.fill("#id_summary", "Panorama actualizado de la movilidad humana y la Agenda 2030.")
    open_actions(publisher)
    with publisher.expect_navigation():
        publisher.locator("button[name=action-publish]").click()
    translator.goto(f"{demo_server}/admin/translations/?locale=pt-br")
    row = translator.locator("tr", has_text=MODULE_2).first
    assert "1 segmento desactualizado" in row.inner_text()
