"""Translators and reviewers in the browser: finishing the stale pt-br module 1, and module 2
into pt-br from submission to a stale segment (the browser, an XLIFF round trip, review)."""

import json
import re
import urllib.parse
import urllib.request
import zipfile

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


def api_page(base_url, pk):
    with urllib.request.urlopen(f"{base_url}/api/v2/pages/{pk}/") as response:  # noqa: S310
        return json.load(response)


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
    translator.goto(f"{demo_server}/admin/pages/{pk}/edit/")
    translator.get_by_role("button", name=re.compile("^(Translate|Traducir)$")).first.click()
    translator.locator("textarea").first.fill(TITLE_PT)
    translator.get_by_role("button", name=re.compile("^(Save|Guardar)$")).first.click()
    translator.get_by_text(TITLE_PT).first.wait_for()

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

    row = translator.locator("tr", has_text=MODULE_2).first
    assert "100%" in row.inner_text()
    with translator.expect_navigation():
        row.get_by_role("button", name="Enviar a revisión").click()
    assert "se envió a revisión" in translator.locator(".messages").inner_text()

    reviewer = as_user("revisora-pt-br")
    item = reviewer.locator("#awaiting-review-section tr", has_text=TITLE_PT).first
    item.get_by_role("button", name="Acciones").click()
    item.get_by_role("button", name=re.compile("^Aprobar")).first.click()
    dialog = reviewer.get_by_role("dialog")
    dialog.locator("textarea[name=comment]").fill("Revisado; los marcadores [CAT] se aceptan.")
    with reviewer.expect_navigation():
        dialog.get_by_role("button", name=re.compile("^Aprobar")).click()

    data = api_page(demo_server, pk)
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
    publisher.get_by_role("button", name="Más acciones").click()
    with publisher.expect_navigation():
        publisher.locator("button[name=action-publish]").click()
    translator.goto(f"{demo_server}/admin/translations/?locale=pt-br")
    row = translator.locator("tr", has_text=MODULE_2).first
    assert "1 segmento desactualizado" in row.inner_text()
