"""Who may read what: the one rule every surface asks (pages, listings, the API, documents,
search).

**Editions.** An edition is a ``CoursePage``; its translations are the same edition in other
languages, and learners are enrolled in the source (Spanish) page. *Studying* an edition means
reading its module bodies, country units and evaluations; studying any edition also opens the
learner-only resources and their files. The course overview — the course page, and each module's
title, number, summary and hours — is public whatever the edition's ``access`` says:

- ``open``: anyone studies it;
- ``registered``: any signed-in person;
- ``enrolled`` (the default): learners with an active or completed enrolment in the edition.

People who work on the content in the admin (``wagtailadmin.access_admin``) study every edition.

**Wagtail's view restrictions follow a page into every locale.** A password, login or group
restriction on a page applies to the page's translations and aliases in other locales (and to
their subtrees) as it does to the page's own subtree: Wagtail itself only looks at the page's
own tree (wagtail#11015).

**Documents** are readable when some live page a reader may study uses them (the reference index
knows which), and only then: a file used only inside a module body is the learners'. A document
no live page uses is for the people who edit content. Wagtail's collection restrictions still
apply when a document is served.

``Reader(request)`` answers for one request and is what ``course_content.visibility.visible_for``
gives every page, listing and API answer of it (``page_visibility`` hook).
"""

from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.documents.models import AbstractDocument
from wagtail.models import (
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)

from course_content.models import CountryUnitPage, CoursePage, EvaluationPage, ResourcePage
from course_content.models.course import ACCESS_OPEN, ACCESS_REGISTERED
from course_content.visibility import Visible

from .models import Enrolment

STUDY_ONLY = (CountryUnitPage, EvaluationPage)  # pages of an edition that only learners read
STUDYING = [Enrolment.ACTIVE, Enrolment.COMPLETED]


def source_edition(course):
    """The source-locale page of the edition ``course`` (a ``CoursePage`` in any locale)."""
    default = Locale.get_default()
    if course.locale_id == default.pk:
        return course
    return CoursePage.objects.get(translation_key=course.translation_key, locale=default)


def is_staff(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def enrolment_for(user, course):
    """The user's enrolment in the edition of ``course`` that lets them study it, or None."""
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(
            user=user, course__translation_key=course.translation_key, status__in=STUDYING
        )
        .select_related("course")
        .first()
    )


def may_study(user, course):
    """Whether ``user`` may study the edition of ``course`` (a ``CoursePage`` in any locale)."""
    if course.access == ACCESS_OPEN or is_staff(user):
        return True
    if course.access == ACCESS_REGISTERED:
        return user.is_authenticated
    return enrolment_for(user, course) is not None


def _under(path, roots):
    return any(path.startswith(root) for root in roots)


