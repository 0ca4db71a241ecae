"""Translation memory: approved translations reused, per locale pair (source segment → target).

Fed by every approved translation (a translated page published: ``feed_translation``, called by
a thin ``page_published`` handler; ``build`` does it for what was approved before) and by TMX
files (``translations.tmx``). On submit, ``prefill`` stores the exact matches of a translation's
untranslated segments as StringTranslations "from memory" (``translation_type`` machine,
``tool_name`` ``MEMORY_TOOL``), so the review gate holds them like machine translation until a
person confirms them in the editor, and records the submission's leverage (new, fuzzy and exact
words). ``lookup`` gives the editor a segment's matches with their score.

Lookups cost a fixed number of queries whatever the size of the memory:

- exact: the SHA-256 of the normalised source text (one indexed query);
- fuzzy (similarity of 75 % or more): a source's longest distinct words are indexed
  (``MemoryWord``, with the entry's pair and length, read from the index alone). Two texts at
  least 75 % similar have lengths within a ratio of 0.6 (the score is 2·common / (len a + len b))
  and, as a rule, share half of their indexed words; so a candidate must have one of the
  text's rarest words (prefix filtering: of n words of which t must be shared, one of the
  n − t + 1 rarest). One query counts how common the text's words are, a second takes the
  entries sharing the most of its rarest words (at most ``CANDIDATES``), which are scored in
  Python with rapidfuzz's ``ratio`` (the Indel similarity ``difflib`` also computes, which is
  used when rapidfuzz is not installed).
"""

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count

MEMORY_TOOL = "Translation memory"  # tool_name of a segment pre-filled from the memory
FUZZY_THRESHOLD = 75
CANDIDATES = 40
INDEX_WORDS = 12  # the longest distinct words of a source are indexed
MIN_WORD = 4  # shorter words (de, la, los, que…) are too common to find anything
MAX_WORD = 40
LENGTH_RATIO = 0.6  # see the module docstring
BATCH = 500

TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s+")


def _noop(done, total, item=None):
    pass


try:  # pragma: no cover - which one runs depends on the installation
    from rapidfuzz.fuzz import ratio as _ratio
except ImportError:  # pragma: no cover
    from difflib import SequenceMatcher

    def _ratio(a, b, score_cutoff=0):
        score = SequenceMatcher(None, a, b, autojunk=False).ratio() * 100
        return score if score >= score_cutoff else 0


def normalise(text):
    """The form a source is stored and compared in: NFC, whitespace collapsed, stripped."""
    return SPACE.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def source_hash(text):
    return hashlib.sha256(normalise(text).encode()).hexdigest()


def words_of(text):
    """The words of a segment (its inline markup left out), case-folded."""
    return WORD.findall(TAG.sub(" ", text).casefold())


def word_count(text):
    return len(words_of(text))


def index_words(text):
    """The words a fuzzy lookup looks for: the longest distinct ones (the rarest, as a rule)."""
    words = {word[:MAX_WORD] for word in words_of(text) if len(word) >= MIN_WORD}
    return sorted(words, key=lambda word: (-len(word), word))[:INDEX_WORDS]


def similarity(one, other):
    """0–100: how similar two normalised texts are (Indel similarity, as translation tools
    score fuzzy matches)."""
    return round(_ratio(one, other))


@dataclass
class Match:
    entry_id: int
    source: str
    target: str
    score: int
    origin: str

    def as_json(self):
        return {
            "source": self.source,
            "target": self.target,
            "score": self.score,
            "exact": self.score == 100,
        }


def _match(entry, score):
    return Match(entry.pk, entry.source, entry.target, score, entry.origin)


def _entries(source_locale, target_locale):
    from .models import MemoryEntry

    return MemoryEntry.objects.filter(source_locale=source_locale, target_locale=target_locale)


# --- reads -----------------------------------------------------------------------------------


def exact_matches(*, source_locale, target_locale, texts):
    """{normalised text: Match} for the ``texts`` the memory has exactly (one query)."""
    hashes = {source_hash(text) for text in texts}
    found = {}
    for entry in _entries(source_locale, target_locale).filter(source_hash__in=hashes):
        found[entry.source] = _match(entry, 100)
    return found


def _band(length):
    return math.floor(length * LENGTH_RATIO), math.ceil(length / LENGTH_RATIO)


def _needed(words):
    """How many of a text's index words a candidate must share."""
    return max(1, math.ceil(len(words) / 2))


