"""The admin in each user's language, continued: translators and reviewers, and editors on a
phone (a file of its own so that its browser walks run beside the editorial ones; see
``test_admin_language`` for what a walk checks)."""

# ruff: noqa: F401, F811 (``pages`` is the imported module fixture, named as a test argument)
import pytest

from tests.e2e.test_admin_language import (
    LANGUAGES,
    TRANSLATOR_WALKS,
    Walk,
    pages,
    sign_in,
    walk_dashboard_dialogs,
    walk_edit_view,
    walk_history,
    walk_media,
    walk_reports,
    walk_translation_editor,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("username, language", TRANSLATOR_WALKS)
def test_translators_and_reviewers_see_the_admin_in_their_language(
    demo_server, browsers, journey, pages, username, language
):
    code = username.split("-", 1)[1]
    page = sign_in(browsers, demo_server, username, language)
    walk = Walk(page, demo_server, language, journey)
    walk.visit("/admin/", "dashboard")
    dialogs = walk_dashboard_dialogs(walk)
    if username.startswith("revisora"):  # module 1 in pt-br waits for her review
        assert dialogs == 2, "the workflow dialogs were opened"
    walk.visit("/admin/pages/", "page explorer")
    walk.visit(f"/admin/pages/{pages[f'{code} course']}/", "course's pages")
    walk_translation_editor(walk, pages[code])
    walk_history(walk, pages[code])
    walk_reports(walk, review_cycles=False)
    walk_media(walk, pages)
    walk.visit("/admin/account/", "account settings")
    walk.assert_in_language()


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_dashboard_and_the_edit_view_are_in_the_users_language(
    demo_server, browsers, journey, pages, language
):
    page = sign_in(browsers, demo_server, "editora", language, viewport="phone")
    walk = Walk(page, demo_server, language, journey)
    walk.visit("/admin/", "dashboard (375 px)")
    page.locator("button.sidebar-nav-toggle--mobile").click()
    page.locator("#wagtail-sidebar .sidebar-menu-item").first.wait_for()
    walk.check("dashboard, menu open (375 px)")
    walk_edit_view(walk, pages[6])
    walk.assert_in_language()
