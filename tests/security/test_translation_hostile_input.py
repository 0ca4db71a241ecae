"""Hostile input to the translation admin's forms and endpoints, signed in as each translation
role: the dashboard's submit form and filters, the CAT files' import and export, the QA report,
the translation editor's segment save and override edit, its PO upload and the translators'
actions. A fixed list of bad values goes into every field and id: never a 500, and nothing stored
(a segment's text may be stored when it is valid text: a number or a long paragraph is text; it
never is with a null character, markup its field refuses, or more characters than its field
holds). The module prints what it tried and each response code it saw."""

import io
import json
from collections import Counter

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Revision
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation

from translations.checks import translation_for
from translations.markup import problems, rules_by_context
from translations.models import Term, TranslationJob

pytestmark = pytest.mark.django_db

ROLES = ["traductora-pt-br", "revisora-pt-br", "traductora-fr", "revisora-es-mx"]
BAD_VALUES = [
    "\x00",
    "Texto\x00con nulo",
    "99999999999999999999",
    "-1",
    "-99999999999999999999",
    "0",
    "1e309",
    "NaN",
    "ñandú 🦜 مرحبا \u202e\u200b\ufeff",
    "x" * 10_000,
    "<script>alert(1)</script>",
    "../../../etc/passwd",
    "",
]
BAD_JSON = [123, -1, 99999999999999999999, 1.5, None, True, [], ["a"], {"a": 1}, "\ud800"]
BAD_IDS = ["99999999999999999999", "0", "2147483648"]
SEEN = Counter()


def record(response, what):
    SEEN[(what, response.status_code)] += 1
    assert response.status_code < 500, (what, response.status_code)
    return response


def stored_state():
    """Everything these endpoints could change."""
    return (
        sorted(StringTranslation.objects.values_list("pk", "data", "translation_type")),
        sorted(SegmentOverride.objects.values_list("pk", "data_json")),
        sorted(Translation.objects.values_list("pk", "enabled")),
        TranslationJob.objects.count(),
        Term.objects.count(),
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
    )


def put(client, url, body, *, as_json=False):
    if as_json:
        return client.put(url, json.dumps({"value": body}), "application/json")
    return client.put(url, encode_multipart(BOUNDARY, {"value": body}), MULTIPART_CONTENT)


@pytest.fixture
def targets(demo):
    page = Page.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="pt-br"
    )
    translation = translation_for(page)
    segment = translation.source.stringsegment_set.get(context__path="title")
    override = translation.source.overridablesegment_set.select_related("context").first()
    return page, translation, segment, override


@pytest.mark.parametrize("username", ROLES)
def test_the_dashboard_and_its_files_take_hostile_input_without_error_or_change(
    as_user, targets, username
):
    client = as_user(username)
    before = stored_state()
    dashboard = reverse("translations:dashboard")
    for value in BAD_VALUES:
        record(client.post(dashboard, {"page": value, "locales": [value],
                                       "include_subtree": value}), "dashboard submit")  # fmt: skip
        record(client.get(dashboard, {"locale": value}), "dashboard filter")
        record(client.get(dashboard, {"locale": value, "export": "csv"}), "dashboard csv")
        for code in ("pt-br", "fr"):
            files = reverse("translations:locale_files", args=[code])
            record(client.get(files, {"format": value}), "CAT export")
            upload = io.BytesIO(value.encode())
            upload.name = f"{value[:50]}.po"
            record(client.post(files, {"archive": upload}), "CAT import")
        record(client.post(files, {"archive": value}), "CAT import without a file")
    for code in ("xx", "es", "pt-br\x00", "a" * 300):
        record(client.get(f"/admin/translations/files/{code}/"), "CAT files of a bad locale")
    assert stored_state() == before


@pytest.mark.parametrize("username", ROLES)
def test_the_translation_editors_endpoints_take_hostile_input_without_error_or_change(
    as_user, targets, username
):
    page, translation, segment, override = targets
    client = as_user(username)
    before = stored_state()
    segment_url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
    )
    override_url = reverse("wagtail_localize:edit_override", args=[translation.pk, override.pk])
    rules = rules_by_context(translation.source, [segment.context])[segment.context_id]
    for value in BAD_VALUES:
        response = record(put(client, segment_url, value), "segment save")
        if response.status_code in (200, 201) and not response.json().get("error"):
            saved = StringTranslation.objects.get(
                translation_of_id=segment.string_id, context_id=segment.context_id,
                locale_id=translation.target_locale_id,
            ).data  # fmt: skip
            assert not problems(saved, rules, segment.string.data), "only valid text is stored"
        record(put(client, override_url, value), "override edit")
        upload = io.BytesIO(value.encode())
        upload.name = "x.po"
        record(
            client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
                        {"file": upload}),
            "PO upload",
        )  # fmt: skip
    for value in BAD_JSON:
        record(put(client, segment_url, value, as_json=True), "segment save (JSON)")
        record(put(client, override_url, value, as_json=True), "override edit (JSON)")
    record(client.put(segment_url, "{not json", "application/json"), "segment save (bad JSON)")
    record(client.put(override_url, b"\xff\xfe\x00", "application/json"), "override (bytes)")
    for bad in BAD_IDS:
        for name, args in [
            ("edit_string_translation", [bad, segment.pk]),
            ("edit_string_translation", [translation.pk, bad]),
            ("edit_override", [translation.pk, bad]),
            ("download_pofile", [bad]),
            ("preview_translation", [bad]),
        ]:
            record(put(client, reverse(f"wagtail_localize:{name}", args=args), "x"), name)
        for name in ("qa_report", "bring_in_changes"):
            record(client.post(reverse(f"translations:{name}", args=[bad])), name)
        record(client.get(reverse("translations:qa_report", args=[bad])), "qa_report")
        record(client.post(reverse("translations:submit_for_review", args=[bad])), "review")
        record(client.get(reverse("translations:reviewed", args=[bad])), "reviewed")
    after = stored_state()
    # The title may have been saved as valid text by the translators of pt-br: every other
    # thing is as it was.
    assert after[1:] == before[1:]
    changed = set(after[0]) - set(before[0])
    assert all(pk == _title_pk(translation, segment) for pk, _data, _kind in changed)


def _title_pk(translation, segment):
    row = StringTranslation.objects.filter(
        translation_of_id=segment.string_id, context_id=segment.context_id,
        locale_id=translation.target_locale_id,
    ).first()  # fmt: skip
    return row and row.pk


def test_zz_report_what_the_walk_tried():
    """Runs last in this module: what was tried, and each response code seen (-s shows it)."""
    if not SEEN:
        pytest.skip("run with the rest of the module")
    tried = sum(SEEN.values())
    codes = Counter()
    for (_what, code), count in SEEN.items():
        codes[code] += count
    print(f"\nHostile input to the translation admin: {tried} requests; codes {dict(codes)}")
    for (what, code), count in sorted(SEEN.items()):
        print(f"  {what}: {code} × {count}")
    assert 500 not in codes
