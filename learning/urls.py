"""The learner side of the public site, under each language's prefix (``/es/…``)."""

from django.urls import include, path

app_name = "learning"
urlpatterns = [
    path("", include("learning.enrolment.urls")),
    path("", include("learning.study.urls")),
]
