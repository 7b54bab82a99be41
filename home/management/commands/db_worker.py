"""`manage.py db_worker`: django-tasks-db's worker, made to outlive a database outage.

django-tasks-db 0.13's worker loop lets every database error but "database is locked" end
the process: while PostgreSQL restarts, the first query fails with "connection refused" (or
"server closed the connection" on a connection the restart cut), and the worker exits for
good. This command has the same name and options (it is found before django-tasks-db's,
`home` being listed first in INSTALLED_APPS), and runs the same loop again after such an
error, once the database answers, waiting longer between tries while it does not.
"""

import contextlib
import logging
import time

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("django_tasks_db")

FIRST_RETRY_SECONDS = 1.0
LONGEST_RETRY_SECONDS = 30.0


class ReconnectingWorker(db_worker.Worker):
    """The django-tasks-db worker, whose loop starts again after losing its database."""

    def run(self) -> None:
        retry_seconds = FIRST_RETRY_SECONDS
        while self.running:
            started = time.monotonic()
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if time.monotonic() - started > LONGEST_RETRY_SECONDS:
                    # It ran well for a while before this outage: start waiting short again.
                    retry_seconds = FIRST_RETRY_SECONDS
                logger.warning(
                    "The database does not answer (%s); trying again in %.0f s.",
                    str(error).strip(),
                    retry_seconds,
                )
                close_broken_connections()
                time.sleep(retry_seconds)
                retry_seconds = min(retry_seconds * 2, LONGEST_RETRY_SECONDS)
        return None


def close_broken_connections() -> None:
    """Drop every connection, so that the next query opens a new one."""
    for connection in connections.all(initialized_only=True):
        # Closing a connection the server already cut may fail too; Django forgets it anyway.
        with contextlib.suppress(DatabaseError):
            connection.close()


class Command(db_worker.Command):
    help = "Run a database background worker that reconnects after a database outage"

    def handle(self, *args, **options) -> None:
        # The parent command builds its Worker by name; this one builds ours instead.
        original_worker = db_worker.Worker
        db_worker.Worker = ReconnectingWorker
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original_worker
