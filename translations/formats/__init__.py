"""File formats for CAT tools: PO (gettext) and XLIFF 2.0, and the per-locale archive.

Both formats carry the wagtail-localize translation id, so a file can only go back into the
translation it came from. ``archive.import_archive`` validates every file before it writes
anything, and writes everything in one transaction.
"""


class ImportRejected(Exception):
    """A file or archive was refused; ``errors`` lists every reason, nothing was changed."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(self.errors))


MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ARCHIVE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all the files of an archive, uncompressed
MAX_ARCHIVE_FILES = 2000
