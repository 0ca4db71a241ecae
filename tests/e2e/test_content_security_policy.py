"""The Content-Security-Policy in a real browser: the public site and the admin's main screens work
under it, and Chromium reports no violation.

Every page records the ``securitypolicyviolation`` events the browser fires (an init script) and
the console's "Refused to …" errors; each step asserts there were none, and that the step itself
worked (the autosave said "saved", the chooser listed images, the translation editor showed its
segments, the video loaded its captions).
"""

import re
from urllib.parse import urlsplit

import pytest

from tests.e2e.helpers import api_json, page_in_locale, translate_segment

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


def watch(page):
    """Record the page's CSP violations and console errors about them."""
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_refusals = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and re.search(r"Content Security Policy|Refused to", message.text)
            and page.console_refusals.append(message.text)
        ),
    )
    page.on("pageerror", lambda error: page.console_refusals.append(f"page error: {error}"))
    return page


def assert_no_violation(page, step):
    reported = page.evaluate("window.__cspViolations || []")
    assert not reported and not page.console_refusals, (step, reported, page.console_refusals)
    assert page.evaluate("document.readyState") == "complete"


def test_the_public_site_works_under_its_policy(demo_server, browsers, journey):
    visitor = watch(browsers.new_page(language="es"))
    resource = next(
        item
        for item in api_json(
            demo_server,
            "/api/v2/pages/?type=course_content.ResourcePage&fields=resource_type"
            "&locale=es&limit=100",
        )["items"]
        if item["resource_type"] == "video"
    )
    _pk, module_path = page_in_locale(demo_server, 5, "es")
    steps = [
        ("/es/", "the home page"),
        (module_path, "module 5"),
        (urlsplit(resource["meta"]["html_url"]).path, "a video"),
        ("/es/biblioteca/?type=video", "the library filtered"),
        ("/es/no-existe/", "a page that does not exist"),
    ]
    for path, step in steps:
        visitor.goto(demo_server + path)
        journey(visitor, step)
        assert_no_violation(visitor, step)
    # The video's player has its captions (a <track> from our own document view).
    visitor.goto(demo_server + urlsplit(resource["meta"]["html_url"]).path)
    video = visitor.locator("video").first
    video.wait_for()
    visitor.wait_for_function("document.querySelector('video').textTracks.length > 0")
    assert_no_violation(visitor, "the video player")
    # The country filter of module 5 is a form: submitted by keyboard.
    visitor.goto(demo_server + module_path)
    country = visitor.locator("select[name=country]")
    if country.count():
        country.select_option(index=1)
        country.press("Enter")
        visitor.wait_for_load_state()
        assert_no_violation(visitor, "the country filter")


def test_the_admins_main_screens_work_under_its_policy(demo_server, as_user, journey):
    editor = as_user("editora")
    watch(editor)
    editor.goto(demo_server + "/admin/")
    editor.get_by_role("heading").first.wait_for()
    journey(editor, "the dashboard")
    assert_no_violation(editor, "the dashboard")

    pk, _path = page_in_locale(demo_server, 2, "es")
    editor.goto(f"{demo_server}/admin/pages/{pk}/edit/")
    editor.locator("[data-streamfield-stream-container]").first.wait_for()
    assert_no_violation(editor, "the page editor with its StreamFields")
    editor.wait_for_timeout(2_500)  # Wagtail starts watching for changes to autosave
    summary = editor.locator("#id_summary")
    summary.click()
    summary.press("End")
    summary.press_sequentially(" Revisado.", delay=20)
    summary.press("Tab")
    editor.locator(".w-autosave-indicator__state--saved").wait_for(state="visible", timeout=15_000)
    journey(editor, "typed; the autosave says saved")
    assert_no_violation(editor, "the autosave")

    # A StreamField block added with its "+" button (the learning objectives take one kind of
    # block, so it is added at once and focused), and typed into.
    objectives = editor.locator("[data-contentpath=learning_objectives] [data-streamfield-child]")
    before = objectives.count()
    editor.locator("[data-contentpath=learning_objectives] button[title]").filter(
        has=editor.locator("svg.icon-plus")
    ).first.click()
    assert objectives.count() == before + 1
    editor.keyboard.type("Reconocer las rutas migratorias de la región.", delay=15)
    journey(editor, "a new StreamField block")
    assert_no_violation(editor, "a new StreamField block")

    # The image chooser, opened from a new image block of the body, as an editor adds a picture.
    editor.locator("[data-contentpath=body] button[title]").filter(
        has=editor.locator("svg.icon-plus")
    ).first.click()
    editor.get_by_role("option", name=re.compile("^Imagen")).click()
    editor.locator("button[data-chooser-action-choose]:visible").first.click()
    modal = editor.locator(".modal-content")
    modal.locator("img").first.wait_for()
    journey(editor, "the image chooser")
    assert_no_violation(editor, "the image chooser")
    modal.locator("a[data-chooser-modal-choice]").first.click()
    modal.wait_for(state="hidden")
    assert_no_violation(editor, "an image chosen")


def test_the_translation_editor_works_under_the_admins_policy(demo_server, as_user, journey):
    pk, _path = page_in_locale(demo_server, 1, "fr")
    translator = as_user("traductora-fr", language="fr")
    watch(translator)
    translator.goto(f"{demo_server}/admin/pages/{pk}/edit/")
    translator.get_by_role("button", name="Traduire", exact=True).first.wait_for()
    journey(translator, "wagtail-localize's translation editor")
    assert_no_violation(translator, "the translation editor")
    translate_segment(translator, "fr", "Droits des enfants et des adolescents")
    journey(translator, "a segment translated and saved")
    assert_no_violation(translator, "a segment saved in the translation editor")


def test_the_sign_in_page_and_a_lockout_work_under_the_policy(demo_server, browsers, journey):
    visitor = watch(browsers.new_page(language="pt-br"))
    visitor.goto(demo_server + "/admin/login/")
    assert_no_violation(visitor, "the sign-in page")
    for attempt in range(5):
        visitor.locator("input[name=username]").fill("revisor")
        visitor.locator("input[name=password]").fill(f"palpite-{attempt}")
        with visitor.expect_navigation():
            visitor.locator("input[name=password]").press("Enter")
    journey(visitor, "locked out")
    assert "Muitas tentativas de login sem sucesso" in visitor.content()
    assert_no_violation(visitor, "the lockout message")
