"""A field worker opens the offline edition from disk (``file://``) in Chromium, in Spanish and in
English: the start page leads to the course, links lead from page to page, the module's video
plays with its captions, an infographic shows, the header's search box finds a page, and a
practice evaluation scores answers in the browser as the site would. axe-core finds no WCAG 2.1
AA violation.

The zip is built by ``exports.offline.build_offline`` in a process of its own, on a copy of the
demo the browser tests share."""

import json
import shutil
import subprocess
import sys
import zipfile

import pytest

from tests.e2e.conftest import ROOT, copy_database, demo_env, drop_database, follow
from tests.e2e.test_site_journeys import check_page

pytestmark = pytest.mark.browser

BUILD = """
import json, sys
import django
django.setup()
from wagtail.models import Locale
from course_content.models import EvaluationPage, ModulePage
from exports.edition import find_course, load_edition
from exports.offline import build_offline
from course_content.demo import content

course = find_course(content.COURSE["slug"])
build_offline(load_edition(course, Locale.objects.get(language_code=sys.argv[1])), sys.argv[2])
module = ModulePage.objects.child_of(course).get(number=1)
evaluation = EvaluationPage.objects.child_of(module).get()
key = {q.id: sorted(q.block.correct_option_ids(q.value)) for q in evaluation.questions}
translated = EvaluationPage.objects.get(
    translation_key=evaluation.translation_key, locale__language_code=sys.argv[1]
)
feedback = {q.id: str(q.value["feedback"]) for q in translated.questions}
print(json.dumps({"key": key, "feedback": feedback}))
"""

JOURNEYS = {
    # language: (a query, a page it finds, "Check my answers", the practice notice's start)
    "es": ("interés superior", "Qué es el interés superior del niño", "Comprobar mis respuestas"),
    "en": ("sustainable development", "Sustainable Development Goals", "Check my answers"),
}
PLAYING = "() => document.querySelector('video').currentTime > 0.5"
CAPTIONS = """() => {
    const track = document.querySelector("video").textTracks[0];
    track.mode = "showing";
    return track.cues && track.cues.length > 0;
}"""
SCORE = "() => document.querySelector('.practice-result').textContent"


@pytest.fixture(scope="module")
def offline_editions(demo_snapshot, tmp_path_factory):
    """``build(language)``: the folder the offline edition's zip was unpacked into, and module
    1's evaluation: ``{"key": {question id: right option ids}, "feedback": {question id: text}}``
    (the feedback in the edition's language)."""
    workdir = tmp_path_factory.mktemp("offline-demo")
    copy_database(demo_snapshot, workdir)
    if (demo_snapshot / "media").exists():
        shutil.copytree(demo_snapshot / "media", workdir / "media")
    built = {}

    def build(language):
        if language not in built:
            archive = workdir / f"{language}.zip"
            result = subprocess.run(
                [sys.executable, "-c", BUILD, language, str(archive)],
                env=demo_env(workdir),
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
                timeout=300,
            )
            folder = workdir / language
            with zipfile.ZipFile(archive) as opened:
                opened.extractall(folder)
            built[language] = (folder, json.loads(result.stdout.strip().splitlines()[-1]))
        return built[language]

    yield build
    drop_database(workdir)


@pytest.mark.parametrize("language", list(JOURNEYS))
def test_the_offline_edition_works_from_disk(
    offline_editions, browsers, journey, axe_source, language
):
    query, found, check_label = JOURNEYS[language]
    folder, evaluation = offline_editions(language)
    key = evaluation["key"]
    page = browsers.new_page(language=language)
    checked = set()

    # The start page sends the reader to the course page.
    page.goto((folder / "index.html").as_uri())
    page.wait_for_url("**/curso-ninez-migrante/index.html")
    assert page.url.startswith("file://")
    journey(page, "course")
    check_page(page, language, axe_source, checked)
    assert page.locator(".module-list li").count() == 10

    # From the course to module 1 by its link; its video plays from the zip.
    follow(page.locator(".module-list a").first)
    assert page.url.endswith("/index.html") and page.url.startswith("file://")
    check_page(page, language, axe_source, checked)
    video = page.locator("main video").first
    video.scroll_into_view_if_needed()
    video.focus()
    page.keyboard.press("Space")
    page.wait_for_function(PLAYING, timeout=15_000)
    page.wait_for_function(CAPTIONS, timeout=15_000)
    journey(page, "module video playing")
    page.keyboard.press("Space")

    # The evaluation: practice only, scored in the browser as the site scores it.
    follow(page.locator(".evaluation-callout a").first)
    check_page(page, language, axe_source, checked)
    assert page.locator("main .notice").first.is_visible()
    questions = page.locator("fieldset[data-question]")
    assert questions.count() == len(key)
    page.get_by_role("button", name=check_label).click()
    assert page.locator(".field-error:visible").count() == len(key)  # nothing answered yet
    for index in range(questions.count()):
        question = questions.nth(index)
        for option in key[question.get_attribute("data-question")]:
            question.locator(f"input[value='{option}']").check()
    page.get_by_role("button", name=check_label).click()
    assert "100/100" in page.evaluate(SCORE)
    assert page.locator(".practice-result.result-passed").count() == 1
    # Each question's feedback shows once answers are checked, as on the site.
    first_id = questions.nth(0).get_attribute("data-question")
    shown = questions.nth(0).locator(".practice-feedback")
    assert shown.is_visible()
    assert shown.inner_text() == evaluation["feedback"][first_id]
    first = questions.nth(0)
    right = set(key[first.get_attribute("data-question")])
    wrong = first.locator("input").evaluate_all(
        "(inputs, right) => inputs.map((i) => i.value).filter((v) => !right.includes(v))",
        sorted(right),
    )[0]
    first.locator("input:checked").evaluate_all("(inputs) => inputs.forEach((i) => i.click())")
    first.locator(f"input[value='{wrong}']").check()
    page.get_by_role("button", name=check_label).click()
    assert "100/100" not in page.evaluate(SCORE)
    journey(page, "practice scored")
    check_page(page, language, axe_source, checked)

    # The library, and an infographic's image.
    follow(page.locator("nav.main-nav a").nth(2))
    check_page(page, language, axe_source, checked)
    follow(page.locator(".pagination a", has_text="2").first)
    assert page.url.endswith("index-2.html")
    page.goto(
        (folder / language / "biblioteca/infografia-principios-convencion/index.html").as_uri()
    )
    image = page.locator("main img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    check_page(page, language, axe_source, checked)

    # The header's search box searches the edition, without a server.
    box = page.locator("header form.site-search input[name=q]")
    box.fill(query)
    box.press("Enter")
    page.wait_for_selector("#offline-search-results li")
    journey(page, "search results")
    check_page(page, language, axe_source, checked)
    assert page.locator("#offline-search-status").inner_text().strip()
    result = page.locator("#offline-search-results a", has_text=found).first
    follow(result)
    assert found in page.locator("h1").inner_text()
