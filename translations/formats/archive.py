"""Per-locale archives of PO or XLIFF files: export, and atomic, validated import."""

import html
import io
import zipfile

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import StringTranslation, Translation, TranslationContext
from wagtail_localize.strings import StringValue, validate_translation_links

from . import (
    MAX_ARCHIVE_BYTES,
    MAX_ARCHIVE_FILES,
    MAX_FILE_BYTES,
    MAX_UNPACKED_BYTES,
    ImportRejected,
)
from .po import export_po, po_text, read_po
from .segments import as_text, from_text, readable, rules_of, same_html, units_for
from .xliff import export_xliff, inline_codes, parse_xliff, unit_codes

FORMATS = {"po": ".po", "xliff": ".xlf"}
TOOL_NAME = "CAT file import"


def _noop(done, total, name=""):
    pass


def translations_of(locale, user=None):
    """The translations into ``locale``; with a ``user``, only those whose target they may edit
    (as wagtail-localize checks for each translation). Without one (the shell), all of them."""
    translations = list(
        Translation.objects.filter(target_locale=locale, enabled=True)
        .select_related("source", "source__locale", "target_locale")
        .order_by("source__object_repr", "pk")
    )
    if user is None or user.is_superuser:
        return translations
    pages = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=[t.source.object_id for t in translations], locale=locale
        )
    }

    def may_edit(translation):
        model = ContentType.objects.get_for_id(translation.source.specific_content_type_id)
        model = model.model_class()
        if model is not None and issubclass(model, Page):
            page = pages.get(translation.source.object_id)
            return page is not None and page.permissions_for_user(user).can_edit()
        return model is not None and user.has_perm(get_permission_name("change", model))

    return [translation for translation in translations if may_edit(translation)]


def file_name(translation, fmt):
    stem = slugify(translation.source.object_repr)[:60] or "object"
    return f"{stem}-{translation.uuid}{FORMATS[fmt]}"


