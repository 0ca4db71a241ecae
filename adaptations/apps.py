from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdaptationsConfig(AppConfig):
    """Adaptation requests: organisations ask for the course in their language or region; an
    accepted request becomes a translation project (locale, roles, submitted modules)."""

    name = "adaptations"
    verbose_name = _("Adaptations")
    default_auto_field = "django.db.models.BigAutoField"
