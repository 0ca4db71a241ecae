"""Production settings fail fast without their secrets and pass Django's deploy checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env):
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    base.update(env)
    base["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_its_environment():
    for missing in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
        env = {
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "cursos.example.org",
            "DATABASE_URL": "sqlite:////tmp/cms-prod-check.sqlite3",
        }
        del env[missing]
        result = run_manage("check", env=env)
        assert result.returncode != 0
        assert f"The environment variable {missing} must be set in production." in result.stderr


def test_production_passes_the_deploy_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL",
            "ALLOWED_HOSTS": "cursos.example.org",
            "DATABASE_URL": "sqlite:////tmp/cms-prod-check.sqlite3",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_machine_translation_is_off_by_default_and_configured_from_the_environment():
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from cms.settings.machine_translation import machine_translator_from_env

    assert machine_translator_from_env({}) is None
    deepl = machine_translator_from_env({"MACHINE_TRANSLATOR": "deepl", "DEEPL_AUTH_KEY": "k"})
    assert deepl["CLASS"].endswith("DeepLTranslator") and deepl["OPTIONS"]["AUTH_KEY"] == "k"
    with pytest.raises(ImproperlyConfigured, match="needs DEEPL_AUTH_KEY"):
        machine_translator_from_env({"MACHINE_TRANSLATOR": "deepl"})
    with pytest.raises(ImproperlyConfigured, match="Unknown MACHINE_TRANSLATOR"):
        machine_translator_from_env({"MACHINE_TRANSLATOR": "babelfish"})


DEMO_PROBE = """
import django, json
django.setup()
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1:8000")
print(json.dumps({
    "debug": settings.DEBUG,
    "css": client.get("/static/css/site.css").status_code,
    "admin_css": client.get("/static/wagtailadmin/css/core.css").status_code,
    "media": client.get("/media/images/probe.png").status_code,
}))
"""


def probe_dev_settings(tmp_path, **env):
    media = tmp_path / "media" / "images"
    media.mkdir(parents=True)
    (media / "probe.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    base = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    base.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", MEDIA_ROOT=str(tmp_path / "media"))
    base.update(env)
    result = subprocess.run(
        [sys.executable, "-c", DEMO_PROBE],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_demo_runs_with_debug_off_and_still_serves_static_files_and_media(tmp_path):
    """`make run` shows visitors the site's own error pages (DEBUG off), yet CSS, JS, images
    and media load: static files through WhiteNoise, media through a development-only view."""
    assert probe_dev_settings(tmp_path) == {
        "debug": False,
        "css": 200,
        "admin_css": 200,
        "media": 200,
    }


def test_developers_can_turn_debug_on(tmp_path):
    probe = probe_dev_settings(tmp_path, DEBUG="true")
    assert probe["debug"] is True
    assert probe["css"] == probe["media"] == 200


def test_make_run_serves_on_its_port_with_debug_off_and_emails_linking_to_that_port():
    result = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    serve = next(line for line in result.stdout.splitlines() if " runserver " in line)
    assert "127.0.0.1:8123" in serve
    assert "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8123" in serve
    assert "DEBUG=false" in serve


ENTRY_PROBE = """
import importlib, json, os, sys
os.environ.pop("DJANGO_SETTINGS_MODULE", None)
importlib.import_module(sys.argv[1])
from django.conf import settings
print(json.dumps({"settings": settings.SETTINGS_MODULE, "debug": settings.DEBUG}))
"""


def test_application_servers_start_with_the_production_settings():
    """gunicorn or uvicorn pointed at cms.wsgi / cms.asgi without DJANGO_SETTINGS_MODULE run the
    production settings (and so refuse to start without their secrets), never dev's fixed key."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        SECRET_KEY="k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL",
        ALLOWED_HOSTS="cursos.example.org",
        DATABASE_URL="sqlite:////tmp/cms-prod-check.sqlite3",
    )
    for module in ("cms.wsgi", "cms.asgi"):
        result = subprocess.run(
            [sys.executable, "-c", ENTRY_PROBE, module],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        probe = json.loads(result.stdout.strip().splitlines()[-1])
        assert probe == {"settings": "cms.settings.production", "debug": False}, module
        without_secret = {k: v for k, v in env.items() if k != "SECRET_KEY"}
        refused = subprocess.run(
            [sys.executable, "-c", ENTRY_PROBE, module],
            cwd=ROOT,
            env=without_secret,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert refused.returncode != 0
        assert "SECRET_KEY must be set in production" in refused.stderr


def test_manage_py_keeps_the_development_settings():
    text = (ROOT / "manage.py").read_text()
    assert '"DJANGO_SETTINGS_MODULE", "cms.settings.dev"' in text
