"""What translators and reviewers read in the admin: where the dashboard's links lead, labels,
plurals and dates in their language, and wagtail-localize's editor in that language."""

import re

import pytest
from django.urls import reverse
from django.utils import translation as i18n
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail.models import Locale

from tests.helpers import editor_props
from translations.checks import translation_for
from translations.models import TranslationJob

pytestmark = pytest.mark.django_db
PT_BR = {"HTTP_ACCEPT_LANGUAGE": "pt-BR"}
FR = {"HTTP_ACCEPT_LANGUAGE": "fr-FR"}


def dashboard(client, locale=None, **headers):
    query = {"locale": locale} if locale else {}
    response = client.get(reverse("translations:dashboard"), query, **headers)
    assert response.status_code == 200
    return response.content.decode()


def row_of(html, title):
    """The dashboard's table row of the source page ``title``."""
    rows = re.findall(r"<tr>.*?</tr>", html, flags=re.S)
    return next(row for row in rows if title in row)


def title_link(row):
    match = re.search(r'<th scope="row"><a href="([^"]+)">', row)
    return match and match.group(1)


# --- where the page titles lead -------------------------------------------------------------


def test_a_translators_page_titles_open_their_translation_not_the_spanish_page(
    as_user, demo, in_locale
):
    client = as_user("traductora-pt-br")
    html = dashboard(client, "pt-br", **PT_BR)
    module = in_locale(demo.module(1), "pt-br")
    link = title_link(row_of(html, demo.module(1).title))
    assert link == reverse("wagtailadmin_pages:edit", args=[module.pk])
    opened = client.get(link, **PT_BR)
    assert opened.status_code == 200 and "js-translation-editor" in opened.content.decode()

    # Module 3 has no pt-br translation: its title is text, not a link they cannot open.
    assert title_link(row_of(html, demo.module(3).title)) is None
    # On the page of every locale, each title leads to their own translation or nowhere.
    for link in re.findall(r'<th scope="row"><a href="([^"]+)">', dashboard(client)):
        assert client.get(link).status_code == 200, link


def test_an_editor_s_page_titles_open_the_spanish_source(as_user, demo):
    html = dashboard(as_user("editora"), "pt-br")
    link = title_link(row_of(html, demo.module(2).title))
    assert link == reverse("wagtailadmin_pages:edit", args=[demo.module(2).pk])


# --- labels, plurals, dates -----------------------------------------------------------------


def test_the_qa_report_names_each_kind_of_finding_in_the_users_language(as_user, demo, in_locale):
    page = in_locale(demo.module(1), "pt-br")
    url = reverse("translations:qa_report", args=[translation_for(page).pk])
    html = as_user("revisora-pt-br").get(url, **PT_BR).content.decode()
    assert "<strong>Termo aprovado ausente</strong>" in html
    assert "term_missing</strong>" not in html
    french = as_user("revisora-pt-br").get(url, **FR).content.decode()
    assert "<strong>Terme approuvé absent</strong>" in french


def test_the_qa_report_dates_each_translated_segment_in_the_users_language(
    as_user, demo, in_locale
):
    from wagtail_localize.models import StringTranslation

    page = in_locale(demo.module(1), "pt-br")
    saved = StringTranslation.objects.filter(locale=page.locale).latest("updated_at").updated_at
    url = reverse("translations:qa_report", args=[translation_for(page).pk])
    html = as_user("revisora-pt-br").get(url, **PT_BR).content.decode()
    with i18n.override("pt-br"):
        assert f"Traduzido em {date_format(localtime(saved), 'DATE_FORMAT')}" in html
    assert " de " in date_format(localtime(saved), "DATE_FORMAT")


