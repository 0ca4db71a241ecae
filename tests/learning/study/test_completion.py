"""Completion: passing every module's evaluation completes the enrolment and issues a certificate
(a PDF with Spanish typography, a verification code), verified on a public page that shows
nothing more than the name, the course and the date."""

import io
import re

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from course_content.models import EvaluationPage
from learning.models import Certificate, Enrolment
from learning.study.certificates import CODE_LENGTH, new_code, normalize_code
from learning.study.views import VERIFY_LIMIT

from .conftest import correct_answers

pytestmark = pytest.mark.django_db


def evaluations(demo):
    return [demo.evaluation(number) for number in range(1, 11)]


def pass_all(client, demo, open_form, *, skip=()):
    for evaluation in evaluations(demo):
        if evaluation.pk in skip:
            continue
        response = open_form(client, evaluation.url).submit(correct_answers(evaluation))
        assert response.status_code == 303
    return response


@pytest.fixture
def completed(learner_client, learner, demo, open_form):
    last = pass_all(learner_client, demo, open_form)
    return Certificate.objects.get(enrolment__user=learner), last


def test_passing_every_evaluation_completes_the_course(completed, learner, learner_client):
    certificate, last = completed
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.status == Enrolment.COMPLETED and enrolment.completed_at
    assert certificate.learner_name == "Ana María Núñez Peña"
    assert certificate.course_title == "Curso especializado sobre niñez migrante en las Américas"
    assert certificate.language == "es"
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", certificate.code)
    result = learner_client.get(last["Location"]).content.decode()
    assert "Descargar su certificado (PDF)" in result
    dashboard = learner_client.get("/es/study/").content.decode()
    assert "Ha completado el curso. ¡Felicitaciones!" in dashboard and certificate.code in dashboard


def test_one_evaluation_left_means_not_completed(learner_client, learner, demo, open_form):
    pass_all(learner_client, demo, open_form, skip={demo.evaluation(7).pk})
    assert Enrolment.objects.get(user=learner).status == Enrolment.ACTIVE
    assert not Certificate.objects.exists()


def test_an_unpublished_module_does_not_hold_completion_back(
    learner_client, learner, demo, open_form
):
    demo.module(7).unpublish()
    pass_all(learner_client, demo, open_form, skip={demo.evaluation(7).pk})
    assert Enrolment.objects.get(user=learner).status == Enrolment.COMPLETED
    assert Certificate.objects.count() == 1


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_certificate_pdf_says_it_all_with_spanish_typography(completed, learner_client):
    certificate, _last = completed
    response = learner_client.get(f"/es/study/certificates/{certificate.code}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Certificado de finalización" in text
    assert "Ana María Núñez Peña" in text
    assert (
        "ha completado el curso «Curso especializado sobre niñez migrante en las Américas»" in text
    )
    assert "Edición: 2.ª edición" in text
    assert certificate.hours == 85 and "Duración: 85 horas" in text  # the declared hours
    from django.utils import formats, timezone, translation

    with translation.override("es"):
        date = formats.date_format(timezone.localtime(certificate.issued_at), "DATE_FORMAT")
    assert f"Emitido el {date}" in text and " de 20" in date  # "1 de diciembre de 2026"
    assert f"Código de verificación: {certificate.code}" in text
    assert "¿Desea comprobar este certificado?" in text
    assert "/es/certificates/verify/" in text


def test_the_pdf_is_the_learners_own(completed, make_learner):
    from django.test import Client

    certificate, _last = completed
    client = Client()
    url = f"/es/study/certificates/{certificate.code}.pdf"
    assert client.get(url).status_code == 302  # signed out: sign in first
    client.force_login(make_learner("otra", enrolled=True))
    assert client.get(url).status_code == 404


def test_a_certificate_in_portuguese(learner_client, learner, demo, open_form):
    for evaluation in evaluations(demo):
        page = EvaluationPage.objects.get(
            translation_key=evaluation.translation_key, locale__language_code="pt-br"
        )
        open_form(learner_client, page.url).submit(correct_answers(evaluation))
    certificate = Certificate.objects.get(enrolment__user=learner)
    assert certificate.language == "pt-br"
    assert certificate.course_title != "Curso especializado sobre niñez migrante en las Américas"
    data = learner_client.get(f"/pt-br/study/certificates/{certificate.code}.pdf").content
    text = " ".join(pdf_text(data).split())
    assert (
        "Certificado de conclusão" in text
        and f"concluiu o curso “{certificate.course_title}”" in text
    )


def test_the_verification_page_shows_name_course_and_date_only(completed, client):
    certificate, _last = completed
    typed = certificate.code.lower().replace("-", " ")  # as someone might type it
    response = client.get("/es/certificates/verify/", {"code": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Certificado válido" in html
    assert "Ana María Núñez Peña" in html
    assert "Curso especializado sobre niñez migrante en las Américas" in html
    main = html.split("<main")[1].split("</main>")[0]
    for private in ("horas", "@", "2.ª edición", certificate.enrolment.user.email or "@"):
        assert private not in main
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("typed", ["ABCD-EFGH-JKMN-PQRS", "nada", "' OR 1=1 --", "x" * 500])
def test_a_wrong_code_is_not_found(completed, client, typed):
    response = client.get("/es/certificates/verify/", {"code": typed})
    assert response.status_code == 404
    assert "No se encontró ningún certificado con este código." in response.content.decode()


def test_checking_codes_is_rate_limited(client):
    cache.clear()
    for _ in range(VERIFY_LIMIT):
        assert client.get("/es/certificates/verify/", {"code": new_code()}).status_code == 404
    response = client.get("/es/certificates/verify/", {"code": new_code()})
    assert response.status_code == 429 and response["Retry-After"]
    assert "Demasiadas consultas desde su conexión." in response.content.decode()


def test_codes_are_random_and_read_forgivingly():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(code.replace("-", "")) == CODE_LENGTH for code in codes)
    assert normalize_code("7kq2 m9xd oo11 llii") == "7KQ2-M9XD-0011-1111"
    assert normalize_code("7KQ2-M9XD-0011-111") is None
    assert normalize_code("UUUU-UUUU-UUUU-UUUU") is None  # not in the alphabet
