"""The learner's studying pages, under each language's prefix (``/pt-br/study/…``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("study/", views.dashboard, name="study_dashboard"),
    path(
        "study/evaluations/<id:page_id>/answers/",
        views.submit_attempt,
        name="study_submit",
    ),
    path("study/attempts/<uuid:token>/", views.attempt_result, name="study_attempt"),
    path(
        "study/certificates/<str:code>.pdf",
        views.certificate_download,
        name="study_certificate",
    ),
    path("certificates/verify/", views.verify_certificate, name="study_verify"),
]
