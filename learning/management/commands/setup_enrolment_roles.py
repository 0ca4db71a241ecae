from django.core.management.base import BaseCommand

from learning.enrolment.roles import ROLES, setup_enrolment_roles


class Command(BaseCommand):
    help = "Create or update the enrolment managers' group (Gestores de inscripciones). Idempotent."

    def handle(self, *args, **options):
        setup_enrolment_roles()
        for role in ROLES:
            self.stdout.write(f"  group '{role.name}': {role.description}")
