"""Views of ours routed ahead of a library's (see ``cms/urls.py``)."""

from wagtail.documents.views.serve import serve
from wagtail.views import serve as wagtail_serve

from course_content.routing import prime_route


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, without the ``Content-Encoding`` it derives from the file name.

    Wagtail's sendfile helper sets ``Content-Encoding`` to ``mimetypes.guess_type``'s encoding:
    ``None`` for nearly every file, which goes out as the text "None", and "gzip" for a ``.gz``
    file, which a browser would then unpack. A document is sent as it is stored, with no content
    coding. Text documents (checked as UTF-8 on upload, see ``cms/uploads.py``) say so, so that a
    browser does not guess their encoding. Everything else (type, disposition, ETag, privacy
    checks, its own sandboxing Content-Security-Policy) is Wagtail's.
    """
    response = serve(request, document_id, document_filename)
    if response.has_header("Content-Encoding"):
        del response["Content-Encoding"]
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/") and "charset" not in content_type:
        response["Content-Type"] = f"{content_type}; charset=utf-8"
    return response


def serve_page(request, path):
    """Wagtail's page view, with the page found in one query first (``course_content.routing``)."""
    prime_route(request, path)
    return wagtail_serve(request, path)
