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


@hooks.register("register_admin_urls", order=-10)
def register_guarded_localize_urls():
    """wagtail-localize's views behind our checks, at the library's own routes and ahead of them
    (see ``translations.localize_urls``)."""
    from .localize_urls import admin_urls

    return admin_urls()


@hooks.register("before_edit_page", order=-10)
def edit_page_translation(request, page):
    """The translation editor of a translated page, with our data path (ahead of the library's
    hook, which handles everything else: see ``translations.editor_queries``)."""
    from .editor_queries import edit_translation

    return edit_translation(request, page)


@hooks.register("before_edit_snippet", order=-10)
def edit_snippet_translation(request, instance):
    """The same for a translated snippet (a term of the termbase)."""
    from wagtail.models import TranslatableMixin

    from .editor_queries import edit_translation

    if not isinstance(instance, TranslatableMixin):
        return None
    return edit_translation(request, instance)


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    return MenuItem(
        _("Translations"), reverse("translations:dashboard"), icon_name="globe", order=250
    )


@hooks.register("after_edit_page")
def confirm_review_from_the_page_editor(request, page):
    """Wagtail's page editor runs a workflow action and only says the page was updated: for a
    translation review, say what the reviewer did, as the other places do."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    from wagtail.models import TaskState

    from .models import TranslationReviewTask
    from .views import confirm_review

    task_state = (
        TaskState.objects.filter(
            workflow_state__base_content_type_id=page.get_base_content_type().pk,
            workflow_state__object_id=str(page.pk),
            finished_by=request.user,
        )
        .select_related("workflow_state")
        .order_by("-finished_at")
        .first()
    )
    if task_state is not None and isinstance(task_state.task.specific, TranslationReviewTask):
        confirm_review(request, task_state)
    return None


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
