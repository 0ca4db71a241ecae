"""Guard wagtail-localize's submit and update views with edit rights on the source."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

GUARDED_VIEWS = {
    "wagtail_localize:submit_page_translation",
    "wagtail_localize:update_translations",
}
PO_UPLOAD_VIEW = "wagtail_localize:upload_pofile"


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
        if match is not None and match.view_name == PO_UPLOAD_VIEW and request.method == "POST":
            return check_po_upload(request, view_kwargs["translation_id"])
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


def check_po_upload(request, translation_id):
    """wagtail-localize's PO upload reads the translation id header without checking that it is
    there (a 500 on a PO file without it); refuse such files, and anything not PO, with a
    message first."""
    from translations.formats import MAX_FILE_BYTES
    from translations.formats.archive import read_po

    upload = request.FILES.get("file")
    referer = request.headers.get("referer", "")
    back = referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}) else "/admin/"
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
        return redirect(back)
    if upload.size > MAX_FILE_BYTES:
        messages.error(request, _("The file is too large."))
        return redirect(back)
    content = upload.read()
    upload.seek(0)
    try:
        read_po(content, upload.name)
    except ValueError as error:
        messages.error(request, _("The file was not imported: %(reason)s") % {"reason": error})
        return redirect(back)
    return None
