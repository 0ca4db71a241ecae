"""Editors at a person's pace: Wagtail's autosave runs while they type and pause, and two editors
may have the same page open at once.

Their own autosaves never make a save a conflict; another person's save always does, and the
editor who loses the race is told so with their text still in the form.
"""

import re

import pytest

from tests.e2e.helpers import open_actions, page_in_locale

pytestmark = pytest.mark.browser


def open_editor(page, url):
    """Open a page's editor and look at it for a moment before typing, as a person does (Wagtail
    starts watching the form for changes to autosave two seconds after it loads)."""
    page.goto(url)
    page.wait_for_timeout(2_500)


def type_like_a_person(page, selector, text):
    """Click into the field, replace its text by typing, and move on to the next field."""
    field = page.locator(selector)
    field.click()
    field.press("ControlOrMeta+a")
    field.press_sequentially(text, delay=20)
    field.press("Tab")


def wait_for_autosave(page):
    """Wait, as a person would glance at it, until the header says the draft was saved."""
    page.locator(".w-autosave-indicator__state--saved").wait_for(state="visible", timeout=15_000)
    page.wait_for_timeout(1_000)  # a person reads it before moving on


def messages(page):
    return page.locator(".messages").inner_text()


@pytest.mark.parametrize("action", ["action-submit", "save"])
def test_own_autosave_is_never_a_conflict(demo_server, as_user, journey, action):
    pk, _path = page_in_locale(demo_server, 4 if action == "save" else 6, "es")
    editor = as_user("editora")
    open_editor(editor, f"{demo_server}/admin/pages/{pk}/edit/")
    type_like_a_person(editor, "#id_summary", "Resumen revisado por la editora, con calma.")
    type_like_a_person(editor, "#id_change_note", "Aclaro el resumen")
    wait_for_autosave(editor)
    journey(editor, "typed, and the autosave says saved")

    if action == "save":
        with editor.expect_navigation():
            editor.get_by_role("button", name=re.compile("^Guardar borrador")).click()
        assert "actualizada" in messages(editor), messages(editor)
    else:
        open_actions(editor)
        with editor.expect_navigation():
            editor.locator("button[name=action-submit]").click()
        assert "enviada para moderación" in messages(editor), messages(editor)
    journey(editor, "saved")
    assert "más reciente" not in messages(editor)
    if action == "action-submit":
        return  # in review now: locked for the editor until a reviewer is done

    # Reopening the page and waiting again does not make the next save a conflict either.
    open_editor(editor, f"{demo_server}/admin/pages/{pk}/edit/")
    type_like_a_person(editor, "#id_summary", "Resumen revisado otra vez, tras reabrir.")
    wait_for_autosave(editor)
    with editor.expect_navigation():
        editor.get_by_role("button", name=re.compile("^Guardar borrador")).click()
    assert "más reciente" not in messages(editor), messages(editor)
    editor.goto(f"{demo_server}/admin/pages/{pk}/edit/")
    assert editor.locator("#id_summary").input_value() == "Resumen revisado otra vez, tras reabrir."


def test_another_persons_save_is_announced_and_replaced_only_on_purpose(
    demo_server, as_user, journey
):
    pk, _path = page_in_locale(demo_server, 7, "es")
    edit_url = f"{demo_server}/admin/pages/{pk}/edit/"
    editor = as_user("editora")
    publisher = as_user("publicadora")
    open_editor(editor, edit_url)
    open_editor(publisher, edit_url)

    type_like_a_person(publisher, "#id_summary", "Resumen de la publicadora.")
    wait_for_autosave(publisher)
    with publisher.expect_navigation():
        publisher.get_by_role("button", name=re.compile("^Guardar borrador")).click()
    journey(publisher, "the publisher saved first")

    type_like_a_person(editor, "#id_summary", "Resumen de la editora, escrito a la vez.")
    # Wagtail's editing sessions learn of the other save (within its ping interval, the header
    # shows Paula's avatar with a red warning) and say so before saving over it.
    editor.locator("#w-editing-sessions .w-editing-sessions__decorated-avatar").wait_for()
    dialog = editor.locator("#w-save-confirmation-dialog")
    editor.get_by_role("button", name=re.compile("^Guardar borrador")).click()
    dialog.get_by_text("Paula Publicadora").first.wait_for()
    journey(editor, "the editor is warned that Paula saved a newer version")
    with editor.expect_navigation():
        dialog.locator("[data-w-dialog-target=confirm]").click()  # "save anyway"
    journey(editor, "the editor chose to save over it")
    assert "más reciente" not in messages(editor), messages(editor)
    assert editor.locator("#id_summary").input_value() == "Resumen de la editora, escrito a la vez."
    editor.goto(f"{demo_server}/admin/pages/{pk}/history/")
    assert "Paula Publicadora" in editor.content(), "her version stays in the history"
