"""Who may keep a response, and the application page cache.

**Headers.** ``PageCacheMiddleware`` gives every public page served to an anonymous visitor
``Cache-Control: public, max-age=0, s-maxage=FRONT_CACHE_SECONDS``: a front cache (Varnish) keeps it
until a purge (``cms.frontend_cache``) or the time runs out; a browser asks again each time (and
gets a 304 when the page has not changed). The language is part of every page's URL
(``/es/…``, ``/fr/…``), so the URL is the cache key; ``Vary: Cookie`` keeps a signed-in visitor's
page apart. Never kept (``private, no-store``): any response for a signed-in visitor (a session
cookie, which covers learners' pages and restricted pages they passed), a response that sets a
cookie or holds a CSRF token (forms), a preview, the admin. Anything else (API, documents, static
files, redirects, errors) is left to its own view and never gets ``s-maxage`` here, so the
front cache passes it.

**Application page cache.** With ``PAGE_CACHE_SECONDS`` > 0 the same public pages are kept in
Django's cache (local memory, or Redis when ``REDIS_URL`` is set) and served from it to
visitors without a session cookie, before any session, database or template work. Entries are
grouped by URL path: each path has a version token, and ``invalidate_paths`` drops the token,
so every stored answer for that path (whatever its query string or host) is gone at once. The
token is read before the page is rendered, so a page rendered from data older than an
invalidation is stored under a token nobody reads any more.
"""

import hashlib
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from wagtail import hooks

CACHEABLE_METHODS = {"GET", "HEAD"}
# Headers a stored page is served with again; anything else (Set-Cookie above all) is dropped.
STORED_HEADERS = {
    "content-type",
    "content-language",
    "content-security-policy",
    "cache-control",
    "vary",
    "x-frame-options",
    "permissions-policy",
}


def page_cache_seconds():
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


@hooks.register("before_serve_page")
def mark_public_page(page, request, serve_args, serve_kwargs):
    """Marks the request as serving a page; the middleware decides once the response exists
    (the access rule's own hooks may still turn it into a sign-in redirect or a 403)."""
    request._serving_page = page


def has_session_cookie(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def signed_in(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def is_public_page(request, response):
    """Whether ``response`` is a public page that any anonymous visitor would get alike."""
    return (
        getattr(request, "_serving_page", None) is not None
        and request.method in CACHEABLE_METHODS
        and response.status_code == 200
        and not getattr(request, "is_preview", False)
        and not has_session_cookie(request)
        and not signed_in(request)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Cache-Control")
        and not getattr(response, "streaming", False)
    )


def is_private(request, response):
    """Whether ``response`` must never be kept by any cache."""
    return (
        request.path_info.startswith(settings.ADMIN_URL_PREFIX)
        or getattr(request, "is_preview", False)
        or signed_in(request)
        or bool(response.cookies)
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    )


# --- the application page cache -----------------------------------------------------------


def _digest(*parts):
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _version_key(path):
    return f"page-cache:path:{_digest(path)}"


def _entry_key(request, token):
    scheme = "https" if request.is_secure() else "http"
    query = request.META.get("QUERY_STRING", "")
    return f"page-cache:entry:{_digest(scheme, request.get_host(), request.path, query, token)}"


def _path_token(cache, path, timeout):
    key = _version_key(path)
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, timeout)
        token = cache.get(key)
    return token


def invalidate_paths(paths):
    """Drop every stored page of each URL path (any host, any query string)."""
    if not paths:
        return
    page_cache().delete_many([_version_key(path) for path in paths])


def invalidate_urls(urls):
    invalidate_paths({urlsplit(url).path or "/" for url in urls})


class PageCacheMiddleware:
    """Cache headers on every response, and the application page cache (see the module).

    Sits outside (above) the session, CSRF, locale and authentication middleware, so that it sees
    the cookies they set and a hit skips them all; below the security headers, WhiteNoise and
    compression, which apply to a stored page as to a fresh one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache_seconds()
        lookup = (
            seconds > 0
            and request.method in CACHEABLE_METHODS
            and not has_session_cookie(request)
            and not request.path_info.startswith(settings.ADMIN_URL_PREFIX)
        )
        entry_key = None
        if lookup:
            cache = page_cache()
            try:
                entry_key = _entry_key(request, _path_token(cache, request.path, seconds))
                stored = cache.get(entry_key)
            except Exception:  # noqa: BLE001 - a cache that is down must not take the site down
                entry_key = stored = None
            if stored is not None:
                return self._from_store(stored)
        response = self.get_response(request)
        if is_public_page(request, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.FRONT_CACHE_SECONDS
            )
            patch_vary_headers(response, ["Cookie"])
            if entry_key is not None and request.method == "GET":
                response["X-Page-Cache"] = "miss"
                self._store(response, entry_key, seconds)
        elif is_private(request, response):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
        return response

    @staticmethod
    def _store(response, key, seconds):
        def store(response):
            headers = [
                (name, value) for name, value in response.items() if name.lower() in STORED_HEADERS
            ]
            try:
                page_cache().set(key, (response.status_code, headers, response.content), seconds)
            except Exception:  # noqa: BLE001, S110 - not storing is always safe
                pass

        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(store)
        else:
            store(response)

    @staticmethod
    def _from_store(stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
