from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from course_content.models import CoursePage

from . import urls
from .services import may_export


@hooks.register("register_admin_urls")
def register_export_urls():
    return [path("exports/", include(urls, namespace="exports"))]


def _export_button(page, user, priority):
    if page.specific_class is not CoursePage or not may_export(user):
        return
    yield Button(
        _("Export…"),
        reverse("exports:course", args=[page.pk]),
        icon_name="download",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def export_header_button(page, user, view_name=None, next_url=None):
    yield from _export_button(page, user, priority=75)


@hooks.register("register_page_listing_more_buttons")
def export_listing_button(page, user, next_url=None):
    yield from _export_button(page, user, priority=55)


class ExportsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_export(request.user)


@hooks.register("register_reports_menu_item")
def register_exports_menu_item():
    return ExportsMenuItem(
        _("Course exports"), reverse("exports:list"), icon_name="download", order=900
    )
