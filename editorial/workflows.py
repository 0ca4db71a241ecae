"""The editorial review workflow: subject-matter review, then publisher approval.

Its name and its tasks' names are shown all over the admin (the action menu's "Submit to …",
the status panel, the dashboard, reports, history, notification e-mails), so, like the groups,
they are written in the language of the editorial team that uses them: Spanish.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    Locale,
    Page,
    Task,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from .roles import ADMINISTRATORS, PUBLISHERS, REVIEWERS

WORKFLOW_NAME = "Revisión editorial"
SUBJECT_MATTER_REVIEW = "Revisión de contenido"
PUBLISHER_APPROVAL = "Aprobación para publicar"
STEPS = [
    (SUBJECT_MATTER_REVIEW, [REVIEWERS, ADMINISTRATORS]),
    (PUBLISHER_APPROVAL, [PUBLISHERS, ADMINISTRATORS]),
]


@transaction.atomic
def setup_editorial_workflow(*, groups):
    """Create or update the workflow and assign it to the source locale's home pages."""
    roots = list(Page.objects.filter(depth=2, locale=Locale.get_default()))
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    for order, (task_name, group_names) in enumerate(STEPS):
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name)
        task.groups.set([groups[name] for name in group_names])
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task.task_ptr, defaults={"sort_order": order}
        )
    for root in roots:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


# What Wagtail's own migrations create for a new site: a "Moderators" group and a "Moderators
# approval" workflow on the root page. Our roles and workflows replace them.
WAGTAIL_STARTER_GROUP = "Moderators"
WAGTAIL_STARTER_WORKFLOW = "Moderators approval"


@transaction.atomic
def remove_unused_wagtail_starters():
    """Delete Wagtail's starter group and workflow if nobody uses them (no member, no page or
    snippet ever sent through them), so that the admin lists only our roles and workflows.
    Returns the names of what was deleted."""
    removed = []
    group = Group.objects.filter(name=WAGTAIL_STARTER_GROUP).first()
    if group is not None and not group.user_set.exists():
        group.delete()
        removed.append(WAGTAIL_STARTER_GROUP)
    workflow = Workflow.objects.filter(name=WAGTAIL_STARTER_WORKFLOW).first()
    if workflow is not None and not WorkflowState.objects.filter(workflow=workflow).exists():
        tasks = list(Task.objects.filter(workflow_tasks__workflow=workflow))
        workflow.delete()
        for task in tasks:
            used = TaskState.objects.filter(task=task).exists() or task.workflow_tasks.exists()
            if not used:
                task.specific.delete()
        removed.append(WAGTAIL_STARTER_WORKFLOW)
    return removed
