"""Real servers with the demo course, and browsers that behave like people, for browser tests.

The demo is built once per test session into a snapshot (a SQLite file and its media); each test
module gets a server of its own on a copy of it, so modules never see each other's changes. The
browser tests do not use pytest-django's live_server: it flushes the test database after each
test, which would remove the demo course the rest of the suite reads.

When a browser test fails, the screenshots of its steps (see ``journey``) and of every page still
open are kept in ``var/e2e-failures/<test>/``.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FAILURES = ROOT / "var" / "e2e-failures"
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
# Browser language of each interface language a journey runs in.
BROWSER_LOCALES = {"es": "es-ES", "pt-br": "pt-BR", "fr": "fr-FR", "en": "en-GB"}
VIEWPORTS = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1366, "height": 900}}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# When the suite runs on PostgreSQL (DATABASE_URL), so do the demo servers: each on a database
# copied from the snapshot's (CREATE DATABASE … TEMPLATE); otherwise each on a SQLite file.
POSTGRES_URL = os.environ.get("DATABASE_URL", "")
if not POSTGRES_URL.startswith(("postgres://", "postgresql://")):
    POSTGRES_URL = ""


def database_url(workdir):
    if POSTGRES_URL and workdir.name == "demo-snapshot":  # shared by a parallel run's workers
        return f"{POSTGRES_URL.rsplit('/', 1)[0]}/e2e_shared_demo_snapshot"
    if POSTGRES_URL:
        # Workers of a parallel run (pytest-xdist) name their directories alike: tell them apart.
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        return f"{POSTGRES_URL.rsplit('/', 1)[0]}/e2e_{worker}_{workdir.name.replace('-', '_')}"
    return f"sqlite:///{workdir / 'db.sqlite3'}"


def postgres_admin(sql):
    import psycopg

    with psycopg.connect(POSTGRES_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute(sql)


def copy_database(source, target):
    if POSTGRES_URL:
        postgres_admin(
            f'CREATE DATABASE "{database_url(target).rsplit("/", 1)[1]}" '
            f'TEMPLATE "{database_url(source).rsplit("/", 1)[1]}"'
        )
    else:
        for database in source.glob("db.sqlite3*"):  # with its write-ahead log, if any
            shutil.copy(database, target / database.name)


def drop_database(workdir):
    if POSTGRES_URL:
        name = database_url(workdir).rsplit("/", 1)[1]
        postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def demo_env(workdir):
    """The environment ``make run`` serves the demo with (DEBUG off)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url(workdir),
        "MEDIA_ROOT": str(workdir / "media"),
    }


def build_demo(workdir):
    """The demo as ``make run`` builds it, into ``workdir``'s database and media."""
    if POSTGRES_URL:
        drop_database(workdir)
        postgres_admin(f'CREATE DATABASE "{database_url(workdir).rsplit("/", 1)[1]}"')
    manage = [sys.executable, str(ROOT / "manage.py")]
    setup = [
        "migrate",
        "load_demo_course",
        "load_demo_editorial",
        "load_demo_translations",
        "load_demo_learning",
    ]
    for command in ([name, "-v", "0"] for name in setup):
        subprocess.run(
            manage + command,
            env=demo_env(workdir),
            check=True,
            cwd=ROOT,
            timeout=300,
            stdout=subprocess.DEVNULL,
        )


@pytest.fixture(scope="session")
def demo_snapshot(tmp_path_factory):
    """The demo as ``make run`` builds it, once per test run: in a parallel run (pytest-xdist)
    the first worker to need it builds it under a lock, and the others copy the same one."""
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        workdir = tmp_path_factory.mktemp("demo-snapshot")
        build_demo(workdir)
        yield workdir
        drop_database(workdir)
        return
    import fcntl

    workdir = tmp_path_factory.getbasetemp().parent / "demo-snapshot"
    workdir.mkdir(exist_ok=True)
    with (workdir.parent / "demo-snapshot.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (workdir / "ready").exists():
                build_demo(workdir)
                (workdir / "ready").touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    yield workdir  # dropped by the run's controller when every worker is done (below)


def pytest_sessionfinish(session):
    if POSTGRES_URL and not hasattr(session.config, "workerinput"):
        # The shared snapshot of a parallel run (see demo_snapshot).
        postgres_admin('DROP DATABASE IF EXISTS "e2e_shared_demo_snapshot" WITH (FORCE)')


class DemoServer(str):
    """The base URL of a running demo server (a ``str``), with its working directory and its
    database's URL."""

    workdir: Path
    database_url: str


@pytest.fixture(scope="module")
def server_env():
    """Extra environment variables of the module's demo server (a test module may override it)."""
    return {}


@pytest.fixture(scope="module")
def demo_server(demo_snapshot, server_env, tmp_path_factory):
    """A demo server of this test module's own, on a copy of the session's snapshot."""
    workdir = tmp_path_factory.mktemp("demo-server")
    copy_database(demo_snapshot, workdir)
    if (demo_snapshot / "media").exists():
        shutil.copytree(demo_snapshot / "media", workdir / "media")
    port = free_port()
    log = (workdir / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", f"127.0.0.1:{port}"],
        env={**demo_env(workdir), **server_env},
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = DemoServer(f"http://127.0.0.1:{port}")
    base_url.workdir = workdir
    base_url.database_url = database_url(workdir)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base_url + "/es/", timeout=2)  # noqa: S310 (loopback only)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError(
                    "the demo server did not start:\n" + (workdir / "server.log").read_text()
                ) from None
            time.sleep(0.3)
    yield base_url
    server.terminate()
    server.wait(timeout=10)
    log.close()
    drop_database(workdir)


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


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def safe_name(text):
    return re.sub(r"[^\w.-]+", "_", text)


