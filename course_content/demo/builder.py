"""Builds the demo course of ``content.py`` as published Wagtail pages.

Used by ``manage.py load_demo_course``; tests use it too, so what a newcomer sees is tested.
"""

import datetime
import html
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail.utils.file import hash_filelike

from course_content import services
from course_content.demo import content
from course_content.demo.media import (
    caption_cues,
    make_audio,
    make_pdf,
    make_png,
    make_video,
    make_vtt,
)
from course_content.models import (
    CountryUnitPage,
    CoursePage,
    EvaluationPage,
    HomePage,
    ModulePage,
    ModuleRelatedResource,
    ResourceCountry,
    ResourceLibraryPage,
    ResourcePage,
)

DEMO_COLLECTION = "Curso demo"
HOME_SLUG = "inicio"
LIBRARY_SLUG = "biblioteca"
STUDY_GUIDE_DESCRIPTION = "Resumen imprimible de los objetivos del módulo."
VIDEO_TRANSCRIPT_CLOSING = (
    "En este video, el equipo docente presenta los temas del módulo y propone una ruta de estudio."
)


def _p(text):
    return f"<p>{text}</p>"


def _escape(text):
    return html.escape(text, quote=False)


def _plain(markup):
    return html.unescape(strip_tags(markup))


def verified_days_ago(index):
    """How long ago the legal instruments of the ``index``-th country unit were checked.

    Mirrors the review-cycle story of ``load_demo_editorial`` (units in path order: three
    overdue, three due within a month, the rest reviewed recently).
    """
    return 430 + index if index < 3 else 360 + index if index < 6 else 70 + index


def study_guide_sections(data):
    """The study guide of a module: how to use it, objectives, then a page per section, the
    case and the reflection activity."""
    sections = [
        {
            "heading": "¿Cómo usar esta guía?",
            "paragraphs": [
                _plain(data["summary"]),
                "Esta guía acompaña la lectura del módulo: resume sus ideas principales, propone "
                "preguntas para el análisis y le ayuda a preparar la evaluación final. Puede "
                "imprimirla y anotar en ella sus reflexiones sobre la protección de la niñez "
                "migrante en su propio contexto de trabajo.",
            ],
        },
        {"heading": "Objetivos de aprendizaje", "items": data["objectives"]},
    ]
    for index, section in enumerate(data["sections"]):
        sections.append(
            {
                "heading": section["heading"],
                "paragraphs": [_plain(text) for text in section["paragraphs"]],
                "new_page": index == 0,
            }
        )
    case = data["case_study"]
    reflection = data["reflection"]
    sections += [
        {
            "heading": f"Caso para el análisis: {case['title']}",
            "paragraphs": [_plain(case["context"])],
            "items": case["questions"],
            "new_page": True,
        },
        {
            "heading": "Actividad de reflexión",
            "paragraphs": [_plain(reflection["prompt"]), _plain(reflection["guidance"])],
        },
        {
            "heading": "Antes de la evaluación",
            "paragraphs": [
                "Repase los objetivos de aprendizaje y compruebe que puede explicarlos con sus "
                "propias palabras. La evaluación final del módulo requiere 70 puntos sobre 100. "
                "¡Éxitos en su estudio!"
            ],
        },
    ]
    return sections


