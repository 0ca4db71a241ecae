"""The admin form every page of the site uses.

Pages that define ``placement_errors(parent, values)`` have rules that need the parent the editor
chose (a page being created has no tree position yet), e.g. "one unit per country". The
editorial rules (change note, conflicts, scheduling) are added by the ``editorial`` app.
"""

from wagtail.admin.forms import WagtailAdminPageForm


class CoursePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page
        if parent is not None and hasattr(self.instance, "placement_errors"):
            for field, message in self.instance.placement_errors(
                parent.specific, cleaned_data
            ).items():
                self.add_error(field if field in self.fields else None, message)
        return cleaned_data
