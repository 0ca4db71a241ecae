"""PO files of one translation: export, and a strict reading that refuses cut or altered files.

A PO file has no end of its own: a file cut at a line break reads as a shorter, valid file, and
polib accepts a string cut before its closing quote. So an exported file states how many entries
it has (``X-Segment-Count``) and ends with an entry that marks its end (``END_CONTEXT``); reading
checks the syntax line by line (every string closed, every entry with its msgstr), the count, the
end marker, and that no entry appears twice. The order of the entries is checked against the
source by the importer.
"""

import datetime
import os
import re
import tempfile

import polib
from babel.messages.plurals import get_plural
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import to_locale
from wagtail_localize.models import StringTranslation

from .segments import as_text, readable, rules_of

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
SEGMENT_COUNT = "X-Segment-Count"
END_CONTEXT = "end-of-file"
END_TEXT = "This entry marks the end of the file: leave it as it is."
END_COMMENT = "Marks the end of the file; an import checks that it is there."

STRING = r'"(?:[^"\\]|\\.)*"'
KEYWORD_LINE = re.compile(rf"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{STRING}\s*$")
CONTINUATION = re.compile(rf"^\s*{STRING}\s*$")


def po_text(unit, rules):
    """What a PO file says for ``unit``'s source and target: text for a plain-text field,
    markup for a rich-text one."""
    if rules[unit.context_id].plain:
        return as_text(unit.source), as_text(unit.target)
    return readable(unit.source), readable(unit.target)


def _po_date(moment):
    return timezone.localtime(moment, datetime.UTC).strftime("%Y-%m-%d %H:%M+0000")


def _plural_forms(language):
    try:
        return str(get_plural(language))
    except ValueError:  # a language CLDR does not know: gettext's default, two forms
        return "nplurals=2; plural=(n != 1);"


def headers(translation, units):
    """The PO header of ``translation``: the fields gettext's tools expect (``msgfmt --check``),
    with the last translator and the time of the last change of its targets."""
    source, locale = translation.source, translation.target_locale
    language = to_locale(locale.language_code)
    last = (
        StringTranslation.objects.filter(
            locale_id=locale.pk, context_id__in={unit.context_id for unit in units}
        )
        .select_related("last_translated_by")
        .order_by("-updated_at")
        .first()
    )
    translator = last.last_translated_by if last is not None else None
    if translator is None:
        last_translator = settings.WAGTAIL_SITE_NAME
    else:
        name = translator.get_full_name() or translator.get_username()
        last_translator = f"{name} <{translator.email}>" if translator.email else name
    return {
        "Project-Id-Version": f"{settings.WAGTAIL_SITE_NAME}: {source.object_repr}",
        "POT-Creation-Date": _po_date(source.last_updated_at),
        "PO-Revision-Date": _po_date(last.updated_at if last else translation.created_at),
        "Last-Translator": last_translator,
        "Language-Team": f"{locale.get_display_name() or locale.language_code} ({language})",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": _plural_forms(language),
    }


def export_po(translation, units):
    """The PO file (bytes) of ``translation``: one entry per source text and place (a text that
    appears twice in the same field has one translation), in the source's order; a plain-text
    field's entries as text, a rich-text field's as markup."""
    po = polib.POFile(wrapwidth=200)
    entries, seen = [], set()
    rules = rules_of(translation, units)
    for unit in units:
        source, target = po_text(unit, rules)
        key = (unit.path, source)
        if key not in seen:
            seen.add(key)
            entries.append(polib.POEntry(msgid=source, msgctxt=unit.path, msgstr=target))
    po.metadata = {
        **headers(translation, units),
        TRANSLATION_ID: str(translation.uuid),
        SEGMENT_COUNT: str(len(entries)),
    }
    for entry in entries:
        po.append(entry)
    po.append(
        polib.POEntry(msgctxt=END_CONTEXT, msgid=END_TEXT, msgstr=END_TEXT, comment=END_COMMENT)
    )
    return str(po).encode("utf-8")


