"""`make bench`: the translation quality checks on the seeded set of the tests.

Prints the errors caught (by the check that should find each one) and the correct translations
flagged, overall, per class and per language, and how long the checks take per segment. The set
and the way it is counted are those of ``tests/translations/test_qa_seeded.py``, which asserts
the thresholds (>= 95 % caught, <= 5 % false alarms); this prints, it asserts nothing.
"""

import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")


def main():
    import django

    django.setup()
    from django.utils import translation

    from tests.translations.test_qa_seeded import CORRECT, ERRORS, current_checks, measure

    translation.activate("en")
    started = time.perf_counter()
    figures = measure(current_checks)
    rounds = 20
    for _ in range(rounds):
        for case in [*ERRORS, *CORRECT]:
            current_checks(case)
    per_segment = (time.perf_counter() - started) / ((rounds + 1) * (len(ERRORS) + len(CORRECT)))

    print("QA checks on the seeded set (Spanish sources; en, pt-br, fr targets)")
    print(f"  errors caught:  {figures['caught']}/{figures['errors']} ({figures['recall']:.1%})")
    print(
        f"  false alarms:   {len(figures['false_alarms'])}/{figures['correct']} "
        f"({figures['false_alarm_rate']:.1%})"
    )
    missed = Counter(case.expected for case in figures["missed"])
    totals = Counter(case.expected for case in ERRORS)
    print("  per class (caught/seeded):")
    for kind, total in sorted(totals.items()):
        print(f"    {kind:<16} {total - missed[kind]}/{total}")
    print("  per language (errors caught; correct flagged):")
    for language in ("en", "pt-br", "fr"):
        seeded = [case for case in ERRORS if case.language == language]
        caught = sum(case not in figures["missed"] for case in seeded)
        correct = [case for case in CORRECT if case.language == language]
        flagged = sum(case.language == language for case, _found in figures["false_alarms"])
        print(f"    {language:<6} {caught}/{len(seeded)}; {flagged}/{len(correct)}")
    for case, found in figures["false_alarms"]:
        print(f"  false alarm: [{case.language}] {case.target!r}: {sorted(found)}")
    for case in figures["missed"]:
        print(f"  missed: [{case.language}] {case.expected}: {case.target!r}")
    print(f"  time per segment: {per_segment * 1000:.2f} ms")


if __name__ == "__main__":
    main()
