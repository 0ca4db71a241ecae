"""Template helpers of the public site: absolute links, language names and ``lang`` marks."""

from django import template
from django.conf import settings

from course_content.selectors import heading_anchor as _heading_anchor

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
