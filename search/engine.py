"""Running a search for one reader: matching, the access rule, facets, snippets, suggestions.

The backend (Wagtail's, ``WAGTAILSEARCH_BACKENDS``) matches analysed tokens in the rows of the
requested locales and gives the ids of the best ``MAX_CANDIDATES`` rows, best first. One database
query then reads, for those ids, the few columns a result needs before it is shown (its page, its
part, its facets) of the rows whose page the reader may read (``visible_for(request)``'s rule
joined to each row's page, its facts read once per request); a module body's row is kept only
when the reader may study the module. The best
``RERANK_HEAD`` of them are re-ranked by the query's words (their analysed tokens are read for
them alone); facet counts are computed from every kept row; the text and the page of a result
are read only for the results shown (``load_pages``).
"""

import difflib
import json
import logging
import math
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Q, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Or, PlainText
from wagtail.models import Locale, Page

from course_content.models import ModulePage
from course_content.visibility import visible_for

from .analysis import WORD, fold, language_of, matches, query_groups
from .backends import is_down, mark_down
from .models import PUBLIC, STUDY, SearchDocument

logger = logging.getLogger(__name__)

MAX_CANDIDATES = 1000  # rows read from the backend per language
RERANK_HEAD = 200  # of the readable ones, the best re-ranked by the query's words
SNIPPET_WORDS = 32
FACETS = ("kind", "module", "country", "type", "material")


@dataclass(eq=False)
class Hit:
    """One result: the columns of its row a result needs before it is shown; its row's text
    and its page are read only for the results shown (``load_pages``)."""

    document_id: int
    page_id: int
    part: str
    facets: dict  # facet name -> tuple of values ("kind": one)
    groups: list
    language: str
    title_tokens: str = ""  # the analysed title and text (``load_tokens``: the re-ranked head)
    terms: str = ""
    _document: SearchDocument = None
    _page: Page = None
    _request: object = None  # for the pages' addresses (``load_pages``)

    @property
    def document(self):
        if self._document is None:
            load_pages([self])
        return self._document

    @property
    def page(self):
        """The page (loaded only for the hits shown: ``load_pages``)."""
        if self._page is None:
            load_pages([self])
        return self._page

    @property
    def kind(self):
        return self.facets["kind"][0]

    @cached_property
    def url(self):
        return self.page.get_url(self._request)

    def _tokens(self):
        return {token for group in self.groups for token in group}

    @cached_property
    def title(self):
        return highlight(self.document.heading, self.language, self._tokens())

    @cached_property
    def snippet(self):
        return snippet(self.document.text, self.language, self._tokens())


@dataclass
class Outcome:
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # name -> {value: count}
    operator_used: str = "and"
    relaxed: bool = False  # no page had every word: pages with any of them
    reduced: bool = False  # the configured backend failed: the database answered


def backend_query(groups, operator):
    def group_query(group):
        if len(group) == 1:
            return PlainText(group[0])
        return Or([PlainText(token) for token in group])

    parts = [group_query(group) for group in groups]
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def locales_for(language_codes):
    """Language codes grouped by analysis language: {"es": ["es", "es-mx"], ...}."""
    grouped = {}
    for code in language_codes:
        grouped.setdefault(language_of(code), []).append(code)
    return grouped


def _match(query, codes, backend, groups=None, operator="and"):
    """The ids of the best ``MAX_CANDIDATES`` rows for ``query`` in ``codes``, best first."""
    if groups and is_sqlite_database_backend(backend):
        try:
            return _match_sqlite(groups, operator, codes)
        except DatabaseError:
            logger.exception("The SQLite ranking query failed; asking the backend instead")
    queryset = SearchDocument.objects.filter(language_code__in=codes)
    results = backend.search(query, queryset, order_by_relevance=True)
    if hasattr(results, "ranked_pks"):  # OpenSearch: one request for the ids (search.backends)
        return results.ranked_pks(MAX_CANDIDATES)
    head = results[:MAX_CANDIDATES]
    if hasattr(head, "get_queryset"):  # PostgreSQL's backend: the ranked query, ids only
        return list(head.get_queryset().values_list("pk", flat=True))
    return [row.pk for row in head]


