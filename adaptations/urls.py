"""Public URLs, under each language's prefix, with translated paths
(``/es/solicitar-adaptacion/``, ``/en/request-an-adaptation/``…)."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "adaptations"
urlpatterns = [
    path(_("request-an-adaptation/"), views.request_adaptation, name="request"),
    path(
        format_lazy("{}{}", _("request-an-adaptation/"), _("sent/")),
        views.request_sent,
        name="sent",
    ),
    path(
        format_lazy("{}<str:token>/", _("adaptation-status/")),
        views.request_status,
        name="status",
    ),
]
