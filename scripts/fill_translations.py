"""Fill the Khmer catalogue from a Python file of translations (a translator's helper).

    .venv/bin/python scripts/fill_translations.py translations.py

The file defines KM = {msgid: msgstr} and optionally PLURALS = {msgid: msgstr}
(Khmer has one plural form). Entries whose msgid is listed are set and lose any
fuzzy flag; the rest are left alone. Prints what is still untranslated.
"""

import runpy
import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/km/LC_MESSAGES/django.po"


def main(source: str) -> None:
    translations = runpy.run_path(source)
    singular, plural = translations.get("KM", {}), translations.get("PLURALS", {})
    catalogue = polib.pofile(str(CATALOGUE))
    for entry in catalogue:
        if entry.msgid_plural and entry.msgid in plural:
            entry.msgstr_plural = {0: plural[entry.msgid]}
        elif not entry.msgid_plural and entry.msgid in singular:
            entry.msgstr = singular[entry.msgid]
        else:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
    catalogue.metadata_is_fuzzy = False
    catalogue.save(str(CATALOGUE))
    missing = catalogue.untranslated_entries() + catalogue.fuzzy_entries()
    for entry in missing:
        sys.stdout.write(f"untranslated: {entry.msgid!r}\n")


if __name__ == "__main__":
    main(sys.argv[1])
