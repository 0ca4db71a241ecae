from django.core.management.base import BaseCommand

from editorial.roles import ROLES, setup_roles
from editorial.workflows import (
    WORKFLOW_NAME,
    remove_unused_wagtail_starters,
    setup_editorial_workflow,
)


class Command(BaseCommand):
    help = (
        "Create or update the editorial groups (Editores, Revisores de contenido, Publicadores, "
        "Administradores), their permissions and the 'Revisión editorial' workflow; remove "
        "Wagtail's starter group and workflow if unused. Idempotent."
    )

    def handle(self, *args, **options):
        groups = setup_roles()
        for role in ROLES:
            self.stdout.write(f"  group '{role.name}': {role.description}")
        setup_editorial_workflow(groups=groups)
        for name in remove_unused_wagtail_starters():
            self.stdout.write(f"  removed Wagtail's unused starter '{name}'")
        self.stdout.write(
            self.style.SUCCESS(f"Roles and the '{WORKFLOW_NAME}' workflow are ready.")
        )
