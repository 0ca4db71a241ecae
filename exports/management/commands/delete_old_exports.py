from django.conf import settings
from django.core.management.base import BaseCommand

from exports.services import delete_old_exports


class Command(BaseCommand):
    help = (
        "Delete the files of admin exports older than EXPORTS_KEEP_DAYS days (run it daily; "
        "starting an export in the admin does it too)."
    )

    def handle(self, *args, **options):
        deleted = delete_old_exports()
        noun = "file" if deleted == 1 else "files"
        self.stdout.write(
            f"Deleted {deleted} export {noun} older than {settings.EXPORTS_KEEP_DAYS} days."
        )
