"""Views of ours routed ahead of a library's (see ``cms/urls.py``)."""

from wagtail.documents.views.serve import serve


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, without the ``Content-Encoding`` it derives from the file name.

    Wagtail's sendfile helper sets ``Content-Encoding`` to ``mimetypes.guess_type``'s encoding:
    ``None`` for nearly every file, which goes out as the text "None", and "gzip" for a ``.gz``
    file, which a browser would then unpack. A document is sent as it is stored, with no content
    coding; everything else (type, disposition, ETag, privacy checks) is Wagtail's.
    """
    response = serve(request, document_id, document_filename)
    if response.has_header("Content-Encoding"):
        del response["Content-Encoding"]
    return response
