"""The translation memory: fed by approved translations, exact matches pre-filled on submit and
held by the review gate until a person confirms them, fuzzy matches with their score for the
editor, the leverage of a submission, and lookups in a fixed number of queries."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation

from tests.factories import ModulePageFactory
from tests.translations.helpers import put, segment_url
from translations import memory
from translations.checks import review_gate, translation_for
from translations.models import MemoryEntry, MemoryLeverage
from translations.services import publish_translation, submit_for_translation

pytestmark = pytest.mark.django_db

KNOWN = "Las niñas y los niños migrantes tienen derecho a la educación en cualquier país."
KNOWN_PT = "Meninas e meninos migrantes têm direito à educação em qualquer país."
SIMILAR = "Las niñas y los niños migrantes tienen derecho a la salud en cualquier país."
OTHER = "El módulo termina con una evaluación final que se aprueba con setenta puntos."


@pytest.fixture
def pt_br(db):
    return Locale.objects.get(language_code="pt-br")


@pytest.fixture
def spanish(db):
    return Locale.get_default()


def module(parent, paragraphs, number):
    body = [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]
    return ModulePageFactory(parent=parent, number=number, body=body, title=f"Módulo {number}")


def submitted(page, locale, user):
    submit_for_translation(page=page, locales=[locale], user=user)
    target = Page.objects.get(translation_key=page.translation_key, locale=locale).specific
    return target, translation_for(target)


def string_rows(translation):
    """{source text: StringTranslation} of ``translation``."""
    segments = translation.source.stringsegment_set.select_related("string")
    rows = StringTranslation.objects.filter(
        locale=translation.target_locale,
        context_id__in=segments.values("context_id"),
    )
    by_key = {(row.translation_of_id, row.context_id): row for row in rows}
    return {
        segment.string.data: by_key.get((segment.string_id, segment.context_id))
        for segment in segments
    }


# --- the demo ------------------------------------------------------------------------------


def test_the_demo_memory_prefills_module_2_in_pt_br_from_module_1(demo, in_locale, pt_br, spanish):
    assert memory.stats_by_locale()[pt_br.pk] > 20, "module 1's approved segments fed it"
    translation = translation_for(in_locale(demo.module(2), "pt-br"))
    prefilled = [
        row
        for row in string_rows(translation).values()
        if row is not None and row.tool_name == memory.MEMORY_TOOL
    ]
    assert any(row.data == "Materiais de estudo" for row in prefilled)
    assert all(
        row.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE for row in prefilled
    )
    leverage = memory.latest_leverage(translation)
    assert leverage.prefilled == len(prefilled) >= 3
    assert leverage.exact_words > 0 and leverage.new_words > leverage.exact_words


# --- feeding -------------------------------------------------------------------------------


def test_an_approved_translation_feeds_the_memory_but_not_its_machine_segments(
    demo, user, pt_br, spanish, django_capture_on_commit_callbacks
):
    admin = user("administrador")
    page = module(demo.course, [KNOWN, OTHER], number=61)
    _target, translation = submitted(page, pt_br, admin)
    rows = string_rows(translation)
    for text, kind in ((KNOWN, "manual"), (OTHER, "machine")):
        segment = translation.source.stringsegment_set.get(string__data=text)
        StringTranslation.objects.create(
            translation_of_id=segment.string_id, context_id=segment.context_id, locale=pt_br,
            data=KNOWN_PT if kind == "manual" else "[máquina]", translation_type=kind,
        )  # fmt: skip
    assert rows[KNOWN] is None
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        publish_translation(translation=translation, user=admin)  # as an approval does
    entry = MemoryEntry.objects.get(
        source_locale=spanish, target_locale=pt_br, source_hash=memory.source_hash(KNOWN)
    )
    assert entry.target == KNOWN_PT and entry.origin == MemoryEntry.APPROVED
    assert not MemoryEntry.objects.filter(target="[máquina]").exists()


# --- pre-fill on submit and the review gate ------------------------------------------------


def test_exact_matches_are_prefilled_from_memory_and_gate_approval_until_confirmed(
    demo, user, as_user, pt_br, spanish
):
    memory.store(source_locale=spanish, target_locale=pt_br, pairs=[(KNOWN, KNOWN_PT)])
    page = module(demo.course, [KNOWN, OTHER], number=62)
    target, translation = submitted(page, pt_br, user("administrador"))
    rows = string_rows(translation)
    assert rows[KNOWN].data == KNOWN_PT
    assert rows[KNOWN].tool_name == memory.MEMORY_TOOL
    assert rows[OTHER] is None, "no exact match: left to the translator"
    assert [row.pk for row in review_gate(target).machine_segments] == [rows[KNOWN].pk]

    segment = translation.source.stringsegment_set.get(string__data=KNOWN)
    response = put(as_user("traductora-pt-br"), segment_url(translation, segment), KNOWN_PT)
    assert response.status_code == 200  # the translator confirms it as it is
    assert review_gate(target).machine_segments == []


# --- fuzzy matches and the editor's endpoint -----------------------------------------------


def test_fuzzy_matches_come_with_their_score_best_first(pt_br, spanish):
    memory.store(
        source_locale=spanish,
        target_locale=pt_br,
        pairs=[(KNOWN, KNOWN_PT), (OTHER, "O módulo termina com uma avaliação final.")],
    )
    matches = memory.lookup(source_locale=spanish, target_locale=pt_br, text=SIMILAR)
    assert [match.target for match in matches] == [KNOWN_PT]
    assert 75 <= matches[0].score < 100
    exact = memory.lookup(source_locale=spanish, target_locale=pt_br, text=f"  {KNOWN} ")
    assert exact[0].score == 100 and exact[0].target == KNOWN_PT
    unrelated = "Un texto que no se parece a nada de lo que hay en la memoria de traducción."
    assert memory.lookup(source_locale=spanish, target_locale=pt_br, text=unrelated) == []
    french = Locale.objects.get(language_code="fr")
    assert memory.lookup(source_locale=spanish, target_locale=french, text=KNOWN) == []


def test_the_editor_endpoint_gives_a_segments_matches_to_its_translators_only(
    demo, user, as_user, pt_br, spanish
):
    memory.store(source_locale=spanish, target_locale=pt_br, pairs=[(KNOWN, KNOWN_PT)])
    page = module(demo.course, [SIMILAR], number=63)
    _target, translation = submitted(page, pt_br, user("administrador"))
    segment = translation.source.stringsegment_set.get(string__data=SIMILAR)
    url = reverse("translations:memory_matches", args=[translation.pk])
    data = as_user("traductora-pt-br").get(url, {"segment": segment.pk}).json()
    assert [(m["target"], m["exact"]) for m in data["matches"]] == [(KNOWN_PT, False)]
    assert 75 <= data["matches"][0]["score"] < 100
    assert as_user("traductora-fr").get(url, {"segment": segment.pk}).status_code == 403
    assert as_user("traductora-pt-br").get(url, {"segment": "x"}).status_code == 400


def test_the_editor_page_loads_the_memory_script(demo, as_user, in_locale):
    translation = translation_for(in_locale(demo.module(2), "pt-br"))
    html = as_user("traductora-pt-br").get(translation.get_target_instance_edit_url())
    html = html.content.decode()
    assert 'id="translation-memory-config"' in html
    assert reverse("translations:memory_matches", args=[translation.pk]) in html
    assert "translations/js/translation-memory" in html


# --- leverage ------------------------------------------------------------------------------


def test_the_leverage_of_a_submission_counts_new_fuzzy_and_exact_words(demo, user, pt_br, spanish):
    memory.store(source_locale=spanish, target_locale=pt_br, pairs=[(KNOWN, KNOWN_PT)])
    page = module(demo.course, [KNOWN, SIMILAR, OTHER], number=64)
    admin = user("administrador")
    out = io.StringIO()
    call_command(
        "translations", "submit", "--page", str(page.pk), "--locales", "pt-br",
        "--only-page", "--user", admin.username, stdout=out,
    )  # fmt: skip
    translation = translation_for(
        Page.objects.get(translation_key=page.translation_key, locale=pt_br)
    )
    leverage = MemoryLeverage.objects.get(translation=translation)
    words = memory.word_count
    texts = list(translation.source.stringsegment_set.values_list("string__data", flat=True))
    assert OTHER in texts and page.title in texts  # new: nothing like them in the memory
    assert (leverage.exact_words, leverage.fuzzy_words) == (words(KNOWN), words(SIMILAR))
    assert leverage.new_words == sum(map(words, texts)) - words(KNOWN) - words(SIMILAR)
    assert leverage.new_segments == len(texts) - 2
    assert (leverage.exact_segments, leverage.fuzzy_segments, leverage.prefilled) == (1, 1, 1)
    assert f"{leverage.new_words} new words, {words(SIMILAR)} fuzzy words" in out.getvalue()


def test_the_locale_memory_page_shows_leverage_to_those_who_work_in_the_locale(
    demo, as_user, pt_br
):
    url = reverse("translations:memory_locale", args=["pt-br"])
    html = as_user("revisora-pt-br").get(url).content.decode()
    assert "memory-leverage" in html and "memory-import" in html
    assert "memory-import" not in as_user("traductora-pt-br").get(url).content.decode()
    assert as_user("traductora-fr").get(url).status_code in (302, 403)
    dashboard = as_user("traductora-pt-br").get(reverse("translations:dashboard")).content
    assert url.encode() in dashboard


# --- queries -------------------------------------------------------------------------------


def count_queries(function):
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context)


def test_lookups_cost_a_fixed_number_of_queries_whatever_the_memory_size(pt_br, spanish):
    french = Locale.objects.get(language_code="fr")

    def fill(count):
        memory.store(
            source_locale=spanish,
            target_locale=french,
            pairs=[(f"{KNOWN} Variante número {n}.", f"Variante {n}") for n in range(count)],
        )

    def costs():
        return (
            count_queries(
                lambda: memory.exact_matches(
                    source_locale=spanish, target_locale=french, texts=[KNOWN, OTHER]
                )
            ),
            count_queries(
                lambda: memory.lookup(source_locale=spanish, target_locale=french, text=SIMILAR)
            ),
            count_queries(
                lambda: memory.best_fuzzy_scores(
                    source_locale=spanish, target_locale=french, texts=[KNOWN, SIMILAR, OTHER]
                )
            ),
        )

    fill(5)
    small = costs()
    fill(300)
    assert costs() == small == (1, 3, 3)
    matches = memory.lookup(source_locale=spanish, target_locale=french, text=SIMILAR)
    assert len(matches) == 5 and all(m.score >= 75 for m in matches)
