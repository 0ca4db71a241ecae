"""Two editors press "Save draft" on the same page at the same moment, and a database too busy to
answer: nobody is told "saved" while their change is lost, and nobody sees a server error.

To make "the same moment" certain, the test holds the lock a save takes (SQLite's write lock, or
the page's row on PostgreSQL) while both browsers send their saves, then lets go: both saves are
waiting by then. Autosave is off on this
module's server: with it on, Wagtail's own autosave check and its "<someone> saved a new version"
warning (tested in ``test_editing_at_human_speed``) catch the conflict earlier, in the browser.
"""

import re
import sqlite3
from contextlib import contextmanager

import pytest

from tests.e2e.conftest import POSTGRES_URL
from tests.e2e.helpers import page_in_locale
from tests.e2e.test_editing_at_human_speed import messages, open_editor, type_like_a_person

pytestmark = pytest.mark.browser
BUSY_TIMEOUT = 3  # seconds the demo server waits for the database's write lock


@pytest.fixture(scope="module")
def server_env():
    return {"SQLITE_TIMEOUT": str(BUSY_TIMEOUT), "WAGTAIL_AUTOSAVE_INTERVAL": "0"}


@contextmanager
def page_held(demo_server, page_id):
    """Hold the lock a save of the page takes, as a long save by someone else would: SQLite's
    write lock, or the page's row on PostgreSQL."""
    if POSTGRES_URL:
        import psycopg

        with psycopg.connect(demo_server.database_url) as connection:
            lock = "SELECT id FROM wagtailcore_page WHERE id = %s FOR UPDATE"
            connection.execute(lock, [page_id])
            yield
        return
    connection = sqlite3.connect(demo_server.workdir / "db.sqlite3", isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        connection.execute("COMMIT")
        connection.close()


def save_draft_button(page):
    return page.get_by_role("button", name=re.compile("^Guardar borrador"))


def test_two_editors_saving_at_the_same_moment(demo_server, as_user, journey):
    pk, _path = page_in_locale(demo_server, 8, "es")
    edit_url = f"{demo_server}/admin/pages/{pk}/edit/"
    people = {"editora": as_user("editora"), "publicadora": as_user("publicadora")}
    for name, page in people.items():
        open_editor(page, edit_url)
        type_like_a_person(page, "#id_summary", f"Resumen guardado por {name}.")

    with page_held(demo_server, pk):
        for page in people.values():
            save_draft_button(page).click(no_wait_after=True)
        people["editora"].wait_for_timeout(1_000)  # both saves are now waiting for the lock
    for name, page in people.items():
        page.wait_for_load_state()
        page.locator(".messages").wait_for()
        journey(page, f"{name} after saving at the same moment")

    outcomes = {name: messages(page) for name, page in people.items()}
    saved = [name for name, text in outcomes.items() if "actualizada" in text]
    refused = [name for name, text in outcomes.items() if "más reciente" in text]
    assert len(saved) == 1 and len(refused) == 1, outcomes
    loser = people[refused[0]]
    assert loser.locator("#id_summary").input_value() == f"Resumen guardado por {refused[0]}."
    winner = {"editora": "Elena Editora", "publicadora": "Paula Publicadora"}[saved[0]]
    assert winner in outcomes[refused[0]], "the refusal names who saved"

    people[refused[0]].goto(edit_url)
    assert people[refused[0]].locator("#id_summary").input_value() == (
        f"Resumen guardado por {saved[0]}."
    )


@pytest.mark.skipif(bool(POSTGRES_URL), reason="PostgreSQL queues writers: never 'busy'")
def test_a_busy_database_answers_with_a_message_and_keeps_the_form(demo_server, as_user, journey):
    pk, _path = page_in_locale(demo_server, 9, "es")
    edit_url = f"{demo_server}/admin/pages/{pk}/edit/"
    editor = as_user("editora")
    open_editor(editor, edit_url)
    type_like_a_person(editor, "#id_summary", "Resumen que espera a la base de datos.")

    with page_held(demo_server, pk):
        with editor.expect_navigation(timeout=(BUSY_TIMEOUT + 10) * 1000):
            save_draft_button(editor).click()
        editor.wait_for_timeout(500)
    journey(editor, "the database was busy")
    assert "La base de datos está ocupada" in messages(editor), messages(editor)
    assert editor.locator("#id_summary").input_value() == "Resumen que espera a la base de datos."

    with editor.expect_navigation():
        save_draft_button(editor).click()
    assert "actualizada" in messages(editor), messages(editor)
    editor.goto(edit_url)
    assert editor.locator("#id_summary").input_value() == "Resumen que espera a la base de datos."
