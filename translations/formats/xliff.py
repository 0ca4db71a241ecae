"""XLIFF 2.0 (OASIS core): one <file> per translation, one <unit>/<segment> per string.

Inline HTML tags of a segment (bold, italic, links…) become ``<pc>`` (paired) and ``<ph>``
(standalone) elements whose original markup is kept in the unit's ``<originalData>``; on import
the target's inline codes must be exactly the source's, and are turned back into the markup.
"""

import html
import xml.etree.ElementTree as ET  # noqa: S405 (writing only; reading uses defusedxml)
from html.parser import HTMLParser

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

NS = "urn:oasis:names:tc:xliff:document:2.0"
VOID = {"br", "img", "hr", "wbr"}
ET.register_namespace("", NS)


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


def read_inline(element, data, refs):
    """Markup from an XLIFF source/target element; ``refs`` collects the data ids used."""
    out = [html.escape(element.text or "", quote=False)]
    for child in element:
        name = child.tag.removeprefix(f"{{{NS}}}")
        if name == "pc":
            start, end = child.get("dataRefStart"), child.get("dataRefEnd")
            if start not in data or end not in data:
                raise ValueError(_("an inline code refers to unknown original data"))
            refs += [start, end]
            out += [data[start], read_inline(child, data, refs), data[end]]
        elif name == "ph":
            ref = child.get("dataRef")
            if ref not in data:
                raise ValueError(_("an inline code refers to unknown original data"))
            refs.append(ref)
            out.append(data[ref])
        else:
            raise ValueError(_("unexpected element <%(name)s> inside a segment") % {"name": name})
        out.append(html.escape(child.tail or "", quote=False))
    return "".join(out)


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
    for unit in units:
        element = ET.SubElement(file, q("unit"), {"id": unit.id})
        unit_notes = ET.SubElement(element, q("notes"))
        ET.SubElement(unit_notes, q("note"), {"category": "location"}).text = unit.path
        codes = inline_codes(unit.source)
        if codes:
            original = ET.SubElement(element, q("originalData"))
            for data_id, markup in codes.items():
                ET.SubElement(original, q("data"), {"id": data_id}).text = markup
        state = "translated" if unit.target else "initial"
        segment = ET.SubElement(element, q("segment"), {"state": state})
        inline.append((ET.SubElement(segment, q("source")), unit.source))
        if unit.target:
            inline.append((ET.SubElement(segment, q("target")), unit.target))
    # Indent the structure only: whitespace inside <source>/<target> is content.
    ET.indent(root)
    for element, markup in inline:
        fill_inline(element, markup)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def parse_xliff(content, *, name):
    """{"translation_id", "src", "trg", "units": {unit id: (target markup or None, data ids
    used)}, "data": {unit id: {data id: original markup}}}, units in file order, or ValueError
    (also for a unit id or a data id given twice, or a unit split into several segments).

    Inline codes are resolved against the file's own originalData here; the importer checks
    that it is exactly the source's.
    """
    try:
        root = SafeET.fromstring(content)
    except (SafeET.ParseError, DefusedXmlException) as error:
        raise ValueError(
            _("%(name)s: not a well-formed XML file (%(error)s).") % {"name": name, "error": error}
        ) from error
    if root.tag != q("xliff") or root.get("version") != "2.0":
        raise ValueError(
            _("%(name)s: not an XLIFF 2.0 document (expected the OASIS 2.0 namespace).")
            % {"name": name}
        )
    files = root.findall(q("file"))
    if len(files) != 1:
        raise ValueError(
            _("%(name)s: expected exactly one <file>, found %(count)s.")
            % {"name": name, "count": len(files)}
        )
    note = files[0].find(f"{q('notes')}/{q('note')}[@category='translation-id']")
    if note is None or not (note.text or "").strip():
        raise ValueError(_("%(name)s: the translation id note is missing.") % {"name": name})
    units, original_data = {}, {}
    for unit in files[0].findall(q("unit")):
        unit_id = unit.get("id", "")
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
        segments = unit.findall(q("segment"))
        if len(segments) > 1:
            raise ValueError(
                _("%(name)s: unit %(unit)s has %(count)s segments; join them into one.")
                % {"name": name, "unit": unit_id, "count": len(segments)}
            )
        target = segments[0].find(q("target")) if segments else None
        refs = []
        try:
            markup = read_inline(target, data, refs) if target is not None else None
        except ValueError as error:
            raise ValueError(
                _("%(name)s: unit %(unit)s: broken inline tags (%(error)s).")
                % {"name": name, "unit": unit_id, "error": error}
            ) from error
        units[unit_id] = (markup, sorted(refs))
        original_data[unit_id] = data
    return {"translation_id": note.text.strip(), "src": root.get("srcLang"),
            "trg": root.get("trgLang"), "units": units, "data": original_data}  # fmt: skip


def unit_codes(markup):
    return sorted(inline_codes(markup))
