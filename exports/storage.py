"""Where export files are kept: a private folder (``EXPORTS_ROOT``), outside ``MEDIA_ROOT`` and
never served directly; files go out through the download view, which checks permissions."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def export_storage():
    return FileSystemStorage(location=settings.EXPORTS_ROOT, base_url=None)
