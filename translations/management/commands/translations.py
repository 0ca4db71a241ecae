import sys

from django.core.management.base import BaseCommand, CommandError

from translations import services


class Command(BaseCommand):
    help = "Translation and adaptation work: add-locale (and sync it from the source)."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        add = subcommands.add_parser(
            "add-locale",
            help="Create a locale (configured in LANGUAGES) and give it the source's page tree.",
        )
        add.add_argument("--locale", required=True, help="language code, e.g. pt-br")
        sync = subcommands.add_parser(
            "sync-locale", help="Create placeholders for source pages a locale lacks."
        )
        sync.add_argument("--locale", required=True)

    def progress(self, done, total, page=None):
        if self.verbosity < 1 or not total:
            return
        width = 30
        filled = int(width * done / total)
        title = (page.title[:40] if page else "").ljust(40)
        end = "\n" if done == total else "\r"
        self.stdout.write(
            f"  [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {title}", ending=end
        )
        self.stdout.flush() if hasattr(self.stdout, "flush") else sys.stdout.flush()

    def handle(self, *args, action, verbosity=1, **options):
        self.verbosity = verbosity
        from wagtail.models import Locale

        if action == "add-locale":
            try:
                locale = services.add_locale(options["locale"], progress=self.progress)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(self.style.SUCCESS(f"Locale '{locale.language_code}' is ready."))
        elif action == "sync-locale":
            locale = Locale.objects.filter(language_code=options["locale"]).first()
            if locale is None:
                raise CommandError(
                    f"No locale '{options['locale']}'. Create it with: "
                    f"manage.py translations add-locale --locale {options['locale']}"
                )
            created = services.sync_locale(locale, progress=self.progress)
            self.stdout.write(self.style.SUCCESS(f"{created} placeholder page(s) created."))
