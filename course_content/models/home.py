from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField

from .base import BasePage, TranslatableField


class HomePage(BasePage):
    """The portal: the site root of each locale."""

    introduction = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["course_content.CoursePage", "course_content.ResourceLibraryPage"]
    template = "pages/home_page.html"

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction")]
    translatable_fields = BasePage.BASE_TRANSLATABLE + [TranslatableField("introduction")]

    class Meta:
        verbose_name = _("home page")

    def get_page_context(self, request, *, visible):
        from course_content.selectors import home_listing

        return home_listing(self, visible=visible, children=getattr(self, "shown_children", None))
