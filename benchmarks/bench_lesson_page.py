"""Lesson page render time against Wagtail's plain welcome-style page, in the same run."""

from harness import median_seconds, report, setup_django, throwaway_database

setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from curriculum.models import LessonPage  # noqa: E402
from demo.curriculum import demo_curriculum_build  # noqa: E402
from demo.home_pages import demo_home_pages_build  # noqa: E402
from geography.loading import load_geography  # noqa: E402


def main() -> None:
    with throwaway_database():
        load_geography()
        demo_home_pages_build()
        demo_curriculum_build()
        home = Site.objects.get(is_default_site=True).root_page
        # Wagtail's plain page (template wagtailcore/page.html), like its welcome page.
        welcome = Page(title="Welcome to your new Wagtail site!", slug="welcome")
        home.add_child(instance=welcome)
        welcome.save_revision().publish()
        lesson = LessonPage.objects.live().filter(locale__language_code="km").first()

        client = Client()
        assert client.get(lesson.url).status_code == 200
        assert client.get(welcome.url).status_code == 200
        baseline = median_seconds(lambda: client.get(welcome.url), repeat=200)
        lesson_time = median_seconds(lambda: client.get(lesson.url), repeat=200)
        with CaptureQueriesContext(connection) as queries:
            client.get(lesson.url)
        report("welcome_page_render", baseline * 1000, "ms")
        report("lesson_page_render_km", lesson_time * 1000, "ms", baseline * 1000)
        report("lesson_page_queries", len(queries), "queries")
        report("lesson_page_blocks", len(lesson.body), "blocks")


if __name__ == "__main__":
    main()
