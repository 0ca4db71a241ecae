"""Template helpers of the public site: absolute links, language names and ``lang`` marks,
the header's navigation and the footer's licence and contact."""

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import format_html
from wagtail.models import Locale

from course_content.selectors import heading_anchor as _heading_anchor
from course_content.selectors import language_name, shown_source_language, site_navigation

register = template.Library()


@register.filter
def heading_anchor(text):
    """The anchor id of a heading block, as used by the module's table of contents."""
    return _heading_anchor(text)


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    """``page``'s address on the scheme, host and port the visitor used (not the Site's)."""
    request = context.get("request")
    url = page.get_url(request)
    if request is None or url is None or url.startswith(("http://", "https://")):
        return url or ""
    return request.build_absolute_uri(url)


@register.simple_tag
def source_language():
    """The language the course is written in (its translations' source)."""
    return settings.LANGUAGE_CODE


register.simple_tag(language_name, name="language_name")


@register.simple_tag
def language_label(code):
    """A language's own name, marked with its ``lang``: ``<span lang="fr">Français</span>``."""
    return format_html('<span lang="{}">{}</span>', code, language_name(code))


def _page_language(context):
    return (context.get("page_language") or translation.get_language() or "").lower()


def _locale_codes(context):
    """Locale ids to language codes, read once per request."""
    request = context.get("request")
    codes = getattr(request, "_course_locale_codes", None)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._course_locale_codes = codes
    return codes


def _current_locale_language(context, current):
    """The language of the shown page's locale, without a query: the requested language, unless
    the page is a source page served for a language that has no locale yet."""
    if context.get("fallback_source") is not None and shown_source_language(current) is None:
        return context.get("content_language")
    return _page_language(context)


@register.simple_tag(takes_context=True)
def lang_attr(context, page):
    """`` lang="es"`` when ``page``'s content is in another language than the page shown."""
    code = shown_source_language(page)
    if code is None:
        current = context.get("page")
        if current is not None and page.locale_id == current.locale_id:
            code = _current_locale_language(context, current)
        else:
            code = _locale_codes(context).get(page.locale_id)
    if not code or code.lower() == _page_language(context):
        return ""
    return format_html(' lang="{}"', code)


@register.simple_tag(takes_context=True)
def navigation(context):
    """The header's links (home, course, library) and breadcrumbs of the page shown; on pages
    that are not Wagtail pages (404), those of the home of the visitor's language."""
    if "navigation" in context:
        return context["navigation"]
    return site_navigation(None, language_code=translation.get_language())


@register.simple_tag
def site_licence():
    return {
        "name": settings.SITE_LICENCE,
        "url": settings.SITE_LICENCE_URL,
        "contact_email": settings.SITE_CONTACT_EMAIL,
    }


@register.filter
def is_future(moment):
    """Whether a date-time is still to come (an application window that opens later)."""
    return bool(moment) and moment > timezone.now()


@register.simple_tag(takes_context=True)
def ui_lang(context):
    """`` lang="fr"`` for an interface label inside content shown in another language (a
    French page showing its Spanish source), so that the label is not taken for Spanish."""
    if context.get("fallback_source") is None:
        return ""
    return format_html(' lang="{}"', context.get("page_language") or translation.get_language())


@register.simple_tag
def page_numbers(page_obj):
    """The page numbers a pagination shows: the first and last, and those around the current
    one, with ``None`` where numbers are left out (a search with 1,000 results has 100 pages:
    listing every one made the longest part of rendering its page)."""
    ellipsis = page_obj.paginator.ELLIPSIS
    return [
        None if number == ellipsis else number
        for number in page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=2, on_ends=1
        )
    ]
