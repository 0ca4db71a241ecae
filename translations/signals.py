"""Thin signal handlers: a republished source page refreshes its translations' segments; a
published translation feeds the translation memory; a locale set to follow the source gets its
tree and roles."""

import logging

from wagtail.models import Locale
from wagtail.signals import page_published

logger = logging.getLogger(__name__)


def refresh_translations_of_source(sender, instance, **kwargs):
    from .tasks import refresh_source_task

    if instance.alias_of_id or instance.locale_id != Locale.get_default().pk:
        return
    try:
        refresh_source_task.enqueue(page_id=instance.pk)
    except Exception:  # a failed refresh must never block publishing
        logger.exception("Could not refresh the translation source of page %s", instance.pk)


def clear_source_shown(sender, instance, **kwargs):
    """A published page shows its own content: a translation whose first version awaited review
    (``SourceContentShown``) no longer shows its source's once a version of it is published."""
    from .models import SourceContentShown

    SourceContentShown.objects.filter(page_id=instance.pk).delete()


def forget_gates_of_string_translation(sender, instance, raw=False, **kwargs):
    from .checks import forget_review_gates

    if not raw:
        forget_review_gates(locale_id=instance.locale_id, string_id=instance.translation_of_id)


def forget_gates_of_locale(sender, instance, raw=False, **kwargs):
    """An override or a term of the termbase: every stored gate of its locale."""
    from .checks import forget_review_gates

    if not raw:
        forget_review_gates(locale_id=instance.locale_id)


def forget_gate_of_translation(sender, instance, raw=False, **kwargs):
    from .checks import forget_review_gates

    if not raw:
        forget_review_gates(translation_id=instance.translation_id)


def feed_translation_memory(sender, instance, **kwargs):
    """A translated page was published (approved): its segments feed the translation memory.
    A failure is logged and never blocks publishing."""
    from django.db import transaction

    from .memory import feed_page

    if instance.alias_of_id or instance.locale_id == Locale.get_default().pk:
        return
    try:
        with transaction.atomic():
            feed_page(instance, user=kwargs.get("user"))
    except Exception:
        logger.exception("Could not feed the translation memory from page %s", instance.pk)


def sync_locale_in_the_background(sender, instance, created=False, raw=False, **kwargs):
    """A locale set to follow another (Settings → Locales): its tree, as a task; and its roles
    when it starts following (a later save must not reset roles adjusted by hand)."""
    from .services import start_locale_sync

    if not raw:
        start_locale_sync(instance.locale, with_roles=created)


def connect():
    from django.db.models.signals import post_save
    from wagtail_localize.models import LocaleSynchronization

    page_published.connect(
        refresh_translations_of_source, dispatch_uid="translations.refresh_source"
    )
    page_published.connect(feed_translation_memory, dispatch_uid="translations.feed_memory")
    page_published.connect(clear_source_shown, dispatch_uid="translations.clear_source_shown")
    # Stored review gates (``checks.stored_review_gate``) go when what they were computed from
    # changes.
    from django.db.models.signals import post_delete
    from wagtail_localize.models import SegmentOverride, StringTranslation

    from .models import QADismissal, Term

    for signal in (post_save, post_delete):
        signal.connect(
            forget_gates_of_string_translation,
            sender=StringTranslation,
            dispatch_uid=f"translations.gates.string.{signal is post_save}",
        )
        for model in (SegmentOverride, Term):
            signal.connect(
                forget_gates_of_locale,
                sender=model,
                dispatch_uid=f"translations.gates.{model.__name__}.{signal is post_save}",
            )
        signal.connect(
            forget_gate_of_translation,
            sender=QADismissal,
            dispatch_uid=f"translations.gates.dismissal.{signal is post_save}",
        )
    # Our tree sync (a task, with progress on the Translations dashboard) and the locale's roles.
    # translations.compat disconnects wagtail-localize's own (inline) sync when its patches are on.
    post_save.connect(
        sync_locale_in_the_background,
        sender=LocaleSynchronization,
        dispatch_uid="translations.sync_locale",
    )
