"""Sends a dataValueSets document to the configured DHIS2 server and reads its import summary.

The standard library's HTTP client, basic authentication, a timeout: nothing else is needed.
DHIS2 answers 200 with an import summary, or 409 with one listing its conflicts (the values it
refused and why); both come back as an `ImportSummary`. A server that cannot be reached, refuses
the account or answers something else comes back as `PushFailed` with a message for the officer.
"""

import base64
import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

IMPORT_PATH = "/api/dataValueSets"
#: Codes name data elements, org units and combos; DHIS2 answers with its summary at once.
IMPORT_QUERY = "?idScheme=CODE&async=false"


class PushFailed(Exception):
    """The values were not imported, and DHIS2 gave no summary to show: the message says why."""

    def __init__(self, message: str, *, http_status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.http_status = http_status


@dataclass(frozen=True)
class ImportSummary:
    """What DHIS2 said it did with the values."""

    http_status: int
    status: str
    imported: int = 0
    updated: int = 0
    ignored: int = 0
    deleted: int = 0
    conflicts: list[dict[str, str]] = field(default_factory=list)
    description: str = ""


def push_configured() -> bool:
    return bool(settings.DHIS2_URL)


def _summary(http_status: int, body: bytes) -> ImportSummary:
    """The import summary in DHIS2's envelope (2.36+: under "response") or bare (older)."""
    try:
        document: Any = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise PushFailed(
            _("The DHIS2 server answered with HTTP %(status)s, but not with an import summary.")
            % {"status": http_status},
            http_status=http_status,
        ) from error
    if not isinstance(document, dict):
        document = {}
    summary = document.get("response") if isinstance(document.get("response"), dict) else document
    counts = summary.get("importCount") or {}
    conflicts = [
        {"object": str(conflict.get("object", "")), "value": str(conflict.get("value", ""))}
        for conflict in summary.get("conflicts") or []
        if isinstance(conflict, dict)
    ]
    return ImportSummary(
        http_status=http_status,
        status=str(summary.get("status") or document.get("status") or ""),
        imported=int(counts.get("imported", 0)),
        updated=int(counts.get("updated", 0)),
        ignored=int(counts.get("ignored", 0)),
        deleted=int(counts.get("deleted", 0)),
        conflicts=conflicts,
        description=str(summary.get("description") or document.get("message") or ""),
    )


def push_data_value_set(payload: bytes) -> ImportSummary:
    """POST the JSON to the server in the settings; its summary, or `PushFailed`."""
    if not push_configured():
        raise PushFailed(_("No DHIS2 server is configured (DHIS2_URL)."))
    credentials = f"{settings.DHIS2_USERNAME}:{settings.DHIS2_PASSWORD}".encode()
    request = urllib.request.Request(  # noqa: S310 - the URL is the administrators' setting
        settings.DHIS2_URL + IMPORT_PATH + IMPORT_QUERY,
        data=payload,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Authorization": "Basic " + base64.b64encode(credentials).decode("ascii"),
        },
    )
    try:
        with urllib.request.urlopen(  # noqa: S310
            request, timeout=settings.DHIS2_TIMEOUT_SECONDS
        ) as response:
            return _summary(response.status, response.read())
    except urllib.error.HTTPError as error:
        body = error.read()
        if error.code == 409:
            return _summary(error.code, body)
        if error.code in (401, 403):
            raise PushFailed(
                _(
                    "The DHIS2 server refused the account (HTTP %(status)s): check "
                    "DHIS2_USERNAME and DHIS2_PASSWORD, and the account's authority to import."
                )
                % {"status": error.code},
                http_status=error.code,
            ) from error
        raise PushFailed(
            _("The DHIS2 server answered with an error (HTTP %(status)s); nothing was imported.")
            % {"status": error.code},
            http_status=error.code,
        ) from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PushFailed(
            _("The DHIS2 server could not be reached (%(reason)s); nothing was sent.")
            % {"reason": reason}
        ) from error
