"""OpenSearch that fails fast and catches up: the ``BACKEND`` of ``OPENSEARCH_URL``'s setting.

Wagtail's ``opensearch2`` backend, with two additions for a node that is down or slow:

- **It fails fast.** When a request to the node fails (refused, timed out), the node is marked
  unavailable for ``DOWN_SECONDS`` in the shared cache (every application server sees it); until
  then, indexing skips the node at once and searches answer from the database backend
  (``search.engine.match``). Publishing a page therefore waits for at most one timeout.
- **It catches up.** Every object the node missed (added, changed or deleted) is written to
  ``search.IndexBacklog`` and the ``catch_up`` task is queued to send it again once the node is
  back (after ``DOWN_SECONDS``; with the database task backend, ``manage.py db_worker`` runs it);
  ``manage.py catch_up_search_index`` sends it at once (``rebuild_search_index`` makes it moot).

Errors are still raised to the caller (modelsearch's signal handlers log them and go on: an editor
is never stopped by the index).

And one for speed: ``results.ranked_pks(limit)`` asks the node for the ids of the best ``limit``
matches in one request (no source, no stored fields, no total: the ids from the doc values); the
results' own iteration scrolls by 100 and loads every row of each hundred from the database,
eleven requests for 1,000 ids.
"""

import hashlib
import logging
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend, OpenSearch2SearchResults

logger = logging.getLogger(__name__)

DOWN_SECONDS = 30


class SearchNodeUnavailable(ConnectionError):
    """The node failed a moment ago: not asked again until ``DOWN_SECONDS`` have passed."""


def _key(backend):
    hosts = repr(getattr(backend, "hosts", None)) + getattr(backend, "index_prefix", "")
    return "search:down:" + hashlib.sha256(hosts.encode()).hexdigest()[:16]


def is_down(backend):
    return isinstance(backend, ResilientOpenSearch) and bool(cache.get(_key(backend)))


def mark_down(backend, error):
    if isinstance(backend, ResilientOpenSearch) and not is_down(backend):
        logger.error("OpenSearch is unavailable (%s): database search for %ss", error, DOWN_SECONDS)
        cache.set(_key(backend), True, DOWN_SECONDS)


def mark_up(backend):
    cache.delete(_key(backend))


class RankedResults(OpenSearch2SearchResults):
    def ranked_pks(self, limit):
        """The primary keys of the best ``limit`` matches, best first, in one request."""
        response = self._backend_do_search(
            self._get_es_body(),
            index=self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            _source=False,
            # The pk from its doc values (a keyword's column store), not from the stored
            # fields: reading 1,000 documents' stored fields (compressed blocks) took most of
            # the request (took 60 ms against 4-16 ms at 10,000 matches on a busy machine).
            stored_fields="_none_",
            docvalue_fields="pk",
            size=limit,
            track_total_hits=False,
            filter_path="hits.hits.fields.pk",
        )
        hits = response.get("hits", {}).get("hits", [])
        return [int(hit["fields"]["pk"][0]) for hit in hits]


class ResilientOpenSearch(OpenSearch2SearchBackend):
    results_class = RankedResults

    def _guarded(self, write, entries):
        if is_down(self):
            record_backlog(entries)
            raise SearchNodeUnavailable("OpenSearch was unavailable a moment ago; queued")
        try:
            result = write()
        except Exception as error:
            mark_down(self, error)
            record_backlog(entries)
            raise
        return result

    def add(self, obj):
        return self._guarded(lambda: super(ResilientOpenSearch, self).add(obj), [(obj, "add")])

    def add_bulk(self, model, obj_list):
        obj_list = list(obj_list)
        return self._guarded(
            lambda: super(ResilientOpenSearch, self).add_bulk(model, obj_list),
            [(obj, "add") for obj in obj_list],
        )

    def delete(self, obj):
        return self._guarded(
            lambda: super(ResilientOpenSearch, self).delete(obj), [(obj, "delete")]
        )


def record_backlog(entries):
    """Remember what the node missed, and queue ``catch_up`` for when it should be back."""
    from .models import IndexBacklog

    for obj, action in entries:
        IndexBacklog.objects.update_or_create(
            model=obj._meta.label_lower, object_id=str(obj.pk), defaults={"action": action}
        )
    from .tasks import catch_up

    # Run at once (the immediate task backend), catch_up would only meet the node still down:
    # then the backlog waits for `catch_up_search_index`, `rebuild_search_index` or a later run.
    try:
        if catch_up.get_backend().supports_defer:
            run_after = timezone.now() + timedelta(seconds=DOWN_SECONDS + 1)
            catch_up.using(run_after=run_after).enqueue()
    except Exception:
        logger.exception("Could not queue the search index's catch-up")


SearchBackend = ResilientOpenSearch  # BACKEND: "search.backends"
