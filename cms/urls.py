from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path, register_converter
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_router
from cms.converters import RowIdConverter
from course_content.sitemaps import robots_txt, sitemap
from course_content.views import serve_document
from search.api import search_api

# Before any URLconf below is imported: ``<id:…>`` is a row id the database can hold.
register_converter(RowIdConverter, "id")

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Ahead of Wagtail's own document URL (same path): drops a bogus Content-Encoding header.
    path("documents/<int:document_id>/<str:document_filename>", serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/search/", search_api, name="search_api"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if getattr(settings, "SERVE_MEDIA", False):
    # Original images and renditions (cms/media.py: conditional responses, Cache-Control), in
    # development, the demo and production unless a front server serves MEDIA_ROOT itself. Never
    # the documents' folder: documents are served through Wagtail's view
    # (WAGTAILDOCS_SERVE_METHOD), which applies the access rule.
    from cms.media import serve_media

    urlpatterns += [
        re_path(r"^{}(?P<path>.+)$".format(settings.MEDIA_URL.lstrip("/")), serve_media),
    ]

# Language-prefixed public site: /es/…; "/" redirects to the visitor's preferred language.
urlpatterns += i18n_patterns(
    path("", include("learning.urls")),
    path("", include("search.urls")),
    path("", include("adaptations.urls")),
    path("", include("course_content.urls")),  # Wagtail's, its page view ours
    prefix_default_language=True,
)
