"""Uploaded media (original images and renditions) served by the application.

Fit for production behind a front cache: files are streamed, answer conditional requests (an
``ETag`` made of the file's size and modification time, ``Last-Modified``, ``304``), carry
``Cache-Control: public`` for ``MEDIA_MAX_AGE`` seconds and never leave ``MEDIA_ROOT``.

Never the documents' folder: documents go through Wagtail's document view
(``course_content.views.serve_document``), which applies the collections' privacy rules.
"""

import mimetypes
import posixpath
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

PRIVATE_FOLDERS = ("documents/",)


@require_safe
def serve_media(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith(PRIVATE_FOLDERS) or path in {"documents", ".", ""}:
        raise Http404
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except (SuspiciousFileOperation, ValueError) as error:
        raise Http404 from error
    try:
        stat = full_path.stat()
    except (OSError, ValueError) as error:
        raise Http404 from error
    if not full_path.is_file():
        raise Http404
    etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    not_modified = get_conditional_response(request, etag=etag, last_modified=int(stat.st_mtime))
    if not_modified is not None:
        response = not_modified
    else:
        content_type = mimetypes.guess_type(full_path.name)[0] or "application/octet-stream"
        response = FileResponse(full_path.open("rb"), content_type=content_type)
        response["Content-Length"] = stat.st_size
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stat.st_mtime)
    patch_cache_control(response, public=True, max_age=settings.MEDIA_MAX_AGE)
    return response
