"""The offline edition: a zip of static HTML for one language edition that works opened from
disk (``file://``) and from any static host.

Every page of the edition is rendered by the site itself (its URL resolved and its view called
with a request, as a reader of the edition would see it), so the site's templates, accessibility
and print styles hold. The reader is a learner of the edition who is not signed in: they read the
module bodies, country units, evaluations and learner-only resources, and the header offers no
account links. Each page is then made static:

- links between pages of the edition become relative ``…/index.html`` paths; the locale's home
  page (not part of an edition) leads to the course page; the resource library's pages are
  rendered once per page of results (``index.html``, ``index-2.html``…);
- CSS, images, documents and media are copied into the zip and linked relatively
  (``exports.assets.Packager``); caption tracks go inside the page as ``data:`` URLs, since
  Chromium loads no track file next to a page opened from disk;
- whatever needs the server goes: forms (sign in, applying, filters), the language switcher (the
  other languages are not in the zip), ``hreflang``/canonical links, links to the API or to pages
  that are not in the edition (their text stays); the header's search box searches the edition
  instead (``search/index.html``, a prebuilt index in ``search/search-index.js`` and a small
  script: a ``<script src>`` works from ``file://`` where fetching JSON would not);
- an evaluation becomes practice: the page says so, and a small script scores the answers in the
  browser against an answer key that is not in the zip in plain text (salted SHA-256 digests of
  each question's right options), then shows each question's feedback (stored obscured, XORed
  with a SHA-256 keystream); nothing is recorded. This keeps the key from being read off the
  page, not from someone determined: a question has few combinations of options to try.

No inline script or style is written (the site's Content-Security-Policy allows none).
"""

import base64
import json
import os
import posixpath
import re
import secrets
import tempfile
import unicodedata
import zipfile
from importlib import import_module
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http.request import validate_host
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.documents import get_document_model
from wagtail.models import Site

from course_content.models import EvaluationPage
from learning.access import Reader
from learning.study import evaluation as evaluations

from .answers import answer_hash, obfuscate
from .assets import DOCUMENT_PATH, Packager, relative
from .edition import EditionError, is_fallback

# The offline search page, and its index (written by the export: not a file of the site).
SEARCH_FILE = "search/index.html"
SEARCH_INDEX = "search/search-index.js"
# Parts of a page that need the server: the language switcher (the other languages are not in
# the zip), the account links, applying to the edition.
REMOVED = ("nav.language-switcher", "nav.learner-nav", "div.apply", "#apply")
KEPT_FORMS = {"site-search", "offline-search", "offline-practice"}


class OfflineExportError(EditionError):
    """A page of the edition could not be made static (a message for the user)."""


class EditionReader(Reader):
    """Reads what a learner of the edition reads, signed out: the edition's study pages and the
    learner-only resources are theirs, Wagtail's view restrictions still apply.

    Set as the request's ``Visible`` (``request._course_visible``, where ``visible_for`` keeps
    the one it computed for a request), so that the page view, its hooks, listings and document
    checks all ask it, as they ask ``learning.access.Reader`` for a person."""

    def __init__(self, request, edition):
        super().__init__(request)
        self.edition_key = edition.course.translation_key

    def studies(self, access, translation_key):
        return translation_key == self.edition_key or super().studies(access, translation_key)


def fold(text):
    """Lower case, without accents, one space between words (what the search compares)."""
    text = unicodedata.normalize("NFD", str(text).lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.split())


