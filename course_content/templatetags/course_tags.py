from django import template

from course_content.selectors import heading_anchor as _heading_anchor

register = template.Library()


@register.filter
def heading_anchor(text):
    """The anchor id of a heading block, as used by the module's table of contents."""
    return _heading_anchor(text)
