"""SCORM 1.2 package figures (prints, asserts nothing): `python benchmarks/scorm_bench.py`.

On a scratch SQLite database with the demo course and its translations, builds the SCORM
package of the whole edition (10 SCOs, every asset) for each locale in BENCH_SCORM_LOCALES
(default "es,en") and prints its size, its number of files, the size of the SCO pages alone and
the time taken (wall clock and CPU of the process; the best of BENCH_SCORM_ROUNDS, default 3).
"""

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="scorm-bench-"))
os.environ.update(
    DATABASE_URL=f"sqlite:///{WORK / 'bench.sqlite3'}",
    MEDIA_ROOT=str(WORK / "media"),
    DJANGO_SETTINGS_MODULE="cms.settings.dev",
    TASKS_BACKEND="immediate",
)
LOCALES = [code for code in os.environ.get("BENCH_SCORM_LOCALES", "es,en").split(",") if code]
ROUNDS = int(os.environ.get("BENCH_SCORM_ROUNDS", "3"))


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True, env=os.environ,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def megabytes(size):
    return f"{size / 1024 / 1024:.2f} MB"


def main():
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo_course", "-v", "0")
    manage("load_demo_editorial")
    manage("load_demo_translations", "-v", "0")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from wagtail.models import Locale

    from course_content.models import CoursePage
    from exports.edition import load_edition
    from exports.scorm import build_scorm

    course = CoursePage.objects.filter(locale=Locale.get_default()).first()
    print("SCORM 1.2 package of the demo course (whole edition, untranslated pages included)")
    for code in LOCALES:
        edition = load_edition(course, Locale.objects.get(language_code=code))
        output = WORK / f"scorm-{code}.zip"
        walls, cpus = [], []
        for _round in range(ROUNDS):
            wall, cpu = time.perf_counter(), time.process_time()
            build_scorm(edition, output)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        with zipfile.ZipFile(output) as archive:
            infos = archive.infolist()
        pages = sum(info.file_size for info in infos if info.filename.endswith("index.html"))
        print(
            f"  {code:<6} {megabytes(output.stat().st_size)} zipped "
            f"({megabytes(sum(info.file_size for info in infos))} unzipped), {len(infos)} files, "
            f"SCO pages {megabytes(pages)}; built in {min(walls):.2f} s "
            f"(CPU {min(cpus):.2f} s; best of {ROUNDS})"
        )


if __name__ == "__main__":
    main()
