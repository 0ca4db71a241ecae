"""Enrolment on request, at a person's pace, in headless Chromium.

A visitor on the English site, on a 375 px phone, applies from the course page; the enrolment
manager (``gestora``, Spanish admin) finds the application, approves it with a note; the
applicant opens the link of the approval email (read from the demo server's console output),
chooses a password, signs in, sees they are enrolled and signs out. Every page is checked for
its language, and the public pages for sideways scrolling.
"""

import re
import time

import pytest

from tests.e2e.language import assert_in_language
from tests.e2e.test_browser import main_navigation

pytestmark = pytest.mark.browser

EMAIL = "sofia.mendez@example.org"
PASSWORD = "selva-lacandona-27"


def fits(page):
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{page.url}: the page scrolls sideways ({width[0]} > {width[1]})"


def type_into(page, label, text):
    field = page.get_by_label(label, exact=True)
    field.click()
    field.press_sequentially(text, delay=5)


def emailed_link(server, pattern, timeout=10):
    """The first address matching ``pattern`` in the emails the demo server printed."""
    log = server.workdir / "server.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        match = re.search(pattern, log.read_text(errors="replace"))
        if match:
            return match.group(0)
        time.sleep(0.2)
    raise AssertionError(f"no email with {pattern!r} in the server's output")


def test_a_visitor_applies_is_approved_sets_a_password_and_signs_in(
    demo_server, browsers, as_user, journey
):
    visitor = browsers.new_page(language="en", viewport="phone")
    visitor.goto(demo_server + "/")
    assert visitor.url == f"{demo_server}/en/"
    main_navigation(visitor, "en").get_by_role("link", name="Course").click()
    visitor.get_by_role("link", name="Apply online").click()
    form = visitor.locator("form.application-form")
    form.scroll_into_view_if_needed()
    journey(visitor, "the course page's application form")
    assert_in_language(visitor, "en")
    fits(visitor)

    type_into(visitor, "Full name", "Sofía Méndez")
    type_into(visitor, "Email", EMAIL)
    type_into(visitor, "Organisation", "Casa del Migrante de Tapachula")
    visitor.get_by_label("Country", exact=True).select_option(label="Mexico")
    type_into(visitor, "Profession or role", "Psychologist")
    type_into(
        visitor,
        "Why do you want to take this course?",
        "I support unaccompanied teenagers at a shelter on the southern border.",
    )
    # Sent without consent: the form says what is missing and keeps what was typed.
    form.get_by_role("button", name="Send my application").click()
    visitor.wait_for_load_state()
    assert "We can only review your application if you agree to this." in visitor.content()
    assert visitor.get_by_label("Full name", exact=True).input_value() == "Sofía Méndez"
    journey(visitor, "a message: consent is missing")
    fits(visitor)
    visitor.locator("#id_consent").focus()
    visitor.keyboard.press("Space")
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Send my application").click()
    assert visitor.get_by_role("heading", name="Application received").is_visible()
    assert EMAIL in visitor.locator("main").inner_text()
    journey(visitor, "application received")
    assert_in_language(visitor, "en")
    fits(visitor)
    emailed_link(demo_server, r"We received your application")

    manager = as_user("gestora", language="es")
    manager.get_by_role("button", name="Inscripción").click()
    manager.get_by_role("link", name="Postulaciones").click()
    manager.wait_for_load_state()
    journey(manager, "the applications")
    assert_in_language(manager, "es")
    search = manager.locator("input[name=q]")
    search.press_sequentially("sofia.mendez", delay=15)
    search.press("Enter")
    rows = manager.locator("table.listing tbody tr")
    rows.filter(has_text="lucia.ramirez@example.org").wait_for(state="detached")
    row = rows.filter(has_text=EMAIL)
    assert rows.count() == 1
    assert "En espera de revisión" in row.inner_text()
    row.get_by_role("link", name="Aprobar: Sofía Méndez").click()
    manager.wait_for_load_state()
    journey(manager, "approve, with a note")
    assert_in_language(manager, "es")
    manager.get_by_label("Nota").press_sequentially("Trabaja en un albergue fronterizo.", delay=5)
    with manager.expect_navigation():
        manager.get_by_role("button", name="Sí, aprobar").click()
    assert "1 postulación aprobada" in manager.locator(".messages").inner_text()
    assert_in_language(manager, "es")
    manager.get_by_role("link", name="Sofía Méndez").click()
    manager.wait_for_load_state()
    decisions = manager.locator("main").inner_text()
    assert "Trabaja en un albergue fronterizo." in decisions and "Gabriela Gestora" in decisions
    journey(manager, "the decision on record")
    assert_in_language(manager, "es")

    link = emailed_link(demo_server, r"http://127\.0\.0\.1:\d+/en/account/password/[\w-]+/[\w-]+/")
    visitor.goto(link)
    assert visitor.get_by_role("heading", name="Choose your password").is_visible()
    journey(visitor, "choose a password")
    assert_in_language(visitor, "en")
    fits(visitor)
    visitor.get_by_label("New password", exact=True).press_sequentially(PASSWORD, delay=5)
    visitor.get_by_label("New password confirmation").press_sequentially(PASSWORD, delay=5)
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Save my password").click()
    assert "Your password is saved." in visitor.locator("main").inner_text()
    assert_in_language(visitor, "en")

    visitor.locator("main").get_by_role("link", name="Sign in").click()
    visitor.get_by_label("Email or username").press_sequentially(EMAIL, delay=5)
    visitor.get_by_label("Password").press_sequentially(PASSWORD, delay=5)
    with visitor.expect_navigation():
        visitor.get_by_label("Password").press("Enter")
    assert visitor.get_by_role("heading", name="My learning").is_visible()
    enrolments = visitor.locator(".enrolments").inner_text()
    assert "Active" in enrolments
    journey(visitor, "my learning: enrolled")
    assert_in_language(visitor, "en")
    fits(visitor)

    # The link of the email worked once.
    visitor.goto(link)
    assert "This link is no longer valid" in visitor.locator("main").inner_text()

    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Sign out").click()
    assert visitor.get_by_role("heading", name="Signed out").is_visible()
    assert visitor.get_by_role("link", name="Sign in").first.is_visible()
    journey(visitor, "signed out")
    assert_in_language(visitor, "en")
    fits(visitor)
