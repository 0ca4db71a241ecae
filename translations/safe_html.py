"""Rich text sanitised on its way out, whatever is stored: the site, the admin preview, the API.

Every translation is checked when it is saved (``translations.markup``), but a page's rich text
may hold markup stored before those checks, or written behind the forms' back; Wagtail's
``richtext`` filter and ``RichText`` values render stored HTML as it is, and its API returns it as
it is. So:

- ``rendered`` cleans the display HTML of every rich text the templates render (Wagtail renders
  all of it through ``wagtailcore/shared/richtext.html``, which this app overrides): the elements
  Wagtail's own whitelist knows, links and images only to http, https and mailto addresses or to
  addresses on the site, no comments, CDATA sections or declarations, script-like elements
  dropped with their content;
- ``database_html`` cleans database-format rich text for the API with Wagtail's own sanitiser for
  the field's ``features`` (``DbHTMLConverter``), minus what it lets through (CDATA sections,
  processing instructions, declarations), and the same address rule;
- ``markdown`` keeps the links and images of the API's Markdown formats to the same addresses;
- ``clean_stream_value`` and ``api_stream`` clean the rich text blocks of a StreamField before
  and after the API makes its representation.
"""

import re
from functools import lru_cache

from bs4 import BeautifulSoup
from bs4.element import PreformattedString
from django.utils.html import escape
from wagtail.whitelist import DEFAULT_ELEMENT_RULES, Whitelister, attribute_rule

ALLOWED_SCHEMES = ("http", "https", "mailto")
SCHEME = re.compile(r"^([a-z0-9][-+.a-z0-9]*):")
DROP_WITH_CONTENT = {"script", "style", "template", "textarea", "title", "xmp", "iframe",
                     "noscript", "noembed", "noframes", "object", "svg", "math"}  # fmt: skip


def safe_url(url):
    """``url`` if it is relative or uses an allowed scheme; None otherwise (as Wagtail's
    ``check_url`` does, ignoring the characters browsers ignore in a scheme)."""
    if not isinstance(url, str):
        return None
    normalized = url.lower().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    normalized = re.sub(r"[`\000-\040\177-\240\s]+", "", normalized).replace("\ufffd", "")
    match = SCHEME.match(normalized)
    if match and match.group(1) not in ALLOWED_SCHEMES:
        return None
    return url


class _Cleaning:
    """What our whitelisters add to Wagtail's: every PreformattedString (comments, CDATA
    sections, processing instructions, declarations) removed, and script-like elements dropped
    with their content rather than unwrapped."""

    def clean_string_node(self, doc, node):
        if isinstance(node, PreformattedString):
            node.extract()

    def clean_tag_node(self, doc, tag):
        if tag.name in DROP_WITH_CONTENT:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


class RenderedWhitelister(_Cleaning, Whitelister):
    element_rules = {
        **DEFAULT_ELEMENT_RULES,
        "a": attribute_rule({"href": safe_url}),
        "img": attribute_rule(
            {"src": safe_url, "width": True, "height": True, "alt": True, "class": True}
        ),
    }


def _unless_unchanged(html, cleaned):
    """``html`` itself when cleaning changed nothing in it (the same tree, written the same way),
    so that clean rich text reaches the page byte for byte as before; else ``cleaned``."""
    untouched = BeautifulSoup(html, "html.parser").decode(formatter=escape)
    return html if cleaned == untouched else cleaned


@lru_cache(maxsize=1024)
def rendered(html):
    """Display HTML (links and embeds expanded) reduced to what rich text may show."""
    if not html:
        return ""
    return _unless_unchanged(html, RenderedWhitelister().clean(html))


@lru_cache(maxsize=64)
def _db_whitelister(features):
    from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter, DbHtmlInputWhitelister

    class Whitelister(_Cleaning, DbHtmlInputWhitelister):
        def clean_tag_node(self, doc, tag):
            super().clean_tag_node(doc, tag)
            if tag.decomposed or tag.name != "a":
                return
            if "href" in tag.attrs and safe_url(tag["href"]) is None:
                del tag["href"]

    return Whitelister(DbHTMLConverter(list(features) if features else None).converter_rules)


def database_html(html, features=None):
    """Database-format rich text reduced to what ``features`` allow."""
    if not html:
        return html
    whitelister = _db_whitelister(tuple(features) if features else None)
    return _unless_unchanged(html, whitelister.clean(html))


