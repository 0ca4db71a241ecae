import os

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as cms_urlpatterns

_STATIC_HTML = b""


def static_html(request):
    """A plain Django view returning fixed HTML the size of the module page (the baseline)."""
    global _STATIC_HTML
    if not _STATIC_HTML:
        with open(os.environ["BENCH_STATIC_HTML"], "rb") as handle:
            _STATIC_HTML = handle.read()
    return HttpResponse(_STATIC_HTML)


urlpatterns = [path("bench/static/", static_html)] + cms_urlpatterns
