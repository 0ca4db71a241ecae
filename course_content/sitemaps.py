"""``/sitemap.xml`` and ``/robots.txt``: what search engines may index, per site.

The sitemap (Django's sitemaps framework, its own template) lists the pages of the site that
answers the request (``routing.find_site``), in every locale, as a visitor who is not signed in
may read them (the access rule, ``visible_for`` of an anonymous request): live pages outside
view restrictions, no country unit or evaluation of an edition reserved to its learners, no
learner-only resource. A page that only shows its source's content is not listed: a
wagtail-localize placeholder (an alias of the source page) or a translation whose first version
awaits review (the rules are in ``translations.selectors``). Each listed page names its real
translations, itself included, as ``hreflang`` alternates, and the source-language page as
``x-default``.

Both answer in a fixed number of queries whatever the size of the site (the tests assert it):
the sitemap reads the pages in one query, besides the access rule's own reads.
"""

from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from course_content.routing import find_site
from course_content.visibility import visible_for
from translations.selectors import source_shown_q


def _anonymous(request):
    """A stand-in for ``request`` as a visitor who is not signed in (no session, no user)."""
    return SimpleNamespace(
        user=AnonymousUser(),
        session={},
        method="GET",
        META=request.META,
        GET={},
        COOKIES={},
        path=request.path,
    )


class PagesSitemap(Sitemap):
    """The public pages of the request's site, each with its real translations."""

    limit = 50_000

    def __init__(self, request):
        self.request = request
        self.latest_lastmod = None

    def pages(self):
        site = find_site(self.request)
        if site is None:
            return []
        roots = [root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk]
        if not roots:
            return []
        under_roots = Q()
        for root in roots:
            under_roots |= Q(url_path__startswith=root)
        visible = visible_for(_anonymous(self.request))
        return list(
            visible(Page.objects.filter(under_roots))
            .exclude(source_shown_q())
            .select_related("locale")
            .only(
                "id",
                "url_path",
                "path",
                "depth",
                "translation_key",
                "last_published_at",
                "locale",
                "locale__language_code",
            )
            .order_by("path")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        pages = self.pages()
        located = []
        for item in pages:
            url = item.get_url(self.request)
            if url:
                located.append((item, self.request.build_absolute_uri(url)))
        by_key = {}
        for item, location in located:
            by_key.setdefault(item.translation_key, []).append((item, location))
        urls = []
        for item, location in located:
            versions = by_key[item.translation_key]
            alternates = []
            if len(versions) > 1:
                alternates = [
                    {"lang_code": version.locale.language_code, "location": href}
                    for version, href in versions
                ]
                source = next(
                    (
                        href
                        for version, href in versions
                        if version.locale.language_code == settings.LANGUAGE_CODE
                    ),
                    None,
                )
                if source:
                    alternates.append({"lang_code": "x-default", "location": source})
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at,
                    "changefreq": None,
                    "priority": None,
                    "alternates": alternates,
                }
            )
            if item.last_published_at and (
                self.latest_lastmod is None or item.last_published_at > self.latest_lastmod
            ):
                self.latest_lastmod = item.last_published_at
        return urls


@require_safe
def sitemap(request):
    return sitemap_view(request, {"pages": PagesSitemap(request)}, template_name="sitemap.xml")


@require_safe
def robots_txt(request):
    """What crawlers may visit: the public site, not the admin, the API or the learner's own
    pages; and where the sitemap is."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /documents/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
