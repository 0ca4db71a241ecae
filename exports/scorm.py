"""A language edition of a course as a SCORM 1.2 package.

``build_scorm(edition, output)`` writes a zip that any SCORM 1.2 LMS imports:

- ``imsmanifest.xml``: one organization (the course), one item and one SCO per module (with the
  evaluation's pass mark as ``adlcp:masteryscore``), every file of the package listed under the
  resource of each SCO that uses it (the ADL CP 1.1 / SCORM 1.2 schemas referenced by
  ``xsi:schemaLocation``);
- ``sco-NN/index.html`` per module: one HTML page holding the module, its country units and its
  evaluation as sections shown one at a time (a SCO is one page: SCORM 1.2 allows one
  ``LMSInitialize`` per session, so moving between pages of a module must not reload it). The
  content is rendered with the site's block templates and styled by the site's CSS;
- ``assets/``: the site's CSS, our runtime (``exports/static/exports/scorm/runtime.js``, which
  talks to the LMS: location, suspend data, score, status) and every image, document, video,
  audio file and caption track the pages use (``exports.assets``).

Evaluations score as the site does (``learning.study.evaluation``): all-or-nothing per question,
from the question and option ids of the source evaluation, ``100 * points // total``, passed at
the evaluation's effective pass mark. The answer key is not in the package in plain text: each
question carries a salted SHA-256 of its correct option ids (sorted), which the runtime compares
with the hash of the learner's choice; the feedback is stored encrypted (XOR with a SHA-256 key
stream of the salt) and only decrypted and shown after the answers are sent.
"""

import os
import secrets
import tempfile
import zipfile
from dataclasses import dataclass, field
from urllib.parse import quote
from xml.etree import ElementTree

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from cms.xml import tostring_with_default_namespace
from course_content.countries import country_name
from course_content.selectors import shown_source_language
from exports.answers import answer_hash, obfuscate
from exports.assets import Packager
from exports.edition import EditionError
from exports.moodle import xml_text
from learning.study import evaluation as scoring

CP_NAMESPACE = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NAMESPACE = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"
)
SCORING = "exports/scoring.js"
RUNTIME = "exports/scorm/runtime.js"
STYLESHEETS = ["css/site.css", "exports/scorm/scorm.css"]


@dataclass
class Section:
    """One part of a SCO: the module, a country unit or the evaluation."""

    id: str
    kind: str  # "module", "unit" or "evaluation"
    page: Page  # the edition's page
    content: Page  # the page whose content is shown (the source, for a fallback)
    label: str
    lang: str = ""  # the content's language when it is not the edition's (a fallback)
    extra: dict = field(default_factory=dict)


def build_scorm(edition, output, *, progress=None):
    """Write the SCORM 1.2 package of ``edition`` (``exports.edition.Edition``) at ``output``.

    ``progress(done, total, label)`` is called as modules are packaged. The zip is written to a
    temporary file beside ``output`` and moved into place when complete: a failed export leaves
    no half-written package.
    """
    if not edition.modules:
        raise EditionError(_("This edition has no module to export."))
    # Progress labels are for the staff member exporting: in their language, not the edition's.
    staff_language = translation.get_language()

    def report(done, total, label):
        if progress is not None:
            with translation.override(staff_language):
                progress(done, total, str(label()))

    total = len(edition.modules) + 1
    directory = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(directory) or os.path.isdir(output):
        raise EditionError(
            _("Cannot write the package at “%(path)s”: choose a file in an existing folder.")
            % {"path": output}
        )
    handle, temporary = tempfile.mkstemp(suffix=".zip.part", dir=directory)
    os.close(handle)
    try:
        with translation.override(edition.language_code):
            with zipfile.ZipFile(temporary, "w", allowZip64=True) as archive:
                _write_package(edition, archive, report, total)
        os.replace(temporary, output)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def _write_package(edition, archive, report, total):
    site = edition.course.get_site()
    packager = Packager(archive, site_url=site.root_url if site else None)
    scos = []
    for number, entry in enumerate(edition.modules, start=1):
        folder = f"sco-{entry.module.number:02d}"
        page_path = f"{folder}/index.html"
        sections = _sections(edition, entry)
        packager.pages.update(
            {
                section.page.url: f"{page_path}#{section.id}"
                for section in sections
                if section.page.url
            }
        )
        report(number - 1, total, lambda module=entry.module: _module_label(module))
        html = render_to_string(
            "exports/scorm/sco.html",
            {
                "edition": edition,
                "language": edition.language_code,
                "module": entry.module,
                "sections": sections,
                "stylesheets": [static(name) for name in STYLESHEETS],
                "scripts": [static(SCORING), static(RUNTIME)],
                "data": _sco_data(entry, sections),
            },
        )
        before = len(packager.files)
        html = packager.rewrite(html, page_path)
        packager.write(page_path, html)
        used = set(packager.files[before:])
        scos.append((entry, folder, page_path, _dependencies(packager, page_path, used)))
        # Links from later SCOs to this one's pages lead to the site (a SCO cannot open another).
        for section in sections:
            packager.pages.pop(section.page.url, None)
    report(total - 1, total, lambda: _("Package manifest"))
    manifest = _manifest(edition, scos)
    archive.writestr("imsmanifest.xml", manifest)
    report(total, total, lambda: _("Done"))