def is_sqlite_database_backend(backend):
    if connection.vendor != "sqlite":
        return False  # the SQLite backend's module cannot even be imported on another database
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return isinstance(backend, SQLiteSearchBackend)


def _match_sqlite(groups, operator, codes):
    """The ids of the best ``MAX_CANDIDATES`` rows for ``groups`` in the database backend's
    SQLite index, ranked by FTS5's bm25 (the title weighs 4, like its boost).

    Wagtail's database backend ranks with a subquery that runs the match again for every
    matching row (0.8 s for 1,000 matches); this reads the same index (its ``IndexEntry`` rows
    and their FTS5 table, maintained by the backend) once. The full-text table ranks its
    matches alone (one query: the ids of its best ``3 × 1,250`` entries), and only the best
    of them are looked up, a slice at a time, in their entries and rows (an entry holds the
    indexed text: looking up every match's entry took longer than the ranking, 16 ms for
    10,000 matches). The index also holds Wagtail's own page entries (with the pages' words:
    half the matches of "niñez") and the other languages' rows: each next slice is as long as
    the share of our rows so far says, and every match is ranked only when the best ones were
    not enough. Tokens are analysed words (``search.analysis``), quoted: no FTS5 syntax
    reaches the match from a reader.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    joiner = " AND " if operator == "and" else " OR "
    match = (
        "{title body} : ("
        + joiner.join("(" + " OR ".join(f'"{token}"' for token in group) + ")" for group in groups)
        + ")"
    )
    entries = IndexEntry._meta.db_table
    documents = SearchDocument._meta.db_table
    placeholders = ", ".join(["%s"] * len(codes))
    content_type = ContentType.objects.get_for_model(SearchDocument).pk

    def ranked(limit):
        """The ids of the best ``limit`` entries (-1: every match), best first."""
        sql = (
            f"SELECT rowid FROM {entries}_fts WHERE {entries}_fts MATCH %s "  # noqa: S608 (table names from the models)
            f"ORDER BY bm25({entries}_fts, 0.0, 1.0, 4.0), rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, limit])
            return [row[0] for row in cursor.fetchall()]

    def ours(entry_ids):
        """Of ``entry_ids``, the ids of our rows in ``codes``, in the same order."""
        sql = (
            f"SELECT e.id, d.id FROM {entries} e "  # noqa: S608 (table names from the models)
            f"JOIN {documents} d ON d.id = CAST(e.object_id AS INTEGER) "
            f"WHERE e.id IN (SELECT value FROM json_each(%s)) AND e.content_type_id = %s "
            f"AND d.language_code IN ({placeholders})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [json.dumps(entry_ids), content_type, *codes])
            found = dict(cursor.fetchall())
        return [found[entry] for entry in entry_ids if entry in found]

    head = MAX_CANDIDATES + MAX_CANDIDATES // 4
    limit = 3 * head
    best = ranked(limit)
    ids = []
    position, size = 0, head
    while len(ids) < MAX_CANDIDATES:
        if position >= len(best):
            if limit < 0 or len(best) < limit:
                break  # every match was read
            limit, best = -1, ranked(-1)  # the same order, every match
            continue
        ids += ours(best[position : position + size])
        position = min(position + size, len(best))
        share = max(len(ids), 1) / position
        size = max(head, math.ceil((MAX_CANDIDATES - len(ids)) * 1.25 / share))
    return ids[:MAX_CANDIDATES]


def with_fallback(run):
    """``run(backend)`` on the default backend, or on the database backend when the default one
    fails (or failed a moment ago: ``search.backends``): ``(result, reduced)``."""
    backend = get_search_backend("default")
    if "database" not in settings.WAGTAILSEARCH_BACKENDS:
        return run(backend), False
    if not is_down(backend):
        try:
            return run(backend), False
        except Exception as error:
            logger.exception("Search backend failed; answering from the database backend")
            mark_down(backend, error)
    return run(get_search_backend("database")), True


def match(query, codes, groups=None, operator="and"):
    """Ids of the matched rows, best first, and whether the database answered for a failed
    backend."""
    return with_fallback(lambda backend: _match(query, codes, backend, groups, operator))


def _json_list(text, parsed):
    """A JSON list read as text (``parsed``: the lists already read, which repeat a lot)."""
    found = parsed.get(text)
    if found is None:
        found = parsed[text] = tuple(str(value) for value in json.loads(text or "[]"))
    return found


def _pk_in(ids):
    """The rows ``ids`` as a filter. On SQLite the ids are one JSON parameter read by
    ``json_each``: Django prepares a literal ``IN`` list value by value (about 3 ms of CPU for
    the 1,000 ids of a search that matches nearly every page)."""
    if connection.vendor == "sqlite":
        return Q(
            pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps([int(pk) for pk in ids])])
        )
    return Q(pk__in=ids)


def readable(request, ids, groups=(), language="es"):
    """Of the rows ``ids`` (best first), those the reader may see, one per page (its best row),
    as ``Hit``s. One query reads them, with the access rule joined to each row's page (its
    facts read once per request: ``Visible.readable_q``); a module's body row is kept only
    when the reader may study the module (``Visible.unstudied_q``). No page is loaded."""
    if not ids:
        return []
    visible = visible_for(request)
    rows = (
        SearchDocument.objects.filter(_pk_in(ids))
        .filter(visible.readable_q("page__"))
        .exclude(Q(part=STUDY) & visible.unstudied_q("page__"))
        .annotate(modules=Cast("module_numbers", TextField()), where=Cast("countries", TextField()))
        .values_list(
            "pk", "page_id", "part", "kind", "modules", "where", "resource_type",
            "material_language",
        )
    )  # fmt: skip
    found = {row[0]: row for row in rows}
    parsed = {}
    shared = {}  # facet values -> one read-only facets dict shared by the hits that have them
    groups = list(groups)  # read-only, shared by the hits
    seen = set()
    kept = []
    for pk in ids:
        row = found.get(pk)
        if row is None:
            continue
        _pk, page_id, part, kind, modules, countries, resource_type, material = row
        if page_id in seen:
            continue
        seen.add(page_id)
        signature = row[3:]
        facets = shared.get(signature)
        if facets is None:
            facets = shared[signature] = {
                "kind": (kind,),
                "module": _json_list(modules, parsed),
                "country": _json_list(countries, parsed),
                "type": (resource_type,) if resource_type else (),
                "material": (material,) if material else (),
            }
        kept.append(Hit(pk, page_id, part, facets, groups, language))
    return kept


def load_tokens(hits):
    """Read the analysed title and text of ``hits`` (those re-ranked) in one query."""
    tokens = SearchDocument.objects.filter(_pk_in([hit.document_id for hit in hits]))
    found = {pk: (title, terms) for pk, title, terms in tokens.values_list("pk", "title", "terms")}
    for hit in hits:
        hit.title_tokens, hit.terms = found.get(hit.document_id, ("", ""))
    return hits


def load_pages(hits, request=None):
    """Load the rows and pages of ``hits`` in two queries (the results shown on one page of
    results); ``request`` makes their addresses relative to its site."""
    for hit in hits:
        hit._request = request
    missing = [hit for hit in hits if hit._page is None or hit._document is None]
    if missing:
        documents = SearchDocument.objects.defer("title", "terms").in_bulk(
            [hit.document_id for hit in missing]
        )  # the analysed tokens are not shown
        pages = Page.objects.select_related("locale").in_bulk([hit.page_id for hit in missing])
        for hit in missing:
            hit._document = documents[hit.document_id]
            hit._page = pages[hit.page_id]
    return hits


def search(request, query, *, language_codes, operator=None, filters=None):
    filters = filters or {}
    outcome = Outcome(operator_used=operator or "and")
    hits = []
    for language, codes in locales_for(language_codes).items():
        groups = query_groups(query, language)
        if not groups:
            continue
        ids, reduced = match(
            backend_query(groups, outcome.operator_used), codes, groups, outcome.operator_used
        )
        outcome.reduced |= reduced
        hits.append(readable(request, ids, groups, language))
    if operator is None and not any(hits) and any(len(query_groups(query, language_of(c))) > 1
                                                  for c in language_codes):  # fmt: skip
        relaxed = search(request, query, language_codes=language_codes, operator="or",
                         filters=filters)  # fmt: skip
        relaxed.relaxed = bool(relaxed.hits)
        relaxed.operator_used = "and"
        return relaxed
    merged = interleave([rerank_head(ranking) for ranking in hits])
    outcome.facets = facet_counts(merged, filters)
    outcome.hits = [hit for hit in merged if passes(hit, filters)]
    return outcome


def rerank_head(hits):
    """The best ``RERANK_HEAD`` hits (by the backend's score) re-ranked, the others after them
    in the backend's order."""
    return rerank(load_tokens(hits[:RERANK_HEAD])) + hits[RERANK_HEAD:]


def together(text, groups):
    """Whether two consecutive words of the query stand side by side in ``text`` (analysed
    tokens separated by spaces; a word's variants follow each other, so its last variant meets
    the next word's first)."""
    padded = f" {text} "
    return any(
        f" {first} {second} " in padded
        for group, following in zip(groups, groups[1:], strict=False)
        for first in group
        for second in following
    )


def rerank(hits):
    """The backend's order, refined: pages holding more of the query's words first (each word
    weighed by how rare it is among the matches: "acompañados" counts more than "no"), then
    where two of its words stand together (a phrase), then those whose title holds more.
    ``hits`` carry their analysed title and text (``load_tokens``)."""
    if not hits:
        return hits
    groups = hits[0].groups
    needles = [[f" {token} " for token in group] for group in groups]
    facts = []
    for hit in hits:
        title, terms = f" {hit.title_tokens} ", f" {hit.terms} "
        in_title = [any(needle in title for needle in group) for group in needles]
        found = [
            in_title[number] or any(needle in terms for needle in group)
            for number, group in enumerate(needles)
        ]
        facts.append((hit, in_title, found))
    weight = [
        math.log(1 + len(hits) / max(sum(1 for _hit, _title, found in facts if found[n]), 1))
        for n in range(len(groups))
    ]

    def key(item):
        position, (hit, in_title, found) = item
        phrase = sum(found) > 1 and (
            together(hit.title_tokens, groups) or together(hit.terms, groups)
        )
        everywhere = sum(w for w, holds in zip(weight, found, strict=True) if holds)
        title_weight = sum(w for w, holds in zip(weight, in_title, strict=True) if holds)
        return (-round(everywhere, 6), -phrase, -round(title_weight, 6), position)

    return [hit for _position, (hit, *_facts) in sorted(enumerate(facts), key=key)]


def interleave(lists):
    """One ranking from the rankings of several languages (each page's rank within its own)."""
    ranked = []
    for ranking in lists:
        ranked.extend((position, order, hit) for position, hit in enumerate(ranking)
                      for order in [len(ranked)])  # fmt: skip
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [hit for _position, _order, hit in ranked]


def passes(hit, filters, skip=None):
    return all(
        value in hit.facets[name] for name, value in filters.items() if name != skip and value
    )


def facet_counts(hits, filters):
    """For each facet, the number of results per value, with the other facets applied: a hit
    counts for every facet when it passes every filter, and only for the facet whose filter it
    fails when it fails one."""
    counts = {name: {} for name in FACETS}
    chosen = [(name, value) for name, value in filters.items() if value]
    # Hits with the same facet values share one dict (``readable``): count each dict once,
    # weighed by the number of its hits.
    shared = {}
    for hit in hits:
        key = id(hit.facets)
        entry = shared.get(key)
        if entry is None:
            shared[key] = [hit.facets, 1]
        else:
            entry[1] += 1
    for facets, number in shared.values():
        failed = [name for name, value in chosen if value not in facets[name]]
        if len(failed) > 1:
            continue
        for name in failed or FACETS:
            values = counts[name]
            for value in facets[name]:
                values[value] = values.get(value, 0) + number
    return counts


def highlight(text, language, tokens):
    out = []
    position = 0
    for found in WORD.finditer(text):
        if matches(found.group(), language, tokens):
            out.append(escape(text[position : found.start()]))
            out.append(f"<mark>{escape(found.group())}</mark>")
            position = found.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece escaped above)


