"""Finding the page a public request asks for in one query (Wagtail needs two per URL segment).

Wagtail routes ``/es/curso/modulo/`` by finding the request's ``Site`` (a query), the active
``Locale`` (a query), the localized site root and its specific page (a query or two), then one
query for each segment's child and one for its specific page: seven queries for a module, nine
for a country unit, before the page does any work. ``serve_page`` (routed ahead of Wagtail's own
``serve`` view, see ``course_content/urls.py``) does the same work first and leaves its result
where Wagtail's view looks for it (``request._wagtail_site`` and
``request._wagtail_route_for_request``), then hands the request to Wagtail's view, which runs
its hooks (view restrictions, ``before_serve_page``) and serves the page as before.

- The site is looked up with Wagtail's own function, its answer for a host and port kept in
  Django's cache (dropped whenever a ``Site`` is saved or deleted).
- The localized site root's address comes from Wagtail's cached site root paths.
- One query then reads, each as its specific page with its locale: the pages of the path (by
  slug and address), the site root's children (the header's links) and the translations of the
  page asked for (the language switcher and ``hreflang`` links). They are kept on the served
  page (``page.route_rows``) for the breadcrumbs, the header and Wagtail's view-restriction
  check, so none of them is read again.

Routing keeps Wagtail's rules: a segment is a child with that slug, an intermediate page may be
a draft, the last one must be live, and a page type that routes its own sub-paths (an overridden
``route``) is handed the rest of the path. Anything unusual (no site, no root in the active
language, a root that is not live) is left to Wagtail's routing, unchanged.
"""

import functools

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, Subquery
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site, get_page_models
from wagtail.models.sites import get_site_for_hostname

SITES_CACHE_KEY = "course_content:sites-by-host"
MAX_CACHED_HOSTS = 100


@functools.cache
def _specific_relations():
    """The reverse one-to-one names from ``Page`` to each page type that extends it directly."""
    names = []
    for model in get_page_models():
        if model is Page:
            continue
        link = model._meta.parents.get(Page)
        if link is not None:
            names.append(link.remote_field.get_accessor_name() or model._meta.model_name)
    return names


def specific_of(row, relations):
    """The specific page of a ``Page`` row read with ``select_related(*relations)``, or the row
    itself (its ``specific`` is then read on demand)."""
    for name in relations:
        try:
            page = getattr(row, name)
        except ObjectDoesNotExist:
            continue
        if page is not None:
            page.locale = row.locale
            return page
    return row.specific


def find_site(request):
    """``Site.find_for_request``, with its answer for this host and port cached across requests."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    sites = cache.get(SITES_CACHE_KEY) or {}
    key = f"{hostname}:{port}"
    if key in sites:
        site = sites[key]
    else:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            site = None
        if site is not None:
            # Without its root page: a cached copy of a page would go stale.
            site._state.fields_cache.clear()
        if len(sites) < MAX_CACHED_HOSTS:  # host names come from requests: keep it bounded
            sites[key] = site
            cache.set(SITES_CACHE_KEY, sites, None)
    request._wagtail_site = site
    return site


def forget_sites(**kwargs):
    cache.delete(SITES_CACHE_KEY)


def _active_language():
    try:
        return get_supported_content_language_variant(translation.get_language()).lower()
    except LookupError:
        return None


def _root_path(site):
    """The address (``url_path``) of the site root's translation in the active language."""
    language = _active_language()
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk and root.language_code.lower() == language:
            return root.root_path
    return None


NOT_ROUTED = object()


def route(request, path):
    """Wagtail's ``RouteResult`` for ``path`` (or ``None`` for a 404), or ``NOT_ROUTED`` when
    Wagtail's own routing should decide."""
    site = find_site(request)
    if site is None:
        return NOT_ROUTED
    root_path = _root_path(site)
    if root_path is None:
        return NOT_ROUTED
    components = [component for component in path.split("/") if component]
    addresses = [root_path]
    for component in components:
        addresses.append(addresses[-1] + component + "/")
    slugs = {slugs_of(address) for address in addresses}
    root_depth = root_path.count("/")  # "/" is the tree's root (depth 1), "/inicio/" depth 2
    root_tree_path = Subquery(
        Page.objects.filter(slug=slugs_of(root_path), url_path=root_path).values("path")[:1]
    )
    asked = Page.objects.filter(slug=slugs_of(addresses[-1]), url_path=addresses[-1])
    relations = _specific_relations()
    from translations.selectors import copy_source_shown, with_source_shown

    rows = list(
        with_source_shown(
            Page.objects.filter(
                Q(slug__in=slugs, url_path__in=addresses)
                | Q(depth=root_depth + 1, path__startswith=root_tree_path)
                | Q(translation_key__in=asked.values("translation_key"))
            )
        )
        .select_related("locale", *relations)
        .order_by("path")
    )
    # Each page with whether it shows its source's content (``translations.selectors``).
    pages = [copy_source_shown(row, specific_of(row, relations)) for row in rows]
    by_address = {page.url_path: page for page in pages}
    root = by_address.get(root_path)
    if root is None or not root.live or root.depth != root_depth:
        return NOT_ROUTED
    chain = [root]
    for depth, address in enumerate(addresses[1:], start=root_depth + 1):
        page = by_address.get(address)
        if page is None or page.depth != depth:
            break
        page._cached_parent_obj = chain[-1]
        chain.append(page)
    routed = RouteRows(request, pages, chain, root)
    for page in chain:
        page.route_rows = routed
    try:
        for position, page in enumerate(chain):
            remaining = components[position:]
            if type(page).route is not Page.route or position == len(chain) - 1:
                return page.route(request, remaining)
    except Http404:
        return None
    return None  # pragma: no cover (the loop always returns)


def slugs_of(address):
    return address.rstrip("/").rsplit("/", 1)[-1]


class RouteRows:
    """What routing read, kept on the served page: its ancestors from the site root, the site
    root's children and the page's translations (every locale, each a specific page)."""

    def __init__(self, request, pages, chain, root):
        self.request = request
        self.pages = pages
        self.chain = chain
        self.root = root

    def ancestors(self, page):
        """``page``'s ancestors from the site root (the root included, ``page`` excluded)."""
        return [ancestor for ancestor in self.chain if ancestor.depth < page.depth]

    def translations(self, page):
        return [row for row in self.pages if row.translation_key == page.translation_key]

    def top(self):
        """The site root's children."""
        return [
            row
            for row in self.pages
            if row.depth == self.root.depth + 1 and row.path.startswith(self.root.path)
        ]


def prime_route(request, path):
    """Leave the route of ``path`` where Wagtail's ``serve`` view looks for it."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    result = route(request, path)
    if result is not NOT_ROUTED:
        request._wagtail_route_for_request = result