def _module_label(module):
    return _("Module %(number)s") % {"number": module.number}


def _content_page(page):
    """The page whose content ``page`` shows: its source when it is a fallback."""
    if shown_source_language(page) is None:
        return page
    if page.alias_of_id:
        return page.alias_of.specific
    source = (
        page.specific_class.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .live()
        .first()
    )
    return source or page


def _section(edition, page, kind, section_id, label):
    content = _content_page(page)
    lang = ""
    shown = content.locale.language_code
    if shown.lower() != edition.language_code.lower():
        lang = shown
    return Section(id=section_id, kind=kind, page=page, content=content, label=label, lang=lang)


def _sections(edition, entry):
    module = entry.module
    sections = [_section(edition, module, "module", "sco-module", module.title)]
    sections[0].extra["resources"] = _related_resources(edition, sections[0].content)
    for unit in entry.country_units:
        name = str(country_name(unit.country))
        section = _section(edition, unit, "unit", f"sco-unit-{unit.country.lower()}", name)
        section.extra["country_name"] = name
        sections.append(section)
    if entry.evaluation is not None:
        section = _section(edition, entry.evaluation, "evaluation", "sco-evaluation", "")
        section.label = entry.evaluation.title
        section.extra.update(_evaluation_context(section))
        sections.append(section)
    return sections


def _related_resources(edition, module):
    """The module's related resources that are in the edition (live, public, of its locale), in
    the module's order; their cards link to the site's library."""
    by_key = {resource.translation_key: resource for resource in edition.resources}
    related = module.related_resources.select_related("resource").order_by("sort_order")
    return [
        by_key[item.resource.translation_key]
        for item in related
        if item.resource.translation_key in by_key
    ]


def _evaluation_context(section):
    """The questions to render (learner-safe) and the obfuscated key, or why it is unavailable."""
    try:
        loaded = scoring.load(section.content)
    except scoring.EvaluationUnavailable as unavailable:
        if unavailable.source is None:
            return {"unavailable": unavailable.message}
        # A translation out of step with its source: its original is answered instead.
        loaded = scoring.load(unavailable.source)
        section.content = unavailable.source
        section.lang = unavailable.source.locale.language_code
    salt = secrets.token_hex(16)
    questions = loaded.public_questions()
    feedback = {child.id: child.value.get("feedback") or "" for child in loaded.source.questions}
    if loaded.page.pk != loaded.source.pk:
        # The learner's language's feedback, where the translation has its own.
        feedback.update(
            {child.id: child.value.get("feedback") or "" for child in loaded.page.questions}
        )
    key = []
    for question in questions:
        answer = loaded.key[question["id"]]
        key.append(
            {
                "id": question["id"],
                "kind": question["kind"],
                "points": answer["points"],
                "hash": answer_hash(salt, question["id"], answer["correct"]),
                "feedback": obfuscate(salt, question["id"], feedback.get(question["id"], "")),
                "verdict": ngettext(
                    "Correct: %(points)s point.", "Correct: %(points)s points.", answer["points"]
                )
                % {"points": answer["points"]},
            }
        )
    page = section.page.specific
    pass_mark = page.effective_pass_mark
    limit = page.max_attempts
    return {
        "questions": questions,
        "pass_mark": pass_mark,
        "evaluation": {
            "salt": salt,
            "passMark": pass_mark,
            "totalPoints": loaded.total_points,
            "questions": key,
            "maxAttempts": limit,
            "messages": _evaluation_messages(pass_mark, limit, len(questions)),
        },
    }


