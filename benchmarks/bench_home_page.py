"""Home page render time against a bare Django response through the same stack."""

from harness import median_seconds, report, setup_django, throwaway_database

setup_django()

from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.urls import path  # noqa: E402

from config import urls as project_urls  # noqa: E402
from demo.home_pages import demo_home_pages_build  # noqa: E402


def bare_view(request):
    return HttpResponse("<!DOCTYPE html><title>ok</title><p>ok</p>")


class BenchmarkUrls:
    urlpatterns = [path("bare/", bare_view), *project_urls.urlpatterns]


def main() -> None:
    with throwaway_database(), override_settings(ROOT_URLCONF=BenchmarkUrls):
        demo_home_pages_build()
        client = Client()
        assert client.get("/km/").status_code == 200
        baseline = median_seconds(lambda: client.get("/bare/"), repeat=300)
        home = median_seconds(lambda: client.get("/km/"), repeat=300)
        with CaptureQueriesContext(connection) as queries:
            client.get("/km/")
        report("bare_django_response", baseline * 1000, "ms")
        report("home_page_render_km", home * 1000, "ms", baseline * 1000)
        report("home_page_queries", len(queries), "queries")


if __name__ == "__main__":
    main()
