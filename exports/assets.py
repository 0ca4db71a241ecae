"""The files a rendered page references, packaged with it.

An export (SCORM package, offline edition) is a zip of HTML pages that must work with nothing
loaded from outside the zip. ``Packager`` takes each page's HTML as the site renders it, copies
every file it references into the zip under one folder (``assets/`` by default), and rewrites
the references to paths relative to the page:

- static files (``STATIC_URL``: the site's CSS and JS; ``url()`` and ``@import`` inside CSS are
  packaged and rewritten too) → ``assets/static/<name>``;
- media (``MEDIA_URL``: original images and renditions) → ``assets/media/<path>``;
- documents (``/documents/<id>/<filename>``: PDFs, audio and video files, captions) →
  ``assets/documents/<id>/<filename>``;
- links to pages of the export (``pages``: the page's site URL → its path in the zip, which may
  end with ``#anchor`` when one HTML file holds several pages, as a SCORM SCO does) → that path.

Documents of a collection with a view restriction are never packaged (an export leaves the
site's access control behind).

What cannot be packaged never loads from elsewhere: an external or unknown image, video, audio,
frame or embed becomes a plain link (to its address, with its alternative text or title); an
external script, stylesheet or caption track is dropped, and so are ``<link>`` elements pointing
at the site (alternates, canonical). Links (``<a href>``) to other sites stay links and open in
a new window; a link to a page of the site that is not in the export points to the site
(``site_url``) or, without one, is reduced to its text. Every file written is in ``files`` (for
a manifest), each page's or stylesheet's references in ``references`` (for a manifest per
page: a file is written once, the first time it is referenced); references that could not be
packaged are in ``skipped``.

Usage::

    with zipfile.ZipFile(path, "w") as archive:
        packager = Packager(archive, pages={"/es/curso/modulo-1/": "modulo-1/index.html"})
        html = packager.rewrite(render_to_string(...), "modulo-1/index.html")
        packager.write("modulo-1/index.html", html)
        packager.files  # ["assets/static/css/site.css", ..., "modulo-1/index.html"]
"""

import posixpath
import re
import shutil
import time
import zipfile
from collections import defaultdict
from urllib.parse import quote, unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.urls import Resolver404, resolve
from wagtail.documents import get_document_model

