"""DHIS2 codes for the programme of tests/reports/conftest.py, and a DHIS2 server of our own."""

import http.server
import json
import threading

import pytest

from dhis2.models import (
    CategoryOptionComboMapping,
    CategoryOptionMapping,
    IndicatorMapping,
    OrgUnitMapping,
)
from geography.models import Province
from sessions.models import AgeBand, Sex
from tests.reports.conftest import programme  # noqa: F401 - the programme of the reports' tests

SEX_CODES = {Sex.FEMALE: "F", Sex.MALE: "M"}
BAND_CODES = {"10-14": "Y10-14", "15-17": "Y15-17", "18-24": "Y18-24", "25+": "Y25P"}


@pytest.fixture
def mappings(db, geography):
    IndicatorMapping.objects.create(
        indicator="people_reached", data_element="PS.5.3-15", data_set="SMH_MONTHLY"
    )
    IndicatorMapping.objects.create(
        indicator="attendances", data_element="SMH_ATTENDANCES", data_set="SMH_MONTHLY"
    )
    for sex, sex_code in SEX_CODES.items():
        CategoryOptionMapping.objects.create(
            disaggregation="sex", value=sex, category="SEX", category_option=sex_code
        )
        for band in AgeBand.values:
            CategoryOptionComboMapping.objects.create(
                sex=sex, age_band=band, category_option_combo=f"{sex_code}_{BAND_CODES[band]}"
            )
    for band, band_code in BAND_CODES.items():
        CategoryOptionMapping.objects.create(
            disaggregation="age_band", value=band, category="AGE", category_option=band_code
        )
    OrgUnitMapping.objects.create(province=Province.objects.get(code="17"), org_unit="KH_SR")
    OrgUnitMapping.objects.create(province=Province.objects.get(code="02"), org_unit="KH_BB")


class RecordingDhis2:
    """A DHIS2 stand-in on a local port: records each request, answers as `answer` says."""

    def __init__(self):
        self.requests: list[dict] = []
        self.status = 200
        self.body: dict = {}
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                recorder.requests.append(
                    {
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": json.loads(self.rfile.read(length)),
                    }
                )
                payload = json.dumps(recorder.body).encode()
                self.send_response(recorder.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def dhis2_server(settings):
    server = RecordingDhis2()
    settings.DHIS2_URL = server.url
    settings.DHIS2_USERNAME = "smh-import"
    settings.DHIS2_PASSWORD = "s3cret"
    settings.DHIS2_TIMEOUT_SECONDS = 5
    yield server
    server.close()
