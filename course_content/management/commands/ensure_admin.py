import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from cms.commands import checked_password


class Command(BaseCommand):
    help = (
        "Make sure a superuser exists. Its password comes from --password (or ADMIN_PASSWORD in "
        "the Makefile) and must pass the password validators; without one, a password is "
        "generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.org")
        parser.add_argument("--password", default="")

    def handle(self, *args, username, email, password, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is not None:
            if password:
                user.set_password(checked_password(password, user))
                user.save(update_fields=["password"])
                self.stdout.write(f"Superuser '{username}': password updated from ADMIN_PASSWORD.")
            else:
                self.stdout.write(f"Superuser '{username}' already exists.")
            return
        generated = not password
        password = password or secrets.token_urlsafe(12)
        checked_password(password, User(username=username, email=email))
        User.objects.create_superuser(username=username, email=email, password=password)
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"Created superuser '{username}' with password: {password}\n"
                    "  (shown once; set ADMIN_PASSWORD to choose it)"
                )
            )
        else:
            self.stdout.write(f"Created superuser '{username}' (password from ADMIN_PASSWORD).")
