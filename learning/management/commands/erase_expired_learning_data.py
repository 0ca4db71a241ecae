from django.core.management.base import BaseCommand

from learning.enrolment.services import erase_expired


class Command(BaseCommand):
    help = (
        "Erase the personal data the privacy notice says we no longer keep: learners all of whose "
        "editions ended more than a year ago, and the applications to those editions (anonymous "
        "counts and statistics stay). Run it daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        learners, applications = erase_expired()
        self.stdout.write(f"Erased learner accounts: {learners}; applications: {applications}.")
