"""The "Editorial review" workflow: subject-matter review, then publisher approval."""

from django.db import transaction
from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowPage, WorkflowTask

from .roles import ADMINISTRATORS, PUBLISHERS, REVIEWERS

WORKFLOW_NAME = "Editorial review"
STEPS = [
    ("Subject-matter review", [REVIEWERS, ADMINISTRATORS]),
    ("Publisher approval", [PUBLISHERS, ADMINISTRATORS]),
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
