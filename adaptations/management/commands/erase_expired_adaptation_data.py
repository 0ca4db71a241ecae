from django.conf import settings
from django.core.management.base import BaseCommand

from adaptations.services import erase_expired


class Command(BaseCommand):
    help = (
        "Erase the contact details (name, email, organisation, free texts) of adaptation requests "
        "whose last status change is older than ADAPTATION_REQUEST_RETENTION_DAYS; their "
        "statistics (country, language, learners, modules, status, dates) stay. Run it daily, "
        "e.g. from cron."
    )

    def handle(self, *args, **options):
        erased = erase_expired()
        self.stdout.write(
            f"Erased the contact details of {erased} adaptation request(s) older than "
            f"{settings.ADAPTATION_REQUEST_RETENTION_DAYS} days."
        )
