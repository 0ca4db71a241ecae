"""The translation memory in wagtail-localize's editor, as the demo's pt-BR translator meets it
in module 2: what module 2 repeats of module 1 is already there, "from memory", and a segment
like one of module 1 ("Presentación del módulo 2" / "… módulo 1") offers module 1's translation
with its score; one click puts it in the text box, the translator corrects it and saves."""

import pytest

from tests.e2e.helpers import UI, editor_is_ready, page_in_locale

pytestmark = pytest.mark.browser
PT = UI["pt-br"]
SIMILAR = "Presentación del módulo 2"


def test_the_editor_offers_fuzzy_matches_with_their_score_and_inserts_one(
    demo_server, as_user, journey
):
    module, _public_path = page_in_locale(demo_server, 2, "pt-br")
    translator = as_user("traductora-pt-br", language="pt-br")
    translator.goto(f"{demo_server}/admin/pages/{module}/edit/")
    editor_is_ready(translator)
    editor = translator.locator(".js-translation-editor")
    assert editor.get_by_text("Materiais de estudo", exact=True).count() >= 1, "pre-filled"

    segment = (
        editor.locator("li", has_text=SIMILAR)
        .filter(has=translator.get_by_role("button", name=PT["translate"], exact=True))
        .last
    )
    segment.scroll_into_view_if_needed()
    segment.get_by_role("button", name=PT["translate"], exact=True).click()
    matches = segment.get_by_role("region", name="Memória de tradução")
    match = matches.locator("li").first
    match.wait_for()
    journey(translator, "a fuzzy match under the segment being translated")
    assert match.get_attribute("data-score") == "96"
    assert "96 %" in match.inner_text() and "Apresentação do módulo 1" in match.inner_text()

    match.get_by_role("button", name="Inserir esta tradução (pontuação 96)").click()
    box = segment.locator("textarea")
    assert box.input_value() == "Apresentação do módulo 1"
    box.press("End")
    box.press("Backspace")
    box.press_sequentially("2", delay=20)
    segment.get_by_role("button", name=PT["save"], exact=True).click()
    saved = editor.locator("li", has_text=SIMILAR).filter(has_text="Apresentação do módulo 2").last
    saved.get_by_text(PT["saved"]).wait_for()
    assert saved.get_by_text("Apresentação do módulo 2", exact=True).count() == 1
    assert matches.count() == 0, "the matches go with the text box"
