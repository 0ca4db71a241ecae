"""Helpers shared by the browser tests (the demo server's API, the admin's common gestures, and
the translation workflow's screens in each interface language)."""

import json
import re
import urllib.parse
import urllib.request

from tests.e2e.language import untranslated


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


# --- the translation workflow, as a translator or a reviewer sees it ------------------------

# What the admin says in each language (from our catalogs, Wagtail's and wagtail-localize's).
UI = {
    "pt-br": {
        "translate": "Traduzir",
        "save": "Salvar",
        "edit": "Editar",
        "saved": "Traduzido manualmente em",
        "submit": "Enviar para revisão",
        "sent": "foi enviada para revisão",
        "files": "Arquivos para ferramentas CAT",
        "download xliff": "Baixar XLIFF 2.0 (.zip)",
        "import": "Importar",
        "imported": r"1 arquivo importado\. \d+ segmentos? alterados?\.",
        "actions": "Ações",
        "more actions": "Mais ações",
        "approve": "Aprovar",
        "approve with comment": "Aprovar com comentário",
        "override": "Aprovar, ignorando os apontamentos do controle de qualidade",
        "reason": "Aprovar apesar dos apontamentos do controle de qualidade exige uma nota",
        "approved": "foi aprovada e publicada.",
        "close": "Fechar",
        "publish in": "Publicar em português do Brasil",
    },
    "fr": {
        "translate": "Traduire",
        "save": "Enregistrer",
        "edit": "Modifier",
        "saved": "Traduit manuellement le",
        "submit": "Soumettre pour révision",
        "sent": "a été soumise pour révision",
        "files": "Fichiers pour outils de TAO",
        "download xliff": "Télécharger XLIFF 2.0 (.zip)",
        "import": "Importer",
        "imported": r"1 fichier importé\. \d+ segments? modifiés?\.",
        "actions": "Actions",
        "more actions": "Plus d'actions",
        "approve": "Approuver",
        "approve with comment": "Approuver avec un commentaire",
        "override": "Approuver en passant outre les constats du contrôle qualité",
        "reason": "Approuver malgré les constats du contrôle qualité exige une note",
        "approved": "est approuvée et publiée.",
        "close": "Fermer",
        "publish in": "Publier en français",
    },
    "es": {
        "translate": "Traducir",
        "save": "Guardar",
        "edit": "Editar",
        "saved": "Traducido manualmente el",
        "submit": "Enviar a revisión",
        "sent": "se envió a revisión",
        "files": "Archivos para herramientas TAO",
        "download xliff": "Descargar XLIFF 2.0 (.zip)",
        "import": "Importar",
        "imported": r"Se importó 1 archivo\. \d+ segmentos? modificados?\.",
        "actions": "Acciones",
        "more actions": "Más acciones",
        "approve": "Aprobar",
        "approve with comment": "Aprobar con comentario",
        "override": "Aprobar, pasando por alto los hallazgos de calidad",
        "reason": "Aprobar con hallazgos de calidad requiere una nota",
        "approved": "está aprobada y publicada.",
        "close": "Cerrar",
        "publish in": "Publicar en español de México",
    },
}

# i18n branch supplies these: strings of Wagtail's own screens (its sidebar, home page, and the
# page editor's landmarks) that Wagtail 8 leaves in English. Remove them once it is merged.
WAGTAIL_GAPS = {
    "pt-br": {"Search", "Wagtail 8.0.1 editor guide", "Actions", "Actions (footer)"},
    "fr": {"Search"},
    "es": {
        "Search",
        "Search all pages…",
        "Wagtail 8.0.1 editor guide",
        "Edit account avatar",
        "Privacy and access",
    },
}
# Content, not interface: page titles and segment text (Spanish source, translations).
CONTENT = (
    "table.translations-matrix th[scope=row]",
    "#awaiting-review-section td.title",
    ".w-header__title",
    ".js-translation-editor li > p",  # a segment's source text
    ".js-translation-editor li > div",  # its translation
)


