"""The SCORM 1.2 packages of the es and en editions, played in Chromium against a SCORM runtime
no one here wrote: scorm-again's Scorm12API is the LMS (``window.API`` of a host page framing
each SCO, served over HTTP from the extracted zip). The learner answers an evaluation, fails,
tries again and passes; the test reads what the runtime recorded (score, status, location,
suspend data) and resumes where the learner left off."""

import functools
import http.server
import json
import re
import shutil
import threading
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT
from tests.e2e.test_browser import axe_violations

pytestmark = pytest.mark.browser

SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
HOST = Path(__file__).parent / "scorm_host"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def scorm_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The es and en packages extracted under one HTTP server with the host page; and what the
    site would score for module 1's evaluation."""
    if not SCORM_AGAIN.exists():
        pytest.skip("scorm-again is not installed (npm ci)")
    from wagtail.models import Locale

    from exports.edition import load_edition
    from exports.scorm import build_scorm
    from learning.study import evaluation as scoring
    from tests.helpers import DemoPages

    root = tmp_path_factory.mktemp("scorm-site")
    with django_db_blocker.unblock():
        demo = DemoPages()
        for code in ("es", "en"):
            edition = load_edition(demo.course, Locale.objects.get(language_code=code))
            package = root / f"{code}.zip"
            build_scorm(edition, package)
            with zipfile.ZipFile(package) as archive:
                archive.extractall(root / code)
        # Module 5 (19 country units) as a module without an evaluation.
        edition = load_edition(demo.course, Locale.objects.get(language_code="es"))
        edition.modules = [entry for entry in edition.modules if entry.module.number == 5]
        edition.modules[0].evaluation = None
        build_scorm(edition, root / "no-evaluation.zip")
        with zipfile.ZipFile(root / "no-evaluation.zip") as archive:
            archive.extractall(root / "no-evaluation")
        evaluation = scoring.load(demo.evaluation(1))
        key = evaluation.key
        en_page = evaluation.page.get_translation(Locale.objects.get(language_code="en"))
        feedback = {
            "es": {c.id: c.value["feedback"] for c in evaluation.source.questions},
            "en": {c.id: c.value["feedback"] for c in en_page.specific.questions},
        }
        # Right answers to the first questions, wrong ones to the last two, as the site scores.
        ids = list(key)
        partly = {
            qid: sorted(key[qid]["correct"])
            if index < len(ids) - 2
            else [next(o for o in key[qid]["options"] if o not in key[qid]["correct"])]
            for index, qid in enumerate(ids)
        }
        right = {qid: sorted(key[qid]["correct"]) for qid in ids}
        expected = {
            "partly": scoring.score(key, partly).score,
            "right": scoring.score(key, right).score,
        }
        pass_mark = demo.evaluation(1).effective_pass_mark
    shutil.copy(SCORM_AGAIN, root / "scorm12.js")
    for name in ("host.html", "host.js"):
        shutil.copy(HOST / name, root / name)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {
        "url": f"http://127.0.0.1:{server.server_address[1]}",
        "root": root,
        "answers": {"partly": partly, "right": right},
        "expected": expected,
        "pass_mark": pass_mark,
        "feedback": feedback,
    }
    server.shutdown()
    server.server_close()


def open_sco(page, site, path, resume=None):
    url = f"{site['url']}/host.html?sco={quote('/' + path)}"
    if resume:
        url += "&resume=" + quote(json.dumps(resume))
    page.goto(url)
    page.wait_for_function("() => window.lmsCalls.includes('LMSInitialize')")
    return page.frame_locator("#sco")


def cmi(page, element):
    return page.evaluate(f"() => String(window.API.cmi.{element})")


def answer(frame, answers):
    for question_id, options in answers.items():
        for option in options:
            frame.locator(f"[id='o-{question_id}-{option}']").check()
    frame.locator("#sco-evaluation-form button[type=submit]").click()


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_sco_starts_in_the_lms(scorm_site, browsers, code):
    page = browsers.new_page(language=code)
    for number in range(1, 11):
        frame = open_sco(page, scorm_site, f"{code}/sco-{number:02d}/index.html")
        expect(frame.locator("#sco-module")).to_be_visible()
        expect(frame.locator("#sco-evaluation")).to_be_hidden()
        expect(frame.locator("#sco-no-lms")).to_be_hidden()
        assert cmi(page, "core.lesson_status") == "incomplete"
        assert cmi(page, "core.lesson_location") == "sco-module"