def _postings(source_locale, target_locale, words, low, high):
    from .models import MemoryWord

    return MemoryWord.objects.filter(
        source_locale=source_locale,
        target_locale=target_locale,
        word__in=words,
        length__gte=low,
        length__lte=high,
    )


def _frequencies(source_locale, target_locale, words, low, high):
    """{word: entries of the length band that have it}: read from the index alone."""
    rows = (
        _postings(source_locale, target_locale, words, low, high)
        .values("word")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["word"]: row["count"] for row in rows}


def _rarest(words, frequencies):
    """The words a candidate must have at least one of (prefix filtering): an entry that shares
    ``_needed(words)`` of them shares one of the (present words − needed + 1) rarest. None when
    no entry can share enough."""
    present = sorted((w for w in words if frequencies.get(w)), key=lambda w: (frequencies[w], w))
    keep = len(present) - _needed(words) + 1
    return present[:keep] if keep > 0 else None


def fuzzy_matches(*, source_locale, target_locale, text, limit=5, threshold=FUZZY_THRESHOLD):
    """The entries at least ``threshold`` % similar to ``text`` (exact ones included), best first.
    Two queries: how common each of the text's words is in the memory, then the entries that
    share the most of its rarest words, which are scored."""
    text = normalise(text)
    words = index_words(text)
    if not words:
        return []
    low, high = _band(len(text))
    rare = _rarest(words, _frequencies(source_locale, target_locale, words, low, high))
    if not rare:
        return []
    candidates = (
        _postings(source_locale, target_locale, rare, low, high)
        .values("entry_id")
        .annotate(shared=Count("pk"))
        .order_by("-shared", "entry_id")
        .values("entry_id")[:CANDIDATES]
    )
    matches = []
    for entry in _entries(source_locale, target_locale).filter(pk__in=candidates):
        score = similarity(text, entry.source)
        if score >= threshold:
            matches.append(_match(entry, score))
    matches.sort(key=lambda match: (-match.score, match.entry_id))
    return matches[:limit]


def best_fuzzy_scores(*, source_locale, target_locale, texts, threshold=FUZZY_THRESHOLD):
    """{normalised text: best score ≥ ``threshold``} for many texts at once (a page's segments,
    on submit): three queries whatever the number of texts. Candidates are chosen as
    ``fuzzy_matches`` chooses them, for all the texts together."""
    from collections import Counter, defaultdict

    wanted = {}
    for text in texts:
        text = normalise(text)
        words = index_words(text)
        if words:
            wanted[text] = words
    if not wanted:
        return {}
    low = _band(min(len(text) for text in wanted))[0]
    high = _band(max(len(text) for text in wanted))[1]
    all_words = {word for words in wanted.values() for word in words}
    # Counted over the widest band: a word rare there is rare in each text's band.
    frequencies = _frequencies(source_locale, target_locale, all_words, low, high)
    rare_of = {text: _rarest(words, frequencies) for text, words in wanted.items()}
    rare_words = {word for rare in rare_of.values() if rare for word in rare}
    by_word = defaultdict(list)
    if rare_words:
        rows = _postings(source_locale, target_locale, rare_words, low, high).values_list(
            "entry_id", "word", "length"
        )
        for entry_id, word, length in rows:
            by_word[word].append((entry_id, length))
    chosen = {}
    for text, rare in rare_of.items():
        if not rare:
            continue
        text_low, text_high = _band(len(text))
        shared = Counter(
            entry_id
            for word in rare
            for entry_id, length in by_word.get(word, ())
            if text_low <= length <= text_high
        )
        best = sorted(shared, key=lambda entry_id: (-shared[entry_id], entry_id))
        chosen[text] = best[:CANDIDATES]
    ids = {entry_id for entry_ids in chosen.values() for entry_id in entry_ids}
    sources = dict(
        _entries(source_locale, target_locale).filter(pk__in=ids).values_list("pk", "source")
    ) if ids else {}  # fmt: skip
    scores = {}
    for text, entry_ids in chosen.items():
        best = max((similarity(text, sources[pk]) for pk in entry_ids if pk in sources), default=0)
        if best >= threshold:
            scores[text] = best
    return scores


