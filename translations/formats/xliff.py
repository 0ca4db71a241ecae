"""XLIFF 2 (OASIS core; 2.0 written, 2.0 and 2.1 read): one <file> per translation, one
<unit>/<segment> per string.

A plain-text field's segment is text (its line breaks newlines, kept with ``xml:space``); the
inline HTML tags of a rich-text segment (bold, italic, links…) become ``<pc>`` (paired) and ``<ph>``
(standalone) elements whose original markup is kept in the unit's ``<originalData>``; on import
the target's inline codes must be exactly the source's, and are turned back into the markup.
"""

import html
import xml.etree.ElementTree as ET  # noqa: S405 (writing only; reading uses defusedxml)
from html.parser import HTMLParser

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.xml import tostring_with_default_namespace

from .segments import as_text, rules_of

NS = "urn:oasis:names:tc:xliff:document:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
VOID = {"br", "img", "hr", "wbr"}


def q(name):
    return f"{{{NS}}}{name}"


class _Tokens(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, self.get_starttag_text()))

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(("void", tag, self.get_starttag_text()))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag, f"</{tag}>"))

    def handle_data(self, data):
        self.tokens.append(("text", None, data))


def tokens(markup):
    parser = _Tokens()
    parser.feed(markup)
    parser.close()
    return parser.tokens


def inline_codes(markup):
    """The original markup of each inline code, by data id, in document order."""
    data, counter = {}, 0
    for kind, _tag, text in tokens(markup):
        if kind != "text":
            counter += 1
            data[f"d{counter}"] = text
    return data


def fill_inline(element, markup):
    """Write ``markup`` into ``element`` as text with <pc>/<ph> codes (data ids d1, d2…)."""
    stack, counter, pc_id = [element], 0, 0

    def append_text(text):
        current = stack[-1]
        if len(current):
            current[-1].tail = (current[-1].tail or "") + text
        else:
            current.text = (current.text or "") + text

    for kind, tag, _text in tokens(markup):
        if kind == "text":
            append_text(_text)
            continue
        counter += 1
        if kind == "start" and tag not in VOID:
            pc_id += 1
            pc = ET.SubElement(
                stack[-1], q("pc"), {"id": str(pc_id), "dataRefStart": f"d{counter}"}
            )
            stack.append(pc)
        elif kind == "end" and len(stack) > 1:
            stack[-1].set("dataRefEnd", f"d{counter}")
            stack.pop()
        else:
            pc_id += 1
            ET.SubElement(stack[-1], q("ph"), {"id": str(pc_id), "dataRef": f"d{counter}"})


class InlineError(ValueError):
    """Inline codes that cannot be turned back into the source's markup."""


class _Reader:
    """Reads the inline content of one unit's <source>s or <target>s into markup: <pc> (paired),
    <sc>/<ec> (a start and an end code, possibly in two segments), <ph> (standalone) codes become
    their original data; <mrk>/<sm>/<em> annotations keep their text; <cp> is its character.
    ``refs`` collects the data ids used."""

    def __init__(self, data):
        self.data, self.refs, self.open = data, [], {}

    def code(self, ref):
        if ref not in self.data:
            raise InlineError(_("an inline code refers to unknown original data"))
        self.refs.append(ref)
        return self.data[ref]

    def read(self, element):
        out = [html.escape(element.text or "", quote=False)]
        for child in element:
            name = child.tag.removeprefix(f"{{{NS}}}")
            if name == "pc":
                start = self.code(child.get("dataRefStart"))
                inner = self.read(child)
                out += [start, inner, self.code(child.get("dataRefEnd"))]
            elif name == "ph":
                out.append(self.code(child.get("dataRef")))
            elif name == "sc":
                self.open[child.get("id")] = True
                out.append(self.code(child.get("dataRef")))
            elif name == "ec":
                started = self.open.pop(child.get("startRef"), None)
                if child.get("isolated") != "yes" and not started:
                    raise InlineError(_("an end code comes before its start code"))
                out.append(self.code(child.get("dataRef")))
            elif name == "mrk":
                out.append(self.read(child))
            elif name == "cp":
                try:
                    out.append(html.escape(chr(int(child.get("hex", ""), 16)), quote=False))
                except (ValueError, OverflowError) as error:
                    raise InlineError(_("a <cp> element with an invalid code point")) from error
            elif name not in ("sm", "em"):
                raise InlineError(
                    _("unexpected element <%(name)s> inside a segment") % {"name": name}
                )
            out.append(html.escape(child.tail or "", quote=False))
        return "".join(out)


