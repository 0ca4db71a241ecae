"""Forms of the public site (applying, signing in, passwords, erasure) and of the admin's
decisions."""

from django import forms
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from learning.models import Application

from . import services


class ApplicationForm(forms.ModelForm):
    """An application to one edition. ``website`` is a honeypot: people never see it (it is
    not displayed), scripts that fill every field do."""

    email = forms.EmailField(
        label=_("Email"),
        max_length=150,
        help_text=_("We write to you here, and it will be your sign-in name."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    country = forms.ChoiceField(label=_("Country"))
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("We can only review your application if you agree to this.")},
    )
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Application
        fields = ["name", "email", "organisation", "country", "role", "motivation"]
        labels = {
            "name": _("Full name"),
            "organisation": _("Organisation"),
            "role": _("Profession or role"),
            "motivation": _("Why do you want to take this course?"),
        }
        help_texts = {
            "role": _("For example: social worker, public defender, teacher."),
            "motivation": _(
                "A few lines about your work and what you expect (up to 3000 characters)."
            ),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "motivation": forms.Textarea(attrs={"rows": 6, "maxlength": 3000}),
        }

    def __init__(self, *args, edition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        # Every country of the world, named and sorted in the visitor's language.
        self.fields["country"].choices = [("", _("Choose your country"))] + [
            (country.code, country.name) for country in countries
        ]
        self.fields["country"].widget.attrs["autocomplete"] = "country"

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if self.edition is not None and services.duplicate_exists(
            edition=self.edition, email=email
        ):
            raise forms.ValidationError(services.DUPLICATE_MESSAGE, code="duplicate")
        return email

    @property
    def is_bot(self):
        return bool(self.data.get(self.add_prefix("website"), "").strip())


class LearnerAuthenticationForm(AuthenticationForm):
    """Sign in with one's email address (or username). Django's form calls
    ``authenticate(request, …)``, so login throttling (django-axes) applies."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Email or username")
        self.fields["username"].widget.attrs["autocomplete"] = "username"

    def clean(self):
        typed = (self.cleaned_data.get("username") or "").strip()
        if typed:
            # Learners' usernames are their email addresses in lower case; whatever case they
            # type, and their email address when their username is another (a staff account).
            User = get_user_model()
            matches = list(User.objects.filter(username__iexact=typed)[:2])
            if not matches and "@" in typed:
                matches = list(User.objects.filter(email__iexact=typed)[:2])
            if len(matches) == 1:
                self.cleaned_data["username"] = matches[0].get_username()
        return super().clean()


class LearnerPasswordResetForm(PasswordResetForm):
    """Django's reset form, also for learners who have never set a password (an approval
    email whose link expired)."""

    def get_users(self, email):
        User = get_user_model()
        return (
            user
            for user in User._default_manager.filter(email__iexact=email, is_active=True)
            if user.email
        )


class ErasureForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        # authenticate(), not check_password(): failed confirmations count towards throttling.
        confirmed = authenticate(self.request, username=self.user.get_username(), password=password)
        if confirmed is None or confirmed.pk != self.user.pk:
            raise forms.ValidationError(_("That is not your password."), code="password")
        return password


class ApprovalForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Kept with the decision; not sent to the applicant."),
    )


class RejectionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required: the applicant receives it with the decision."),
    )