class DemoCourseBuilder:
    def __init__(self, *, stdout=None, progress=None, today=None):
        self.progress = progress or (lambda message: None)
        self.locale = Locale.get_default()
        self.collection = None
        self.images = {}
        # Demo dates are relative to the day the demo is built: a course people take now.
        self.today = today or timezone.localdate()

    # --- state ---------------------------------------------------------------------------

    def existing_home(self):
        return HomePage.objects.filter(locale=self.locale, slug=HOME_SLUG, depth=2).first()

    def is_loaded(self):
        home = self.existing_home()
        return bool(
            home and CoursePage.objects.child_of(home).filter(slug=content.COURSE["slug"]).exists()
        )

    @transaction.atomic
    def reset(self):
        home = self.existing_home()
        if home is not None:
            for translation in home.get_translations(inclusive=True):
                translation.delete()
        collection = Collection.objects.filter(name=DEMO_COLLECTION).first()
        if collection is not None:
            # Wagtail removes the files themselves (through a task) when the rows are deleted.
            for document in get_document_model().objects.filter(collection=collection):
                document.delete()
            for image in get_image_model().objects.filter(collection=collection):
                image.delete()
            collection.delete()

    # --- building ------------------------------------------------------------------------

    @transaction.atomic
    def build(self):
        root = Page.get_first_root_node()
        self.collection = Collection.get_first_root_node().add_child(name=DEMO_COLLECTION)
        self.progress("home page")
        home = self.existing_home() or services.add_published_page(
            parent=root,
            page=HomePage(
                title="Niñez migrante en las Américas",
                slug=HOME_SLUG,
                locale=self.locale,
                summary=content.COURSE["summary"],
                introduction="".join(
                    _p(_escape(text)) for text in content.COURSE["introduction"][:1]
                ),
            ),
        )
        services.make_site_root(home=home, site_name="Niñez migrante en las Américas")
        services.remove_wagtail_welcome_page()

        library = services.add_published_page(
            parent=home,
            page=ResourceLibraryPage(
                title="Biblioteca de recursos",
                slug=LIBRARY_SLUG,
                summary="Material complementario del curso: documentos, videos, audios, "
                "infografías, enlaces y herramientas, filtrables por tipo, módulo, país e idioma.",
            ),
        )
        course = self.build_course(home)
        modules = {}
        for index, data in enumerate(content.MODULES, start=1):
            self.progress(f"module {index}/{len(content.MODULES)}")
            modules[data["number"]] = self.build_module(course, data)
        self.progress("resources")
        resources = self.build_resources(library, modules)
        self.link_resources(modules, resources)
        return course

    def course_dates(self):
        """This edition started a month ago and lasts five months; applications are open
        (self-paced: people join while it runs) and close in six weeks."""
        tz = timezone.get_current_timezone()
        starts_on = self.today - datetime.timedelta(days=30)
        opens_on = starts_on - datetime.timedelta(days=45)
        closes_on = self.today + datetime.timedelta(days=42)
        return {
            "starts_on": starts_on,
            "ends_on": starts_on + datetime.timedelta(days=152),
            "application_opens_at": datetime.datetime.combine(
                opens_on, datetime.time(9, 0), tzinfo=tz
            ),
            "application_closes_at": datetime.datetime.combine(
                closes_on, datetime.time(18, 0), tzinfo=tz
            ),
        }

    def build_course(self, home):
        data = content.COURSE
        return services.add_published_page(
            parent=home,
            page=CoursePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                edition_label=data["edition_label"],
                introduction="".join(_p(_escape(text)) for text in data["introduction"]),
                audience=_p(_escape(data["audience"])),
                **self.course_dates(),
                pass_mark=70,
                declared_hours=data["declared_hours"],
            ),
        )

    def image(self, key, label, seed):
        if key not in self.images:
            image_model = get_image_model()
            image = image_model(
                title=label[:250],
                collection=self.collection,
                file=ImageFile(io.BytesIO(make_png(label, seed)), name=f"{slugify(key)}.png"),
            )
            image.save()
            self.images[key] = image
        return self.images[key]

    def document(self, title, filename, data):
        document = get_document_model()(title=title[:250], collection=self.collection)
        document.file.save(filename, ContentFile(data), save=False)
        # Size and hash as an upload sets them (the serve view's ETag is the hash; without a
        # size, the first page showing it would write it).
        document.file_size = len(data)
        document.file_hash = hash_filelike(io.BytesIO(data))
        document.save()
        return document

    def video(self, *, title, slug, paragraphs, seed):
        """A video file that lasts as long as its captions, which say ``paragraphs``."""
        cues = caption_cues(paragraphs)
        seconds = cues[-1][1] + 1
        video = self.document(
            title, f"{slug}.webm", make_video(title=title, seconds=seconds, seed=seed)
        )
        captions = self.document(f"{title} (subtítulos)", f"{slug}.vtt", make_vtt(cues))
        return video, captions, max(1, round(seconds / 60))

    def module_body(self, data):
        """A module body that uses every content block at least once."""
        number = data["number"]
        body = []
        for index, section in enumerate(data["sections"]):
            body.append(("heading", {"text": section["heading"], "level": "h2"}))
            body += [("paragraph", _p(paragraph)) for paragraph in section["paragraphs"]]
            if section.get("callout"):
                callout = dict(section["callout"], text=_p(_escape(section["callout"]["text"])))
                body.append(("callout", callout))
            if index == 0:
                body.append(("quote", dict(data["quote"])))
                body.append(("image", self.module_image_block(data)))
            if index == 1:
                case = data["case_study"]
                body.append(("case_study", dict(case, context=_p(_escape(case["context"])))))
                body.append(("video", self.module_video_block(data)))
        guide = self.document(
            f"Guía de estudio del módulo {number}",
            f"guia-modulo-{number}.pdf",
            make_pdf(
                title=f"Guía de estudio del módulo {number}",
                subtitle=data["title"],
                sections=study_guide_sections(data),
            ),
        )
        reflection = data["reflection"]
        body += [
            ("heading", {"text": "Materiales de estudio", "level": "h2"}),
            ("document", {"document": guide, "description": STUDY_GUIDE_DESCRIPTION}),
            ("reflection", dict(reflection, guidance=_p(_escape(reflection["guidance"])))),
        ]
        return body

    def module_image_block(self, data):
        number = data["number"]
        return {
            "image": self.image(f"module-{number}", data["title"], number),
            "alt_text": f"Gráfico de barras ilustrativo del módulo {number}: {data['title']}.",
            "caption": "Ilustración generada para el curso de demostración.",
            "credit": "Equipo del curso",
        }

    def module_video_block(self, data):
        """The module's presentation video: its summary, its objectives and a closing line,
        said by the captions and written out in the transcript."""
        number = data["number"]
        title = f"Presentación del módulo {number}"
        video, captions, minutes = self.video(
            title=title,
            slug=f"presentacion-modulo-{number}",
            paragraphs=[data["summary"], *data["objectives"], VIDEO_TRANSCRIPT_CLOSING],
            seed=number,
        )
        objectives = "".join(f"<li>{_escape(text)}</li>" for text in data["objectives"])
        return {
            "title": title,
            "file": video,
            "captions": captions,
            "url": "",
            "duration_minutes": minutes,
            "transcript": _p(_escape(data["summary"]))
            + f"<ul>{objectives}</ul>"
            + _p(VIDEO_TRANSCRIPT_CLOSING),
        }

    def build_module(self, course, data):
        module = services.add_published_page(
            parent=course,
            page=ModulePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                number=data["number"],
                estimated_hours=data["hours"],
                has_country_units=data["has_country_units"],
                learning_objectives=[("objective", text) for text in data["objectives"]],
                body=self.module_body(data),
            ),
        )
        if data["has_country_units"]:
            for index, country in enumerate(content.COUNTRIES):
                verified_on = self.today - datetime.timedelta(days=verified_days_ago(index))
                self.build_country_unit(module, country, verified_on=verified_on)
        self.build_evaluation(module, data["evaluation"])
        return module

    def build_country_unit(self, module, data, *, verified_on):
        return services.add_published_page(
            parent=module,
            page=CountryUnitPage(
                title=f"Sistema de protección de la niñez: {data['name']}",
                slug=slugify(data["name"]),
                summary=data["overview"].split(". ")[0].rstrip(".") + ".",
                country=data["code"],
                illustrative=True,
                overview=_p(_escape(data["overview"])),
                legal_framework=[
                    (
                        "instrument",
                        {
                            "instrument": item["instrument"],
                            "year": item["year"],
                            "type": item["type"],
                            "link": item["url"],
                            "verified_on": verified_on,
                        },
                    )
                    for item in data["legal_framework"]
                ],
                institutions=[
                    (
                        "institution",
                        {"name": item["name"], "role": item["role"], "link": item.get("url", "")},
                    )
                    for item in data["institutions"]
                ],
                body=[("heading", {"text": "Claves para la práctica", "level": "h2"})]
                + [("paragraph", _p(_escape(text))) for text in data["body"]],
            ),
        )

    def build_evaluation(self, module, data):
        questions = []
        for question in data["questions"]:
            common = {
                "prompt": question["prompt"],
                "points": question["points"],
                "feedback": question["feedback"],
            }
            if question["kind"] == "true_false":
                answer = "true" if question["correct"] == [0] else "false"
                questions.append(("true_false", {**common, "answer": answer}))
            else:
                options = [
                    {"text": text, "is_correct": index in question["correct"]}
                    for index, text in enumerate(question["options"])
                ]
                kind = "single_choice" if question["kind"] == "single" else "multiple_choice"
                questions.append((kind, {**common, "options": options}))
        return services.add_published_page(
            parent=module,
            page=EvaluationPage(
                title=data["title"],
                slug="evaluacion",
                summary=f"Evaluación final del módulo {module.number}.",
                instructions=_p(_escape(data["instructions"])),
                questions=questions,
            ),
        )

    def resource_material(self, data, seed):
        kind = data["type"]
        fields = {}
        if kind in ("document", "toolkit"):
            fields["document"] = self.document(
                data["title"],
                f"{data['slug']}.pdf",
                make_pdf(
                    title=data["title"],
                    subtitle=f"{data['publisher']} · {data['year']}",
                    sections=[
                        {"heading": "Presentación", "paragraphs": [data["summary"]]},
                        {"heading": "Cómo usar este material", "paragraphs": [data["body"]]},
                    ],
                ),
            )
        elif kind == "infographic":
            fields["image"] = self.image(data["slug"], data["title"], seed)
            # The titles already say "Infografía: …".
            fields["image_alt"] = f"{data['title']}. {data['summary']}"[:250]
        elif kind == "audio":
            fields["document"] = self.document(
                data["title"], f"{data['slug']}.ogg", make_audio(seconds=8.0, seed=seed)
            )
            fields["duration_minutes"] = 1
        elif kind == "video":
            video, captions, minutes = self.video(
                title=data["title"], slug=data["slug"], paragraphs=data["transcript"], seed=seed
            )
            fields.update(document=video, captions=captions, duration_minutes=minutes)
        if kind == "link":
            fields["external_url"] = data["external_url"]
        return fields

    def build_resources(self, library, modules):
        resources = []
        for seed, data in enumerate(content.RESOURCES):
            page = ResourcePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                resource_type=data["type"],
                material_language=data["language"],
                publisher=data["publisher"],
                year=data["year"],
                licence=data["licence"],
                transcript="".join(_p(_escape(text)) for text in data["transcript"] or ()),
                body=_p(_escape(data["body"])),
                **self.resource_material(data, seed),
            )
            page.related_modules = [modules[n] for n in data["modules"] if n in modules]
            page.countries = [ResourceCountry(country=code) for code in data["countries"]]
            resources.append((data, services.add_published_page(parent=library, page=page)))
        return resources

    def link_resources(self, modules, resources):
        """Give each module its ordered related resources in a new published revision."""
        for number, module in modules.items():
            related = [page for data, page in resources if number in data["modules"]]
            module.related_resources = [
                ModuleRelatedResource(resource=page, sort_order=order)
                for order, page in enumerate(related)
            ]
            module.save_revision(log_action=False).publish()
