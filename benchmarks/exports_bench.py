"""`make bench`: size and time of course exports (exports/), per format and language.

On a scratch SQLite database with the demo (es, en, pt-br, fr), each format is exported for each
language through ``exports.services.export_edition`` (what the command and the admin's task run)
a few times; prints the file size and the median time. Formats whose builder is not installed are
reported as such. BENCH_EXPORT_FORMATS (default: every format) and BENCH_EXPORT_LOCALES (default:
every language of the demo) choose what is measured. It prints, it asserts nothing.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="exports-bench-"))
os.environ.update(
    DATABASE_URL=f"sqlite:///{WORK / 'bench.sqlite3'}",
    MEDIA_ROOT=str(WORK / "media"),
    EXPORTS_ROOT=str(WORK / "exports"),
    DJANGO_SETTINGS_MODULE="cms.settings.dev",
    TASKS_BACKEND="immediate",
)
ROUNDS = 3


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def main():
    print(f"Exports benchmark (scratch database in {WORK})")
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo_course", "-v", "0")
    manage("load_demo_editorial")
    manage("load_demo_translations", "-v", "0")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from course_content.demo import content
    from exports.edition import INCLUDE, EditionError, find_course
    from exports.formats import FORMATS
    from exports.services import export_edition

    course = find_course(content.COURSE["slug"])
    formats = os.environ.get("BENCH_EXPORT_FORMATS", ",".join(FORMATS)).split(",")
    from wagtail.models import Locale

    every = ",".join(
        Locale.objects.order_by("language_code").values_list("language_code", flat=True)
    )
    locales = os.environ.get("BENCH_EXPORT_LOCALES", every).split(",")
    print(
        f"  {'format':<10} {'locale':<7} {'size':>12} {'median time':>12} {'CPU':>8}"
        f"  (of {ROUNDS} runs)"
    )
    for code in formats:
        fmt = FORMATS[code]
        try:
            fmt.builder_function()
        except ImportError:
            print(f"  {code:<10} (builder not installed on this branch)")
            continue
        for language in locales:
            output = WORK / fmt.filename(course.slug, language)
            times, cpu = [], []
            try:
                for _ in range(ROUNDS):
                    started, started_cpu = time.perf_counter(), time.process_time()
                    outcome = export_edition(course=course, locale=language, format=code,
                                             fallback=INCLUDE, output=output)  # fmt: skip
                    times.append(time.perf_counter() - started)
                    cpu.append(time.process_time() - started_cpu)
            except EditionError as error:
                print(f"  {code:<10} {language:<7} {error}")
                continue
            print(
                f"  {code:<10} {language:<7} {outcome.size:>10,} B "
                f"{statistics.median(times) * 1000:>9.0f} ms "
                f"{statistics.median(cpu) * 1000:>5.0f} ms"
            )


if __name__ == "__main__":
    main()
