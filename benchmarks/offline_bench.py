"""Offline edition figures (prints, asserts nothing).

``.venv/bin/python benchmarks/offline_bench.py`` (run by ``make bench``): on a scratch SQLite
database with the demo (es, en, pt-br, fr, es-mx), builds the offline edition of the demo course
in each locale (untranslated pages included, with the site's notice) and prints its pages,
files, zip size and unpacked size, and the time it took (wall clock and the process's CPU time:
on a machine shared with other work, the CPU time says what the code costs).
``BENCH_OFFLINE_LOCALES`` (comma-separated) limits the locales.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="offline-bench-"))
os.environ.update(
    DATABASE_URL=f"sqlite:///{WORK / 'bench.sqlite3'}",
    MEDIA_ROOT=str(WORK / "media"),
    DJANGO_SETTINGS_MODULE="cms.settings.dev",
    TASKS_BACKEND="immediate",
)
LOCALES = os.environ.get("BENCH_OFFLINE_LOCALES", "es,en,pt-br,fr,es-mx").split(",")


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def megabytes(size):
    return f"{size / 1_000_000:.2f} MB"


def main():
    print(f"Offline edition: building the demo in {WORK} …", flush=True)
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo_course", "-v", "0")
    manage("load_demo_editorial")
    manage("load_demo_translations", "-v", "0")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from wagtail.models import Locale

    from course_content.demo import content
    from exports.edition import find_course, is_fallback, load_edition
    from exports.offline import build_offline

    course = find_course(content.COURSE["slug"])
    # Image renditions are made on a page's first rendering: make them once, so that every
    # row measures the same work.
    build_offline(load_edition(course, Locale.get_default()), WORK / "warm-up.zip")
    print()
    print("| locale | pages | untranslated | files | zip | unpacked | HTML | wall s | CPU s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for code in LOCALES:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            print(f"| {code} | (no such locale) |")
            continue
        edition = load_edition(course, locale)
        pages = list(edition.pages())
        untranslated = sum(1 for page in pages if is_fallback(page))
        output = WORK / f"offline-{code}.zip"
        started, cpu = time.perf_counter(), time.process_time()
        build_offline(edition, output)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        with zipfile.ZipFile(output) as archive:
            infos = archive.infolist()
        unpacked = sum(info.file_size for info in infos)
        html = sum(info.file_size for info in infos if info.filename.endswith(".html"))
        print(
            f"| {code} | {len(pages)} | {untranslated} | {len(infos)} | "
            f"{megabytes(output.stat().st_size)} | {megabytes(unpacked)} | {megabytes(html)} | "
            f"{wall:.1f} | {cpu:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
