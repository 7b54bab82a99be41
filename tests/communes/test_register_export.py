"""The movement register's list as a spreadsheet: the asker's communes only, never a name,
through the escaping writer, logged before it leaves."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from communes.models import RegisterExportLog
from tests.communes.conftest import focal_point_of

pytestmark = pytest.mark.django_db

URL = "communes_movement:index"


def rows_of(response) -> list[tuple]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True))


def test_an_officer_exports_their_communes_records_without_names(
    client, records, officer_siem_reap
):
    client.force_login(officer_siem_reap)
    response = client.get(reverse(URL), {"export": "xlsx"})
    assert response.status_code == 200
    rows = rows_of(response)
    codes = [row[0] for row in rows[1:]]
    assert codes == [records["A"].person_code]
    text = repr(rows)
    assert records["B"].person_code not in text
    assert "Secret name" not in text and "01234567" not in text
    logged = RegisterExportLog.objects.get()
    assert (logged.user, logged.what, logged.export_format, logged.row_count) == (
        officer_siem_reap,
        "movements",
        "xlsx",
        1,
    )
    assert logged.personal_data is False


def test_a_national_officer_exports_every_commune(client, records, national):
    client.force_login(national)
    csv = b"".join(client.get(reverse(URL), {"export": "csv"}).streaming_content).decode()
    assert records["B"].person_code in csv and "Secret name" not in csv
    rows = rows_of(client.get(reverse(URL), {"export": "xlsx"}))
    assert {row[0] for row in rows[1:]} == {records["A"].person_code, records["B"].person_code}
    assert "Secret name" not in repr(rows)
    assert sorted(RegisterExportLog.objects.values_list("export_format", flat=True)) == [
        "csv",
        "xlsx",
    ]


@pytest.mark.parametrize("who", ["focal_point", "editor", "anonymous"])
def test_focal_points_editors_and_anonymous_readers_get_no_file(client, records, editor, who):
    if who == "editor":
        client.force_login(editor)
    elif who == "focal_point":
        client.force_login(focal_point_of(records["A"].commune))
    response = client.get(reverse(URL), {"export": "xlsx"})
    assert response.status_code in (302, 403)
    assert not RegisterExportLog.objects.exists()


LOG = "communes_export_log:index"


def test_national_officers_read_the_export_log(client, records, national, officer_siem_reap):
    client.force_login(officer_siem_reap)
    client.get(reverse(URL), {"export": "xlsx"})
    client.force_login(national)
    response = client.get(reverse(LOG))
    assert response.status_code == 200
    assert officer_siem_reap.username in response.content.decode()
    entry = RegisterExportLog.objects.get()
    assert client.get(reverse("communes_export_log:inspect", args=[entry.pk])).status_code == 200
    for action in ("edit", "delete"):
        assert client.get(
            reverse(f"communes_export_log:{action}", args=[entry.pk])
        ).status_code in (
            302,
            403,
        )


@pytest.mark.parametrize("who", ["officer", "focal_point", "editor", "anonymous"])
def test_no_one_else_reads_the_export_log(client, records, officer_siem_reap, editor, who):
    user = {
        "officer": officer_siem_reap,
        "focal_point": focal_point_of(records["A"].commune),
        "editor": editor,
        "anonymous": None,
    }[who]
    if user is not None:
        client.force_login(user)
    response = client.get(reverse(LOG))
    assert response.status_code in (302, 403)
