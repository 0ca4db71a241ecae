"""PO files as gettext's tools and CAT tools expect them: complete headers, ``msgfmt --check``
without a warning, plain-text fields as text (no HTML entities), and the command's progress line
naming the pages."""

import io
import shutil
import subprocess

import polib
import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

from tests.translations.test_files import members, module_file, snapshot
from translations.formats.archive import export_locale, import_archive

pytestmark = pytest.mark.django_db

LOCALES = ["pt-br", "en", "fr", "es-mx"]


@pytest.fixture
def pt_br(db):
    return Locale.objects.get(language_code="pt-br")


def test_po_headers_name_the_project_the_team_and_the_last_translator(pt_br, user):
    name, text = module_file(members(export_locale(pt_br, "po")), "derechos-de-ninas")
    po = polib.pofile(text)
    entry = next(e for e in po if e.msgctxt == "title")
    entry.msgstr = "Direitos das crianças e dos adolescentes"
    translator = user("traductora-pt-br")
    import_archive(str(po).encode(), name=name, locale=pt_br, user=translator)

    name, text = module_file(members(export_locale(pt_br, "po")), "derechos-de-ninas")
    headers = polib.pofile(text).metadata
    assert headers["Project-Id-Version"].endswith(
        ": Derechos de niñas, niños y adolescentes y políticas públicas"
    )
    assert headers["Last-Translator"].startswith(translator.get_full_name() or "traductora-pt-br")
    assert headers["PO-Revision-Date"].startswith(timezone.now().strftime("%Y-%m-%d"))
    assert headers["Language-Team"] and headers["Language"] == "pt_BR"
    assert headers["Content-Transfer-Encoding"] == "8bit"
    assert headers["Plural-Forms"].startswith("nplurals=")
    assert headers["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.skipif(
    shutil.which("msgfmt") is None,
    reason="msgfmt is missing: install Debian's gettext package (CI does)",
)
def test_msgfmt_check_passes_on_every_po_export_without_a_warning(tmp_path):
    checked = 0
    for code in LOCALES:
        locale = Locale.objects.get(language_code=code)
        for name, data in members(export_locale(locale, "po")).items():
            path = tmp_path / name
            path.write_bytes(data)
            result = subprocess.run(  # noqa: S603 (our own file, a fixed program)
                ["msgfmt", "--check", "--output-file=/dev/null", str(path)],  # noqa: S607
                capture_output=True,
                text=True,
                check=False,
            )
            assert (result.returncode, result.stderr) == (0, ""), f"{code} {name}"
            checked += 1
    assert checked >= 10


def set_target(locale, path, data):
    """Store ``data`` as the target of module 1's segment at context ``path``, as wagtail-localize
    stores a plain-text field's translation (HTML-escaped); returns the segment's source."""
    row = StringTranslation.objects.get(
        locale=locale,
        context__path=path,
        translation_of__data__startswith="Presenta el enfoque de derechos",
    )
    row.data = data
    row.save(update_fields=["data"])
    return row.translation_of.data


def test_plain_text_fields_travel_as_text_and_come_back_as_they_were(pt_br):
    set_target(pt_br, "summary", "O caso d&#x27;Ávila &amp; &quot;Valentina&quot;: &lt;5 anos")
    files = members(export_locale(pt_br, "po"))
    name, text = module_file(files, "derechos-de-ninas")
    summary = next(e for e in polib.pofile(text) if e.msgctxt == "summary")
    assert summary.msgstr == 'O caso d\'Ávila & "Valentina": <5 anos'
    xliff_name, xliff = module_file(members(export_locale(pt_br, "xliff")), "derechos-de-ninas")
    assert '<target>O caso d\'Ávila &amp; "Valentina": &lt;5 anos</target>' in xliff
    assert "&#x27;" not in xliff and "&amp;quot;" not in xliff

    # Imported back unchanged: nothing changes (the same text, however it is escaped).
    before = snapshot(pt_br)
    assert import_archive(text.encode(), name=name, locale=pt_br)[1] == 0
    assert import_archive(xliff.encode(), name=xliff_name, locale=pt_br)[1] == 0
    assert snapshot(pt_br) == before

    # What a translator types in a plain-text field is text, stored as wagtail-localize does.
    po = polib.pofile(text)
    typed = "Texto com 'aspas' & \"mais\"\nem duas linhas"
    next(e for e in po if e.msgctxt == "summary").msgstr = typed
    assert import_archive(str(po).encode(), name=name, locale=pt_br)[1] == 1
    row = StringTranslation.objects.get(
        locale=pt_br, context__path="summary", translation_of__data__startswith="Presenta el"
    )
    assert row.data == StringValue.from_plaintext(typed).data
    assert "&amp;" in row.data and "<br/>" in row.data


def test_rich_text_keeps_its_markup_with_characters_as_characters():
    en = Locale.objects.get(language_code="en")
    files = members(export_locale(en, "po"))
    _name, text = module_file(files, "derechos-de-ninas")
    assert "&#x27;" not in text and "&quot;" not in text
    assert "Carmen's application" in text  # a rich-text case study, stored as Carmen&#x27;s
    assert any("<b>" in e.msgid for e in polib.pofile(text))


def test_the_progress_line_names_the_pages(tmp_path, pt_br):
    output, archive = io.StringIO(), tmp_path / "pt.zip"
    call_command("translations", "export", "--locale", "pt-br", "--output", str(archive),
                 stdout=output)  # fmt: skip
    printed = output.getvalue()
    assert "Derechos de niñas, niños y adolescentes" in printed
    assert "method" not in printed
    output = io.StringIO()
    call_command("translations", "import", "--locale", "pt-br", str(archive), stdout=output)
    printed = output.getvalue()
    assert "Derechos de niñas, niños y adolescentes" in printed
    assert "method" not in printed and ".xlf" not in printed
