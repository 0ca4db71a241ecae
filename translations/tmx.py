"""TMX 1.4 (Translation Memory eXchange) export and import of a locale pair's memory.

Export: one ``<tu>`` per memory entry, with a ``<tuv>`` in the source and one in the target
language (``xml:lang`` as BCP 47: ``pt-BR``). A segment's inline markup (``<b>``, ``<a id="a1">``)
travels as TMX inline codes: ``<bpt>``/``<ept>`` for a pair of tags, ``<ph>`` for a lone one,
each holding the native code, so CAT tools protect it and the import restores it.

Import: read with defusedxml (no DTDs, entities or external references), validated whole before
anything is stored, stored in one transaction. Refused, with every reason: a file that is not XML
or not TMX 1.4, larger than ``MAX_TMX_BYTES``, whose source language is not the memory's, with no
unit in the target language, a unit without a ``<tuv>`` in either language or with an empty
segment.
"""

import re
import xml.etree.ElementTree as ET  # noqa: S405 (writing only; reading uses defusedxml)
from datetime import UTC, datetime

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import memory
from .formats import ImportRejected

MAX_TMX_BYTES = 20 * 1024 * 1024
MAX_ERRORS = 10
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TAG = re.compile(r"(<[^>]+>)")
OPENING = re.compile(r"<([A-Za-z][\w-]*)[^>]*?(?<!/)>")
CLOSING = re.compile(r"</([A-Za-z][\w-]*)\s*>")
INLINE_CODES = {"bpt", "ept", "ph", "it"}
CREATION_TOOL = "ninez-migrante-cms"


def language_tag(code):
    """Wagtail's language code as a BCP 47 tag: ``pt-br`` → ``pt-BR``."""
    language, _sep, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def same_language(tag, code):
    """Whether a TMX language tag names the locale ``code``: the same tag (case apart), or, for
    a locale without a region, the same language (``es-ES`` for ``es``)."""
    tag, code = (tag or "").strip().lower().replace("_", "-"), code.lower()
    return tag == code or ("-" not in code and tag.split("-")[0] == code)


# --- export ----------------------------------------------------------------------------------


