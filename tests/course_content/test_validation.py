"""Editors get clear form errors, never a 500, for content that breaks the course's rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from course_content.blocks import MultipleChoiceQuestionBlock, SingleChoiceQuestionBlock
from course_content.models import CountryUnitPage, CoursePage, EvaluationPage, ModulePage

pytestmark = pytest.mark.django_db


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


def module_form(**overrides):
    data = {
        "title": "Un módulo nuevo",
        "slug": "un-modulo-nuevo",
        "summary": "",
        "number": 11,
        "estimated_hours": "2",
        "learning_objectives": streamfield([]),
        "body": streamfield([]),
        "related_resources": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def unit_form(**overrides):
    data = {
        "title": "Unidad nueva",
        "slug": "unidad-nueva",
        "summary": "",
        "country": "CA",
        "overview": rich_text(""),
        "legal_framework": streamfield([]),
        "institutions": streamfield([]),
        "body": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_duplicate_module_number_is_refused_with_a_message(admin_client, demo):
    before = ModulePage.objects.count()
    response = admin_client.post(add_url(ModulePage, demo.course), module_form(number=3))
    assert response.status_code == 200
    assert "El módulo 3 ya existe en este curso." in response.content.decode()
    assert ModulePage.objects.count() == before


def test_a_new_module_number_is_accepted(admin_client, demo):
    response = admin_client.post(add_url(ModulePage, demo.course), module_form(number=11))
    assert response.status_code == 302
    assert ModulePage.objects.child_of(demo.course).filter(number=11).exists()


def test_country_unit_under_a_module_without_units_is_refused(admin_client, demo):
    module = demo.module(2)
    response = admin_client.post(add_url(CountryUnitPage, module), unit_form())
    assert response.status_code == 200
    assert (
        "solo pueden agregarse en un módulo que tenga unidades por país"
        in response.content.decode()
    )
    assert not CountryUnitPage.objects.child_of(module).exists()


def test_duplicate_country_in_a_module_is_refused(admin_client, demo):
    module = demo.module(5)
    existing = CountryUnitPage.objects.child_of(module).first()
    before = CountryUnitPage.objects.child_of(module).count()
    response = admin_client.post(
        add_url(CountryUnitPage, module), unit_form(country=existing.country)
    )
    assert response.status_code == 200
    assert "Este módulo ya tiene una unidad para" in response.content.decode()
    assert CountryUnitPage.objects.child_of(module).count() == before


def test_a_new_country_in_module_5_is_accepted(admin_client, demo):
    module = demo.module(5)
    assert not CountryUnitPage.objects.child_of(module).filter(country="CA").exists()
    response = admin_client.post(add_url(CountryUnitPage, module), unit_form(country="CA"))
    assert response.status_code == 302


def test_model_level_rules_apply_outside_the_admin(demo):
    unit = CountryUnitPage(title="Otra", slug="otra", country="AR")
    with pytest.raises(ValidationError, match="solo pueden agregarse en un módulo"):
        demo.module(3).add_child(instance=unit)
    duplicate = ModulePage(title="Repetido", slug="repetido", number=4)
    with pytest.raises(ValidationError, match="El módulo 4 ya existe"):
        demo.course.add_child(instance=duplicate)


@pytest.mark.parametrize(
    "options, message",
    [
        ([("Sí", False), ("No", False)], "Marca la opción correcta."),
        ([("Sí", True), ("sí ", False)], "Dos opciones tienen el mismo texto."),
        ([("Sí", True), ("No", True)], "exactamente una opción correcta"),
    ],
)
def test_single_choice_question_rules(options, message):
    block = SingleChoiceQuestionBlock()
    value = block.to_python(
        {
            "prompt": "¿?",
            "points": 10,
            "feedback": "",
            "options": [{"text": text, "is_correct": ok} for text, ok in options],
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert message in str(error.value.block_errors["options"])


def test_a_question_needs_at_least_two_options():
    block = SingleChoiceQuestionBlock()
    value = block.to_python(
        {
            "prompt": "¿?",
            "points": 10,
            "feedback": "",
            "options": [{"text": "Sí", "is_correct": True}],
        }
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_multiple_choice_accepts_several_correct_options():
    block = MultipleChoiceQuestionBlock()
    value = block.to_python(
        {
            "prompt": "¿?",
            "points": 10,
            "feedback": "",
            "options": [
                {"text": "A", "is_correct": True},
                {"text": "B", "is_correct": True},
                {"text": "C", "is_correct": False},
            ],
        }
    )
    assert block.clean(value)


def test_evaluation_without_a_correct_option_is_refused_in_the_editor(admin_client, demo):
    evaluation = demo.evaluation(1)
    url = reverse("wagtailadmin_pages:edit", args=[evaluation.pk])
    data = nested_form_data(
        {
            "title": evaluation.title,
            "slug": evaluation.slug,
            "summary": "",
            "instructions": rich_text("<p>Lee con atención.</p>"),
            "pass_mark": "",
            "questions": streamfield(
                [
                    (
                        "single_choice",
                        {"prompt": "¿?", "points": 10, "feedback": "", "options": streamfield([])},
                    )
                ]
            ),
        }
    )
    # The list of options is a ListBlock: build it by hand with no correct option.
    data.update(
        {
            "questions-0-value-options-count": "2",
            "questions-0-value-options-0-value-text": "Sí",
            "questions-0-value-options-0-order": "0",
            "questions-0-value-options-0-deleted": "",
            "questions-0-value-options-0-id": "a",
            "questions-0-value-options-1-value-text": "No",
            "questions-0-value-options-1-order": "1",
            "questions-0-value-options-1-deleted": "",
            "questions-0-value-options-1-id": "b",
        }
    )
    revisions_before = evaluation.revisions.count()
    response = admin_client.post(url, data)
    assert response.status_code == 200
    # The block's error is handed to the editor's StreamField widget as JSON.
    assert "Marca la opci\\u00f3n correcta." in response.content.decode()
    assert evaluation.revisions.count() == revisions_before


@pytest.mark.parametrize("value", [-1, 101, 250])
def test_pass_mark_outside_0_100_is_refused(demo, value):
    course = demo.course
    course.pass_mark = value
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "pass_mark" in error.value.message_dict
    evaluation = demo.evaluation(1)
    evaluation.pass_mark = value
    with pytest.raises(ValidationError):
        evaluation.full_clean()


def test_pass_mark_outside_0_100_is_a_form_error_in_the_editor(admin_client, demo):
    course = demo.course
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    response = admin_client.post(url, course_form(course, pass_mark="150"))
    assert response.status_code == 200
    assert "Asegúrese de que este valor es menor o igual a 100." in response.content.decode()
    assert CoursePage.objects.get(pk=course.pk).pass_mark == 70


def course_form(course, **overrides):
    local = timezone.localtime
    data = {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "edition_label": course.edition_label,
        "introduction": rich_text(course.introduction),
        "audience": rich_text(course.audience),
        "starts_on": course.starts_on.isoformat(),
        "ends_on": course.ends_on.isoformat(),
        "application_opens_at": local(course.application_opens_at).strftime("%Y-%m-%d %H:%M"),
        "application_closes_at": local(course.application_closes_at).strftime("%Y-%m-%d %H:%M"),
        "pass_mark": "70",
        "declared_hours": "85",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_application_window_closing_before_it_opens_is_refused(admin_client, demo):
    course = demo.course
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    response = admin_client.post(
        url,
        course_form(
            course,
            application_opens_at="2021-03-01 09:00",
            application_closes_at="2021-02-01 09:00",
        ),
    )
    assert response.status_code == 200
    assert (
        "El periodo de postulación debe cerrarse después de abrirse." in response.content.decode()
    )
    opens_at = course.application_opens_at
    course.refresh_from_db()
    assert course.application_opens_at == opens_at


def test_evaluation_inherits_the_course_pass_mark_unless_set(demo):
    evaluation = demo.evaluation(2)
    assert evaluation.pass_mark is None
    assert evaluation.effective_pass_mark == demo.course.pass_mark == 70
    evaluation.pass_mark = 80
    assert evaluation.effective_pass_mark == 80
    assert EvaluationPage.objects.filter(pass_mark__isnull=False).count() == 0


def test_course_dates_in_the_wrong_order_are_refused(demo):
    course = demo.course
    course.ends_on = course.starts_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="no puede terminar antes de empezar"):
        course.full_clean()