def snippet(text, language, tokens):
    """About ``SNIPPET_WORDS`` words of ``text`` around its first match (up to 8 words before
    it), matches marked; the text's first words when nothing matches. The text is read only
    up to the end of the snippet (a module's body is long)."""
    text = text or ""
    words = WORD.finditer(text)
    before = deque(maxlen=8)
    dropped = False  # words before the snippet
    window = None
    for word in words:
        if matches(word.group(), language, tokens):
            window = [*before, word]
            break
        dropped |= len(before) == before.maxlen
        before.append(word)
    if window is None:  # no match: from the start
        words, window, dropped = WORD.finditer(text), [], False
    more = False  # words after the snippet
    for word in words:
        if len(window) == SNIPPET_WORDS:
            more = True
            break
        window.append(word)
    if not window:
        return ""
    piece = " ".join(text[window[0].start() : window[-1].end()].split())
    prefix = "… " if dropped else ""
    suffix = " …" if more else ""
    return mark_safe(escape(prefix) + highlight(piece, language, tokens) + escape(suffix))  # noqa: S308


def suggestion(request, query, language_codes):
    """A spelling of ``query`` made of words the reader's readable pages use, or None."""
    visible = visible_for(request)
    documents = SearchDocument.objects.filter(language_code__in=language_codes, part=PUBLIC)
    page_ids = visible(Page.objects.filter(pk__in=documents.values("page_id"))).values("pk")
    vocabulary = {}
    for heading, text in documents.filter(page_id__in=page_ids).values_list("heading", "text")[
        :3000
    ]:
        for word in WORD.findall(f"{heading} {text}"):
            if len(word) > 2:
                vocabulary.setdefault(fold(word), word.lower())
    changed = False
    words = []
    for word in WORD.findall(query):
        folded = fold(word)
        if folded in vocabulary or len(folded) < 3:
            words.append(word)
            continue
        close = difflib.get_close_matches(folded, list(vocabulary), n=1, cutoff=0.75)
        if close:
            words.append(vocabulary[close[0]])
            changed = True
        else:
            words.append(word)
    return " ".join(words) if changed else None


