"""The headless read API: Wagtail API v2 with our additions.

- ``/api/v2/pages/``: every page type with its fields (StreamField as JSON), ``?locale=`` validated
  (an unknown locale answers 400, not 404), and a ``translations`` meta field on detail views.
- ``/api/v2/outline/``: live courses; ``/api/v2/outline/<id>/``: a course's whole outline
  (modules, hours, country units, evaluation ids) in one call and a fixed number of queries.
- ``/api/v2/images/`` and ``/api/v2/documents/``.

Only live, public pages appear. Bad parameters answer 400 with ``{"message": ...}``. Absolute
links (``detail_url``, ``html_url``, ``download_url``, ``outline_url``) use ``WAGTAILAPI_BASE_URL``
when it is set, and otherwise the scheme, host and port of the request (Wagtail's own fields would
use the Site's root URL, ``http://localhost`` in the demo, whatever port the server runs on).
"""

from django.conf import settings
from django.http import Http404
from django.urls import path
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.filters import LocaleFilter
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
from wagtail.models import Locale

from course_content.models import CoursePage
from course_content.selectors import course_outline
from course_content.visibility import Visible
from translations.safe_html import api_serializer_fields


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
        available = ", ".join(
            Locale.objects.order_by("language_code").values_list("language_code", flat=True)
        )
        raise BadRequestError(
            f"locale '{code}' does not exist; available locales: {available}"
        ) from error


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
            page.get_translations().live().public().select_related("locale").order_by("locale")
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


class CourseImageSerializer(ImageSerializer):
    detail_url = RequestDetailUrlField(read_only=True)


class CourseDocumentSerializer(DocumentSerializer):
    detail_url = RequestDetailUrlField(read_only=True)
    download_url = RequestDocumentDownloadUrlField(read_only=True)


class CourseImagesAPIViewSet(ImagesAPIViewSet):
    base_serializer_class = CourseImageSerializer


class CourseDocumentsAPIViewSet(DocumentsAPIViewSet):
    base_serializer_class = CourseDocumentSerializer


class CoursePagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = CoursePageSerializer
    filter_backends = [
        ValidatedLocaleFilter if backend is LocaleFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
    meta_fields = PagesAPIViewSet.meta_fields + ["translations"]
    detail_only_fields = PagesAPIViewSet.detail_only_fields + ["translations"]


class CourseOutlineAPIViewSet(BaseAPIViewSet):
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
        visible = visible or Visible()
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
        visible = Visible()
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
