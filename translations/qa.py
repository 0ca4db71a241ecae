"""Quality checks of translated segments.

For every translated segment of a translation (severity: an *error* blocks a plain approval, a
*warning* does not; ``SEVERITY``):

- ``placeholders``: format strings (``%(name)s``, ``%s``, ``{name}``, ``{0}``) missing, added,
  renamed or of another type;
- ``punctuation``: the sentence-final mark differs (question, exclamation, colon, semicolon, full
  stop, ellipsis ``…``/``...``); Spanish opening marks (¿ ¡) are understood, and refused in a
  target in another language; French spacing before ``? ! :`` is allowed;
- ``whitespace``: leading or trailing whitespace or the number of line breaks differ, or the target
  has doubled spaces the source lacks; ``repeated_word``: "the the" (except where the language
  repeats a word on purpose: "nous nous", "that that");
- ``length``: the text is longer than its field's limit (a title, a summary), or much longer than
  a short source (a label, a heading), or much shorter than a long one (a sentence dropped);
- ``numbers``: numbers differ in **value**, each side read with its locale's conventions (Babel):
  "1.500" (es) and "1,500" (en) or "1 500" (fr) are the same number, "1.500" in English is not;
- ``untranslated``: the target is identical to the source, unless nothing in it is to translate
  (acronyms, proper names, country names, URLs, e-mail addresses, codes, numbers, the termbase's
  terms kept as they are), it is a regional adaptation, or a one-word Portuguese cognate;
- ``term_missing`` / ``term_forbidden``: termbase terms, matched through inflection and
  contraction (a Snowball stemmer per language; "nos direitos" is "em os direitos"); a forbidden
  variant inside an approved term ("menores" in "juiz de menores") is not a finding;
- ``inconsistent``: the locale has another translation of the same source text;
- ``added_markup``: the target carries markup the source lacks (an element, an entity or an
  escaped tag a reader would see, Markdown);
- ``tags``: inline tags differ from the source's (bold, italic, links…);
- ``links``: link targets differ; ``urls``: URLs written in the text differ;
- ``empty``: the target is empty;
- ``markup``: the target carries markup its field does not allow (``translations.markup``): an
  element, an attribute, a comment… Every way of saving a translation refuses such markup; this
  finds what was stored before, or behind the forms' back. It blocks approval, with no override;
- ``override``: a translator's override of a synchronised value (a link's address, a URL field)
  that its field's validators refuse (``translations.overrides``), such as a ``javascript:``
  address. Blocking too; the translation's preview is not shown while there is one.

A reviewer may dismiss a finding of a segment with a reason (``QADismissal``), except the blocking
ones; the dismissal holds while the segment's text stays the one it was given on.

``findings_by_translation`` runs a fixed number of queries for any number of translations.
"""

import html
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation

from .markup import rules_for

TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)([^>]*)>")
HREF = re.compile(r"""(?:href|id)\s*=\s*["']([^"']*)["']""")
URL = re.compile(r"https?://[^\s<>\"']+|www\.[^\s<>\"']+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PLACEHOLDER = re.compile(
    r"%\(\w+\)[#0+-]?\d*(?:\.\d+)?[sdifgeExXor]"  # %(name)s
    r"|%[#0+-]?\d*(?:\.\d+)?[sdifgeExXo](?!\w)"  # %s, %d, %.2f
    r"|\{\w*(?:[.\[]\w+\]?)*(?:![rsa])?(?::[^{}\s]*)?\}"  # {name}, {0}, {}, {name:>10}
)
# A number: digits with grouping and decimal separators; in French also grouped by spaces.
NUMBER = re.compile(r"(?<![\w/])\d+(?:[.,]\d+)*")
SPACED_NUMBER = re.compile(
    r"(?<![\w/.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)|" + NUMBER.pattern
)
MAY_HAVE_MARKUP = re.compile(r"[<&\x00]")
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
MARKDOWN = re.compile(r"\*\*\S.*?\*\*|__\S.*?__|\[[^\]]+\]\((?:https?://|/)[^)]*\)|`[^`]+`")
WORD = re.compile(r"\w+")
REPEATED = re.compile(r"(?<!\w)(\w+)(?:\s+)(\1)(?!\w)", re.IGNORECASE)
DOUBLED_SPACE = re.compile(r"[^\S\n]{2,}")
CLOSERS = "\"'»”’)]}>›"
INHERITED = "inherited"  # tool_name of a regional segment still equal to its source
KEEP_AS_SOURCE = {"slug"}  # fields that may legitimately stay as in the source

