"""`make run`'s SQLite database serves two people at once without "database is locked".

A lesson pack download failed with a 500 while another person logged in: both wrote (the
download count, the session), and SQLite's default mode let one of them fail at once. These
tests open the database the way `make run` configures it, in a file of their own.
"""

import threading
import time

import pytest
from django.db import connections, transaction
from django.db.utils import ConnectionHandler

from config.settings.base import database_from_url

WRITERS = 2
TRANSACTIONS_EACH = 25


@pytest.fixture
def make_run_database(tmp_path, django_db_blocker):
    """The `make run` database settings, for a SQLite file in a temporary folder."""
    handler = ConnectionHandler(
        {"default": database_from_url(f"sqlite:///{tmp_path / 'db.sqlite3'}")}
    )
    with django_db_blocker.unblock():
        yield handler
    handler.close_all()


def test_the_database_uses_write_ahead_logging_and_waits_when_busy(make_run_database):
    connection = make_run_database["default"]
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 10_000  # milliseconds
    assert connection.transaction_mode == "IMMEDIATE"
    connection.close()


def test_two_people_writing_at_once_both_succeed(make_run_database):
    setup = make_run_database["default"]
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, who TEXT NOT NULL)")
    setup.close()
    errors = []
    start = threading.Barrier(WRITERS)

    def person(name: str):
        # Each thread has its own connection, as each request of `runserver` does.
        connection = make_run_database["default"]
        connections["make_run"] = connection
        try:
            start.wait()
            for _visit in range(TRANSACTIONS_EACH):
                # Read, then write, in one transaction, as a login or a counted download does.
                with transaction.atomic(using="make_run"), connection.cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM visit")
                    time.sleep(0.002)
                    cursor.execute("INSERT INTO visit (who) VALUES (%s)", [name])
        except Exception as error:  # the test reports whatever stopped a writer
            errors.append(error)
        finally:
            connection.close()
            del connections["make_run"]

    threads = [threading.Thread(target=person, args=(f"person {n}",)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    check = make_run_database["default"]
    with check.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM visit")
        assert cursor.fetchone()[0] == WRITERS * TRANSACTIONS_EACH
    check.close()
