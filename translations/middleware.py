"""Guard wagtail-localize's submit and update views with edit rights on the source."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

GUARDED_VIEWS = {
    "wagtail_localize:submit_page_translation",
    "wagtail_localize:update_translations",
}


def source_page_for(view_name, kwargs):
    if view_name == "wagtail_localize:submit_page_translation":
        return get_object_or_404(Page, pk=kwargs["page_id"])
    source = get_object_or_404(TranslationSource, pk=kwargs["translation_source_id"])
    instance = source.get_source_instance()
    return instance if isinstance(instance, Page) else None


class SourceEditRightsMiddleware:
    """Submitting or syncing translations of a page needs edit rights on that page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in GUARDED_VIEWS:
            return None
        if not request.user.is_authenticated:
            return None
        page = source_page_for(match.view_name, view_kwargs)
        if page is None or page.permissions_for_user(request.user).can_edit():
            return None
        messages.error(
            request,
            _("You need edit rights on “%(title)s” to translate it. Nothing was submitted.")
            % {"title": page.title},
        )
        return redirect("wagtailadmin_home")
