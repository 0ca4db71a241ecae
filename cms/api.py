"""The headless read API: Wagtail API v2 with our additions.

- ``/api/v2/pages/``: every page type with its fields (StreamField as JSON), ``?locale=`` validated
  (an unknown locale answers 400, not 404), and a ``translations`` meta field on detail views.
- ``/api/v2/outline/``: live courses; ``/api/v2/outline/<id>/``: a course's whole outline
  (modules, hours, country units, evaluation ids) in one call and a fixed number of queries.
- ``/api/v2/images/`` and ``/api/v2/documents/``.

Each reader sees what the site shows them (``visible_for(request)``, the course's access rule):
live pages outside view restrictions; a module's content, its country units and its evaluation
only to those who may study it (others get its overview); documents and images only when a page
they may read in full uses them. Bad parameters answer 400 with ``{"message": ...}``: every
parameter is checked before it reaches the database or the search backend (``RequestChecks``):
no null characters, no value longer than ``MAX_PARAMETER_LENGTH``, a search of at most
``MAX_SEARCH_LENGTH`` characters and ``MAX_SEARCH_TERMS`` words with its quotes closed,
``search_operator`` ``and`` or
``or``, ids and offsets as integers the database can hold, field filters as values of their field
(``?estimated_hours=abc`` or a date that is not one). Absolute
links (``detail_url``, ``html_url``, ``download_url``, ``outline_url``) use ``WAGTAILAPI_BASE_URL``
when it is set, and otherwise the scheme, host and port of the request (Wagtail's own fields would
use the Site's root URL, ``http://localhost`` in the demo, whatever port the server runs on).
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.urls import path
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    DetailUrlField,
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField, DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page

from course_content.blocks import chooser_batch
from course_content.models import (
    CountryUnitPage,
    CoursePage,
    EvaluationPage,
    ModulePage,
    ModuleRelatedResource,
    ResourcePage,
)
from course_content.selectors import course_outline
from course_content.visibility import visible_for
from translations.safe_html import api_serializer_fields

MAX_PARAMETER_LENGTH = 1000
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_TERMS = 20
SEARCH_OPERATORS = ("and", "or")
# Parameters that name a row or a position: non-negative integers the database can hold.
INTEGER_PARAMETERS = ("id", "child_of", "ancestor_of", "descendant_of", "translation_of")
MAX_OFFSET = 2_147_483_647


def integer_limit(field):
    """The largest value the database holds in ``field`` (an integer field or a relation)."""
    field = getattr(field, "target_field", field)
    return connection.ops.integer_field_range(field.get_internal_type())[1]


def check_integer(name, value, maximum):
    """``value`` (a string or an int) as an int in 0..maximum, or a 400 saying what is wrong."""
    text = str(value)
    if not text.isascii() or not text.isdigit():
        raise BadRequestError(f"{name} must be a positive integer")
    number = int(text)
    if number > maximum:
        raise BadRequestError(f"{name} must be a positive integer no larger than {maximum}")
    return number


def check_query(query, model):
    """400 for any query parameter that the database or the search backend cannot take."""
    search = query.get("search")
    if search is not None and "\x00" not in search:
        if len(search) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search is too long (at most {MAX_SEARCH_LENGTH} characters)")
        if len(search.split()) > MAX_SEARCH_TERMS:
            raise BadRequestError(f"search has too many words (at most {MAX_SEARCH_TERMS})")
        if search.count('"') % 2:
            # A phrase search ("...") left open: SQLite's full-text index cannot parse it.
            raise BadRequestError('search has an unclosed quote (")')
    for name, values in query.lists():
        if "\x00" in name or len(name) > 100:
            raise BadRequestError("query parameter names must be short and printable")
        for value in values:
            if "\x00" in value:
                raise BadRequestError(f"null characters are not allowed in {name}")
            if len(value) > MAX_PARAMETER_LENGTH:
                raise BadRequestError(
                    f"{name} is too long (at most {MAX_PARAMETER_LENGTH} characters)"
                )
    operator = query.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")
    id_limit = integer_limit(model._meta.pk)
    for name in INTEGER_PARAMETERS:
        if name in query:
            check_integer(name, query[name], id_limit)
    if "offset" in query:
        check_integer("offset", query["offset"], MAX_OFFSET)


class RequestChecks:
    """Checks every request's parameters (and an id in the path) before the view runs."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query(request.GET, self.model)
        if "pk" in kwargs:
            check_integer("id", kwargs["pk"], integer_limit(self.model._meta.pk))


class ValidatedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (``?number=3``), each value checked against its field first."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(field, (TaggableManager, models.BooleanField)):
                continue  # Wagtail parses these itself, with a 400 of its own
            target = getattr(field, "target_field", field) if field.is_relation else field
            try:
                target.run_validators(target.to_python(value))
            except (ValidationError, ValueError, TypeError) as error:
                detail = " ".join(getattr(error, "messages", [str(error)]))
                raise BadRequestError(f"{name}: not a valid value ({detail})") from error
        return super().filter_queryset(request, queryset, view)


