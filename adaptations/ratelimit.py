"""Submissions of the public form per client address, counted in Django's cache (shared by
every process when the cache is Redis). Beyond the limit the form refuses, and nothing is
stored, until the window ends."""

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The client's address: behind ``TRUSTED_PROXY_COUNT`` proxies, the one they saw (as the
    sign-in throttling reads it), else the connection's."""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR", "")


def _key(request):
    return f"adaptations:submissions:{client_address(request)}"


def exceeded(request):
    """True when this address has used up its submissions for the window."""
    return (cache.get(_key(request)) or 0) >= settings.ADAPTATION_REQUESTS_PER_ADDRESS


def count(request):
    """Count one submission from this address."""
    key, window = _key(request), settings.ADAPTATION_REQUESTS_WINDOW
    cache.add(key, 0, window)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