ERROR, WARNING, BLOCKING_ERROR = "error", "warning", "blocking"
SEVERITY = {
    "placeholders": ERROR,
    "punctuation": WARNING,
    "whitespace": WARNING,
    "repeated_word": WARNING,
    "length": ERROR,
    "length_ratio": WARNING,
    "numbers": ERROR,
    "untranslated": ERROR,
    "term_missing": ERROR,
    "term_forbidden": ERROR,
    "inconsistent": WARNING,
    "added_markup": ERROR,
    "tags": ERROR,
    "links": ERROR,
    "urls": ERROR,
    "empty": ERROR,
    "markup": BLOCKING_ERROR,
    "override": BLOCKING_ERROR,
}
BLOCKING = {kind for kind, severity in SEVERITY.items() if severity == BLOCKING_ERROR}
SEVERITY_LABELS = {
    ERROR: gettext_lazy("Error"),
    WARNING: gettext_lazy("Warning"),
    BLOCKING_ERROR: gettext_lazy("Must be corrected"),
}

# What each kind of finding is called in the interface.
KIND_LABELS = {
    "placeholders": gettext_lazy("Placeholders"),
    "punctuation": gettext_lazy("Punctuation"),
    "whitespace": gettext_lazy("Spaces and line breaks"),
    "repeated_word": gettext_lazy("Repeated word"),
    "length": gettext_lazy("Length"),
    "length_ratio": gettext_lazy("Length"),
    "inconsistent": gettext_lazy("Inconsistent translation"),
    "added_markup": gettext_lazy("Markup the source lacks"),
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

# Per language: how it writes a number (Babel's locale), its Snowball stemmer, its articles
# (left out when terms are matched) and contractions (split before), the words it may repeat.
LANGUAGES = {
    "es": {
        "stemmer": "spanish",
        "articles": {"el", "la", "los", "las", "lo", "un", "una", "unos", "unas"},
        "contractions": {"del": ("de", "el"), "al": ("a", "el")},
        "repeats": set(),
    },
    "en": {
        "stemmer": "english",
        "articles": {"the", "a", "an"},
        "contractions": {},
        "repeats": {"that", "had", "is"},
    },
    "pt": {
        "stemmer": "portuguese",
        "articles": {"o", "a", "os", "as", "um", "uma", "uns", "umas"},
        "contractions": {
            "no": ("em", "o"), "na": ("em", "a"), "nos": ("em", "os"), "nas": ("em", "as"),
            "num": ("em", "um"), "numa": ("em", "uma"), "do": ("de", "o"), "da": ("de", "a"),
            "dos": ("de", "os"), "das": ("de", "as"), "dum": ("de", "um"),
            "duma": ("de", "uma"), "ao": ("a", "o"), "aos": ("a", "os"), "à": ("a", "a"),
            "às": ("a", "as"), "pelo": ("por", "o"), "pela": ("por", "a"),
            "pelos": ("por", "os"), "pelas": ("por", "as"),
        },
        "repeats": set(),
    },
    "fr": {
        "stemmer": "french",
        "articles": {"le", "la", "les", "l", "un", "une"},
        "contractions": {
            "du": ("de", "le"), "des": ("de", "les"), "au": ("à", "le"), "aux": ("à", "les"),
            "d": ("de",),
        },
        "repeats": {"nous", "vous"},
    },
}  # fmt: skip
ROMANCE_COGNATES = {"pt"}  # one-word segments may rightly be spelled as in Spanish


def _language(code):
    return (code or "en").lower().split("-")[0]


def _conventions(code):
    return LANGUAGES.get(_language(code), NO_CONVENTIONS)


@dataclass(frozen=True)
class Finding:
    kind: str
    message: str
    source: str
    target: str
    segment_id: int
    dismissal: object = None  # the QADismissal that set it aside, if any

    @property
    def label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def severity(self):
        return SEVERITY.get(self.kind, ERROR)

    @property
    def severity_label(self):
        return SEVERITY_LABELS[self.severity]

    @property
    def dismissable(self):
        return self.severity != BLOCKING_ERROR and self.segment_id is not None


def _text(html_text):
    """What a reader sees of a segment: tags left out, entities decoded once."""
    return html.unescape(TAG.sub(" ", html_text))


def _tags(html_text):
    return sorted((closing, name.lower()) for closing, name, _attrs in TAG.findall(html_text))


def _fold(text):
    """Lower case without accents (what a stem is compared on)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Snowball's stemmers for the languages a locale may be added in beyond those above.
OTHER_STEMMERS = {
    "it": "italian", "ca": "catalan", "de": "german", "nl": "dutch", "ro": "romanian",
    "da": "danish", "sv": "swedish", "no": "norwegian", "fi": "finnish", "hu": "hungarian",
    "ru": "russian", "tr": "turkish", "el": "greek", "ar": "arabic",
}  # fmt: skip
NO_CONVENTIONS = {"articles": set(), "contractions": {}, "repeats": set()}


@lru_cache(maxsize=16)
def _stemmer(language):
    """Snowball's stemmer for ``language``; none (words as written) for a language it lacks."""
    import snowballstemmer

    name = LANGUAGES[language]["stemmer"] if language in LANGUAGES else OTHER_STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=4096)
