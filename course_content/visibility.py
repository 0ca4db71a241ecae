"""Live-and-public filtering shared by the pages of one request."""


class Visible:
    """Filters page querysets to live, public pages, reading view restrictions only once.

    Wagtail's ``PageQuerySet.public()`` queries the restrictions each time it is called; a
    listing that filters several querysets shares one ``Visible`` instead.
    """

    def __init__(self):
        self._private_q = None

    def __call__(self, queryset):
        if self._private_q is None:
            self._private_q = queryset.private_q()
        return queryset.live().exclude(self._private_q)
