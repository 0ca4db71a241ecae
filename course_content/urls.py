"""Wagtail's public URLs, its page view replaced by ours (``views.serve_page``: the same view,
with the page found in one query first). Included by ``cms/urls.py`` in place of
``wagtail.urls``; the page view keeps Wagtail's name (``wagtail_serve``), which page URLs are
reversed with."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from course_content.views import serve_page

urlpatterns = [
    pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"
] + [re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve")]