def lookup(*, source_locale, target_locale, text, limit=5):
    """A segment's matches for the editor: the exact one first, then fuzzy ones (two queries)."""
    exact = exact_matches(source_locale=source_locale, target_locale=target_locale, texts=[text])
    matches = list(exact.values())
    seen = {match.entry_id for match in matches}
    for match in fuzzy_matches(
        source_locale=source_locale, target_locale=target_locale, text=text, limit=limit
    ):
        if match.entry_id not in seen and len(matches) < limit:
            matches.append(match)
    return matches


def has_entries(source_locale, target_locale):
    return _entries(source_locale, target_locale).exists()


def stats_by_locale():
    """{target locale id: number of entries}, every pair from the source language."""
    from .models import MemoryEntry

    rows = MemoryEntry.objects.values("target_locale_id").annotate(count=Count("pk"))
    return {row["target_locale_id"]: row["count"] for row in rows}


# --- writes ----------------------------------------------------------------------------------


def store(*, source_locale, target_locale, pairs, origin=None, user=None, progress=_noop):
    """Add or update memory entries from (source, target) pairs; the last pair of a source wins.
    Returns (added, updated). Runs in one transaction; a few queries per ``BATCH`` pairs."""
    from .models import MemoryEntry

    origin = origin or MemoryEntry.APPROVED
    wanted = {}
    for source, target in pairs:
        source, target = normalise(source), (target or "").strip()
        if source and target:
            wanted[source_hash(source)] = (source, target)
    items = list(wanted.items())
    added = updated = 0
    with transaction.atomic():
        for start in range(0, len(items), BATCH):
            batch = dict(items[start : start + BATCH])
            existing = {
                entry.source_hash: entry
                for entry in _entries(source_locale, target_locale).filter(
                    source_hash__in=list(batch)
                )
            }
            changed, new = [], []
            for key, (source, target) in batch.items():
                entry = existing.get(key)
                if entry is None:
                    new.append(
                        MemoryEntry(
                            source_locale=source_locale, target_locale=target_locale,
                            source_hash=key, source=source, target=target, length=len(source),
                            words=word_count(source), origin=origin, updated_by=user,
                        )
                    )  # fmt: skip
                elif entry.target != target:
                    entry.target, entry.origin, entry.updated_by = target, origin, user
                    changed.append(entry)
            if changed:
                MemoryEntry.objects.bulk_update(changed, ["target", "origin", "updated_by"])
            created = MemoryEntry.objects.bulk_create(new)
            _insert_words(
                (entry.pk, source_locale.pk, target_locale.pk, word, entry.length)
                for entry in created
                for word in index_words(entry.source)
            )
            added += len(created)
            updated += len(changed)
            progress(min(start + BATCH, len(items)), len(items))
    return added, updated


def _insert_words(rows):
    """The index rows of new entries, in one statement per thousand rows (about ten rows per
    entry: built without model instances, the cost of storing 100,000 entries)."""
    from django.db import connection

    from .models import MemoryWord

    table = connection.ops.quote_name(MemoryWord._meta.db_table)
    # The table's name is the model's, quoted; the values are parameters.
    columns = "(entry_id, source_locale_id, target_locale_id, word, length)"
    sql = f"INSERT INTO {table} {columns} VALUES (%s, %s, %s, %s, %s)"  # noqa: S608
    rows = list(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 1000):
            cursor.executemany(sql, rows[start : start + 1000])


def approved_pairs(translation):
    """(source, target) of the segments of ``translation`` a person translated or confirmed:
    neither machine-translated nor pre-filled and unconfirmed, nor inherited unchanged by a
    regional adaptation. Two queries."""
    from wagtail_localize.models import StringSegment, StringTranslation

    from .qa import INHERITED

    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id).values_list(
            "string_id", "context_id", "string__data"
        )
    )
    sources = {(string, context): data for string, context, data in segments}
    rows = (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            context_id__in={context for _string, context in sources},
        )
        .exclude(tool_name=INHERITED)
        .values_list("translation_of_id", "context_id", "data")
    )
    return [
        (sources[(string, context)], data)
        for string, context, data in rows
        if (string, context) in sources and data
    ]


def feed_translation(translation, *, user=None):
    """Put the approved segments of ``translation`` into the memory of its locale pair."""
    pairs = approved_pairs(translation)
    if not pairs:
        return 0, 0
    return store(
        source_locale=translation.source.locale,
        target_locale=translation.target_locale,
        pairs=pairs,
        user=user,
    )


def feed_page(page, *, user=None):
    """A translated page was published (approved): its segments feed the memory."""
    from .checks import translation_for

    if page.alias_of_id:
        return 0, 0
    translation = translation_for(page)
    if translation is None or not translation.enabled:
        return 0, 0
    return feed_translation(translation, user=user)


