"""``sanitized_rich_text``: rich text display HTML cleaned before it reaches a page (see
``translations.safe_html``). Wagtail renders every rich text (``|richtext``, ``RichText`` values
of StreamField blocks) through ``wagtailcore/shared/richtext.html``, which this app overrides
to use it."""

from django import template
from django.utils.safestring import mark_safe

from translations.safe_html import rendered

register = template.Library()


@register.filter
def sanitized_rich_text(html):
    return mark_safe(rendered(str(html or "")))  # noqa: S308 - cleaned by a whitelist just above
