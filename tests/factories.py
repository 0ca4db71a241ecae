"""factory_boy / wagtail-factories factories for every page type.

Pages are created live under the parent given as ``parent=``.
"""

import factory
import wagtail_factories

from course_content import models


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Portal de prueba"
    slug = factory.Sequence(lambda n: f"portal-{n}")

    class Meta:
        model = models.HomePage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Curso de prueba {n}")
    slug = factory.Sequence(lambda n: f"curso-{n}")
    summary = "Un curso de prueba."
    pass_mark = 70
    declared_hours = 20

    class Meta:
        model = models.CoursePage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Módulo de prueba {n}")
    slug = factory.Sequence(lambda n: f"modulo-{n}")
    number = factory.Sequence(lambda n: n + 1)
    estimated_hours = 5
    summary = "Resumen del módulo."

    class Meta:
        model = models.ModulePage


class CountryUnitPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Unidad {n}")
    slug = factory.Sequence(lambda n: f"unidad-{n}")
    country = "AR"

    class Meta:
        model = models.CountryUnitPage


class EvaluationPageFactory(wagtail_factories.PageFactory):
    title = "Evaluación final"
    slug = factory.Sequence(lambda n: f"evaluacion-{n}")
    questions = factory.LazyFunction(
        lambda: [
            (
                "true_false",
                {
                    "prompt": "¿Pregunta?",
                    "answer": "true",
                    "points": 50,
                    "feedback": "RETRO-SECRETA",
                },
            ),
            (
                "single_choice",
                {
                    "prompt": "Elige una",
                    "points": 50,
                    "feedback": "RETRO-SECRETA",
                    "options": [
                        {"text": "Sí", "is_correct": True},
                        {"text": "No", "is_correct": False},
                    ],
                },
            ),
        ]
    )

    class Meta:
        model = models.EvaluationPage


class ResourceLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Biblioteca"
    slug = factory.Sequence(lambda n: f"biblioteca-{n}")

    class Meta:
        model = models.ResourceLibraryPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Recurso {n:04d}")
    slug = factory.Sequence(lambda n: f"recurso-{n}")
    resource_type = "link"
    external_url = "https://example.org/recurso"
    summary = "Un recurso."

    class Meta:
        model = models.ResourcePage
