from django.core.management.base import BaseCommand

from editorial.roles import ROLES, setup_roles
from editorial.workflows import WORKFLOW_NAME, setup_editorial_workflow


class Command(BaseCommand):
    help = (
        "Create or update the editorial groups (Editors, Subject-matter reviewers, Publishers, "
        "Administrators), their permissions and the 'Editorial review' workflow. Idempotent."
    )

    def handle(self, *args, **options):
        groups = setup_roles()
        for role in ROLES:
            self.stdout.write(f"  group '{role.name}': {role.description}")
        setup_editorial_workflow(groups=groups)
        self.stdout.write(
            self.style.SUCCESS(f"Roles and the '{WORKFLOW_NAME}' workflow are ready.")
        )