def with_checked_filters(backends):
    return [
        ValidatedLocaleFilter
        if backend is LocaleFilter
        else ValidatedFieldsFilter
        if backend is FieldsFilter
        else backend
        for backend in backends
    ]


def absolute_url(request, url):
    """``url`` on the configured public base URL, or else on the request's scheme, host and port."""
    if url.startswith(("http://", "https://")):
        return url
    base_url = getattr(settings, "WAGTAILAPI_BASE_URL", None)
    if base_url:
        return base_url.rstrip("/") + url
    return request.build_absolute_uri(url)


def page_url(request, page):
    """The absolute public address of ``page`` (see ``absolute_url``)."""
    url = page.get_url(request)
    return absolute_url(request, url) if url else None


class RequestDetailUrlField(DetailUrlField):
    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField
        return absolute_url(self.context["request"], path)


class RequestPageHtmlUrlField(PageHtmlUrlField):
    def to_representation(self, page):
        return page_url(self.context["request"], page)


class RequestDocumentDownloadUrlField(DocumentDownloadUrlField):
    def to_representation(self, document):
        return absolute_url(self.context["request"], document.url)


def _locale_from(request):
    code = request.GET.get("locale")
    if code is None:
        return None
    try:
        return Locale.objects.get(language_code=code)
    except Locale.DoesNotExist as error:
        raise BadRequestError(unknown_locale_message(code)) from error


def unknown_locale_message(code):
    """The API's answer to ``?locale=`` naming no locale (the pages API and the search API)."""
    available = ", ".join(
        Locale.objects.order_by("language_code").values_list("language_code", flat=True)
    )
    return f"locale '{code[:50]}' does not exist; available locales: {available}"


class ValidatedLocaleFilter(BaseFilterBackend):
    """``?locale=``: like Wagtail's filter, but an unknown locale is a 400, not a 404."""

    def filter_queryset(self, request, queryset, view):
        locale = _locale_from(request)
        if locale is None:
            return queryset
        filtered_by_child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale=locale)
        if filtered_by_child_of:
            queryset._filtered_by_child_of = filtered_by_child_of
        return queryset


class PageTranslationsField(serializers.Field):
    """Links to the live, public translations of a page (itself excluded)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        request = self.context["request"]
        router = self.context["router"]
        translations = (
            visible_for(request)(page.get_translations())
            .select_related("locale")
            .order_by("locale")
        )
        return [
            {
                "id": translation.pk,
                "locale": translation.locale.language_code,
                "title": translation.title,
                "detail_url": absolute_url(
                    request, router.get_object_detail_urlpath(type(page), translation.pk)
                ),
                "html_url": page_url(request, translation),
            }
            for translation in translations
        ]


class _LinkedPageField:
    """The parent and alias_of meta fields, with links on the request's host."""

    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=CoursePageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class ParentField(_LinkedPageField, PageParentField):
    pass


class AliasOfField(_LinkedPageField, PageAliasOfField):
    pass


# What each page type's API fields read from other tables (see ``get_queryset``).
LISTING_RELATED = {
    ModulePage: {
        "prefetch": [
            Prefetch(
                "related_resources",
                queryset=ModuleRelatedResource.objects.select_related("resource__locale"),
            )
        ],
    },
    ResourcePage: {
        "select": ["document", "captions", "image"],
        "prefetch": ["related_modules", "countries"],
    },
}


def course_pass_mark():
    """An evaluation's course's pass mark (its grandparent: ``EvaluationPage.parent_page_types``),
    for ``effective_pass_mark`` without a query per evaluation."""
    steps = 2 * Page.steplen
    return Subquery(
        CoursePage.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - steps)
        ).values("pass_mark")[:1]
    )


def readable_page_ids(context):
    """Ids of the resources the request's reader may read: read once per request, for every
    module's related resources in a listing."""
    if "readable_resources" not in context:
        visible = visible_for(context["request"])
        context["readable_resources"] = set(
            visible(ResourcePage.objects.all()).values_list("pk", flat=True)
        )
    return context["readable_resources"]


class CoursePageSerializer(PageSerializer):
    # Rich text (fields and StreamField blocks) is cleaned on its way out, whatever is stored.
    serializer_field_mapping = {
        **PageSerializer.serializer_field_mapping,
        **api_serializer_fields(),
    }
    detail_url = RequestDetailUrlField(read_only=True)
    html_url = RequestPageHtmlUrlField(read_only=True)
    parent = ParentField(read_only=True)
    alias_of = AliasOfField(read_only=True)
    translations = PageTranslationsField(read_only=True)

    def to_representation(self, page):
        """A page as its reader may see it: without the content that is for the course's
        learners (``study_api_fields``) unless they may study it, and without links to pages
        they may not read."""
        data = super().to_representation(page)
        visible = visible_for(self.context["request"])
        if not visible.may_study(page):
            for name in getattr(page, "study_api_fields", ()):
                data.pop(name, None)
        related = data.get("related_resources")
        if related:
            readable = readable_page_ids(self.context)
            data["related_resources"] = [
                item for item in related if (item.get("resource") or {}).get("id") in readable
            ]
        return data


