"""The demo's translation data mirrors the Spanish source it translates."""

import re

import pytest

from course_content.demo import content as es
from translations.demo import content_en, content_es_mx, content_pt_br, termbase

KEEP = {"slug", "id", "kind", "type"}  # values that stay as in the source
TAG = re.compile(r"</?\w+>")


def mirror(source, target, path="", keep=False, pairs=None):
    """Assert ``target`` has ``source``'s shape; return its (source, translated) string pairs."""
    pairs = [] if pairs is None else pairs
    assert type(source) is type(target), path
    if isinstance(source, dict):
        assert list(source) == list(target), path
        for key in source:
            mirror(source[key], target[key], f"{path}.{key}", keep or key in KEEP, pairs)
    elif isinstance(source, list):
        assert len(source) == len(target), path
        for index, (a, b) in enumerate(zip(source, target, strict=True)):
            mirror(a, b, f"{path}[{index}]", keep, pairs)
    elif isinstance(source, str) and not keep:
        assert target.strip(), path
        assert TAG.findall(source) == TAG.findall(target), f"inline tags differ at {path}"
        pairs.append((source, target))
    else:
        assert source == target, path
    return pairs


def test_spanish_source_is_consistent():
    es.validate()


@pytest.mark.parametrize("module, count", [(content_en, 2), (content_pt_br, 1)])
def test_translations_mirror_the_source(module, count):
    pairs = mirror(es.COURSE, module.COURSE, "COURSE")
    assert len(module.MODULES) == count
    for index, translated in enumerate(module.MODULES):
        pairs += mirror(es.MODULES[index], translated, f"MODULES[{index}]")
    changed = sum(source != target for source, target in pairs)
    assert changed >= 0.9 * len(pairs), "most strings are translated"
    for number in range(1, count + 1):
        title = es.MODULES[number - 1]["title"]
        assert f"Gráfico de barras ilustrativo del módulo {number}: {title}." in module.EXTRA


def test_regional_adaptations_change_real_source_strings():
    for number, adaptations in content_es_mx.ADAPTATIONS.items():
        strings = {s for s, _t in mirror(es.MODULES[number - 1], es.MODULES[number - 1])}
        assert 4 <= len(adaptations) <= 8
        for source, adapted in adaptations.items():
            assert source in strings and adapted != source


def test_termbase_covers_every_language():
    assert len(termbase.TERMS) >= 15
    for term in termbase.TERMS:
        assert all(term[code] for code in ("es", "en", "pt-br", "fr")) and term["note"]
