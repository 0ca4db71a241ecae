"""The evaluations of a language edition as a Moodle XML question bank.

Each evaluation is a question category (``$course$/top/<course>/<module>. <evaluation>``,
its ``idnumber`` the evaluation's translation key and the language: ``category_idnumber``) holding a
``description`` with its instructions and pass mark, then its questions:

- single choice → ``multichoice`` with ``<single>true</single>``: the correct option 100 %;
- multiple choice → ``multichoice`` with ``<single>false</single>``: each correct option
  100/n % (they sum to 100 %), each incorrect option −100 %, so that a response with any
  incorrect option scores 0, as on the site. Moodle gives partial credit for a response missing
  some correct options (its core multichoice has no all-or-nothing mode); the site does not;
- true/false → ``truefalse`` (answers ``true`` and ``false``).

Stable ids: a question's ``idnumber`` is its StreamField block id; an option's id is kept on the
option's text (``<span data-option-id="…">``), which Moodle stores and exports as it is. The
answer key is the source evaluation's (as the site scores it); the text is the edition's locale.
An evaluation whose translation is not in step with its source (the site refuses to score it)
falls back to the source's text with a notice, or is left out (``fallback=OMIT``). An evaluation
whose options have no stable ids yet is never exported.

Rich text (the instructions) is written as HTML with page links made absolute; images are
embedded as Moodle expects: ``<img src="@@PLUGINFILE@@/name">`` and a base64 ``<file>`` element
beside the text. Every text is written in a CDATA section (``]]>`` split across two).

``parse_moodle_xml`` reads such a file back (with defusedxml), for tests and checks.
"""

import base64
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from bs4 import BeautifulSoup
from defusedxml import ElementTree as SafeET
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from course_content.blocks import TRUE_FALSE_OPTIONS
from learning.study.evaluation import EvaluationUnavailable, load

from .edition import INCLUDE, is_fallback

# Characters XML 1.0 cannot hold (a pasted control character must not break the file).
INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
IMAGE_RENDITION = "max-1200x1200"
MULTICHOICE_PENALTY = "0.3333333"


@dataclass
class MoodleResult:
    evaluations: int = 0
    questions: int = 0
    images: int = 0
    # (evaluation title, reason) for evaluations left out
    skipped: list = field(default_factory=list)


def xml_text(text):
    """``text`` without the characters XML 1.0 cannot hold (also for the SCORM manifest)."""
    return INVALID_XML_CHARS.sub("", str(text or ""))


def _attr(value):
    return escape(xml_text(value))


def _cdata(text):
    text = xml_text(text)
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text_element(tag, html, *, files=(), fmt="html", indent="    "):
    parts = [f'{indent}<{tag} format="{fmt}">', f"<text>{_cdata(html)}</text>"]
    for name, data in files:
        encoded = base64.b64encode(data).decode("ascii")
        parts.append(f'\n{indent}  <file name="{_attr(name)}" path="/" encoding="base64">')
        parts.append(f"{encoded}</file>")
    parts.append(f"</{tag}>\n")
    return "".join(parts)


def plain_to_html(text):
    """A plain-text field (prompt, feedback) as escaped HTML paragraphs."""
    text = xml_text(text).strip()
    return linebreaks_filter(text, autoescape=True) if text else ""


