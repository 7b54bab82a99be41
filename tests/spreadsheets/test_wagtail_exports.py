"""Wagtail's own exports (site history, page reports) come out with formulas neutralised.

The attack: an editor names a snippet or a page `=HYPERLINK(...)`; whoever downloads the
site history or a page report opens a file that would run it.
"""

import csv
import io

import pytest
from openpyxl import load_workbook
from wagtail.log_actions import log

from curriculum.models import Topic
from tests.factories import UserFactory
from tests.fixtures.curriculum import publish

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","click")'
SITE_HISTORY = "/admin/reports/site-history/"
AGING_PAGES = "/admin/reports/aging-pages/"


@pytest.fixture
def editor(db):
    return UserFactory(role="Editors")


@pytest.fixture
def formula_topic(km_locale, editor):
    topic = Topic.objects.create(locale=km_locale, name=FORMULA, slug="formula")
    log(instance=topic, action="wagtail.create", user=editor)
    return topic


def content_of(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return b"".join(response)


def csv_rows(response) -> list[list[str]]:
    content = content_of(response)
    assert content.startswith("\ufeff".encode()), "Excel needs the BOM to read Khmer"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_cells(response):
    sheet = load_workbook(io.BytesIO(content_of(response))).worksheets[0]
    return [cell for row in sheet.iter_rows(min_row=2) for cell in row]


def test_site_history_csv_escapes_a_title_that_is_a_formula(admin_client, formula_topic):
    response = admin_client.get(SITE_HISTORY, {"export": "csv"})
    assert response.status_code == 200
    labels = [row[1] for row in csv_rows(response)[1:]]
    assert "'" + FORMULA in labels
    assert FORMULA not in labels


def test_site_history_xlsx_keeps_a_title_that_is_a_formula_as_text(admin_client, formula_topic):
    response = admin_client.get(SITE_HISTORY, {"export": "xlsx"})
    assert response.status_code == 200
    cells = [cell for cell in xlsx_cells(response) if cell.value == FORMULA]
    assert cells
    for cell in cells:
        assert cell.data_type == "s"
        assert cell.quotePrefix


def test_site_history_export_still_needs_the_admin(client, formula_topic):
    response = client.get(SITE_HISTORY, {"export": "csv"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_aging_pages_report_escapes_a_page_title_that_is_a_formula(
    admin_client, km_home, export_format
):
    from curriculum.models import CurriculumIndexPage

    publish(km_home, CurriculumIndexPage(title="@SUM(1+1)", slug="formula"))
    response = admin_client.get(AGING_PAGES, {"export": export_format})
    assert response.status_code == 200
    if export_format == "csv":
        titles = [row[0] for row in csv_rows(response)[1:]]
        assert "'@SUM(1+1)" in titles
    else:
        (cell,) = [cell for cell in xlsx_cells(response) if cell.value == "@SUM(1+1)"]
        assert (cell.data_type, cell.quotePrefix) == ("s", True)
