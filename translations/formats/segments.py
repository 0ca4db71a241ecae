"""The segments of a translation as (unit id, context path, source text, current target).

Texts are stored as wagtail-localize stores them: HTML, also for plain-text fields (escaped
characters such as ``&#x27;``, ``<br>`` for a line break). A CAT tool shows a translator what a
file says, so a plain-text field's segment travels as text (``as_text``) and comes back as
wagtail-localize's HTML (``from_text``); only a rich-text field's segment carries markup.
"""

import html
from dataclasses import dataclass

from bs4 import BeautifulSoup
from wagtail_localize.models import StringSegment, StringTranslation, TranslationContext
from wagtail_localize.strings import StringValue


@dataclass(frozen=True)
class Unit:
    id: str
    path: str
    source: str
    target: str
    string_id: int
    context_id: int


def units_for(translation):
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .order_by("order")
        .values_list("pk", "string_id", "context_id", "string__data", "context__path")
    )
    targets = dict(
        (((string_id, context_id), data))
        for string_id, context_id, data in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context_id__in={context for _pk, _s, context, _d, _p in segments},
        ).values_list("translation_of_id", "context_id", "data")
    )
    return [
        Unit(f"u{pk}", path, data, targets.get((string_id, context_id), ""), string_id, context_id)
        for pk, string_id, context_id, data, path in segments
    ]


def rules_of(translation, units):
    """{context id: markup Rules} of ``units`` of ``translation`` (one query)."""
    from ..markup import rules_by_context

    contexts = TranslationContext.objects.filter(pk__in={unit.context_id for unit in units})
    return rules_by_context(translation.source, contexts)


def as_text(data):
    """The text of a plain-text field's stored segment: characters, line breaks as newlines."""
    return StringValue(data).render_text()


def readable(markup):
    """A rich-text segment's markup with its text's characters written as characters
    (``Carmen's``, not ``Carmen&#x27;s``): only ``&``, ``<`` and ``>`` stay escaped."""
    from .xliff import tokens

    return "".join(
        html.escape(text, quote=False) if kind == "text" else text
        for kind, _tag, text in tokens(markup)
    )


def from_text(text):
    """A plain-text field's segment as wagtail-localize stores it (escaped, ``<br>`` breaks)."""
    return StringValue.from_plaintext(text).data


def same_html(first, second):
    """Whether two stored segments say the same (``Carmen&#x27;s`` and ``Carmen's`` do)."""
    if first == second:
        return True
    return html.unescape(first) == html.unescape(second) and str(
        BeautifulSoup(first, "html.parser")
    ) == str(BeautifulSoup(second, "html.parser"))
