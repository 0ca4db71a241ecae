"""The offline edition (exports/offline.py): a zip of static pages that needs nothing but itself.

Each language's zip is built once for the module from the demo (Spanish, and English, where
modules 3 to 10 are not translated yet and fall back to Spanish with the site's notice)."""

import base64
import json
import posixpath
import re
import zipfile
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from course_content.models import ResourcePage
from exports.answers import answer_hash, reveal
from exports.edition import OMIT, is_fallback, load_edition
from exports.offline import build_offline
from tests.helpers import DemoPages

pytestmark = pytest.mark.django_db

REFERENCES = {"href", "src", "poster", "action", "data"}


class Export:
    def __init__(self, path, edition, progress):
        self.zip = zipfile.ZipFile(path)
        self.names = set(self.zip.namelist())
        self.edition = edition
        self.progress = progress
        self.size = path.stat().st_size

    def text(self, name):
        return self.zip.read(name).decode()

    def soup(self, name):
        return BeautifulSoup(self.text(name), "html.parser")

    def html(self):
        return sorted(name for name in self.names if name.endswith(".html"))

    def member(self, page):
        return page.get_url_parts()[2].strip("/") + "/index.html"


@pytest.fixture(scope="module")
def export(django_db_setup, django_db_blocker, tmp_path_factory):
    built = {}

    def build(language, fallback="include"):
        if (language, fallback) not in built:
            with django_db_blocker.unblock():
                course = DemoPages().course
                edition = load_edition(
                    course, Locale.objects.get(language_code=language), fallback=fallback
                )
                path = tmp_path_factory.mktemp("offline") / f"{language}.zip"
                progress = []
                build_offline(edition, path, progress=lambda *step: progress.append(step))
                edition.pages_list = list(edition.pages())
                built[language, fallback] = Export(path, edition, progress)
        return built[language, fallback]

    return build


def references(soup):
    for tag in soup.find_all(True):
        for attribute in REFERENCES & set(tag.attrs):
            yield tag, tag[attribute]
        if tag.has_attr("srcset"):
            for candidate in tag["srcset"].split(","):
                yield tag, candidate.split()[0]


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_link_and_file_of_every_page_is_in_the_zip(export, language):
    offline = export(language)
    for page in offline.edition.pages_list:
        assert offline.member(page) in offline.names, page.url_path
    checked = 0
    for name in offline.html():
        for tag, url in references(offline.soup(name)):
            parts = urlsplit(url)
            if parts.scheme in ("mailto", "https") or url.startswith("#"):
                assert parts.netloc not in ("testserver", "localhost"), (name, url)
                continue
            if parts.scheme == "data":  # captions travel inside the page
                assert tag.name == "track" and url.startswith("data:text/vtt;"), (name, url)
                continue
            assert not parts.scheme and not url.startswith("/"), (name, url)
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(name), unquote(parts.path))
            )
            assert target in offline.names, (name, tag.name, url)
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize("language", ["es", "en"])
def test_nothing_points_back_to_the_server(export, language):
    offline = export(language)
    for name in offline.html():
        text = offline.text(name)
        assert "testserver" not in text and "127.0.0.1" not in text, name
        soup = BeautifulSoup(text, "html.parser")
        assert not soup.select('link[rel~="alternate"], link[rel~="canonical"]'), name
        # No language switcher (the other languages are not in the zip), no account links.
        assert not soup.select("nav.language-switcher, nav.learner-nav, #apply"), name
        for form in soup.select("form"):
            assert form.get("method", "get").lower() == "get", name
            action = form.get("action")
            assert action is None or not urlsplit(action).scheme and not action.startswith("/")
        assert not soup.select("input[name=csrfmiddlewaretoken]"), name


def test_media_documents_and_images_are_in_the_zip(export, demo):
    offline = export("es")
    video = demo.resources(resource_type="video").exclude(document=None).first()
    page = offline.soup(offline.member(video))
    player = page.select_one("video")
    source = posixpath.join(posixpath.dirname(offline.member(video)), player["src"])
    stored = offline.zip.read(posixpath.normpath(source))
    with video.document.file.open("rb") as original:
        assert stored == original.read()
    # Captions travel inside the page: a track file would not load from file://.
    track = page.select_one("video track[src]")
    assert track["src"].startswith("data:text/vtt;charset=utf-8;base64,")
    with video.captions.file.open("rb") as captions:
        assert base64.b64decode(track["src"].split(",", 1)[1]) == captions.read()
    kinds = {posixpath.splitext(name)[1] for name in offline.names}
    assert {".webm", ".ogg", ".pdf", ".css", ".js"} <= kinds
    assert kinds & {".png", ".jpg", ".jpeg", ".webp"}


def test_the_library_keeps_its_pages_of_results(export):
    offline = export("es")
    library = offline.member(offline.edition.library)
    first = offline.soup(library)
    pages = [link["href"] for link in first.select("nav.pagination a[href]")]
    assert "index-2.html" in pages
    second = library.replace("index.html", "index-2.html")
    assert second in offline.names
    listed = {
        link["href"] for link in offline.soup(second).select("ul.cards a[href]") if link["href"]
    }
    assert listed and not listed & {a["href"] for a in first.select("ul.cards a[href]")}
    # Learner-only resources are part of an edition for its learners.
    learners_only = ResourcePage.objects.filter(
        locale__language_code="es", learners_only=True
    ).first()
    if learners_only is not None:
        assert offline.member(learners_only) in offline.names


