"""XLIFF import: what XLIFF 2.0 and 2.1 allow is read (a unit the CAT tool split into several
segments, joined back in order with the whitespace between them; version 2.1), and what they
forbid is refused whole, with the reason, changing nothing."""

import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from tests.translations.test_files import members, module_file, snapshot
from translations.formats import ImportRejected
from translations.formats.archive import export_locale, import_archive
from translations.formats.segments import units_for

pytestmark = pytest.mark.django_db

BOLD = '<pc id="1" dataRefStart="d1" dataRefEnd="d2">doctrina de la protección integral</pc>'


@pytest.fixture
def pt_br(db):
    return Locale.objects.get(language_code="pt-br")


@pytest.fixture
def exported(pt_br):
    """(name, text) of module 1's XLIFF file in pt-br."""
    return module_file(members(export_locale(pt_br, "xliff")), "derechos-de-ninas")


def unit_with(text, fragment):
    """(unit id, the unit's XML) of the unit whose source contains ``fragment``."""
    unit = next(
        match
        for match in re.finditer(r'<unit id="(u\d+)">.*?</unit>', text, flags=re.S)
        if fragment in match.group(0)
    )
    return unit.group(1), unit.group(0)


def resegmented(text):
    """What a CAT tool that segments by sentence returns for the paragraph with the bold
    "doctrina de la protección integral": three segments with spaces (<ignorable>) between them,
    a segment boundary inside the bold span (so <sc>/<ec> instead of <pc>), new targets."""
    unit_id, unit = unit_with(text, BOLD)
    source = re.search(r"<source>(.*?)</source>", unit, flags=re.S).group(1)
    first, rest = source.split(". ", 1)
    before, after = rest.split(BOLD)
    segments = (
        f'<segment id="s1" state="translated"><source>{first}.</source>'
        "<target>Primeira frase traduzida de novo.</target></segment>"
        "<ignorable><source> </source></ignorable>"
        f'<segment id="s2" state="translated"><source>{before}<sc id="1" dataRef="d1"/>'
        'doctrina de la</source><target>Com a <sc id="1" dataRef="d1"/>doutrina da</target>'
        "</segment>"
        "<ignorable><source> </source></ignorable>"
        '<segment id="s3" state="translated"><source>protección integral<ec startRef="1" '
        f'dataRef="d2"/>{after}</source><target>proteção integral<ec startRef="1" '
        'dataRef="d2"/>, o resto do parágrafo.</target></segment>'
    )
    new_unit = re.sub(r"<segment .*</segment>", lambda _m: segments, unit, flags=re.S)
    return unit_id, text.replace(unit, new_unit)


def target_of(text, unit_id):
    """The stored target of unit ``unit_id`` of the translation the XLIFF ``text`` is of."""
    uuid = re.search(r'<note category="translation-id">([^<]+)</note>', text).group(1)
    units = units_for(Translation.objects.get(uuid=uuid))
    return next(unit.target for unit in units if unit.id == unit_id)


def test_a_unit_split_into_segments_is_joined_back_in_order(pt_br, exported):
    name, text = exported
    unit_id, split = resegmented(text)
    assert import_archive(split.encode(), name=name, locale=pt_br)[1] == 1
    assert target_of(text, unit_id) == (
        "Primeira frase traduzida de novo. Com a <b>doutrina da proteção integral</b>, o resto "
        "do parágrafo."
    )


def test_targets_reordered_by_the_tool_are_joined_in_their_order(pt_br, exported):
    """XLIFF lets a target say where it goes (``order``): the second segment's target first."""
    name, text = exported
    unit_id, unit = unit_with(text, '<note category="location">summary</note>')
    source = re.search(r"<source>(.*?)</source>", unit, flags=re.S).group(1)
    first, rest = source.split(" y ", 1)
    segments = (
        f'<segment id="s1"><source>{first}</source><target order="3">segunda.</target></segment>'
        '<ignorable id="i1"><source> y </source><target order="2"> / </target></ignorable>'
        f'<segment id="s2"><source>{rest}</source><target order="1">Primeira</target></segment>'
    )
    changed = text.replace(unit, re.sub(r"<segment .*</segment>", segments, unit, flags=re.S))
    import_archive(changed.encode(), name=name, locale=pt_br)
    assert target_of(text, unit_id) == "Primeira / segunda."


def test_version_2_1_is_read_like_2_0(pt_br, exported):
    name, text = exported
    assert 'version="2.0"' in text
    changed = text.replace('version="2.0"', 'version="2.1"', 1).replace(
        "<target>Direitos de crianças", "<target>Os direitos de crianças", 1
    )
    assert import_archive(changed.encode(), name=name, locale=pt_br)[1] == 1
    title_id, _unit = unit_with(text, '<note category="location">title</note>')
    assert target_of(text, title_id).startswith("Os direitos de crianças")