def _check_syntax(text, name):
    """Every line a comment, a keyword with one closed string, or a closed continuation string;
    every entry with its msgid and msgstr. Raises ValueError naming the first bad line."""
    state = "between"  # between entries, or after msgctxt / msgid / msgstr
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            if state in ("msgctxt", "msgid") and not line.lstrip().startswith("#~"):
                raise ValueError(
                    _("%(name)s: line %(line)s: an entry without its msgstr (is the file cut?).")
                    % {"name": name, "line": number}
                )
            if not line.strip() and state == "msgstr":
                state = "between"
            continue
        keyword = KEYWORD_LINE.match(line)
        if keyword:
            word = keyword.group(1)
            kind = "msgstr" if word.startswith("msgstr") else word
            allowed = {
                "msgctxt": ("between", "msgstr"),
                "msgid": ("between", "msgctxt", "msgstr"),
                "msgid_plural": ("msgid",),
                "msgstr": ("msgid", "msgid_plural", "msgstr"),
            }[kind]
            if state not in allowed:
                raise ValueError(
                    _("%(name)s: line %(line)s: “%(word)s” out of place.")
                    % {"name": name, "line": number, "word": word}
                )
            state = "msgid" if kind == "msgid_plural" else kind
            continue
        if CONTINUATION.match(line) and state != "between":
            continue
        raise ValueError(
            _(
                "%(name)s: line %(line)s: not valid PO syntax (a string not closed: is the file "
                "cut?)."
            )
            % {"name": name, "line": number}
        )
    if state in ("msgctxt", "msgid"):
        raise ValueError(
            _("%(name)s: the last entry has no msgstr: the file is cut.") % {"name": name}
        )


def read_po(content, name):
    """(translation id, [(context, source, target)] in file order) of a PO file exported by
    ``export_po``, or ValueError saying what is wrong with it."""
    if b"\x00" in content:
        raise ValueError(_("%(name)s: not a PO file (binary content).") % {"name": name})
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            _("%(name)s: not a UTF-8 PO file (%(error)s).") % {"name": name, "error": error}
        ) from error
    _check_syntax(text, name)
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(content)  # polib.pofile(str) would also read a *filename* given as content
    try:
        po = polib.pofile(handle.name, encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ValueError(
            _("%(name)s: not a valid PO file (%(error)s).") % {"name": name, "error": error}
        ) from error
    finally:
        os.unlink(handle.name)
    translation_id = po.metadata.get(TRANSLATION_ID, "").strip()
    if not translation_id:
        raise ValueError(
            _("%(name)s: the %(header)s header is missing.")
            % {"name": name, "header": TRANSLATION_ID}
        )
    entries = [entry for entry in po if not entry.obsolete]
    if not entries or (entries[-1].msgctxt, entries[-1].msgid) != (END_CONTEXT, END_TEXT):
        raise ValueError(
            _(
                "%(name)s: the end-of-file entry is missing or not last: the file is cut or was "
                "changed. Export it again."
            )
            % {"name": name}
        )
    entries = entries[:-1]
    seen = set()
    for entry in entries:
        key = (entry.msgctxt or "", entry.msgid)
        if key in seen or key == (END_CONTEXT, END_TEXT):
            raise ValueError(
                _("%(name)s: the entry %(context)s “%(text)s” appears twice.")
                % {"name": name, "context": key[0], "text": key[1][:40]}
            )
        seen.add(key)
    count = po.metadata.get(SEGMENT_COUNT, "").strip()
    if not count.isdigit():
        raise ValueError(
            _("%(name)s: the %(header)s header is missing. Export it again.")
            % {"name": name, "header": SEGMENT_COUNT}
        )
    if int(count) != len(entries):
        raise ValueError(
            _(
                "%(name)s: %(found)s entries where the file says %(count)s: entries were "
                "removed or added."
            )
            % {"name": name, "found": len(entries), "count": count}
        )
    return translation_id, [(entry.msgctxt or "", entry.msgid, entry.msgstr) for entry in entries]
