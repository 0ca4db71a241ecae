from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import urls
from .models import Term


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path("translations/", include(urls, namespace="translations"))]


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    return MenuItem(
        _("Translations"), reverse("translations:dashboard"), icon_name="globe", order=250
    )


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "openquote"
    menu_label = _("Termbase")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["term", "locale", "to_translate"]
    list_filter = ["locale", "to_translate"]
    search_fields = ["term", "forbidden_variants", "note"]


register_snippet(TermViewSet)
