"""Production settings fail fast without their secrets and pass Django's deploy checks."""

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
