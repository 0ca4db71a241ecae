"""Exporting language editions: the one operation the command, the admin and the task call.

``export_edition`` writes one file and never leaves a half-written one: the builder writes a
temporary file beside ``output``, renamed over it only when complete. ``start_export`` records
an ``EditionExport`` asked for in the admin and runs it as a background task (``run_export``),
which keeps the file in the private exports storage; ``delete_old_exports`` removes files older
than ``EXPORTS_KEEP_DAYS`` days.
"""

import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from course_content.models import CoursePage
from editorial.roles import ADMINISTRATORS, PUBLISHERS, user_has_role

from .edition import Edition, EditionError, find_course, find_locale, load_edition
from .formats import FORMATS
from .storage import export_storage

logger = logging.getLogger(__name__)

EXPORT_ROLES = (PUBLISHERS, ADMINISTRATORS)


def may_export(user):
    """Publishers and Administrators (and superusers) export editions."""
    return bool(user and user.is_authenticated and user.is_active) and user_has_role(
        user, *EXPORT_ROLES
    )


def get_format(code):
    fmt = FORMATS.get(str(code).strip().lower())
    if fmt is None:
        raise EditionError(
            _("Unknown format “%(format)s”. Formats: %(known)s.")
            % {"format": code, "known": ", ".join(FORMATS)}
        )
    return fmt


@dataclass
class ExportOutcome:
    edition: Edition
    format: str
    path: Path
    size: int
    result: object  # what the builder returned


def _writable_output(output):
    path = Path(output).expanduser()
    if path.is_dir():
        raise EditionError(_("“%(path)s” is a folder: give a file name.") % {"path": path})
    folder = path.parent.resolve() if str(path.parent) else Path.cwd()
    if not folder.is_dir():
        raise EditionError(_("The folder “%(path)s” does not exist.") % {"path": folder})
    if not os.access(folder, os.W_OK | os.X_OK):
        raise EditionError(_("Cannot write into the folder “%(path)s”.") % {"path": folder})
    return folder / path.name


def export_edition(*, course, locale, format, fallback, output, progress=None):
    """Export the edition of ``course`` (a source ``CoursePage``, or its id or slug) in
    ``locale`` (a ``Locale`` or a language code) as ``format`` to the file ``output``.

    Raises ``EditionError`` (a message for the user) for an unknown course, language or format,
    an edition that does not exist, or an output that cannot be written; then nothing is left at
    ``output`` (an existing file there is kept as it was).
    """
    fmt = get_format(format)
    if not isinstance(course, CoursePage):
        course = find_course(course)
    if not isinstance(locale, Locale):
        locale = find_locale(locale)
    path = _writable_output(output)
    try:
        fmt.builder_function()
    except ImportError as error:
        raise EditionError(
            _("The format “%(format)s” is not available in this installation.")
            % {"format": fmt.code}
        ) from error
    edition = load_edition(course, locale, fallback=fallback)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(handle)
    try:
        result = fmt.build(edition, temporary, progress=progress)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return ExportOutcome(
        edition=edition, format=fmt.code, path=path, size=path.stat().st_size, result=result
    )


# --- Exports asked for in the admin ---------------------------------------------------------------


def start_export(*, user, course, locale, format, fallback):
    """Record an export of ``course`` (source ``CoursePage``) in ``locale`` and run it in a
    background task once the request's transaction commits."""
    from .models import EditionExport
    from .tasks import run_export_task

    if not may_export(user):
        raise PermissionDenied
    fmt = get_format(format)
    delete_old_exports()
    export = EditionExport.objects.create(
        user=user,
        course=course,
        course_title=course.title,
        language_code=locale.language_code,
        format=fmt.code,
        fallback=fallback,
    )
    transaction.on_commit(lambda: run_export_task.enqueue(export_id=export.pk))
    return export


def run_export(export_id):
    """Run the queued ``EditionExport`` ``export_id``: running, then done (with its file and
    size) or failed (with a message for the user)."""
    from .models import EditionExport

    exports = EditionExport.objects.filter(pk=export_id, status=EditionExport.QUEUED)
    export = exports.select_related("course").first()
    if export is None:
        return None
    rows = EditionExport.objects.filter(pk=export_id)
    rows.update(status=EditionExport.RUNNING, done=0)

    def progress(done, total, label=None):
        rows.update(done=done, total=total)

    storage = export_storage()
    fmt = FORMATS.get(export.format)
    name = f"{timezone.now():%Y/%m}/{export.pk}-" + (
        fmt.filename(export.course.slug if export.course else "course", export.language_code)
        if fmt
        else "export"
    )
    full_path = Path(storage.path(name))
    try:
        if export.course is None:
            raise EditionError(_("The course no longer exists."))
        full_path.parent.mkdir(parents=True, exist_ok=True)
        outcome = export_edition(
            course=export.course.specific,
            locale=export.language_code,
            format=export.format,
            fallback=export.fallback,
            output=full_path,
            progress=progress,
        )
    except EditionError as error:
        rows.update(status=EditionExport.FAILED, error=str(error), finished_at=timezone.now())
        return None
    except Exception:
        logger.exception("Export %s failed", export_id)
        rows.update(
            status=EditionExport.FAILED,
            error=_("The export failed unexpectedly; the error was logged for the developers."),
            finished_at=timezone.now(),
        )
        return None
    rows.update(
        status=EditionExport.DONE,
        file=name,
        size=outcome.size,
        finished_at=timezone.now(),
    )
    return name


def delete_old_exports(*, now=None):
    """Delete the files of exports older than ``EXPORTS_KEEP_DAYS`` days (their records stay,
    marked expired); returns how many files were deleted."""
    from .models import EditionExport

    cutoff = (now or timezone.now()) - timedelta(days=settings.EXPORTS_KEEP_DAYS)
    old = EditionExport.objects.filter(status=EditionExport.DONE, created_at__lt=cutoff)
    deleted = 0
    for export in old:
        if export.file:
            export.file.storage.delete(export.file.name)
            deleted += 1
    old.update(status=EditionExport.EXPIRED, file="")
    return deleted
