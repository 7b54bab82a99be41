"""The page editor in Khmer for an editor whose admin language is Khmer: Wagtail's words too."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import wagtail
import wagtail_localize
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.wagtail_admin_strings import PAGE_EDITOR_STRINGS, WAGTAIL_ADMIN_STRINGS
from tests.factories import UserFactory


class VisibleText(HTMLParser):
    """The text a person reads or hears on a page: text, labels, tooltips, placeholders."""

    SPOKEN_ATTRIBUTES = {"aria-label", "title", "placeholder", "data-w-tooltip-content-value"}

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template", "noscript"):
            self.hidden_depth += 1
        self.parts += [value for name, value in attrs if name in self.SPOKEN_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template", "noscript"):
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(response) -> str:
    parser = VisibleText()
    parser.feed(response.content.decode())
    return "\n".join(parser.parts)


def in_khmer(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "km"
    profile.save()
    return user


@pytest.fixture
def khmer_editor_client(client, db):
    client.force_login(in_khmer(UserFactory(username="editor", role="Editors")))
    return client


KHMER_WORDS = {
    "Save draft": "រក្សាទុកសេចក្ដីព្រាង",
    "More actions": "សកម្មភាពផ្សេងទៀត",
    "Submit to Moderators approval": "ដាក់ស្នើសុំការអនុម័តដោយអ្នកត្រួតពិនិត្យ",
    "Content (tab)": "ខ្លឹមសារ",
    "Promote (tab)": "ផ្សព្វផ្សាយ",
    "Preview": "មើលជាមុន",
    "Page title (placeholder)": "ចំណងជើងទំព័រ*",
    "title help text": "ចំណងជើងទំព័រ ដូចដែលអ្នកចង់ឱ្យសាធារណជនឃើញ",
    "slug help text": "ឈ្មោះទំព័រ ដូចដែលវានឹងបង្ហាញក្នុងអាសយដ្ឋាន",
    "For search engines": "សម្រាប់ម៉ាស៊ីនស្វែងរក",
    "Comments": "មតិយោបល់",
}
ENGLISH_WORDS = [
    "Save draft",
    "More actions",
    "Submit to",
    "Moderators approval",
    "Promote",
    "Content",
    "Preview",
    "Page title",
    "The page title as you'd like it to be seen by the public",
    "The name of the page as it will appear in URLs",
    "For search engines",
    "Comments",
    "Autosave",
    "Toggle",
]


def test_an_editor_reads_the_lesson_editor_in_khmer(khmer_editor_client, curriculum_tree):
    response = khmer_editor_client.get(
        reverse("wagtailadmin_pages:edit", args=[curriculum_tree["lesson"].pk])
    )

    text = visible_text(response)
    missing = [meaning for meaning, khmer in KHMER_WORDS.items() if khmer not in text]
    assert missing == []
    english = [word for word in ENGLISH_WORDS if re.search(rf"\b{re.escape(word)}\b", text)]
    assert english == []


def test_an_editor_adds_a_lesson_in_khmer(khmer_editor_client, curriculum_tree):
    module = curriculum_tree["module"]
    response = khmer_editor_client.get(
        reverse("wagtailadmin_pages:add", args=["curriculum", "lessonpage", module.pk])
    )

    text = visible_text(response)
    assert "ថ្មី: មេរៀន" in text  # Wagtail writes the colon itself
    assert "ដាក់ស្នើសុំការអនុម័តដោយអ្នកត្រួតពិនិត្យ" in text
    assert not re.search(r"\b(New|Save draft|Submit to|Moderators approval)\b", text)


def test_a_moderator_reads_publish_in_khmer(client, curriculum_tree):
    client.force_login(in_khmer(UserFactory(username="moderator", role="Moderators")))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[curriculum_tree["lesson"].pk]))

    text = visible_text(response)
    assert "ផ្សាយ" in text.split("\n")
    assert not re.search(r"\b(Publish|Unpublish|Save draft)\b", text)


def wagtails_own_msgids() -> set[str]:
    """Every msgid in the English catalogues Wagtail and wagtail-localize ship."""
    msgids = set()
    for package in (wagtail, wagtail_localize):
        for catalogue in Path(package.__file__).parent.rglob("locale/en/LC_MESSAGES/django.po"):
            content = catalogue.read_text(encoding="utf-8")
            for entry in re.findall(r'^msgid ((?:"[^\n]*"\n)+)', content, flags=re.MULTILINE):
                parts = re.findall(r'^"(.*)"$', entry, flags=re.MULTILINE)
                msgids.add("".join(parts).replace('\\"', '"').replace("\\n", "\n"))
    return msgids


def test_every_listed_wagtail_string_is_one_wagtail_uses():
    # A msgid that Wagtail rewords in an upgrade would silently fall back to English.
    own = wagtails_own_msgids()
    listed = [
        string for string in WAGTAIL_ADMIN_STRINGS + PAGE_EDITOR_STRINGS if isinstance(string, str)
    ]

    assert [string for string in listed if string not in own] == []
