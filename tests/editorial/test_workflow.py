"""The whole editorial cycle on module 3, versioning, locking and concurrent edits."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from editorial.roles import EDITORS, PUBLISHERS, REVIEWERS
from editorial.workflows import SUBJECT_MATTER_REVIEW
from tests.editorial.conftest import edit_url, future, library_form
from tests.helpers import workflow_action_url

pytestmark = pytest.mark.django_db


def test_full_editorial_cycle_on_a_page(client, demo, login, role_user, workflow):
    library = demo.library
    editor, reviewer = role_user(EDITORS), role_user(REVIEWERS)
    mail.outbox.clear()

    # 1. The editor changes the page and submits it with a change note.
    login(EDITORS)
    response = client.post(
        edit_url(library),
        library_form(library, summary="Resumen corregido con errores",
                     change_note="Actualizo el resumen", **{"action-submit": "1"}),
    )  # fmt: skip
    assert response.status_code == 302
    library.refresh_from_db()
    state = library.current_workflow_state
    assert state.status == "in_progress"
    assert state.current_task_state.task.name == SUBJECT_MATTER_REVIEW
    assert any(reviewer.email in message.to for message in mail.outbox), "reviewers notified"
    assert library.summary != "Resumen corregido con errores", "nothing public changed yet"

    # 2. The reviewer sees it on the dashboard and rejects it with a comment.
    login(REVIEWERS)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert library.title in dashboard
    task_state = state.current_task_state
    mail.outbox.clear()
    response = client.post(
        workflow_action_url(library, "reject", task_state),
        {"comment": "El resumen tiene errores: revísalo."},
    )
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == "needs_changes"
    assert any(editor.email in message.to for message in mail.outbox), "editor notified"

    # 3. The editor sees the comment in the history, fixes the page and resubmits.
    login(EDITORS)
    history = client.get(reverse("wagtailadmin_pages:history", args=[library.pk]))
    assert "El resumen tiene errores" in history.content.decode()
    response = client.post(
        edit_url(library),
        library_form(library, summary="Resumen corregido",
                     change_note="Corrijo el resumen", **{"action-restart-workflow": "1"}),
    )  # fmt: skip
    assert response.status_code == 302
    library.refresh_from_db()
    state = library.current_workflow_state
    assert state.status == "in_progress"

    # 4. The reviewer approves, then the publisher approves: the page goes live.
    for role in (REVIEWERS, PUBLISHERS):
        login(role)
        task_state = library.current_workflow_state.current_task_state
        response = client.post(
            workflow_action_url(library, "approve", task_state),
            {},
        )  # fmt: skip
        assert response.status_code in (200, 302)
        library.refresh_from_db()
    assert library.summary == "Resumen corregido"
    assert library.live_revision_id == library.latest_revision_id
    assert client.get(library.url).status_code == 200

    # 5. The history shows every step, change notes included, and any two can be compared.
    actions = list(
        PageLogEntry.objects.filter(page=library).order_by("timestamp").values_list(
            "action", flat=True)
    )  # fmt: skip
    for expected in ("wagtail.workflow.reject", "wagtail.workflow.approve", "wagtail.publish"):
        assert expected in actions, expected
    assert actions.count("wagtail.workflow.start") == 2, "submitted, then resubmitted"
    assert actions.count("editorial.change_note") == 2
    login(PUBLISHERS)
    history = client.get(reverse("wagtailadmin_pages:history", args=[library.pk]))
    page = history.content.decode()
    assert "Actualizo el resumen" in page and "Corrijo el resumen" in page
    revisions = list(library.revisions.order_by("created_at").values_list("pk", flat=True))
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare",
                args=[library.pk, revisions[0], revisions[-1]])
    )  # fmt: skip
    assert compare.status_code == 200
    assert "Resumen corregido" in compare.content.decode()


def test_submitting_without_a_change_note_is_refused(client, demo, login):
    login(EDITORS)
    library = demo.library
    response = client.post(
        edit_url(library), library_form(library, summary="Otro", **{"action-submit": "1"})
    )
    assert response.status_code == 200
    assert "Escribe una nota de cambios antes de enviar." in response.content.decode()
    library.refresh_from_db()
    assert library.current_workflow_state is None


def test_approving_a_step_assigned_to_another_group_changes_nothing(
    client, demo, login, role_user, workflow
):
    library = demo.library
    state = workflow.start(library, role_user(EDITORS))
    first = state.current_task_state
    first.task.specific.on_action(first, role_user(REVIEWERS), "approve")
    state.refresh_from_db()
    second = state.current_task_state
    login(REVIEWERS)  # the second step belongs to Publishers
    response = client.post(
        workflow_action_url(library, "approve", second),
        follow=True,
    )
    assert response.status_code == 200
    assert "no tienes permiso" in response.content.decode().lower()
    second.refresh_from_db()
    assert second.status == "in_progress"
    assert not library.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_reverting_creates_a_new_draft_and_keeps_history(client, demo, login):
    login(PUBLISHERS)
    library = demo.library
    client.post(edit_url(library), library_form(library, summary="Versión dos"))
    first = library.revisions.order_by("created_at").first()
    count = library.revisions.count()
    response = client.get(
        reverse("wagtailadmin_pages:revisions_revert", args=[library.pk, first.pk])
    )
    assert response.status_code == 200
    assert first.as_object().summary in response.content.decode()
    # Saving the form loaded from the old revision makes a new draft.
    client.post(
        edit_url(library),
        library_form(library, summary=first.as_object().summary, change_note=""),
    )
    assert library.revisions.count() == count + 1
    assert Revision.page_revisions.filter(pk=first.pk).exists(), "history never destroyed"
    latest = library.revisions.order_by("-created_at").first().as_object()
    assert latest.summary == first.as_object().summary


def test_reverting_to_a_revision_of_another_page_is_a_404(client, demo, login):
    login(PUBLISHERS)
    other_revision = demo.module(1).revisions.first()
    count = demo.library.revisions.count()
    response = client.get(
        reverse("wagtailadmin_pages:revisions_revert", args=[demo.library.pk, other_revision.pk])
    )
    assert response.status_code == 404
    assert demo.library.revisions.count() == count


def test_scheduled_publication_happens_when_due(client, demo, login):
    login(PUBLISHERS)
    library = demo.library
    response = client.post(
        edit_url(library),
        library_form(library, title="Biblioteca futura", go_live_at=future(2),
                     **{"action-publish": "1"}),
    )  # fmt: skip
    assert response.status_code == 302
    assert Page.objects.get(pk=library.pk).title == "Biblioteca de recursos"
    # Time passes: move the schedule to a minute ago.
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    revision = library.revisions.get(approved_go_live_at__isnull=False)
    revision.approved_go_live_at = a_minute_ago
    revision.content["go_live_at"] = a_minute_ago.isoformat()
    revision.save()
    call_command("publish_scheduled")
    assert Page.objects.get(pk=library.pk).title == "Biblioteca futura"


@pytest.mark.parametrize("go_live_at", ["2001-01-01 10:00", "not a date", "2024-13-45 99:99"])
def test_scheduling_in_the_past_or_malformed_is_refused(client, demo, login, go_live_at):
    login(PUBLISHERS)
    library = demo.library
    count = library.revisions.count()
    response = client.post(
        edit_url(library),
        library_form(library, title="Nunca", go_live_at=go_live_at, **{"action-publish": "1"}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Elige una fecha y hora futuras para programar la publicación." in html
        or "Introduzca una fecha/hora válida." in html
    )
    assert library.revisions.count() == count
    assert Page.objects.get(pk=library.pk).title == "Biblioteca de recursos"


def test_a_page_locked_by_one_editor_cannot_be_saved_by_another(
    client, demo, login, role_user, django_user_model
):
    from django.contrib.auth.models import Group

    library = demo.library
    other = django_user_model.objects.create_user("editor2", "e2@example.org", "pw")
    other.groups.add(Group.objects.get(name=EDITORS))
    login(EDITORS)
    assert client.post(reverse("wagtailadmin_pages:lock", args=[library.pk])).status_code == 302
    assert Page.objects.get(pk=library.pk).locked_by == role_user(EDITORS)
    client.force_login(other)
    count = library.revisions.count()
    response = client.post(edit_url(library), library_form(library, summary="Intento"))
    assert response.status_code in (200, 302)
    assert library.revisions.count() == count
    assert "bloqueada" in client.get(edit_url(library)).content.decode()


def test_saving_over_a_newer_revision_warns_and_loses_nothing(client, demo, login):
    login(PUBLISHERS)
    library = demo.library
    loaded = library.latest_revision
    # Someone else saves a newer revision meanwhile.
    library.summary = "Cambio de otra persona"
    newer = library.save_revision()
    response = client.post(
        edit_url(library),
        library_form(library, summary="Mi cambio", loaded_revision_id=loaded.pk,
                     loaded_revision_created_at=loaded.created_at.isoformat()),
    )  # fmt: skip
    assert response.status_code == 200
    assert "Alguien guardó una versión más reciente" in response.content.decode()
    assert library.revisions.order_by("-created_at").first().pk == newer.pk
    assert newer.as_object().summary == "Cambio de otra persona"


def test_only_administrators_delete_and_the_refusal_is_explained(client, demo, login):
    login(PUBLISHERS)
    resource = demo.resources().last()
    response = client.post(reverse("wagtailadmin_pages:delete", args=[resource.pk]), follow=True)
    assert response.status_code == 200
    assert "Solo los administradores pueden eliminar páginas" in response.content.decode()
    assert Page.objects.filter(pk=resource.pk).exists()


def test_setup_roles_is_idempotent(db):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission, WorkflowTask

    from editorial.roles import ROLES

    def snapshot():
        return (
            sorted(Group.objects.values_list("name", flat=True)),
            GroupPagePermission.objects.count(),
            WorkflowTask.objects.count(),
            sorted((g.name, g.permissions.count()) for g in Group.objects.all()),
        )

    before = snapshot()
    call_command("setup_roles", stdout=io.StringIO())
    assert snapshot() == before
    assert {role.name for role in ROLES} <= set(before[0])


def test_reviewers_see_history_and_changes_while_the_page_is_in_their_step(client, demo, login):
    library = demo.library
    login(EDITORS)
    client.post(
        edit_url(library),
        library_form(library, summary="Resumen para revisar", change_note="Cambio el resumen",
                     **{"action-submit": "1"}),
    )  # fmt: skip
    task_state = Page.objects.get(pk=library.pk).current_workflow_task_state
    history = reverse("wagtailadmin_pages:history", args=[library.pk])
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[library.pk, "live", "latest"])

    login(REVIEWERS)
    assert "Cambio el resumen" in client.get(history).content.decode()
    assert "Resumen para revisar" in client.get(compare).content.decode()

    response = client.post(workflow_action_url(library, "approve", task_state), {})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == [
        "Aprobaste «Biblioteca de recursos». Siguiente paso: Aprobación para publicar."
    ]
    for url in (history, compare):
        response = client.get(url)
        assert response.status_code in (302, 403) and "Resumen para revisar" not in (
            response.content.decode()
        ), "their step is over"
