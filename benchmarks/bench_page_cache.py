"""Reader pages served from the shared cache: the database cache against Redis, in one run.

The baseline is a bare Django response through the same middleware. Each page is measured
rendered (cache off) and served from the cache: from the process's own memory (the floor, which
two app servers cannot share) and from each shared backend: the database
cache (the table production already has) and Redis (a throwaway `redis-server` on a free
port). `cache_lookup_*` is the page cache's one round trip alone (three keys at once).
"""

import shutil
import socket
import subprocess
import tempfile
import time

from harness import median_seconds, report, setup_django, throwaway_database

setup_django()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.urls import path  # noqa: E402

from config import urls as project_urls  # noqa: E402
from curriculum.models import LessonPage  # noqa: E402
from demo.curriculum import demo_curriculum_build  # noqa: E402
from demo.home_pages import demo_home_pages_build  # noqa: E402
from geography.loading import load_geography  # noqa: E402
from home.page_cache import STATUS_HEADER  # noqa: E402

DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "django_cache",
    "OPTIONS": {"MAX_ENTRIES": 20000},
}
LOCAL_MEMORY_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
REPEAT = 1000


def bare_view(request):
    return HttpResponse("<!DOCTYPE html><title>ok</title><p>ok</p>")


class BenchmarkUrls:
    urlpatterns = [path("bare/", bare_view), *project_urls.urlpatterns]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ThrowawayRedis:
    """A redis-server on a free port in a temporary folder, stopped whatever happens."""

    def __enter__(self):
        self.folder = tempfile.mkdtemp(prefix="smh-redis-")
        self.port = free_port()
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", self.folder],
            stdout=subprocess.DEVNULL,
        )
        for __ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{self.port}/0",
        }

    def __exit__(self, *exc_info):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def served_cached(client, url) -> bool:
    # The first visit to an empty cache also has the home page's figures counted (the
    # immediate task backend), which purges the home page that visit was rendering.
    client.get(url)
    client.get(url)
    return client.get(url).get(STATUS_HEADER) == "hit"


def measure_backend(name: str, backend: dict, pages: dict, baseline: float) -> None:
    with override_settings(CACHES={"default": backend}, READER_PAGE_CACHE_SECONDS=900):
        cache.clear()
        client = Client()
        for page_name, url in pages.items():
            assert served_cached(client, url), f"{page_name} not served from {name}"
            seconds = median_seconds(lambda url=url: client.get(url), repeat=REPEAT)
            report(f"{page_name}_cached_{name}", seconds * 1000, "ms", baseline * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(pages["home_page_km"])
        report(f"home_page_cached_{name}_queries", len(queries), "queries")
        keys = ["reader-pages:generation", "reader-pages:path:x", "reader-pages:entry:x"]
        lookup = median_seconds(lambda: cache.get_many(keys), repeat=REPEAT)
        report(f"cache_lookup_{name}", lookup * 1000, "ms", baseline * 1000)


def main() -> None:
    with throwaway_database(), override_settings(ROOT_URLCONF=BenchmarkUrls):
        load_geography()
        demo_home_pages_build()
        demo_curriculum_build()
        lesson = LessonPage.objects.live().filter(locale__language_code="km").first()
        pages = {"home_page_km": "/km/", "lesson_page_km": lesson.url}
        client = Client()
        assert client.get("/km/").status_code == 200
        baseline = median_seconds(lambda: client.get("/bare/"), repeat=REPEAT)
        report("bare_django_response", baseline * 1000, "ms")
        for page_name, url in pages.items():
            seconds = median_seconds(lambda url=url: client.get(url), repeat=100)
            report(f"{page_name}_rendered", seconds * 1000, "ms", baseline * 1000)
            report(f"{page_name}_size", len(client.get(url).content) // 1024, "KiB")

        # The floor: a cache inside the process, which two app servers cannot share.
        measure_backend("locmem", LOCAL_MEMORY_CACHE, pages, baseline)

        with override_settings(CACHES={"default": DATABASE_CACHE}):
            call_command("createcachetable", verbosity=0)
        measure_backend("database", DATABASE_CACHE, pages, baseline)
        if shutil.which("redis-server") is None:
            print("redis: not measured, redis-server is not installed (Debian redis-server)")
            return
        with ThrowawayRedis() as redis_cache:
            measure_backend("redis", redis_cache, pages, baseline)


if __name__ == "__main__":
    main()
