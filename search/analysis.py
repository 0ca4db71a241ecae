"""Language-aware text analysis shared by indexing and querying, whatever the backend.

Wagtail's database backends cannot stem per language on SQLite (FTS5's tokenizers know no
Spanish, Portuguese or French) and the PostgreSQL backend uses one configuration for every row.
So the index holds, for each word, its folded Snowball stems in the page's own language
(``snowballstemmer``: Spanish for es and es-mx, English, Portuguese, French), and a query is
analysed the same way with the language of the locale it searches. The backend then only matches
plain ASCII tokens, which every backend does the same way.

Each word gives two tokens (usually equal): the stem of the word folded, and the stem of the
folded word. A reader who types "migracion" without its accent then meets a page that wrote
"migración", whichever way the stemmer treats the accent.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[^\W_]+", re.UNICODE)

STEMMERS = {"es": "spanish", "en": "english", "pt": "portuguese", "fr": "french"}

# Words a query may drop (the index keeps them): articles, prepositions and conjunctions. Kept
# short on purpose: "no" and "sin" change a query's meaning and stay.
STOPWORDS = {
    "es": {"el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "y", "e",
           "o", "u", "en", "a", "por", "para", "con", "que", "se", "su", "sus", "lo"},
    "en": {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by",
           "is", "are", "its", "their"},
    "pt": {"o", "a", "os", "as", "um", "uma", "de", "do", "da", "dos", "das", "e", "ou", "em",
           "no", "na", "nos", "nas", "por", "para", "com", "que", "se", "ao", "aos"},
    "fr": {"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "en", "a",
           "au", "aux", "pour", "par", "avec", "que", "qui", "se", "sur", "dans"},
}  # fmt: skip


def language_of(language_code):
    """The analysis language of a locale's language code (``es-mx`` → ``es``)."""
    base = (language_code or "es").split("-")[0].lower()
    return base if base in STEMMERS else "es"


def fold(text):
    """Lower case without diacritics ("Niñez" → "ninez")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8)
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMERS[language])


@lru_cache(maxsize=100_000)
def variants(word, language):
    """The index tokens of one word (one or two)."""
    stemmer = _stemmer(language)
    lowered = word.lower()
    return tuple(dict.fromkeys([fold(stemmer.stemWord(lowered)), stemmer.stemWord(fold(lowered))]))


def words(text):
    return WORD.findall(text or "")


def index_terms(text, language):
    """The text to index for ``text`` written in ``language``: space-separated tokens."""
    tokens = []
    for word in words(text):
        tokens.extend(variants(word, language))
    return " ".join(token for token in tokens if token)


def query_groups(query, language):
    """A query's words as groups of alternative tokens (a page must match one token of each
    group with the "and" operator). Stop words are dropped unless nothing else is left."""
    found = words(query)
    kept = [w for w in found if fold(w) not in STOPWORDS[language]] or found
    groups = []
    for word in kept:
        group = tuple(token for token in variants(word, language) if token)
        if group and group not in groups:
            groups.append(group)
    return groups


def matches(word, language, query_tokens):
    """Whether one word of a text matches the query (for highlighting)."""
    return any(token in query_tokens for token in variants(word, language))
