"""Admin integration of the editorial review: guards, change notes, audit actions, reports."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter, log

from course_content.models.base import BasePage

from .forms import is_submission
from .roles import STRUCTURE_ROLES, user_has_role
from .services import last_reviewed_on, last_reviewed_on_many

STRUCTURE_MESSAGES = {
    "delete": _("Only Administrators can delete pages. Nothing was deleted."),
    "move": _("Only Administrators can move pages. Nothing was moved."),
}


def _refuse_unless_structure_role(request, action, page=None):
    """Refuse (with the reason, back where the user was) unless the user may change the tree."""
    if user_has_role(request.user, *STRUCTURE_ROLES):
        return None
    messages.error(request, STRUCTURE_MESSAGES[action])
    if page is not None:
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return redirect("wagtailadmin_home")


@hooks.register("before_delete_page")
def only_administrators_delete(request, page):
    return _refuse_unless_structure_role(request, "delete", page)


@hooks.register("before_move_page")
def only_administrators_move(request, page, destination):
    return _refuse_unless_structure_role(request, "move", page)


@hooks.register("before_bulk_action")
def only_administrators_bulk_delete_or_move(request, action_type, objects, action_class_instance):
    if action_type in STRUCTURE_MESSAGES and getattr(action_class_instance, "models", None):
        return _refuse_unless_structure_role(request, action_type)
    return None


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def record_change_note(request, page):
    note = request.POST.get("change_note", "").strip()
    if note and is_submission(request.POST):
        log(
            instance=page,
            action="editorial.change_note",
            user=request.user,
            revision=page.latest_revision,
            data={"note": note},
        )


@hooks.register("register_log_actions")
def register_editorial_log_actions(actions):
    @actions.register_action("editorial.change_note")
    class ChangeNote(LogFormatter):
        label = _("Change note")
        message = _("Submitted for review with a change note")

        def format_comment(self, log_entry):
            return log_entry.data.get("note", "")

    @actions.register_action("editorial.review_confirmed")
    class ReviewConfirmed(LogFormatter):
        label = _("Reviewed, no change needed")

        def format_message(self, log_entry):
            return _("Content reviewed on %(date)s: no change needed") % {
                "date": review_date(log_entry.data.get("reviewed_on", ""))
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("note", "")


@hooks.register("register_admin_viewset")
def register_editorial_page_editor():
    """The course pages' editor, with the change note, the conflict check under a lock and the
    scheduling guard (see ``editing``)."""
    from wagtail.models import get_page_models

    from .editing import editorial_page_viewsets

    return editorial_page_viewsets([m for m in get_page_models() if issubclass(m, BasePage)])


@hooks.register("insert_editor_js")
def confirmed_overwrite_js():
    return format_html('<script src="{}"></script>', static("editorial/js/confirmed-overwrite.js"))


hooks.register("country_unit_last_reviewed_on", last_reviewed_on)
hooks.register("country_units_last_reviewed_on", last_reviewed_on_many)


@hooks.register("register_reports_menu_item")
def register_review_due_report(*args):
    return MenuItem(
        _("Content due for review"),
        reverse("review_cycles:index"),
        icon_name="date",
        order=50,
    )


@hooks.register("register_admin_viewset")
def register_review_cycle_viewset():
    from .views import review_cycle_viewset

    return review_cycle_viewset


class ReviewDuePanel(Component):
    """Dashboard: how many country units are overdue or due soon (one query)."""

    name = "review_due"
    order = 150
    template_name = "editorial/review_due_panel.html"

    def get_context_data(self, parent_context):
        from .models import ReviewCycle

        return {
            "counts": ReviewCycle.objects.counts(),
            "report_url": reverse("review_cycles:index"),
        }


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if request.user.has_perm("editorial.view_reviewcycle"):
        panels.append(ReviewDuePanel())


def review_date(iso_date):
    """A date stored as ISO text in a log entry, written in the reader's language."""
    try:
        return date_format(datetime.date.fromisoformat(iso_date), "DATE_FORMAT")
    except (TypeError, ValueError):
        return iso_date
