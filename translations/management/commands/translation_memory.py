from django.core.management.base import BaseCommand, CommandError

from translations.management.commands.translations import Command as TranslationsCommand


def entries(number):
    return f"{number} entry" if number == 1 else f"{number} entries"


class Command(BaseCommand):
    help = (
        "The translation memory (Spanish source → each locale): build it from the approved "
        "translations, show its size, export a locale's memory as TMX 1.4, import a TMX file."
    )

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        build = subcommands.add_parser(
            "build", help="Feed the memory from every approved (published) translation."
        )
        build.add_argument("--locale", help="only this locale (default: every locale)")
        subcommands.add_parser("stats", help="Entries per locale.")
        export = subcommands.add_parser("export", help="Write a locale's memory as TMX 1.4.")
        export.add_argument("--locale", required=True)
        export.add_argument("--output", help="file path (default: memory-es-LOCALE.tmx)")
        imp = subcommands.add_parser(
            "import", help="Read a TMX 1.4 file into a locale's memory; all or nothing."
        )
        imp.add_argument("--locale", required=True)
        imp.add_argument("path")

    progress = TranslationsCommand.progress
    name_of = staticmethod(TranslationsCommand.name_of)

    def locale(self, code):
        from wagtail.models import Locale

        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise CommandError(f"No locale '{code}'.")
        if locale == Locale.get_default():
            raise CommandError(f"'{code}' is the source language; name a target locale.")
        return locale

    def handle(self, *args, action, verbosity=1, **options):
        from wagtail.models import Locale

        from translations import memory, tmx
        from translations.formats import ImportRejected

        self.verbosity = verbosity
        source = Locale.get_default()
        if action == "build":
            locale = self.locale(options["locale"]) if options["locale"] else None
            added = memory.build(locale=locale, progress=self.progress)
            self.stdout.write(self.style.SUCCESS(f"Memory built: {entries(added)} added."))
        elif action == "stats":
            counts = memory.stats_by_locale()
            for locale in Locale.objects.exclude(pk=source.pk).order_by("language_code"):
                self.stdout.write(
                    f"{source.language_code} → {locale.language_code}: "
                    f"{entries(counts.get(locale.pk, 0))}"
                )
        elif action == "export":
            locale = self.locale(options["locale"])
            data = tmx.export_tmx(
                source_locale=source, target_locale=locale, progress=self.progress
            )
            path = options["output"] or f"memory-{source.language_code}-{locale.language_code}.tmx"
            with open(path, "wb") as handle:
                handle.write(data)
            self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({len(data) // 1024 + 1} KB)."))
        elif action == "import":
            locale = self.locale(options["locale"])
            try:
                with open(options["path"], "rb") as handle:
                    data = handle.read(tmx.MAX_TMX_BYTES + 1)
            except OSError as error:
                raise CommandError(f"Cannot read {options['path']}: {error.strerror}.") from error
            try:
                added, updated = tmx.import_tmx(
                    data, source_locale=source, target_locale=locale, progress=self.progress
                )
            except ImportRejected as rejected:
                raise CommandError(
                    "Nothing was imported:\n  " + "\n  ".join(rejected.errors)
                ) from rejected
            self.stdout.write(
                self.style.SUCCESS(f"Imported: {entries(added)} added, {updated} updated.")
            )
