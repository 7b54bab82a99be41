"""What the load benchmark's clients ask for, read from the demo site it built.

Run inside the deployed application (`manage.py shell`), so it prints the JSON that
benchmarks/load_users.py reads: addresses of Khmer pages and files, the accounts, and the
form of a session report for the demo club leader's club.
"""

import datetime
import json
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from curriculum.models import CurriculumIndexPage, LessonPage, ModulePage
from demo.accounts import DEMO_PASSWORD
from sessions.scoping import club_for_user

CLUB_LEADER = "clubleader"
OFFICER = "officer.siemreap"
SEARCH_QUERY = "ភ្នាក់ងារ"  # "agency"


def load_targets() -> dict:
    khmer = Locale.objects.get(language_code="km")
    lessons = LessonPage.objects.live().public().filter(locale=khmer).order_by("path")
    modules = ModulePage.objects.live().public().filter(locale=khmer).order_by("path")
    club = club_for_user(get_user_model().objects.get(username=CLUB_LEADER))
    assert club is not None, "the demo club leader leads no club"
    return {
        "home": "/km/",
        "curriculum": CurriculumIndexPage.objects.live().get(locale=khmer).url,
        "lessons": [lesson.url for lesson in lessons[:8]],
        "search": f"/km/search/?{urlencode({'q': SEARCH_QUERY})}",
        "handouts": [f"/km/print/{lesson.pk}/handout/" for lesson in lessons[:4]],
        "offline_packs": [f"/km/print/{module.pk}/offline-pack/" for module in modules[:2]],
        "password": DEMO_PASSWORD,
        "club_leader": CLUB_LEADER,
        "officer": OFFICER,
        "club_login": "/km/accounts/login/",
        "admin_login": "/admin/login/",
        "session_list": reverse("training_sessions:index"),
        "programme_report": reverse("trainings_reports:programme"),
        "session_new": "/km/club/sessions/new/",
        "session_form": {
            "date": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
            "start_time": "09:00",
            "duration_minutes": "90",
            "commune": str(club.commune_id),
            "facilitators": [str(educator.pk) for educator in club.peer_educators.all()],
            "audience": "youth",
            "attendance_mode": "headcount",
            "headcount-count_female_15_17": "6",
            "headcount-count_male_15_17": "5",
            "newcomers-TOTAL_FORMS": "0",
            "newcomers-INITIAL_FORMS": "0",
            "newcomers-MIN_NUM_FORMS": "0",
            "newcomers-MAX_NUM_FORMS": "50",
            "submit": "1",
        },
    }


print(json.dumps(load_targets()))
