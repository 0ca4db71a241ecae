"""Admin and site integration of the learner side.

The access rule (``learning.access``) is applied to every page served, every document served
and, through the ``page_visibility`` hook, to every listing and API answer; each part of the
learner side registers its own admin hooks.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.models import PageViewRestriction

from course_content.models import CoursePage
from course_content.visibility import visible_for

from .access import Reader
from .enrolment import admin as enrolment_admin  # noqa: F401
from .study import admin as study_admin  # noqa: F401


@hooks.register("page_visibility")
def learner_visibility(request):
    return Reader(request)


def login_url():
    return getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or reverse("wagtailcore_login")


def refused(request, page=None):
    """Sign in first; or, signed in, a page that says who may read this and how to apply."""
    if request.user.is_authenticated:
        course = page and CoursePage.objects.ancestor_of(page, inclusive=True).live().first()
        context = {"page": page, "course": course}
        response = TemplateResponse(request, "learning/access/refused.html", context, status=403)
    else:
        response = redirect_to_login(request.get_full_path(), login_url())
    add_never_cache_headers(response)
    return response


def restriction_response(request, page, restriction):
    """What Wagtail answers for its own restrictions: the password form, or sign in first."""
    if restriction.restriction_type != PageViewRestriction.PASSWORD:
        return refused(request, page)
    from wagtail.forms import PasswordViewRestrictionForm

    form = PasswordViewRestrictionForm(
        instance=restriction, initial={"return_url": request.get_full_path()}
    )
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = page.serve_password_required_response(request, form, action_url)
    add_never_cache_headers(response)
    return response


@hooks.register("before_serve_page")
def apply_access_rule(page, request, serve_args, serve_kwargs):
    """Restrictions that follow a page from another locale, and who may study an edition."""
    reader = visible_for(request)
    restriction = reader.denied_restriction(page)
    if restriction is not None:
        return restriction_response(request, page, restriction)
    return None if reader.may_read(page) else refused(request, page)


@hooks.register("before_serve_document")
def documents_follow_their_pages(document, request):
    """A document is served to those who may study a live page that uses it."""
    return None if visible_for(request).may_read_document(document) else refused(request)