def export_locale(locale, fmt, *, user=None, translations=None, progress=_noop):
    """A zip archive (bytes) with one file per translation into ``locale`` (that ``user`` may
    edit, if given; or of ``translations``, already chosen from ``translations_of``)."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format '{fmt}': use po or xliff.")
    buffer = io.BytesIO()
    if translations is None:
        translations = translations_of(locale, user)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, translation in enumerate(translations, start=1):
            units = units_for(translation)
            data = (
                export_po(translation, units) if fmt == "po" else export_xliff(translation, units)
            )
            archive.writestr(file_name(translation, fmt), data)
            progress(done, len(translations), translation.source.object_repr)
    return buffer.getvalue()


def _too_large(name, limit):
    return _("%(name)s: the file is larger than %(limit)s MB.") % {
        "name": name,
        "limit": limit // 2**20,
    }


def _members(data, name):
    """(name, bytes) of each file in an archive, or of a single PO/XLIFF file."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise ImportRejected([_too_large(name, MAX_ARCHIVE_BYTES)])
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if len(data) > MAX_FILE_BYTES:
            raise ImportRejected([_too_large(name, MAX_FILE_BYTES)])
        return [(name, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [info for info in archive.infolist() if not info.is_dir()]
        if len(infos) > MAX_ARCHIVE_FILES:
            raise ImportRejected(
                [
                    _("%(name)s: more than %(count)s files.")
                    % {"name": name, "count": MAX_ARCHIVE_FILES}
                ]
            )
        # Declared sizes bound what zipfile reads, so this caps the memory an archive can take.
        if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
            raise ImportRejected(
                [
                    _("%(name)s: its files add up to more than %(limit)s MB.")
                    % {"name": name, "limit": MAX_UNPACKED_BYTES // 2**20}
                ]
            )
        members = []
        for info in infos:
            if info.file_size > MAX_FILE_BYTES:
                raise ImportRejected([_too_large(info.filename, MAX_FILE_BYTES)])
            members.append((info.filename, archive.read(info)))
        return members
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ImportRejected(
            [
                _("%(name)s: a damaged or truncated archive (%(error)s).")
                % {"name": name, "error": error}
            ]
        ) from error


def _checked(member_name, translation, units, planned):
    """``planned`` [(label, unit, target)] in file order, checked: each target's markup is what
    its field allows, the units follow the source's order, and a text translated twice (the
    same text in the same field) is translated the same way. Returns the plan."""
    from ..markup import problems

    order = {unit.id: index for index, unit in enumerate(units)}
    positions = [order[unit.id] for _label, unit, _target in planned]
    if positions != sorted(positions):
        raise ValueError(
            _(
                "%(name)s: its segments are not in the source's order (reordered or merged files "
                "are refused). Export it again."
            )
            % {"name": member_name}
        )
    rules = rules_of(translation, [unit for _label, unit, _target in planned])
    errors, targets = [], {}
    for label, unit, target in planned:
        if not target:
            continue
        for message in problems(target, rules[unit.context_id], unit.source):
            errors.append(f"{label}: {message}")
        key = (unit.string_id, unit.context_id)
        if targets.setdefault(key, target) != target:
            errors.append(
                _("%(unit)s: the same text in the same place is translated differently.")
                % {"unit": label}
            )
    if errors:
        raise ValueError(f"{member_name}: " + " ".join(errors[:10]))
    return [(translation, unit, target) for _label, unit, target in planned if target]


def _plan_file(member_name, content, locale, translations_by_uuid):
    """Validate one file; return (translation, [(translation, unit, new target)]) or raise
    ValueError."""

    def translation_of(translation_id):
        translation = translations_by_uuid.get(translation_id)
        if translation is None:
            raise ValueError(
                _(
                    "%(name)s: translation %(id)s is not a translation into %(locale)s you may "
                    "edit (wrong or unknown translation id)."
                )
                % {"name": member_name, "id": translation_id, "locale": locale.language_code}
            )
        return translation

    lowered = member_name.lower()
    if lowered.endswith(".po"):
        translation_id, entries = read_po(content, member_name)
        translation = translation_of(translation_id)
        all_units, units = units_for(translation), {}
        rules = rules_of(translation, all_units)
        for unit in all_units:
            units.setdefault((unit.path, po_text(unit, rules)[0]), unit)
        unknown = [
            f"{ctx or '-'}: {msgid[:40]!r}"
            for ctx, msgid, _text in entries
            if (ctx, msgid) not in units
        ]
        if unknown:
            raise ValueError(
                _("%(name)s: unknown segments: %(segments)s.")
                % {"name": member_name, "segments": "; ".join(unknown[:5])}
            )
        planned = []
        for ctx, msgid, text in entries:
            unit = units[(ctx, msgid)]
            if text and rules[unit.context_id].plain:
                text = from_text(text)
            planned.append((ctx or "-", unit, text))
        return translation, _checked(member_name, translation, all_units, planned)
    if lowered.endswith((".xlf", ".xliff")):
        parsed = parse_xliff(content, name=member_name)
        translation = translation_of(parsed["translation_id"])
        expected = translation.target_locale.language_code.lower()
        if not parsed["trg"]:
            raise ValueError(
                _("%(name)s: it has no target language (trgLang); it should be %(expected)s.")
                % {"name": member_name, "expected": expected}
            )
        if parsed["trg"].lower() != expected:
            raise ValueError(
                _("%(name)s: its target language (trgLang) is %(found)s, not %(expected)s.")
                % {"name": member_name, "found": parsed["trg"], "expected": expected}
            )
        source_language = translation.source.locale.language_code.lower()
        if parsed["src"].lower() != source_language:
            raise ValueError(
                _("%(name)s: its source language (srcLang) is %(found)s, not %(expected)s.")
                % {"name": member_name, "found": parsed["src"], "expected": source_language}
            )
        all_units = units_for(translation)
        units = {unit.id: unit for unit in all_units}
        unknown = [unit_id for unit_id in parsed["units"] if unit_id not in units]
        if unknown:
            raise ValueError(
                _("%(name)s: unknown unit ids: %(ids)s.")
                % {"name": member_name, "ids": ", ".join(unknown[:5])}
            )
        rules = rules_of(translation, all_units)
        planned = []
        for unit_id, (markup, refs) in parsed["units"].items():
            source = units[unit_id].source
            if markup is None or not markup.strip():
                planned.append((unit_id, units[unit_id], ""))
                continue
            if rules[units[unit_id].context_id].plain and not refs:
                # Text (a file exported before plain text travelled as text has <br> codes).
                planned.append((unit_id, units[unit_id], from_text(html.unescape(markup))))
                continue
            if refs != unit_codes(source):
                raise ValueError(
                    _(
                        "%(name)s: unit %(unit)s: broken inline tags (the target's inline codes "
                        "must be exactly the source's)."
                    )
                    % {"name": member_name, "unit": unit_id}
                )
            codes = inline_codes(source)
            if any(parsed["data"][unit_id].get(ref) != codes[ref] for ref in refs):
                raise ValueError(
                    _(
                        "%(name)s: unit %(unit)s: the markup of its inline codes (originalData) "
                        "differs from the source's; it cannot be changed."
                    )
                    % {"name": member_name, "unit": unit_id}
                )
            planned.append((unit_id, units[unit_id], markup))
        # Checked after the inline codes, whose original data would also change the source.
        changed = []
        for unit_id, source in parsed["sources"].items():
            unit = units[unit_id]
            shown = as_text if rules[unit.context_id].plain else readable  # as the file says it
            if shown(source) != shown(unit.source):
                changed.append(unit_id)
        if changed:
            raise ValueError(
                _(
                    "%(name)s: the source text of units %(ids)s is not the page's (segments "
                    "added, or the page changed since the export). Export it again."
                )
                % {"name": member_name, "ids": ", ".join(changed[:5])}
            )
        return translation, _checked(member_name, translation, all_units, planned)
    raise ValueError(
        _("%(name)s: not a PO or XLIFF file (.po, .xlf or .xliff expected).")
        % {"name": member_name}
    )


def import_archive(data, *, name, locale, user=None, translations=None, progress=_noop):
    """Validate every file, then write all translations in one transaction. With a ``user``, a
    file for a translation they may not edit is refused (``translations``, if given, are those
    already chosen from ``translations_of``).

    Returns (files, segments changed). Raises ImportRejected with every error; then nothing was
    changed.
    """
    members = _members(data, name)
    if translations is None:
        translations = translations_of(locale, user)
    translations_by_uuid = {str(t.uuid): t for t in translations}
    plans, errors, files_of = [], [], {}
    for done, (member_name, content) in enumerate(members, start=1):
        label = member_name  # what the progress names: the page, once the file is read
        try:
            translation, plan = _plan_file(member_name, content, locale, translations_by_uuid)
        except ValueError as error:
            errors.append(str(error))
        else:
            if translation.pk in files_of:
                errors.append(
                    _("%(name)s: %(other)s is a file of the same translation (one file per page).")
                    % {"name": member_name, "other": files_of[translation.pk]}
                )
            files_of.setdefault(translation.pk, member_name)
            plans += plan
            label = translation.source.object_repr
        progress(done, len(members), label)
    if errors:
        raise ImportRejected(errors)
    try:
        with transaction.atomic():
            changed = _write(plans, user)
    except IntegrityError as error:  # a segment saved in the editor meanwhile
        raise ImportRejected(
            [
                _(
                    "%(name)s: someone saved some of these segments during the import; "
                    "import it again."
                )
                % {"name": name}
            ]
        ) from error
    return len(members), changed


def _has_error(source, text):
    """What wagtail-localize's ``StringTranslation.save`` flags as an error: markup it cannot
    rebuild, or links that differ from the source's."""
    try:
        StringValue.from_translated_html(text)
        validate_translation_links(source, text)
    except ValueError:
        return True
    return False


def _write(plans, user):
    """Store the planned targets in a fixed number of queries: a new translation for each
    untranslated segment, an update where the text changed. Returns the number of changes.

    Bulk writes skip ``StringTranslation.save`` and its signal, so their two effects are applied
    here: the error flag, and a translated title becoming the page's draft title."""
    latest = {}
    for translation, unit, text in plans:  # one file per translation, checked for conflicts
        latest[(unit.string_id, unit.context_id, translation.target_locale_id)] = (unit, text)
    existing = {
        (row.translation_of_id, row.context_id, row.locale_id): row
        for row in StringTranslation.objects.filter(
            locale_id__in={locale_id for _s, _c, locale_id in latest},
            context_id__in={context_id for _s, context_id, _l in latest},
        )
    }
    now = timezone.now()
    created, updated, titles = [], [], []
    for (string_id, context_id, locale_id), (unit, text) in latest.items():
        current = existing.get((string_id, context_id, locale_id))
        if current is not None and same_html(current.data, text):
            continue
        if current is None:
            current = StringTranslation(
                translation_of_id=string_id, locale_id=locale_id, context_id=context_id
            )
            created.append(current)
        else:
            updated.append(current)
        current.data, current.tool_name, current.last_translated_by = text, TOOL_NAME, user
        current.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
        current.has_error, current.field_error = _has_error(unit.source, text), ""
        current.updated_at = now
        if unit.path == "title":
            titles.append((context_id, locale_id, text))
    from translations.checks import forget_review_gates

    for locale_id in {row.locale_id for row in [*created, *updated]}:
        forget_review_gates(locale_id=locale_id)  # bulk writes send no signals
    StringTranslation.objects.bulk_create(created)
    StringTranslation.objects.bulk_update(
        updated,
        ["data", "tool_name", "last_translated_by", "translation_type", "has_error",
         "field_error", "updated_at"],
    )  # fmt: skip
    if titles:
        keys = dict(
            TranslationContext.objects.filter(
                pk__in=[context_id for context_id, _l, _t in titles]
            ).values_list("pk", "object_id")
        )
        for context_id, locale_id, text in titles:
            Page.objects.filter(translation_key=keys[context_id], locale_id=locale_id).update(
                draft_title=text
            )
    return len(created) + len(updated)
