"""Our versions of wagtail-localize's endpoints that write translations, routed ahead of the
library's (``translations.localize_urls``): the same requests and answers as the translation
editor expects, with our checks before anything is stored.

- A segment (``edit_string_translation``) is stored only if its markup is what its field allows
  (``translations.markup``); otherwise nothing is stored and the answer carries the reasons as the
  segment's error, which the editor shows under it, with the text kept for correcting.
- An override (``edit_override``) is stored only if the field's own validators accept it
  (``translations.overrides``); otherwise the same kind of answer.
- PO files are our strict format (``translations.formats``): the editor's download and upload
  are the CAT files' export and all-or-nothing import for one translation.
- Machine translation goes through ``translations.machine``, which reduces the machine's markup.

A request the editor never sends (no value, a value that is not text) gets a 400.
"""

import io
import json
import zipfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.views.edit_translation import SegmentOverrideSerializer

from . import access, markup, overrides
from .editor_qa import StringTranslationWithFindingsSerializer as StringTranslationSerializer


def _translation(translation_id, user):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "source__locale", "target_locale"),
        pk=translation_id,
    )
    if not access.may_work_on(user, translation):
        raise PermissionDenied
    return translation


def _text_value(request):
    """The ``value`` sent, if it is text that can be stored (UTF-8: no lone surrogates)."""
    value = request.data.get("value") if hasattr(request.data, "get") else None
    if not isinstance(value, str):
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return value


def _bad_request():
    return Response(
        {"error": _("Send the value as text in the “value” field.")},
        status=status.HTTP_400_BAD_REQUEST,
    )


@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def edit_string_translation(request, translation_id, string_segment_id):
    translation = _translation(translation_id, request.user)
    segment = get_object_or_404(
        StringSegment.objects.select_related("context", "string"),
        pk=string_segment_id,
        source_id=translation.source_id,
    )
    context = {"translation_source": translation.source, "translation": translation}
    if request.method == "DELETE":
        existing = StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            locale_id=translation.target_locale_id,
            context_id=segment.context_id,
        ).first()
        if existing is None:
            return Response(status=status.HTTP_404_NOT_FOUND)  # the editor treats it as done
        existing.delete()
        return Response(StringTranslationSerializer(existing, context=context).data)

    value = _text_value(request)
    if value is None:
        return _bad_request()
    rules = markup.rules_by_context(translation.source, [segment.context])[segment.context_id]
    found = (
        markup.problems(value, rules, segment.string.data)
        if value.strip()
        else [_("A translation cannot be empty: delete it instead.")]
    )
    if found:
        # Nothing is stored; the editor shows the error under the segment, text kept to correct.
        return Response(
            {
                "string_id": segment.string_id,
                "segment_id": segment.pk,
                "data": value,
                "error": markup.refusal(found),
                "comment": None,
                "last_translated_by": None,
            }
        )
    string_translation, created = StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale_id=translation.target_locale_id,
        context_id=segment.context_id,
        defaults={
            "data": value,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "last_translated_by": request.user,
            "has_error": False,
            "field_error": "",
        },
    )
    return Response(
        StringTranslationSerializer(string_translation, context=context).data,
        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
    )


@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def edit_override(request, translation_id, overridable_segment_id):
    translation = _translation(translation_id, request.user)
    segment = get_object_or_404(
        OverridableSegment.objects.select_related("context"),
        pk=overridable_segment_id,
        source_id=translation.source_id,
    )
    context = {"translation_source": translation.source}
    existing = SegmentOverride.objects.filter(
        locale_id=translation.target_locale_id, context_id=segment.context_id
    ).first()
    if request.method == "DELETE":
        if existing is None:
            return Response(status=status.HTTP_404_NOT_FOUND)
        existing.delete()
        return Response(SegmentOverrideSerializer(existing, context=context).data)

    value = _text_value(request)
    if value is None:
        return _bad_request()
    field_path = segment.context.field_path or segment.context.get_field_path(
        translation.source.as_instance()
    )
    model = translation.source.specific_content_type.model_class()
    found = overrides.problems(request.user, model, field_path, value)
    if found:
        return Response({"segment_id": segment.pk, "data": value, "error": markup.refusal(found)})
    override, created = SegmentOverride.objects.update_or_create(
        locale_id=translation.target_locale_id,
        context_id=segment.context_id,
        defaults={
            "data_json": json.dumps(value),
            "last_translated_by": request.user,
            "has_error": False,  # an error of the value this one replaces no longer applies
            "field_error": "",
        },
    )
    return Response(
        SegmentOverrideSerializer(override, context=context).data,
        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
    )