def forbidden(text):
    unit_id, split = resegmented(text)
    bold_id, bold_unit = unit_with(text, BOLD)
    title_id, title = unit_with(text, '<note category="location">title</note>')
    swapped = bold_unit.replace(
        'dataRefStart="d1" dataRefEnd="d2">doutrina', 'dataRefStart="d2" dataRefEnd="d1">doutrina'
    )
    return {
        "no srcLang": (text.replace(' srcLang="es"', "", 1), "no tiene srcLang"),
        "another srcLang": (text.replace(' srcLang="es"', ' srcLang="fr"', 1), "(srcLang) es fr"),
        "no trgLang": (text.replace(' trgLang="pt-BR"', "", 1), "no tiene idioma de destino"),
        "the trgLang of another locale": (
            text.replace('trgLang="pt-BR"', 'trgLang="es-MX"', 1),
            "(trgLang) es es-MX, no pt-br",
        ),
        "version 3.0": (text.replace('version="2.0"', 'version="3.0"', 1), "versión 3.0"),
        "a unit id given twice": (
            text.replace(title, title + title.replace("<target>", "<target>Falso ", 1), 1),
            f"la unidad {title_id} aparece dos veces",
        ),
        "swapped start and end codes": (
            text.replace(bold_unit, swapped, 1),
            "las etiquetas en línea están desordenadas",
        ),
        "an end code before its start": (
            split.replace(
                '<target>Com a <sc id="1" dataRef="d1"/>doutrina da</target>',
                '<target>Com a <ec startRef="1" dataRef="d2"/>doutrina da</target>',
            ).replace(
                '<target>proteção integral<ec startRef="1" dataRef="d2"/>',
                '<target>proteção integral<sc id="1" dataRef="d1"/>',
            ),
            "un código de cierre antes que su código de apertura",
        ),  # fmt: skip
        "a segment left untranslated": (
            split.replace("<target>Primeira frase traduzida de novo.</target>", "", 1),
            "1 de sus 3 segmentos no tiene traducción",
        ),
        "a segment added to the source": (
            text.replace(
                "</segment>", "</segment><segment><source>x</source><target>y</target></segment>", 1
            ),
            "no es el de la página",
        ),  # fmt: skip
    }


CASES = ["no srcLang", "another srcLang", "no trgLang", "the trgLang of another locale",
         "version 3.0", "a unit id given twice", "swapped start and end codes",
         "an end code before its start", "a segment left untranslated",
         "a segment added to the source"]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_what_xliff_forbids_is_refused_whole_with_the_reason(pt_br, exported, case):
    name, text = exported
    # Every target changed too, so that importing any part of the file would change something.
    text = text.replace("<target>", "<target>[novo] ")
    damaged, reason = forbidden(text)[case]
    assert damaged != text
    before = snapshot(pt_br)
    with pytest.raises(ImportRejected) as rejected:
        import_archive(damaged.encode(), name=name, locale=pt_br)
    assert reason in " ".join(rejected.value.errors)
    assert snapshot(pt_br) == before


def test_a_plain_text_field_is_text_with_its_line_breaks_not_markup(pt_br):
    """A plain-text field's line break travels as a newline (kept with xml:space), not as a
    <br> inline code with HTML in <originalData>; it comes back as wagtail-localize stores it."""
    row = StringTranslation.objects.get(
        locale=pt_br, context__path="summary", translation_of__data__startswith="Presenta el"
    )
    row.data = "Primeira linha d&#x27;Ávila<br/>Segunda linha"
    row.save(update_fields=["data"])
    name, text = module_file(members(export_locale(pt_br, "xliff")), "derechos-de-ninas")
    unit_id, unit = unit_with(text, '<note category="location">summary</note>')
    assert "<originalData>" not in unit and "<ph " not in unit
    assert '<target xml:space="preserve">Primeira linha d\'Ávila\nSegunda linha</target>' in unit
    before = snapshot(pt_br)
    assert import_archive(text.encode(), name=name, locale=pt_br)[1] == 0
    assert snapshot(pt_br) == before
    typed = "Linha 1 &amp; &lt;2&gt;\nLinha 2 &amp;"  # as XML writes "Linha 1 & <2>"...
    changed = text.replace("Primeira linha d'Ávila\nSegunda", typed, 1)
    assert import_archive(changed.encode(), name=name, locale=pt_br)[1] == 1
    assert target_of(text, unit_id) == "Linha 1 &amp; &lt;2&gt;<br/>Linha 2 &amp; linha"
