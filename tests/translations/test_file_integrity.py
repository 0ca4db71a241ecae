"""CAT files that were cut, duplicated, reordered or partly broken are refused whole, with the
reason, and nothing changes: through the dashboard's import (as the pt-br translator), the
translation editor's PO upload, and the shell's importer."""

import io
import re
import zipfile

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from translations.checks import translation_for
from translations.formats import ImportRejected
from translations.formats.archive import export_locale, import_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def pt_br(db):
    return Locale.objects.get(language_code="pt-br")


def members(archive):
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        return {name: z.read(name).decode() for name in z.namelist()}


def module_file(locale, fmt):
    files = members(export_locale(locale, fmt))
    return next((name, text) for name, text in files.items() if "derechos-de-ninas" in name)


def snapshot(locale):
    return sorted(StringTranslation.objects.filter(locale=locale).values_list("pk", "data"))


def entries(po_text):
    """The PO file's entries (blank-line separated blocks), header first."""
    return po_text.rstrip("\n").split("\n\n")


def changed(text, old, new):
    assert old in text
    return text.replace(old, new, 1)


def po_cases(text):
    blocks = entries(text)
    last = blocks[-2]  # the last real entry (the end marker follows it)
    translated = next(b for b in blocks[1:-1] if 'msgstr ""' not in b and "msgstr" in b)
    last_translated = [b for b in blocks[1:-1] if 'msgstr ""' not in b and "msgstr" in b][-1]
    position = text.index(last_translated) + last_translated.index('msgstr "') + len('msgstr "') + 8
    long_entry = blocks[-2].replace('msgstr "', 'msgstr ""\n"Primeira parte de um texto longo "\n"')
    long_text = text.replace(blocks[-2], long_entry)
    return {
        "cut inside a string": text[:position],
        "cut at a line break of the last entry": long_text[
            : long_text.index('"Primeira parte de um texto longo "\n') + 36
        ],
        "cut between two entries": "\n\n".join(blocks[:-3]) + "\n",
        "cut after a msgid": "\n\n".join(blocks[:-2]) + "\n\n" + last.split("\nmsgstr")[0] + "\n",
        "an entry given twice": text.replace(translated, translated + "\n\n" + translated, 1),
        "an entry given twice, translated otherwise": text.replace(
            translated,
            translated + "\n\n" + re.sub(r'msgstr ".*"', 'msgstr "Outra tradução"', translated),
            1,
        ),
        "two entries swapped": "\n\n".join([blocks[0], blocks[2], blocks[1], *blocks[3:]]) + "\n",
        "an entry removed": "\n\n".join([blocks[0], *blocks[2:]]) + "\n",
        "a stray line": text.replace(translated, translated + "\nthis is not PO", 1),
    }


def xliff_cases(text):
    units = re.findall(r"\n    <unit id=.*?</unit>", text, flags=re.S)
    title = next(unit for unit in units if ">title<" in unit)
    evil_title = re.sub(r"<target>.*?</target>", "<target>Título falso</target>", title)
    return {
        "a unit id given twice (the title)": text.replace(title, title + evil_title, 1),
        "two units swapped": text.replace(units[0] + units[1], units[1] + units[0], 1),
        "a segment added to a unit": text.replace(
            "</segment>", "</segment><segment><source>x</source><target>y</target></segment>", 1
        ),
        "original data given twice": re.sub(
            r'(<data id="d1">[^<]*</data>)', r"\1\1", text, count=1
        ),
        "cut in the middle": text[: len(text) // 2],
    }


@pytest.mark.parametrize(
    "case",
    ["cut inside a string", "cut at a line break of the last entry", "cut between two entries",
     "cut after a msgid", "an entry given twice", "an entry given twice, translated otherwise",
     "two entries swapped", "an entry removed", "a stray line"],
)  # fmt: skip
def test_a_damaged_po_file_is_refused_whole_with_the_reason(pt_br, case):
    name, text = module_file(pt_br, "po")
    # Every entry translated anew, so that importing any part of it would change something.
    text = re.sub(r'msgstr "(.+)"', r'msgstr "[novo] \1"', text)
    damaged = po_cases(text)[case]
    before = snapshot(pt_br)
    with pytest.raises(ImportRejected) as rejected:
        import_archive(damaged.encode(), name=name, locale=pt_br)
    assert rejected.value.errors and name in rejected.value.errors[0]
    assert snapshot(pt_br) == before
    # The same file, whole, is imported.
    assert import_archive(text.encode(), name=name, locale=pt_br)[1] > 0


@pytest.mark.parametrize(
    "case",
    ["a unit id given twice (the title)", "two units swapped", "a segment added to a unit",
     "original data given twice", "cut in the middle"],
)  # fmt: skip
def test_a_damaged_xliff_file_is_refused_whole_with_the_reason(pt_br, case):
    name, text = module_file(pt_br, "xliff")
    damaged = xliff_cases(text)[case]
    before = snapshot(pt_br)
    with pytest.raises(ImportRejected):
        import_archive(damaged.encode(), name=name, locale=pt_br)
    assert snapshot(pt_br) == before


def test_two_files_of_one_translation_in_an_archive_are_refused(pt_br):
    name, text = module_file(pt_br, "xliff")
    po_name, po_text = module_file(pt_br, "po")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, text.replace("<target>", "<target>[a] "))
        archive.writestr(po_name, re.sub(r'msgstr "(.+)"', r'msgstr "[b] \1"', po_text))
    before = snapshot(pt_br)
    with pytest.raises(ImportRejected, match="un archivo de la misma traducción"):
        import_archive(buffer.getvalue(), name="two.zip", locale=pt_br)
    assert snapshot(pt_br) == before


def upload(name, data):
    handle = io.BytesIO(data.encode())
    handle.name = name
    return handle


def test_the_dashboards_import_refuses_a_cut_file_with_the_reason(as_user, pt_br):
    client = as_user("traductora-pt-br")
    url = reverse("translations:locale_files", args=["pt-br"])
    files = members(client.get(url, {"format": "po"}).content)
    name, text = next((n, t) for n, t in files.items() if "derechos-de-ninas" in n)
    text = re.sub(r'msgstr "(.+)"', r'msgstr "[novo] \1"', text)
    before = snapshot(pt_br)
    response = client.post(
        url, {"archive": upload(name, po_cases(text)["cut inside a string"])}, follow=True
    )
    html = response.content.decode()
    assert "No se importó nada" in html and "sintaxis PO no válida" in html
    assert snapshot(pt_br) == before


def test_the_editors_po_upload_refuses_a_cut_file(as_user, demo, in_locale, pt_br):
    translation = translation_for(in_locale(demo.module(1), "pt-br"))
    client = as_user("traductora-pt-br")
    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    text = re.sub(r'msgstr "(.+)"', r'msgstr "[novo] \1"', download.content.decode())
    before = snapshot(pt_br)
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload("modulo-1.po", po_cases(text)["cut between two entries"])},
        follow=True,
    )
    assert "no se importó" in response.content.decode()
    assert snapshot(pt_br) == before