def download_pofile(request, translation_id):
    """The translation's PO file, in the CAT files' format (with its count and end marker)."""
    from .formats.po import export_po
    from .formats.segments import units_for

    translation = _translation(translation_id, request.user)
    response = HttpResponse(
        export_po(translation, units_for(translation)),
        content_type="text/x-gettext-translation; charset=utf-8",
    )
    stem = slugify(translation.source.object_repr)[:60] or "translation"
    filename = f"{stem}-{translation.target_locale.language_code}.po"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _back(request, translation):
    next_url = get_valid_next_url_from_request(request)
    return next_url or translation.get_target_instance_edit_url()


@require_POST
def upload_pofile(request, translation_id):
    """A PO file of this translation, imported all or nothing, like the CAT files."""
    from .formats import MAX_FILE_BYTES, ImportRejected
    from .formats.archive import import_archive

    translation = _translation(translation_id, request.user)
    back = _back(request, translation)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
        return redirect(back)
    if upload.size > MAX_FILE_BYTES:
        messages.error(request, _("The file is too large."))
        return redirect(back)
    content = upload.read()
    name = upload.name if upload.name.lower().endswith(".po") else f"{upload.name}.po"
    try:
        if zipfile.is_zipfile(io.BytesIO(content)):
            raise ImportRejected([_("%(name)s: not a PO file.") % {"name": upload.name}])
        _files, changed = import_archive(
            content,
            name=name,
            locale=translation.target_locale,
            user=request.user,
            translations=[translation],
        )
    except ImportRejected as rejected:
        messages.error(
            request,
            _("The file was not imported: %(reason)s") % {"reason": " ".join(rejected.errors)},
        )
    else:
        messages.success(
            request,
            ngettext(
                "Imported the PO file: %(changed)s segment changed.",
                "Imported the PO file: %(changed)s segments changed.",
                changed,
            )
            % {"changed": changed},
        )
    return redirect(back)


@require_POST
def machine_translate(request, translation_id):
    from wagtail_localize.machine_translators import get_machine_translator

    from .machine import apply_machine_translation

    translation = _translation(translation_id, request.user)
    translator = get_machine_translator()
    if translator is None or not translator.can_translate(
        translation.source.locale, translation.target_locale
    ):
        raise Http404
    if apply_machine_translation(translation, request.user, translator):
        messages.success(
            request,
            _("Translated with %(tool)s: review each machine-translated segment.")
            % {"tool": translator.display_name},
        )
    else:
        messages.warning(request, _("There is nothing left to translate."))
    return redirect(_back(request, translation))


def preview_translation(request, translation_id, mode=None):
    """wagtail-localize's preview of the translation as it stands, unless an override its field
    refuses (a ``javascript:`` address stored behind the editor's back) would be in it: the
    preview is built without validation, so it is not shown then, and the message says why."""
    from wagtail_localize.views.edit_translation import preview_translation as library_preview

    from .qa import override_findings

    translation = _translation(translation_id, request.user)
    refused = override_findings([translation]).get(translation.pk)
    if refused:
        messages.error(
            request,
            _("The preview is not shown: correct these values first: %(values)s")
            % {"values": "; ".join(f"{finding.target} ({finding.message})" for finding in refused)},
        )
        return redirect(translation.get_target_instance_edit_url())
    return library_preview(request, translation_id, mode)
