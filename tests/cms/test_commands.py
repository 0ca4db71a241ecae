"""Management commands: demo data never under the production settings; every password that a
command sets passes Django's password validators."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[2]
DEMO_COMMANDS = ["load_demo_course", "load_demo_editorial", "load_demo_translations"]


def manage(*args, settings_module, database):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        DATABASE_URL=f"sqlite:///{database}",
        SECRET_KEY="k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL",
        ALLOWED_HOSTS="cursos.example.org",
    )
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def tables(database):
    if not database.exists():
        return set()
    with sqlite3.connect(database) as connection:
        return {row[0] for row in connection.execute("select name from sqlite_master")}


@pytest.mark.parametrize("command", DEMO_COMMANDS)
def test_demo_commands_refuse_the_production_settings_and_change_nothing(tmp_path, command):
    database = tmp_path / "production.sqlite3"
    result = manage(command, settings_module="cms.settings.production", database=database)
    assert result.returncode != 0
    assert "refuses to run with these settings (cms.settings.production)" in result.stderr
    assert "demo-" not in result.stdout, "no demo credentials printed"
    assert tables(database) == set(), "the command stopped before touching the database"


def validator_messages(password, **user):
    from django.contrib.auth import get_user_model

    try:
        validate_password(password, get_user_model()(**user))
    except ValidationError as error:
        return error.messages
    return []


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["x", "12345678", "password", "admin123"])
def test_ensure_admin_refuses_a_weak_password_with_the_validators_message(
    password, django_user_model
):
    messages = validator_messages(password, username="admin", email="admin@example.org")
    assert messages, "a password the validators refuse"
    with pytest.raises(CommandError) as refused:
        call_command("ensure_admin", "--password", password)
    for message in messages:
        assert message in str(refused.value)
    assert not django_user_model.objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_ensure_admin_does_not_weaken_an_existing_password(django_user_model):
    call_command("ensure_admin", "--password", "Un-buen-pasaje-2026", stdout=open(os.devnull, "w"))
    with pytest.raises(CommandError) as refused:
        call_command("ensure_admin", "--password", "a1")
    assert validator_messages("a1", username="admin")[0] in str(refused.value)
    admin = django_user_model.objects.get(username="admin")
    assert admin.check_password("Un-buen-pasaje-2026")
    assert admin.is_superuser


@pytest.mark.django_db
def test_ensure_admin_generates_a_password_the_validators_accept(django_user_model, capsys):
    call_command("ensure_admin")
    printed = capsys.readouterr().out
    password = printed.split("with password: ")[1].split()[0]
    assert validator_messages(password, username="admin", email="admin@example.org") == []
    assert django_user_model.objects.get(username="admin").check_password(password)
