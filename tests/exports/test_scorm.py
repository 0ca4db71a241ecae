"""The SCORM 1.2 package of a language edition (exports/scorm.py): a valid manifest listing
every file, one SCO per module whose pages load nothing from outside the package, and an
evaluation whose answer key and feedback are not readable in it."""

import json
import posixpath
import zipfile
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree

from exports.answers import answer_hash, reveal
from exports.edition import INCLUDE, EditionError, load_edition
from exports.scorm import build_scorm
from learning.study import evaluation as scoring

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def packages(django_db_setup, django_db_blocker, tmp_path_factory):
    """The es and en packages of the demo course, built once: {code: (path, edition, calls)}."""
    from wagtail.models import Locale

    from tests.helpers import DemoPages

    built = {}
    with django_db_blocker.unblock():
        course = DemoPages().course
        for code in ("es", "en"):
            edition = load_edition(course, Locale.objects.get(language_code=code), fallback=INCLUDE)
            path = tmp_path_factory.mktemp("scorm") / f"curso-{code}.zip"
            calls = []
            build_scorm(edition, path, progress=lambda *args, calls=calls: calls.append(args))
            built[code] = (path, edition, calls)
    return built


def manifest_of(path):
    with zipfile.ZipFile(path) as archive:
        return ElementTree.fromstring(archive.read("imsmanifest.xml")), set(archive.namelist())


@pytest.mark.parametrize("code", ["es", "en"])
def test_the_manifest_is_scorm_12_and_lists_every_file(packages, code):
    path, edition, _calls = packages[code]
    manifest, names = manifest_of(path)
    assert manifest.tag == f"{CP}manifest"
    assert manifest.find(f"{CP}metadata/{CP}schemaversion").text == "1.2"
    assert manifest.find(f"{CP}metadata/{CP}schema").text == "ADL SCORM"
    assert "adlcp_rootv1p2.xsd" in manifest.get(f"{XSI}schemaLocation")
    identifiers = [
        element.get("identifier") for element in manifest.iter() if element.get("identifier")
    ]
    assert len(identifiers) == len(set(identifiers))
    organizations = manifest.find(f"{CP}organizations")
    default = organizations.get("default")
    assert default in identifiers
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    items = list(manifest.iter(f"{CP}item"))
    # One SCO per module, in order, each passed at its evaluation's pass mark.
    assert len(items) == len(edition.modules) == 10
    listed = set()
    for item, entry in zip(items, edition.modules, strict=True):
        resource = resources[item.get("identifierref")]
        assert resource.get(f"{ADLCP}scormtype") == "sco"
        assert item.find(f"{ADLCP}masteryscore").text == str(entry.evaluation.effective_pass_mark)
        files = [unquote(f.get("href")) for f in resource.iter(f"{CP}file")]
        assert unquote(resource.get("href")) in files
        listed.update(files)
    for href in listed:
        assert href in names, href
    assert listed == names - {"imsmanifest.xml"}


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_sco_loads_nothing_from_outside_the_package(packages, code):
    path, _edition, _calls = packages[code]
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        html = archive.read("sco-05/index.html").decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == code
    loaded = [
        tag.get("src") or tag.get("href")
        for tag in soup.find_all(["img", "video", "audio", "track", "source", "script", "link"])
        if tag.get("src") or tag.get("href")
    ]
    scripts = [url.rsplit("/", 1)[-1] for url in loaded if url.endswith(".js")]
    assert scripts == ["scoring.js", "runtime.js"]  # the shared scoring first
    assert any(url.endswith("site.css") for url in loaded)
    for url in loaded:
        assert not urlsplit(url).scheme and not url.startswith("/"), url
        assert posixpath.normpath(posixpath.join("sco-05", unquote(url))) in names, url
    # The module, its 19 country units and its evaluation are sections of the SCO.
    sections = soup.select("section.sco-section")
    assert len(sections) == 21
    assert {s["id"] for s in sections} >= {"sco-module", "sco-evaluation", "sco-unit-mx"}


