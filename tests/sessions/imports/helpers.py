"""Building spreadsheets for import tests, and uploading them as an officer would."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from sessions.models import ImportLog

ATTENDANCE_HEADERS = [
    "external id",
    "province",
    "youth group",
    "date",
    "duration in minutes",
    "name",
    "sex",
    "year of birth",
    "consent given on",
    "consent collected by",
]


def xlsx_bytes(rows: list[list], *, title: str = "data") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], *, delimiter: str = ",", bom: bool = False) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def upload(client, kind: str, data: bytes, name: str = "file.xlsx"):
    """Upload a file for checking; returns the response (followed) and the newest log."""
    response = client.post(
        reverse("trainings_imports:index"),
        {"kind": kind, "file": SimpleUploadedFile(name, data)},
        follow=True,
    )
    return response, ImportLog.objects.order_by("-pk").first()


def confirm(client, log):
    return client.post(reverse("trainings_imports:confirm", args=[log.pk]), follow=True)
