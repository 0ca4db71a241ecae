"""Who may see the study reports: one permission, and the grant that carries it.

``VIEW_REPORTS`` (``learning.view_study_reports``, declared on ``Attempt``) opens **Reports →
Evaluation results** in the admin. Roles that need it add ``REPORT_PERMISSIONS`` to their
``editorial.roles.Role(model_permissions=…)``: the Administrators do (``editorial.roles``), and
so do the Enrolment managers (``learning.enrolment``). ``grant_reports(group)`` gives it to a
group outside ``setup_roles`` (it adds, it never removes).
"""

from django.contrib.auth.models import Permission

VIEW_REPORTS = "learning.view_study_reports"
REPORT_PERMISSIONS = ("wagtailadmin.access_admin", VIEW_REPORTS)


def report_permission():
    return Permission.objects.get(content_type__app_label="learning", codename="view_study_reports")


def grant_reports(group):
    """Let the members of ``group`` see the study reports."""
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["wagtailadmin", "learning"],
            codename__in=["access_admin", "view_study_reports"],
        )
    )
