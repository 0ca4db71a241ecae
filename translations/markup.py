"""The markup a translated segment may carry, and the check that keeps it to exactly that.

A segment of a rich-text field (``RichTextField`` or ``RichTextBlock``) may carry the inline
elements its field's ``features`` allow, as Wagtail's own rich-text whitelist derives them
(``EditorHTMLConverter``: ``<b>``/``<strong>`` for bold, ``<i>``/``<em>`` for italic, ``<a>`` for
links), among those wagtail-localize keeps in a segment (``INLINE_TAGS``), and ``<br>``. A link is
``<a id="…">`` naming one of the source segment's links: its address is the source's (or the
translator's override, checked in ``translations.overrides``). A segment of a plain-text field
(title, summary, a CharBlock…) may carry ``<br>`` only, for its line breaks.

Nothing else: no other element, no attribute besides a link's id, no comment, CDATA section,
processing instruction or declaration (wagtail-localize's own check lets those through, and a
browser ends a comment at ``--!>`` and a CDATA section at the first ``>``, where Python's parser
does not: the rest would run as markup), no "<" that opens a tag the parser kept as text, and no
null character (PostgreSQL refuses it).

Every way a translation is stored calls ``problems`` (the editor's segment save, PO and XLIFF
imports) and refuses the text with its messages; machine translations go through ``clean``; what
is already stored is reported by the ``markup`` QA check; what reaches a page is sanitised again
when it is rendered (``translations.safe_html``).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.fields import RichTextField, StreamField
from wagtail_localize.strings import INLINE_TAGS, extract_ids

OPENS_TAG = re.compile(r"<[A-Za-z!/?]")
DROP_WITH_CONTENT = {"script", "style", "template", "textarea", "title", "xmp", "iframe",
                     "noscript", "noembed", "noframes", "object", "svg", "math"}  # fmt: skip


@dataclass(frozen=True)
class Rules:
    """The elements a segment may carry (a link's ``id`` is its only attribute), and the most
    characters its field holds (None: no limit)."""

    tags: frozenset
    max_length: int | None = None

    @property
    def plain(self):
        return self.tags <= {"br"}

    def allowed_list(self):
        return ", ".join(f"<{tag}>" for tag in sorted(self.tags))


PLAIN = Rules(frozenset({"br"}))


@lru_cache(maxsize=64)
def _rich(features):
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    whitelister = EditorHTMLConverter(list(features) if features is not None else None).whitelister
    tags = {name for name in whitelister.element_rules if name in INLINE_TAGS}
    if whitelister.link_handlers:  # page and document links are <a> elements too
        tags.add("a")
    return Rules(frozenset(tags | {"br"}))


def rich(features):
    """The rules of a rich-text field or block with these ``features`` (None: Wagtail's default)."""
    return _rich(tuple(features) if features is not None else None)


def rules_for(model, field_path):
    """The rules of the segment at ``field_path`` (a TranslationContext's field path, such as
    ``body.callout.text`` or ``introduction``) of ``model``."""
    from django.db.models import ManyToOneRel

    name, *rest = field_path.split(".")
    try:
        field = model._meta.get_field(name)
    except Exception:  # a field the model no longer has: the strictest rules
        return PLAIN
    if isinstance(field, RichTextField):
        return rich(field.features)
    if isinstance(field, StreamField):
        return _block_rules(field.stream_block, rest)
    if isinstance(field, ManyToOneRel) and rest:
        return rules_for(field.related_model, ".".join(rest))
    return Rules(PLAIN.tags, getattr(field, "max_length", None))


def _block_rules(block, path):
    from wagtail import blocks

    if isinstance(block, blocks.RichTextBlock):
        return rich(block.features)
    if isinstance(block, blocks.ListBlock):
        return _block_rules(block.child_block, path[1:] if path and path[0] == "item" else path)
    child_blocks = getattr(block, "child_blocks", None)
    if child_blocks and path and path[0] in child_blocks:
        return _block_rules(child_blocks[path[0]], path[1:])
    field = getattr(block, "field", None)  # a CharBlock's form field knows its max_length
    return Rules(PLAIN.tags, getattr(field, "max_length", None))


def rules_by_context(source, contexts):
    """{context id: Rules} for ``contexts`` of the TranslationSource ``source``."""
    model = source.specific_content_type.model_class()
    instance = None
    rules = {}
    for context in contexts:
        field_path = context.field_path
        if not field_path:  # contexts made before wagtail-localize 1.0 have none yet
            instance = instance or source.as_instance()
            field_path = context.get_field_path(instance)
        rules[context.pk] = rules_for(model, field_path) if model is not None else PLAIN
    return rules


def problems(text, rules, source=""):
    """Why ``text`` may not be stored as the translation of ``source`` under ``rules``: a list of
    messages for the translator, empty when it may be stored as it is."""
    found = []

    def add(message):
        if message not in found:
            found.append(message)

    if "\x00" in text:
        add(_("The text contains a null character."))
    soup = BeautifulSoup(text, "html.parser")
    length = len(soup.get_text())
    if rules.max_length and length > rules.max_length:
        add(
            ngettext(  # Django's own message, in Django's catalogs
                "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
                "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
                rules.max_length,
            )
            % {"limit_value": rules.max_length, "show_value": length}
        )
    source_ids = extract_ids(source) if source else set()
    for node in soup.descendants:
        if isinstance(node, PreformattedString):
            add(
                _(
                    "HTML comments, CDATA sections, declarations and processing instructions "
                    "are not allowed in a translation."
                )
            )
        elif isinstance(node, NavigableString):
            if OPENS_TAG.search(node):
                add(_("“<” followed by a letter opens a tag: put a space after it or remove it."))
        elif isinstance(node, Tag):
            _check_tag(node, rules, source_ids, add)
    return found


def _check_tag(tag, rules, source_ids, add):
    if tag.name not in rules.tags:
        if rules.plain:
            add(
                _("This field is plain text: <%(tag)s> is not allowed (only line breaks are).")
                % {"tag": tag.name}
            )
        else:
            add(
                _("<%(tag)s> is not allowed in this field; it allows %(allowed)s.")
                % {"tag": tag.name, "allowed": rules.allowed_list()}
            )
        return
    attributes = set(tag.attrs) - ({"id"} if tag.name == "a" else set())
    if attributes:
        add(
            _("<%(tag)s> may not have attributes here (found %(attributes)s).")
            % {"tag": tag.name, "attributes": ", ".join(sorted(attributes))}
        )
    link_id = tag.attrs.get("id") if tag.name == "a" else None
    if link_id is not None and link_id not in source_ids:
        add(_("The link “%(id)s” is not in the source: keep the source's links.") % {"id": link_id})


def clean(text, rules, source=""):
    """``text`` reduced to what ``rules`` allow: comments and the like removed, elements it does
    not allow unwrapped (script-like ones dropped with their content), attributes removed but
    for the ids of the source's links. A text ``problems`` accepts comes back unchanged."""
    if not problems(text, rules, source):
        return text
    text = text.replace("\x00", "")
    soup = BeautifulSoup(text, "html.parser")
    source_ids = extract_ids(source) if source else set()
    for node in list(soup.descendants):
        if isinstance(node, PreformattedString):
            node.extract()
    for tag in list(soup.find_all(True)):
        if tag.decomposed:
            continue
        if tag.name in DROP_WITH_CONTENT and tag.name not in rules.tags:
            tag.decompose()
        elif tag.name not in rules.tags:
            tag.unwrap()
        else:
            link_id = tag.attrs.get("id") if tag.name == "a" else None
            tag.attrs = {"id": link_id} if link_id in source_ids else {}
    return str(soup)  # text nodes come out escaped: a stray "<" becomes "&lt;"


def refusal(messages):
    """One message for a refused translation."""
    return _("Not saved: %(reasons)s") % {"reasons": " ".join(messages)}