DOCUMENT_PATH = re.compile(r"^/documents/(?P<id>\d+)/(?P<filename>[^/]+)$")
CSS_URL = re.compile(r"""url\(\s*(?P<quote>['"]?)(?P<url>[^'")]+)(?P=quote)\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(?P<quote>['"])(?P<url>[^'"]+)(?P=quote)""")
# Already compressed: stored as they are (deflating them again costs time and saves nothing).
STORED_EXTENSIONS = {
    ".avif",
    ".gif",
    ".jpeg",
    ".jpg",
    ".mp3",
    ".mp4",
    ".ogg",
    ".opus",
    ".png",
    ".webm",
    ".webp",
    ".woff",
    ".woff2",
    ".zip",
    ".docx",
    ".xlsx",
    ".pptx",
    ".odt",
}
# Elements whose reference loads something into the page, and the attributes holding it.
LOADING_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "script": ("src",),
    "link": ("href",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
# Replaced by a link to what they would have loaded when it cannot be packaged.
EMBEDDING = {"img", "video", "audio", "iframe", "embed", "object"}
PASSIVE_SCHEMES = {"data"}  # loads nothing from anywhere
LINK_SCHEMES = {"mailto", "tel"}


class Packager:
    """Copies the files pages reference into ``archive`` and rewrites their URLs.

    ``archive``: an open, writable ``zipfile.ZipFile``. ``folder``: where assets go in the zip.
    ``pages``: ``{site URL path of a page: its path in the zip}`` for links between the exported
    pages. ``site_url``: the public site's base URL, for links to pages not in the export (None:
    such links become plain text).
    """

    def __init__(self, archive, *, folder="assets", pages=None, site_url=None):
        self.archive = archive
        self.folder = folder.strip("/")
        self.pages = PageMap(pages or {})
        self.site_url = site_url.rstrip("/") if site_url else None
        self.files = []  # every path written to the zip, in order
        self.skipped = []  # (page path, URL) of references that could not be packaged
        # zip path of a page or stylesheet → the zip paths of the files it references
        self.references = defaultdict(set)
        self._packaged = {}  # site path of a file → its path in the zip (None: unavailable)
        self._site_host = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
        self._now = time.localtime()[:6]

    # --- The public API ---------------------------------------------------------------------

    def rewrite(self, html, page_path):
        """``html`` (a page or fragment as the site renders it), to be stored at ``page_path`` in
        the zip, with its files packaged and its references made relative."""
        soup = BeautifulSoup(html, "html.parser")
        for tag in list(soup.find_all(True)):
            if tag.decomposed or not _attached(tag, soup):
                continue  # inside an element already dropped or replaced
            if tag.name in ("a", "area") and tag.has_attr("href"):
                self._rewrite_link(soup, tag, page_path)
            elif tag.name == "form" and tag.has_attr("action"):
                del tag["action"]  # an export has no server: forms are handled by script
            elif tag.name in LOADING_ATTRIBUTES:
                self._rewrite_loading(soup, tag, page_path)
        return str(soup)

    def write(self, path, data):
        """Write ``data`` (text or bytes) at ``path`` in the zip and list it in ``files``."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.archive.writestr(self._info(path), data)
        self.files.append(path)

    def package(self, url):
        """The zip path of the file at the site URL ``url`` (packaging it on first use), or None
        when it is not a file of the site that can be packaged."""
        path = self._site_path(url)
        if path is None:
            return None
        if path not in self._packaged:
            self._packaged[path] = self._copy(path)
        return self._packaged[path]

    # --- HTML -------------------------------------------------------------------------------

    def _rewrite_link(self, soup, tag, page_path):
        href = tag["href"].strip()
        parts = urlsplit(href)
        if not href or href.startswith("#") or parts.scheme in LINK_SCHEMES:
            return
        path = self._site_path(href)
        if path is None:
            if parts.scheme in ("http", "https") or href.startswith("//"):
                tag["target"] = "_blank"
                tag["rel"] = "noopener noreferrer"
                return
            tag.unwrap()  # javascript: and other schemes an export cannot follow
            return
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        page = self.pages.get(path)
        if page is not None:
            page, _hash, anchor = page.partition("#")
            tag["href"] = relative(page, page_path) + (fragment or (f"#{anchor}" if anchor else ""))
            tag.attrs.pop("target", None)
            return
        packaged = self.package(href)
        if packaged is not None:
            tag["href"] = self._refer(packaged, page_path) + fragment
            return
        if self.site_url:
            tag["href"] = self.site_url + path + fragment
            tag["target"] = "_blank"
            tag["rel"] = "noopener noreferrer"
        else:
            self.skipped.append((page_path, href))
            tag.unwrap()

    def _rewrite_loading(self, soup, tag, page_path):
        if tag.name == "link":
            rel = set(tag.get("rel") or ())
            if not rel & {"stylesheet", "icon", "preload"}:
                tag.decompose()  # alternates, canonical: pointers to the site
                return
        if tag.name == "input" and tag.get("type") != "image":
            return
        for attribute in LOADING_ATTRIBUTES[tag.name]:
            if not tag.has_attr(attribute):
                continue
            value = tag[attribute].strip()
            if attribute == "srcset":
                rewritten = self._rewrite_srcset(value, page_path)
                if rewritten:
                    tag[attribute] = rewritten
                else:
                    del tag[attribute]
                continue
            if urlsplit(value).scheme in PASSIVE_SCHEMES:
                continue
            packaged = self.package(value)
            if packaged is not None:
                tag[attribute] = self._refer(packaged, page_path)
                continue
            self.skipped.append((page_path, value))
            if attribute == "poster":
                del tag[attribute]
            elif tag.name in EMBEDDING:
                tag.replace_with(self._link_instead(soup, tag, value))
                return
            else:
                tag.decompose()  # script, stylesheet, caption track, source: nothing to show
                return

    def _rewrite_srcset(self, value, page_path):
        candidates = []
        for candidate in value.split(","):
            url, _space, descriptor = candidate.strip().partition(" ")
            packaged = self.package(url) if url else None
            if packaged is None:
                if url:
                    self.skipped.append((page_path, url))
                continue
            candidates.append(f"{self._refer(packaged, page_path)} {descriptor}".strip())
        return ", ".join(candidates)

    def _link_instead(self, soup, tag, url):
        """A paragraph linking to what ``tag`` would have embedded."""
        label = (
            tag.get("alt")
            or tag.get("title")
            or tag.get("aria-label")
            or tag.get_text(" ", strip=True)
            or url
        )
        paragraph = soup.new_tag("p", attrs={"class": "media-link"})
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") or url.startswith("//"):
            link = soup.new_tag(
                "a", href=url, target="_blank", rel="noopener noreferrer", string=label
            )
            paragraph.append(link)
        else:
            paragraph.string = label
        return paragraph

    # --- Files ------------------------------------------------------------------------------

    def _site_path(self, url):
        """The path on the site of ``url`` (relative to the site's root), or None when it points
        elsewhere."""
        parts = urlsplit(url.strip())
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if parts.netloc and parts.netloc != self._site_host:
            return None
        if not parts.path.startswith("/"):
            return None
        return unquote(parts.path)

    def _copy(self, path):
        """Copy the site file at ``path`` into the zip; its zip path, or None."""
        if path.startswith(settings.STATIC_URL):
            name = path.removeprefix(settings.STATIC_URL)
            found = finders.find(name) if _is_plain(name) else None
            if not found:
                return None
            target = self._target("static", name)
            if name.endswith(".css"):
                with open(found, encoding="utf-8") as css:
                    self.write(target, self._rewrite_css(css.read(), path, target))
            else:
                with open(found, "rb") as source:
                    self._write_stream(target, source)
            return target
        if path.startswith(settings.MEDIA_URL):
            name = path.removeprefix(settings.MEDIA_URL)
            if not _is_plain(name) or not default_storage.exists(name):
                return None
            target = self._target("media", name)
            with default_storage.open(name, "rb") as source:
                self._write_stream(target, source)
            return target
        match = DOCUMENT_PATH.match(path)
        if match and self._is_document_view(path):
            document = get_document_model().objects.filter(pk=int(match["id"])).first()
            if document is None or not document.file or not is_public(document):
                return None
            target = self._target("documents", match["id"], posixpath.basename(document.file.name))
            with document.file.open("rb") as source:
                self._write_stream(target, source)
            document.file.close()
            return target
        return None

    def _is_document_view(self, path):
        try:
            match = resolve(path)
        except Resolver404:
            return False
        return "document_id" in match.kwargs

    def _rewrite_css(self, css, css_url, css_path):
        def replace(match):
            url = match["url"].strip()
            if urlsplit(url).scheme in PASSIVE_SCHEMES or url.startswith("#"):
                return match[0]
            packaged = self.package(urljoin(css_url, url))
            if packaged is None:
                self.skipped.append((css_path, url))
                return "url()" if match.re is CSS_URL else ""
            return match[0].replace(url, self._refer(packaged, css_path))

        return CSS_IMPORT.sub(replace, CSS_URL.sub(replace, css))

    def _refer(self, packaged, from_path):
        """The relative URL of ``packaged`` from ``from_path``, recorded in ``references``."""
        self.references[from_path].add(packaged)
        return relative(packaged, from_path)

    def _target(self, *parts):
        return posixpath.join(self.folder, *parts) if self.folder else posixpath.join(*parts)

    def _write_stream(self, path, source):
        with self.archive.open(self._info(path), "w", force_zip64=True) as target:
            shutil.copyfileobj(source, target, 1024 * 1024)
        self.files.append(path)

    def _info(self, path):
        info = zipfile.ZipInfo(path, date_time=self._now)
        extension = posixpath.splitext(path)[1].lower()
        info.compress_type = (
            zipfile.ZIP_STORED if extension in STORED_EXTENSIONS else zipfile.ZIP_DEFLATED
        )
        info.external_attr = 0o644 << 16
        return info


def _attached(tag, soup):
    """``tag`` is still in the document (not inside an element replaced or dropped)."""
    parent = tag.parent
    while parent is not None and parent is not soup:
        parent = parent.parent
    return parent is soup


class PageMap(dict):
    """``{site URL of a page: its path in the zip}``, found by URL path (with or without the
    host, with or without the trailing slash). A zip path may end with ``#anchor``: a section of
    a page that holds several."""

    @staticmethod
    def normalize(url):
        return unquote(urlsplit(url).path).rstrip("/") + "/"

    def __init__(self, pages):
        super().__init__()
        self.update(pages)

    def update(self, pages):
        for url, path in dict(pages).items():
            self[url] = path

    def __setitem__(self, url, path):
        super().__setitem__(self.normalize(url), path)

    def get(self, url, default=None):
        return super().get(self.normalize(url), default)

    def pop(self, url, *default):
        return super().pop(self.normalize(url), *default)


def _is_plain(name):
    """Whether ``name`` (a path below STATIC_URL or MEDIA_URL, from a link in a page) is a plain
    relative path: nothing that could leave the folder, in the storage or in the zip (no ``..``
    or ``.`` segment, no empty one as in ``//etc``, no backslash, no control character)."""
    return (
        bool(name)
        and all(part not in ("", ".", "..") for part in name.split("/"))
        and not any(char == "\\" or ord(char) < 32 for char in name)
    )


def relative(target, page_path):
    """The URL of the zip path ``target`` from a page stored at the zip path ``page_path``."""
    start = posixpath.dirname(page_path) or "."
    return quote(posixpath.relpath(target, start), safe="/")


def is_public(document):
    """The document is readable by anyone (its collection has no view restriction)."""
    return not document.collection.get_view_restrictions().exists()