def fraction(value):
    """A percentage as Moodle writes it (at most 7 significant decimals, no trailing zeros)."""
    rounded = Decimal(value).quantize(Decimal("0.0000001"), rounding=ROUND_HALF_UP)
    text = format(rounded.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def category_idnumber(page):
    """A category's idnumber: the page's translation key (the same for every translation) and
    the language, so that banks of several languages can live in one Moodle course."""
    return f"{page.translation_key}-{page.locale.language_code}"


def category_path(*names):
    """A Moodle category path: names joined by ``/``, a ``/`` inside a name doubled."""
    return "/".join(["$course$", "top"] + [xml_text(n).replace("/", "//") for n in names])


class RichText:
    """Rich text with its images as Moodle files (names unique within one text)."""

    def __init__(self, html, *, base_url=""):
        self.files = []
        self.html = self._convert(html or "", base_url)

    def _convert(self, html, base_url):
        soup = BeautifulSoup(html, "html.parser")
        images = {}
        embeds = soup.find_all("embed", attrs={"embedtype": "image"})
        ids = [int(e["id"]) for e in embeds if str(e.get("id", "")).isdigit()]
        if ids:
            images = get_image_model().objects.in_bulk(ids)
        for embed in embeds:
            image = images.get(int(embed["id"])) if str(embed.get("id", "")).isdigit() else None
            if image is None:
                embed.decompose()
                continue
            name, data = self._image_file(image, len(self.files))
            self.files.append((name, data))
            tag = soup.new_tag(
                "img", src=f"@@PLUGINFILE@@/{name}", alt=embed.get("alt") or image.title
            )
            embed.replace_with(tag)
        html = expand_db_html(str(soup))
        if base_url:
            html = re.sub(r'href="/(?!/)', f'href="{base_url}/', html)
        return html

    @staticmethod
    def _image_file(image, index):
        rendition = image.get_rendition(IMAGE_RENDITION)
        with rendition.file.open("rb") as handle:
            data = handle.read()
        extension = rendition.file.name.rsplit(".", 1)[-1].lower()
        return f"image-{index + 1}.{extension}", data


@dataclass
class _Source:
    """What one evaluation's category is written from."""

    page: object  # the page whose text is written (the edition's, or the source's)
    key: dict  # question id → answer_key() of the source
    notice: str = ""


def _evaluation_source(page, fallback, result):
    try:
        evaluation = load(page)
    except EvaluationUnavailable as error:
        if error.source is not None and fallback == INCLUDE:
            evaluation = load(error.source)
            return _Source(page=error.source, key=evaluation.key, notice=_fallback_notice(page))
        result.skipped.append((page.title, str(error.message)))
        return None
    if is_fallback(page) and page.pk != evaluation.source.pk:
        return _Source(page=evaluation.source, key=evaluation.key, notice=_fallback_notice(page))
    return _Source(page=page, key=evaluation.key)


def _fallback_notice(page):
    from course_content.selectors import language_name

    return _(
        "This page is not yet available in this language (%(language)s). It is shown in its "
        "original language: %(source)s."
    ) % {
        "language": language_name(page.locale.language_code),
        "source": language_name(Locale.get_default().language_code),
    }


def _question_xml(child, key, index):
    value = child.value
    question_id = child.id
    prompt = xml_text(value["prompt"])
    name = f"{index:02d}. {Truncator(' '.join(prompt.split())).chars(80)}"
    kind = key["kind"]
    moodle_type = "truefalse" if kind == "true_false" else "multichoice"
    out = [f'  <question type="{moodle_type}">\n']
    out.append(f"    <name><text>{_cdata(name)}</text></name>\n")
    out.append(_text_element("questiontext", plain_to_html(prompt)))
    out.append(_text_element("generalfeedback", plain_to_html(value.get("feedback"))))
    out.append(f"    <defaultgrade>{int(key['points'])}</defaultgrade>\n")
    penalty = "1" if kind == "true_false" else MULTICHOICE_PENALTY
    out.append(f"    <penalty>{penalty}</penalty>\n")
    out.append("    <hidden>0</hidden>\n")
    out.append(f"    <idnumber>{_attr(question_id)}</idnumber>\n")
    correct = key["correct"]
    if kind == "true_false":
        for option_id, _label in TRUE_FALSE_OPTIONS:
            score = "100" if option_id in correct else "0"
            out.append(f'    <answer fraction="{score}" format="moodle_auto_format">')
            out.append(f"<text>{option_id}</text>")
            out.append('<feedback format="html"><text></text></feedback></answer>\n')
    else:
        single = kind == "single_choice"
        out.append(f"    <single>{'true' if single else 'false'}</single>\n")
        out.append("    <shuffleanswers>false</shuffleanswers>\n")
        out.append("    <answernumbering>abc</answernumbering>\n")
        out.append("    <showstandardinstruction>1</showstandardinstruction>\n")
        out.append(_text_element("correctfeedback", plain_to_html(_("Your answer is correct."))))
        out.append(
            _text_element(
                "partiallycorrectfeedback", plain_to_html(_("Your answer is partially correct."))
            )
        )
        out.append(
            _text_element("incorrectfeedback", plain_to_html(_("Your answer is incorrect.")))
        )
        out.append("    <shownumcorrect/>\n")
        share = Decimal(100) / len(correct)
        texts = {item.id: item.value["text"] for item in value["options"].bound_blocks}
        for option_id in key["options"]:
            if option_id in correct:
                score = fraction(share)
            else:
                score = "0" if single else "-100"
            text = f'<span data-option-id="{_attr(option_id)}">{_attr(texts[option_id])}</span>'
            out.append(f'    <answer fraction="{score}" format="html">')
            out.append(f"<text>{_cdata(text)}</text>")
            out.append('<feedback format="html"><text></text></feedback></answer>\n')
    out.append("  </question>\n")
    return "".join(out)


def _category_xml(path, idnumber, info_html):
    return (
        '  <question type="category">\n'
        f"    <category><text>{_cdata(path)}</text></category>\n"
        + _text_element("info", info_html)
        + f"    <idnumber>{_attr(idnumber)}</idnumber>\n"
        "  </question>\n"
    )


def _evaluation_xml(entry, source, course_title, base_url, result):
    page = source.page
    module = entry.module
    path = category_path(course_title, f"{module.number}. {page.title}")
    pass_mark = source.page.effective_pass_mark
    total = sum(question["points"] for question in source.key.values())
    facts = _("Pass mark: %(pass_mark)s/100. Total points: %(total)s.") % {
        "pass_mark": pass_mark,
        "total": total,
    }
    info = f"<p>{escape(facts)}</p>"
    if source.notice:
        info = f"<p>{escape(source.notice)}</p>" + info
    out = [_category_xml(path, category_idnumber(entry.evaluation), info)]

    instructions = RichText(page.instructions, base_url=base_url)
    result.images += len(instructions.files)
    description = info + instructions.html
    out.append('  <question type="description">\n')
    name = _("%(title)s: instructions") % {"title": xml_text(page.title)}
    out.append(f"    <name><text>{_cdata(name)}</text></name>\n")
    out.append(_text_element("questiontext", description, files=instructions.files))
    out.append(_text_element("generalfeedback", ""))
    out.append("    <defaultgrade>0</defaultgrade>\n    <penalty>0</penalty>\n")
    out.append("    <hidden>0</hidden>\n")
    out.append(
        f"    <idnumber>{_attr(category_idnumber(entry.evaluation))}-instructions</idnumber>\n"
    )
    out.append("  </question>\n")

    children = {child.id: child for child in page.questions}
    for index, (question_id, key) in enumerate(source.key.items(), start=1):
        out.append(_question_xml(children[question_id], key, index))
        result.questions += 1
    result.evaluations += 1
    return "".join(out)


def _base_url(page):
    site = page.get_site()
    return site.root_url.rstrip("/") if site else ""


def build_moodle_xml(edition, output, *, progress=None):
    """Write the edition's evaluations to ``output`` (a path) as Moodle XML (UTF-8); returns a
    ``MoodleResult``. ``progress(done, total, label)`` is called after each evaluation."""
    result = MoodleResult()
    entries = [entry for entry in edition.modules if entry.evaluation is not None]
    base_url = _base_url(edition.course)
    with override(edition.language_code):
        course_title = edition.course.title
        chunks = [
            '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n',
            _category_xml(
                category_path(course_title),
                category_idnumber(edition.course),
                f"<p>{escape(xml_text(edition.course.title))}</p>",
            ),
        ]
        for done, entry in enumerate(entries, start=1):
            source = _evaluation_source(entry.evaluation, edition.fallback, result)
            if source is not None:
                chunks.append(_evaluation_xml(entry, source, course_title, base_url, result))
            if progress:
                progress(done, len(entries), entry.evaluation.title)
        chunks.append("</quiz>\n")
    with open(output, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(chunks)
    return result


# --- Reading a Moodle XML file back ------------------------------------------------------------

OPTION_ID = re.compile(r'data-option-id="([^"]*)"')


@dataclass
class ParsedQuestion:
    id: str
    kind: str  # single_choice, multiple_choice, true_false, description
    name: str
    text: str  # question text (HTML)
    feedback: str
    points: int
    options: list = field(default_factory=list)  # [(option id, text HTML, fraction)]
    files: list = field(default_factory=list)  # [(name, bytes)]

    @property
    def correct(self):
        return {option_id for option_id, _text, share in self.options if share > 0}


@dataclass
class ParsedCategory:
    path: str
    idnumber: str
    info: str
    questions: list = field(default_factory=list)


def _read_text(element, tag):
    found = element.find(f"{tag}/text")
    return found.text or "" if found is not None else ""


def _option_text(html):
    return BeautifulSoup(html, "html.parser").get_text()


def parse_moodle_xml(path):
    """The categories of a Moodle XML file, each with its questions (``ParsedCategory``)."""
    tree = SafeET.parse(path)
    root = tree.getroot()
    if root.tag != "quiz":
        raise ValueError("not a Moodle XML question file (no <quiz> root)")
    categories = []
    current = None
    for question in root.findall("question"):
        qtype = question.get("type")
        if qtype == "category":
            current = ParsedCategory(
                path=_read_text(question, "category"),
                idnumber=(question.findtext("idnumber") or "").strip(),
                info=_read_text(question, "info"),
            )
            categories.append(current)
            continue
        if current is None:
            raise ValueError("a question before any category")
        text_element = question.find("questiontext")
        files = [
            (file.get("name"), base64.b64decode(file.text or ""))
            for file in (text_element.findall("file") if text_element is not None else [])
        ]
        parsed = ParsedQuestion(
            id=(question.findtext("idnumber") or "").strip(),
            kind="description",
            name=_read_text(question, "name"),
            text=_read_text(question, "questiontext"),
            feedback=_read_text(question, "generalfeedback"),
            points=int(float(question.findtext("defaultgrade") or 0)),
            files=files,
        )
        if qtype == "truefalse":
            parsed.kind = "true_false"
            for answer in question.findall("answer"):
                option_id = (answer.findtext("text") or "").strip()
                parsed.options.append((option_id, option_id, float(answer.get("fraction"))))
        elif qtype == "multichoice":
            single = (question.findtext("single") or "").strip() == "true"
            parsed.kind = "single_choice" if single else "multiple_choice"
            for answer in question.findall("answer"):
                html = answer.findtext("text") or ""
                match = OPTION_ID.search(html)
                parsed.options.append(
                    (match.group(1) if match else "", html, float(answer.get("fraction")))
                )
        elif qtype != "description":
            raise ValueError(f"unexpected question type {qtype!r}")
        current.questions.append(parsed)
    return categories
