"""The Moodle XML question bank: the format's rules (structure, fractions, encodings) and a
round trip by ids (parsing our export back gives the site's questions, options and answers)."""

import base64
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as SafeET
from wagtail.images import get_image_model

from course_content.models import EvaluationPage
from exports.edition import INCLUDE, OMIT, find_locale, is_fallback, load_edition
from exports.moodle import build_moodle_xml, category_idnumber, parse_moodle_xml
from learning.study.evaluation import load

# The fractions Moodle's import accepts (question_bank::fraction_options_full, as percentages):
# anything else is refused with "grade does not match any valid grade".
MOODLE_GRADES = [
    100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
    14.28571, 12.5, 11.11111, 10, 5, 0,
]  # fmt: skip
ALLOWED = MOODLE_GRADES + [-grade for grade in MOODLE_GRADES]


def allowed(value):
    return any(abs(value / 100 - grade / 100) < 0.00001 for grade in ALLOWED)


@pytest.fixture(scope="module")
def exported(django_db_blocker, tmp_path_factory):
    """The demo edition exported once in Spanish and in English (both read-only below)."""
    folder = tmp_path_factory.mktemp("moodle")
    files = {}
    with django_db_blocker.unblock():
        from tests.helpers import DemoPages

        course = DemoPages().course
        for code in ("es", "en"):
            files[code] = folder / f"{code}.xml"
            edition = load_edition(course, find_locale(code), fallback=INCLUDE)
            build_moodle_xml(edition, files[code])
    return files


def evaluation_categories(path):
    return [category for category in parse_moodle_xml(path) if category.questions]


def test_the_file_is_utf8_moodle_xml_with_one_category_per_evaluation(exported, demo):
    raw = exported["es"].read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    raw.decode("utf-8")  # strict
    root = SafeET.fromstring(raw)
    assert root.tag == "quiz"
    types = {question.get("type") for question in root}
    assert types == {"category", "description", "multichoice", "truefalse"}

    categories = parse_moodle_xml(exported["es"])
    course_category, *evaluations = categories
    assert course_category.path == f"$course$/top/{demo.course.title}"
    assert len(evaluations) == 10
    for number, category in enumerate(evaluations, start=1):
        page = demo.evaluation(number)
        assert category.idnumber == f"{page.translation_key}-es" == category_idnumber(page)
        assert category.path == f"$course$/top/{demo.course.title}/{number}. {page.title}"
        assert "Nota mínima para aprobar: 70/100" in category.info  # in the edition's language
        # the instructions first, then the questions; each question's idnumber unique
        assert category.questions[0].kind == "description"
        ids = [question.id for question in category.questions]
        assert len(ids) == len(set(ids))
    for question in root.iter("question"):
        if question.get("type") in {"multichoice", "truefalse"}:
            for element in ("name", "questiontext", "defaultgrade", "idnumber", "answer"):
                assert question.find(element) is not None


def test_fractions_follow_moodles_rules(exported):
    root = SafeET.parse(exported["es"]).getroot()
    kinds = set()
    for question in root.iter("question"):
        qtype = question.get("type")
        fractions = [float(answer.get("fraction")) for answer in question.findall("answer")]
        assert all(allowed(value) for value in fractions), fractions
        if qtype == "truefalse":
            kinds.add("truefalse")
            assert sorted(fractions) == [0, 100]
            assert [a.findtext("text") for a in question.findall("answer")] == ["true", "false"]
        elif qtype == "multichoice":
            positive = [value for value in fractions if value > 0]
            if question.findtext("single") == "true":
                kinds.add("single")
                assert positive == [100] and fractions.count(0) == len(fractions) - 1
            else:
                kinds.add("multiple")
                # Moodle refuses a multiple-answer question whose grades do not add up to 100 %
                assert round(sum(Decimal(str(v)) for v in positive) / 100, 2) == 1
                assert len(set(positive)) == 1  # each correct option weighs the same
                # an incorrect option cancels the question, as the site scores it (all or nothing)
                assert all(value == -100 for value in fractions if value <= 0)
    assert kinds == {"truefalse", "single", "multiple"}