def read_inline(element, data, refs):
    """Markup from an XLIFF source/target element; ``refs`` collects the data ids used."""
    reader = _Reader(data)
    markup = reader.read(element)
    refs += reader.refs
    return markup


def check_nesting(markup):
    """ValueError if the tags of ``markup`` are not well nested (``</b>…<b>``, ``<b><i></b></i>``,
    a start without its end)."""
    stack = []
    for kind, tag, text in tokens(markup):
        if kind == "start" and tag not in VOID:
            stack.append(tag)
        elif kind == "end" and tag not in VOID:
            if not stack or stack[-1] != tag:
                raise InlineError(
                    _("the inline codes are out of order (%(tag)s before its start)")
                    % {"tag": text}
                )
            stack.pop()
    if stack:
        raise InlineError(
            _("the inline codes are out of order (<%(tag)s> without its end)") % {"tag": stack[-1]}
        )


def _xliff_lang(code):
    language, _sep, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def export_xliff(translation, units):
    root = ET.Element(
        q("xliff"),
        {
            "version": "2.0",
            "srcLang": _xliff_lang(translation.source.locale.language_code),
            "trgLang": _xliff_lang(translation.target_locale.language_code),
        },
    )
    file = ET.SubElement(
        root,
        q("file"),
        {"id": f"t{translation.uuid}", "original": str(translation.source.object_repr)},
    )
    inline = []
    notes = ET.SubElement(file, q("notes"))
    ET.SubElement(notes, q("note"), {"category": "translation-id"}).text = str(translation.uuid)
    rules = rules_of(translation, units)
    for unit in units:
        element = ET.SubElement(file, q("unit"), {"id": unit.id})
        unit_notes = ET.SubElement(element, q("notes"))
        ET.SubElement(unit_notes, q("note"), {"category": "location"}).text = unit.path
        source, target = unit.source, unit.target
        if rules[unit.context_id].plain:  # text, its line breaks as newlines: no inline codes
            source, target = (html.escape(as_text(text), quote=False) for text in (source, target))
        codes = inline_codes(source)
        if codes:
            original = ET.SubElement(element, q("originalData"))
            for data_id, markup in codes.items():
                ET.SubElement(original, q("data"), {"id": data_id}).text = markup
        state = "translated" if target else "initial"
        segment = ET.SubElement(element, q("segment"), {"state": state})
        space = {XML_SPACE: "preserve"} if "\n" in source + target else {}
        inline.append((ET.SubElement(segment, q("source"), space), source))
        if target:
            inline.append((ET.SubElement(segment, q("target"), space), target))
    # Indent the structure only: whitespace inside <source>/<target> is content.
    ET.indent(root)
    for element, markup in inline:
        fill_inline(element, markup)
    return tostring_with_default_namespace(root, NS, encoding="utf-8", xml_declaration=True)


VERSIONS = ("2.0", "2.1")  # 2.1 keeps 2.0's core and namespace


def _joined(unit, unit_id, data):
    """(source markup, target markup or None, data ids the target uses) of ``unit``: its
    <segment>s and <ignorable>s joined back in order (a target's ``order`` attribute moves it),
    an <ignorable> without a target giving its source's text (XLIFF 2 §4.2.2.4)."""
    parts = [child for child in unit if child.tag in (q("segment"), q("ignorable"))]
    segments = [child for child in parts if child.tag == q("segment")]
    if not segments:
        raise ValueError(_("it has no <segment>"))
    ids = [child.get("id") for child in parts if child.get("id")]
    if len(ids) != len(set(ids)):
        raise ValueError(_("two of its segments have the same id"))
    translated = [child.find(q("target")) is not None for child in segments]
    if any(translated) and not all(translated):
        missing = translated.count(False)
        raise ValueError(
            ngettext(
                "%(missing)s of its %(count)s segments has no target: translate all of them",
                "%(missing)s of its %(count)s segments have no target: translate all of them",
                missing,
            )
            % {"missing": missing, "count": len(segments)}
        )
    sources, targets, source_reader, target_reader = [], [], _Reader(data), _Reader(data)
    for position, child in enumerate(parts, start=1):
        source = child.find(q("source"))
        if source is None:
            raise ValueError(_("a segment without its <source>"))
        sources.append(source_reader.read(source))
        if not translated[0]:
            continue
        target = child.find(q("target"))
        if target is None:  # an <ignorable>: its source's text, in place
            targets.append((position, html.escape("".join(source.itertext()), quote=False)))
            continue
        order = target.get("order", str(position))
        if not order.isdigit():
            raise ValueError(_("a target's order is not a number"))
        targets.append((int(order), target_reader.read(target)))
    if not translated[0]:
        return "".join(sources), None, []
    if sorted(order for order, _text in targets) != list(range(1, len(parts) + 1)):
        raise ValueError(_("the order of its targets is not a permutation of its segments"))
    target = "".join(text for _order, text in sorted(targets))
    check_nesting(target)
    return "".join(sources), target, sorted(target_reader.refs)


