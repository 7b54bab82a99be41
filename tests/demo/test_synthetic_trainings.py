"""The synthetic data generator behind the trainings benchmark: counts, places, a refusal."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from demo.synthetic_trainings import training_data_generate
from sessions.models import Attendance, TrainingSession

pytestmark = pytest.mark.django_db


def test_it_makes_the_sessions_and_attendances_asked_for_in_the_provinces_asked():
    counts = training_data_generate(
        sessions=30, attendances=300, groups=5, seed=4, province_codes=("17",)
    )
    assert (counts.sessions, counts.attendances) == (30, 300)
    assert TrainingSession.objects.count() == 30
    assert Attendance.objects.count() == 300
    provinces = set(
        TrainingSession.objects.values_list("group__commune__district__province__code", flat=True)
    )
    assert provinces == {"17"}


def test_the_command_reports_what_it_made():
    output = StringIO()
    call_command(
        "generate_training_data", "--sessions=10", "--attendances=50", "--groups=2", stdout=output
    )
    assert "10 sessions and 50 attendances" in output.getvalue()


@override_settings(
    DEBUG=False, DEMO_ACCOUNTS_ALLOWED=False, SETTINGS_MODULE="config.settings.production"
)
def test_the_command_refuses_a_production_database():
    with pytest.raises(CommandError):
        call_command("generate_training_data", "--sessions=1", "--attendances=1")