def _stems(text, language):
    """The words of ``text`` as (stem, length) pairs, contractions split and articles left
    out."""
    conventions = LANGUAGES.get(language, NO_CONVENTIONS)
    stemmer = _stemmer(language)
    words = []
    for word in WORD.findall(text.casefold()):
        for part in conventions["contractions"].get(word, (word,)):
            if part not in conventions["articles"]:
                stem = stemmer.stemWord(part) if stemmer else part
                words.append((_fold(stem), len(part)))
    return tuple(words)


def _same_word(one, other):
    """Two words are one when their stems are and their lengths are close: inflection
    ("menor", "menores"), not derivation ("legal", "legalization", one stem in Snowball)."""
    return one[0] == other[0] and abs(one[1] - other[1]) <= 2


def _spans(words, phrase):
    """Where the word sequence ``phrase`` occurs in ``words``: [(start, end)]."""
    size = len(phrase)
    if not size or size > len(words):
        return []
    stems = _stem_set(words)
    if any(stem not in stems for stem, _length in phrase):
        return []
    return [
        (start, start + size)
        for start in range(len(words) - size + 1)
        if words[start][0] == phrase[0][0]
        and all(_same_word(a, b) for a, b in zip(words[start : start + size], phrase, strict=True))
    ]


@lru_cache(maxsize=4096)
def _stem_set(words):
    return frozenset(stem for stem, _length in words)


def _placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def _final_mark(text):
    """The sentence-final punctuation of ``text`` ("" if none): ``…`` for an ellipsis."""
    text = text.rstrip().rstrip(CLOSERS + " \u00a0\u202f")
    if text.endswith(("…", "...")):
        return "…"
    return text[-1:] if text[-1:] in "?!:.;" else ""


@lru_cache(maxsize=16)
def _babel_locale(code):
    from babel import Locale as BabelLocale

    language, _sep, region = (code or "en").partition("-")
    try:
        return BabelLocale.parse(f"{language}_{region.upper()}" if region else language)
    except (ValueError, LookupError):
        return BabelLocale.parse("en")


def _number_values(token, code):
    """The values ``token`` may stand for, read with ``code``'s conventions; a token those
    conventions refuse ("16.9" in Spanish: a section number) is read as written and with the
    other convention too."""
    from babel.numbers import NumberFormatError, parse_decimal

    locale = _babel_locale(code)
    if _language(code) == "fr":
        token = re.sub(r"[ \u00a0\u202f]", "\u202f", token)
    try:
        return {parse_decimal(token, locale, strict=True)}
    except (NumberFormatError, ValueError):
        pass
    values = {token}
    for other in ("en", "es"):
        try:
            values.add(parse_decimal(token, _babel_locale(other), strict=True))
        except (NumberFormatError, ValueError):
            pass
    if token.isdigit():
        values.add(Decimal(token))
    return values


def _numbers(text, code):
    pattern = SPACED_NUMBER if _language(code) == "fr" else NUMBER
    return [_number_values(token, code) for token in pattern.findall(text)]


