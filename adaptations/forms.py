"""The public request form and the administrators' decision forms."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .languages import language_choices
from .models import AdaptationRequest
from .selectors import module_choices

MAX_LEARNERS = 1_000_000


class RequestForm(forms.Form):
    """``website`` is a honeypot: people never see it (the field is hidden), scripts that fill
    every field do."""

    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    contact_name = forms.CharField(
        label=_("Contact name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    country = forms.ChoiceField(
        label=_("Country of the organisation"),
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )
    language = forms.ChoiceField(
        label=_("Language wanted"),
        error_messages={
            "invalid_choice": _("“%(value)s” is not a language code we know; choose a language "
                                "from the list."),
        },
    )  # fmt: skip
    region = forms.ChoiceField(
        label=_("Region or country of the variant (optional)"),
        required=False,
        help_text=_("For example Portuguese for Brazil, Spanish for Mexico, French for Haiti."),
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )
    audience = forms.CharField(
        label=_("Audience"),
        max_length=2000,
        help_text=_("Who would take the course: professions, institutions (up to 2000 "
                    "characters)."),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
    )  # fmt: skip
    learners = forms.IntegerField(
        label=_("Expected number of learners"), min_value=1, max_value=MAX_LEARNERS
    )
    modules = forms.MultipleChoiceField(
        label=_("Modules"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one module.")},
    )
    adaptations = forms.MultipleChoiceField(
        label=_("What needs adapting"),
        choices=AdaptationRequest.ADAPTATION_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of adaptation.")},
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=3000,
        help_text=_("Anything we should know: laws, institutions, examples to change (up to "
                    "3000 characters)."),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 3000}),
    )  # fmt: skip
    timeline = forms.CharField(
        label=_("Timeline"),
        max_length=200,
        help_text=_("When you would need it, e.g. “first half of 2027”."),
    )
    wants_status_link = forms.BooleanField(
        label=_("Send me a private link to follow the progress of the adaptation"),
        required=False,
        initial=True,
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("We can only consider your request if you agree to this.")},
    )
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every_country = [(country.code, country.name) for country in countries]
        self.fields["country"].choices = [("", _("Choose a country"))] + every_country
        self.fields["country"].widget.attrs["autocomplete"] = "country"
        self.fields["region"].choices = [("", _("No particular region"))] + every_country
        self.fields["language"].choices = [("", _("Choose a language"))] + language_choices()
        self.fields["modules"].choices = module_choices()

    def clean_modules(self):
        return sorted(int(number) for number in self.cleaned_data["modules"])

    @property
    def is_bot(self):
        return bool(self.data.get(self.add_prefix("website"), "").strip())


class NoteField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Note to the requester"),
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("Required: the requester receives it by email, in their language."),
            **kwargs,
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[
            (AdaptationRequest.REVIEW, _("Under review")),
            (AdaptationRequest.DECLINED, _("Declined")),
        ],
    )
    note = NoteField()

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        if current is not None:  # offer only a change
            self.fields["status"].choices = [
                choice for choice in self.fields["status"].choices if choice[0] != current
            ]


class AcceptForm(forms.Form):
    """Accepting: the locale of the project (the language asked for, or its regional variant
    when one is configured) and the note to the requester."""

    locale_code = forms.ChoiceField(label=_("Locale of the translation project"))
    note = NoteField()

    def __init__(self, *args, locale_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale_code"].choices = locale_choices