def parse_xliff(content, *, name):
    """{"translation_id", "src", "trg", "units": {unit id: (target markup or None, data ids
    used)}, "sources": {unit id: source markup}, "data": {unit id: {data id: original markup}}},
    units in file order (also those inside <group>s), or ValueError saying why the file is
    refused.

    What XLIFF 2.0 and 2.1 allow is read: a unit split into several segments (joined back in
    order, with the <ignorable> whitespace between them), annotations, start and end codes in
    different segments. What they forbid is refused: no srcLang, a unit or data id given twice,
    codes out of order. Inline codes are resolved against the file's own originalData here; the
    importer checks that it is exactly the source's, and that each joined source is the page's.
    """
    try:
        root = SafeET.fromstring(content)
    except (SafeET.ParseError, DefusedXmlException) as error:
        raise ValueError(
            _("%(name)s: not a well-formed XML file (%(error)s).") % {"name": name, "error": error}
        ) from error
    if root.tag != q("xliff"):
        raise ValueError(
            _("%(name)s: not an XLIFF 2.0 document (expected the OASIS 2.0 namespace).")
            % {"name": name}
        )
    if root.get("version") not in VERSIONS:
        raise ValueError(
            _("%(name)s: XLIFF version %(version)s is not supported (2.0 or 2.1 expected).")
            % {"name": name, "version": root.get("version") or "?"}
        )
    if not (root.get("srcLang") or "").strip():
        raise ValueError(
            _("%(name)s: the <xliff> element has no srcLang (the source language), which XLIFF "
              "requires.") % {"name": name}
        )  # fmt: skip
    files = root.findall(q("file"))
    if len(files) != 1:
        raise ValueError(
            _("%(name)s: expected exactly one <file>, found %(count)s.")
            % {"name": name, "count": len(files)}
        )
    note = files[0].find(f"{q('notes')}/{q('note')}[@category='translation-id']")
    if note is None or not (note.text or "").strip():
        raise ValueError(_("%(name)s: the translation id note is missing.") % {"name": name})
    units, sources, original_data = {}, {}, {}
    for unit in files[0].iter(q("unit")):
        unit_id = unit.get("id", "")
        if not unit_id:
            raise ValueError(_("%(name)s: a unit without an id.") % {"name": name})
        if unit_id in units:
            raise ValueError(
                _("%(name)s: unit %(unit)s appears twice.") % {"name": name, "unit": unit_id}
            )
        data = {}
        for item in unit.findall(f"{q('originalData')}/{q('data')}"):
            if item.get("id") in data:
                raise ValueError(
                    _("%(name)s: unit %(unit)s: its original data %(data)s appears twice.")
                    % {"name": name, "unit": unit_id, "data": item.get("id")}
                )
            data[item.get("id")] = item.text or ""
        try:
            source, markup, refs = _joined(unit, unit_id, data)
        except InlineError as error:
            raise ValueError(
                _("%(name)s: unit %(unit)s: broken inline tags (%(error)s).")
                % {"name": name, "unit": unit_id, "error": error}
            ) from error
        except ValueError as error:
            raise ValueError(
                _("%(name)s: unit %(unit)s: %(error)s.")
                % {"name": name, "unit": unit_id, "error": error}
            ) from error
        units[unit_id] = (markup, refs)
        sources[unit_id] = source
        original_data[unit_id] = data
    return {"translation_id": note.text.strip(), "src": root.get("srcLang"),
            "trg": root.get("trgLang"), "units": units, "sources": sources,
            "data": original_data}  # fmt: skip


def unit_codes(markup):
    return sorted(inline_codes(markup))
