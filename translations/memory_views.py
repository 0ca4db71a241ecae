"""Admin views of the translation memory.

- ``memory_matches``: a segment's matches (exact and fuzzy, with their score) as JSON, for the
  translation editor's script (``translations/js/translation-memory.js``); for those who may work
  on the translation (its locale's translators and reviewers), 403 for anyone else.
- ``memory_locale``: a locale's memory: its size, the leverage of recent submissions, the TMX
  export (for those who work in the locale) and the TMX import (for its translation managers:
  those who may publish in it, the locale's reviewers and Administrators): the file is validated
  when sent (refused whole, with the reasons) and its units stored by a background task whose
  progress the page shows.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from . import access, memory, tmx
from .formats import ImportRejected
from .views import LANGUAGE_CODE, MAX_ID


def _forbidden_json():
    return JsonResponse({"error": _("You may not work on this translation.")}, status=403)


@require_GET
def memory_matches(request, translation_id):
    """``?segment=<id>``: {"matches": [{source, target, score, exact}]}, best first. A fixed
    number of queries (the lookup itself: two)."""
    translation = get_object_or_404(
        Translation.objects.select_related("source__locale", "target_locale"), pk=translation_id
    )
    if not access.may_work_on(request.user, translation):
        return _forbidden_json()
    segment_id = request.GET.get("segment", "")
    if not segment_id.isdigit() or int(segment_id) > MAX_ID:
        return JsonResponse({"error": _("Name a segment: ?segment=<id>.")}, status=400)
    segment = (
        StringSegment.objects.filter(pk=int(segment_id), source_id=translation.source_id)
        .select_related("string")
        .first()
    )
    if segment is None:
        raise Http404
    matches = memory.lookup(
        source_locale=translation.source.locale,
        target_locale=translation.target_locale,
        text=segment.string.data,
    )
    return JsonResponse(
        {
            "segment": segment.pk,
            "language": translation.target_locale.language_code,
            "matches": [match.as_json() for match in matches],
        }
    )


class TMXUploadForm(forms.Form):
    tmx = forms.FileField(
        label=_("TMX 1.4 file"),
        help_text=_("All or nothing: if any unit is refused, nothing is imported."),
    )


def _locale_home(locale):
    return Page.objects.filter(depth=2, locale=locale).first()


def locale_rights(user, locale):
    """(may read and export the locale's memory, may import into it)."""
    if user.is_superuser:
        return True, True
    home = _locale_home(locale)
    if home is None:
        return False, False
    permissions = home.permissions_for_user(user)
    return permissions.can_edit(), permissions.can_publish()


def memory_locale(request, code):
    """GET: the locale's memory page, or the TMX file with ``?format=tmx``; POST: import a TMX
    file (atomic, validated)."""
    if not LANGUAGE_CODE.fullmatch(code):
        raise Http404
    source = Locale.get_default()
    locale = get_object_or_404(Locale.objects.exclude(pk=source.pk), language_code=code)
    may_read, may_import = locale_rights(request.user, locale)
    if not may_read:
        raise PermissionDenied
    if request.method == "POST":
        if not may_import:
            from django.views.defaults import permission_denied

            return permission_denied(request, PermissionDenied())
        return _import(request, source, locale)
    if request.GET.get("format") == "tmx":
        data = tmx.export_tmx(source_locale=source, target_locale=locale)
        response = HttpResponse(data, content_type="application/x-tmx+xml; charset=utf-8")
        filename = f"memory-{source.language_code}-{locale.language_code}.tmx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    from .models import MemoryLeverage

    leverage = list(
        MemoryLeverage.objects.filter(translation__target_locale=locale)
        .select_related("translation__source", "user")
        .order_by("-created_at", "-pk")[:30]
    )
    from .models import MemoryImport

    imports = list(MemoryImport.objects.filter(locale=locale).defer("data")[:5])
    return TemplateResponse(
        request,
        "translations/memory.html",
        {
            "header_title": _("Translation memory"),
            "page_title": _("Translation memory"),
            "locale": locale,
            "source_locale": source,
            "entries": memory.stats_by_locale().get(locale.pk, 0),
            "leverage": leverage,
            "imports": imports,
            "may_import": may_import,
            "form": TMXUploadForm(),
            "max_mb": tmx.MAX_TMX_BYTES // 2**20,
        },
    )


def _import(request, source, locale):
    form = TMXUploadForm(request.POST, request.FILES)
    back = redirect("translations:memory_locale", locale.language_code)
    if not form.is_valid():
        messages.error(request, _("Choose a TMX file to import."))
        return back
    upload = form.cleaned_data["tmx"]
    if upload.size > tmx.MAX_TMX_BYTES:
        messages.error(
            request,
            _("Nothing was imported: %(name)s is larger than %(limit)s MB.")
            % {"name": upload.name, "limit": tmx.MAX_TMX_BYTES // 2**20},
        )
        return back
    try:
        job = tmx.start_import(
            upload.read(),
            name=upload.name,
            source_locale=source,
            target_locale=locale,
            user=request.user,
        )
    except ImportRejected as rejected:
        messages.error(
            request, _("Nothing was imported: %(errors)s") % {"errors": " ".join(rejected.errors)}
        )
        return back
    messages.success(
        request,
        ngettext(
            "%(name)s is valid: its %(total)s unit is being stored in the memory.",
            "%(name)s is valid: its %(total)s units are being stored in the memory.",
            job.total,
        )
        % {"name": upload.name, "total": job.total},
    )
    return back
