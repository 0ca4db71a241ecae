"""Groups, workflows and tasks are named in the language of the people who use them: the
editorial team in Spanish, each locale's translators and reviewers in their locale's language.
Wagtail shows these names as they are stored (the action menu, the status panel, the dashboard,
reports, history, e-mails), so a Spanish admin no longer says "Enviar a Editorial review"."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Task, Workflow

pytestmark = pytest.mark.django_db
SPANISH = {"accept-language": "es"}


def test_the_editors_action_menu_names_the_workflow_in_spanish(client, user, demo):
    client.force_login(user("editora"))
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[demo.module(6).pk]), headers=SPANISH
    ).content.decode()
    assert "Enviar a Revisión editorial" in html
    assert "Editorial review" not in html


def test_a_pt_br_reviewer_reads_her_task_in_portuguese_on_the_dashboard(client, user, demo):
    module = Page.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="pt-br"
    ).specific
    module.get_workflow().start(module, user("traductora-pt-br"))
    client.force_login(user("revisora-pt-br"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="pt-br"' in html
    assert "Revisão de tradução (pt-br)" in html
    assert "Translation review" not in html


def test_group_workflow_and_task_names_of_the_demo():
    assert set(Group.objects.values_list("name", flat=True)) == {
        "Editores", "Revisores de contenido", "Publicadores", "Administradores",
        "Tradutores (pt-br)", "Revisores de tradução (pt-br)",
        "Traducteurs (fr)", "Réviseurs de traduction (fr)",
        "Translators (en)", "Translation reviewers (en)",
        "Traductores (es-mx)", "Revisores de traducción (es-mx)",
        "Gestores de inscripciones",  # learning.enrolment.roles
    }  # fmt: skip
    assert set(Workflow.objects.values_list("name", flat=True)) == {
        "Revisión editorial", "Revisão de tradução (pt-br)", "Révision de traduction (fr)",
        "Translation review (en)", "Revisión de traducción (es-mx)",
    }  # fmt: skip
    assert set(Task.objects.values_list("name", flat=True)) == {
        "Revisión de contenido", "Aprobación para publicar", "Revisão de tradução (pt-br)",
        "Révision de traduction (fr)", "Translation review (en)",
        "Revisión de traducción (es-mx)",
    }  # fmt: skip


def test_a_database_made_before_gets_the_new_names_once_migrated(user):
    """Migration 0002 renames the former English names (and leaves a name alone when the new
    one is already taken)."""
    migration = importlib.import_module(
        "editorial.migrations.0002_role_and_workflow_names_in_their_users_language"
    )
    Group.objects.filter(name="Tradutores (pt-br)").update(name="Translators (pt-br)")
    Group.objects.create(name="Translation reviewers (it)")
    Workflow.objects.filter(name="Revisión editorial").update(name="Editorial review")
    Task.objects.filter(name="Revisión de traducción (es-mx)").update(
        name="Translation review (es-mx)"
    )
    Group.objects.create(name="Publishers")  # "Publicadores" exists: left as it is

    migration.rename(apps, None)

    assert user("traductora-pt-br").groups.filter(name="Tradutores (pt-br)").exists()
    assert Group.objects.filter(name="Revisores de traducción (it)").exists()
    assert Workflow.objects.filter(name="Revisión editorial").exists()
    assert Task.objects.filter(name="Revisión de traducción (es-mx)").exists()
    assert Group.objects.filter(name="Publishers").exists()


def test_wagtails_unused_starter_group_and_workflow_are_removed_but_used_ones_kept(user):
    from wagtail.models import GroupApprovalTask, WorkflowTask

    from editorial.workflows import remove_unused_wagtail_starters

    moderators = Group.objects.create(name="Moderators")
    starter = Workflow.objects.create(name="Moderators approval")
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=starter, task=task, sort_order=0)
    user("editora").groups.add(moderators)

    assert remove_unused_wagtail_starters() == ["Moderators approval"]
    assert Group.objects.filter(name="Moderators").exists(), "it has a member"
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()

    user("editora").groups.remove(moderators)
    assert remove_unused_wagtail_starters() == ["Moderators"]
