"""Uploads: a document's content must be what its name says.

Wagtail already limits documents by extension (``WAGTAILDOCS_EXTENSIONS``) and size
(``WAGTAILDOCS_MAX_UPLOAD_SIZE``), and images by extension (no SVG), size, pixel count and by
checking that the image's real format matches its extension. Documents get the same last check
here (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): a binary format must start with its own signature (a
page of HTML renamed ``guia.pdf`` is refused), and a text format (``.txt``, ``.csv``, ``.vtt``)
must be UTF-8 text without markup a browser could run. Every upload form of the admin uses it:
the documents listing, multiple upload, the chooser and the editor's "upload" tab.
"""

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

# What filetype may detect for each accepted extension (signatures of the container formats).
BINARY_SIGNATURES = {
    "pdf": {"pdf"},
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"},
    "zip": {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"},
    "mp3": {"mp3"},
    "mp4": {"mp4", "m4v", "m4a", "mov"},
    "ogg": {"ogg"},
    "wav": {"wav"},
    "webm": {"webm", "mkv"},
    "rtf": {"rtf"},
}
TEXT_EXTENSIONS = {"txt", "csv", "vtt"}
# Markup that a browser would render or run if it ever treated the file as HTML or SVG.
MARKUP = ("<script", "<html", "<!doctype", "<svg", "<iframe", "<object", "<embed", "javascript:")
HEAD_BYTES = 8192
MAX_TEXT_BYTES = 5 * 1024 * 1024


def _extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_document_content(upload):
    """Raise a ValidationError (in the user's language) if ``upload``'s content does not match
    its extension."""
    extension = _extension(upload.name)
    upload.seek(0)
    if extension in BINARY_SIGNATURES:
        head = upload.read(HEAD_BYTES)
        upload.seek(0)
        kind = filetype.guess(head)
        if kind is None or kind.extension not in BINARY_SIGNATURES[extension]:
            raise ValidationError(
                _(
                    "This file is not a %(extension)s file: its content does not match its "
                    "name. Upload the file itself, not a renamed one."
                ),
                code="content_mismatch",
                params={"extension": extension.upper()},
            )
    elif extension in TEXT_EXTENSIONS:
        data = upload.read(MAX_TEXT_BYTES + 1)
        upload.seek(0)
        try:
            text = data[:MAX_TEXT_BYTES].decode("utf-8")
        except UnicodeDecodeError as error:
            if len(data) <= MAX_TEXT_BYTES or error.start < MAX_TEXT_BYTES - 4:
                raise ValidationError(
                    _(
                        "This %(extension)s file is not UTF-8 text. Save it as UTF-8 and "
                        "upload it again."
                    ),
                    code="not_text",
                    params={"extension": extension.upper()},
                ) from error
            text = data[: error.start].decode("utf-8")
        lowered = text.lower()
        if "\x00" in text or any(marker in lowered for marker in MARKUP):
            raise ValidationError(
                _(
                    "This %(extension)s file contains web page markup or script, which documents "
                    "may not carry."
                ),
                code="markup",
                params={"extension": extension.upper()},
            )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the content check on a new file."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_document_content(upload)
        return upload

    def _post_clean(self):
        # Wagtail's model validation checks the extension of the file the form kept, which is
        # none once the upload was refused: it would add "The file extension “” is not allowed"
        # to the real reason.
        refused = list(self.errors.get("file", []))
        super()._post_clean()
        if refused:
            self._errors["file"] = self.error_class(refused)
