"""Khmer is the users' first language: every interface string has a Khmer translation."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.needs_tool


@pytest.fixture
def fresh_catalogue(tmp_path, monkeypatch):
    """The Khmer catalogue as makemessages would make it now from the code and templates."""
    if shutil.which("xgettext") is None:
        pytest.skip("xgettext (Debian package gettext) is not installed")
    # makemessages writes to a `locale` folder in its working directory, so it runs in a
    # folder of links to the code with a copy of the catalogue: the committed one is left as is.
    base = Path(settings.BASE_DIR)
    workdir = tmp_path / "project"
    workdir.mkdir()
    for entry in base.iterdir():
        if entry.name not in NOT_SCANNED and not entry.name.startswith("."):
            (workdir / entry.name).symlink_to(entry)
    shutil.copytree(base / "locale", workdir / "locale")
    monkeypatch.chdir(workdir)
    with override_settings(LOCALE_PATHS=[workdir / "locale"]):
        call_command(
            "makemessages",
            locale=["km"],
            symlinks=True,
            ignore_patterns=["locale"],
            no_location=True,
            verbosity=0,
        )
    return polib.pofile(str(workdir / "locale" / "km" / "LC_MESSAGES" / "django.po"))


# Not product code: the catalogue itself, tests, benchmarks, tools and data.
NOT_SCANNED = {
    "locale",
    "node_modules",
    "tests",
    "benchmarks",
    "media",
    "var",
    "staticfiles",
    "test-artifacts",
}


def test_every_interface_string_is_translated_into_khmer(fresh_catalogue):
    untranslated = [entry.msgid for entry in fresh_catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in fresh_catalogue.fuzzy_entries()]
    assert untranslated == [], "Strings without a Khmer translation"
    assert fuzzy == [], "Khmer translations marked fuzzy, which Django ignores"


def test_the_committed_catalogue_is_up_to_date(fresh_catalogue):
    committed = polib.pofile(str(Path(settings.BASE_DIR) / "locale/km/LC_MESSAGES/django.po"))
    live = {entry.msgid for entry in committed if not entry.obsolete}
    assert {entry.msgid for entry in fresh_catalogue if not entry.obsolete} <= live, (
        "Run `manage.py makemessages -l km` and translate the new strings"
    )


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_no_committed_khmer_entry_is_empty_or_fuzzy(domain):
    """Also the JavaScript catalogue (djangojs), which makemessages above does not rebuild."""
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / f"locale/km/LC_MESSAGES/{domain}.po"))
    assert len(catalogue) > 0
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
