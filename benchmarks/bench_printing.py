"""PDF rendering and serving: WeasyPrint against headless Chromium printing the same HTML,
a cached pack against a static file of the same size, and the render's peak memory."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import PROJECT_ROOT, median_seconds, report, setup_django, throwaway_database

setup_django()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import path, reverse  # noqa: E402
from django.views.static import serve  # noqa: E402

from config import urls as project_urls  # noqa: E402
from curriculum.documents import lesson_html, pack_html  # noqa: E402
from curriculum.models import LessonPage, ModulePage  # noqa: E402
from curriculum.printing.files import printed_file_for  # noqa: E402
from demo.curriculum import demo_curriculum_build  # noqa: E402
from demo.home_pages import demo_home_pages_build  # noqa: E402
from geography.loading import load_geography  # noqa: E402
from pdf_engine import html_to_pdf  # noqa: E402

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-pdf-header-footer",
]


def chromium_print_seconds(html: str) -> float:
    """Headless Chromium printing the same HTML, with the same CSS, font and images."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "static" / "css").mkdir(parents=True)
        (root / "static" / "fonts").mkdir(parents=True)
        shutil.copy(finders.find("css/print.css"), root / "static/css/print.css")
        shutil.copy(
            finders.find("fonts/NotoSansKhmer.ttf"), root / "static/fonts/NotoSansKhmer.ttf"
        )
        os.symlink(settings.MEDIA_ROOT, root / "media")
        local_html = re.sub(r'(href|src)="/(static|media)/', r'\1="\2/', html)
        (root / "page.html").write_text(local_html, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={root / 'profile'}",
                f"--print-to-pdf={root / 'out.pdf'}",
                (root / "page.html").as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        elapsed = time.perf_counter() - start
        assert (root / "out.pdf").read_bytes().startswith(b"%PDF")
        return elapsed


def peak_memory_kib(code: str, **environment: str) -> int:
    """The peak resident memory of a fresh Python process running `code` after Django starts.

    Read from the process's own address space (VmHWM), not `getrusage`: Linux carries the
    peak of the forking parent (this benchmark, with its database and pages loaded) into
    a child's `ru_maxrss` across exec, so both figures read as the parent's.
    """
    script = (
        "import sys; sys.path.insert(0, 'benchmarks');"
        "from harness import setup_django; setup_django();"
        f"{code};"
        "print(next(int(line.split()[1]) for line in open('/proc/self/status')"
        " if line.startswith('VmHWM:')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **environment},
    )
    return int(result.stdout.strip().splitlines()[-1])


class BenchmarkUrls:
    urlpatterns = [
        path("same-size/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
        *project_urls.urlpatterns,
    ]


def main() -> None:
    with throwaway_database():
        load_geography()
        demo_home_pages_build()
        demo_curriculum_build()
        lesson = LessonPage.objects.live().filter(locale__language_code="km").first()
        module = ModulePage.objects.live().filter(locale__language_code="km").first()

        lesson_page_html = lesson_html(lesson=lesson, variant="lesson-plan")
        pack_page_html = pack_html(module=module)

        start = time.perf_counter()
        html_to_pdf(lesson_page_html)
        lesson_cold = time.perf_counter() - start
        start = time.perf_counter()
        html_to_pdf(pack_page_html)
        pack_cold = time.perf_counter() - start
        report("chromium_print_lesson_plan", chromium_print_seconds(lesson_page_html), "s")
        chromium_pack = chromium_print_seconds(pack_page_html)
        report("chromium_print_pack", chromium_pack, "s")
        chromium_lesson = chromium_print_seconds(lesson_page_html)
        report("weasyprint_lesson_plan_cold", lesson_cold, "s", chromium_lesson)
        report("weasyprint_pack_cold", pack_cold, "s", chromium_pack)

        # Serving: the stored pack through the download view, against Django serving a
        # file of the same size from the same process.
        printed = printed_file_for(page=module, variant="pack")
        same_size = Path(settings.MEDIA_ROOT, "bench-same-size.bin")
        same_size.write_bytes(os.urandom(printed.size))
        with override_settings(ROOT_URLCONF=BenchmarkUrls):
            client = Client()
            # Packs hold quiz answers: they are downloaded by a logged-in facilitator.
            leader = get_user_model().objects.create_user("bench-leader", password="x" * 20)
            leader.groups.add(Group.objects.get(name="Club leaders"))
            client.force_login(leader)
            url = reverse("printed_file_download", args=[module.pk, "pack"])
            assert client.get(url).status_code == 200

            def download(address):
                response = client.get(address)
                b"".join(response.streaming_content)

            static = median_seconds(lambda: download("/same-size/bench-same-size.bin"), repeat=200)
            cached = median_seconds(lambda: download(url), repeat=200)
        report("static_file_same_size", static * 1000, "ms")
        report("cached_pack_download", cached * 1000, "ms", static * 1000)

        # Peak memory: a fresh process rendering the pack, against one that only loads
        # WeasyPrint; both read the same media files.
        html_file = Path(settings.MEDIA_ROOT, "bench-pack.html")
        html_file.write_text(pack_page_html, encoding="utf-8")
        environment = {"TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT), "BENCH_HTML": str(html_file)}
        baseline_memory = peak_memory_kib("import weasyprint", **environment)
        render_memory = peak_memory_kib(
            "import os; from pdf_engine import html_to_pdf;"
            "html_to_pdf(open(os.environ['BENCH_HTML'], encoding='utf-8').read())",
            **environment,
        )
        report("process_with_weasyprint_peak_memory", baseline_memory / 1024, "MiB")
        report("pack_render_peak_memory", render_memory / 1024, "MiB", baseline_memory / 1024)


if __name__ == "__main__":
    main()
