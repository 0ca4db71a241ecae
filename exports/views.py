"""Admin views of course exports: the form on a course, the list of exports with their
progress, and the download. Publishers and Administrators only (403 for anyone else)."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from course_content.models import CoursePage

from .edition import FALLBACK_CHOICES, INCLUDE
from .formats import FORMAT_CHOICES, FORMATS
from .models import EditionExport
from .services import may_export, start_export

REFRESH_SECONDS = 3
LISTED = 50
MAX_ID = 2**31 - 1  # an id beyond the database's integer range is unknown, not an error


def _id_in_range(value):
    if value > MAX_ID:
        raise Http404
    return value


def refused(request):
    """A 403 page (raising PermissionDenied in the admin would redirect to the dashboard)."""
    return TemplateResponse(
        request,
        "exports/refused.html",
        {"header_title": _("Course exports"), "page_title": _("Course exports")},
        status=403,
    )


def exporters_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_export(request.user):
            return refused(request)
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return refused(request)

    return wrapper


class ExportForm(forms.Form):
    locale = forms.ChoiceField(label=gettext_lazy("Language"))
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=FORMAT_CHOICES, widget=forms.RadioSelect
    )
    fallback = forms.ChoiceField(
        label=gettext_lazy("Pages not yet translated"),
        choices=FALLBACK_CHOICES,
        initial=INCLUDE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.course = course
        live = CoursePage.objects.filter(translation_key=course.translation_key).live()
        locales = Locale.objects.filter(pk__in=live.values("locale")).order_by("language_code")
        self.locales = {locale.language_code: locale for locale in locales}
        self.fields["locale"].choices = [
            (code, locale.get_display_name()) for code, locale in self.locales.items()
        ]

    def clean_locale(self):
        return self.locales[self.cleaned_data["locale"]]


def source_course(page_id):
    """The source-locale course of the course page ``page_id`` (in any locale)."""
    page = get_object_or_404(CoursePage, pk=_id_in_range(page_id))
    default = Locale.get_default()
    if page.locale_id != default.pk:
        page = get_object_or_404(CoursePage, translation_key=page.translation_key, locale=default)
    return page


@exporters_only
def export_course(request, page_id):
    course = source_course(page_id)
    form = ExportForm(request.POST or None, course=course)
    if request.method == "POST" and form.is_valid():
        export = start_export(
            user=request.user,
            course=course,
            locale=form.cleaned_data["locale"],
            format=form.cleaned_data["format"],
            fallback=form.cleaned_data["fallback"],
        )
        messages.success(
            request,
            _("Export of “%(course)s” (%(language)s, %(format)s) started.")
            % {
                "course": course.title,
                "language": form.cleaned_data["locale"].get_display_name(),
                "format": FORMATS[export.format].label,
            },
        )
        return redirect("exports:list")
    return TemplateResponse(
        request,
        "exports/export_form.html",
        {
            "header_title": _("Export “%(course)s”") % {"course": course.title},
            "page_title": _("Export"),
            "course": course,
            "form": form,
        },
    )


@require_safe
@exporters_only
def export_list(request):
    exports = list(EditionExport.objects.select_related("user")[:LISTED])
    response = TemplateResponse(
        request,
        "exports/export_list.html",
        {
            "header_title": _("Course exports"),
            "page_title": _("Course exports"),
            "exports": exports,
            "formats": FORMATS,
            "refreshing": any(export.in_progress for export in exports),
            "refresh_seconds": REFRESH_SECONDS,
        },
    )
    if response.context_data["refreshing"]:
        # Reloads the page while an export runs: a response header, no script (the admin's
        # Content-Security-Policy allows no inline script).
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@require_safe
@exporters_only
def download(request, export_id):
    export = get_object_or_404(EditionExport, pk=_id_in_range(export_id))
    if not export.downloadable:
        raise Http404
    fmt = FORMATS.get(export.format)
    try:
        handle = export.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    filename = export.file.name.rsplit("/", 1)[-1].split("-", 1)[-1]
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=fmt.content_type if fmt else "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response
