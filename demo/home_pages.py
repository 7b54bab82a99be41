"""The demo site's home page in Khmer and English (demo/data/home.toml), built once, kept after."""

from django.db import transaction
from wagtail.models import Locale, Site

from home.models import HomePage

from .data_files import demo_data


@transaction.atomic
def demo_home_pages_build() -> list[str]:
    """Give the home page its demo text in Khmer and add its English translation, once."""
    content = demo_data("home")
    done = []
    site = Site.objects.get(is_default_site=True)
    khmer_home = site.root_page.specific
    if isinstance(khmer_home, HomePage) and not khmer_home.introduction:
        _publish(khmer_home, content["km"])
        done.append("km")
    english = Locale.objects.get(language_code="en")
    if khmer_home.get_translation_or_none(english) is None:
        english_home = khmer_home.copy_for_translation(english)
        _publish(english_home, content["en"])
        done.append("en")
    return done


def _publish(page: HomePage, content: dict) -> None:
    page.title = content["title"]
    page.draft_title = content["title"]
    page.introduction = content["introduction"]
    page.save_revision().publish()
