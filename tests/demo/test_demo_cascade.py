"""The demo's training cascade: a council and an NGO trained, and what their trainers held."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from sessions.models import PeerEducator, TrainingSession
from sessions.reports.cascade import cascade_report
from sessions.reports.selectors import ReportFilters

pytestmark = pytest.mark.django_db


@override_settings(DEMO_ACCOUNTS_ALLOWED=True)
def test_the_demo_shows_a_cascade_and_builds_it_once():
    call_command("load_demo_content", stdout=StringIO())
    training = TrainingSession.objects.get(is_training_of_trainers=True)
    assert training.status == TrainingSession.Status.VERIFIED
    trainers = PeerEducator.objects.filter(trained_at=training)
    assert sorted(trainers.values_list("group__kind__slug", flat=True)) == [
        "commune-council",
        "commune-council",
        "ngo",
    ]
    officer = get_user_model().objects.get(username="officer.siemreap")
    report = cascade_report(user=officer, filters=ReportFilters())
    # Trainer 1 holds two sessions (8 and 11 people), trainer 2 one (8), trainer 3 none yet.
    assert report["trained"]["total"] == 3
    assert report["sessions_through_trainers"] == 3
    assert report["people_reached"] == 8 + 11 + 8
    assert report["chain"].province.code == "17"
    sessions = TrainingSession.objects.count()
    call_command("load_demo_content", stdout=StringIO())
    assert TrainingSession.objects.count() == sessions
