"""Wagtail templates with a string that does not go through gettext, overridden in
``templates/wagtailadmin/`` with that one string translated. Each override is Wagtail's template
with these replacements and nothing else (``tests/admin_language`` checks it, so that a Wagtail
upgrade that changes one of them is noticed)."""

OVERRIDES = {
    # The search forms' submit button (visually hidden; screen readers announce it).
    "wagtailadmin/home.html": [
        ('value="Search"', "value=\"{% trans 'Search' %}\""),
    ],
    "wagtailadmin/shared/header.html": [
        ('value="Search"', "value=\"{% trans 'Search' %}\""),
    ],
    # The header's action buttons: a landmark named "Actions".
    "wagtailadmin/shared/headers/_actions.html": [
        ("{# Actions divider #}", "{% load i18n %}{# Actions divider #}"),
        ('aria-label="Actions"', "aria-label=\"{% trans 'Actions' %}\""),
    ],
    # Any column whose value is a boolean (the Termbase's "to translate"): Python's True/False.
    "wagtailadmin/tables/cell.html": [
        (
            "{% if value is not None %}{{ value }}{% endif %}",
            "{% if value is True or value is False %}{{ value|yesno|capfirst }}"
            "{% elif value is not None %}{{ value }}{% endif %}",
        ),
    ],
    # Yes/no columns: the icon's title was Python's "True" / "False" / "None".
    "wagtailadmin/tables/boolean_cell.html": [
        ("{% load wagtailadmin_tags %}", "{% load wagtailadmin_tags i18n %}"),
        (
            "{% icon title=value|stringformat:'s' name=\"help\"",
            '{% icon title=_("Unknown") name="help"',
        ),
        (
            "{% icon title=value|stringformat:'s' name=\"check\"",
            '{% icon title=_("Yes") name="check"',
        ),
        (
            "{% icon title=value|stringformat:'s' name=\"cross\"",
            '{% icon title=_("No") name="cross"',
        ),
    ],
}
