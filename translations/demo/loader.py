"""Builds the demo's translations from the data files beside this module.

- ``en``: the home page, course page and modules 1–2 (with their evaluations) fully
  translated, published.
- ``pt-br``: the home page, course page and module 1 published; module 1's Spanish
  source then changes, so pt-br shows it stale. Module 2 is submitted after module 1 is
  approved: the translation memory pre-fills the segments it repeats from module 1.
- ``fr``: the course page and module 1 just submitted (nothing translated yet).
- ``es-mx``: modules 1 and 2 adapted: every segment inherited from ``es``, a few adapted.
"""

import html

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from admin_language.languages import language_for_locale, set_preferred_language
from course_content.demo import content as es
from course_content.models import CoursePage, ModulePage
from translations import memory, services
from translations.models import Term
from translations.qa import INHERITED
from translations.roles import reviewer_group_name, translator_group_name

from . import content_en, content_es_mx, content_pt_br, termbase

LOCALES = ["en", "pt-br", "fr", "es-mx"]
SOURCE_CHANGE = " Esta sección se actualizó en la revisión de 2025."
SOURCE_CHANGE_EN = " This section was updated in the 2025 revision."


# Names of the demo translator and reviewer of each locale (Wagtail's account settings require
# one, e.g. to change the admin language).
DEMO_NAMES = {
    "en": (("Tracy", "Translator"), ("Rita", "Reviewer")),
    "pt-br": (("Tânia", "Tradutora"), ("Renata", "Revisora")),
    "fr": (("Théa", "Traductrice"), ("Romane", "Réviseuse")),
    "es-mx": (("Teresa", "Traductora"), ("Rosa", "Revisora")),
}


def demo_users(code):
    return [
        (f"traductora-{code}", translator_group_name(code)),
        (f"revisora-{code}", reviewer_group_name(code)),
    ]


def pairs(source, target):
    """(Spanish, translated) string pairs of two structures of the same shape."""
    if isinstance(source, str):
        yield source, target
    elif isinstance(source, dict):
        for key, value in source.items():
            if key in target:
                yield from pairs(value, target[key])
    elif isinstance(source, list | tuple):
        for a, b in zip(source, target, strict=False):
            yield from pairs(a, b)


def mapping_for(module):
    table = {}
    for es_text, text in (
        list(pairs(es.COURSE, module.COURSE))
        + list(pairs(es.MODULES[: len(module.MODULES)], module.MODULES))
        + list(module.EXTRA.items())
    ):
        if isinstance(es_text, str) and isinstance(text, str):
            table[es_text] = text
            table[html.escape(es_text, quote=False)] = html.escape(text, quote=False)
            table[html.escape(es_text)] = html.escape(text)
    return table


def fill(translation, table, *, inherit=False, tool_name=""):
    """Store translations for the segments of ``translation`` found in ``table``; with
    ``inherit``, every other segment takes its source text, marked inherited."""
    filled = 0
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = table.get(segment.string.data)
        kind = tool_name
        if text is None and inherit:
            text, kind = segment.string.data, INHERITED
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": text, "translation_type": "manual", "tool_name": kind},
        )
        filled += 1
    return filled