class Reader(Visible):
    """What the person behind ``request`` may read (each fact is read once per request)."""

    def __init__(self, request):
        super().__init__()
        self.request = request
        self.user = request.user

    # --- facts -------------------------------------------------------------------------------

    @cached_property
    def staff(self):
        return is_staff(self.user)

    @cached_property
    def enrolled_editions(self):
        """Translation keys of the editions the user is enrolled in."""
        if not self.user.is_authenticated:
            return set()
        enrolments = Enrolment.objects.filter(user=self.user, status__in=STUDYING)
        return set(enrolments.values_list("course__translation_key", flat=True))

    def studies(self, access, translation_key):
        if access == ACCESS_OPEN or self.staff:
            return True
        if access == ACCESS_REGISTERED:
            return self.user.is_authenticated
        return translation_key in self.enrolled_editions

    @cached_property
    def editions(self):
        """``(path, studied)`` of every edition page, in every locale (a handful of rows)."""
        rows = CoursePage.objects.values_list("path", "translation_key", "access")
        return [(path, self.studies(access, key)) for path, key, access in rows]

    @cached_property
    def unstudied_editions(self):
        return [path for path, studied in self.editions if not studied]

    @cached_property
    def studies_any(self):
        return any(studied for _path, studied in self.editions)

    @cached_property
    def hidden_resources(self):
        """Learner-only resources this reader may not open, in every locale (a resource marked
        learner-only in one locale is so in all: the mark follows it like a restriction). They
        belong to the editions of their related modules, or to every edition without any."""
        marked = ResourcePage.objects.filter(learners_only=True).values("translation_key")
        learners_only = ResourcePage.objects.filter(translation_key__in=marked)
        opened = Q()
        for path, studied in self.editions:
            if studied:
                opened |= Q(related_modules__path__startswith=path)
        if self.studies_any:
            opened |= Q(related_modules=None)
        if not opened:
            return learners_only
        opened_keys = learners_only.filter(opened).values("translation_key")
        return learners_only.exclude(translation_key__in=opened_keys)

    @cached_property
    def hidden_resource_ids(self):
        """Ids of ``hidden_resources`` (read once per request: an API listing asks per item)."""
        return set(self.hidden_resources.values_list("pk", flat=True))

    @cached_property
    def denied_collections(self):
        """Paths of the collections whose view restriction this request has not passed (their
        sub-collections are restricted too)."""
        restrictions = CollectionViewRestriction.objects.select_related(
            "collection"
        ).prefetch_related("groups")
        return [r.collection.path for r in restrictions if not r.accept_request(self.request)]

    @cached_property
    def denied_roots(self):
        """Paths of the pages, in every locale, whose subtree is behind a view restriction this
        request has not passed: the restricted pages, their translations and their aliases."""
        denied = [r for r in self.view_restrictions if not r.accept_request(self.request)]
        if not denied:
            return []
        keys = {restriction.page.translation_key for restriction in denied}
        pages = Page.objects.filter(
            Q(translation_key__in=keys) | Q(alias_of__translation_key__in=keys)
        )
        return list(pages.values_list("path", flat=True))

    def denied_restriction(self, page):
        """The view restriction (on this page or an ancestor, in any locale) that keeps this
        request from ``page``, or None."""
        if not _under(page.path, self.denied_roots):
            return None
        keys = page.get_ancestors(inclusive=True).values_list("translation_key", flat=True)
        aliased = page.get_ancestors(inclusive=True).exclude(alias_of=None).values("alias_of")
        restrictions = PageViewRestriction.objects.filter(
            Q(page__translation_key__in=keys) | Q(page__in=aliased)
        ).order_by("page__depth")
        return next((r for r in restrictions if not r.accept_request(self.request)), None)

    @cached_property
    def study_only_types(self):
        return [ContentType.objects.get_for_model(model).pk for model in STUDY_ONLY]

    # --- the rule ----------------------------------------------------------------------------

    def readable_q(self, prefix=""):
        """Live pages outside the denied restrictions, the unstudied editions' study-only pages
        and the hidden resources, as a ``Q`` on ``prefix`` (``"page__"`` for rows that point to
        pages)."""
        hidden = Q()
        for root in self.denied_roots:
            hidden |= Q(**{f"{prefix}path__startswith": root})
        for root in self.unstudied_editions:
            hidden |= Q(
                **{
                    f"{prefix}path__startswith": root,
                    f"{prefix}content_type_id__in": self.study_only_types,
                }
            )
        if not self.staff:  # a subquery (no query of its own), cheap with its partial index
            hidden |= Q(**{f"{prefix}pk__in": self.hidden_resources.values("pk")})
        live = Q(**{f"{prefix}live": True})
        return live & ~hidden if hidden else live

    def unstudied_q(self, prefix=""):
        """The pages inside an edition the reader does not study, but not the edition's own
        page (the course overview is public: ``may_study``)."""
        q = Q()
        for root in self.unstudied_editions:
            q |= Q(**{f"{prefix}path__startswith": root}) & ~Q(**{f"{prefix}path": root})
        return q or super().unstudied_q(prefix)

    def may_read(self, page):
        if _under(page.path, self.denied_roots):
            return False
        specific = page.specific_class
        if issubclass(specific, STUDY_ONLY):
            return not _under(page.path, self.unstudied_editions)
        if issubclass(specific, ResourcePage) and not self.staff:
            return page.pk not in self.hidden_resource_ids
        return True

    def may_study(self, page):
        return self.may_read(page) and not self._inside_unstudied_edition(page)

    def _inside_unstudied_edition(self, page):
        if issubclass(page.specific_class, CoursePage):
            return False  # the course overview is public
        return _under(page.path, self.unstudied_editions)

    def may_read_document(self, document):
        return self.readable_documents([document.pk], model=type(document)) == {document.pk}

    def readable_documents(self, ids, *, model):
        """Of the documents (or images: ``model``) ``ids``, those this reader may open (three
        queries whatever their number)."""
        ids = set(ids)
        if ids and self.denied_collections and issubclass(model, AbstractDocument):
            paths = model.objects.filter(pk__in=ids).values_list("pk", "collection__path")
            ids -= {pk for pk, path in paths if _under(path, self.denied_collections)}
        if self.staff or not ids:
            return ids
        references = ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(model),
            to_object_id__in=[str(pk) for pk in ids],
            base_content_type=ContentType.objects.get_for_model(Page),
        ).values_list("to_object_id", "object_id")
        users = {}
        for target, page_id in references:
            users.setdefault(int(page_id), set()).add(int(target))
        readable = set()
        for page in self(Page.objects.filter(pk__in=users)).only("id", "path", "content_type"):
            # The filter has left the pages outside restrictions and the resources this reader
            # may open; what remains is whether their whole content is the reader's to study.
            if not self._inside_unstudied_edition(page):
                readable |= users[page.pk]
        return readable & ids


def reader_for(request):
    return Reader(request)
