"""Exports from the admin: the button, the form, the background task, the list and the
download, for Publishers and Administrators only."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from exports.edition import EditionError
from exports.models import EditionExport
from exports.services import delete_old_exports

EXPORTERS = ["publicadora", "administrador"]
OTHERS = ["editora", "revisor"]


def start(client, course, *, locale="es", fmt="moodlexml", fallback="include"):
    return client.post(
        reverse("exports:course", args=[course.pk]),
        {"locale": locale, "format": fmt, "fallback": fallback},
    )


@pytest.mark.parametrize("username", EXPORTERS)
def test_exporters_see_the_button_and_get_their_file(
    username, as_user, demo, django_capture_on_commit_callbacks
):
    client = as_user(username)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[demo.course.pk]))
    url = reverse("exports:course", args=[demo.course.pk])
    assert url in edit.content.decode()
    explorer = client.get(reverse("wagtailadmin_explore", args=[demo.home.pk]))
    assert url in explorer.content.decode()  # the course's "more" actions in the page listing
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = start(client, demo.course, locale="en")
    assert response.status_code == 302 and response.url == reverse("exports:list")
    export = EditionExport.objects.get()
    assert (export.status, export.language_code, export.user.username) == (
        "done",
        "en",
        username,
    )
    assert export.done == export.total == 10 and export.size > 10_000

    listing = client.get(reverse("exports:list")).content.decode()
    download_url = reverse("exports:download", args=[export.pk])
    assert download_url in listing and "Refresh" not in client.get(reverse("exports:list"))
    response = client.get(download_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "-en-moodlexml.xml" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert b"Final assessment for module 1" in body


@pytest.mark.parametrize("username", OTHERS)
def test_other_roles_get_403_everywhere(username, as_user, user, demo):
    export = EditionExport.objects.create(
        user=user("publicadora"), course=demo.course, course_title="x", language_code="es",
        format="moodlexml", status="done", file="2026/01/1-x.xml", size=1,
    )  # fmt: skip
    client = as_user(username)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[demo.course.pk]))
    assert reverse("exports:course", args=[demo.course.pk]) not in edit.content.decode()
    assert client.get(reverse("exports:course", args=[demo.course.pk])).status_code == 403
    assert start(client, demo.course).status_code == 403
    assert client.get(reverse("exports:list")).status_code == 403
    assert client.get(reverse("exports:download", args=[export.pk])).status_code == 403
    assert EditionExport.objects.count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, demo):
    response = client.get(reverse("exports:list"))
    assert response.status_code == 302 and "/login/" in response.url


def test_bad_form_input_is_refused_without_starting_anything(as_user, demo):
    client = as_user("publicadora")
    response = start(client, demo.course, locale="xx", fmt="pdf", fallback="perhaps")
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"locale", "format", "fallback"}
    assert not EditionExport.objects.exists()


def test_hostile_ids_and_values_are_refused_without_error(as_user, demo):
    client = as_user("administrador")
    huge = "99999999999999999999"
    assert client.get(f"/admin/exports/course/{huge}/").status_code == 404
    assert client.get(f"/admin/exports/{huge}/download/").status_code == 404
    assert client.get(reverse("exports:course", args=[demo.module(1).pk])).status_code == 404
    hostile = "<script>alert(1)</script>\x00" + "x" * 10_000
    response = start(client, demo.course, locale=hostile, fmt=hostile, fallback=hostile)
    assert response.status_code == 200 and b"<script>alert(1)" not in response.content
    assert not EditionExport.objects.exists()


def test_a_running_export_refreshes_the_list_without_script(as_user, user, demo):
    EditionExport.objects.create(
        user=user("publicadora"), course=demo.course, course_title="Curso", language_code="es",
        format="moodlexml", status="running", done=3, total=10,
    )  # fmt: skip
    response = as_user("administrador").get(reverse("exports:list"))
    assert response["Refresh"] == "3"
    html = response.content.decode()
    assert '<progress max="100" value="30"' in html and "3/10" in html
    assert '<td lang="es">Español</td>' in html


def test_a_failed_export_says_why(as_user, demo, django_capture_on_commit_callbacks, monkeypatch):
    def refuse(edition, output, *, progress=None):
        raise EditionError("Module 3 cannot be exported: its evaluation has no questions.")

    monkeypatch.setattr("exports.offline.build_offline", refuse)
    client = as_user("publicadora")
    with django_capture_on_commit_callbacks(execute=True):
        start(client, demo.course, locale="es", fmt="offline")
    export = EditionExport.objects.get()
    assert export.status == "failed"
    assert export.error == "Module 3 cannot be exported: its evaluation has no questions."
    assert export.error in client.get(reverse("exports:list")).content.decode()
    assert client.get(reverse("exports:download", args=[export.pk])).status_code == 404


def test_old_export_files_are_deleted(user, demo, settings):
    from exports.storage import export_storage

    storage = export_storage()
    name = storage.save("2026/01/1-old.xml", ContentFile(b"<quiz/>"))
    export = EditionExport.objects.create(
        user=user("publicadora"), course=demo.course, course_title="x", language_code="es",
        format="moodlexml", status="done", file=name, size=7,
    )  # fmt: skip
    later = timezone.now() + timedelta(days=settings.EXPORTS_KEEP_DAYS - 1)
    assert delete_old_exports(now=later) == 0 and storage.exists(name)
    later = timezone.now() + timedelta(days=settings.EXPORTS_KEEP_DAYS + 1)
    assert delete_old_exports(now=later) == 1 and not storage.exists(name)
    out = StringIO()
    call_command("delete_old_exports", stdout=out)
    assert "Deleted 0 export files older than" in out.getvalue()
    export.refresh_from_db()
    assert export.status == "expired" and not export.downloadable


def test_exports_are_stored_outside_public_media(settings):
    from pathlib import Path

    root = Path(settings.EXPORTS_ROOT).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media not in root.parents and root != media
