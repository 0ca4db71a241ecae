from django.core.management.base import BaseCommand, CommandError

from adaptations.models import AdaptationRequest
from adaptations.services import run_project
from translations.management.commands.translations import Command as TranslationsCommand


class Command(BaseCommand):
    help = (
        "Run the translation project of an accepted adaptation request here, with progress: "
        "create its locale if missing (groups, workflow) and submit its modules. Accepting a "
        "request in the admin queues the same job; run this to see it in the terminal or to run "
        "it again after a failure (it creates only what is missing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("request_id", type=int, help="the request's number (#12 → 12)")

    def handle(self, *args, request_id, verbosity=1, **options):
        adaptation = AdaptationRequest.objects.filter(pk=request_id).first()
        if adaptation is None:
            raise CommandError(f"No adaptation request #{request_id}.")
        if adaptation.status != AdaptationRequest.ACCEPTED or adaptation.job_id is None:
            raise CommandError(f"Adaptation request #{request_id} has not been accepted.")
        self.verbosity = verbosity
        try:
            submitted = run_project(request_id, progress=self.progress)
        except Exception as error:
            raise CommandError(f"The project failed: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Locale '{adaptation.locale_code}' is ready; {submitted} page(s) submitted."
            )
        )

    progress = TranslationsCommand.progress
    name_of = staticmethod(TranslationsCommand.name_of)
