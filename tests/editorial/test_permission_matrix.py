"""Every cell of the README's permission matrix, over HTTP through the admin views.

Each action returns True when it took effect; when it did not, it also checks that nothing
changed and that the answer was a 403 or a redirect (never a 500).
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision

from editorial.roles import ADMINISTRATORS, EDITORS, PUBLISHERS, REVIEWERS
from tests.editorial.conftest import edit_url, future, library_form
from tests.factories import CoursePageFactory
from tests.helpers import post_workflow_action

pytestmark = pytest.mark.django_db

ACTIONS = [
    "edit draft", "submit", "approve a step", "publish", "unpublish", "schedule", "delete",
    "move", "lock", "view history", "compare", "revert",
]  # fmt: skip
Y, N = True, False
MATRIX = {
    EDITORS: [Y, Y, N, N, N, N, N, N, Y, Y, Y, Y],
    REVIEWERS: [N, N, Y, N, N, N, N, N, N, N, N, N],
    PUBLISHERS: [Y, Y, Y, Y, Y, Y, N, N, Y, Y, Y, Y],
    ADMINISTRATORS: [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y],
}
CASES = [
    (role, action, allowed)
    for role, row in MATRIX.items()
    for action, allowed in zip(ACTIONS, row, strict=True)
]


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and "/login/" not in response["Location"]
    )


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


class Actions:
    def __init__(self, client, demo, user, role_user, workflow):
        self.client, self.demo, self.user = client, demo, user
        self.role_user, self.workflow = role_user, workflow
        self.library = demo.library

    def post_library(self, **data):
        return self.client.post(edit_url(self.library), library_form(self.library, **data))

    def edit_draft(self):
        before = self.library.revisions.count()
        response = self.post_library(title="Biblioteca (borrador)")
        if self.library.revisions.count() == before + 1:
            assert fresh(self.library).title == "Biblioteca de recursos", "live page untouched"
            return True
        assert refused(response)
        return False

    def submit(self):
        response = self.post_library(**{"action-submit": "1", "change_note": "Nuevo resumen"})
        if fresh(self.library).workflow_in_progress:
            return True
        assert refused(response)
        return False

    def approve_a_step(self):
        page = self.library
        state = self.workflow.start(page, self.role_user(EDITORS))
        if PUBLISHERS in {g.name for g in self.user.groups.all()}:
            # Publishers approve the second step: let a reviewer pass the first one.
            state.current_task_state.task.specific.on_action(
                state.current_task_state, self.role_user(REVIEWERS), "approve"
            )
            state.refresh_from_db()
        task_state = state.current_task_state
        response = post_workflow_action(self.client, page, task_state)
        if task_state.status == "approved":
            return True
        assert task_state.status == "in_progress"
        assert refused(response)
        return False

    def publish(self):
        response = self.post_library(title="Biblioteca publicada", **{"action-publish": "1"})
        if fresh(self.library).title == "Biblioteca publicada":
            return True
        assert refused(response) or response.status_code in (200, 302)
        return False

    def unpublish(self):
        resource = self.demo.resources().first()
        url = reverse("wagtailadmin_pages:unpublish", args=[resource.pk])
        response = self.client.post(url)
        if not fresh(resource).live:
            return True
        assert refused(response)
        return False

    def schedule(self):
        response = self.post_library(
            title="Biblioteca programada", go_live_at=future(), **{"action-publish": "1"}
        )
        scheduled = Revision.page_revisions.filter(
            object_id=str(self.library.pk), approved_go_live_at__isnull=False
        ).exists()
        assert fresh(self.library).title == "Biblioteca de recursos", "not live before its time"
        if scheduled:
            return True
        assert refused(response) or response.status_code in (200, 302)
        return False

    def delete(self):
        resource = self.demo.resources().last()
        url = reverse("wagtailadmin_pages:delete", args=[resource.pk])
        response = self.client.post(url)
        if not Page.objects.filter(pk=resource.pk).exists():
            return True
        assert refused(response)
        return False

    def move(self):
        other_course = CoursePageFactory(parent=self.demo.home, slug="otra-edicion")
        module = self.demo.module(10)
        url = reverse("wagtailadmin_pages:move_confirm", args=[module.pk, other_course.pk])
        response = self.client.post(url)
        if fresh(module).get_parent().pk == other_course.pk:
            return True
        assert fresh(module).get_parent().pk == self.demo.course.pk
        assert refused(response)
        return False

    def lock(self):
        url = reverse("wagtailadmin_pages:lock", args=[self.library.pk])
        response = self.client.post(url)
        if fresh(self.library).locked:
            return True
        assert refused(response)
        return False

    def view_history(self):
        response = self.client.get(reverse("wagtailadmin_pages:history", args=[self.library.pk]))
        if response.status_code == 200:
            return True
        assert refused(response)
        return False

    def compare(self):
        url = reverse(
            "wagtailadmin_pages:revisions_compare", args=[self.library.pk, "earliest", "latest"]
        )
        response = self.client.get(url)
        if response.status_code == 200:
            return True
        assert refused(response)
        return False

    def revert(self):
        revision = self.library.revisions.order_by("created_at").first()
        url = reverse("wagtailadmin_pages:revisions_revert", args=[self.library.pk, revision.pk])
        response = self.client.get(url)
        if response.status_code == 200:
            return True
        assert refused(response)
        return False


@pytest.mark.parametrize("role, action, allowed", CASES, ids=[f"{r}-{a}" for r, a, _ in CASES])
def test_permission_matrix(client, demo, login, role_user, workflow, role, action, allowed):
    login(role)
    actions = Actions(client, demo, role_user(role), role_user, workflow)
    assert getattr(actions, action.replace(" ", "_"))() is allowed