def _evaluation_messages(pass_mark, limit, count):
    """The runtime's messages, in the edition's language ({score}, {count}: filled in by it)."""
    messages = {
        "score": _("Score: %(score)s/100") % {"score": "{score}"},
        "passed": _("Passed: the pass mark is %(mark)s/100.") % {"mark": pass_mark},
        "failed": _("Not passed yet: the pass mark is %(mark)s/100.") % {"mark": pass_mark},
        "incorrect": _("Incorrect: 0 points."),
        "answer": _("Answer this question."),
        "done": _("You passed this evaluation."),
        "best": _("Your best score so far: %(score)s/100.") % {"score": "{score}"},
        "tryAgainNow": _("You may try again now."),
        # "Answer the N questions…", for every number of unanswered questions there can be.
        "missing": {
            str(n): ngettext(
                "Answer the question marked below before sending your answers.",
                "Answer the %(count)s questions marked below before sending your answers.",
                n,
            )
            % {"count": n}
            for n in range(1, count + 1)
        },
    }
    if limit:
        messages["exhausted"] = ngettext(
            "You have used your only attempt at this evaluation.",
            "You have used all %(count)d attempts at this evaluation.",
            limit,
        ) % {"count": limit}
        messages["left"] = {
            str(n): ngettext(
                "You may try again now: %(count)d attempt left.",
                "You may try again now: %(count)d attempts left.",
                n,
            )
            % {"count": n}
            for n in range(1, limit)
        }
    return messages


def _sco_data(entry, sections):
    """What the runtime reads (a JSON data block of the page)."""
    evaluation = next((s for s in sections if s.kind == "evaluation"), None)
    return {
        "sco": f"module-{entry.module.number}",
        "sections": [section.id for section in sections],
        "evaluation": evaluation.extra.get("evaluation") if evaluation else None,
    }


def _dependencies(packager, page_path, written):
    """Every file the SCO page uses: what it referenced (new or already in the zip) and what
    those files reference in turn (a stylesheet's images)."""
    used = {page_path, *written}
    pending = list(packager.references.get(page_path, ()))
    while pending:
        path = pending.pop()
        if path in used:
            continue
        used.add(path)
        pending.extend(packager.references.get(path, ()))
    ordered = [page_path] + sorted(used - {page_path})
    return ordered


def _manifest(edition, scos):
    # ElementTree's prefixes are process-wide: "xsi" is already known to it, "adlcp" is
    # registered (a prefix no other XML of ours uses), and the default namespace is given to
    # this serialisation alone (cms.xml).
    ElementTree.register_namespace("adlcp", ADLCP_NAMESPACE)

    def cp(tag):
        return f"{{{CP_NAMESPACE}}}{tag}"

    language = edition.language_code
    identifier = f"course-{edition.course.slug}-{language}".replace("_", "-")
    manifest = ElementTree.Element(
        cp("manifest"),
        {
            "identifier": identifier,
            "version": "1.0",
            f"{{{XSI_NAMESPACE}}}schemaLocation": SCHEMA_LOCATION,
        },
    )
    metadata = ElementTree.SubElement(manifest, cp("metadata"))
    ElementTree.SubElement(metadata, cp("schema")).text = "ADL SCORM"
    ElementTree.SubElement(metadata, cp("schemaversion")).text = "1.2"
    organizations = ElementTree.SubElement(manifest, cp("organizations"), {"default": "org-course"})
    organization = ElementTree.SubElement(
        organizations, cp("organization"), {"identifier": "org-course"}
    )
    ElementTree.SubElement(organization, cp("title")).text = xml_text(edition.course.title)
    resources = ElementTree.SubElement(manifest, cp("resources"))
    for entry, folder, page_path, files in scos:
        item = ElementTree.SubElement(
            organization,
            cp("item"),
            {"identifier": f"item-{folder}", "identifierref": f"res-{folder}", "isvisible": "true"},
        )
        ElementTree.SubElement(item, cp("title")).text = _("Module %(number)s: %(title)s") % {
            "number": entry.module.number,
            "title": xml_text(entry.module.title),
        }
        if entry.evaluation is not None:
            mastery = ElementTree.SubElement(item, f"{{{ADLCP_NAMESPACE}}}masteryscore")
            mastery.text = str(entry.evaluation.effective_pass_mark)
        resource = ElementTree.SubElement(
            resources,
            cp("resource"),
            {
                "identifier": f"res-{folder}",
                "type": "webcontent",
                f"{{{ADLCP_NAMESPACE}}}scormtype": "sco",
                "href": quote(page_path, safe="/"),
            },
        )
        for path in files:
            ElementTree.SubElement(resource, cp("file"), {"href": quote(path, safe="/")})
    ElementTree.indent(manifest)
    return tostring_with_default_namespace(
        manifest, CP_NAMESPACE, encoding="utf-8", xml_declaration=True
    )