class Browsers:
    """The browser contexts a test opens (one per person), and the screenshots of its steps."""

    def __init__(self, browser):
        self.browser = browser
        self.contexts = []
        self.shots = []

    def new_page(self, *, language="es", viewport="desktop"):
        context = self.browser.new_context(
            locale=BROWSER_LOCALES[language], viewport=VIEWPORTS[viewport]
        )
        self.contexts.append(context)
        return context.new_page()

    def shoot(self, page, name):
        # What the person sees of the step (the viewport), as a JPEG: a full-page PNG of every
        # step of every journey cost minutes of CPU in each run; the pages still open when a
        # test fails are kept whole (keep_failure).
        self.shots.append((name, page.screenshot(type="jpeg", quality=70)))

    def keep_failure(self, nodeid):
        folder = FAILURES / safe_name(nodeid)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for number, (name, image) in enumerate(self.shots, start=1):
            (folder / f"{number:02d}-{safe_name(name)}.jpg").write_bytes(image)
        for number, context in enumerate(self.contexts, start=1):
            for index, page in enumerate(context.pages, start=1):
                try:
                    page.screenshot(
                        path=folder / f"zz-at-failure-{number}-{index}.png", full_page=True
                    )
                except Exception:  # noqa: S112 (a closed page has nothing to show)
                    continue
        return folder

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def browsers(request, browser):
    opened = Browsers(browser)
    yield opened
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        folder = opened.keep_failure(request.node.nodeid)
        print(f"\nscreenshots of the failed browser test: {folder}")
    opened.close()


@pytest.fixture
def page(browsers):
    """A visitor with a Spanish browser on a desktop screen."""
    return browsers.new_page()


@pytest.fixture
def journey(browsers):
    """``journey(page, "what was done")``: a screenshot of this step, kept if the test fails."""
    return browsers.shoot


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci); .ci/run installs it")
    return AXE.read_text()


def follow(locator):
    """Click a link or a submit button and wait until the page it leads to has loaded, as a person
    waits before reading it: a click only waits for the navigation to start, and the old page (or
    a half-parsed new one) would answer what comes next."""
    with locator.page.expect_navigation():
        locator.click()
    return locator.page


def log_in(page, base_url, username, password=None):
    """Sign in to the admin as a person does: type the name and password, press Enter."""
    page.goto(base_url + "/admin/login/")
    page.locator("input[name=username]").press_sequentially(username, delay=15)
    page.locator("input[name=password]").fill(password or f"demo-{username}")
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(base_url + "/admin/")
    return page


def sign_in_on_the_site(page, username="aprendiz", password=None):
    """On the public site's sign-in page (reached from a link, in the page's language), a learner
    types their name and password and presses Enter; they land where the link was taking them."""
    page.wait_for_selector("form.learner-form input[name=username]")
    before = page.url
    page.locator("input[name=username]").press_sequentially(username, delay=15)
    page.locator("input[name=password]").fill(password or f"demo-{username}")
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    assert page.url != before, page.locator(".form-errors").all_inner_texts()
    return page


def choose_admin_language(page, base_url, language):
    """A signed-in person whose account prefers another admin language (the demo's translators
    prefer their locale's) picks ``language`` in Account → Preferences."""
    if page.locator("html").get_attribute("lang") == language:
        return page
    page.goto(base_url + "/admin/account/")
    page.locator("select[name=locale-preferred_language]").select_option(language)
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    saved = page.locator(".messages").all_inner_texts()
    page.goto(base_url + "/admin/")
    assert page.locator("html").get_attribute("lang") == language, saved
    return page


@pytest.fixture
def as_user(browsers, demo_server):
    """``as_user(username, language="es", viewport="desktop")``: a demo user signed in to the
    admin in a browser of their own (each person in a separate context), the admin in
    ``language``."""

    def login(username, *, language="es", viewport="desktop"):
        page = log_in(
            browsers.new_page(language=language, viewport=viewport), demo_server, username
        )
        return choose_admin_language(page, demo_server, language)

    return login
