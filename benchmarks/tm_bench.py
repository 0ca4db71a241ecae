"""`make bench`: translation memory lookups at 10,000 and 100,000 entries.

A throw-away SQLite database gets the memory's tables only, then synthetic Spanish-like
sentences (a fixed seed; a Zipf-distributed vocabulary of 6,000 words whose frequent words are
short, as in a real language; 6 to 30 words a sentence). Printed for each size: the time to
store the entries (the first 10,000 through ``memory.store``, the next 90,000 as the same rows
written directly, to keep the bench short); exact lookups of stored sentences; fuzzy lookups
of stored sentences with one or two words changed (they must be found, 75 or more out of 100);
fuzzy lookups of unrelated sentences (nothing to find); the editor's lookup; and the leverage
of a 60-segment page on submit (``best_fuzzy_scores``): median, 95th percentile and mean in
milliseconds, and how many fuzzy queries found something. It prints, it asserts nothing (the
query counts are asserted in tests/translations/test_memory.py).
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
WORKDIR = tempfile.mkdtemp(prefix="tm-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/tm.sqlite3"

SIZES = (10_000, 100_000)
QUERIES = 100
SYLLABLES = "ma pe ri so tu la ne ci do gu ba te ni lo cu ra se vi mo de fa go ju pa".split()


def vocabulary(rng, size=6000):
    """Words by rank: the frequent ones short, as in a real language."""
    words, seen = [], set()
    while len(words) < size:
        length = 1 + min(5, len(words) // 400) + rng.randint(0, 2)
        word = "".join(rng.choice(SYLLABLES) for _ in range(length))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Corpus:
    def __init__(self, seed=13):
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        self.weights = [1 / (rank + 1) for rank in range(len(self.words))]

    def sentence(self):
        count = self.rng.randint(6, 30)
        words = self.rng.choices(self.words, self.weights, k=count)
        return " ".join(words).capitalize() + "."

    def variant(self, sentence):
        """The sentence with one or two of its words replaced."""
        words = sentence.rstrip(".").split(" ")
        for _ in range(1 if len(words) < 14 else 2):
            words[self.rng.randrange(len(words))] = self.rng.choice(self.words[200:])
        return " ".join(words) + "."


def create_tables():
    from django.contrib.auth.models import Group, Permission, User
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Locale

    from translations.models import MemoryEntry, MemoryWord

    with connection.cursor() as cursor:
        # The bench measures lookups: the 100,000 entries are written with a large page cache
        # and without waiting for the disk (its printed store times are therefore optimistic).
        cursor.execute("PRAGMA cache_size = -262144")
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA journal_mode = MEMORY")
    with connection.schema_editor() as editor:
        for model in (ContentType, Permission, Group, User, Locale, MemoryEntry, MemoryWord):
            editor.create_model(model)
    return Locale.objects.create(language_code="es"), Locale.objects.create(language_code="pt-br")


def fill(source, target, texts):
    """The rows ``memory.store`` would write for new ``texts``, without model instances."""
    from django.db import connection
    from django.db.models import Max
    from django.utils import timezone

    from translations import memory
    from translations.models import MemoryEntry

    first = (MemoryEntry.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    now = timezone.now()
    entries, words = [], []
    for pk, text in enumerate(texts, start=first):
        text = memory.normalise(text)
        entries.append(
            (pk, source.pk, target.pk, memory.source_hash(text), text, f"[pt] {text}", len(text),
             memory.word_count(text), MemoryEntry.APPROVED, now, now)
        )  # fmt: skip
        words += [(pk, source.pk, target.pk, word, len(text)) for word in memory.index_words(text)]
    table = MemoryEntry._meta.db_table
    columns = (
        "id, source_locale_id, target_locale_id, source_hash, source, target, length, words, "
        "origin, created_at, updated_at"
    )
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * 11)})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(entries), 1000):
            cursor.executemany(sql, entries[start : start + 1000])
    memory._insert_words(words)


def timed(function, arguments):
    durations, answered = [], 0
    for argument in arguments:
        started = time.perf_counter()
        result = function(argument)
        durations.append((time.perf_counter() - started) * 1000)
        answered += bool(result)
    return durations, answered


def line(label, durations, answered=None):
    p95 = statistics.quantiles(durations, n=20)[-1] if len(durations) > 1 else durations[0]
    found = f"  answered {answered}/{len(durations)}" if answered is not None else ""
    print(
        f"    {label:<34} median {statistics.median(durations):6.2f} ms  p95 {p95:6.2f} ms  "
        f"mean {statistics.fmean(durations):6.2f} ms{found}"
    )


def main():
    import django

    django.setup()
    from translations import memory

    source, target = create_tables()
    corpus = Corpus()
    sentences = []
    print("Translation memory lookups (SQLite; synthetic Spanish-like sentences)")
    print(f"  scores from: {getattr(memory._ratio, '__module__', '?')}")
    for size in SIZES:
        new = [corpus.sentence() for _ in range(size - len(sentences))]
        started = time.perf_counter()
        if not sentences:  # the service, as a TMX import or approvals store them
            memory.store(
                source_locale=source,
                target_locale=target,
                pairs=[(text, f"[pt] {text}") for text in new],
            )
            how = "stored by memory.store"
        else:  # the same rows, written directly, to keep the bench short
            fill(source, target, new)
            how = "written directly"
        stored_in = time.perf_counter() - started
        sentences += new
        entries = memory.stats_by_locale()[target.pk]
        print(f"  {entries:,} entries (the last {len(new):,} {how} in {stored_in:.1f} s)")
        sample = corpus.rng.sample(sentences, QUERIES)
        variants = [corpus.variant(text) for text in sample]
        unrelated = [corpus.sentence() for _ in range(QUERIES)]

        def exact(text):
            return memory.exact_matches(source_locale=source, target_locale=target, texts=[text])

        def fuzzy(text):
            return memory.fuzzy_matches(source_locale=source, target_locale=target, text=text)

        def lookup(text):
            return memory.lookup(source_locale=source, target_locale=target, text=text)

        line("exact (stored sentence)", *timed(exact, sample))
        line("fuzzy (1-2 words changed)", *timed(fuzzy, variants))
        line("fuzzy (unrelated sentence)", *timed(fuzzy, unrelated))
        line("editor lookup (exact + fuzzy)", *timed(lookup, variants))
        pages = [
            corpus.rng.sample(variants, 20) + corpus.rng.sample(sample, 20) + unrelated[:20]
            for _ in range(5)
        ]
        durations, _answered = timed(
            lambda page: memory.best_fuzzy_scores(
                source_locale=source, target_locale=target, texts=page
            ),
            pages,
        )
        line("leverage of a 60-segment page", durations)


if __name__ == "__main__":
    started = time.perf_counter()
    try:
        main()
    finally:
        import shutil

        shutil.rmtree(WORKDIR, ignore_errors=True)
    print(f"  (bench ran in {time.perf_counter() - started:.0f} s)")
