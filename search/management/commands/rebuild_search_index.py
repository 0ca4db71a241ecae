from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from search.indexing import rebuild
from search.models import IndexBacklog


class Command(BaseCommand):
    help = (
        "Rebuild the site search: every page's rows from its live content (in one transaction), "
        "then every search backend (Wagtail's update_index: OpenSearch builds a new index and "
        "switches to it when it is complete)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rows-only", action="store_true", help="Rebuild the rows, not the backends."
        )

    def handle(self, *args, rows_only=False, **options):
        started = timezone.now()

        def progress(done, total):
            self.stdout.write(f"  pages {done}/{total}")

        count = rebuild(progress=progress)
        self.stdout.write(f"{count} search rows written.")
        if rows_only:
            return
        call_command("update_index", stdout=self.stdout, stderr=self.stderr)
        # Everything OpenSearch missed before the rebuild began is in the new index.
        IndexBacklog.objects.filter(since__lt=started).delete()
