"""Admin form base that lets a page validate where it is being placed.

A page being created has no tree position yet, so rules such as "one unit per country in a
module" need the parent the editor chose. Pages that define ``placement_errors(parent, values)``
get those rules checked here (admin) and in their ``clean()`` (code paths outside the admin).
"""

from wagtail.admin.forms import WagtailAdminPageForm


class PlacementValidatingPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page
        if parent is not None:
            errors = self.instance.placement_errors(parent.specific, cleaned_data)
            for field, message in errors.items():
                if field in self.fields:
                    self.add_error(field, message)
                else:
                    self.add_error(None, message)
        return cleaned_data