def popular_pages(request, language_code):
    """The course's modules in the reader's language (what most searches are for)."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return []
    modules = ModulePage.objects.filter(locale=locale).order_by("number")
    return list(visible_for(request)(modules)[:10])


def autocomplete(request, query, language_code, limit=8):
    """Titles of readable pages starting like ``query`` (the last word may be unfinished)."""
    language = language_of(language_code)
    found = WORD.findall(query)
    if not found:
        return []
    groups = query_groups(" ".join(found[:-1]), language) if len(found) > 1 else []
    # One plain query (every backend's autocomplete takes one): the words before the last by
    # their first token, the last word folded as a prefix.
    terms = [group[0] for group in groups] + [fold(found[-1])]
    backend_query_ = PlainText(" ".join(terms), operator="and")
    queryset = SearchDocument.objects.filter(language_code=language_code, part=PUBLIC)
    documents, _reduced = with_fallback(
        lambda backend: list(backend.autocomplete(backend_query_, queryset)[:50])
    )
    headings = {document.pk: document.heading for document in documents}
    kept = readable(request, [document.pk for document in documents])[:limit]
    pages = Page.objects.filter(pk__in=[hit.page_id for hit in kept]).in_bulk()
    return [(headings[hit.document_id], pages[hit.page_id].url) for hit in kept]


def promotions(request, query, language_codes):
    """The editors' promoted results for ``query`` (Wagtail's search promotions): pages in the
    requested languages that the reader may read, and external links."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page", "page__locale")
        .order_by("sort_order")
    )
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    readable_ids = set()
    if page_ids:  # most queries have no promoted page: no access rule to apply
        readable_ids = set(
            visible_for(request)(Page.objects.filter(pk__in=page_ids)).values_list("pk", flat=True)
        )
    return [
        pick
        for pick in picks
        if (pick.page_id is None and pick.external_link_url)
        or (pick.page_id in readable_ids and pick.page.locale.language_code in language_codes)
    ]


def record(query, language_code, found):
    """Count one search of ``query`` (normalised) in the editors' report."""
    from django.db.models import F
    from django.utils import timezone
    from wagtail.search.utils import normalise_query_string

    from .models import SearchTerm

    normalised = normalise_query_string(query)[:200]
    if not normalised:
        return
    try:
        term, _created = SearchTerm.objects.get_or_create(
            language_code=language_code, query=normalised, day=timezone.localdate()
        )
        SearchTerm.objects.filter(pk=term.pk).update(
            searches=F("searches") + 1, zero_results=F("zero_results") + (0 if found else 1)
        )
    except Exception:  # counting must never break a search
        logger.exception("Could not count a search")
