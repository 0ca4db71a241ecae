"""A translator's overrides of synchronised values are checked with the field's own validators,
and an address must be http, https or mailto: a ``javascript:`` link never gets in through the
translation editor (tried as the pt-br translator would, through its endpoint), and one stored
behind its back blocks approval and the preview."""

import json

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import SegmentOverride

from tests.factories import ModulePageFactory
from tests.helpers import post_workflow_action
from tests.translations.helpers import override_url, put
from translations.checks import translation_for
from translations.services import submit_for_translation

pytestmark = pytest.mark.django_db

BAD_ADDRESSES = [
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "ftp://example.org/file",
    "https://",
    "\x00https://example.org",
    "x" * 10_000,
]


@pytest.fixture
def pt_br(db):
    return Locale.objects.get(language_code="pt-br")


def submitted(page, pt_br, user):
    submit_for_translation(page=page, locales=[pt_br], user=user("editora"))
    target = Page.objects.get(translation_key=page.translation_key, locale=pt_br)
    return target, translation_for(target)


@pytest.fixture
def resource_pt(demo, pt_br, user):
    """The Convention's text (a link resource), submitted for translation into pt-br."""
    resource = demo.resources(external_url__startswith="https://www.ohchr.org").first()
    return submitted(resource, pt_br, user)


@pytest.fixture
def linked_module_pt(demo, pt_br, user):
    """A module whose paragraph links to an outside site, submitted into pt-br."""
    module = ModulePageFactory(
        parent=demo.course,
        number=40,
        body=[("paragraph", '<p>Ver <a href="https://www.unicef.org/">UNICEF</a>.</p>')],
    )
    return submitted(module, pt_br, user)


def overridable(translation, field_path):
    return translation.source.overridablesegment_set.select_related("context").get(
        context__field_path=field_path
    )


def stored(translation, segment):
    row = SegmentOverride.objects.filter(
        locale_id=translation.target_locale_id, context_id=segment.context_id
    ).first()
    return row and json.loads(row.data_json)


@pytest.mark.parametrize("value", BAD_ADDRESSES)
def test_a_resource_link_override_must_be_a_web_or_mail_address(as_user, resource_pt, value):
    _target, translation = resource_pt
    segment = overridable(translation, "external_url")
    response = put(as_user("traductora-pt-br"), override_url(translation, segment), value)
    assert response.status_code == 200
    assert response.json()["error"].startswith("No se guardó")
    assert stored(translation, segment) is None


@pytest.mark.parametrize("value", BAD_ADDRESSES)
def test_a_rich_text_link_override_must_be_a_web_or_mail_address(as_user, linked_module_pt, value):
    _target, translation = linked_module_pt
    segment = overridable(translation, "body.paragraph")
    response = put(as_user("traductora-pt-br"), override_url(translation, segment), value)
    assert response.json()["error"].startswith("No se guardó")
    assert stored(translation, segment) is None


def test_good_addresses_are_saved_and_reach_the_page(
    as_user, client, resource_pt, linked_module_pt
):
    translator = as_user("traductora-pt-br")
    _target, translation = resource_pt
    segment = overridable(translation, "external_url")
    address = "https://www.ohchr.org/pt/instruments-mechanisms/instruments/convention-rights-child"
    response = put(translator, override_url(translation, segment), address)
    assert response.status_code == 201 and not response.json()["error"]
    assert stored(translation, segment) == address

    target, translation = linked_module_pt
    segment = overridable(translation, "body.paragraph")
    for address in ("https://www.unicef.org/brazil/", "mailto:contato@example.org"):
        response = put(translator, override_url(translation, segment), address)
        assert not response.json()["error"] and stored(translation, segment) == address
    preview = translator.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert 'href="mailto:contato@example.org"' in preview.content.decode()


@pytest.mark.parametrize("value", ["abc", "-1", "0", "99999999999999999999", "1.5", "", " 1"])
def test_a_chosen_image_override_must_be_an_image_the_translator_may_choose(
    as_user, demo, in_locale, value
):
    target = in_locale(demo.module(1), "pt-br")
    translation = translation_for(target)
    segment = overridable(translation, "body.image.image")
    before = stored(translation, segment)
    response = put(as_user("traductora-pt-br"), override_url(translation, segment), value)
    assert response.json()["error"]
    assert stored(translation, segment) == before

    image = get_image_model().objects.order_by("-pk").first()
    response = put(as_user("traductora-pt-br"), override_url(translation, segment), str(image.pk))
    assert not response.json()["error"] and stored(translation, segment) == str(image.pk)


def test_an_override_stored_behind_the_editor_blocks_approval_and_the_preview(
    as_user, linked_module_pt
):
    target, translation = linked_module_pt
    segment = overridable(translation, "body.paragraph")
    SegmentOverride.objects.create(
        locale_id=translation.target_locale_id,
        context_id=segment.context_id,
        data_json=json.dumps("javascript:alert(document.cookie)"),
    )
    reviewer = as_user("revisora-pt-br")
    preview = reviewer.get(
        reverse("wagtail_localize:preview_translation", args=[translation.pk]), follow=True
    )
    assert preview.redirect_chain, "not shown"
    assert "No se muestra la vista previa" in preview.content.decode()
    assert 'href="javascript:' not in preview.content.decode()

    report = reviewer.get(reverse("translations:qa_report", args=[translation.pk]))
    assert "Valor no permitido" in report.content.decode()
    reviewer.post(reverse("translations:submit_for_review", args=[target.pk]))
    target.refresh_from_db()
    task_state = target.current_workflow_state.current_task_state
    post_workflow_action(reviewer, target, task_state, "approve_override", {"comment": "Ok."})
    assert task_state.status == "in_progress"
