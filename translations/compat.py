"""The one place where this project changes wagtail-localize's own code.

Everything else of our integration goes through the library's public surface: our services call
our fast paths explicitly (``translations.bulk_segments``), our views are routed ahead of the
library's (``translations.localize_urls``, ``translations.editor_queries``) and call the library's
views after our checks. What is left here cannot be reached that way, because the library calls it
from inside its own code:

1. ``TranslationSource.refresh_segments`` (segment extraction), which the library calls from
   ``get_or_create_from_instance``, ``update_or_create_from_instance`` and ``update_from_db`` — so
   from its own submit and sync views, from ``TranslationCreator`` and from the locale tree sync.
   Replaced by ``bulk_segments.refresh_segments``: the same rows in a fixed number of queries
   (upstream: wagtail-localize #932).
2. The ``get_segment_id`` of the editor's two serializers (``StringTranslationSerializer``,
   ``SegmentOverrideSerializer``), which run one query per translated segment and per override
   each time the translation editor opens. Replaced by one query per serialization.
3. wagtail-localize's ``post_save`` receiver on ``LocaleSynchronization`` (it copies the whole
   tree inline, five queries per page, without progress): disconnected; ours
   (``translations.signals``, always connected) runs the same sync as a background task with
   progress, and gives the locale its roles.

Each patch is applied only when the setting ``TRANSLATIONS_LOCALIZE_PATCHES`` is on (the default;
``TRANSLATIONS_LOCALIZE_PATCHES=0`` in the environment turns them all off, and our editor's fast
data path with them), and each patched function also reads the setting when it is called, so that
tests can compare both paths in one process (``override_settings``).

``check_version`` runs first, whatever the setting: this module, the guarded routes and the
editor's data path were written against wagtail-localize 1.14 (see ``SUPPORTED``). On any other
release the site refuses to start, with a message saying what to review, rather than run patches
whose targets may have moved. Each patch also checks that its target is still the library's own
function with the name and place it expects, and that the receiver it disconnects was connected.
"""

from importlib.metadata import PackageNotFoundError, version

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# The wagtail-localize releases (major.minor) this integration was written and tested against.
SUPPORTED = ("1.14",)

# The library's functions we replaced, by name, as they were before (for tests and benchmarks).
originals = {}


def enabled():
    return bool(getattr(settings, "TRANSLATIONS_LOCALIZE_PATCHES", True))


def installed_version():
    try:
        return version("wagtail-localize")
    except PackageNotFoundError as error:  # pragma: no cover - the app imports it
        raise ImproperlyConfigured("wagtail-localize is not installed.") from error


def check_version(found=None):
    """Refuse to start on a wagtail-localize release this integration was not written for."""
    found = found or installed_version()
    if ".".join(found.split(".")[:2]) not in SUPPORTED:
        raise ImproperlyConfigured(
            f"wagtail-localize {found} is installed, but the translations app was written for "
            f"{', '.join(SUPPORTED)}.x. Before adding it to translations.compat.SUPPORTED, review "
            "translations/compat.py (what it patches), translations/localize_urls.py (ROUTES: "
            "the library's views and their guards), translations/editor_queries.py (the editor's "
            "data path) and docs/wagtail-localize.md, then run tests/translations with "
            "TRANSLATIONS_LOCALIZE_PATCHES=1 and =0."
        )
    return found


def _expect(owner, name, module):
    """``owner.name`` as the library defines it; refuse to patch anything else (an upgrade that
    moved it, or a second install)."""
    target = owner.__dict__.get(name)
    if target is None or getattr(target, "__module__", None) != module:
        raise ImproperlyConfigured(
            f"translations.compat: {owner.__name__}.{name} is not wagtail-localize's own "
            f"function from {module} (found {target!r}); review translations/compat.py."
        )
    return target


def _switchable(name, ours, original):
    """``ours``, falling back to the library's ``original`` while the setting is off."""

    def patched(*args, **kwargs):
        if enabled():
            return ours(*args, **kwargs)
        return original(*args, **kwargs)

    patched.__name__ = name
    patched.__doc__ = ours.__doc__
    patched.__wrapped__ = original
    patched.translations_patch = True
    return patched


def _patch_refresh_segments():
    from wagtail_localize.models import TranslationSource

    from . import bulk_segments

    original = _expect(TranslationSource, "refresh_segments", "wagtail_localize.models")
    originals["TranslationSource.refresh_segments"] = original
    TranslationSource.refresh_segments = _switchable(
        "refresh_segments", bulk_segments.refresh_segments, original
    )


def _patch_editor_serializers():
    from wagtail_localize.views import edit_translation

    from . import editor_queries

    module = "wagtail_localize.views.edit_translation"
    for serializer, ours in (
        (edit_translation.StringTranslationSerializer, editor_queries.string_segment_id),
        (edit_translation.SegmentOverrideSerializer, editor_queries.override_segment_id),
    ):
        original = _expect(serializer, "get_segment_id", module)
        originals[f"{serializer.__name__}.get_segment_id"] = original
        serializer.get_segment_id = _switchable("get_segment_id", ours, original)


def _disconnect_library_locale_sync():
    """Ours (``signals.sync_locale_in_the_background``, connected whatever the setting) does the
    same work in a task; without this patch both run, the library's first and inline."""
    from django.db.models.signals import post_save
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    if not post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization):
        raise ImproperlyConfigured(
            "translations.compat: wagtail-localize's sync_trees_on_locale_sync_save is no longer "
            "connected to LocaleSynchronization's post_save; review translations/compat.py."
        )


def install():
    """Check the version, then apply the patches if the setting is on. Returns the names of the
    patches applied."""
    check_version()
    if not enabled():
        return []
    _patch_refresh_segments()
    _patch_editor_serializers()
    _disconnect_library_locale_sync()
    return sorted(originals) + ["LocaleSynchronization post_save receiver"]


def library(name):
    """The library's own function behind the patch ``name`` (itself if not patched)."""
    if name in originals:
        return originals[name]
    owner_name, attribute = name.split(".")
    from wagtail_localize import models
    from wagtail_localize.views import edit_translation

    owner = getattr(models, owner_name, None) or getattr(edit_translation, owner_name)
    return getattr(owner, attribute)
