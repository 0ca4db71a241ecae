from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import admin


@hooks.register("register_admin_urls")
def register_adaptation_urls():
    urls = [
        path("<int:pk>/status/", admin.change_status, name="change_status"),
        path("<int:pk>/accept/", admin.accept, name="accept"),
    ]
    return [path("adaptations/actions/", include((urls, "adaptations_admin")))]


@hooks.register("register_translation_projects")
def adaptation_projects():
    """Accepted requests as projects of the Translations dashboard (its project filter)."""
    from .selectors import translation_projects

    return translation_projects()


register_snippet(admin.AdaptationRequestViewSet)
