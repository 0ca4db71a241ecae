"""Exact invalidation: which URLs a change makes stale, and purging them everywhere at once.

``affected_pages`` is the one rule. For the pages that changed it takes, in every locale:

- the pages themselves, their translations and their aliases (wagtail-localize's placeholders
  of untranslated pages included): their content, or their language links, changed;
- the pages that list them: their parent and, one level higher, the page that lists their
  parent's children too (a course lists its modules and counts their country units; the home
  page lists courses and modules, and counts the library's resources); never the root;
- their siblings when siblings link to each other (modules: previous/next; country units: the
  list of countries);
- the pages that show them: modules that list a resource, resources that name their modules,
  and any page that links to them (Wagtail's reference index);
- with ``subtrees``, everything under the given pages (a move, a restriction, a new title or
  slug that every breadcrumb or header under it shows).

``purge_urls`` sends a set to the application page cache (``cms.caching``) at once and to the
front cache as one ``PurgeBatch`` (``WAGTAILFRONTENDCACHE``: Varnish's HTTP ``PURGE`` when
``VARNISH_URL`` is set), after the transaction commits, so that nobody caches the old content
again in between. The signal handlers below call them for each kind of change.
"""

import copy
import logging
import threading

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex

from cms.caching import invalidate_urls

logger = logging.getLogger(__name__)

# Page types whose siblings show links to each other (by content type).
SIBLING_LINKED = ("modulepage", "countryunitpage")
# Fields of a page row whose change shows on the pages under it (breadcrumbs, the header,
# who may read them).
SUBTREE_FIELDS = ("title", "slug", "url_path")


def _group_q(pages):
    """The pages, their translations and their aliases (in any locale)."""
    keys = {page.translation_key for page in pages}
    ids = {page.pk for page in pages}
    return Q(pk__in=ids) | Q(translation_key__in=keys) | Q(alias_of__translation_key__in=keys)


def _showing_q(keys, ids):
    """Pages that show one of the pages (``keys``: their translation keys, ``ids``: theirs)."""
    from course_content.models import ModulePage, ResourcePage

    shown_keys = set(
        ModulePage.objects.filter(related_resources__resource__translation_key__in=keys)
        .values_list("translation_key", flat=True)
        .distinct()
    )
    shown_keys |= set(
        ResourcePage.objects.filter(related_modules__translation_key__in=keys)
        .values_list("translation_key", flat=True)
        .distinct()
    )
    linking = referring_page_ids(Page, ids)
    return Q(translation_key__in=shown_keys) | Q(pk__in=linking)


def referring_page_ids(model, ids):
    """Ids of the pages whose content refers to objects of ``model`` (Wagtail's reference
    index: choosers, links in rich text, documents and images in blocks)."""
    from django.contrib.contenttypes.models import ContentType

    if not ids:
        return set()
    base = model._meta.get_parent_list()[-1] if model._meta.get_parent_list() else model
    rows = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(base),
        to_object_id__in=[str(pk) for pk in ids],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    return {int(pk) for pk in rows}


def affected_pages(pages, *, subtrees=(), listings=True):
    """The pages whose cached answers ``pages`` changing makes stale (see the module);
    without ``listings``, only the pages, their translations and aliases and the pages that show
    them (a document or image changed, not the page's place in listings)."""
    from django.contrib.contenttypes.models import ContentType

    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    steplen = Page.steplen
    group = list(
        Page.objects.filter(_group_q(pages)).only(
            "id", "path", "depth", "translation_key", "content_type_id"
        )
    )
    query = Q(pk__in=[page.pk for page in group])
    listing_paths = set()
    for page in group if listings else ():
        for depth in range(max(2, page.depth - 2), page.depth):
            listing_paths.add(page.path[: depth * steplen])
        if ContentType.objects.get_for_id(page.content_type_id).model in SIBLING_LINKED:
            query |= Q(
                path__startswith=page.path[:-steplen],
                depth=page.depth,
                content_type_id=page.content_type_id,
            )
    if listing_paths:
        query |= Q(path__in=listing_paths)
    query |= _showing_q({page.translation_key for page in group}, [page.pk for page in group])
    for root in subtrees:
        query |= Q(path__startswith=root.path, depth__gt=root.depth)
    return list(Page.objects.filter(query).filter(depth__gte=2).order_by("path"))


def page_urls(pages):
    """The full URLs of ``pages`` (each under every site it is served on)."""
    batch = PurgeBatch()
    batch.add_pages(pages)
    return batch.urls


