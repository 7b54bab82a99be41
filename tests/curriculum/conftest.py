"""A small curriculum tree in Khmer: an index, a module, a lesson, a campaign, help."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Site

from curriculum.models import (
    Audience,
    CampaignIndexPage,
    CampaignPage,
    CurriculumIndexPage,
    HelpEntry,
    HelpPage,
    LessonPage,
    ModulePage,
    PublicationIndexPage,
    PublicationPage,
    Topic,
)
from sessions.models import Province

LESSON_SUMMARY_KM = "យុវជនត្រូវពិនិត្យមើលថាភ្នាក់ងារជ្រើសរើសមានអាជ្ញាប័ណ្ណពីក្រសួងការងារ។"


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def lesson_body(*, help_entry, blocks=5):
    """A lesson body of about `blocks` blocks of every kind."""
    kinds = [
        (
            "activity",
            {
                "title": "ល្បែងតួនាទី៖ ភ្នាក់ងារមកភូមិ",
                "minutes": 20,
                "steps": ["ជ្រើសរើសអ្នកស្ម័គ្រចិត្តពីរនាក់។", "ពិភាក្សាអំពីសញ្ញាព្រមាន។"],
                "facilitator_tip": "TIP-FOR-FACILITATORS",
            },
        ),
        ("discussion_questions", {"questions": ["តើអ្នកនឹងពិនិត្យអាជ្ញាប័ណ្ណដោយរបៀបណា?"]}),
        ("key_messages", {"messages": ["កុំប្រគល់លិខិតឆ្លងដែនរបស់អ្នកឱ្យនិយោជក។"]}),
        (
            "quiz_question",
            {
                "question": "តើនរណាអាចរក្សាលិខិតឆ្លងដែនរបស់អ្នក?",
                "options": ["និយោជក", "ភ្នាក់ងារ", "មានតែខ្លួនអ្នក"],
                "correct_option": 3,
                "explanation": "EXPLANATION-FOR-FACILITATORS",
            },
        ),
        ("where_to_get_help", {"heading": "", "entries": [help_entry]}),
    ]
    return [kinds[index % len(kinds)] for index in range(blocks)]


@pytest.fixture
def km_locale(db):
    return Locale.objects.get(language_code="km")


@pytest.fixture
def en_locale(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def km_home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def help_entries(km_locale):
    national = HelpEntry.objects.create(
        locale=km_locale,
        name="ខ្សែទូរស័ព្ទជំនួយជាតិ",
        category=HelpEntry.Category.HOTLINE,
        phone="012 000 111",
        hours="២៤ ម៉ោង",
        is_demo=True,
    )
    siem_reap = HelpEntry.objects.create(
        locale=km_locale,
        name="ជំនួយផ្លូវច្បាប់សៀមរាប",
        category=HelpEntry.Category.LEGAL_AID,
        phone="012 000 222",
        is_demo=True,
    )
    siem_reap.provinces.set([Province.objects.get(code="17")])
    siem_reap.save()
    return {"national": national, "siem_reap": siem_reap}


@pytest.fixture
def curriculum_tree(km_home, km_locale, help_entries):
    topic = Topic.objects.create(locale=km_locale, name="ភ្នាក់ងារជ្រើសរើស", slug="agencies")
    other_topic = Topic.objects.create(locale=km_locale, name="ឯកសារ", slug="documents")
    youth = Audience.objects.create(locale=km_locale, name="យុវជន", slug="youth")
    index = publish(km_home, CurriculumIndexPage(title="កម្មវិធីសិក្សា", slug="curriculum"))
    module = publish(
        index,
        ModulePage(
            title="ការរៀបចំធ្វើចំណាកស្រុកដោយសុវត្ថិភាព",
            slug="preparing",
            introduction="<p>កញ្ចប់មេរៀនសម្រាប់ក្លឹបយុវជន។</p>",
        ),
    )
    lesson = LessonPage(
        title="ពិនិត្យភ្នាក់ងារជ្រើសរើស",
        slug="check-agency",
        summary=LESSON_SUMMARY_KM,
        duration_minutes=45,
        learning_objectives="<ul><li>ស្គាល់ភ្នាក់ងារដែលមានអាជ្ញាប័ណ្ណ</li></ul>",
        safeguarding_note="<p>SAFEGUARDING-NOTE ស្ដាប់ ហើយបញ្ជូនទៅខ្សែទូរស័ព្ទជំនួយ។</p>",
        body=lesson_body(help_entry=help_entries["national"]),
    )
    lesson.topics.set([topic])
    lesson.audiences.set([youth])
    lesson = publish(module, lesson)
    short_lesson = LessonPage(
        title="កិច្ចសន្យា",
        slug="contracts",
        summary="អានកិច្ចសន្យាមុនចុះហត្ថលេខា។",
        duration_minutes=20,
        learning_objectives="<p>ដឹងពីអ្វីដែលត្រូវមានក្នុងកិច្ចសន្យា។</p>",
        safeguarding_note="<p>ស្ដាប់ ហើយបញ្ជូន។</p>",
        body=[],
    )
    short_lesson.topics.set([other_topic])
    short_lesson = publish(module, short_lesson)
    return {
        "index": index,
        "module": module,
        "lesson": lesson,
        "short_lesson": short_lesson,
        "topic": topic,
        "youth": youth,
    }


@pytest.fixture
def campaign(km_home):
    index = publish(km_home, CampaignIndexPage(title="យុទ្ធនាការ", slug="campaigns"))
    today = timezone.localdate()
    page = CampaignPage(
        title="ធ្វើចំណាកស្រុកដោយសុវត្ថិភាព ២០២៦",
        slug="safe-migration-2026",
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=30),
        introduction="យុទ្ធនាការតាមវិទ្យុនៅខេត្តជាប់ព្រំដែន។",
        key_messages=[("message", "ពិនិត្យអាជ្ញាប័ណ្ណភ្នាក់ងារ")],
        call_to_action_text="ហៅទូរស័ព្ទមុនពេលចេញដំណើរ",
        call_to_action_phone="012 000 111",
    )
    page.provinces.set(Province.objects.filter(code__in=["01", "02", "17"]))
    return publish(index, page)


@pytest.fixture
def publication(km_home):
    index = publish(km_home, PublicationIndexPage(title="ឯកសារបោះពុម្ព", slug="publications"))
    document = get_document_model().objects.create(
        title="Survey", file=ContentFile(b"%PDF-1.4 demo", name="survey.pdf")
    )
    return publish(
        index,
        PublicationPage(
            title="ការស្ទង់មតិអំពីការធ្វើចំណាកស្រុក",
            slug="survey",
            summary="សេចក្ដីសង្ខេបនៃការស្ទង់មតិ។",
            publication_date=datetime.date(2026, 6, 1),
            document=document,
        ),
    )


@pytest.fixture
def help_page(km_home, help_entries):
    return publish(km_home, HelpPage(title="កន្លែងទទួលជំនួយ", slug="help"))


@pytest.fixture
def en_home(km_home, en_locale):
    """The English home page, so English pages have a parent to go under."""
    from home.demo import demo_home_pages_build

    demo_home_pages_build()
    return km_home.get_translation(en_locale).specific
