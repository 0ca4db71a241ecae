"""PO and XLIFF files for CAT tools: round trips, and every bad file refused atomically."""

import io
import re
import zipfile

import polib
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from tests.helpers import workflow_action_url
from translations.checks import translation_for
from translations.formats import ImportRejected
from translations.formats.archive import export_locale, import_archive
from translations.formats.segments import units_for
from translations.formats.xliff import NS, parse_xliff
from translations.models import OVERRIDE

pytestmark = pytest.mark.django_db


@pytest.fixture
def pt_br(db):
    return Locale.objects.get(language_code="pt-br")


def members(archive):
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        return {name: z.read(name) for name in z.namelist()}


def zipped(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buffer.getvalue()


def snapshot(locale):
    return sorted(
        StringTranslation.objects.filter(locale=locale).values_list("pk", "data", "tool_name")
    )


def fill_targets(xliff, prefix):
    """What a CAT tool gives back: every target is ``prefix`` + the source, inline codes kept."""
    return re.sub(
        r"(<source>(.*?)</source>)(\s*<target>.*?</target>)?",
        lambda m: m.group(1) + "<target>" + prefix + m.group(2) + "</target>",
        xliff,
        flags=re.S,
    )


def module_file(files, fragment):
    name = next(name for name in files if fragment in name)
    return name, files[name].decode()


def test_xliff_export_is_2_0_and_round_trips_losslessly(pt_br):
    files = members(export_locale(pt_br, "xliff"))
    translations = Translation.objects.filter(target_locale=pt_br, enabled=True).count()
    # home, course, module 1 and evaluation 1; module 2 and evaluation 2 (submitted)
    assert len(files) == translations == 6
    name, text = module_file(files, "derechos-de-ninas")
    assert f'<xliff xmlns="{NS}" version="2.0" srcLang="es" trgLang="pt-BR">' in text
    assert "<file " in text and "<unit " in text and "<segment " in text
    assert '<pc id="1" dataRefStart="d1" dataRefEnd="d2">' in text, "inline tags preserved"
    parsed = parse_xliff(files[name], name=name)
    translation = translation_for(
        Page.objects.get(locale=pt_br, title__startswith="Direitos de crianças")
    )
    assert parsed["translation_id"] == str(translation.uuid)
    # Lossless: what comes back from the file is exactly what is stored.
    stored = {unit.id: unit.target for unit in units_for(translation)}
    assert {unit_id: markup for unit_id, (markup, _refs) in parsed["units"].items()} == {
        unit_id: target or None for unit_id, target in stored.items()
    }
    before = snapshot(pt_br)
    assert import_archive(zipped(files), name="x.zip", locale=pt_br) == (len(files), 0)
    assert snapshot(pt_br) == before


def test_a_translator_round_trips_module_2_through_xliff(
    demo, client, pt_br, django_user_model, tmp_path
):
    from translations.services import submit_for_translation

    editor = django_user_model.objects.get(username="editora")
    submit_for_translation(page=demo.module(2), locales=[pt_br], user=editor)
    files = members(export_locale(pt_br, "xliff"))
    name, text = module_file(files, "la-migracion-en-el-mundo")
    # The CAT tool fills every target: here "[pt] " + source, inline codes kept as they are.
    files[name] = fill_targets(text, "[pt] ").encode()
    archive = tmp_path / "pt-br.zip"
    archive.write_bytes(zipped(files))
    call_command("translations", "-v", "0", "import", "--locale", "pt-br", str(archive))
    page = Page.objects.get(translation_key=demo.module(2).translation_key, locale=pt_br)
    translation = translation_for(page)
    units = units_for(translation)
    assert all(unit.target == "[pt] " + unit.source for unit in units)
    assert any("<b>" in unit.target for unit in units), "inline tags came back as markup"

    client.force_login(django_user_model.objects.get(username="traductora-pt-br"))
    client.post(reverse("translations:submit_for_review", args=[page.pk]))
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    client.force_login(django_user_model.objects.get(username="revisora-pt-br"))
    client.post(  # "[pt] " + the source: QA findings that the note overrides
        workflow_action_url(page, OVERRIDE, task_state),
        {"comment": "Revisado."},
    )
    html = client.get(page.specific.url).content.decode()
    assert "[pt] La migración en el mundo" in html and "fallback-notice" not in html
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["title"].startswith("[pt] ")


def test_po_round_trip_updates_changed_entries_only(pt_br):
    files = members(export_locale(pt_br, "po"))
    name, text = module_file(files, "derechos-de-ninas")
    po = polib.pofile(text)
    assert po.metadata["X-WagtailLocalize-TranslationID"]
    entry = next(e for e in po if e.msgctxt == "title")
    entry.msgstr = "Direitos das crianças e adolescentes"
    files[name] = str(po).encode()
    assert import_archive(zipped(files), name="po.zip", locale=pt_br) == (len(files), 1)
    title = StringTranslation.objects.get(locale=pt_br, data="Direitos das crianças e adolescentes")
    assert not title.has_error and title.last_translated_by is None
    # A link the source does not have is refused, with the reason, and nothing changes (before,
    # it was stored, flagged as an error).
    linked = next(e for e in po if "<b>" in e.msgid and "<a " not in e.msgid)  # rich text
    linked.msgstr = 'Ver <a id="a7">um link</a> que a fonte não tem.'
    before = snapshot(pt_br)
    with pytest.raises(ImportRejected, match="El enlace «a7» no está en el original"):
        import_archive(zipped({name: str(po).encode()}), name="po.zip", locale=pt_br)
    assert snapshot(pt_br) == before
    page = Page.objects.get(translation_key=title.context.object_id, locale=pt_br)
    assert page.draft_title == "Direitos das crianças e adolescentes"


def bad_cases(pt_br):
    po_files = members(export_locale(pt_br, "po"))
    xliff_files = members(export_locale(pt_br, "xliff"))
    po_name, po_text = module_file(po_files, "derechos-de-ninas")
    x_name, x_text = module_file(xliff_files, "derechos-de-ninas")
    no_header = po_text.replace("X-WagtailLocalize-TranslationID", "X-Other")
    en_locale = Locale.objects.get(language_code="en")
    en_po_name, en_po = module_file(members(export_locale(en_locale, "po")), "derechos-de-ninas")
    unknown = re.sub(r'(msgctxt "title"\nmsgid )"[^"]*"', r'\1"Un texto que no existe"', po_text)
    target = re.search(r"<target>[^<]*<pc [^>]*>[^<]*</pc>[^<]*</target>", x_text).group(0)
    broken_tags = x_text.replace(target, target.replace('dataRefEnd="d2"', 'dataRefEnd="d9"'))
    dropped_tag = x_text.replace(target, re.sub(r"</?pc[^>]*>", "", target))
    wrong_lang = x_text.replace('trgLang="pt-BR"', 'trgLang="fr"')
    unknown_unit = x_text.replace('<unit id="u', '<unit id="zz', 1)
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;">]><x>&b;</x>')  # fmt: skip
    good = {po_name: po_text.replace('msgstr "Direitos', 'msgstr "Direitos (revisto)', 1).encode()}
    return {
        "not a PO or XLIFF": ({"notes.txt": b"hola"}, "no es un archivo PO ni XLIFF"),
        "binary .po": ({"x.po": b"\x00\x01\x02"}, "no es un archivo PO"),
        "PO without id header": (
            {po_name: no_header.encode()},
            "falta la cabecera X-WagtailLocalize-TranslationID",
        ),
        "another locale's PO": (
            {en_po_name: en_po.encode()},
            "no es una traducción a pt-br que puedas editar",
        ),
        "unknown segment": ({po_name: unknown.encode()}, "segmentos desconocidos"),
        "broken inline tags": ({x_name: broken_tags.encode()}, "etiquetas en línea rotas"),
        "dropped inline tag": ({x_name: dropped_tag.encode()}, "etiquetas en línea rotas"),
        "wrong trgLang": ({x_name: wrong_lang.encode()}, "(trgLang) es fr, no pt-br"),
        "unknown unit id": (
            {x_name: unknown_unit.encode()},
            "identificadores de unidad desconocidos",
        ),
        "malformed XML": ({"x.xlf": b"<xliff><file>"}, "no es un archivo XML bien formado"),
        "entity expansion": ({"x.xlf": bomb}, "no es un archivo XML bien formado"),
        "good file beside a bad one": ({**good, "x.po": b"\x00"}, "no es un archivo PO"),
    }


@pytest.mark.parametrize(
    "case",
    ["not a PO or XLIFF", "binary .po", "PO without id header", "another locale's PO",
     "unknown segment", "broken inline tags", "dropped inline tag", "wrong trgLang",
     "unknown unit id", "malformed XML", "entity expansion", "good file beside a bad one"],
)  # fmt: skip
def test_bad_files_are_refused_with_a_message_and_nothing_changes(pt_br, case):
    files, message = bad_cases(pt_br)[case]
    before = snapshot(pt_br)
    with pytest.raises(ImportRejected) as rejected:
        import_archive(zipped(files), name="bad.zip", locale=pt_br)
    assert message in " ".join(rejected.value.errors)
    assert snapshot(pt_br) == before


def test_truncated_and_huge_archives_are_refused(pt_br, monkeypatch):
    archive = export_locale(pt_br, "xliff")
    before = snapshot(pt_br)
    with pytest.raises(ImportRejected, match="dañado o truncado|no es un archivo PO ni XLIFF"):
        import_archive(archive[: len(archive) // 2], name="cut.zip", locale=pt_br)
    import translations.formats.archive as archive_module

    monkeypatch.setattr(archive_module, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ImportRejected, match="ocupa más de"):
        import_archive(archive, name="big.zip", locale=pt_br)
    # A zip bomb: small files that compress to nothing, but add up to too much.
    monkeypatch.setattr(archive_module, "MAX_FILE_BYTES", 5 * 2**20)
    monkeypatch.setattr(archive_module, "MAX_UNPACKED_BYTES", 2 * 2**20)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for index in range(3):
            z.writestr(f"f{index}.po", b" " * 2**20)
    assert len(bomb.getvalue()) < 20_000
    with pytest.raises(ImportRejected, match="suman más de 2 MB"):
        import_archive(bomb.getvalue(), name="bomb.zip", locale=pt_br)
    assert snapshot(pt_br) == before


def test_command_reports_errors_and_exports(tmp_path, pt_br):
    output = tmp_path / "pt.zip"
    call_command("translations", "-v", "0", "export", "--locale", "pt-br", "--format", "po",
                 "--output", str(output))  # fmt: skip
    assert zipfile.is_zipfile(output)
    bad = tmp_path / "bad.po"
    bad.write_text("esto no es un PO válido \x00")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("translations", "-v", "0", "import", "--locale", "pt-br", str(bad))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("translations", "-v", "0", "import", "--locale", "pt-br", "/nonexistent.zip")


def test_po_upload_without_header_is_refused_not_a_500(client, demo, pt_br, django_user_model):
    page = Page.objects.get(translation_key=demo.module(1).translation_key, locale=pt_br)
    translation = translation_for(page)
    client.force_login(django_user_model.objects.get(username="traductora-pt-br"))
    po = polib.POFile()
    po.append(polib.POEntry(msgid="x", msgstr="y", msgctxt="title"))
    before = snapshot(pt_br)
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload("sin-cabecera.po", str(po).encode())},
        follow=True,
    )
    assert response.status_code == 200
    assert (
        "no se importó" in response.content.decode() or "not imported" in response.content.decode()
    )
    assert snapshot(pt_br) == before


def upload(name, data):
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def test_translators_download_and_import_their_locales_files_in_the_browser(as_user, demo, pt_br):
    """The dashboard's "Files for CAT tools": the archive of the locale, and an atomic import."""
    client = as_user("traductora-pt-br")
    url = reverse("translations:locale_files", args=["pt-br"])
    dashboard = client.get(reverse("translations:dashboard"), {"locale": "pt-br"})
    assert url in dashboard.content.decode()

    response = client.get(url, {"format": "xliff"})
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert 'filename="translations-pt-br-xliff.zip"' in response["Content-Disposition"]
    files = members(response.content)
    assert files and all(name.endswith(".xlf") for name in files)
    assert all(name.endswith(".po") for name in members(client.get(url, {"format": "po"}).content))

    # A CAT tool fills the targets of one page; the translator imports that one file.
    name, text = module_file(files, "derechos-de-ninas")
    filled = fill_targets(text, "[CAT] ")
    response = client.post(url, {"archive": upload(name, filled.encode())}, follow=True)
    html = response.content.decode()
    assert re.search(r"Se importó 1 archivo\. \d+ segmentos modificados\.", html), html[-2000:]
    assert StringTranslation.objects.filter(locale=pt_br, data__startswith="[CAT] ").exists()
    page = Page.objects.get(translation_key=demo.module(1).translation_key, locale=pt_br)
    assert page.draft_title == "[CAT] " + demo.module(1).title, "the admin lists the new title"

    # A bad file: a message, and nothing changes.
    before = snapshot(pt_br)
    response = client.post(url, {"archive": upload("notas.txt", b"hola")}, follow=True)
    assert "notas.txt: no es un archivo PO ni XLIFF" in response.content.decode()
    assert snapshot(pt_br) == before
    assert client.get(url, {"format": "docx"}, follow=True).status_code == 200


@pytest.mark.parametrize(
    "username, code, allowed",
    [("traductora-pt-br", "fr", False), ("editora", "pt-br", False),
     ("revisora-pt-br", "pt-br", True), ("administrador", "fr", True),
     ("traductora-pt-br", "es", None), ("traductora-pt-br", "xx", None)],
)  # fmt: skip
def test_locale_files_only_for_those_who_edit_the_locale(as_user, pt_br, username, code, allowed):
    """Allowed: the archive; refused: the admin's permission-denied redirect; None: 404."""
    client = as_user(username)
    url = reverse("translations:locale_files", args=[code])
    response = client.get(url)
    if allowed:
        assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    elif allowed is False:
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    else:
        assert response.status_code == 404
    before = snapshot(pt_br)
    client.post(url, {"archive": upload("x.po", b"")})
    assert snapshot(pt_br) == before


def test_files_are_limited_to_the_translations_the_user_may_edit(
    client, demo, pt_br, django_user_model
):
    """Someone who may edit only the pt-br module 1 (and its subpages) exports only those, and a
    file of another pt-br page is refused."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    module_1 = Page.objects.get(translation_key=demo.module(1).translation_key, locale=pt_br)
    group = Group.objects.create(name="Module 1 (pt-br)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=module_1, permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user("solo-modulo-1", password="x")
    user.groups.add(group)
    client.force_login(user)
    url = reverse("translations:locale_files", args=["pt-br"])
    files = members(client.get(url).content)
    mine = {translation_for(page).uuid for page in module_1.get_descendants(inclusive=True)
            if translation_for(page)}  # fmt: skip
    assert {re.search(r"-([0-9a-f-]{36})\.xlf$", name).group(1) for name in files} == {
        str(uuid) for uuid in mine
    }

    others = members(export_locale(pt_br, "xliff"))
    name = next(name for name in others if name not in files)
    before = snapshot(pt_br)
    response = client.post(url, {"archive": upload(name, others[name])}, follow=True)
    assert "que puedas editar" in response.content.decode()
    assert snapshot(pt_br) == before


def test_a_segment_saved_meanwhile_rejects_the_import(pt_br, monkeypatch):
    from django.db import IntegrityError

    files = members(export_locale(pt_br, "po"))
    name, text = module_file(files, "derechos-de-ninas")
    po = polib.pofile(text)
    next(e for e in po if not e.msgstr).msgstr = "Texto novo"
    before = snapshot(pt_br)

    def conflict(*args, **kwargs):
        raise IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(StringTranslation.objects, "bulk_create", conflict)
    with pytest.raises(ImportRejected, match="durante la importación; vuelve a importarlo"):
        import_archive(str(po).encode(), name=name, locale=pt_br)
    assert snapshot(pt_br) == before