# --- sending the purge ----------------------------------------------------------------------


class _Batch:
    """The URLs one transaction makes stale, sent once it commits."""

    def __init__(self):
        self.urls = set()

    def flush(self):
        urls, self.urls = self.urls, set()
        if not urls:
            return
        invalidate_urls(urls)
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            PurgeBatch(urls).purge()


_current = threading.local()


def _batch_of_this_transaction():
    """The batch whose flush waits on this transaction's commit (a rolled-back transaction's
    callbacks are gone, and so is its batch), or a new one."""
    connection = transaction.get_connection()
    batch = getattr(_current, "batch", None)
    if (
        batch is None
        or not connection.in_atomic_block
        or not any(func == batch.flush for _sids, func, _robust in connection.run_on_commit)
    ):
        batch = _current.batch = _Batch()
    return batch


def purge_urls(urls):
    """Purge ``urls`` from the application page cache and the front cache once the current
    transaction commits (at once outside a transaction). URLs gathered during one transaction
    go out as one batch."""
    if not urls:
        return
    batch = _batch_of_this_transaction()
    batch.urls.update(urls)
    transaction.on_commit(batch.flush)  # the first to run sends the batch; later ones, nothing


def purge_pages(pages, *, subtrees=(), listings=True):
    try:
        purge_urls(page_urls(affected_pages(pages, subtrees=subtrees, listings=listings)))
    except Exception:  # a purge must never stop an editor's change; logged for the operator
        logger.exception("Could not work out the cached URLs to purge for %s", pages)


# --- signal handlers (connected in cms.apps) ------------------------------------------------

_previous = threading.local()


def _previous_rows():
    if not hasattr(_previous, "rows"):
        _previous.rows = {}
    return _previous.rows


def remember_previous(sender, instance, update_fields=None, **kwargs):
    """Before a page row is saved: what it said before, for the handlers below."""
    if not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & {*SUBTREE_FIELDS, "access"}:
        return
    fields = [*SUBTREE_FIELDS]
    if hasattr(instance, "access"):
        fields.append("access")
    row = type(instance).objects.filter(pk=instance.pk).values(*fields).first()
    if row is not None:
        _previous_rows()[instance.pk] = row


def _changed_subtree(instance):
    """The pages under which a published change shows (none when the title, slug and access
    did not change); the old addresses of a page whose slug changed, and of everything under
    it, are purged too."""
    row = _previous_rows().pop(instance.pk, None)
    if row is None or all(row[field] == getattr(instance, field) for field in row):
        return ()
    if row["url_path"] != instance.url_path:
        old = copy.copy(instance)
        old.url_path = row["url_path"]
        new_prefix, old_prefix = instance.get_full_url(), old.get_full_url()
        if new_prefix and old_prefix:
            subtree = Page.objects.filter(path__startswith=instance.path)
            purge_urls(
                {
                    old_prefix + url[len(new_prefix) :]
                    for url in page_urls(subtree)
                    if url.startswith(new_prefix)
                }
            )
    if instance.depth <= 3:
        # The home page, a course and the library are in the header of every page of the locale.
        home = Page.objects.filter(path=instance.path[: 2 * Page.steplen]).first()
        return [home or instance]
    return [instance]


def page_published(sender, instance, **kwargs):
    purge_pages([instance], subtrees=_changed_subtree(instance))


def page_unpublished(sender, instance, **kwargs):
    purge_pages([instance])


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and type(instance) is not Page:
        purge_pages([instance])


def page_moving(sender, instance, **kwargs):
    """Before a move: the old addresses of the page and everything under it, and its old
    listings."""
    purge_pages([instance], subtrees=[instance])


def page_moved(sender, instance, **kwargs):
    _previous_rows().pop(instance.pk, None)
    instance = Page.objects.get(pk=instance.pk)
    purge_pages([instance], subtrees=[instance])


def restriction_changed(sender, instance, **kwargs):
    """A view restriction follows a page into its translations and aliases, and their
    subtrees (``learning.access``)."""
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return  # the page is being deleted: its own handler purges it
    group = list(Page.objects.filter(_group_q([page])))
    purge_pages(group, subtrees=group)


def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        restriction_changed(sender, instance)


def object_changed(sender, instance, **kwargs):
    """A document, an image or a snippet: the pages that show it."""
    ids = referring_page_ids(type(instance), [instance.pk])
    if ids:
        purge_pages(list(Page.objects.filter(pk__in=ids)), listings=False)
