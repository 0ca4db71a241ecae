"""wagtail-localize's admin views, each wrapped in the check of the rights it needs, routed ahead
of the library's own URLs.

``guarded_urlpatterns`` reads the library's URL patterns (whatever their routes and names) and
gives each one a view of ours at the same route: the library's view behind a guard chosen by the
VIEW itself (its class or function), or our replacement of it (``translations.editor_views``, the
filtered report, the update view that reduces machine markup). A view the table below does not
know, such as one a newer wagtail-localize adds, is open to superusers only: renaming a URL, moving
it or adding one never leaves a view unguarded.

Wagtail's admin adds our patterns before the library's (``register_admin_urls`` hook with a lower
``order``), so a request to any of the library's routes reaches our view first.

The rights are those of ``translations.access``: submitting and syncing (updating) need rights on
the source object; everything done to a translation needs rights on its target.
"""

import contextlib
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern, URLResolver
from django.utils.translation import gettext as _
from django.views.i18n import JavaScriptCatalog
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import (
    convert,
    edit_translation,
    report,
    snippets_api,
    submit_translations,
    update_translations,
)

from . import access, editor_views

NAMESPACE = "wagtail_localize_guarded"


def _refuse(request, message):
    messages.error(request, message)
    return redirect("wagtailadmin_home")


def _not_allowed(request):
    return _refuse(request, _("You do not have permission to do that. Nothing was changed."))


# --- guards: (request, **url kwargs) -> None to go on, or the response that refuses ----------


def source_page_guard(request, page_id, **kwargs):
    """Submitting a page for translation: wagtail-localize's permission and edit rights on it."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        return _refuse(
            request,
            _("You need edit rights on “%(title)s” to translate it. Nothing was submitted.")
            % {"title": page.title},
        )
    if not access.may_submit(request.user, page):
        return _refuse(request, _("You may not submit pages for translation."))
    return None


def source_snippet_guard(request, app_label, model_name, **kwargs):
    """Submitting a snippet (a term of the termbase) for translation: wagtail-localize's
    permission and the change permission of its model."""
    from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

    model = get_snippet_model_from_url_params(app_label, model_name)  # 404 if unknown
    if not issubclass(model, TranslatableMixin):
        raise Http404
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        return _refuse(request, _("You may not submit pages for translation."))
    if not access.may_change_model(request.user, model):
        return _refuse(
            request,
            _("You need the right to edit %(things)s to translate them. Nothing was submitted.")
            % {"things": model._meta.verbose_name_plural},
        )
    return None


def source_sync_guard(request, translation_source_id, **kwargs):
    """Syncing (updating) the translations of a source: rights on the source; publishing them
    at once needs the right to publish each; machine-translating them, to edit each."""
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    instance = access.source_instance(source)
    if instance is None:
        raise Http404
    if not access.may_submit(request.user, instance):
        return _refuse(
            request,
            _("You need edit rights on “%(title)s” to update its translations. Nothing was "
              "changed.") % {"title": source.object_repr},
        )  # fmt: skip
    if request.method == "POST":
        targets = [
            access.target_instance(translation)
            for translation in source.translations.filter(enabled=True)
        ]
        if request.POST.get("publish_translations") and not all(
            access.may_publish_instance(request.user, target) for target in targets if target
        ):
            return _refuse(
                request,
                _("You may not publish every translation of “%(title)s”: a reviewer of each "
                  "language approves it. Nothing was changed.") % {"title": source.object_repr},
            )  # fmt: skip
        if request.POST.get("use_machine_translation") and not all(
            access.may_edit_instance(request.user, target) for target in targets if target
        ):
            return _refuse(request, _("You may not edit every translation. Nothing was changed."))
    return None


def target_page_guard(request, page_id, **kwargs):
    """Converting a translated page back into an alias of its source replaces its content:
    edit rights on it."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        return _not_allowed(request)
    return None


def translation_guard(request, translation_id, **kwargs):
    """Anything done to one translation: rights on its target."""
    from wagtail_localize.models import Translation

    translation = get_object_or_404(Translation, pk=translation_id)
    if not access.may_work_on(request.user, translation):
        return _not_allowed(request)
    return None


def snippet_listing_guard(request, app_label, model_name, **kwargs):
    """The editor's snippet chooser lists a model's instances: some permission on the model, as
    Wagtail's own chooser asks."""
    from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

    model = get_snippet_model_from_url_params(app_label, model_name)
    if not access.has_any_model_permission(request.user, model):
        return _not_allowed(request)
    return None


def open_to_admin_users(request, **kwargs):
    """The editor's JavaScript catalogue: strings only."""
    return None


def superusers_only(request, **kwargs):
    """A view this table does not know (a newer wagtail-localize's): closed until reviewed."""
    return None if request.user.is_superuser else _not_allowed(request)


# --- replacements ----------------------------------------------------------------------------


