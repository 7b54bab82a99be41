"""Bad input gets a clear message: dates, durations, ages and consent."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from sessions.models import Attendance
from tests.factories import (
    MinorParticipantFactory,
    ParticipantFactory,
    TrainingSessionFactory,
    YouthGroupFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("messages_in_english")]


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def test_a_session_cannot_be_in_the_future():
    session = TrainingSessionFactory.build(
        group=YouthGroupFactory(), date=timezone.localdate() + datetime.timedelta(days=1)
    )
    session.commune = session.group.commune
    assert errors_of(session)["date"] == ["The session date cannot be in the future."]


def test_a_session_cannot_be_before_the_group_was_founded():
    group = YouthGroupFactory(founded_on=datetime.date(2024, 6, 1))
    session = TrainingSessionFactory.build(
        group=group, commune=group.commune, date=datetime.date(2024, 5, 31)
    )
    [message] = errors_of(session)["date"]
    assert message.startswith("The session cannot be before the group was founded")


def test_a_session_needs_a_positive_duration():
    group = YouthGroupFactory()
    session = TrainingSessionFactory.build(group=group, commune=group.commune, duration_minutes=0)
    assert errors_of(session)["duration_minutes"] == [
        "The duration must be a positive number of minutes."
    ]


@pytest.mark.parametrize("age", [5, 101])
def test_an_implausible_year_of_birth_is_refused(age):
    participant = ParticipantFactory.build(year_of_birth=timezone.localdate().year - age)
    [message] = errors_of(participant)["year_of_birth"]
    assert f"An age of {age} is not plausible" in message


def test_an_implausible_age_at_the_session_is_refused():
    session = TrainingSessionFactory(date=datetime.date(2021, 5, 1))
    participant = ParticipantFactory(year_of_birth=2013)  # 8 then, 10 or more now
    attendance = Attendance(session=session, participant=participant)
    [message] = errors_of(attendance)["participant"]
    assert "An age of 8 is not plausible" in message


def test_a_participant_under_18_needs_assent_and_guardian_consent():
    participant = MinorParticipantFactory.build(
        assent_given_on=None, guardian_consent_collected_by=""
    )
    errors = errors_of(participant)
    assert errors["assent_given_on"] == [
        "A participant under 18 needs their own assent recorded: the date and who collected it."
    ]
    assert errors["guardian_consent_on"] == [
        "A participant under 18 needs a guardian's consent recorded: the date and who collected it."
    ]


def test_a_participant_who_was_a_minor_at_the_session_needs_their_assent():
    session = TrainingSessionFactory(date=datetime.date(2022, 5, 1))
    # 19 today, 16 at the session, recorded with an adult's consent only.
    participant = ParticipantFactory(year_of_birth=timezone.localdate().year - 19)
    participant.year_of_birth = 2006
    errors = errors_of(Attendance(session=session, participant=participant))
    assert any("under 18" in message for message in errors["participant"])


def test_an_adult_needs_consent_recorded():
    participant = ParticipantFactory.build(consent_given_on=None)
    assert errors_of(participant)["consent_given_on"] == [
        "Record the date of consent and who collected it."
    ]


def test_a_participant_needs_a_year_of_birth_or_an_age_band():
    participant = ParticipantFactory.build(year_of_birth=None, age_band="")
    assert errors_of(participant)["year_of_birth"] == ["Give a year of birth or an age band."]


def test_an_officer_reads_the_validation_messages_in_khmer(siem_reap_club):
    import datetime

    from django.core.exceptions import ValidationError
    from django.utils import timezone

    session = siem_reap_club["session"]
    session.date = timezone.localdate() + datetime.timedelta(days=3)
    with translation.override("km"), pytest.raises(ValidationError) as error:
        session.full_clean()
    with translation.override("km"):
        assert "កាលបរិច្ឆេទវគ្គមិនអាចនៅពេលអនាគតបានទេ។" in error.value.messages