def test_untranslated_pages_carry_the_sites_notice(export):
    offline = export("en")
    fallbacks = [page for page in offline.edition.pages_list if is_fallback(page)]
    translated = [page for page in offline.edition.pages_list if not is_fallback(page)]
    assert fallbacks and translated
    notice = "This page is not yet available in this language"
    for page in fallbacks:
        assert notice in offline.text(offline.member(page)), page.url_path
    assert notice not in offline.text(offline.member(offline.edition.course))


def test_untranslated_pages_can_be_left_out(export):
    # Portuguese: the course and module 1 are translated; the rest are placeholders.
    offline = export("pt-br", OMIT)
    assert offline.edition.omitted
    for page in offline.edition.omitted:
        assert offline.member(page) not in offline.names, page.url_path
    # The library goes in as the edition's (load_edition keeps it, untranslated or not).
    kept = [page for page in offline.edition.pages_list if page != offline.edition.library]
    assert len(kept) >= 2
    notice = "ainda não está disponível"
    for page in kept:
        assert not is_fallback(page)
        assert offline.member(page) in offline.names
        assert notice not in offline.text(offline.member(page))
    for name in offline.html():  # links to the pages left out keep their text only
        for link in offline.soup(name).select("a[href]"):
            href = urlsplit(link["href"])
            if not href.scheme and href.path:
                target = posixpath.join(posixpath.dirname(name), unquote(href.path))
                assert posixpath.normpath(target) in offline.names, (name, link["href"])


def test_evaluations_are_practice_without_the_answer_key(export, demo):
    offline = export("es")
    evaluation = demo.evaluation(1)
    text = offline.text(offline.member(evaluation))
    soup = BeautifulSoup(text, "html.parser")
    assert "Solo para practicar" in soup.select_one("main .notice").get_text()
    form = soup.select_one("form.offline-practice")
    salt = form["data-salt"]
    assert form["data-pass-mark"] == str(evaluation.effective_pass_mark)
    questions = form.select("fieldset[data-question]")
    assert len(questions) == len(evaluation.questions)
    for child, fieldset in zip(evaluation.questions, questions, strict=True):
        correct = child.block.correct_option_ids(child.value)
        options = child.block.option_ids(child.value)
        assert fieldset["data-question"] == child.id
        assert fieldset["data-key"] == answer_hash(salt, child.id, correct)
        wrong = [option for option in options if option not in correct][:1]
        assert fieldset["data-key"] != answer_hash(salt, child.id, wrong)
        # Neither the feedback nor which options are right is in the zip as text; the
        # feedback is there obscured, for the practice script to show after checking.
        assert str(child.value["feedback"])[:40] not in text
        assert reveal(salt, child.id, fieldset["data-feedback"]) == str(child.value["feedback"])
        assert not fieldset.select("[data-correct], .correct")
    # The shared scoring script, then the practice script, both in the zip.
    scripts = [script["src"] for script in soup.select("script[src]")]
    assert [src.rsplit("/", 1)[-1] for src in scripts[-2:]] == [
        "scoring.js",
        "offline-practice.js",
    ]
    folder = posixpath.dirname(offline.member(evaluation))
    for src in scripts[-2:]:
        assert offline.text(posixpath.normpath(posixpath.join(folder, src)))


def test_the_search_index_holds_every_page(export):
    offline = export("es")
    script = offline.text("search/search-index.js")
    entries = json.loads(re.fullmatch(r"window\.offlineSearchIndex = (.*);\n", script, re.S)[1])
    assert len(entries) == len(offline.edition.pages_list)
    for entry in entries:
        target = posixpath.normpath(posixpath.join("search", entry["u"]))
        assert target in offline.names
    assert any("interes superior" in entry["f"] for entry in entries)  # folded: no accents
    search = offline.soup("search/index.html")
    assert search.select_one("form.offline-search") is not None
    scripts = [tag["src"] for tag in search.select("script[src]")]
    assert scripts.index("search-index.js") < next(
        i for i, src in enumerate(scripts) if src.endswith("offline-search.js")
    )
    header = offline.soup(offline.member(offline.edition.course)).select_one("form.site-search")
    assert header["action"] == "../../search/index.html"


def test_progress_is_reported_page_by_page(export):
    offline = export("es")
    done = [step[0] for step in offline.progress]
    total = offline.progress[-1][1]
    assert done == sorted(done) and done[-1] == total
    assert total >= len(offline.edition.pages_list)
    assert {step[2] for step in offline.progress} >= {offline.edition.course.title}


def test_pages_with_accented_addresses_link_to_each_other(demo, tmp_path):
    # A translation's slug may be written in its language: /pt-br/…/módulo-um/.
    locale = Locale.objects.get(language_code="pt-br")
    module = demo.module(1).get_translation(locale)
    module.slug = "módulo-um"
    module.save()
    edition = load_edition(demo.course, locale, fallback=OMIT)
    build_offline(edition, tmp_path / "pt-br.zip")
    with zipfile.ZipFile(tmp_path / "pt-br.zip") as archive:
        names = set(archive.namelist())
        course = archive.read("pt-br/curso-ninez-migrante/index.html").decode()
    member = "pt-br/curso-ninez-migrante/módulo-um/index.html"
    assert member in names
    assert "pt-br/curso-ninez-migrante/módulo-um/evaluacion/index.html" in names
    links = [a["href"] for a in BeautifulSoup(course, "html.parser").select(".module-list a")]
    assert [unquote(href) for href in links] == ["módulo-um/index.html"]
