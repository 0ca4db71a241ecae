"""Script from a translator never runs, tried in a browser where it would run.

The pt-BR translator types markup that runs script (a comment a browser ends at ``--!>``, with an
image whose ``onerror`` would run) into a paragraph of module 1 in the translation editor: the
editor says, under the segment and in Portuguese, why it was not saved, and after a reload the
segment is as it was. Then the same markup is written straight into the database, behind the
forms: into a segment, which the reviewer previews, and into the published course page's
introduction, which a visitor reads. No script runs in either browser (no dialog, nothing set by
the script, no element with an event handler), and the text around it still shows."""

import json
import subprocess
import sys

import pytest

from tests.e2e.conftest import ROOT, demo_env
from tests.e2e.helpers import (
    UI,
    assert_admin_in_language,
    editor_is_ready,
    page_in_locale,
)

pytestmark = pytest.mark.browser
PAYLOAD = 'Texto novo<!--x--!><img src=x onerror="window.__xss=1;alert(1)">-->'
PARAGRAPH = "A adoção da Convenção"
NOT_SAVED = "Não foi salvo"


def in_demo(demo_server, code):
    """Run ``code`` in the demo server's Django (its database), as someone with shell access
    would, and return what it prints (JSON)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        env=demo_env(demo_server.workdir),
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def watch_for_script(page):
    """Record every dialog the page opens (``alert`` in a payload)."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def assert_no_script_ran(page, dialogs):
    assert not dialogs, f"a dialog opened: {dialogs}"
    assert page.evaluate("() => window.__xss") is None, "the payload's script ran"
    handlers = page.locator("[onerror], [onload], [onmouseover]").count()
    assert handlers == 0, "an element with an event handler reached the page"


def test_a_translators_script_is_refused_and_never_runs_for_the_reviewer_or_a_visitor(
    demo_server, as_user, browsers, journey
):
    module, _path = page_in_locale(demo_server, 1, "pt-br")
    translator = as_user("traductora-pt-br", language="pt-br")
    dialogs = watch_for_script(translator)
    translator.goto(f"{demo_server}/admin/pages/{module}/edit/")
    editor_is_ready(translator)

    segment = translator.locator(".js-translation-editor li").filter(has_text=PARAGRAPH).first
    before = segment.inner_text()
    segment.get_by_role("button", name=UI["pt-br"]["edit"], exact=True).click()
    field = translator.locator(".js-translation-editor textarea")
    field.fill("")
    field.press_sequentially(PAYLOAD, delay=2)
    translator.locator(".js-translation-editor").get_by_role(
        "button", name=UI["pt-br"]["save"], exact=True
    ).click()
    refused = translator.locator(".js-translation-editor li").filter(has_text=NOT_SAVED).first
    refused.wait_for()
    assert "Comentários HTML" in refused.inner_text(), "the reason, in Portuguese"
    assert_admin_in_language(translator, "pt-br", ignore=(".js-translation-editor li p",))
    journey(translator, "the editor refuses the markup")
    assert_no_script_ran(translator, dialogs)

    translator.reload()
    editor_is_ready(translator)
    segment = translator.locator(".js-translation-editor li").filter(has_text=PARAGRAPH).first
    assert segment.inner_text() == before, "nothing was stored"
    assert_no_script_ran(translator, dialogs)

    # Behind the forms: the segment in the database, and the course's introduction on its
    # published page.
    stored = in_demo(
        demo_server,
        f"""
import json
from wagtail.models import Page
from wagtail_localize.models import StringTranslation
from course_content.models import CoursePage
from translations.checks import translation_for
module = Page.objects.get(pk={module})
translation = translation_for(module)
segment = translation.source.stringsegment_set.filter(string__data__contains="<b>").first()
StringTranslation.objects.filter(
    translation_of_id=segment.string_id, context_id=segment.context_id,
    locale_id=translation.target_locale_id,
).update(data={PAYLOAD!r}, has_error=False)
course = CoursePage.objects.get(translation_key=module.get_parent().translation_key,
                                locale=module.locale)
CoursePage.objects.filter(pk=course.pk).update(
    introduction="<p>Introdução intacta.</p><p>" + {PAYLOAD!r} + "</p>"
)
print(json.dumps({{"translation": translation.pk, "course": course.url}}))
""",
    )

    reviewer = as_user("revisora-pt-br", language="pt-br")
    dialogs = watch_for_script(reviewer)
    reviewer.goto(f"{demo_server}/admin/localize/translate/{stored['translation']}/preview/")
    reviewer.locator("main").wait_for()
    assert "Texto novo" in reviewer.locator("main").inner_text()
    journey(reviewer, "the reviewer's preview")
    assert_no_script_ran(reviewer, dialogs)

    visitor = browsers.new_page(language="pt-br")
    dialogs = watch_for_script(visitor)
    visitor.goto(demo_server + stored["course"])
    assert "Introdução intacta." in visitor.locator("main").inner_text()
    assert "Texto novo" in visitor.locator("main").inner_text()
    journey(visitor, "the public course page")
    assert_no_script_ran(visitor, dialogs)