class TranslationsReportView(report.TranslationsReportView):
    """wagtail-localize's report, listing only the translations the user may see the status of
    (rights on the source or on the target)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_superuser:
            return queryset
        return queryset.filter(pk__in=visible_translation_ids(user))


def visible_translation_ids(user):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.permission_policies.pages import PagePermissionPolicy
    from wagtail_localize.models import Translation

    editable = set(
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .values_list("translation_key", "locale_id")
    )
    ids = []
    rows = Translation.objects.values_list(
        "pk", "source__object_id", "source__locale_id", "target_locale_id",
        "source__specific_content_type_id",
    )  # fmt: skip
    models = {}
    for pk, key, source_locale, target_locale, content_type_id in rows:
        if content_type_id not in models:
            models[content_type_id] = ContentType.objects.get_for_id(content_type_id).model_class()
        model = models[content_type_id]
        if model is not None and issubclass(model, Page):
            if (key, source_locale) in editable or (key, target_locale) in editable:
                ids.append(pk)
        elif model is not None and access.may_change_model(user, model):
            ids.append(pk)
    return ids


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", with the machine's markup reduced as in the
    editor (``translations.machine``) and a page whose translation no longer validates named in a
    message rather than skipped silently."""

    def form_valid(self, form):
        from django.db import transaction
        from wagtail_localize.machine_translators import get_machine_translator

        from .machine import apply_machine_translation

        with transaction.atomic():
            self.object.update_from_db()
            enabled = list(
                self.object.translations.filter(enabled=True).select_related(
                    "source", "target_locale"
                )
            )
            translator = get_machine_translator()
            if form.cleaned_data.get("use_machine_translation") and translator is not None:
                for translation in enabled:
                    source, target = translation.source.locale, translation.target_locale
                    if translator.can_translate(source, target):
                        apply_machine_translation(translation, self.request.user, translator)
            for translation in enabled:
                with contextlib.suppress(ValidationError, ObjectDoesNotExist):
                    if form.cleaned_data["publish_translations"]:
                        translation.save_target(user=self.request.user, publish=True)
                    else:
                        translation.source.update_target_view_restrictions(
                            translation.target_locale
                        )
            self.components.save(self.object, sources_and_translations={self.object: enabled})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())


def _keep(view):
    return view


def _class_view(view_class):
    return lambda view: view_class.as_view(**getattr(view, "view_initkwargs", {}))


def _replace(replacement):
    return lambda view: replacement


# What each of the library's views needs, keyed by the view (its class, or its function).
ROUTES = {
    JavaScriptCatalog: (open_to_admin_users, _keep),
    submit_translations.SubmitPageTranslationView: (source_page_guard, _keep),
    submit_translations.SubmitSnippetTranslationView: (source_snippet_guard, _keep),
    update_translations.UpdateTranslationsView: (
        source_sync_guard, _class_view(UpdateTranslationsView)
    ),
    edit_translation.edit_string_translation: (
        translation_guard, _replace(editor_views.edit_string_translation)
    ),
    edit_translation.edit_override: (translation_guard, _replace(editor_views.edit_override)),
    edit_translation.download_pofile: (translation_guard, _replace(editor_views.download_pofile)),
    edit_translation.upload_pofile: (translation_guard, _replace(editor_views.upload_pofile)),
    edit_translation.machine_translate: (
        translation_guard, _replace(editor_views.machine_translate)
    ),
    edit_translation.preview_translation: (
        translation_guard, _replace(editor_views.preview_translation)
    ),
    edit_translation.stop_translation: (translation_guard, _keep),
    convert.convert_to_alias: (target_page_guard, _keep),
    report.TranslationsReportView: (open_to_admin_users, _class_view(TranslationsReportView)),
    snippets_api.SnippetViewSet: (snippet_listing_guard, _keep),
}  # fmt: skip


def view_key(callback):
    """What identifies a URL pattern's view: the function itself, or the class it was made
    from (``as_view()`` makes a new function each time)."""
    if callback in ROUTES:
        return callback
    return getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback


def guarded(view, guard):
    @wraps(view)
    def guarded_view(request, *args, **kwargs):
        refusal = guard(request, **kwargs)
        if refusal is not None:
            return refusal
        return view(request, *args, **kwargs)

    guarded_view.translation_guard = guard
    return guarded_view


def guarded_urlpatterns(patterns):
    """Our patterns for the library's ``patterns``: same routes, each view behind its guard."""
    result = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = guarded_urlpatterns(pattern.url_patterns)
            result.append(
                URLResolver(pattern.pattern, inner, app_name=NAMESPACE, namespace=NAMESPACE)
            )
            continue
        guard, make_view = ROUTES.get(view_key(pattern.callback), (superusers_only, _keep))
        view = guarded(make_view(pattern.callback), guard)
        result.append(URLPattern(pattern.pattern, view, pattern.default_args, pattern.name))
    return result


def admin_urls():
    """Our patterns for everything wagtail-localize registers in the admin."""
    from wagtail_localize import wagtail_hooks as library_hooks

    return guarded_urlpatterns(library_hooks.register_admin_urls())
