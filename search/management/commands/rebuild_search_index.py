from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search's rows from every live page (in one transaction)."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"{count} search rows written.")
