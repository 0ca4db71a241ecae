"""TMX 1.4 export and import of a locale's translation memory: a round trip keeps every unit and
its inline markup; a bad file is refused with the reason and nothing changes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Locale

from translations import memory, tmx
from translations.formats import ImportRejected
from translations.models import MemoryEntry

pytestmark = pytest.mark.django_db

LINK_ES = 'Lea la <a id="a1">Convención</a> & su protocolo.'
LINK_PT = 'Leia a <a id="a1">Convenção</a> & seu protocolo.'
PAIRS = [
    ("Derechos de <b>niñas</b> y niños", "Direitos de <b>meninas</b> e meninos"),
    (LINK_ES, LINK_PT),
    ("¿Qué es la protección internacional?", "O que é a proteção internacional?"),
]


@pytest.fixture
def spanish(db):
    return Locale.get_default()


@pytest.fixture
def pt_br(db):
    return Locale.objects.get(language_code="pt-br")


@pytest.fixture
def french(db):
    return Locale.objects.get(language_code="fr")


def pairs_of(source_locale, target_locale):
    return sorted(
        MemoryEntry.objects.filter(
            source_locale=source_locale, target_locale=target_locale
        ).values_list("source", "target")
    )


def test_a_tmx_round_trip_keeps_every_unit_and_its_markup(spanish, french):
    memory.store(source_locale=spanish, target_locale=french, pairs=PAIRS)
    data = tmx.export_tmx(source_locale=spanish, target_locale=french)
    text = data.decode()
    assert '<tmx version="1.4">' in text and 'srclang="es"' in text
    assert '<bpt i="1">&lt;b&gt;</bpt>' in text, "inline markup as TMX inline codes"
    assert 'xml:lang="fr"' in text
    MemoryEntry.objects.filter(target_locale=french).delete()
    assert tmx.import_tmx(data, source_locale=spanish, target_locale=french) == (3, 0)
    assert pairs_of(spanish, french) == sorted(PAIRS)
    assert tmx.import_tmx(data, source_locale=spanish, target_locale=french) == (0, 0)


def tmx_file(units, *, srclang="es", version="1.4", header=True):
    head = (
        f'<header srclang="{srclang}" segtype="sentence" datatype="plaintext"/>' if header else ""
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><tmx version="{version}">{head}'
        f"<body>{units}</body></tmx>"
    ).encode()


def unit(source, target, *, target_lang="pt-BR"):
    variants = f'<tuv xml:lang="es"><seg>{source}</seg></tuv>' if source is not None else ""
    if target is not None:
        variants += f'<tuv xml:lang="{target_lang}"><seg>{target}</seg></tuv>'
    return f"<tu>{variants}</tu>"


GOOD = unit("Una frase nueva para la memoria.", "Uma frase nova para a memória.")
BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    b'<tmx version="1.4"><header srclang="es"/><body><tu><tuv xml:lang="es"><seg>&b;</seg></tuv>'
    b'<tuv xml:lang="pt-BR"><seg>x</seg></tuv></tu></body></tmx>'
)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<tmx version='1.4'><header srclang='es'/><body><tu>", "not well-formed"),
        (BOMB, "DTD"),
        (tmx_file(GOOD, version="1.1"), "TMX 1.4"),
        (b"<xliff version='2.0'/>", "not a TMX"),
        (tmx_file(GOOD, header=False), "<header>"),
        (tmx_file(GOOD, srclang="en"), "source language"),
        (tmx_file(unit("Una frase.", "Une phrase.", target_lang="fr")), "another language pair"),
        (tmx_file(GOOD + unit("Sin traducción.", None)), "no <tuv> in pt-BR"),
        (tmx_file(GOOD + unit(None, "Sem origem.")), "no <tuv> in es"),
        (tmx_file(GOOD + unit("Vacía.", "")), "empty"),
        (tmx_file(""), "no translation units"),
        (b" " * (tmx.MAX_TMX_BYTES + 1), "larger than"),
    ],
    ids=[
        "malformed", "entities", "version", "not-tmx", "no-header", "source-language",
        "language-pair", "missing-target-tuv", "missing-source-tuv", "empty-seg", "no-units",
        "oversized",
    ],
)  # fmt: skip
def test_a_bad_tmx_file_is_refused_with_the_reason_and_nothing_changes(
    spanish, pt_br, data, reason
):
    before = pairs_of(spanish, pt_br)
    with override("en"), pytest.raises(ImportRejected) as refused:
        tmx.import_tmx(data, source_locale=spanish, target_locale=pt_br)
    assert reason in " ".join(refused.value.errors)
    assert pairs_of(spanish, pt_br) == before


def test_the_command_exports_and_imports_and_refuses_a_bad_file(spanish, french, tmp_path):
    memory.store(source_locale=spanish, target_locale=french, pairs=PAIRS)
    path = tmp_path / "fr.tmx"
    call_command("translation_memory", "export", "--locale", "fr", "--output", str(path))
    MemoryEntry.objects.filter(target_locale=french).delete()
    call_command("translation_memory", "-v", "0", "import", "--locale", "fr", str(path))
    assert pairs_of(spanish, french) == sorted(PAIRS)
    path.write_bytes(path.read_bytes().replace(b'xml:lang="fr"', b'xml:lang="de"', 1))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("translation_memory", "import", "--locale", "fr", str(path))
    assert pairs_of(spanish, french) == sorted(PAIRS)


def test_translation_managers_import_from_the_admin_and_translators_may_not(
    as_user, spanish, pt_br, django_capture_on_commit_callbacks
):
    url = reverse("translations:memory_locale", args=["pt-br"])
    good = tmx_file(GOOD)

    def upload(client, data):
        return client.post(url, {"tmx": SimpleUploadedFile("m.tmx", data)}, follow=True)

    before = pairs_of(spanish, pt_br)
    assert upload(as_user("traductora-pt-br"), good).status_code == 403
    assert pairs_of(spanish, pt_br) == before
    reviewer = as_user("revisora-pt-br")
    html = upload(reviewer, tmx_file(GOOD, srclang="en")).content.decode()
    assert "source language" in html or "idioma de origen" in html
    assert pairs_of(spanish, pt_br) == before
    with django_capture_on_commit_callbacks(execute=True):  # stored by a background task
        html = upload(reviewer, good).content.decode()
    assert "memory-imports" in html
    assert ("Una frase nueva para la memoria.", "Uma frase nova para a memória.") in pairs_of(
        spanish, pt_br
    )
    page = reviewer.get(url).content.decode()
    assert "1/1" in page, "the import's progress, done"
    download = reviewer.get(url, {"format": "tmx"})
    assert download["Content-Type"].startswith("application/x-tmx+xml")
    assert "Uma frase nova para a memória." in download.content.decode()
