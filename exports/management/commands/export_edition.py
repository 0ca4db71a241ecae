from django.core.management.base import BaseCommand, CommandError, no_translations

from exports.edition import INCLUDE, OMIT, EditionError
from exports.formats import FORMATS
from exports.services import export_edition


def counted(number, noun):
    """ "1 page", "0 pages": the command speaks English to whoever runs it."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class Command(BaseCommand):
    help = (
        "Export a language edition of a course for a learning platform: a SCORM 1.2 package, "
        "a Moodle XML question bank or an offline (static HTML) edition."
    )

    def add_arguments(self, parser):
        parser.add_argument("--course", required=True, help="course id or slug (source locale)")
        parser.add_argument("--locale", required=True, help="language code, e.g. es, en, pt-br")
        parser.add_argument("--format", required=True, help=" | ".join(FORMATS))
        parser.add_argument("--output", required=True, help="path of the file to write")
        parser.add_argument(
            "--fallback",
            default=INCLUDE,
            help=f"{INCLUDE} (default): untranslated pages in the source language, with a "
            f"notice; {OMIT}: leave them out",
        )

    def progress(self, done, total, label=None):
        if self.verbosity < 1 or not total:
            return
        width = 30
        filled = int(width * done / total)
        name = str(label or "")[:40].ljust(40)
        end = "\n" if done == total else "\r"
        self.stdout.write(
            f"  [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name}", ending=end
        )
        self.stdout.flush()

    @no_translations  # English, as the other commands; the export's own text is the locale's
    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        fallback = str(options["fallback"]).strip().lower()
        if fallback not in (INCLUDE, OMIT):
            raise CommandError(f"--fallback must be {INCLUDE} or {OMIT}, not “{fallback}”.")
        try:
            outcome = export_edition(
                course=options["course"],
                locale=options["locale"],
                format=options["format"],
                fallback=fallback,
                output=options["output"],
                progress=self.progress,
            )
        except EditionError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"Could not write {options['output']}: {error.strerror}") from error
        edition = outcome.edition
        omitted = len(edition.omitted)
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {outcome.path} ({outcome.size:,} bytes): "
                f"{edition.course.title} [{edition.language_code}], {outcome.format}"
                + (f", {counted(omitted, 'untranslated page')} left out" if omitted else "")
                + "."
            )
        )
        skipped = getattr(outcome.result, "skipped", None) or []
        for title, reason in skipped:
            self.stdout.write(self.style.WARNING(f"Left out: {title}: {reason}"))