def test_the_dashboard_counts_only_what_there_is_with_real_plurals(as_user, demo):
    html = dashboard(as_user("traductora-pt-br"), "pt-br", **PT_BR)
    row = row_of(html, demo.module(1).title)
    assert "1 segmento desatualizado" in row
    assert "0 novo" not in row and "novo" not in row, "no count of nothing"
    assert "1 apontamento de qualidade" in row, (
        "the false alarms on nos direitos and juiz de menores are gone"
    )

    french = dashboard(as_user("traductora-fr"), "fr", **FR)
    row = row_of(french, demo.module(1).title)
    new = re.search(r"(\d+) nouveaux segments", row)
    assert new and int(new.group(1)) > 1


def test_the_dashboard_dates_publications_and_jobs_in_the_users_language(as_user, demo, in_locale):
    client = as_user("editora")
    fr = Locale.objects.get(language_code="fr")
    response = client.post(
        reverse("translations:dashboard"),
        {"page": demo.module(4).pk, "locales": [fr.pk], "include_subtree": "on"},
        follow=True,
        **PT_BR,
    )
    html = response.content.decode()
    assert "Enviando 2 páginas para tradução" in html
    job = TranslationJob.objects.get()
    with i18n.override("pt-br"):
        assert date_format(localtime(job.created_at), "SHORT_DATETIME_FORMAT") in html
        published = in_locale(demo.course, "pt-br").last_published_at
        assert "Publicada · <time" in html
        assert date_format(localtime(published), "DATE_FORMAT") in html
    jobs = html.split('id="jobs-heading"')[1].split("</section>")[0]
    assert "→ Français" in jobs, "locales by name, not code"


def test_an_import_counts_files_and_segments_with_real_plurals(as_user, demo):
    """One file, its changed segments, in Brazilian Portuguese."""
    from tests.translations.test_files import fill_targets, members, module_file, upload

    client = as_user("traductora-pt-br")
    url = reverse("translations:locale_files", args=["pt-br"])
    name, text = module_file(members(client.get(url, {"format": "xliff"}).content), "derechos")
    response = client.post(
        url, {"archive": upload(name, fill_targets(text, "[CAT] ").encode())}, follow=True, **PT_BR
    )
    html = response.content.decode()
    assert re.search(r"1 arquivo importado\. \d+ segmentos alterados\.", html), html[-3000:]


def test_machine_translation_gate_counts_with_real_plurals(demo, in_locale, user):
    from django.core.exceptions import PermissionDenied
    from wagtail.models import Workflow
    from wagtail_localize.models import StringTranslation

    from translations.roles import workflow_name

    page = in_locale(demo.course, "pt-br")
    translation = translation_for(page)
    first = translation.source.stringsegment_set.order_by("order").first()
    StringTranslation.objects.filter(
        translation_of=first.string, context=first.context, locale=page.locale
    ).update(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    state = Workflow.objects.get(name=workflow_name("pt-br")).start(page, user("traductora-pt-br"))
    task_state = state.current_task_state
    with i18n.override("fr"), pytest.raises(PermissionDenied) as refused:
        task_state.task.specific.on_action(task_state, user("revisora-pt-br"), "approve")
    assert str(refused.value) == (
        "1 segment traduit automatiquement doit encore être relu par une personne."
    )


# --- wagtail-localize's translation editor ---------------------------------------------------


def test_the_editor_dates_each_segments_comment_in_the_users_language(as_user, demo, in_locale):
    from wagtail_localize.models import StringTranslation

    page = in_locale(demo.module(1), "pt-br")
    props = editor_props(as_user("traductora-pt-br"), page)
    comments = [t["comment"] for t in props["initialStringTranslations"]]
    saved = StringTranslation.objects.filter(locale=page.locale, tool_name="").first()
    with i18n.override("es"):
        day = date_format(localtime(saved.updated_at), "DATE_FORMAT")
    assert f"Traducido manualmente el {day}" in " ".join(comments)
    english_month = re.compile(r"\d (January|February|March|April|May|June|July|August|September"
                               r"|October|November|December) \d{4}")  # fmt: skip
    assert not any(english_month.search(comment) for comment in comments)