class DemoTranslations:
    def __init__(self, *, progress=lambda message: None):
        self.progress = progress
        # The demo's administrator (load_demo_editorial) acts: submitting needs edit rights.
        self.admin = get_user_model().objects.get(username="administrador")

    def is_loaded(self):
        return Translation.objects.filter(target_locale__language_code="en").exists()

    def build(self):
        for code in LOCALES:
            self.progress(f"locale {code}")
            services.add_locale(code)  # with its groups and review workflow
            self.users(code)
        self.progress("termbase")
        self.termbase()
        course = CoursePage.objects.get(locale=Locale.get_default(), slug=es.COURSE["slug"])
        module_1 = ModulePage.objects.child_of(course).get(number=1)
        module_2 = ModulePage.objects.child_of(course).get(number=2)

        home = course.get_parent().specific
        self.progress("pt-br: home, course and module 1")
        self.translate([home, course, module_1], "pt-br", mapping_for(content_pt_br), publish=True)
        self.progress("pt-br: module 2 submitted, pre-filled from the translation memory")
        # Module 1's approved pt-br segments are in the memory now (published translations feed
        # it): module 2 repeats some (its study materials, its video's description), which the
        # submission pre-fills "from memory" for a person to confirm.
        self.translate([module_2], "pt-br", {}, publish=False)
        self.progress("Spanish module 1 changes: pt-br goes stale")
        self.change_source(module_1)
        self.progress("en: home, course and modules 1–2")
        en_table = mapping_for(content_en)
        self.add_changed_paragraph(en_table, module_1)
        self.translate([home, course, module_1, module_2], "en", en_table, publish=True)
        self.progress("fr: submitted")
        self.translate([course, module_1], "fr", {}, publish=False)
        self.progress("es-mx: two adapted modules")
        for module in (module_1, module_2):
            table = {k: v for k, v in content_es_mx.ADAPTATIONS[module.number].items()}
            self.translate([module], "es-mx", table, publish=True, inherit=True)

    def termbase(self):
        source = Locale.get_default()
        locales = {code: Locale.objects.get(language_code=code) for code in ("en", "pt-br", "fr")}
        for entry in termbase.TERMS:
            term = Term.objects.create(locale=source, term=entry["es"], note=entry["note"])
            for code, locale in locales.items():
                translated = term.copy_for_translation(locale)
                translated.term = entry[code]
                translated.forbidden_variants = "\n".join(entry["forbidden"].get(code, []))
                translated.save()

    def users(self, code):
        User = get_user_model()
        names = DEMO_NAMES.get(code, (("Traductora", code), ("Revisora", code)))
        for (username, group_name), (first, last) in zip(demo_users(code), names, strict=True):
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@example.org", "first_name": first,
                          "last_name": last},
            )  # fmt: skip
            if created:
                user.set_password(f"demo-{username}")
                user.save()
                # They work in their locale's language (es-mx: Spanish).
                set_preferred_language(user, language_for_locale(code))
            user.groups.add(Group.objects.get(name=group_name))

    def translate(self, pages, code, table, *, publish, inherit=False):
        """Submit ``pages`` and their evaluations, fill the strings found in ``table`` and, with
        ``publish``, publish the result as an approved translation."""
        from course_content.models import EvaluationPage

        locale = Locale.objects.get(language_code=code)
        subjects = []
        for page in pages:
            subjects += [page, *page.get_children().type(EvaluationPage).specific()]
        for page in subjects:
            services.submit_for_translation(page=page, locales=[locale], user=self.admin)
        translations = Translation.objects.filter(
            target_locale=locale, source__object_id__in=[page.translation_key for page in subjects]
        ).select_related("source")
        for translation in translations:
            fill(translation, table, inherit=inherit)
            if publish:
                services.publish_translation(translation=translation, user=self.admin)
                # wagtail-localize publishes when the transaction commits (and the memory is fed
                # then); the demo is built in one transaction and later steps reuse the memory.
                memory.feed_translation(translation, user=self.admin)

    def change_source(self, module):
        module = ModulePage.objects.get(pk=module.pk)
        body = module.body
        for block in body:
            if block.block_type == "paragraph":
                changed = block.value.source.replace("</p>", SOURCE_CHANGE + "</p>", 1)
                block.value = type(block.value)(changed)
                break
        module.body = body
        module.save_revision(user=self.admin, log_action=True).publish(user=self.admin)

    def add_changed_paragraph(self, table, module):
        first = es.MODULES[module.number - 1]["sections"][0]["paragraphs"][0]
        english = content_en.MODULES[module.number - 1]["sections"][0]["paragraphs"][0]
        table[first + SOURCE_CHANGE] = english + SOURCE_CHANGE_EN