# Numbers a translation may write in words ("de 8" → "eight-year-old"), per language.
NUMBER_WORDS = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve"],
    "es": ["cero", "uno|una|un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
           "nueve", "diez", "once", "doce"],
    "pt": ["zero", "um|uma", "dois|duas", "três", "quatro", "cinco", "seis", "sete", "oito",
           "nove", "dez", "onze", "doze"],
    "fr": ["zéro", "un|une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
           "dix", "onze", "douze"],
}  # fmt: skip


@lru_cache(maxsize=8)
def _number_spellings(language):
    """{word: value} of the numbers 0 to 12 in ``language``."""
    return {
        spelling: Decimal(value)
        for value, spellings in enumerate(NUMBER_WORDS.get(language, []))
        for spelling in spellings.split("|")
    }


def _number_words(text, code):
    """{value: how many times ``text`` writes it in words} for 0 to 12."""
    spellings = _number_spellings(_language(code))
    counts = defaultdict(int)
    for word in WORD.findall(text.casefold()):
        if word in spellings:
            counts[spellings[word]] += 1
    return counts


def _unmatched(numbers, words):
    """``numbers`` not written as ``words`` on the other side."""
    left = []
    for values in numbers:
        value = next((v for v in values if isinstance(v, Decimal) and words.get(v)), None)
        if value is None:
            left.append(values)
        else:
            words[value] -= 1
    return left


def _same_numbers(source, target, source_language, target_language):
    """Whether the numbers of ``source`` and ``target`` have the same values, each read in its
    language (a number up to 12 may be written in words on the other side)."""
    remaining = _numbers(target, target_language)
    unmatched = []
    for values in _numbers(source, source_language):
        match = next((i for i, other in enumerate(remaining) if values & other), None)
        if match is None:
            unmatched.append(values)
        else:
            remaining.pop(match)
    unmatched = _unmatched(unmatched, _number_words(target, target_language))
    remaining = _unmatched(remaining, _number_words(source, source_language))
    return not unmatched and not remaining


@lru_cache(maxsize=4)
def _country_words(language):
    """The words of country names in ``language`` and in Spanish (folded)."""
    from django.utils import translation
    from django_countries import countries

    words = set()
    for code in {"es", language}:
        with translation.override(code):
            for _code, name in countries:
                words.update(_fold(word) for word in WORD.findall(str(name)))
    return frozenset(words)