@pytest.mark.parametrize("code", ["es", "en"])
def test_an_evaluation_scores_as_the_site_and_resumes(scorm_site, browsers, code):
    page = browsers.new_page(language=code)
    frame = open_sco(page, scorm_site, f"{code}/sco-01/index.html")
    frame.locator(".sco-nav a[href='#sco-evaluation']").click()
    expect(frame.locator("#sco-evaluation")).to_be_visible()
    expect(frame.locator("#sco-module")).to_be_hidden()
    page.wait_for_function("() => window.API.cmi.core.lesson_location === 'sco-evaluation'")
    # No feedback before the answers are sent, not even hidden in the page.
    html = frame.locator("html").inner_html()
    for text in scorm_site["feedback"][code].values():
        assert text not in html

    # Nothing answered: every question is marked, nothing is recorded.
    frame.locator("#sco-evaluation-form button[type=submit]").click()
    expect(frame.locator("#sco-evaluation-errors")).to_be_visible()
    expect(frame.locator(".field-error:visible")).to_have_count(5)
    assert cmi(page, "core.lesson_status") == "incomplete"

    # Three right, two wrong: the site's score, below the pass mark.
    answer(frame, scorm_site["answers"]["partly"])
    partly = scorm_site["expected"]["partly"]
    assert partly < scorm_site["pass_mark"]
    expect(frame.locator(".result-score")).to_have_text(re.compile(f"{partly}/100$"))
    assert cmi(page, "core.score.raw") == str(partly)
    assert cmi(page, "core.score.min") == "0"
    assert cmi(page, "core.score.max") == "100"
    assert cmi(page, "core.lesson_status") == "failed"
    assert frame.locator(".feedback li.incorrect").count() == 2
    shown = frame.locator(".question-feedback").all_inner_texts()
    assert sorted(shown) == sorted(scorm_site["feedback"][code].values())
    assert "LMSCommit" in page.evaluate("() => window.lmsCalls")

    # Again, all right: passed, and the form is not offered any more.
    frame.locator("#sco-try-again").click()
    answer(frame, scorm_site["answers"]["right"])
    assert scorm_site["expected"]["right"] == 100
    assert cmi(page, "core.score.raw") == "100"
    assert cmi(page, "core.lesson_status") == "passed"
    expect(frame.locator("#sco-try-again")).to_be_hidden()
    suspend = json.loads(cmi(page, "suspend_data"))
    assert suspend["attempts"] == 2 and suspend["best"] == 100
    assert "sco-module" in suspend["visited"] and "sco-evaluation" in suspend["visited"]

    # Leaving the SCO finishes the session.
    page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }")
    page.wait_for_function("() => window.lmsCalls.includes('LMSFinish')")
    written = page.evaluate("() => window.lmsSet")
    assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}", written["cmi.core.session_time"])
    assert written["cmi.core.exit"] == ""  # passed: nothing to resume as unfinished

    # Next time, the SCO opens where the learner was, and knows the evaluation is passed.
    resume = {
        "core": {"lesson_location": "sco-evaluation", "entry": "resume", "lesson_status": "passed"},
        "suspend_data": json.dumps(suspend),
    }
    frame = open_sco(page, scorm_site, f"{code}/sco-01/index.html", resume=resume)
    expect(frame.locator("#sco-evaluation")).to_be_visible()
    expect(frame.locator("#sco-evaluation-form")).to_be_hidden()
    expect(frame.locator("#sco-evaluation-status")).to_have_text(re.compile("100/100.$"))
    assert cmi(page, "core.lesson_status") == "passed"


def test_without_an_lms_the_sco_says_nothing_is_recorded(scorm_site, browsers, axe_source):
    page = browsers.new_page(language="es")
    page.goto(f"{scorm_site['url']}/es/sco-01/index.html")
    assert axe_violations(page, axe_source) == []
    page.goto(f"{scorm_site['url']}/es/sco-01/index.html#sco-evaluation")
    notice = page.locator("#sco-no-lms")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("su avance y su puntuación no se registran")
    answer(page, scorm_site["answers"]["right"])
    expect(page.locator(".result-score")).to_have_text("Puntuación: 100/100")
    assert axe_violations(page, axe_source) == []


def test_a_module_without_evaluation_is_completed_once_every_section_is_seen(scorm_site, browsers):
    page = browsers.new_page(language="es")
    frame = open_sco(page, scorm_site, "no-evaluation/sco-05/index.html")
    links = frame.locator(".sco-nav a")
    expect(links).to_have_count(20)  # the module and its 19 country units
    for index in range(1, 19):
        links.nth(index).click()
    assert cmi(page, "core.lesson_status") == "incomplete"
    links.nth(19).click()
    page.wait_for_function("() => window.API.cmi.core.lesson_status === 'completed'")
    expect(frame.locator("#sco-evaluation")).to_have_count(0)
    assert cmi(page, "core.score.raw") == ""