MARKDOWN_SCHEMES = (*ALLOWED_SCHEMES, "wagtail")  # db_markdown's references: wagtail://page/3
MARKDOWN_LINK = re.compile(r"(!?)\[((?:[^\]\\]|\\.)*)\]\(((?:[^()\\\s]|\\.)*)(\s+\"[^\"]*\")?\)")


def markdown(text):
    """Markdown (converted by Wagtail through ContentState, so no raw HTML) whose links and
    images point only at allowed addresses: another link or image keeps its text only."""

    def check(match):
        bang, label, destination, _title = match.groups()
        url = re.sub(r"\\(.)", r"\1", destination)
        scheme = SCHEME.match(re.sub(r"[`\000-\040\177-\240\s]+", "", url.lower()))
        if scheme and scheme.group(1) not in MARKDOWN_SCHEMES:
            return label if not bang else ""
        return match.group(0)

    return MARKDOWN_LINK.sub(check, text)


def api_value(value, rich_text_format, features=None):
    """A rich text value as the API serialised it (``rich_text_format``), cleaned."""
    if not isinstance(value, str):
        return value
    if rich_text_format == "db_html":
        return database_html(value, features)
    if rich_text_format == "html":
        return rendered(value)
    return markdown(value)


def clean_stream_value(block, value):
    """``value`` (of ``block``) with each rich text block's source cleaned as stored, in place
    (the API's copy of the page): whatever format the API makes of it starts clean."""
    from wagtail import blocks
    from wagtail.rich_text import RichText

    if value is None:
        return value
    if isinstance(block, blocks.RichTextBlock):
        source = getattr(value, "source", None)
        return RichText(database_html(source, block.features)) if source else value
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            child.value = clean_stream_value(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for child in getattr(value, "bound_blocks", ()):
            child.value = clean_stream_value(block.child_block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            if name in value:
                value[name] = clean_stream_value(child_block, value[name])
    return value


def api_stream(block, data, rich_text_format):
    """The API representation ``data`` of a StreamField (``block``: its StreamBlock), with each
    rich text block's value cleaned."""
    from wagtail import blocks

    if isinstance(block, blocks.RichTextBlock):
        return api_value(data, rich_text_format, block.features)
    if isinstance(block, blocks.StreamBlock) and isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                child = block.child_blocks[item["type"]]
                item["value"] = api_stream(child, item.get("value"), rich_text_format)
        return data
    if isinstance(block, blocks.ListBlock) and isinstance(data, list):
        for index, item in enumerate(data):
            if isinstance(item, dict) and set(item) >= {"type", "value"}:
                item["value"] = api_stream(block.child_block, item["value"], rich_text_format)
            else:
                data[index] = api_stream(block.child_block, item, rich_text_format)
        return data
    if isinstance(block, blocks.StructBlock) and isinstance(data, dict):
        for name, child in block.child_blocks.items():
            if name in data:
                data[name] = api_stream(child, data[name], rich_text_format)
        return data
    return data


def _api_format(context):
    from wagtail.api.rich_text import APIRichText

    rich_text_format = context.get("_wagtail_rich_text_format")
    if rich_text_format is None:
        request = context.get("request")
        raw = request.GET.get("rich_text_format") if request is not None else None
        rich_text_format = APIRichText.resolve_format(raw)
    return rich_text_format


def api_serializer_fields():
    """{model field class: API serializer field} for Wagtail's API v2 serializers: its rich text
    and StreamField serializers, with the rich text cleaned (``serializer_field_mapping``)."""
    from wagtail.api.v2.serializers import RichTextFieldSerializer, StreamField
    from wagtail.fields import RichTextField
    from wagtail.fields import StreamField as StreamModelField

    class SanitizedRichTextField(RichTextFieldSerializer):
        def to_representation(self, value):
            model = getattr(getattr(self.parent, "Meta", None), "model", None)
            try:
                features = model._meta.get_field(self.source).features if model else None
            except Exception:
                features = None
            # Cleaned as stored, then serialised in the format asked for (and cleaned again).
            representation = super().to_representation(database_html(value, features))
            return api_value(representation, _api_format(self.context), features)

    class SanitizedStreamField(StreamField):
        def to_representation(self, value):
            clean_stream_value(value.stream_block, value)  # before any format is made of it
            data = super().to_representation(value)
            return api_stream(value.stream_block, data, _api_format(self.context))

    return {RichTextField: SanitizedRichTextField, StreamModelField: SanitizedStreamField}