def _segment(parent, text):
    """``text`` into the ``<seg>`` element ``parent``: text and inline codes."""
    pieces = TAG.split(text)
    pairs, stack, number = {}, [], 0
    for index, piece in enumerate(pieces):  # match opening and closing tags first
        if opening := OPENING.fullmatch(piece):
            stack.append((opening.group(1).lower(), index))
        elif (
            (closing := CLOSING.fullmatch(piece))
            and stack
            and stack[-1][0] == closing.group(1).lower()
        ):
            _name, start = stack.pop()
            number += 1
            pairs[start], pairs[index] = ("bpt", number), ("ept", number)
    last = None
    for index, piece in enumerate(pieces):
        if not piece:
            continue
        if index % 2 == 0:  # text
            if last is None:
                parent.text = (parent.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
            continue
        kind, number = pairs.get(index, ("ph", None))
        last = ET.SubElement(parent, kind, {"i": str(number)} if number else {})
        last.text = piece


def export_tmx(*, source_locale, target_locale, progress=memory._noop):
    """The memory of a locale pair as a TMX 1.4 document (bytes, UTF-8)."""
    from .models import MemoryEntry

    now = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    source_tag, target_tag = (
        language_tag(source_locale.language_code),
        language_tag(target_locale.language_code),
    )
    root = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(
        root, "header",
        {
            "creationtool": CREATION_TOOL, "creationtoolversion": "1", "segtype": "sentence",
            "o-tmf": "wagtail-localize", "adminlang": "en", "srclang": source_tag,
            "datatype": "html", "creationdate": now,
        },
    )  # fmt: skip
    body = ET.SubElement(root, "body")
    entries = MemoryEntry.objects.filter(
        source_locale=source_locale, target_locale=target_locale
    ).order_by("pk")
    total = entries.count()
    for done, entry in enumerate(entries.iterator(chunk_size=2000), start=1):
        unit = ET.SubElement(
            body,
            "tu",
            {"tuid": str(entry.pk), "changedate": entry.updated_at.strftime("%Y%m%dT%H%M%SZ")},
        )
        for tag, text in ((source_tag, entry.source), (target_tag, entry.target)):
            variant = ET.SubElement(unit, "tuv", {XML_LANG: tag})
            _segment(ET.SubElement(variant, "seg"), text)
        if done % 1000 == 0 or done == total:
            progress(done, total)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# --- import ----------------------------------------------------------------------------------


def _seg_text(seg):
    """A ``<seg>``'s text with its inline codes' native code put back (``<hi>`` and ``<sub>``
    keep their text)."""
    parts = [seg.text or ""]
    for child in seg:
        name = child.tag.rsplit("}", 1)[-1]
        if name in INLINE_CODES:
            parts.append("".join(child.itertext()))
        else:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _variant_lang(variant):
    return variant.get(XML_LANG) or variant.get("lang") or ""


def read_tmx(data, *, source_locale, target_locale):
    """[(source, target)] of a TMX document for the pair; raises ``ImportRejected`` with every
    reason (up to ``MAX_ERRORS``) when the file is refused."""
    source_code, target_code = source_locale.language_code, target_locale.language_code
    if len(data) > MAX_TMX_BYTES:
        raise ImportRejected(
            [_("The file is larger than %(limit)s MB.") % {"limit": MAX_TMX_BYTES // 2**20}]
        )
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ImportRejected(
            [_("The file declares a DTD or entities, which are not accepted.")]
        ) from None
    except SafeET.ParseError as error:
        line, column = error.position
        raise ImportRejected(
            [
                _("The file is not well-formed XML (line %(line)s, column %(column)s).")
                % {"line": line, "column": column}
            ]
        ) from None
    if root.tag != "tmx":
        raise ImportRejected([_("The file is not a TMX document (its root is not <tmx>).")])
    if root.get("version") != "1.4":
        raise ImportRejected(
            [
                _("Only TMX 1.4 is accepted; this file says version “%(version)s”.")
                % {"version": root.get("version", "")}
            ]
        )
    header, body = root.find("header"), root.find("body")
    if header is None or body is None:
        raise ImportRejected([_("The TMX file has no <header> or no <body>.")])
    srclang = header.get("srclang", "")
    if srclang.lower() != "*all*" and not same_language(srclang, source_code):
        raise ImportRejected(
            [
                _(
                    "The file's source language is “%(found)s”; this memory translates from "
                    "“%(expected)s”."
                )
                % {"found": srclang, "expected": language_tag(source_code)}
            ]
        )
    errors, pairs = [], []
    units = body.findall("tu")
    in_target = 0
    for number, unit in enumerate(units, start=1):
        variants = unit.findall("tuv")
        source = [v for v in variants if same_language(_variant_lang(v), source_code)]
        target = [v for v in variants if same_language(_variant_lang(v), target_code)]
        in_target += bool(target)
        if not source or not target:
            missing = language_tag(source_code if not source else target_code)
            errors.append(
                _("Unit %(number)s (tuid “%(tuid)s”) has no <tuv> in %(language)s.")
                % {"number": number, "tuid": unit.get("tuid", ""), "language": missing}
            )
            continue
        texts = []
        for variant in (source[0], target[0]):
            seg = variant.find("seg")
            text = _seg_text(seg).strip() if seg is not None else ""
            if not text:
                errors.append(
                    _("Unit %(number)s (tuid “%(tuid)s”) has an empty or missing <seg>.")
                    % {"number": number, "tuid": unit.get("tuid", "")}
                )
                break
            texts.append(text)
        else:
            pairs.append(tuple(texts))
    if units and not in_target:
        raise ImportRejected(
            [
                _("No unit of the file is in %(language)s: it is for another language pair.")
                % {"language": language_tag(target_code)}
            ]
        )
    if not units:
        errors.append(_("The file has no translation units."))
    if errors:
        more = len(errors) - MAX_ERRORS
        shown = errors[:MAX_ERRORS]
        if more > 0:
            shown.append(
                ngettext("… and %(count)s more problem.", "… and %(count)s more problems.", more)
                % {"count": more}
            )
        raise ImportRejected(shown)
    return pairs


def import_tmx(data, *, source_locale, target_locale, user=None, progress=memory._noop):
    """Validate the whole file, then store its units in the pair's memory in one transaction.
    Returns (added, updated)."""
    from .models import MemoryEntry

    pairs = read_tmx(data, source_locale=source_locale, target_locale=target_locale)
    return memory.store(
        source_locale=source_locale,
        target_locale=target_locale,
        pairs=pairs,
        origin=MemoryEntry.IMPORTED,
        user=user,
        progress=progress,
    )


def start_import(data, *, name, source_locale, target_locale, user=None):
    """The admin's import: the file is validated now (``ImportRejected`` with the reasons, nothing
    stored) and its units stored by a background task, with progress in a ``MemoryImport``."""
    from django.db import transaction

    from .models import MemoryImport
    from .tasks import run_memory_import_task

    pairs = read_tmx(data, source_locale=source_locale, target_locale=target_locale)
    job = MemoryImport.objects.create(
        locale=target_locale, user=user, name=name[:255], data=data, total=len(pairs)
    )
    transaction.on_commit(lambda: run_memory_import_task.enqueue(import_id=job.pk))
    return job


def run_import(import_id):
    """Store the units of a validated ``MemoryImport`` (all in one transaction), writing
    progress as it goes; the file is dropped once done."""
    from wagtail.models import Locale

    from .models import MemoryImport

    jobs = MemoryImport.objects.filter(pk=import_id)
    job = jobs.select_related("locale").first()
    if job is None or job.status != MemoryImport.QUEUED:
        return None
    jobs.update(status=MemoryImport.RUNNING)

    def progress(done, total, item=None):
        jobs.update(done=done, total=total)

    try:
        added, updated = import_tmx(
            bytes(job.data),
            source_locale=Locale.get_default(),
            target_locale=job.locale,
            user=job.user,
            progress=progress,
        )
    except Exception as error:  # recorded for the user; nothing was stored (one transaction)
        jobs.update(status=MemoryImport.FAILED, message=str(error), data=b"")
        raise
    jobs.update(status=MemoryImport.DONE, added=added, updated=updated, data=b"")
    return added, updated
