"""Per-locale archives of PO or XLIFF files: export, and atomic, validated import."""

import io
import os
import tempfile
import zipfile

import polib
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
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
from .segments import units_for
from .xliff import export_xliff, parse_xliff, unit_codes

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


def export_po(translation, units):
    po = polib.POFile(wrapwidth=200)
    po.metadata = {
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Language": translation.target_locale.language_code,
        "X-WagtailLocalize-TranslationID": str(translation.uuid),
    }
    for unit in units:
        po.append(polib.POEntry(msgid=unit.source, msgctxt=unit.path, msgstr=unit.target))
    return str(po).encode("utf-8")


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


def read_po(content, name):
    if b"\x00" in content:
        raise ValueError(f"{name}: not a PO file (binary content).")
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(content)  # polib.pofile(str) would also read a *filename* given as content
    try:
        po = polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ValueError(f"{name}: not a valid PO file ({error}).") from error
    finally:
        os.unlink(handle.name)
    translation_id = po.metadata.get("X-WagtailLocalize-TranslationID", "").strip()
    if not translation_id:
        raise ValueError(f"{name}: the X-WagtailLocalize-TranslationID header is missing.")
    entries = {}
    for entry in po:
        if entry.obsolete:
            continue
        entries[(entry.msgctxt or "", entry.msgid)] = entry.msgstr
    return translation_id, entries


def _members(data, name):
    """(name, bytes) of each file in an archive, or of a single PO/XLIFF file."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise ImportRejected([f"{name}: the file is larger than {MAX_ARCHIVE_BYTES // 2**20} MB."])
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if len(data) > MAX_FILE_BYTES:
            raise ImportRejected([f"{name}: the file is larger than {MAX_FILE_BYTES // 2**20} MB."])
        return [(name, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [info for info in archive.infolist() if not info.is_dir()]
        if len(infos) > MAX_ARCHIVE_FILES:
            raise ImportRejected([f"{name}: more than {MAX_ARCHIVE_FILES} files."])
        # Declared sizes bound what zipfile reads, so this caps the memory an archive can take.
        if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
            raise ImportRejected(
                [f"{name}: its files add up to more than {MAX_UNPACKED_BYTES // 2**20} MB."]
            )
        members = []
        for info in infos:
            if info.file_size > MAX_FILE_BYTES:
                raise ImportRejected(
                    [f"{info.filename}: larger than {MAX_FILE_BYTES // 2**20} MB."]
                )
            members.append((info.filename, archive.read(info)))
        return members
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ImportRejected([f"{name}: a damaged or truncated archive ({error})."]) from error


def _plan_file(member_name, content, locale, translations_by_uuid):
    """Validate one file; return [(translation, unit, new target)] or raise ValueError."""

    def translation_of(translation_id):
        translation = translations_by_uuid.get(translation_id)
        if translation is None:
            raise ValueError(
                f"{member_name}: translation {translation_id} is not a translation into "
                f"{locale.language_code} you may edit (wrong or unknown translation id)."
            )
        return translation

    lowered = member_name.lower()
    if lowered.endswith(".po"):
        translation_id, entries = read_po(content, member_name)
        translation = translation_of(translation_id)
        units = {(u.path, u.source): u for u in units_for(translation)}
        unknown = [
            f"{ctx or '-'}: {msgid[:40]!r}" for ctx, msgid in entries if (ctx, msgid) not in units
        ]
        if unknown:
            raise ValueError(f"{member_name}: unknown segments: {'; '.join(unknown[:5])}.")
        return [(translation, units[key], text) for key, text in entries.items() if text]
    if lowered.endswith((".xlf", ".xliff")):
        parsed = parse_xliff(content, name=member_name)
        translation = translation_of(parsed["translation_id"])
        expected = locale.language_code.lower()
        if (parsed["trg"] or "").lower() != expected:
            raise ValueError(f"{member_name}: trgLang is {parsed['trg']!r}, expected {expected!r}.")
        units = {unit.id: unit for unit in units_for(translation)}
        unknown = [unit_id for unit_id in parsed["units"] if unit_id not in units]
        if unknown:
            raise ValueError(f"{member_name}: unknown unit ids: {', '.join(unknown[:5])}.")
        plan = []
        for unit_id, (markup, refs) in parsed["units"].items():
            if markup is None or not markup.strip():
                continue
            if refs != unit_codes(units[unit_id].source):
                raise ValueError(
                    f"{member_name}: unit {unit_id}: broken inline tags (the target's inline codes "
                    "must be exactly the source's)."
                )
            plan.append((translation, units[unit_id], markup))
        return plan
    raise ValueError(f"{member_name}: not a PO or XLIFF file (.po, .xlf or .xliff expected).")


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
    plans, errors = [], []
    for done, (member_name, content) in enumerate(members, start=1):
        try:
            plans += _plan_file(member_name, content, locale, translations_by_uuid)
        except ValueError as error:
            errors.append(str(error))
        progress(done, len(members), member_name)
    if errors:
        raise ImportRejected(errors)
    try:
        with transaction.atomic():
            changed = _write(plans, user)
    except IntegrityError as error:  # a segment saved in the editor meanwhile
        raise ImportRejected(
            [f"{name}: someone saved some of these segments during the import; import it again."]
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
    for translation, unit, text in plans:  # the last file naming a segment wins
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
        if current is not None and current.data == text:
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
