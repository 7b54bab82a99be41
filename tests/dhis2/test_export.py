"""The DHIS2 values worked out by hand, their JSON and ADX, the dry run's gaps, the push.

Figures of tests/reports/conftest.py by month: December 2025, Siem Reap: P1 female 15–17,
P2 male 10–14. January 2026, Siem Reap: P1 female 18–24, P2 male 15–17, P3 female 25+;
Battambang: headcounts of 5 women 10–14 and 3 men 15–17 (attendances, no people).
February 2026, Battambang: P3 female 25+.
"""

import datetime
import json
from pathlib import Path

import pytest
from django.utils import translation
from lxml import etree

from dhis2.formats import ADX_NAMESPACE, adx_document, data_value_set
from dhis2.models import OrgUnitMapping, PushLog
from dhis2.selectors import dhis2_dry_run
from dhis2.services import dhis2_values_push
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

JANUARY = {"date_from": datetime.date(2026, 1, 1), "date_to": datetime.date(2026, 1, 31)}
SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).with_name("adx.xsd"))))


@pytest.fixture
def national(db):
    return UserFactory(role="National program officers")


def sent(values):
    return {
        (v["dataElement"], v["period"], v["orgUnit"], v["categoryOptionCombo"]): v["value"]
        for v in values
    }


def test_january_by_month_as_data_value_sets(programme, mappings, national):
    dry_run = dhis2_dry_run(user=national, period_kind="month", **JANUARY)
    assert dry_run.lacking == []
    payload = data_value_set(dry_run)
    assert set(payload) == {"dataValues"}
    for value in payload["dataValues"]:  # the dataValueSets shape: codes and a text value
        assert set(value) == {"dataElement", "period", "orgUnit", "categoryOptionCombo", "value"}
        assert all(isinstance(text, str) and text for text in value.values())
    assert sent(payload["dataValues"]) == {
        ("PS.5.3-15", "202601", "KH_SR", "F_Y18-24"): "1",
        ("PS.5.3-15", "202601", "KH_SR", "M_Y15-17"): "1",
        ("PS.5.3-15", "202601", "KH_SR", "F_Y25P"): "1",
        ("SMH_ATTENDANCES", "202601", "KH_SR", "F_Y18-24"): "1",
        ("SMH_ATTENDANCES", "202601", "KH_SR", "M_Y15-17"): "1",
        ("SMH_ATTENDANCES", "202601", "KH_SR", "F_Y25P"): "1",
        ("SMH_ATTENDANCES", "202601", "KH_BB", "F_Y10-14"): "5",  # headcounts: no people
        ("SMH_ATTENDANCES", "202601", "KH_BB", "M_Y15-17"): "3",
    }


def test_quarters_and_one_province(programme, mappings, national):
    battambang = programme["clubs"]["b"].commune.district.province
    dry_run = dhis2_dry_run(
        user=national,
        period_kind="quarter",
        date_from=datetime.date(2026, 2, 10),  # the whole quarter holding it
        date_to=datetime.date(2026, 2, 10),
        province_id=battambang.pk,
    )
    assert (dry_run.date_from, dry_run.date_to) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 3, 31),
    )
    assert sent(data_value_set(dry_run)["dataValues"]) == {
        ("PS.5.3-15", "2026Q1", "KH_BB", "F_Y25P"): "1",
        ("SMH_ATTENDANCES", "2026Q1", "KH_BB", "F_Y10-14"): "5",
        ("SMH_ATTENDANCES", "2026Q1", "KH_BB", "M_Y15-17"): "3",
        ("SMH_ATTENDANCES", "2026Q1", "KH_BB", "F_Y25P"): "1",
    }


def test_adx_validates_against_the_adx_structure(programme, mappings, national):
    dry_run = dhis2_dry_run(
        user=national,
        period_kind="month",
        date_from=datetime.date(2025, 12, 1),
        date_to=datetime.date(2026, 2, 28),
    )
    document = etree.fromstring(adx_document(dry_run))
    SCHEMA.assertValid(document)
    assert document.tag == f"{{{ADX_NAMESPACE}}}adx"
    groups = document.findall(f"{{{ADX_NAMESPACE}}}group")
    assert [(g.get("orgUnit"), g.get("period"), g.get("dataSet")) for g in groups] == [
        ("KH_SR", "2025-12-01/P1M", "SMH_MONTHLY"),
        ("KH_BB", "2026-01-01/P1M", "SMH_MONTHLY"),
        ("KH_SR", "2026-01-01/P1M", "SMH_MONTHLY"),
        ("KH_BB", "2026-02-01/P1M", "SMH_MONTHLY"),
    ]
    values = [
        (v.get("dataElement"), v.get("SEX"), v.get("AGE"), v.get("value"))
        for v in groups[1].findall(f"{{{ADX_NAMESPACE}}}dataValue")
    ]
    assert values == [
        ("SMH_ATTENDANCES", "F", "Y10-14", "5"),
        ("SMH_ATTENDANCES", "M", "Y15-17", "3"),
    ]
    total = sum(int(v.get("value")) for v in document.iter(f"{{{ADX_NAMESPACE}}}dataValue"))
    assert total == 6 + 14  # people in each month's cells (2 + 3 + 1) and every attendance


