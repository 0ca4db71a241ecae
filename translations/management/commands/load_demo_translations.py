import time

from django.core.management.base import BaseCommand
from django.db import transaction

from cms.commands import refuse_outside_demo
from translations.demo.loader import LOCALES, DemoTranslations, demo_users


class Command(BaseCommand):
    help = (
        "Demo only: add the en, pt-br, fr and es-mx locales, their translator and reviewer "
        "users (credentials printed) and the demo translations. Idempotent."
    )

    def handle(self, *args, verbosity=1, **options):
        refuse_outside_demo("load_demo_translations")
        started = time.monotonic()
        demo = DemoTranslations(
            progress=lambda message: verbosity and self.stdout.write(f"  … {message}")
        )
        if demo.is_loaded():
            self.stdout.write("The demo translations are already loaded.")
        else:
            with transaction.atomic():
                demo.build()
            self.stdout.write(
                self.style.SUCCESS(f"Demo translations ready in {time.monotonic() - started:.1f}s")
            )
        self.stdout.write("Translation users (username / password → group):")
        for code in LOCALES:
            for username, group in demo_users(code):
                self.stdout.write(f"  {username} / demo-{username} → {group}")
