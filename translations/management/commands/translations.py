from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from translations import services


def counted(number, noun):
    """ "1 page", "0 pages": the command speaks English to whoever runs it."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class Command(BaseCommand):
    help = (
        "Translation and adaptation work: add-locale, sync-locale, export and import "
        "(PO or XLIFF 2.0 archives for CAT tools)."
    )

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
        export = subcommands.add_parser(
            "export", help="Write one archive with a PO or XLIFF file per translation of a locale."
        )
        export.add_argument("--locale", required=True)
        export.add_argument("--format", choices=["po", "xliff"], default="xliff")
        export.add_argument(
            "--output", help="archive path (default: translations-LOCALE-FORMAT.zip)"
        )
        submit = subcommands.add_parser(
            "submit", help="Submit a page (by id) and its subpages for translation into locales."
        )
        submit.add_argument("--page", type=int, required=True, help="page id")
        submit.add_argument("--locales", nargs="+", required=True)
        submit.add_argument("--only-page", action="store_true", help="without its subpages")
        submit.add_argument("--user", default="admin", help="who submits (needs edit rights)")
        imp = subcommands.add_parser(
            "import",
            help="Read an archive (or a single PO/XLIFF file) back; all or nothing.",
        )
        imp.add_argument("--locale", required=True)
        imp.add_argument("path")

    def progress(self, done, total, page=None):
        if self.verbosity < 1 or not total:
            return
        width = 30
        filled = int(width * done / total)
        title = self.name_of(page)[:40].ljust(40)
        end = "\n" if done == total else "\r"
        self.stdout.write(
            f"  [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {title}", ending=end
        )
        self.stdout.flush()

    @staticmethod
    def name_of(item):
        """What the progress line names: a page's title, a translation source's object name, or
        the text it was given (a str's ``title`` is a method, not a name)."""
        if item is None:
            return ""
        if isinstance(item, str):
            return item
        for attribute in ("title", "object_repr"):
            value = getattr(item, attribute, None)
            if isinstance(value, str):
                return value
        return str(item)

    def write_leverage(self, user, since):
        """The translation memory's leverage of the submission, per locale: the words an agency
        would quote as new, fuzzy (75–99 %) and exact (100 %, pre-filled from the memory)."""
        from translations.memory import leverage_totals
        from translations.models import MemoryLeverage

        rows = MemoryLeverage.objects.filter(user=user, created_at__gte=since).select_related(
            "translation__target_locale"
        )
        by_locale = {}
        for row in rows:
            by_locale.setdefault(row.translation.target_locale.language_code, []).append(row)
        for code, locale_rows in sorted(by_locale.items()):
            total = leverage_totals(locale_rows)
            self.stdout.write(
                f"  {code}: {counted(total.new_words, 'new word')}, "
                f"{counted(total.fuzzy_words, 'fuzzy word')}, "
                f"{counted(total.exact_words, 'exact word')} "
                f"({counted(total.prefilled, 'segment')} pre-filled from the memory)"
            )

    def locale(self, code):
        from wagtail.models import Locale

        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise CommandError(
                f"No locale '{code}'. Create it with: "
                f"manage.py translations add-locale --locale {code}"
            )
        return locale

    def handle(self, *args, action, verbosity=1, **options):
        self.verbosity = verbosity

        if action == "export":
            from translations.formats.archive import export_locale

            locale = self.locale(options["locale"])
            data = export_locale(locale, options["format"], progress=self.progress)
            path = (
                options["output"] or f"translations-{locale.language_code}-{options['format']}.zip"
            )
            with open(path, "wb") as handle:
                handle.write(data)
            self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({len(data) // 1024 + 1} KB)."))
            return
        if action == "submit":
            from django.contrib.auth import get_user_model
            from wagtail.models import Page

            page = Page.objects.filter(pk=options["page"]).first()
            user = get_user_model().objects.filter(username=options["user"]).first()
            if page is None or user is None:
                raise CommandError("Unknown page id or user.")
            locales = [self.locale(code) for code in options["locales"]]
            started = timezone.now()
            try:
                pages = services.submit_for_translation(
                    page=page, locales=locales, user=user,
                    include_subtree=not options["only_page"], progress=self.progress,
                )  # fmt: skip
            except services.TranslationRefused as error:
                raise CommandError(str(error)) from error
            self.stdout.write(self.style.SUCCESS(f"Submitted {counted(len(pages), 'page')}."))
            self.write_leverage(user, started)
            return
        if action == "import":
            from translations.formats import ImportRejected
            from translations.formats.archive import import_archive

            locale = self.locale(options["locale"])
            try:
                with open(options["path"], "rb") as handle:
                    data = handle.read()
            except OSError as error:
                raise CommandError(f"Cannot read {options['path']}: {error.strerror}.") from error
            try:
                files, changed = import_archive(
                    data, name=options["path"], locale=locale, progress=self.progress
                )
            except ImportRejected as rejected:
                raise CommandError(
                    "Nothing was imported:\n  " + "\n  ".join(rejected.errors)
                ) from rejected
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {counted(files, 'file')}: {counted(changed, 'segment')} changed."
                )
            )
            return

        if action == "add-locale":
            try:
                locale = services.add_locale(options["locale"], progress=self.progress)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(self.style.SUCCESS(f"Locale '{locale.language_code}' is ready."))
        elif action == "sync-locale":
            locale = self.locale(options["locale"])
            created = services.sync_locale(locale, progress=self.progress)
            self.stdout.write(
                self.style.SUCCESS(f"{counted(created, 'placeholder page')} created.")
            )