def test_the_dry_run_lists_every_value_lacking_a_mapping_and_sends_none_of_them(
    programme, mappings, national
):
    OrgUnitMapping.objects.filter(province__code="02").delete()
    with translation.override("en"):
        dry_run = dhis2_dry_run(user=national, period_kind="month", **JANUARY)
    assert len(dry_run.ready) == 6 and len(dry_run.lacking) == 2
    assert {value.province.code for value in dry_run.lacking} == {"02"}
    assert all("organisation unit of the province" in value.missing for value in dry_run.lacking)
    assert {v["orgUnit"] for v in data_value_set(dry_run)["dataValues"]} == {"KH_SR"}
    assert b"KH_BB" not in adx_document(dry_run)


def test_a_province_officer_gets_only_their_provinces(programme, mappings):
    from tests.factories import officer_of

    dry_run = dhis2_dry_run(user=officer_of("17"), period_kind="month", **JANUARY)
    assert {value.province.code for value in dry_run.values} == {"17"}
    assert len(dry_run.values) == 6


def test_a_push_sends_the_json_with_codes_and_logs_the_import_summary(
    programme, mappings, national, dhis2_server
):
    dhis2_server.body = {
        "httpStatus": "OK",
        "httpStatusCode": 200,
        "status": "OK",
        "response": {
            "responseType": "ImportSummary",
            "status": "SUCCESS",
            "importCount": {"imported": 6, "updated": 2, "ignored": 0, "deleted": 0},
            "conflicts": [],
        },
    }
    dry_run = dhis2_dry_run(user=national, period_kind="month", **JANUARY)
    log = dhis2_values_push(dry_run=dry_run, user=national)
    (request,) = dhis2_server.requests
    assert request["path"] == "/api/dataValueSets?idScheme=CODE&async=false"
    assert request["headers"]["Authorization"] == "Basic c21oLWltcG9ydDpzM2NyZXQ="
    assert request["headers"]["Content-Type"] == "application/json"
    assert request["body"] == data_value_set(dry_run)
    assert (log.outcome, log.http_status, log.imported, log.updated) == ("success", 200, 6, 2)
    assert PushLog.objects.get().values_sent == 8


def test_a_409_shows_the_conflicts(programme, mappings, national, dhis2_server):
    dhis2_server.status = 409
    dhis2_server.body = {
        "httpStatus": "Conflict",
        "httpStatusCode": 409,
        "status": "WARNING",
        "message": "One more conflicts encountered, please check import summary.",
        "response": {
            "responseType": "ImportSummary",
            "status": "WARNING",
            "importCount": {"imported": 5, "updated": 0, "ignored": 3, "deleted": 0},
            "conflicts": [
                {"object": "KH_BB", "value": "Org unit not in hierarchy of current user"}
            ],
        },
    }
    dry_run = dhis2_dry_run(user=national, period_kind="month", **JANUARY)
    log = dhis2_values_push(dry_run=dry_run, user=national)
    assert (log.outcome, log.http_status, log.imported, log.ignored) == ("conflict", 409, 5, 3)
    assert log.conflicts == [
        {"object": "KH_BB", "value": "Org unit not in hierarchy of current user"}
    ]


def test_a_server_that_is_down_is_said_and_logged(programme, mappings, national, dhis2_server):
    dhis2_server.close()
    dry_run = dhis2_dry_run(user=national, period_kind="month", **JANUARY)
    with translation.override("en"):
        log = dhis2_values_push(dry_run=dry_run, user=national)
    assert log.outcome == "error" and log.values_sent == 0
    assert "could not be reached" in log.message


def test_a_refused_account_is_said(programme, mappings, national, dhis2_server):
    dhis2_server.status = 401
    dhis2_server.body = {"httpStatus": "Unauthorized"}
    dry_run = dhis2_dry_run(user=national, period_kind="month", **JANUARY)
    with translation.override("en"):
        log = dhis2_values_push(dry_run=dry_run, user=national)
    assert log.outcome == "error" and log.http_status == 401
    assert "DHIS2_USERNAME" in log.message


def test_json_download_parses(programme, mappings, national, client):
    client.force_login(national)
    response = client.get(
        "/admin/dhis2/export/",
        {
            "period_kind": "month",
            "date_from": "2026-01-01",
            "date_to": "2026-01-31",
            "export": "json",
        },
    )
    assert response.status_code == 200
    assert len(json.loads(response.content)["dataValues"]) == 8