class OfflineBuilder:
    def __init__(self, edition, progress=None):
        self.edition = edition
        self.language = edition.language_code
        self.progress = progress or (lambda done, total, label: None)
        self.factory = RequestFactory()
        self.host = self._host()
        self.page_files = {}  # site URL path → zip member
        self.index = []  # search entries
        self.salt = secrets.token_hex(8)
        self.reader = EditionReader(self.request_without_reader("/"), edition)

    # --- requests ---------------------------------------------------------------------------

    def _host(self):
        site = Site.objects.filter(is_default_site=True).first()
        hosts = settings.ALLOWED_HOSTS or ["localhost"]
        if site is not None and validate_host(site.hostname, hosts):
            return site.hostname
        return next((h.lstrip(".") for h in hosts if h not in ("*", ".")), "localhost")

    def request_without_reader(self, path, data=None):
        request = self.factory.get(path, data or {}, HTTP_HOST=self.host)
        request.user = AnonymousUser()
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()
        return request

    def request(self, path, data=None):
        """A request of the edition's reader: ``visible_for(request)`` (the one access rule of
        every page, listing and file) answers with an ``EditionReader``."""
        request = self.request_without_reader(path, data)
        request._course_visible = EditionReader(request, self.edition)
        return request

    def render_path(self, path, data=None):
        """The page at ``path`` as the site serves it to the edition's reader."""
        request = self.request(path, data)
        try:
            match = resolve(path)
        except Resolver404:
            raise OfflineExportError(
                _("The page %(path)s could not be exported (the site answered %(status)s).")
                % {"path": path, "status": 404}
            ) from None
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code != 200:
            raise OfflineExportError(
                _("The page %(path)s could not be exported (the site answered %(status)s).")
                % {"path": path, "status": response.status_code}
            )
        return response.content.decode(response.charset or "utf-8")

    # --- the plan ---------------------------------------------------------------------------

    def page_url(self, page):
        """The page's path on the site, as written (``/fr/cours/écoles/``, not percent-encoded:
        the packager compares links by their unquoted path, and zip members are named so)."""
        return unquote(page.get_url_parts()[2])

    def plan(self):
        self.pages = list(self.edition.pages())
        for page in self.pages:
            url = self.page_url(page)
            self.page_files[url] = url.strip("/") + "/index.html"
        self.course_file = self.page_files[self.page_url(self.edition.course)]
        # The locale's home page is not in an edition: the brand and "Home" lead to the course.
        self.page_files.setdefault(
            self.page_url(self.edition.course.get_parent()), self.course_file
        )
        self.library_url = self.edition.library and self.page_url(self.edition.library)
        self.library_pages = self._library_page_count()
        for number in range(2, self.library_pages + 1):
            self.page_files[self.library_page_url(number)] = self.library_page_url(number).lstrip(
                "/"
            )

    def _library_page_count(self):
        if self.library_url is None:
            return 0
        soup = BeautifulSoup(self.render_path(self.library_url), "html.parser")
        numbers = [
            int(match.group(1))
            for link in soup.select("nav.pagination a[href]")
            if (match := re.search(r"[?&]page=(\d+)", link["href"]))
        ]
        return max(numbers, default=1)

    def library_page_url(self, number):
        """The site path standing for the library's page ``number`` in the zip (the site has it
        at ``?page=number``)."""
        return self.library_url if number == 1 else f"{self.library_url}index-{number}.html"

    # --- build ------------------------------------------------------------------------------

    def build(self, output):
        output = Path(output)
        handle, partial = tempfile.mkstemp(dir=output.parent, suffix=".part")
        os.close(handle)
        try:
            with translation.override(self.language):
                self.plan()
                with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                    self.packager = Packager(archive, pages=self.page_files)
                    self.build_pages()
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(partial, 0o666 & ~umask)
            os.replace(partial, output)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise

    def build_pages(self):
        total = len(self.pages) + max(self.library_pages - 1, 0) + 1
        done = 0
        for page in self.pages:
            done += 1
            self.progress(done, total, page.title)
            self.export_page(page)
            if page.pk == getattr(self.edition.library, "pk", None):
                for number in range(2, self.library_pages + 1):
                    done += 1
                    self.progress(done, total, f"{page.title} ({number})")
                    self.export_page(page, number=number)
        self.progress(total, total, _("Search"))
        self.export_search()
        self.packager.write("index.html", self.packager.rewrite(self.start_page(), "index.html"))

    def export_page(self, page, number=1):
        url = self.page_url(page)
        html = self.render_path(url, {"page": number} if number > 1 else None)
        site_path = url if number == 1 else self.library_page_url(number)
        member = self.page_files[site_path]
        soup = BeautifulSoup(html, "html.parser")
        if isinstance(page.specific, EvaluationPage):
            self.practice(soup, page.specific)
        if number == 1:
            self.add_to_index(soup, page, member)
        self.write_page(soup, member)

    def write_page(self, soup, member):
        self.remove_server_parts(soup)
        html = self.packager.rewrite(str(soup), member)
        # The packager leaves forms without an action (it knows no page for them): the search
        # forms get the search page's (the serialised tag starts with its class, as written).
        html = html.replace(
            '<form class="site-search"',
            f'<form action="{relative(SEARCH_FILE, member)}" class="site-search"',
        )
        if member == SEARCH_FILE:
            soup = BeautifulSoup(html, "html.parser")
            for form in soup.select("form.offline-search"):
                form["action"] = posixpath.basename(SEARCH_FILE)
            search_script = soup.select_one('script[src$="offline-search.js"]')
            if search_script is not None:
                index = soup.new_tag("script", src=relative(SEARCH_INDEX, member))
                search_script.insert_before(index)
            html = str(soup)
        self.packager.write(member, html)

    # --- making a page static ---------------------------------------------------------------

    def remove_server_parts(self, soup):
        """What needs the server goes; links to the library's other pages of results point to
        their files (``library_page_url``)."""
        for selector in REMOVED:
            for tag in soup.select(selector):
                tag.decompose()
        for script in soup.select("script[src]"):
            if "search/search.js" in script["src"]:
                script.decompose()
        for form in soup.select("form"):
            if not set(form.get("class") or ()) & KEPT_FORMS:
                form.decompose()
        for box in soup.select("form.site-search"):
            box.attrs.pop("data-suggest-url", None)
            for field in box.select("input[name=q]"):
                field.attrs.pop("aria-controls", None)
                field.attrs.pop("aria-autocomplete", None)
                field["value"] = ""
            for suggestions in box.select(".site-search-suggestions"):
                suggestions.decompose()
        for link in soup.select("a[href]"):
            if urlsplit(link["href"]).path.startswith("/api/"):
                parent = link.parent
                (parent if parent.name == "li" else link).decompose()
        for link in soup.select("nav.pagination a[href]"):
            match = re.search(r"[?&]page=(\d+)", link["href"])
            if self.library_url and match:
                link["href"] = self.library_page_url(int(match.group(1)))
        for track in soup.select("track[src]"):
            captions = self.captions(track["src"])
            if captions is not None:
                track["src"] = captions

    def captions(self, url):
        """A caption track as a ``data:`` URL: Chromium loads a track only from the page's own
        origin, and a page opened from disk has none, so a track file next to it would not
        load; its text inside the page does (a few KB)."""
        match = DOCUMENT_PATH.match(urlsplit(url).path)
        if match is None:
            return None
        document = get_document_model().objects.filter(pk=int(match["id"])).first()
        if document is None or not self.reader.may_read_document(document):
            return None
        with document.file.open("rb") as handle:
            content = handle.read()
        return "data:text/vtt;charset=utf-8;base64," + base64.b64encode(content).decode("ascii")

    # --- search -----------------------------------------------------------------------------

    def add_to_index(self, soup, page, member):
        main = soup.select_one("main")
        text = main.get_text(" ", strip=True) if main else ""
        summary = getattr(page.specific, "summary", "") or ""
        self.index.append(
            {
                "u": relative(member, SEARCH_FILE),
                "t": page.title,
                "s": summary or text[:200],
                "f": fold(f"{page.title} {summary} {text}"),
                "ft": fold(page.title),
                **({"l": settings.LANGUAGE_CODE} if is_fallback(page) else {}),
            }
        )

    def export_search(self):
        request = self.request(f"/{self.language}/")
        counts = {
            str(n): ngettext("%(count)s page found.", "%(count)s pages found.", n) % {"count": n}
            for n in range(1, len(self.index) + 1)
        }
        html = render_to_string(
            "exports/offline_search.html",
            {"counts": json.dumps(counts, ensure_ascii=False), "page_language": self.language},
            request=request,
        )
        self.write_page(BeautifulSoup(html, "html.parser"), SEARCH_FILE)
        script = "window.offlineSearchIndex = " + json.dumps(self.index, ensure_ascii=False)
        self.packager.write(SEARCH_INDEX, script + ";\n")

    # --- evaluations ------------------------------------------------------------------------

    def practice(self, soup, page):
        """The questions a visitor reads become a practice form scored in the browser."""
        questions = soup.select_one("main ol.questions")
        if questions is None:
            return
        notice = questions.find_previous_sibling("p", class_="notice")
        try:
            evaluation = evaluations.load(page)
        except evaluations.EvaluationUnavailable as refused:
            if notice is not None:
                notice.string = str(refused.message)
            return
        content_lang = questions.select_one(".prompt span[lang]")
        feedback = {child.id: str(child.value["feedback"]) for child in page.questions}
        items = []
        for question in evaluation.public_questions():
            key = evaluation.key[question["id"]]
            items.append(
                {
                    **question,
                    "single": question["kind"] in evaluations.SINGLE_ANSWER_KINDS,
                    "digest": answer_hash(self.salt, question["id"], key["correct"]),
                    "feedback": obfuscate(self.salt, question["id"], feedback[question["id"]]),
                }
            )
        html = render_to_string(
            "exports/offline_practice.html",
            {
                "questions": items,
                "salt": self.salt,
                "pass_mark": page.effective_pass_mark,
                "content_lang": content_lang["lang"] if content_lang else "",
            },
        )
        if notice is not None:
            notice.decompose()
        questions.replace_with(BeautifulSoup(html, "html.parser"))

    # --- the start page ---------------------------------------------------------------------

    def start_page(self):
        return render_to_string(
            "exports/offline_start.html",
            {
                "course": self.edition.course,
                "course_file": self.course_file,
                "course_url": self.page_url(self.edition.course),
                "language": self.language,
            },
        )


def build_offline(edition, output, *, progress=None):
    """Write the offline edition of ``edition`` (``exports.edition.Edition``) as a zip at
    ``output``; ``progress(done, total, label)`` is called as pages are rendered."""
    OfflineBuilder(edition, progress).build(output)
