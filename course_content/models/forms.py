"""The admin form every page of the site uses.

It adds three editorial rules to Wagtail's page form:

- placement: pages that define ``placement_errors(parent, values)`` have rules that need the parent
  the editor chose (a page being created has no tree position yet), e.g. "one unit per country";
- a change note, required when the editor submits the page for review, recorded in the page's
  history (see ``editorial.wagtail_hooks``);
- no scheduling in the past: a "go live" date that the editor sets must be in the future;
- no silent overwrite: saving a form loaded from an older revision than the latest is refused
  with a message (Wagtail itself only guards its autosave requests).
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


def is_submission(data):
    """Whether the page editor's POST ``data`` submits the page to its workflow."""
    return any(action in data for action in SUBMIT_ACTIONS)


class CoursePageForm(WagtailAdminPageForm):
    change_note = forms.CharField(
        label=_("Change note"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What changed and why. Required when you submit the page for review."),
    )

    def is_submission(self):
        return is_submission(self.data)

    def overwrites_newer_revision(self):
        """True when the editor loaded an older revision than the latest one (another save
        happened meanwhile); the editor's own autosave is not a conflict."""
        latest = self.instance.latest_revision_id if self.instance.pk else None
        if not latest:
            return False
        seen = {self.data.get("loaded_revision_id"), self.data.get("overwrite_revision_id")}
        seen.discard(None)
        seen.discard("")
        return bool(seen) and str(latest) not in seen

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page
        if parent is not None and hasattr(self.instance, "placement_errors"):
            for field, message in self.instance.placement_errors(
                parent.specific, cleaned_data
            ).items():
                self.add_error(field if field in self.fields else None, message)
        if self.is_submission() and not cleaned_data.get("change_note", "").strip():
            self.add_error("change_note", _("Write a short change note before submitting."))
        if self.overwrites_newer_revision():
            self.add_error(
                None,
                _(
                    "Someone saved a newer version of this page while you were editing it. "
                    "Your changes were not saved: open the page again in another tab to see "
                    "theirs, then apply yours."
                ),
            )
        go_live_at = cleaned_data.get("go_live_at")
        if go_live_at and "go_live_at" in self.changed_data and go_live_at <= timezone.now():
            self.add_error(
                "go_live_at", _("Choose a future date and time to schedule publication.")
            )
        return cleaned_data