def _nothing_to_translate(text, keep, target_language):
    """Whether every word of ``text`` may rightly stay as in the source: acronyms, proper names
    (capitalised words within a sentence, country names), ``keep`` (termbase terms kept as they
    are, the ignore list), URLs, e-mail addresses, codes and numbers."""
    text = EMAIL.sub(" ", URL.sub(" ", PLACEHOLDER.sub(" ", text)))
    for phrase in keep:
        text = re.sub(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", " ", text, flags=re.IGNORECASE)
    countries = _country_words(_language(target_language))
    words = [word for word in WORD.findall(text) if not word.isdigit()]
    if len(words) == 1 and _language(target_language) in ROMANCE_COGNATES:
        return True
    sentence_start = re.compile(r"(?:^|[.!?¿¡:]\s+)(\w+)")
    starts = set(sentence_start.findall(text))
    for word in words:
        if len(word) <= 2 or (word.isupper() and len(word) >= 2):
            continue
        if any(char.isdigit() for char in word) or _fold(word) in countries:
            continue
        if word[:1].isupper() and word not in starts:
            continue
        return False
    return True


def _added_markup(source, target):
    """Markup a reader of ``target`` would see, or that changes it, which ``source`` lacks."""
    source_text, target_text = _text(source), _text(target)
    source_tags = {name.lower() for _closing, name, _attrs in TAG.findall(source)}
    if {name.lower() for _closing, name, _attrs in TAG.findall(target)} - source_tags:
        return True
    for pattern in (ENTITY, TAG, MARKDOWN):  # as a reader sees them: "&nbsp;", "<br>", "**"
        if pattern.search(target_text) and not pattern.search(source_text):
            return True
    return False


def _whitespace(source, target):
    def edges(text):
        text = text.replace("\u00a0", " ")
        return len(text) - len(text.lstrip()), len(text) - len(text.rstrip())

    if edges(source) != edges(target):
        return _("Spaces or line breaks at the start or end differ from the source.")
    if source.count("\n") != target.count("\n"):
        return _("The number of line breaks differs from the source.")
    if DOUBLED_SPACE.search(target.strip()) and not DOUBLED_SPACE.search(source.strip()):
        return _("The translation has doubled spaces.")
    return None


def _repeated_word(source, target, target_language):
    allowed = _conventions(target_language)["repeats"]
    repeated_in_source = {match.group(1).casefold() for match in REPEATED.finditer(source)}
    for match in REPEATED.finditer(target):
        word = match.group(1).casefold()
        if word.isdigit() or word in allowed or word in repeated_in_source:
            continue
        return match.group(0)
    return None


SHORT_SOURCE = 30  # characters: a label, a heading, a button
LONG_SOURCE = 40


def _length(source_text, target_text, max_length):
    source_length, length = len(source_text.strip()), len(target_text.strip())
    if max_length and length > max_length:
        return "length", ngettext(
            "The translation is longer than its field allows: %(length)d characters for a "
            "limit of %(limit)d character.",
            "The translation is longer than its field allows: %(length)d characters for a "
            "limit of %(limit)d characters.",
            max_length,
        ) % {"length": length, "limit": max_length}
    if 0 < source_length <= SHORT_SOURCE and length > max(2.5 * source_length, source_length + 15):
        return "length_ratio", _(
            "The translation is much longer than its short source (%(length)d characters for "
            "%(source)d)."
        ) % {"length": length, "source": source_length}
    if source_length >= LONG_SOURCE and length < 0.45 * source_length:
        return "length_ratio", _(
            "The translation is much shorter than its source (%(length)d characters for "
            "%(source)d): part of it may be missing."
        ) % {"length": length, "source": source_length}
    return None


def _normalized(text):
    return " ".join(text.split())


def terms_by_locale(locale_ids, source):
    """{locale_id: [(spanish term, approved term, forbidden variants)]} in one query. A term
    marked "do not translate" on its Spanish entry is its own approved term in every locale."""
    from .models import Term, lines

    # A term still to translate holds the Spanish text: no rule for the locale yet.
    entries = (
        Term.objects.filter(locale_id__in=[*locale_ids, source.pk])
        .exclude(to_translate=True)
        .values_list(
            "translation_key", "locale_id", "term", "forbidden_variants", "do_not_translate"
        )
    )
    spanish, keep, by_locale = {}, set(), defaultdict(list)
    rows = list(entries)
    for key, locale_id, term, _forbidden, do_not_translate in rows:
        if locale_id == source.pk:
            spanish[key] = term
            if do_not_translate:
                keep.add(key)
                for target_id in locale_ids:
                    by_locale[target_id].append((term, term, []))
    for key, locale_id, term, forbidden, _do_not_translate in rows:
        if locale_id != source.pk and key in spanish and key not in keep:
            by_locale[locale_id].append((spanish[key], term, lines(forbidden)))
    return by_locale


def check_terms(source_text, target_text, terms, source_language, target_language):
    """Termbase findings: approved terms missing, forbidden variants used (outside an approved
    term), both matched on stems."""
    problems = []
    source_words = _stems(source_text, _language(source_language))
    target_words = _stems(target_text, _language(target_language))
    approved_spans = []
    for _spanish, approved, _forbidden in terms:
        approved_spans += _spans(target_words, _stems(approved, _language(target_language)))

    def inside_approved(span):
        return any(start <= span[0] and span[1] <= end for start, end in approved_spans)

    for spanish, approved, forbidden in terms:
        if _spans(source_words, _stems(spanish, _language(source_language))) and not _spans(
            target_words, _stems(approved, _language(target_language))
        ):
            problems.append(
                (
                    "term_missing",
                    _("Use the approved term “%(approved)s” for “%(term)s”.")
                    % {"approved": approved, "term": spanish},
                )
            )
        for variant in forbidden:
            variant_words = _stems(variant, _language(target_language))
            spans = _spans(target_words, variant_words)
            # A variant the source itself says ("menores de 12 años", a quoted law) is faithful.
            echoed = bool(_spans(source_words, variant_words))
            if not echoed and any(not inside_approved(span) for span in spans):
                problems.append(
                    (
                        "term_forbidden",
                        _("“%(variant)s” is a forbidden variant of “%(approved)s”.")
                        % {"variant": variant, "approved": approved},
                    )
                )
    return problems


def check_segment(
    source, target, *, terms=(), regional=False, inherited=False, rules=None,
    source_language="es", target_language="en", max_length=None, others=(), keep=(),
):  # fmt: skip
    """The findings of one segment, as (kind, message) pairs.

    ``terms``: the locale's termbase, [(Spanish term, approved term, forbidden variants)];
    ``regional``: the target is a regional variant of the source language (es-mx), where
    inheriting the source's text is right; ``rules``: its field's markup rules (the markup the
    field does not allow is a finding); ``max_length``: its field's limit; ``others``: the
    locale's other translations of the same source text; ``keep``: words and phrases that stay
    as in the source (the termbase's "do not translate" terms, names)."""
    problems = []
    if rules is not None and MAY_HAVE_MARKUP.search(target):
        from .markup import problems as markup_problems

        for message in markup_problems(target, rules, source):
            problems.append(("markup", message))
    source_text, target_text = _text(source), _text(target)
    if not target_text.strip():
        return [("empty", _("The translation is empty."))]
    if (
        target.strip() == source.strip()
        and not (regional or inherited)
        and not _nothing_to_translate(source_text, [*keep, *_kept_terms(terms)], target_language)
    ):
        problems.append(("untranslated", _("The translation is identical to the source.")))
    if _placeholders(source) != _placeholders(target):
        problems.append(
            (
                "placeholders",
                _(
                    "Placeholders differ from the source: %(source)s in the source, %(target)s "
                    "in the translation."
                )  # fmt: skip
                % {
                    "source": " ".join(_placeholders(source)) or "—",
                    "target": " ".join(_placeholders(target)) or "—",
                },
            )
        )
    source_mark, target_mark = _final_mark(source_text), _final_mark(target_text)
    if source_mark != target_mark:
        problems.append(
            (
                "punctuation",
                _(
                    "The translation ends with “%(target)s” where the source ends with "
                    "“%(source)s”."
                )  # fmt: skip
                % {"target": target_mark or _("no mark"), "source": source_mark or _("no mark")},
            )
        )
    elif _language(target_language) != "es" and re.search("[¿¡]", target_text):
        problems.append(
            ("punctuation", _("Spanish opening marks (¿ ¡) are left in the translation."))
        )
    message = _whitespace(source, target)
    if message:
        problems.append(("whitespace", message))
    repeated = _repeated_word(source_text, target_text, target_language)
    if repeated:
        problems.append(
            ("repeated_word", _("A word is repeated: “%(words)s”.") % {"words": repeated})
        )
    length = _length(source_text, target_text, max_length)
    if length:
        problems.append(length)
    if _tags(source) != _tags(target):
        problems.append(("tags", _("Inline tags differ from the source.")))
    if _added_markup(source, target):
        problems.append(
            ("added_markup", _("The translation carries markup the source does not have."))
        )
    if sorted(HREF.findall(source)) != sorted(HREF.findall(target)):
        problems.append(("links", _("Links differ from the source.")))
    if sorted(URL.findall(source_text)) != sorted(URL.findall(target_text)):
        problems.append(("urls", _("URLs differ from the source.")))
    plain_source = PLACEHOLDER.sub(" ", URL.sub(" ", source_text))
    plain_target = PLACEHOLDER.sub(" ", URL.sub(" ", target_text))
    if not _same_numbers(plain_source, plain_target, source_language, target_language):
        problems.append(("numbers", _("Numbers differ from the source.")))
    if not inherited:  # a slug, or a regional segment still the source's, says no term
        problems += check_terms(source_text, target_text, terms, source_language, target_language)
    different = sorted({_normalized(o) for o in others} - {_normalized(target)})
    if different:
        problems.append(
            (
                "inconsistent",
                _(
                    "This source is translated differently elsewhere in this language: “%(other)s”."
                )  # fmt: skip
                % {"other": _text(different[0]).strip()},
            )
        )
    return problems


def _kept_terms(terms):
    """The termbase's terms whose approved form is the Spanish one ("do not translate")."""
    return [
        approved for spanish, approved, _forbidden in terms if _fold(spanish) == _fold(approved)
    ]


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


# Length limits for reading, tighter than the database's (a title shows in menus, cards and
# search results; a search description in search engines' snippets), by field path.
LENGTH_LIMITS = {"title": 120, "seo_title": 70, "search_description": 160}


def _max_length(rules, field_path):
    limits = [rules.max_length if rules else None, LENGTH_LIMITS.get(field_path)]
    limits = [limit for limit in limits if limit]
    return min(limits) if limits else None


def other_translations(rows, locale_ids):
    """{(string id, locale id): {context id: text}}: every translation of the segments' source
    texts in these locales, on any page (one query)."""
    string_ids = {row[1] for segments in rows.by_source.values() for row in segments}
    found = defaultdict(dict)
    for string_id, context_id, locale_id, data in StringTranslation.objects.filter(
        translation_of_id__in=string_ids, locale_id__in=locale_ids, has_error=False
    ).values_list("translation_of_id", "context_id", "locale_id", "data"):
        found[(string_id, locale_id)][context_id] = data
    return found


def dismissals_by_translation(translations):
    """{(translation id, segment id, kind): QADismissal} (one query)."""
    from .models import QADismissal

    return {
        (dismissal.translation_id, dismissal.segment_id, dismissal.kind): dismissal
        for dismissal in QADismissal.objects.filter(
            translation_id__in=[t.pk for t in translations]
        ).select_related("user")
    }


def findings_by_translation(translations, rows=None, *, include_dismissed=False):
    """{translation id: [Finding]} for the given wagtail-localize translations (a fixed number
    of queries, two fewer with ``rows`` from ``load_segments``). Findings a reviewer dismissed
    for the segment's current text are left out, or kept with their ``dismissal`` when
    ``include_dismissed``."""
    from django.conf import settings

    translations = list(translations)
    if not translations:
        return {}
    rows = load_segments(translations) if rows is None else rows
    locale_ids = {t.target_locale_id for t in translations}
    source = Locale.get_default()
    terms = terms_by_locale(locale_ids, source)
    codes = dict(Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code"))
    others = other_translations(rows, locale_ids)
    dismissals = dismissals_by_translation(translations)
    keep = tuple(getattr(settings, "TRANSLATION_QA_KEEP", ()))
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
            max_length = _max_length(rules, field_path)
            if rules is not None:  # the length check below says it in its own words
                rules = replace(rules, max_length=None)
            elsewhere = [
                other
                for other_context, other in others.get((string_id, locale_id), {}).items()
                if other_context != context_id
            ]
            for kind, message in check_segment(
                data, text, terms=terms.get(locale_id, ()), regional=regional,
                inherited=tool == INHERITED or path in KEEP_AS_SOURCE, rules=rules,
                source_language=default, target_language=codes[locale_id],
                max_length=max_length, others=elsewhere, keep=keep,
            ):  # fmt: skip
                dismissal = dismissals.get((translation.pk, segment_id, kind))
                if dismissal is not None and (
                    dismissal.target != text or SEVERITY.get(kind) == BLOCKING_ERROR
                ):
                    dismissal = None  # given on another text: the new one needs a new look
                if dismissal is not None and not include_dismissed:
                    continue
                found.append(Finding(kind, message, data, text, segment_id, dismissal))
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


def findings_for(translation, rows=None, *, include_dismissed=False):
    return findings_by_translation([translation], rows, include_dismissed=include_dismissed).get(
        translation.pk, []
    )


def dismiss_finding(*, translation, finding, user, reason):
    """Record that ``user`` dismissed ``finding`` of ``translation`` for ``reason`` (one per
    segment and check: dismissing it again, on a new text, replaces the old dismissal)."""
    from django.db import transaction
    from django.utils import timezone

    from .models import QADismissal

    if not finding.dismissable:
        raise ValueError("blocking findings cannot be dismissed")
    with transaction.atomic():
        dismissal, _created = QADismissal.objects.update_or_create(
            translation=translation,
            segment_id=finding.segment_id,
            kind=finding.kind,
            defaults={
                "target": finding.target,
                "reason": reason,
                "user": user,
                "created_at": timezone.now(),
            },
        )
    return dismissal
