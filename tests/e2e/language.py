"""Is every string a person sees in their language? A check for browser tests.

``untranslated(page, "es")`` lists the visible strings of the page (text, and the labels a screen
reader or a tooltip shows) that are still in English although the interface language translates
them, or should: the English source strings (msgids) of Django's, Wagtail's, wagtail-localize's
and our own catalogs, unless the language writes them the same way. A whole text that is such a
string (placeholders allowed), or a text that contains such a phrase of two words or more, is
reported.

Content is not interface: text inside an element whose ``lang`` is another language, or inside
an element matching one of the ``ignore`` selectors, is skipped.
"""

import re
from functools import cache
from pathlib import Path

import django
import polib
import wagtail
import wagtail_localize
from django.conf.locale import LANG_INFO

ROOT = Path(__file__).resolve().parents[2]
CATALOG_DIRS = {"es": "es", "pt-br": "pt_BR", "fr": "fr"}
# Language names are written in their own language everywhere (a language switcher says
# "English" in every interface).
AUTONYMS = {info["name_local"] for info in LANG_INFO.values() if "name_local" in info}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")

VISIBLE_STRINGS = """(ignore) => {
  const shown = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === "none" || style.visibility === "hidden") return false;
      if (node.hidden || node.getAttribute("aria-hidden") === "true") return false;
    }
    return el.getClientRects().length > 0;
  };
  const skipped = "script, style, noscript, template" + (ignore ? ", " + ignore : "");
  const skip = (el) => el.closest(skipped);
  const language = (el) => (el.closest("[lang]") || document.documentElement).lang;
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.nodeValue.replace(/\\s+/g, " ").trim();
    if (text && el && !skip(el) && shown(el)) out.push([text, language(el)]);
  }
  const labelled =
    "[aria-label], [title], [placeholder], img[alt], input[type=submit], input[type=button]";
  for (const el of document.body.querySelectorAll(labelled)) {
    if (skip(el) || !shown(el)) continue;
    for (const name of ["aria-label", "title", "placeholder", "alt", "value"]) {
      if (name === "value" && el.tagName !== "INPUT") continue;
      const text = (el.getAttribute(name) || "").replace(/\\s+/g, " ").trim();
      if (text) out.push([text, language(el)]);
    }
  }
  return out;
}"""


def _catalog_files(directory):
    packages = [ROOT / "locale", Path(django.__file__).parent, Path(wagtail.__file__).parent,
                Path(wagtail_localize.__file__).parent]  # fmt: skip
    for package in packages:
        yield from package.glob(f"**/locale/{directory}/LC_MESSAGES/*.po")
        yield from package.glob(f"{directory}/LC_MESSAGES/*.po")


def _entries(directory):
    for path in _catalog_files(directory):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            if entry.msgid_plural:
                forms = entry.msgstr_plural
                yield entry.msgid, forms.get(0, "")
                yield entry.msgid_plural, forms.get(1, "")
            else:
                yield entry.msgid, entry.msgstr


def _flat(text):
    return " ".join(text.split())


@cache
def english_strings(language):
    """(whole strings, whole strings with placeholders as regexes, phrases of two words or more)
    that a ``language`` interface must not show in English: every English source string of the
    catalogs (their ``en`` files list them all) unless ``language`` writes it the same way."""
    same = {_flat(english) for english, text in _entries(CATALOG_DIRS[language])
            if _flat(text) == _flat(english)}  # fmt: skip
    wholes, phrases = set(), set()
    for english, _text in _entries("en"):
        english = _flat(english)
        if english in same or english in AUTONYMS:
            continue
        words = re.findall(r"[^\W\d_]+", " ".join(PLACEHOLDER.split(english)))
        if not any(len(word) >= 3 for word in words):
            continue  # codes, symbols, bare placeholders
        if PLACEHOLDER.search(english) and len(words) < 2:
            continue  # "%(a)s for %(b)s" would match text in any language
        wholes.add(english)
        longest = max(PLACEHOLDER.split(english), key=len).strip(" .:,;!?()'\"")
        if len(longest.split()) >= 2 and len(longest) >= 8:
            phrases.add(longest)
    exact = {w for w in wholes if not PLACEHOLDER.search(w)}
    patterns = [_placeholder_pattern(w) for w in wholes - exact]
    alternatives = "|".join(sorted(map(re.escape, phrases), key=len, reverse=True))
    phrase_re = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
    return exact, patterns, phrase_re


def _placeholder_pattern(english):
    parts = PLACEHOLDER.split(english)
    return re.compile(".+?".join(re.escape(part) for part in parts) + "$")


def untranslated(page, language, *, ignore=()):
    """The strings on ``page`` still in English though ``language`` translates them."""
    if language == "en":
        return []
    exact, patterns, phrase_re = english_strings(language)
    found = []
    for text, lang in page.evaluate(VISIBLE_STRINGS, ", ".join(ignore)):
        if lang and lang.split("-")[0].lower() != language.split("-")[0]:
            continue
        if text in exact or any(pattern.match(text) for pattern in patterns):
            found.append(text)
        elif match := phrase_re.search(text):
            found.append(f"{text} [{match.group(0)}]")
    return sorted(set(found))


def assert_in_language(page, language, *, ignore=()):
    """Fail with the list of English strings left in a ``language`` interface."""
    html_lang = page.locator("html").get_attribute("lang") or ""
    assert html_lang.lower().startswith(language.split("-")[0]), (
        f"{page.url}: <html lang={html_lang!r}>, expected {language}"
    )
    leftovers = untranslated(page, language, ignore=ignore)
    assert not leftovers, f"{page.url}: English in a {language} interface: {leftovers}"