@pytest.mark.parametrize("code", ["es", "en"])
def test_round_trip_gives_the_sites_questions_options_and_answers_by_id(exported, code, demo):
    categories = evaluation_categories(exported[code])
    edition = load_edition(demo.course, find_locale(code), fallback=INCLUDE)
    pages = [entry.evaluation for entry in edition.modules]
    assert [c.idnumber for c in categories] == [f"{p.translation_key}-{code}" for p in pages]
    translated = 0
    for category, page in zip(categories, pages, strict=True):
        key = load(page).key
        shown = load(page).source if is_fallback(page) else page
        texts = {child.id: child.value for child in shown.questions}
        questions = [q for q in category.questions if q.kind != "description"]
        assert [q.id for q in questions] == list(key)
        for question in questions:
            expected = key[question.id]
            assert question.kind == expected["kind"]
            assert question.points == expected["points"]
            assert [option_id for option_id, _text, _f in question.options] == expected["options"]
            assert question.correct == expected["correct"]
            value = texts[question.id]
            assert BeautifulSoup(question.text, "html.parser").get_text() == value["prompt"]
            if expected["kind"] != "true_false":
                option_texts = [
                    BeautifulSoup(html, "html.parser").get_text()
                    for _id, html, _f in question.options
                ]
                assert option_texts == [o["text"] for o in value["options"]]
        translated += shown.locale.language_code == code
    assert translated >= 1  # at least one evaluation in the edition's own language
    if code == "en":
        assert "Final assessment for module 1" in categories[0].path
        assert "Pass mark: 70/100" in categories[0].info


def test_an_untranslated_evaluation_has_a_notice_or_is_left_out(demo, tmp_path):
    en = find_locale("en")
    included = load_edition(demo.course, en, fallback=INCLUDE)
    untranslated = [e.evaluation for e in included.modules if is_fallback(e.evaluation)]
    assert untranslated, "the demo has evaluations not yet translated into English"
    build_moodle_xml(included, tmp_path / "with.xml")
    by_id = {c.idnumber: c for c in evaluation_categories(tmp_path / "with.xml")}
    notice = by_id[category_idnumber(untranslated[0])].info
    assert "not yet available in this language" in notice

    omitted = load_edition(demo.course, en, fallback=OMIT)
    build_moodle_xml(omitted, tmp_path / "without.xml")
    ids = {c.idnumber for c in evaluation_categories(tmp_path / "without.xml")}
    assert ids and not ids & {category_idnumber(page) for page in untranslated}


HOSTILE = 'Niñez ]]> <script>alert("x")</script> & &amp; \x01\x0b 🧒 \u202eRTL ]]]]>'


def test_hostile_text_survives_as_text_and_images_are_embedded(demo, tmp_path):
    page = EvaluationPage.objects.get(pk=demo.evaluation(1).pk)
    image = get_image_model().objects.order_by("pk").first()
    page.instructions = (
        f'<p>Mire <embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Mapa"/></p>'
        f'<p><a linktype="page" id="{demo.module(1).pk}">módulo</a></p>'
    )
    first = page.questions[0]
    first.value["prompt"] = HOSTILE
    first.value["feedback"] = HOSTILE
    first.value["options"][0]["text"] = HOSTILE
    page.save()

    build_moodle_xml(load_edition(demo.course, find_locale("es")), tmp_path / "es.xml")
    raw = (tmp_path / "es.xml").read_text(encoding="utf-8")
    assert "<script>" not in re.sub(r"<!\[CDATA\[.*?\]\]>", "", raw, flags=re.S)
    category = evaluation_categories(tmp_path / "es.xml")[0]
    clean = HOSTILE.replace("\x01", "").replace("\x0b", "")
    question = next(q for q in category.questions if q.id == first.id)
    assert BeautifulSoup(question.text, "html.parser").get_text() == clean
    assert BeautifulSoup(question.feedback, "html.parser").get_text() == clean
    assert "<script>" not in question.text  # escaped inside the HTML, not markup
    assert BeautifulSoup(question.options[0][1], "html.parser").get_text() == clean

    description = category.questions[0]
    (name, data), *_ = description.files
    assert f'src="@@PLUGINFILE@@/{name}"' in description.text and 'alt="Mapa"' in description.text
    assert data[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xe1", b"RIFF", b"GIF8")
    assert base64.b64encode(data)  # decoded from the base64 <file> element
    assert re.search(r'href="https?://[^"]+/es/', description.text)  # absolute link to the site
