"""Countries of the Americas (ISO 3166-1 alpha-2) used by country units and resources.

Names are translatable UI strings; the codes are what the database stores.
"""

from django.utils.translation import gettext_lazy as _

AMERICAS = {
    "AG": _("Antigua and Barbuda"),
    "AR": _("Argentina"),
    "BB": _("Barbados"),
    "BO": _("Bolivia"),
    "BR": _("Brazil"),
    "BS": _("Bahamas"),
    "BZ": _("Belize"),
    "CA": _("Canada"),
    "CL": _("Chile"),
    "CO": _("Colombia"),
    "CR": _("Costa Rica"),
    "CU": _("Cuba"),
    "DM": _("Dominica"),
    "DO": _("Dominican Republic"),
    "EC": _("Ecuador"),
    "GD": _("Grenada"),
    "GT": _("Guatemala"),
    "GY": _("Guyana"),
    "HN": _("Honduras"),
    "HT": _("Haiti"),
    "JM": _("Jamaica"),
    "KN": _("Saint Kitts and Nevis"),
    "LC": _("Saint Lucia"),
    "MX": _("Mexico"),
    "NI": _("Nicaragua"),
    "PA": _("Panama"),
    "PE": _("Peru"),
    "PY": _("Paraguay"),
    "SR": _("Suriname"),
    "SV": _("El Salvador"),
    "TT": _("Trinidad and Tobago"),
    "US": _("United States"),
    "UY": _("Uruguay"),
    "VC": _("Saint Vincent and the Grenadines"),
    "VE": _("Venezuela"),
}

COUNTRY_CHOICES = list(AMERICAS.items())  # ordered by code; sort by name where shown


def country_name(code):
    return AMERICAS.get(code, code)
