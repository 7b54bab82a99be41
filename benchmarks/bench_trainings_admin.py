"""The officers' session list and edit form with 100,000 sessions and 1,000,000 attendances,
against the same views over 50 sessions: queries per request and median time."""

import os

from harness import median_seconds, report, setup_django, throwaway_database

setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from demo.synthetic_trainings import training_data_generate  # noqa: E402
from geography.loading import load_geography  # noqa: E402
from sessions.models import TrainingSession  # noqa: E402
from tests.factories import UserFactory, officer_of  # noqa: E402

LARGE_SESSIONS = int(os.environ.get("BENCH_SESSIONS", "100000"))
LARGE_ATTENDANCES = int(os.environ.get("BENCH_ATTENDANCES", "1000000"))


def measure(client: Client, url: str, repeat: int) -> tuple[float, int]:
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # before more requests clear the connection's query log
    return median_seconds(lambda: client.get(url), repeat=repeat, warmup=3), query_count


def views(officer_client: Client, national_client: Client, session: TrainingSession):
    edit = reverse("training_sessions:edit", args=[session.pk])
    listing = reverse("training_sessions:index")
    return {
        "session_list_national": (national_client, listing),
        "session_list_officer": (officer_client, listing),
        "session_edit_form": (national_client, edit),
    }


def main() -> None:
    with throwaway_database():
        load_geography()
        national = UserFactory(username="bench-national", role="National program officers")
        officer = officer_of("17", "22", username="bench-officer")
        national_client, officer_client = Client(), Client()
        national_client.force_login(national)
        officer_client.force_login(officer)

        # The baseline's 50 sessions are all in the officer's provinces, so both officers'
        # lists show a full page of rows, as the large list does.
        training_data_generate(
            sessions=50, attendances=500, groups=10, seed=2, province_codes=("17", "22")
        )
        small_session = TrainingSession.objects.order_by("pk").first()
        small = {
            name: measure(client, url, repeat=30)
            for name, (client, url) in views(officer_client, national_client, small_session).items()
        }

        counts = training_data_generate(
            sessions=LARGE_SESSIONS, attendances=LARGE_ATTENDANCES, seed=3
        )
        report("generated_sessions", counts.sessions, "sessions")
        report("generated_attendances", counts.attendances, "rows")
        large = {
            name: measure(client, url, repeat=30)
            for name, (client, url) in views(officer_client, national_client, small_session).items()
        }
        for name in small:
            small_time, small_queries = small[name]
            large_time, large_queries = large[name]
            report(f"{name}_queries_50_sessions", small_queries, "queries")
            report(f"{name}_queries_large", large_queries, "queries", small_queries)
            report(f"{name}_median_large", large_time * 1000, "ms", small_time * 1000)


if __name__ == "__main__":
    main()
