"""The editorial rules of the page editor, added to every page type's own form.

- a change note, required when the editor submits the page for review (recorded in the page's
  history by ``wagtail_hooks.record_change_note``);
- no scheduling in the past: a "go live" date that the editor sets must be in the future;
- no silent overwrite: a save is refused when someone else saved the page after the editor opened
  it. The editor's own autosaves never count (Wagtail 8 autosaves the form while they type), and
  the rule agrees with Wagtail's own check of autosave requests (``is_out_of_date`` in its edit
  view). The page editor (``editorial.editing``) runs the check and the write under one lock.

Content apps know nothing of these rules: ``editorial_edit_handler`` adds them, and the change
note's panel, to a page type's edit handler, for the editor views of ``editorial.editing``.
"""

from functools import cache

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, TabbedInterface
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, Revision

SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


def is_submission(data):
    """Whether the page editor's POST ``data`` submits the page to its workflow."""
    return any(action in data for action in SUBMIT_ACTIONS)


def newer_revision_by_someone_else(page_id, data, user):
    """The revision that makes saving the editor's POST ``data`` an overwrite, or None.

    ``data`` carries what the form was loaded from (``loaded_revision_id`` and its
    ``loaded_revision_created_at``); in Wagtail's autosave requests, the revision this editing
    session autosaves into (``overwrite_revision_id``); and, when the person chose to save anyway
    after Wagtail's "<someone> saved a new version" warning, the newest revision it was about
    (``overwrite_confirmed_revision_id``): the people who had saved up to it may be overwritten.
    Read inside the page lock, so that it sees every save committed before this one.
    """
    latest_id = Page.objects.filter(pk=page_id).values_list("latest_revision_id", flat=True).first()
    if not latest_id:
        return None
    revisions = Revision.page_revisions.filter(object_id=str(page_id))
    if overwrite_id := data.get("overwrite_revision_id"):
        # An autosave request: this session's own revision must still be the latest (Wagtail).
        if overwrite_id == str(latest_id):
            return None
        return revisions.filter(pk=latest_id).first()
    loaded_id = data.get("loaded_revision_id", "")
    if not loaded_id.isdigit():
        return None
    others = revisions.exclude(user=user) if user.pk else revisions
    newer = others.filter(pk__gt=int(loaded_id))
    confirmed_id = data.get("overwrite_confirmed_revision_id", "")
    if confirmed_id.isdigit():
        warned_about = newer.filter(pk__lte=int(confirmed_id), user__isnull=False)
        newer = newer.exclude(user__in=warned_about.values("user"))
    if newest := newer.order_by("-pk").first():
        return newest
    # The loaded revision itself rewritten since, by another person's autosave.
    loaded = others.filter(pk=int(loaded_id)).first()
    loaded_at = data.get("loaded_revision_created_at")
    if loaded is not None and loaded_at and loaded.created_at.isoformat() != loaded_at:
        return loaded
    return None


class EditorialRules(forms.Form):
    """Mixed into a page type's form by ``editorial_form_class``."""

    change_note = forms.CharField(
        label=_("Change note"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What changed and why. Required when you submit the page for review."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if is_submission(self.data) and not cleaned_data.get("change_note", "").strip():
            self.add_error("change_note", _("Write a short change note before submitting."))
        if self.instance.pk and self.for_user is not None:
            newer = newer_revision_by_someone_else(self.instance.pk, self.data, self.for_user)
            if newer is not None:
                self.add_error(None, conflict_message(newer))
        go_live_at = cleaned_data.get("go_live_at")
        if go_live_at and "go_live_at" in self.changed_data and go_live_at <= timezone.now():
            self.add_error(
                "go_live_at", _("Choose a future date and time to schedule publication.")
            )
        return cleaned_data


def conflict_message(revision):
    who = get_user_display_name(revision.user) if revision.user else gettext("Someone")
    return gettext(
        "%(who)s saved a newer version of this page (%(when)s) while you were editing it. Your "
        "changes were not saved and are still in this form: open the page again in another tab "
        "to see theirs, then save yours."
    ) % {
        "who": who,
        "when": date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT"),
    }


@cache
def editorial_form_class(base_form_class):
    return type(base_form_class)(
        f"Editorial{base_form_class.__name__}", (EditorialRules, base_form_class), {}
    )


@cache
def editorial_edit_handler(page_class):
    """``page_class``'s edit handler with the change note at the end of its first tab and the
    editorial rules in its form."""
    handler = page_class.get_edit_handler()
    tabbed = isinstance(handler, TabbedInterface)
    first = handler.children[0] if tabbed else handler
    note = FieldPanel("change_note", heading=_("Change note"))
    first = type(first)(**{**first.clone_kwargs(), "children": [*first.children, note]})
    form_class = editorial_form_class(handler.base_form_class or page_class.base_form_class)
    if tabbed:
        children = [first, *handler.children[1:]]
        handler = type(handler)(**{**handler.clone_kwargs(), "children": children})
    else:
        handler = first
    handler.base_form_class = form_class
    return handler.bind_to_model(page_class)
