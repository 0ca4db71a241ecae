"""Groups, workflows and tasks are named in the language of the people who use them (see
``editorial/roles.py`` and ``translations/roles.py``): rename the former English names.

The tables below are a frozen copy of the names at the time of this migration."""

import re

from django.db import migrations

EDITORIAL_GROUPS = {
    "Editors": "Editores",
    "Subject-matter reviewers": "Revisores de contenido",
    "Publishers": "Publicadores",
    "Administrators": "Administradores",
}
EDITORIAL_WORKFLOWS = {"Editorial review": "Revisión editorial"}
EDITORIAL_TASKS = {
    "Subject-matter review": "Revisión de contenido",
    "Publisher approval": "Aprobación para publicar",
}
ADMIN_LANGUAGES = ["es", "pt-br", "fr", "en"]
LOCALE_NAMES = {
    "es": ("Traductores ({code})", "Revisores de traducción ({code})",
           "Revisión de traducción ({code})"),
    "pt-br": ("Tradutores ({code})", "Revisores de tradução ({code})",
              "Revisão de tradução ({code})"),
    "fr": ("Traducteurs ({code})", "Réviseurs de traduction ({code})",
           "Révision de traduction ({code})"),
    "en": ("Translators ({code})", "Translation reviewers ({code})",
           "Translation review ({code})"),
}  # fmt: skip
FORMER_LOCALE_NAMES = (
    re.compile(r"^Translators \((?P<code>[\w-]+)\)$"),
    re.compile(r"^Translation reviewers \((?P<code>[\w-]+)\)$"),
    re.compile(r"^Translation review \((?P<code>[\w-]+)\)$"),
)


def language_for_locale(code):
    code = code.lower()
    base = code.split("-")[0]
    for language in ADMIN_LANGUAGES:
        if language in (code, base):
            return language
    return next((lang for lang in ADMIN_LANGUAGES if lang.split("-")[0] == base), "es")


def new_name(name):
    for names in (EDITORIAL_GROUPS, EDITORIAL_WORKFLOWS, EDITORIAL_TASKS):
        if name in names:
            return names[name]
    for index, pattern in enumerate(FORMER_LOCALE_NAMES):
        if match := pattern.match(name):
            code = match.group("code")
            return LOCALE_NAMES[language_for_locale(code)][index].format(code=code)
    return None


def rename(apps, schema_editor):
    for app_label, model_name in (("auth", "Group"), ("wagtailcore", "Workflow"),
                                  ("wagtailcore", "Task")):  # fmt: skip
        model = apps.get_model(app_label, model_name)
        names = set(model.objects.values_list("name", flat=True))
        for row in model.objects.all():
            target = new_name(row.name)
            if target and target != row.name and target not in names:
                names.add(target)
                row.name = target
                row.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
