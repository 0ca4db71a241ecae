from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from search.tasks import send_backlog


class Command(BaseCommand):
    help = "Send OpenSearch what it missed while it was down or slow (search.IndexBacklog)."

    def handle(self, *args, **options):
        def progress(number, total):
            if number == total or number % 100 == 0:
                self.stdout.write(f"  {number}/{total}")

        sent, left = send_backlog(progress)
        self.stdout.write(f"{sent} sent.")
        if left:
            self.stdout.write(
                ngettext("%(count)d change still waits: OpenSearch is unavailable.",
                         "%(count)d changes still wait: OpenSearch is unavailable.", left)
                % {"count": left}
            )  # fmt: skip
