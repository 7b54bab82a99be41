"""The little content the deploy smoke test reads: a published Khmer lesson in a module.

Run inside the deployed application (`manage.py shell`), so it prints the lesson's id.
"""

from wagtail.models import Locale, Site

from curriculum.models import CurriculumIndexPage, HelpEntry, LessonPage, ModulePage
from tests.fixtures.curriculum import LESSON_SUMMARY_KM, lesson_body, publish

LESSON_TITLE_KM = "ពិនិត្យភ្នាក់ងារជ្រើសរើស"


def build_lesson() -> LessonPage:
    home = Site.objects.get(is_default_site=True).root_page.specific
    help_entry = HelpEntry.objects.create(
        locale=Locale.objects.get(language_code="km"),
        name="ខ្សែទូរស័ព្ទជំនួយជាតិ",
        category=HelpEntry.Category.HOTLINE,
        phone="012 000 111",
    )
    index = publish(home, CurriculumIndexPage(title="កម្មវិធីសិក្សា", slug="curriculum"))
    module = publish(
        index,
        ModulePage(
            title="ការធ្វើចំណាកស្រុក",
            slug="preparing",
            introduction="<p>កញ្ចប់មេរៀនសម្រាប់ក្លឹបយុវជន។</p>",
        ),
    )
    return publish(
        module,
        LessonPage(
            title=LESSON_TITLE_KM,
            slug="check-agency",
            summary=LESSON_SUMMARY_KM,
            duration_minutes=45,
            learning_objectives="<p>ស្គាល់ភ្នាក់ងារដែលមានអាជ្ញាប័ណ្ណ</p>",
            safeguarding_note="<p>ស្ដាប់ ហើយបញ្ជូន។</p>",
            body=lesson_body(help_entry=help_entry, blocks=3),
        ),
    )
