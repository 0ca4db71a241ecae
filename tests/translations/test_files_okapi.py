"""An independent check of our XLIFF files: Okapi's XLIFF 2 library (``translations/okapi/``,
built with Maven) validates every file we export for the demo's modules, in every locale, and
rewrites it as a CAT tool built on it would; our import reads Okapi's rewrite with the same result
as our own file. Needs Java and Maven (CI installs them and builds the check)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from tests.translations.test_files import members
from tests.translations.test_files_xliff2 import resegmented
from translations.formats.archive import export_locale, import_archive

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("java") is None or shutil.which("mvn") is None,
        reason="Java or Maven is missing: the Okapi XLIFF check cannot be built (CI has both)",
    ),
]

OKAPI = Path(__file__).resolve().parents[2] / "translations" / "okapi" / "okapi.sh"
LOCALES = {"pt-br": "[pt] ", "en": "[en] ", "fr": "[fr] ", "es-mx": "[mx] "}


def okapi(pairs):
    """Run Okapi's reader and writer on [(input path, output path)]: {input path: verdict}."""
    args = [str(path) for pair in pairs for path in pair]
    result = subprocess.run(  # noqa: S603 (our own script and files)
        ["bash", str(OKAPI), "check", *args],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    verdicts = {
        path: verdict
        for verdict, path in re.findall(r"^(OK|INVALID) ([^:\n]+)", result.stdout, flags=re.M)
    }
    assert len(verdicts) == len(pairs), result.stdout + result.stderr
    return verdicts, result.stdout


def stored(locale):
    return sorted(
        StringTranslation.objects.filter(locale=locale).values_list(
            "translation_of_id", "context_id", "data"
        )
    )


def filled(text, prefix):
    """A CAT tool's work: every target is ``prefix`` + the source, inline codes kept."""
    return re.sub(
        r"(<source>(.*?)</source>)(\s*<target>.*?</target>)?",
        lambda m: m.group(1) + "<target>" + prefix + m.group(2) + "</target>",
        text,
        flags=re.S,
    )


def test_okapi_validates_every_export_and_its_rewrite_imports_the_same(tmp_path):
    ours, pairs = {}, []
    for code, prefix in LOCALES.items():
        locale = Locale.objects.get(language_code=code)
        for name, data in members(export_locale(locale, "xliff")).items():
            variants = {"exported": data.decode(), "filled": filled(data.decode(), prefix)}
            if "derechos-de-ninas" in name and code == "pt-br":
                variants["resegmented"] = resegmented(variants["filled"])[1]
            for kind, text in variants.items():
                source = tmp_path / kind / code / "ours" / name
                target = tmp_path / kind / code / "okapi" / name
                source.parent.mkdir(parents=True, exist_ok=True)
                target.parent.mkdir(parents=True, exist_ok=True)
                source.write_text(text, encoding="utf-8")
                pairs.append((source, target))
                ours[(kind, code, name)] = (source, target)
    assert len(pairs) >= 25
    # The check can fail: a file without the srcLang XLIFF requires.
    invalid = tmp_path / "invalid.xlf"
    invalid.write_text(source.read_text().replace(' srcLang="es"', "", 1), encoding="utf-8")
    verdicts, output = okapi([*pairs, (invalid, tmp_path / "invalid-okapi.xlf")])
    assert verdicts.pop(str(invalid)) == "INVALID", output
    assert set(verdicts.values()) == {"OK"}, output

    for (kind, code, name), (source, target) in ours.items():
        if kind == "exported":
            continue
        locale = Locale.objects.get(language_code=code)
        with transaction.atomic():
            import_archive(source.read_bytes(), name=name, locale=locale)
            expected = stored(locale)
            transaction.set_rollback(True)
        assert expected != stored(locale), f"{kind} {name} changes something"
        with transaction.atomic():
            import_archive(target.read_bytes(), name=name, locale=locale)
            assert stored(locale) == expected, f"Okapi's rewrite of {kind} {name}"
            transaction.set_rollback(True)
