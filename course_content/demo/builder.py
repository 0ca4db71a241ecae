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
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from course_content import services
from course_content.demo import content
from course_content.demo.media import make_pdf, make_png, make_wav
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
VERIFIED_ON = datetime.date(2024, 3, 1)
STUDY_GUIDE_DESCRIPTION = "Resumen imprimible de los objetivos del módulo."
VIDEO_TRANSCRIPT_CLOSING = (
    "En este video, el equipo docente presenta los temas del módulo y propone una ruta de estudio."
)


def _p(text):
    return f"<p>{text}</p>"


def _escape(text):
    return html.escape(text, quote=False)


class DemoCourseBuilder:
    def __init__(self, *, stdout=None, progress=None):
        self.progress = progress or (lambda message: None)
        self.locale = Locale.get_default()
        self.collection = None
        self.images = {}

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

    def build_course(self, home):
        data = content.COURSE
        tz = timezone.get_current_timezone()
        return services.add_published_page(
            parent=home,
            page=CoursePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                edition_label=data["edition_label"],
                introduction="".join(_p(_escape(text)) for text in data["introduction"]),
                audience=_p(_escape(data["audience"])),
                starts_on=datetime.date(2020, 4, 1),
                ends_on=datetime.date(2020, 8, 31),
                application_opens_at=datetime.datetime(2020, 2, 1, 9, 0, tzinfo=tz),
                application_closes_at=datetime.datetime(2020, 3, 20, 18, 0, tzinfo=tz),
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
        document.save()
        return document

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
            make_pdf(f"Guia de estudio - Modulo {number}", data["objectives"]),
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
        number = data["number"]
        return {
            "title": f"Presentación del módulo {number}",
            "url": f"https://example.org/videos/modulo-{number}",
            "duration_minutes": 6,
            "transcript": _p(_escape(data["summary"])) + _p(VIDEO_TRANSCRIPT_CLOSING),
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
            for country in content.COUNTRIES:
                self.build_country_unit(module, country)
        self.build_evaluation(module, data["evaluation"])
        return module

    def build_country_unit(self, module, data):
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
                            "verified_on": VERIFIED_ON,
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
                    data["title"].encode("latin-1", "replace").decode("latin-1"),
                    [data["summary"][:90]],
                ),
            )
        elif kind == "infographic":
            fields["image"] = self.image(data["slug"], data["title"], seed)
            # The titles already say "Infografía: …".
            fields["image_alt"] = f"{data['title']}. {data['summary']}"[:250]
        elif kind == "audio":
            fields["document"] = self.document(
                data["title"], f"{data['slug']}.wav", make_wav(seconds=1.0)
            )
        elif kind == "video":
            fields["embed_url"] = (
                data.get("external_url") or f"https://example.org/videos/{data['slug']}"
            )
        if kind == "link":
            fields["external_url"] = data["external_url"] or f"https://example.org/{data['slug']}"
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
                duration_minutes=data.get("duration_minutes"),
                transcript=_p(_escape(data["transcript"])) if data.get("transcript") else "",
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
