import json

from django import template
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("translations/editor_summary.html", takes_context=True)
def translation_summary(context, translation):
    """What the translator and the reviewer need to know, shown above wagtail-localize's editor:
    stale and new segments, machine-translated segments awaiting a person, QA findings, and, for
    a reviewer while the translation awaits them, their review actions."""
    from translations.qa import BLOCKING, WARNING, findings_for, load_segments
    from translations.selectors import segment_states

    rows = load_segments([translation])
    counts = segment_states([translation], rows)[translation.pk]
    findings = findings_for(translation, rows)
    request = context.get("request")
    page = context.get("instance") if context.get("is_page") else None
    return {
        "request": request,
        "translation": translation,
        "counts": counts,
        "findings": findings,
        "blocking": [finding for finding in findings if finding.kind in BLOCKING],
        "errors": [finding for finding in findings if finding.severity != WARNING],
        "review": review_actions(page, request.user) if page and request else None,
    }


def review_actions(page, user):
    """The workflow actions ``user`` may take on ``page`` now (as Wagtail's own menus list them),
    with their URLs; None when there are none."""
    from django.urls import reverse

    task_state = page.current_workflow_task_state
    if task_state is None:
        return None
    task = task_state.task.specific
    actions = [
        {
            "name": name,
            "label": label,
            "modal": modal,
            "url": reverse(
                "wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk]
            ),
        }
        for name, label, modal in task.get_actions(page, user)
    ]
    return {"task": task, "actions": actions} if actions else None


# Languages as named within a sentence ("Publish in …"), in the interface's language.
SENTENCE = "language name within a sentence"
LANGUAGE_NAMES = {
    "es": pgettext_lazy(SENTENCE, "Spanish"),
    "es-mx": pgettext_lazy(SENTENCE, "Mexican Spanish"),
    "en": pgettext_lazy(SENTENCE, "English"),
    "pt-br": pgettext_lazy(SENTENCE, "Brazilian Portuguese"),
    "fr": pgettext_lazy(SENTENCE, "French"),
}


def language_name(locale):
    """``locale``'s language named in the interface's language ("portugués de Brasil" in a Spanish
    interface); Django's name for languages we do not name; its display name as a last resort."""
    code = locale["code"]
    if code in LANGUAGE_NAMES:
        return str(LANGUAGE_NAMES[code])
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return locale["displayName"]


@register.filter
def localized_editor_props(props):
    """wagtail-localize's editor props (JSON) with the source and target languages named in the
    interface's language (its "Publish in " button and "Uses … version" notes read them)."""
    data = json.loads(props)
    for key in ("sourceLocale", "locale"):
        if isinstance(data.get(key), dict):
            data[key]["displayName"] = language_name(data[key])
    return json.dumps(data)


@register.simple_tag
def editor_labels(props):
    """{English: translated} for the editor's strings that no catalog translates: its action
    menu's "More actions" and each section's "<source> to <target> translation" title
    (``translations/js/translation-editor.js`` puts them in place)."""
    data = json.loads(props)
    source, target = data["sourceLocale"]["displayName"], data["locale"]["displayName"]
    return {
        "More actions": _("More actions"),
        f"{source} to {target} translation": _("Translation from %(source)s into %(target)s")
        % {"source": source, "target": target},
    }
