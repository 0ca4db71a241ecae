"""translations.compat: the one place that patches wagtail-localize, for the release it was
written for; nothing else of the library changed for the whole process."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from rest_framework import serializers
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringSegmentQuerySet,
    TranslationSource,
)
from wagtail_localize.views.edit_translation import (
    SegmentOverrideSerializer,
    StringTranslationSerializer,
)

from translations import compat

requires_patches = pytest.mark.skipif(
    not compat.originals, reason="TRANSLATIONS_LOCALIZE_PATCHES is off in this process"
)


def test_a_release_it_was_not_written_for_stops_the_site_with_what_to_review():
    assert compat.check_version("1.14.5") == "1.14.5"
    for other in ("1.15.0", "2.0", "1.13.2"):
        with pytest.raises(ImproperlyConfigured) as refused:
            compat.check_version(other)
        message = str(refused.value)
        assert other in message and "translations/compat.py" in message
        assert "TRANSLATIONS_LOCALIZE_PATCHES" in message


def test_the_installed_release_is_supported():
    assert compat.check_version() == compat.installed_version()


@requires_patches
def test_a_patch_is_applied_once_and_only_over_the_librarys_own_function():
    assert TranslationSource.refresh_segments.translations_patch
    assert TranslationSource.refresh_segments.__wrapped__ is compat.library(
        "TranslationSource.refresh_segments"
    )
    with pytest.raises(ImproperlyConfigured, match="refresh_segments"):
        compat._patch_refresh_segments()  # the target is ours now: not patched twice
    for serializer in (StringTranslationSerializer, SegmentOverrideSerializer):
        assert serializer.get_segment_id.translations_patch


def test_no_manager_queryset_or_serializer_field_of_the_library_is_changed():
    for model in (StringSegment, OverridableSegment):
        assert not model.objects.all().query.select_related
        assert type(model._default_manager).get_queryset.__module__.startswith("django.")
    assert StringSegmentQuerySet.get_translations.__module__ == "wagtail_localize.models"
    assert isinstance(
        StringTranslationSerializer._declared_fields["comment"], serializers.ReadOnlyField
    )


def test_the_switch_off_leaves_the_librarys_code_in_place(settings):
    """With the setting off when the app starts, nothing is patched (as CI runs it)."""
    if compat.originals:
        settings.TRANSLATIONS_LOCALIZE_PATCHES = False
        assert not compat.enabled()
        return
    assert TranslationSource.refresh_segments.__module__ == "wagtail_localize.models"
    assert StringTranslationSerializer.get_segment_id.__module__ == (
        "wagtail_localize.views.edit_translation"
    )
