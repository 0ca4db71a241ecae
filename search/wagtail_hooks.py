"""Editors' report of the site search: frequent queries and queries that found nothing, per
language, over the last days (Reports → Site searches)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import SearchTerm

DAYS = 30
ROWS = 25


def search_report_view(request):
    languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    language = request.GET.get("language", "")
    if language not in languages:
        language = settings.LANGUAGE_CODE
    since = timezone.localdate() - timedelta(days=DAYS)
    terms = (
        SearchTerm.objects.filter(language_code=language, day__gte=since)
        .values("query")
        .annotate(total=Sum("searches"), empty=Sum("zero_results"))
    )
    return TemplateResponse(
        request,
        "search/admin/report.html",
        {
            "header_title": _("Site searches"),
            "page_title": _("Site searches"),
            "header_icon": "search",
            "languages": languages.items(),
            "language": language,
            "days": DAYS,
            "frequent": terms.order_by("-total", "query")[:ROWS],
            "empty": terms.filter(empty__gt=0).order_by("-empty", "query")[:ROWS],
        },
    )


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [path("search-report/", search_report_view, name="site_search_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem(_("Site searches"), reverse("site_search_report"), icon_name="search", order=70)
