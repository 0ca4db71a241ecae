"""Admin integration (Wagtail hooks) of this part of the learner side; imported by
``learning/wagtail_hooks.py``.

- Opening a module (in any locale) records the learner's progress (``before_serve_page``). It
  costs nothing for visitors who are not signed in, and two queries for a signed-in person: one
  to find their enrolment and the module's source page, one upsert when they are enrolled.
- **Reports → Evaluation results**, for people with ``learning.view_study_reports``
  (see ``roles``), which administrators can grant to a group in Settings → Groups.
"""

import logging

from django.contrib.auth.models import Permission
from django.db import DatabaseError
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from course_content.models import ModulePage

from . import reports, services
from .roles import VIEW_REPORTS

logger = logging.getLogger(__name__)


@hooks.register("before_serve_page")
def record_module_progress(page, request, serve_args, serve_kwargs):
    if request.method != "GET" or not request.user.is_authenticated:
        return None
    if not isinstance(page, ModulePage):
        return None
    try:
        services.record_progress(user=request.user, module=page)
    except DatabaseError:  # progress is a convenience: reading the module matters more
        logger.exception("could not record progress on module %s", page.pk)
    return None


@hooks.register("register_admin_urls")
def register_study_report_urls():
    return [
        path("study-reports/", reports.course_report_view, name="study_reports"),
        path(
            "study-reports/evaluations/<int:pk>/",
            reports.evaluation_report_view,
            name="study_reports_evaluation",
        ),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_REPORTS)


@hooks.register("register_reports_menu_item")
def register_study_reports_menu_item():
    return ReportsMenuItem(
        _("Evaluation results"), reverse("study_reports"), icon_name="table", order=60
    )


@hooks.register("register_permissions")
def register_study_report_permission():
    return Permission.objects.filter(
        content_type__app_label="learning", codename="view_study_reports"
    )
