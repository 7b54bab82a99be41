"""The demo site: the home page in Khmer and English, built once and kept thereafter."""

from django.db import transaction
from wagtail.models import Locale, Site

from .models import HomePage

HOME_CONTENT = {
    "km": {
        "title": "សុវត្ថិភាពក្នុងការធ្វើចំណាកស្រុក",
        "introduction": (
            "មេរៀន និងឯកសារសម្រាប់ក្លឹបយុវជន ដើម្បីជួយសហគមន៍ឱ្យធ្វើចំណាកស្រុកដោយសុវត្ថិភាព និងការពារខ្លួនពីការជួញដូរមនុស្ស។"
        ),
    },
    "en": {
        "title": "Safe Migration Hub",
        "introduction": (
            "Lessons and handouts for youth clubs, to help their communities migrate safely "
            "and protect themselves from trafficking."
        ),
    },
}


@transaction.atomic
def demo_home_pages_build() -> list[str]:
    """Give the home page its demo text in Khmer and add its English translation, once."""
    done = []
    site = Site.objects.get(is_default_site=True)
    khmer_home = site.root_page.specific
    if isinstance(khmer_home, HomePage) and not khmer_home.introduction:
        _publish(khmer_home, HOME_CONTENT["km"])
        done.append("km")
    english = Locale.objects.get(language_code="en")
    if khmer_home.get_translation_or_none(english) is None:
        english_home = khmer_home.copy_for_translation(english)
        _publish(english_home, HOME_CONTENT["en"])
        done.append("en")
    return done


def _publish(page: HomePage, content: dict) -> None:
    page.title = content["title"]
    page.draft_title = content["title"]
    page.introduction = content["introduction"]
    page.save_revision().publish()
