"""The abstract base page shared by every page type of the site."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from course_content.visibility import Visible, visible_for

from .forms import CoursePageForm


class BasePage(Page):
    """Shared fields, search configuration and translatable-field declarations.

    Every concrete page declares ``translatable_fields`` explicitly (``BASE_TRANSLATABLE`` plus its
    own), so a reader sees in one place what a translator is asked to translate and what is copied
    from the source.
    """

    summary = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("summary"),
        help_text=_("One or two sentences, shown in listings, search results and the API."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("locale"),
    ]
    api_fields = [APIField("summary")]
    content_panels = Page.content_panels + [FieldPanel("summary")]
    base_form_class = CoursePageForm

    BASE_TRANSLATABLE = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        visible = visible_for(request)
        routed = getattr(self, "route_rows", None)
        if routed is not None:
            # Routing read the translations, ancestors and header links (``routing``): one
            # query keeps those this reader may see.
            shown = {
                page.pk
                for page in visible.visible_pages(
                    [*routed.translations(self), *routed.ancestors(self), *routed.top()]
                )
            }
            pages = [page for page in routed.translations(self) if page.pk in shown]
            self.shown_children = [page for page in routed.top() if page.pk in shown]
            pages.sort(key=lambda page: page.locale.language_code)
        else:
            shown = None
            pages = self.live_translations(visible)
        by_pk = {page.pk: page for page in pages}
        own = by_pk.get(self.pk, self)
        # A placeholder (a wagtail-localize alias of an untranslated page), or a translation
        # whose first version awaits review, shows its source's content.
        from translations.selectors import shows_source

        content_page = own
        if self.alias_of_id or shows_source(own):
            content_page = by_pk.get(self.alias_of_id) or next(
                (page for page in pages if page.locale.language_code == settings.LANGUAGE_CODE),
                own,
            )
        content_language = content_page.locale.language_code
        requested = translation.get_language() or content_language
        context["translations"] = [page for page in pages if not shows_source(page)]
        context["page_language"] = requested
        context["content_language"] = content_language
        if content_language.lower() != requested.lower():
            context["fallback_source"] = content_page
        from course_content.selectors import site_navigation

        if routed is not None:
            context["navigation"] = site_navigation(
                self,
                visible=visible,
                rows=[
                    page for page in [*routed.ancestors(self), *routed.top()] if page.pk in shown
                ],
            )
        else:
            context["navigation"] = site_navigation(self, visible=visible)
        context["breadcrumbs"] = context["navigation"]["breadcrumbs"]
        context["may_study"] = visible.may_study(self)
        context.update(self.get_page_context(request, visible=visible))
        return context

    def get_view_restrictions(self):
        """Wagtail's rule (this page's and its ancestors' restrictions, an alias's being its
        source's), without reading the ancestors again when routing has read them."""
        routed = getattr(self, "route_rows", None)
        if routed is None:
            return super().get_view_restrictions()
        ids = {page.alias_of_id or page.pk for page in [*routed.ancestors(self), self]}
        root_path = self.path[: self.steplen]
        matching = [
            restriction.pk
            for restriction in visible_for(routed.request).view_restrictions
            if restriction.page_id in ids or restriction.page.path == root_path
        ]
        if not matching:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=matching)

    def get_page_context(self, request, *, visible):
        """What a page type adds to its template context (read through ``selectors``)."""
        return {}

    def live_translations(self, visible=None):
        """Live, public pages of this page in every locale, this one included (one query)."""
        from translations.selectors import with_source_shown

        visible = visible or Visible()
        translations = with_source_shown(
            type(self).objects.filter(translation_key=self.translation_key)
        )
        return list(
            visible(translations).select_related("locale").order_by("locale__language_code")
        )


__all__ = ["BasePage", "SynchronizedField", "TranslatableField"]