def build(*, locale=None, progress=_noop):
    """Feed the memory from every translation already approved (its translated page live and
    published as a translation), of ``locale`` or of every locale. Returns entries added."""
    from wagtail.models import Page
    from wagtail_localize.models import Translation

    translations = Translation.objects.filter(enabled=True).select_related(
        "source__locale", "target_locale"
    )
    if locale is not None:
        translations = translations.filter(target_locale=locale)
    translations = list(translations)
    live = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in={t.source.object_id for t in translations},
            live=True,
            alias_of__isnull=True,
        ).specific()
    }
    added = 0
    for done, translation in enumerate(translations, start=1):
        page = live.get((translation.source.object_id, translation.target_locale_id))
        if page is not None and not getattr(page, "shows_source_content", False):
            added += feed_translation(translation)[0]
        progress(done, len(translations), page)
    return added


# --- on submit -------------------------------------------------------------------------------


def prefill(translation, *, user=None):
    """Pre-fill the untranslated segments of ``translation`` that the memory has exactly, marked
    "from memory", and record the leverage of the submission (``MemoryLeverage``): exact, fuzzy
    and new segments and source words. A fixed number of queries whatever the page's length.
    Returns the leverage row."""
    from wagtail_localize.models import StringSegment, StringTranslation

    from .models import MemoryLeverage

    source_locale, target_locale = translation.source.locale, translation.target_locale
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .values_list("string_id", "context_id", "string__data")
        .order_by("order")
    )
    leverage = MemoryLeverage(translation=translation, user=user)
    in_memory = has_entries(source_locale, target_locale) if segments else False
    exact = (
        exact_matches(
            source_locale=source_locale,
            target_locale=target_locale,
            texts={data for _string, _context, data in segments},
        )  # fmt: skip
        if in_memory
        else {}
    )
    done = set(
        StringTranslation.objects.filter(
            locale_id=target_locale.pk,
            context_id__in={context for _string, context, _data in segments},
        ).values_list("translation_of_id", "context_id")
    )
    fuzzy = (
        best_fuzzy_scores(
            source_locale=source_locale,
            target_locale=target_locale,
            texts={data for _string, _context, data in segments if normalise(data) not in exact},
        )  # fmt: skip
        if in_memory
        else {}
    )
    new_rows = []
    for string_id, context_id, data in segments:
        words = word_count(data)
        key = normalise(data)
        match = exact.get(key)
        if match is not None:
            leverage.exact_segments += 1
            leverage.exact_words += words
            if (string_id, context_id) not in done:
                new_rows.append(
                    StringTranslation(
                        translation_of_id=string_id, locale_id=target_locale.pk,
                        context_id=context_id, data=match.target,
                        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                        tool_name=MEMORY_TOOL, last_translated_by=user,
                    )
                )  # fmt: skip
                done.add((string_id, context_id))
        elif key in fuzzy:
            leverage.fuzzy_segments += 1
            leverage.fuzzy_words += words
        else:
            leverage.new_segments += 1
            leverage.new_words += words
    StringTranslation.objects.bulk_create(new_rows)
    if new_rows:  # a bulk write sends no signal: the stored review gates of the locale go
        from .checks import forget_review_gates

        forget_review_gates(locale_id=target_locale.pk)
    leverage.prefilled = len(new_rows)
    leverage.save()
    return leverage


def prefill_submission(*, source, locales, user=None):
    """``prefill`` each translation of the ``source`` object into ``locales`` (after
    wagtail-localize created them). Returns the leverage rows."""
    from wagtail_localize.models import Translation

    translations = Translation.objects.filter(
        source__object_id=source.translation_key,
        source__locale_id=source.locale_id,
        target_locale__in=locales,
        enabled=True,
    ).select_related("source__locale", "target_locale")
    return [prefill(translation, user=user) for translation in translations]


def leverage_totals(rows):
    """The sum of leverage rows, as one row (not saved)."""
    from .models import MemoryLeverage

    total = MemoryLeverage()
    for row in rows:
        for name in (
            "exact_segments", "fuzzy_segments", "new_segments",
            "exact_words", "fuzzy_words", "new_words", "prefilled",
        ):  # fmt: skip
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total


def latest_leverage(translation):
    from .models import MemoryLeverage

    return MemoryLeverage.objects.filter(translation=translation).first()
