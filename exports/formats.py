"""The export formats: what builds each one and how its file is named.

Builders are named by dotted path and imported when used (``import_string``), so a format whose
module is not there yet (developed on another branch) fails only when it is asked for.
A builder is called as ``build(edition, output, *, progress=None)``: it writes one file at
``output`` (a path) and calls ``progress(done, total, label)`` as it goes.
"""

from dataclasses import dataclass

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ExportFormat:
    code: str
    label: str
    builder: str  # dotted path of the builder function
    extension: str
    content_type: str

    def builder_function(self):
        """The builder (``ImportError`` when its module is not installed)."""
        return import_string(self.builder)

    def build(self, edition, output, *, progress=None):
        return self.builder_function()(edition, output, progress=progress)

    def filename(self, course_slug, language_code):
        return f"{course_slug}-{language_code.lower()}-{self.code}.{self.extension}"


FORMATS = {
    fmt.code: fmt
    for fmt in [
        ExportFormat(
            "scorm12",
            _("SCORM 1.2 package"),
            "exports.scorm.build_scorm",
            "zip",
            "application/zip",
        ),
        ExportFormat(
            "moodlexml",
            _("Moodle XML question bank"),
            "exports.moodle.build_moodle_xml",
            "xml",
            "application/xml",
        ),
        ExportFormat(
            "offline",
            _("Offline edition (static HTML)"),
            "exports.offline.build_offline",
            "zip",
            "application/zip",
        ),
    ]
}
FORMAT_CHOICES = [(code, fmt.label) for code, fmt in FORMATS.items()]
