"""Compile locale/*/LC_MESSAGES/*.po to .mo with polib (no GNU gettext needed).

Only files whose .po is newer than their .mo are compiled, so repeated runs are instant.

English is the language the interface strings are written in: its catalog needs no entries
(Django never falls back to another language's catalog for English, so the msgid shows).
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main():
    compiled = 0
    for po_path in sorted((ROOT / "locale").glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        po = polib.pofile(str(po_path))
        po.save_as_mofile(str(mo_path))
        compiled += 1
        print(f"compiled {po_path.relative_to(ROOT)} ({po.percent_translated()}% translated)")
    return 0 if compiled >= 0 else 1


if __name__ == "__main__":
    sys.exit(main())
