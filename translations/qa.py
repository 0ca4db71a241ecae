"""Quality checks of translated segments.

For every translated segment of a translation:

- ``term_missing``: the source contains a termbase term but the target lacks its approved term;
- ``term_forbidden``: the target uses a forbidden variant of a term;
- ``tags``: inline tags differ from the source's (bold, italic, links…);
- ``links``: link targets differ; ``urls``: URLs written in the text differ;
- ``numbers``: numbers differ (years, percentages, article numbers…);
- ``empty`` / ``untranslated``: the target is empty, or identical to the source (except for
  regional adaptations, where inheriting the source text is the point);
- ``markup``: the target carries markup its field does not allow (``translations.markup``): an
  element, an attribute, a comment… Every way of saving a translation refuses such markup; this
  finds what was stored before, or behind the forms' back. It blocks approval, with no override;
- ``override``: a translator's override of a synchronised value (a link's address, a URL field)
  that its field's validators refuse (``translations.overrides``), such as a ``javascript:``
  address. Blocking too; the translation's preview is not shown while there is one.

``findings_by_translation`` runs a fixed number of queries for any number of translations.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation

from .markup import rules_for

TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)([^>]*)>")
HREF = re.compile(r"""(?:href|id)\s*=\s*["']([^"']*)["']""")
URL = re.compile(r"https?://[^\s<>\"']+")
NUMBER = re.compile(r"(?<![\w/])\d+(?:[.,]\d+)*")
MAY_HAVE_MARKUP = re.compile(r"[<&\x00]")
INHERITED = "inherited"  # tool_name of a regional segment still equal to its source
KEEP_AS_SOURCE = {"slug"}  # fields that may legitimately stay as in the source


# What each kind of finding is called in the interface.
KIND_LABELS = {
    "term_missing": gettext_lazy("Approved term missing"),
    "term_forbidden": gettext_lazy("Forbidden variant"),
    "tags": gettext_lazy("Inline tags"),
    "links": gettext_lazy("Links"),
    "urls": gettext_lazy("URLs"),
    "numbers": gettext_lazy("Numbers"),
    "empty": gettext_lazy("Empty translation"),
    "untranslated": gettext_lazy("Not translated"),
    "markup": gettext_lazy("Markup not allowed"),
    "override": gettext_lazy("Value not allowed"),
}
BLOCKING = {"markup", "override"}  # findings no reviewer may approve over


@dataclass(frozen=True)
class Finding:
    kind: str
    message: str
    source: str
    target: str
    segment_id: int

    @property
    def label(self):
        return KIND_LABELS.get(self.kind, self.kind)


def _text(html):
    return TAG.sub(" ", html)


def _tags(html):
    return sorted((closing, name.lower()) for closing, name, _attrs in TAG.findall(html))


def _contains(text, phrase):
    return re.search(r"(?<!\w)" + re.escape(phrase.casefold()) + r"(?!\w)", text.casefold())


def terms_by_locale(locale_ids, source):
    """{locale_id: [(spanish term, approved term, forbidden variants)]} in one query."""
    from .models import Term, lines

    # A term still to translate holds the Spanish text: no rule for the locale yet.
    entries = (
        Term.objects.filter(locale_id__in=[*locale_ids, source.pk])
        .exclude(to_translate=True)
        .values_list("translation_key", "locale_id", "term", "forbidden_variants")
    )
    spanish, by_locale = {}, defaultdict(list)
    rows = list(entries)
    for key, locale_id, term, _forbidden in rows:
        if locale_id == source.pk:
            spanish[key] = term
    for key, locale_id, term, forbidden in rows:
        if locale_id != source.pk and key in spanish:
            by_locale[locale_id].append((spanish[key], term, lines(forbidden)))
    return by_locale


def check_segment(source, target, *, terms=(), regional=False, inherited=False, rules=None):
    """The findings of one segment, as (kind, message) pairs; with its field's markup ``rules``,
    also the markup the field does not allow."""
    problems = []
    if rules is not None and MAY_HAVE_MARKUP.search(target):
        from .markup import problems as markup_problems

        for message in markup_problems(target, rules, source):
            problems.append(("markup", message))
    if not _text(target).strip():
        return [("empty", _("The translation is empty."))]
    if target.strip() == source.strip() and not (regional or inherited):
        problems.append(("untranslated", _("The translation is identical to the source.")))
    if _tags(source) != _tags(target):
        problems.append(("tags", _("Inline tags differ from the source.")))
    if sorted(HREF.findall(source)) != sorted(HREF.findall(target)):
        problems.append(("links", _("Links differ from the source.")))
    if sorted(URL.findall(_text(source))) != sorted(URL.findall(_text(target))):
        problems.append(("urls", _("URLs differ from the source.")))
    if sorted(NUMBER.findall(_text(source))) != sorted(NUMBER.findall(_text(target))):
        problems.append(("numbers", _("Numbers differ from the source.")))
    source_text, target_text = _text(source), _text(target)
    for spanish, approved, forbidden in terms:
        if _contains(source_text, spanish) and not _contains(target_text, approved):
            problems.append(
                (
                    "term_missing",
                    _("Use the approved term “%(approved)s” for “%(term)s”.")
                    % {"approved": approved, "term": spanish},
                )
            )
        for variant in forbidden:
            if _contains(target_text, variant):
                problems.append(
                    (
                        "term_forbidden",
                        _("“%(variant)s” is a forbidden variant of “%(approved)s”.")
                        % {"variant": variant, "approved": approved},
                    )
                )
    return problems


@dataclass(frozen=True)
class SegmentRows:
    """The string segments of some translations' sources, and their current targets.

    ``by_source``: {source id: [(segment id, string id, context id, source text, path)]};
    ``targets``: {(string id, context id, locale id): (text, translation type, tool name)}, errors
    left out; ``field_paths``: {context id: field path}; ``content_types``: {source id: content
    type id of the source object}."""

    by_source: dict
    targets: dict
    field_paths: dict
    content_types: dict


def load_segments(translations):
    """``SegmentRows`` for ``translations``, in two queries (shared by the status counts and the
    quality checks of the same page)."""
    by_source, field_paths, content_types = defaultdict(list), {}, {}
    for segment_id, source_id, string_id, context_id, data, path, field_path, type_id in (
        StringSegment.objects.filter(source_id__in={t.source_id for t in translations})
        .values_list(
            "id", "source_id", "string_id", "context_id", "string__data", "context__path",
            "context__field_path", "source__specific_content_type_id",
        )
    ):  # fmt: skip
        by_source[source_id].append((segment_id, string_id, context_id, data, path))
        field_paths[context_id] = field_path
        content_types[source_id] = type_id
    targets = {
        (string_id, context_id, locale_id): (data, kind, tool)
        for string_id, context_id, locale_id, data, kind, tool in StringTranslation.objects.filter(
            locale_id__in={t.target_locale_id for t in translations},
            context_id__in={row[2] for rows in by_source.values() for row in rows},
            has_error=False,
        ).values_list(
            "translation_of_id", "context_id", "locale_id", "data", "translation_type", "tool_name"
        )
    }
    return SegmentRows(by_source, targets, field_paths, content_types)


def findings_by_translation(translations, rows=None):
    """{translation id: [Finding]} for the given wagtail-localize translations (3 queries, or 1
    with ``rows`` from ``load_segments``)."""
    translations = list(translations)
    if not translations:
        return {}
    rows = load_segments(translations) if rows is None else rows
    locale_ids = {t.target_locale_id for t in translations}
    source = Locale.get_default()
    terms = terms_by_locale(locale_ids, source)
    codes = dict(Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code"))
    default = source.language_code
    results = {}
    for translation in translations:
        locale_id = translation.target_locale_id
        regional = codes[locale_id].split("-")[0] == default.split("-")[0]
        type_id = rows.content_types.get(translation.source_id)
        model = ContentType.objects.get_for_id(type_id).model_class() if type_id else None
        found = []
        for segment_id, string_id, context_id, data, path in rows.by_source[translation.source_id]:
            target = rows.targets.get((string_id, context_id, locale_id))
            if target is None:
                continue  # untranslated segments are counted as missing, not as QA findings
            text, _kind, tool = target
            field_path = rows.field_paths.get(context_id)
            rules = rules_for(model, field_path) if model and field_path else None
            if rules is not None:  # a text too long is refused when saved, and when built
                rules = replace(rules, max_length=None)
            for kind, message in check_segment(
                data, text, terms=terms.get(locale_id, ()), regional=regional,
                inherited=tool == INHERITED or path in KEEP_AS_SOURCE, rules=rules,
            ):  # fmt: skip
                found.append(Finding(kind, message, data, text, segment_id))
        results[translation.pk] = found
    for translation_id, findings in override_findings(translations).items():
        results[translation_id] += findings
    return results


def override_findings(translations):
    """{translation id: [Finding]} for the stored overrides of ``translations`` that their
    fields refuse (two queries; chosen objects are not looked up, addresses and texts are)."""
    import json

    from wagtail_localize.models import OverridableSegment, SegmentOverride

    from .overrides import problems

    segments = defaultdict(list)
    for source_id, context_id, data, field_path, type_id in OverridableSegment.objects.filter(
        source_id__in={t.source_id for t in translations}
    ).values_list(
        "source_id", "context_id", "data_json", "context__field_path",
        "source__specific_content_type_id",
    ):  # fmt: skip
        segments[source_id].append((context_id, data, field_path, type_id))
    overrides = {
        (context_id, locale_id): data
        for context_id, locale_id, data in SegmentOverride.objects.filter(
            locale_id__in={t.target_locale_id for t in translations},
            context_id__in={row[0] for rows in segments.values() for row in rows},
        ).values_list("context_id", "locale_id", "data_json")
    }
    results = defaultdict(list)
    for translation in translations:
        for context_id, source_data, field_path, type_id in segments[translation.source_id]:
            data = overrides.get((context_id, translation.target_locale_id))
            if data is None or not field_path:
                continue
            try:
                value, source_value = json.loads(data), json.loads(source_data)
            except ValueError:
                value, source_value = data, source_data
            model = ContentType.objects.get_for_id(type_id).model_class()
            for message in problems(None, model, field_path, value, check_objects=False):
                results[translation.pk].append(
                    Finding("override", message, str(source_value), str(value), None)
                )
    return results


def findings_for(translation, rows=None):
    return findings_by_translation([translation], rows).get(translation.pk, [])