def test_the_answer_key_and_feedback_are_not_in_plain_text(packages, demo):
    path, _edition, _calls = packages["es"]
    loaded = scoring.load(demo.evaluation(1))
    with zipfile.ZipFile(path) as archive:
        html = archive.read("sco-01/index.html").decode()
    soup = BeautifulSoup(html, "html.parser")
    data = json.loads(soup.find("script", id="sco-data").string)
    key = data["evaluation"]
    for question in key["questions"]:
        assert set(question) == {"id", "kind", "points", "hash", "feedback", "verdict"}
    for child, question in zip(loaded.source.questions, key["questions"], strict=True):
        assert question["id"] == child.id
        correct = loaded.key[child.id]["correct"]
        assert question["hash"] == answer_hash(key["salt"], child.id, correct)
        wrong = set(loaded.key[child.id]["options"]) - correct
        assert question["hash"] != answer_hash(key["salt"], child.id, wrong)
        feedback = child.value["feedback"]
        assert feedback and feedback not in html
        assert reveal(key["salt"], child.id, question["feedback"]) == feedback
    assert key["passMark"] == demo.evaluation(1).effective_pass_mark


def test_untranslated_pages_carry_the_sites_notice(packages):
    path, edition, _calls = packages["en"]
    with zipfile.ZipFile(path) as archive:
        html = archive.read("sco-01/index.html").decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("a", class_="skip-link").get_text() == "Skip to main content"
    notices = soup.select(".fallback-notice")
    fallbacks = soup.select("section.sco-section h1[lang=es]")
    assert len(notices) == len(fallbacks)


def test_progress_is_reported_up_to_the_total_in_the_staffs_language(packages):
    _path, edition, calls = packages["en"]
    done = [call[0] for call in calls]
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1] == len(edition.modules) + 1
    # An English edition exported by someone working in Spanish (the tests' language).
    assert calls[0][2] == "Módulo 1"


def test_a_failed_export_leaves_no_file(tmp_path, demo, monkeypatch):
    from wagtail.models import Locale

    import exports.scorm

    edition = load_edition(demo.course, Locale.objects.get(language_code="es"))
    edition.modules = edition.modules[:1]

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(exports.scorm, "_manifest", broken)
    with pytest.raises(OSError):
        build_scorm(edition, tmp_path / "out.zip")
    assert list(tmp_path.iterdir()) == []


def test_related_resources_link_to_the_sites_library(packages, demo):
    path, edition, _calls = packages["es"]
    with zipfile.ZipFile(path) as archive:
        html = archive.read("sco-01/index.html").decode()
    soup = BeautifulSoup(html, "html.parser")
    related = [item.resource for item in demo.module(1).related_resources.all()]
    assert related  # the demo module has some
    links = soup.select("#sco-module .resource-card h3 a")
    assert [link.get_text() for link in links] == [resource.title for resource in related]
    for link, resource in zip(links, related, strict=True):
        assert link["href"] == resource.full_url
        assert link["target"] == "_blank"


def test_an_edition_without_modules_or_a_bad_output_is_refused(tmp_path, demo):
    from wagtail.models import Locale

    edition = load_edition(demo.course, Locale.objects.get(language_code="es"))
    with pytest.raises(EditionError, match="elija un archivo en una carpeta existente"):
        build_scorm(edition, tmp_path / "missing" / "out.zip")
    with pytest.raises(EditionError, match="elija un archivo en una carpeta existente"):
        build_scorm(edition, tmp_path)
    edition.modules = []
    with pytest.raises(EditionError, match="no tiene ningún módulo"):
        build_scorm(edition, tmp_path / "out.zip")
    assert list(tmp_path.iterdir()) == []


def test_titles_with_control_characters_and_markup_make_a_valid_manifest():
    """A title pasted with a control character (XML 1.0 cannot hold it) or with markup still
    gives a manifest an LMS can read, with the title as written."""
    from types import SimpleNamespace

    from exports.scorm import _manifest

    course = SimpleNamespace(slug="curso", title="Niñez <migrante> & \x0bderechos ]]>")
    module = SimpleNamespace(number=1, title="Módulo\x01 «uno» <b>")
    entry = SimpleNamespace(module=module, evaluation=None)
    edition = SimpleNamespace(language_code="es", course=course)
    manifest = ElementTree.fromstring(
        _manifest(edition, [(entry, "sco-01", "sco-01/index.html", [])])
    )
    titles = [element.text for element in manifest.iter(f"{CP}title")]
    assert titles == ["Niñez <migrante> & derechos ]]>", "Módulo 1: Módulo «uno» <b>"]