def assert_admin_in_language(page, language, *, ignore=()):
    """``assert_in_language`` for an admin screen of the translation workflow: content ignored
    (``CONTENT`` and ``ignore``), and Wagtail's own catalog gaps listed in ``WAGTAIL_GAPS``."""
    html_lang = page.locator("html").get_attribute("lang") or ""
    assert html_lang.lower().startswith(language.split("-")[0]), (
        f"{page.url}: <html lang={html_lang!r}>, expected {language}"
    )
    leftovers = [
        text
        for text in untranslated(page, language, ignore=(*CONTENT, *ignore))
        if text not in WAGTAIL_GAPS[language]
    ]
    assert not leftovers, f"{page.url}: English in a {language} interface: {leftovers}"


def messages_text(page):
    return page.locator(".messages").inner_text()


def _type_and_save(page, language, text):
    """Type ``text`` in the segment being edited, save it, wait until the editor shows it saved."""
    field = page.locator(".js-translation-editor textarea")
    field.fill("")
    field.press_sequentially(text, delay=5)
    page.locator(".js-translation-editor").get_by_role(
        "button", name=UI[language]["save"], exact=True
    ).click()
    saved = page.locator(".js-translation-editor li", has_text=text).last
    saved.get_by_text(UI[language]["saved"]).wait_for()
    return saved


def translate_segment(page, language, text, *, nth=0):
    """In wagtail-localize's editor: open the ``nth`` untranslated segment, type ``text`` as a
    person does, save it and wait for the editor to show it saved."""
    page.get_by_role("button", name=UI[language]["translate"], exact=True).nth(nth).click()
    return _type_and_save(page, language, text)


def edit_segment(page, language, old_text, text):
    """In wagtail-localize's editor: change a translated segment that reads ``old_text``."""
    segment = (
        page.locator(".js-translation-editor li")
        .filter(has=page.get_by_text(old_text, exact=True))
        .first
    )
    segment.get_by_role("button", name=UI[language]["edit"], exact=True).click()
    return _type_and_save(page, language, text)


def dashboard_row(page, title):
    return page.locator("table.translations-matrix tr", has_text=title).first


def submit_row_for_review(page, language, row_text):
    """On the Translations dashboard: send the row's translation for review."""
    row = dashboard_row(page, row_text)
    with page.expect_navigation():
        row.get_by_role("button", name=UI[language]["submit"]).click()
    assert UI[language]["sent"] in messages_text(page)


def dialog_with(page, heading):
    dialog = page.get_by_role("dialog").filter(has_text=heading)
    dialog.locator("textarea[name=comment]").wait_for()
    return dialog


def refuse_empty_override(page, language, dialog):
    """An override with an empty note: the dialog says why and stays open; close it."""
    ui = UI[language]
    dialog.get_by_role("button", name=ui["override"]).click()
    dialog.get_by_text(ui["reason"]).wait_for()
    dialog.get_by_role("button", name=ui["close"]).click()
    dialog.wait_for(state="hidden")


def confirm_in_dialog(page, language, dialog, action, note):
    """Type ``note`` in a workflow dialog, confirm ``action`` and wait for the confirmation."""
    dialog.locator("textarea[name=comment]").press_sequentially(note, delay=5)
    with page.expect_navigation():
        dialog.get_by_role("button", name=UI[language][action]).click()
    page.locator(".messages").wait_for()


def review_menu(page, language, item_text):
    """The "…" menu of an item of the home page's "Awaiting your review" panel, opened."""
    item = page.locator("#awaiting-review-section tr", has_text=item_text).first
    item.get_by_role("button", name=UI[language]["actions"]).click()
    return item


def editor_menu(page, language):
    """The translation editor's action menu (its footer), opened."""
    footer = page.locator(".js-translation-editor footer")
    footer.get_by_role("button", name=UI[language]["more actions"]).click()
    return footer.locator(".w-dropdown__content")


def editor_is_ready(page):
    page.locator(".js-translation-editor footer").wait_for()


def fill_untranslated_units(xliff, prefix="[CAT] "):
    """What a CAT tool gives back: a target for every unit without one (``prefix`` + the source,
    inline codes kept; the slug copied as it is)."""

    def fill(match):
        unit = match.group(0)
        if 'state="initial"' not in unit:
            return unit
        start = "" if ">slug</note>" in unit else prefix
        return re.sub(
            r"<source>(.*?)</source>",
            lambda m: f"<source>{m.group(1)}</source><target>{start}{m.group(1)}</target>",
            unit,
            flags=re.S,
        )

    return re.sub(r"<unit .*?</unit>", fill, xliff, flags=re.S)
