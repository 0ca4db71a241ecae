"""What one reader may see: the filter every listing, page and API answer of a request shares.

``Visible`` is the content app's own rule: live pages outside Wagtail's view restrictions, every
page readable in full. An app that adds rules of its own (``learning``: who may study an edition,
restrictions that follow a page into its translations and aliases) registers a
``page_visibility`` hook returning its own ``Visible`` for a request; ``visible_for(request)``
asks it once per request.
"""

from functools import cached_property

from django.db.models import Q
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction


class Visible:
    """Filters page querysets to live, public pages, reading view restrictions only once.

    Wagtail's ``PageQuerySet.public()`` queries the restrictions each time it is called; a
    listing that filters several querysets shares one ``Visible`` instead.

    ``readable_q(prefix)``, ``unstudied_q(prefix)`` and ``studied_q(prefix)`` give the same rule
    as a ``Q`` over a relation to the page (``prefix="page__"``): a query over rows that point
    to pages (the search index's) applies it with a join, its facts read once per request.
    """

    def __call__(self, queryset):
        return queryset.filter(self.readable_q())

    def readable_q(self, prefix=""):
        """The pages that may be shown at all (``may_read``), as a ``Q`` on ``prefix``."""
        q = Q(**{f"{prefix}live": True})
        for path in {restriction.page.path for restriction in self.view_restrictions}:
            q &= ~Q(**{f"{prefix}path__startswith": path})
        return q

    def unstudied_q(self, prefix=""):
        """Of the readable pages, those whose whole content may not be shown (``may_study``
        is false), as a ``Q``: none here."""
        return Q(**{f"{prefix}pk__in": []})

    def studied_q(self, prefix=""):
        """The pages whose whole content may be shown (``may_study``), as a ``Q``."""
        return self.readable_q(prefix) & ~self.unstudied_q(prefix)

    @cached_property
    def view_restrictions(self):
        """Every page view restriction, with its page and groups (read once per request)."""
        return list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))

    def visible_pages(self, pages):
        """Of ``pages`` (read without this filter), those it keeps, in their order (one query,
        none for no pages)."""
        pages = list(pages)
        if not pages:
            return []
        kept = set(
            self(Page.objects.filter(pk__in={page.pk for page in pages})).values_list(
                "pk", flat=True
            )
        )
        return [page for page in pages if page.pk in kept]

    def may_read(self, page):
        """Whether the page may be shown at all (a served page passed Wagtail's own checks)."""
        return True

    def may_study(self, page):
        """Whether the page's whole content may be shown (a module's body, not only its
        overview)."""
        return True

    def may_read_document(self, document):
        return True

    def readable_documents(self, ids, *, model):
        """Of the documents (or images: ``model``) ``ids``, those this reader may open."""
        return set(ids)


def visible_for(request):
    """The ``Visible`` of ``request`` (computed once per request)."""
    if request is None:
        return Visible()
    visible = getattr(request, "_course_visible", None)
    if visible is None:
        hook = next(iter(hooks.get_hooks("page_visibility")), None)
        visible = hook(request) if hook else Visible()
        request._course_visible = visible
    return visible
