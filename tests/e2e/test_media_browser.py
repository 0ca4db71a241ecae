"""A visitor watches a video with captions, listens to an audio and downloads a study guide, in
Chromium, on a phone and on a desktop screen, using the keyboard on the players."""

import re

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import follow, sign_in_on_the_site
from tests.e2e.language import assert_in_language

pytestmark = pytest.mark.browser

VIDEO_TITLE = "Qué es el interés superior del niño"
AUDIO_TITLE = "Audio: cuidar a quienes cuidan"
MODULE_1 = "Derechos de niñas, niños y adolescentes y políticas públicas"

PLAYING = "(selector) => document.querySelector(selector).currentTime > 0.5"
PAUSED = "(selector) => document.querySelector(selector).paused"
ACTIVE_CUE = """() => {
    const track = document.querySelector("video").textTracks[0];
    return track.activeCues && track.activeCues.length ? track.activeCues[0].text : null;
}"""


def open_resource(page, base_url, kind, title):
    """From the library, filtered by type, to the resource: as a visitor clicks through."""
    page.goto(base_url + "/es/biblioteca/")
    page.get_by_label("Tipo").select_option(kind)
    page.get_by_role("button", name="Filtrar").click()
    follow(page.get_by_role("link", name=title))
    assert page.locator("h1").inner_text() == title


def play_with_the_keyboard(page, selector):
    player = page.locator(selector)
    player.focus()
    assert page.evaluate(PAUSED, selector)
    page.keyboard.press("Space")
    page.wait_for_function(PLAYING, arg=selector, timeout=15_000)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_visitor_watches_listens_and_downloads(demo_server, browsers, journey, viewport):
    page = browsers.new_page(language="es", viewport=viewport)

    open_resource(page, demo_server, "video", VIDEO_TITLE)
    journey(page, "video resource")
    assert_in_language(page, "es")
    video = page.locator("video")
    track = video.locator("track")
    assert track.get_attribute("kind") == "captions"
    assert track.get_attribute("srclang") == "es"
    assert track.get_attribute("label") == "Español"
    width = page.evaluate("() => document.documentElement.clientWidth")
    assert 0 < video.bounding_box()["width"] <= width

    play_with_the_keyboard(page, "video")
    # Captions on (what the player's captions menu does), then a cue of the transcript shows.
    page.evaluate("() => { document.querySelector('video').textTracks[0].mode = 'showing'; }")
    cue = page.wait_for_function(ACTIVE_CUE, timeout=15_000).json_value()
    transcript = " ".join(page.locator("section.transcript").inner_text().split())
    assert cue and cue in transcript
    journey(page, "video playing with captions")
    page.keyboard.press("Space")
    page.wait_for_function(PAUSED, arg="video")

    open_resource(page, demo_server, "audio", AUDIO_TITLE)
    assert_in_language(page, "es")
    play_with_the_keyboard(page, "audio")
    journey(page, "audio playing")

    # The module's own video and study guide are for its learners: the demo's learner signs in.
    page.goto(demo_server + "/es/curso-ninez-migrante/")
    page.get_by_role("link", name=MODULE_1).click()
    page.get_by_role("link", name="Inicie sesión para estudiarlo").click()
    sign_in_on_the_site(page)
    module_video = page.locator("video")
    assert module_video.locator("track[kind=captions]").count() == 1
    assert_in_language(page, "es")
    guide = page.get_by_role("link", name="Guía de estudio del módulo 1")
    guide.scroll_into_view_if_needed()
    info = guide.locator("xpath=..").locator(".file-info").inner_text()
    assert re.fullmatch(r"\(PDF, \d+,\d\sKB\)", info), info  # Spanish: a decimal comma
    with page.expect_download() as download:
        guide.click()
    journey(page, "study guide downloaded")
    assert download.value.suggested_filename == "guia-modulo-1.pdf"
    reader = PdfReader(download.value.path())
    assert len(reader.pages) >= 3
    assert "niñez" in reader.pages[0].extract_text()
