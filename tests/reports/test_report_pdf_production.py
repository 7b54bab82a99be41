"""The programme report's PDF under the production static storage: Khmer that a person reads."""

import shutil

import pytest

from tests.factories import UserFactory
from tests.fixtures.pdf import assert_khmer_font_only, assert_same_picture, first_page_png
from tests.fixtures.production_static import production_storage

pytestmark = [pytest.mark.django_db, pytest.mark.needs_tool]

REPORT = "/admin/reports/programme/"


def test_the_report_pdf_is_set_in_noto_sans_khmer_under_production_storage(
    client, programme, collected_static_root
):
    client.force_login(UserFactory(role="National program officers"))
    with production_storage(collected_static_root):
        production = client.get(REPORT, {"export": "pdf", "language": "km"})
    assert production["Content-Type"] == "application/pdf"
    assert_khmer_font_only(production.content)
    # The same report made under the test settings (static files by their plain names).
    reference = client.get(REPORT, {"export": "pdf", "language": "km"})
    assert_same_picture(first_page_png(production.content), first_page_png(reference.content))


def test_a_report_whose_stylesheet_is_missing_is_not_sent_and_the_officer_is_told(
    client, programme, collected_static_root, tmp_path
):
    client.force_login(UserFactory(role="National program officers"))
    # The manifest of a deploy, but none of its files: the hashed names point nowhere.
    shutil.copy(collected_static_root / "staticfiles.json", tmp_path / "staticfiles.json")
    with production_storage(tmp_path):
        response = client.get(REPORT, {"export": "pdf", "language": "km"}, follow=True)
    assert response.redirect_chain[-1][0].startswith(REPORT)
    assert "export" not in response.redirect_chain[-1][0]
    messages = [str(message) for message in response.context["messages"]]
    assert any("PDF" in message for message in messages)
