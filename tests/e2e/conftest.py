"""A real server with the demo course, in its own process and database, for browser tests.

The browser tests do not use pytest-django's live_server: it flushes the test database after
each test, which would remove the demo course the rest of the suite reads.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    workdir = tmp_path_factory.mktemp("demo-server")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    setup = ["migrate", "load_demo_course", "load_demo_editorial", "load_demo_translations"]
    for command in ([name, "-v", "0"] for name in setup):
        subprocess.run(
            manage + command, env=env, check=True, cwd=ROOT, timeout=300, stdout=subprocess.DEVNULL
        )
    port = free_port()
    server = subprocess.Popen(
        manage + ["runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base_url + "/es/", timeout=2)  # noqa: S310 (loopback only)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("the demo server did not start") from None
            time.sleep(0.3)
    yield base_url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    # Module scope: Playwright's sync API keeps an event loop running in this thread while it
    # is open, which Django's ORM refuses to run beside; close it before other tests run.
    if not CHROMIUM:
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci); .ci/run installs it")
    return AXE.read_text()


@pytest.fixture
def as_user(browser, demo_server):
    """Log a demo user into the admin in a fresh browser context (Spanish browser)."""
    contexts = []

    def login(username):
        context = browser.new_context(locale="es-ES", viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(demo_server + "/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", f"demo-{username}")
        page.click("button[type=submit]")
        page.wait_for_url(demo_server + "/admin/")
        return page

    yield login
    for context in contexts:
        context.close()
