"""The words Wagtail's admin JavaScript shows an editor (StreamField, Draftail, sidebar, the
translation editor) come from Django's JavaScript catalogue: ours adds their Khmer."""

import json
import re
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.conf import settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories import UserFactory

JAVASCRIPT_CATALOGUE = Path(settings.BASE_DIR) / "locale/km/LC_MESSAGES/djangojs.po"


def editor_with_admin_language(language_code):
    editor = UserFactory(username=f"editor-{language_code}", role="Editors")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language_code
    profile.save()
    return editor


def catalogue_served(client, url_name, **headers) -> dict[str, str]:
    """The msgid -> translation pairs the admin's catalogue script hands to `gettext()`."""
    response = client.get(reverse(url_name), **headers)
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.DOTALL)
    return json.loads(found.group(1)) if found else {}


@pytest.mark.django_db
def test_the_admin_javascript_speaks_khmer_to_an_editor_whose_admin_language_is_khmer(client):
    client.force_login(editor_with_admin_language("km"))
    # The browser asks for English: the editor's admin language still wins.
    catalogue = catalogue_served(
        client, "wagtailadmin_javascript_catalog", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert catalogue["Insert a block"] == "បញ្ចូលប្លុក"
    assert catalogue["Collapse all"] == "បង្រួមទាំងអស់"
    assert catalogue["Write something or type ‘/’ to insert a block"].startswith("សរសេរ")


@pytest.mark.django_db
def test_the_translation_editor_buttons_are_khmer_for_a_khmer_editor(client):
    client.force_login(editor_with_admin_language("km"))
    catalogue = catalogue_served(
        client, "wagtail_localize:javascript_catalog", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert catalogue["Translate"] == "បកប្រែ"
    assert catalogue["Download PO file"] == "ទាញយកឯកសារ PO"


@pytest.mark.django_db
def test_an_editor_whose_admin_language_is_english_keeps_english_words(client):
    client.force_login(editor_with_admin_language("en"))
    catalogue = catalogue_served(client, "wagtailadmin_javascript_catalog")
    assert "Insert a block" not in catalogue


def installed_javascript() -> str:
    """The admin JavaScript of the installed Wagtail and wagtail-localize, all files together."""
    folders = [
        Path(wagtail.__file__).parent / "admin/static/wagtailadmin/js",
        Path(wagtail_localize.__file__).parent / "static/wagtail_localize/js",
    ]
    return "\n".join(path.read_text() for folder in folders for path in folder.rglob("*.js"))


def test_every_khmer_javascript_string_is_still_asked_for_by_the_installed_admin():
    """An upgrade that rewords a string would quietly bring the English back: say so here."""
    javascript = installed_javascript()
    gone = [
        entry.msgid
        for entry in polib.pofile(str(JAVASCRIPT_CATALOGUE))
        if not any(f"{quote}{entry.msgid}{quote}" in javascript for quote in "\"'`")
    ]
    assert gone == [], "Strings no longer in Wagtail's JavaScript: copy the new wording"
