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
        from translations import memory
        from translations.models import MemoryEntry

        if not MemoryEntry.objects.exists():
            # Demo translations loaded before the translation memory existed: feed it from
            # what is approved (a fresh demo fed it as it published its translations).
            memory.build()
        counts = memory.stats_by_locale()
        self.stdout.write(
            "Translation memory: "
            + ", ".join(f"{code} {counts.get(pk, 0)}" for pk, code in self.locales())
            + " entries."
        )
        self.stdout.write("Translation users (username / password → group):")
        for code in LOCALES:
            for username, group in demo_users(code):
                self.stdout.write(f"  {username} / demo-{username} → {group}")

    @staticmethod
    def locales():
        from wagtail.models import Locale

        return Locale.objects.filter(language_code__in=LOCALES).values_list("pk", "language_code")