class CourseImageSerializer(ImageSerializer):
    detail_url = RequestDetailUrlField(read_only=True)


class CourseDocumentSerializer(DocumentSerializer):
    detail_url = RequestDetailUrlField(read_only=True)
    download_url = RequestDocumentDownloadUrlField(read_only=True)


class ReadableFiles:
    """Documents and images as the request's reader may open them: those used by a page whose
    whole content is theirs to read (see ``Visible.readable_documents``), outside collections
    closed to them."""

    def get_queryset(self):
        queryset = super().get_queryset()
        visible = visible_for(self.request)
        ids = visible.readable_documents(
            queryset.values_list("pk", flat=True), model=queryset.model
        )
        return queryset.filter(pk__in=ids)


class CourseImagesAPIViewSet(RequestChecks, ReadableFiles, ImagesAPIViewSet):
    base_serializer_class = CourseImageSerializer
    filter_backends = with_checked_filters(ImagesAPIViewSet.filter_backends)


class CourseDocumentsAPIViewSet(RequestChecks, ReadableFiles, DocumentsAPIViewSet):
    base_serializer_class = CourseDocumentSerializer
    filter_backends = with_checked_filters(DocumentsAPIViewSet.filter_backends)


class CoursePagesAPIViewSet(RequestChecks, PagesAPIViewSet):
    base_serializer_class = CoursePageSerializer
    filter_backends = with_checked_filters(PagesAPIViewSet.filter_backends)
    meta_fields = PagesAPIViewSet.meta_fields + ["translations"]
    detail_only_fields = PagesAPIViewSet.detail_only_fields + ["translations"]

    def get_base_queryset(self):
        """Wagtail's live, public pages of the site, as the request's reader may read them
        (``visible_for``): the listing, the detail view, ``find`` and the parent links. Built once
        per request (Wagtail asks for it three times in a listing, two queries each)."""
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = visible_for(self.request)(super().get_base_queryset())
        return self._base_queryset.all()

    def listing_view(self, request):
        """Wagtail's listing, its pages read first so that their StreamFields' images and
        documents are read together, one query per model (``chooser_batch``)."""
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        pages = list(self.paginate_queryset(queryset))
        CountryUnitPage.read_last_reviewed_on(
            [page for page in pages if isinstance(page, CountryUnitPage)]
        )
        with chooser_batch(pages):
            serializer = self.get_serializer(pages, many=True)
            return self.get_paginated_response(serializer.data)

    def get_queryset(self):
        """Each page with its locale (a listing's ``meta.locale``) and, for a listing of one page
        type, the rows its API fields read: a listing costs the same whatever its ``limit``."""
        queryset = super().get_queryset().select_related("locale", "alias_of")
        if queryset.model is EvaluationPage:
            queryset = queryset.annotate(course_pass_mark=course_pass_mark())
        related = LISTING_RELATED.get(queryset.model)
        if related:
            # (``select_related()`` without names would replace the names above.)
            if related.get("select"):
                queryset = queryset.select_related(*related["select"])
            queryset = queryset.prefetch_related(*related.get("prefetch", ()))
        return queryset


class CourseOutlineAPIViewSet(RequestChecks, BaseAPIViewSet):
    """A course's outline in one call, for headless front ends."""

    model = CoursePage
    name = "outline"
    known_query_parameters = frozenset(["locale", "format"])

    def check_query_parameters(self, queryset=None):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(unknown))
            )

    def get_queryset(self, visible=None):
        visible = visible or visible_for(self.request)
        return visible(CoursePage.objects.all()).select_related("locale").order_by("path")

    def listing_view(self, request):
        self.check_query_parameters()
        queryset = self.get_queryset()
        locale = _locale_from(request)
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        items = [
            {
                "id": course.pk,
                "title": course.title,
                "locale": course.locale.language_code,
                "outline_url": absolute_url(request, f"{request.path}{course.pk}/"),
            }
            for course in queryset
        ]
        return Response({"meta": {"total_count": len(items)}, "items": items})

    def detail_view(self, request, pk):
        self.check_query_parameters()
        visible = visible_for(request)
        course = self.get_queryset(visible).filter(pk=pk).first()
        if course is None:
            raise Http404("No live course with this id.")
        return Response(course_outline(course, request, visible=visible))

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CoursePagesAPIViewSet)
api_router.register_endpoint("images", CourseImagesAPIViewSet)
api_router.register_endpoint("documents", CourseDocumentsAPIViewSet)
api_router.register_endpoint("outline", CourseOutlineAPIViewSet)
