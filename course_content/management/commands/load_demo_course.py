import time

from django.core.management.base import BaseCommand

from cms.commands import refuse_outside_demo
from course_content.demo.builder import DemoCourseBuilder


class Command(BaseCommand):
    help = (
        "Build the demo course (10 modules, 19 country units, evaluations, resources) as "
        "published pages. Does nothing if it is already there; --reset rebuilds it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo site and build it again."
        )

    def handle(self, *args, reset=False, verbosity=1, **options):
        refuse_outside_demo("load_demo_course")
        started = time.monotonic()

        def progress(message):
            if verbosity >= 1:
                self.stdout.write(f"  … {message}")

        builder = DemoCourseBuilder(progress=progress)
        if builder.is_loaded() and not reset:
            self.stdout.write("The demo course is already loaded (use --reset to rebuild it).")
            return
        if reset:
            self.stdout.write("Removing the demo course…")
            builder.reset()
        self.stdout.write("Building the demo course…")
        course = builder.build()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo course ready in {time.monotonic() - started:.1f}s: {course.title} "
                f"({course.url})"
            )
        )
