"""Every cell of the README's translation roles matrix, over HTTP through the admin views.

The locale under test is pt-br. Each action returns True when it took effect; when it did not, it
also checks that nothing changed and that the answer was a refusal (403, or a redirect with a
message), never a 500.
"""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail_localize.models import StringTranslation

from tests.editorial.conftest import library_form
from tests.helpers import post_workflow_action
from translations.checks import translation_for
from translations.roles import workflow_name

pytestmark = pytest.mark.django_db

ROLES = {
    "Translators (pt-br)": "traductora-pt-br",
    "Translation reviewers (pt-br)": "revisora-pt-br",
    "Editors": "editora",
    "Administrators": "administrador",
}
ACTIONS = [
    "edit a segment in their locale", "edit the Spanish source", "edit a segment in another locale",
    "submit a page for translation", "bring in source changes", "submit a translation for review",
    "approve a translation", "publish a translation directly", "edit the termbase",
]  # fmt: skip
Y, N = True, False
MATRIX = {
    "Translators (pt-br)": [Y, N, N, N, Y, Y, N, N, N],
    "Translation reviewers (pt-br)": [Y, N, N, N, Y, Y, Y, Y, N],
    "Editors": [N, Y, N, Y, N, N, N, N, N],
    "Administrators": [Y, Y, Y, Y, Y, Y, Y, Y, Y],
}
CASES = [
    (role, action, allowed)
    for role, row in MATRIX.items()
    for action, allowed in zip(ACTIONS, row, strict=True)
]


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and "/login/" not in response["Location"]
    )


class Actions:
    def __init__(self, client, demo, user, in_locale, on_commit):
        self.client, self.demo, self.user, self.in_locale = client, demo, user, in_locale
        self.on_commit = on_commit  # wagtail-localize publishes once the transaction commits
        self.module = in_locale(demo.module(1), "pt-br")  # translated, with a stale segment

    def _edit_segment(self, code):
        page = self.in_locale(self.demo.module(1), code)
        translation = translation_for(page)
        segment = translation.source.stringsegment_set.order_by("order").first()
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        body = encode_multipart(BOUNDARY, {"value": "Texto revisado"})
        response = self.client.put(url, body, content_type=MULTIPART_CONTENT)
        saved = StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context,
            locale=translation.target_locale, data="Texto revisado",
        ).exists()  # fmt: skip
        if saved:
            return True
        assert refused(response), response.status_code
        return False

    def edit_a_segment_in_their_locale(self):
        return self._edit_segment("pt-br")

    def edit_a_segment_in_another_locale(self):
        return self._edit_segment("fr")

    def edit_the_spanish_source(self):
        library = self.demo.library
        before = library.revisions.count()
        url = reverse("wagtailadmin_pages:edit", args=[library.pk])
        response = self.client.post(url, library_form(library, title="Biblioteca (borrador)"))
        if library.revisions.count() == before + 1:
            return True
        assert refused(response) or response.status_code == 200
        return False

    def submit_a_page_for_translation(self):
        module = self.demo.module(3)
        french = Page.objects.get(
            translation_key=module.translation_key, locale__language_code="fr"
        )
        assert french.alias_of_id, "a placeholder before"
        url = reverse("wagtail_localize:submit_page_translation", args=[module.pk])
        response = self.client.post(url, {"locales": [french.locale_id]})
        if not Page.objects.get(pk=french.pk).alias_of_id:
            return True
        assert refused(response)
        return False

    def bring_in_source_changes(self):
        translation = translation_for(self.module)
        before = self.module.latest_revision_id
        response = self.client.post(reverse("translations:bring_in_changes", args=[translation.pk]))
        if Page.objects.get(pk=self.module.pk).latest_revision_id != before:
            return True
        assert refused(response)
        return False

    def submit_a_translation_for_review(self):
        response = self.client.post(
            reverse("translations:submit_for_review", args=[self.module.pk])
        )
        if Page.objects.get(pk=self.module.pk).workflow_in_progress:
            return True
        assert refused(response)
        return False

    def approve_a_translation(self):
        page = self.in_locale(self.demo.course, "pt-br")
        workflow = Workflow.objects.get(name=workflow_name("pt-br"))
        state = workflow.start(page, self.user("traductora-pt-br"))
        task_state = state.current_task_state
        response = post_workflow_action(
            self.client, page, task_state, data={"comment": "Revisado."}
        )
        if task_state.status == "approved":
            return True
        assert task_state.status == "in_progress"
        assert refused(response)
        return False

    def publish_a_translation_directly(self):
        page = self.in_locale(self.demo.course, "pt-br")
        before = page.live_revision_id
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        with self.on_commit(execute=True):
            response = self.client.post(url, {"action": "publish"})
        if Page.objects.get(pk=page.pk).live_revision_id != before:
            return True
        assert refused(response) or response.status_code == 200
        return False

    def edit_the_termbase(self):
        from translations.models import Term

        term = Term.objects.filter(locale__language_code="pt-br").first()
        url = reverse("wagtailsnippets_translations_term:edit", args=[term.pk])
        response = self.client.post(url, {"term": "termo revisado", "note": term.note})
        if Term.objects.get(pk=term.pk).term == "termo revisado":
            return True
        assert refused(response)
        return False


@pytest.mark.parametrize("role, action, allowed", CASES, ids=[f"{r}-{a}" for r, a, _ in CASES])
def test_translation_roles_matrix(
    as_user, user, demo, in_locale, django_capture_on_commit_callbacks, role, action, allowed
):
    client = as_user(ROLES[role])
    actions = Actions(client, demo, user, in_locale, django_capture_on_commit_callbacks)
    assert getattr(actions, action.lower().replace(" ", "_"))() is allowed
