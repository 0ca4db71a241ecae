"""Background work of the search index (django-tasks)."""

import logging

from django.apps import apps
from django_tasks import task

logger = logging.getLogger(__name__)


def resilient_backends():
    from modelsearch.backends import get_search_backends_with_name

    from .backends import ResilientOpenSearch

    return [
        (name, backend)
        for name, backend in get_search_backends_with_name(with_auto_update=True)
        if isinstance(backend, ResilientOpenSearch)
    ]


def send_backlog(progress=None):
    """Send what OpenSearch missed (``IndexBacklog``) to it again: the object as it is now, or
    its removal when it is gone. Returns ``(sent, left)``; stops at the first failure (the node
    is still down: the rest stays queued)."""
    from .backends import mark_down, mark_up
    from .models import IndexBacklog

    entries = list(IndexBacklog.objects.order_by("pk"))
    backends = resilient_backends()
    if not backends:  # OpenSearch is no longer configured: nothing to catch up with
        IndexBacklog.objects.filter(pk__in=[entry.pk for entry in entries]).delete()
        return len(entries), 0
    sent = 0
    for number, entry in enumerate(entries, start=1):
        model = apps.get_model(entry.model)
        obj = model.objects.filter(pk=entry.object_id).first()
        try:
            for _name, backend in backends:
                mark_up(backend)  # ask the node itself, not the cached "down"
                if obj is not None:
                    backend.get_index_for_model(model).add_item(obj)
                else:
                    backend.get_index_for_model(model).delete_item(model(pk=entry.object_id))
        except Exception as error:
            logger.warning("OpenSearch still unavailable (%s): %d entries wait", error,
                           len(entries) - sent)  # fmt: skip
            for _name, backend in backends:
                mark_down(backend, error)
            break
        IndexBacklog.objects.filter(pk=entry.pk, action=entry.action).delete()
        sent += 1
        if progress:
            progress(number, len(entries))
    return sent, len(entries) - sent


@task()
def catch_up():
    sent, left = send_backlog()
    if sent or left:
        logger.info("Search index catch-up: %d sent, %d still waiting", sent, left)
