"""Home page fixtures: the Khmer home page from the migration and its English translation."""

import pytest
from wagtail.models import Locale, Site

from demo.home_pages import demo_home_pages_build


@pytest.fixture
def home_pages(db):
    """The demo home pages in Khmer and English, as `make run` builds them."""
    demo_home_pages_build()
    khmer = Site.objects.get(is_default_site=True).root_page.specific
    english = khmer.get_translation(Locale.objects.get(language_code="en"))
    return {"km": khmer, "en": english.specific}
