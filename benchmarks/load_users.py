"""The simulated clients of bench_load.py (a locustfile; locust runs it, nothing imports it).

Readers on their phones (home, curriculum, lessons, Khmer search, handouts), club leaders
(offline packs, and the session reports they submit), officers in the admin (session list,
programme report). What to ask for comes from the JSON file named by SMH_LOAD_TARGETS,
written by the benchmark from the database it built; every request is written, with its
start and end, to the JSON-lines file named by SMH_LOAD_RECORD, for the figures and for
telling the requests in flight during a database restart from those after it.
"""

import json
import os
import random
import time
import uuid
from urllib.parse import urlencode

from locust import FastHttpUser, constant, events, task

TARGETS = json.loads(open(os.environ["SMH_LOAD_TARGETS"]).read())  # noqa: SIM115
STATIC_COPY = os.environ.get("SMH_LOAD_STATIC") == "1"
RECORD: list[dict] = []


@events.request.add_listener
def record(request_type, name, response_time, response_length, exception, **kwargs):
    ended = time.time()
    response = kwargs.get("response")
    RECORD.append(
        {
            "name": name,
            "start": ended - response_time / 1000,
            "end": ended,
            "ms": response_time,
            "failed": exception is not None,
            "status": getattr(response, "status_code", 0),
            # HIT (and STALE, UPDATING): answered by nginx's cache, not the application.
            "cache": (getattr(response, "headers", None) or {}).get("X-Cache-Status"),
        }
    )


@events.quitting.add_listener
def write_record(environment, **kwargs):
    with open(os.environ["SMH_LOAD_RECORD"], "w") as out:
        for line in RECORD:
            out.write(json.dumps(line) + "\n")


def any_of(addresses: list[str]) -> str:
    return random.choice(addresses)  # noqa: S311 (which page to read, not a secret)


def form(fields: dict, csrf: str) -> str:
    """A form's body as a browser sends it (a list: one pair per value)."""
    return urlencode({**fields, "csrfmiddlewaretoken": csrf}, doseq=True)


def form_headers(referer: str) -> dict[str, str]:
    return {"Content-Type": "application/x-www-form-urlencoded", "Referer": referer}


class Visitor(FastHttpUser):
    abstract = True
    wait_time = constant(0)  # each client asks again as soon as it is answered
    insecure = True  # the benchmark's own self-signed certificate

    def log_in(self, login_path: str, username: str) -> None:
        self.client.get(login_path, name="login")
        csrf = self.csrf_token()
        with self.client.post(
            login_path,
            data=form({"username": username, "password": TARGETS["password"]}, csrf),
            headers=form_headers(self.host + login_path),
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login of {username}: {response.status_code}")

    def csrf_token(self) -> str:
        """The CSRF cookie as it is now (a login gives a new one)."""
        return next(cookie.value for cookie in self.client.cookiejar if cookie.name == "csrftoken")


class PageReader(Visitor):
    """A reader of pages only (no download): what nginx's cache answers, against the
    static copy, apart from the downloads."""

    weight = 1

    @task(3)
    def home(self):
        self.client.get(TARGETS["home"], name="home")

    @task(1)
    def curriculum(self):
        self.client.get(TARGETS["curriculum"], name="curriculum")

    @task(4)
    def lesson(self):
        self.client.get(any_of(TARGETS["lessons"]), name="lesson")

    @task(1)
    def search(self):
        self.client.get(TARGETS["search"], name="search (Khmer)")


class Reader(PageReader):
    """An anonymous reader: the pages a campaign link brings (PageReader's), and a handout."""

    @task(1)
    def handout(self):
        self.client.get(any_of(TARGETS["handouts"]), name="handout PDF")


class ClubLeader(Visitor):
    """A club leader: downloads the offline pack, reports the sessions the club held."""

    fixed_count = 4

    def on_start(self):
        if not STATIC_COPY:
            self.log_in(TARGETS["club_login"], TARGETS["club_leader"])

    @task(3)
    def offline_pack(self):
        self.client.get(any_of(TARGETS["offline_packs"]), name="offline pack")

    @task(1)
    def report_session(self):
        if STATIC_COPY:
            return
        marker = f"LOAD-{uuid.uuid4().hex}"
        with self.client.post(
            TARGETS["session_new"],
            data=form({**TARGETS["session_form"], "notes": marker}, self.csrf_token()),
            headers=form_headers(self.host + TARGETS["session_new"]),
            name="session report (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                # Written by the benchmark's own process after locust ends: what was saved.
                RECORD.append({"name": "submitted", "marker": marker})
            else:
                response.failure(f"report not saved: {response.status_code}")


class Officer(Visitor):
    """A program officer in the admin: the session list and the programme report."""

    fixed_count = 6

    def on_start(self):
        self.log_in(TARGETS["admin_login"], TARGETS["officer"])

    @task(2)
    def session_list(self):
        self.client.get(TARGETS["session_list"], name="officer: session list")

    @task(1)
    def programme_report(self):
        self.client.get(TARGETS["programme_report"], name="officer: programme report")
