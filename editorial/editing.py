"""Wagtail's page editor with the editorial rules: the views of the course pages' admin viewset
(Wagtail 8's ``PageViewSet``, registered in ``wagtail_hooks``).

- The form carries the change note, the conflict check and the scheduling guard
  (``editorial.forms``).
- Saving checks for a newer revision and writes under one lock on the page's row
  (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite takes its write lock when the transaction
  begins, see ``DATABASES`` in the settings), so two editors saving the same page at the same
  moment cannot both be told "saved": the second one waits, then is told about the first one's
  save. A database too busy to answer in time gets a message and keeps the form as typed.
- After a workflow action, people land where they may be: a subject-matter reviewer who approved a
  page no longer has rights on it, so they go back to their dashboard instead of an error.
- Reviewers see a page's history and compare its revisions while it is in their review step.
"""

from django.contrib import messages
from django.db import OperationalError, transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.views.pages import create, edit, history, revisions, workflow
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState

from .forms import editorial_edit_handler

BUSY = "database is locked"


def database_busy(error):
    return isinstance(error, OperationalError) and BUSY in str(error)


def busy_message():
    return _(
        "The database is busy and your changes were not saved yet. They are still in the form: "
        "save again in a moment."
    )


class EditorialFormMixin:
    """Use the page type's edit handler with the editorial rules (set before get and post)."""

    def use_editorial_form(self):
        self.edit_handler = editorial_edit_handler(self.page_class)
        self.form_class = self.edit_handler.get_form_class()

    def get(self, request, *args, **kwargs):
        self.use_editorial_form()
        return super().get(request, *args, **kwargs)

    def busy_response(self, error):
        if not database_busy(error):
            raise error
        self.database_busy = True
        if self.expects_json_response:
            return self.json_error_response("database_busy", busy_message())
        messages.error(self.request, busy_message())
        self.form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent_page if hasattr(self, "parent_page") else self.parent,
            for_user=self.request.user,
        )
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())


class EditView(EditorialFormMixin, edit.EditView):
    database_busy = False

    def get_editing_sessions(self):
        # Wagtail records the editing session when it shows the editor: not while the database
        # is too busy to write (the editor is shown again with what the person typed).
        return None if self.database_busy else super().get_editing_sessions()

    def post(self, request, *args, **kwargs):
        self.use_editorial_form()
        try:
            with transaction.atomic():
                Page.objects.select_for_update().filter(pk=self.page.pk).exists()
                return super().post(request, *args, **kwargs)
        except OperationalError as error:
            return self.busy_response(error)

    def add_save_confirmation_message(self):
        if self.action_name != "perform_workflow_action":
            return super().add_save_confirmation_message()
        page = Page.objects.get(pk=self.page.pk)
        messages.success(self.request, workflow_outcome_message(page, self.workflow_action))

    def redirect_away(self):
        if not self.next_url and not user_has_any_page_permission(self.request.user):
            return redirect("wagtailadmin_home")
        return super().redirect_away()


class CreateView(EditorialFormMixin, create.CreateView):
    def post(self, request, *args, **kwargs):
        self.use_editorial_form()
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except OperationalError as error:
            return self.busy_response(error)


class WorkflowActionView(workflow.WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if TaskState.objects.get(pk=self.task_state.pk).status == TaskState.STATUS_IN_PROGRESS:
            return response  # the dialog shows its errors
        page = Page.objects.get(pk=self.object.pk)
        messages.success(request, workflow_outcome_message(page, self.action_name))
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        if self.redirect_url != edit_url or page.permissions_for_user(request.user).can_edit():
            return response
        # The action ended this person's part: their dashboard lists what is left for them.
        home = reverse("wagtailadmin_home")
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return self.render_modal_json(request, {"step": "success", "redirect": home})
        return redirect(home)


def workflow_outcome_message(page, action):
    """What a reviewer's approval or request for changes did, and what comes next."""
    title = page.get_admin_display_title()
    if action == "reject":
        return _("You asked for changes to “%(title)s”; whoever submitted it has been told.") % {
            "title": title
        }
    if task := page.current_workflow_task:
        return _("You approved “%(title)s”. Next step: %(task)s.") % {
            "title": title,
            "task": task.name,
        }
    if page.live and not page.has_unpublished_changes:
        return _("You approved “%(title)s”: it is published.") % {"title": title}
    return _("You approved “%(title)s”.") % {"title": title}


class HistoryView(history.PageHistoryView):
    # Wagtail asks for some page permission anywhere before asking whether this person may edit
    # or publish this page (``get_object``); a workflow task lets its reviewers edit the page
    # during their step, so they see its history then, and only then.
    any_permission_required = None


class RevisionsCompareView(revisions.RevisionsCompareView):
    def dispatch(self, request, *args, **kwargs):
        # As for the history: skip Wagtail's "some page permission" gate; ``get_object`` still
        # refuses anyone who may not edit or publish this page now.
        return super(revisions.RevisionsCompareView, self).dispatch(request, *args, **kwargs)


class EditorialPageViewSet(PageViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    workflow_action_view_class = WorkflowActionView
    history_view_class = HistoryView
    revisions_compare_view_class = RevisionsCompareView


def editorial_page_viewsets(page_models):
    return [
        EditorialPageViewSet(name=f"editorial-{model._meta.label_lower}", model=model)
        for model in page_models
    ]
