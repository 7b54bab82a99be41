"""Every cascade figure, worked out by hand on a small programme.

Siem Reap (17): a commune council (commune 1), an NGO and youth club A (commune 2).
Battambang (02): commune council B.

People: T1 (female, born 1990, member of the council), T2 (male, born 2004, the NGO),
T3 (female, born 2008, club A), T4 (male, born 1980, council B); P1, P2, P4, P5, P6, P7.

| session | group   | date       | status    | facilitators | attendance                 |
| ------- | ------- | ---------- | --------- | ------------ | -------------------------- |
| tot1    | NGO     | 2025-06-10 | verified  | –            | T1, T2, T3 (trainers)      |
| tot2    | council B | 2025-07-01 | verified | –           | T4 (trainer)               |
| c5      | NGO     | 2025-06-01 | verified  | T2           | P5 (before T2's training)  |
| c1      | council | 2025-07-01 | verified  | T1           | P1, T3                     |
| c2      | council | 2025-08-01 | verified  | T1           | P1, P2, T3                 |
| c6      | council | 2025-09-01 | submitted | T1           | P6 (not verified)          |
| c3      | club A  | 2025-10-20 | verified  | T3           | P2, P4                     |
| c4      | club A  | 2025-11-01 | verified  | T3           | headcount: female 10–14 ×5 |
| c7      | council B | 2025-08-15 | verified | T4          | P7                         |

Worked by hand (the national officer, on 2026-01-01):
- trainers: 4 — kinds: youth club 1, council 2, NGO 1; Battambang 1, Siem Reap 3;
  female 2, male 2; bands on the day of training: T1 35 → 25+, T2 21 → 18–24,
  T3 17 → 15–17, T4 45 → 25+.
- through T1: c1, c2 → 2 sessions, people {P1, T3, P2} = 3, attendances 5;
  T3: c3, c4 → 2 sessions, people {P2, P4} = 2, attendances 2 + 5 = 7;
  T4: c7 → 1, 1, 1; T2: nothing (c5 was before their training).
- people reached through trainers: {P1, T3, P2, P4, P7} = 5: T3, trained as a trainer and
  at two community sessions, is one person; sessions through trainers: 5.
- per trainer: [3, 2, 1, 0] → median 1.5; 0: one trainer, 1–9: three.
- not facilitated within 3 months: T2 (nothing), T3 (first on 2025-10-20, after
  2025-09-10); T1 and T4 held one in time.
- programme headline (trainings of trainers excluded): c1, c2, c3, c4, c5, c7 = 6 sessions;
  people {P1, T3, P2, P4, P5, P7} = 6 (T3 once).
"""

import datetime

import pytest
from django.utils import translation

from geography.models import Commune, Province
from sessions.models import GroupKind, Headcount, Membership, PeerEducator, Sex, TrainingSession
from sessions.reports.cascade import add_months, cascade_report
from sessions.reports.selectors import ReportFilters, programme_report
from sessions.services import training_session_verify
from tests.factories import (
    AttendanceFactory,
    ParticipantFactory,
    TrainingSessionFactory,
    UserFactory,
    YouthGroupFactory,
    group_kind,
    officer_of,
)

VERIFIED, SUBMITTED = TrainingSession.Status.VERIFIED, TrainingSession.Status.SUBMITTED
TODAY = datetime.date(2026, 1, 1)


def communes_of(province_code):
    return list(Commune.objects.filter(district__province__code=province_code).order_by("code"))


def held(group, date, facilitators, people, status=VERIFIED, headcount=()):
    session = TrainingSessionFactory(group=group, date=date, status=status)
    session.facilitators.set(facilitators)
    for person in people:
        AttendanceFactory(session=session, participant=person)
    for sex, band, count in headcount:
        Headcount.objects.create(session=session, sex=sex, age_band=band, count=count)
    return session


def training_of_trainers(group, date, people, officer):
    session = TrainingSessionFactory(
        group=group, date=date, status=SUBMITTED, is_training_of_trainers=True
    )
    for person in people:
        AttendanceFactory(session=session, participant=person)
    training_session_verify(session=session, user=officer)
    return session


@pytest.fixture
def messages_in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def cascade(geography):
    national = UserFactory(username="national", role="National program officers")
    commune_1, commune_2 = communes_of("17")[:2]
    council = YouthGroupFactory(
        name="Council", commune=commune_1, kind=group_kind(GroupKind.COMMUNE_COUNCIL)
    )
    ngo = YouthGroupFactory(name="NGO", commune=commune_1, kind=group_kind(GroupKind.NGO))
    club_a = YouthGroupFactory(name="Club A", commune=commune_2)
    council_b = YouthGroupFactory(
        name="Council B", province="02", kind=group_kind(GroupKind.COMMUNE_COUNCIL)
    )
    t1 = ParticipantFactory(name="T1", sex=Sex.FEMALE, year_of_birth=1990)
    t2 = ParticipantFactory(name="T2", sex=Sex.MALE, year_of_birth=2004)
    t3 = ParticipantFactory(name="T3", sex=Sex.FEMALE, year_of_birth=2008)
    t4 = ParticipantFactory(name="T4", sex=Sex.MALE, year_of_birth=1980)
    for group, person in [(council, t1), (ngo, t2), (club_a, t3), (council_b, t4)]:
        Membership.objects.create(group=group, participant=person)
    p1, p2, p4, p5, p6, p7 = (ParticipantFactory(name=f"P{n}") for n in (1, 2, 4, 5, 6, 7))

    tot1 = training_of_trainers(ngo, datetime.date(2025, 6, 10), [t1, t2, t3], national)
    tot2 = training_of_trainers(council_b, datetime.date(2025, 7, 1), [t4], national)
    trainer = {
        name: PeerEducator.objects.get(participant=person)
        for name, person in [("T1", t1), ("T2", t2), ("T3", t3), ("T4", t4)]
    }
    held(ngo, datetime.date(2025, 6, 1), [trainer["T2"]], [p5])
    held(council, datetime.date(2025, 7, 1), [trainer["T1"]], [p1, t3])
    held(council, datetime.date(2025, 8, 1), [trainer["T1"]], [p1, p2, t3])
    held(council, datetime.date(2025, 9, 1), [trainer["T1"]], [p6], status=SUBMITTED)
    held(club_a, datetime.date(2025, 10, 20), [trainer["T3"]], [p2, p4])
    held(
        club_a,
        datetime.date(2025, 11, 1),
        [trainer["T3"]],
        [],
        headcount=[(Sex.FEMALE, "10-14", 5)],
    )
    held(council_b, datetime.date(2025, 8, 15), [trainer["T4"]], [p7])
    return {
        "national": national,
        "trainer": trainer,
        "tot1": tot1,
        "tot2": tot2,
        "groups": {"council": council, "ngo": ngo, "club_a": club_a, "council_b": council_b},
        "communes": (commune_1, commune_2),
    }


def report_for(user, **kwargs):
    return cascade_report(user=user, filters=ReportFilters(), today=TODAY, **kwargs)


def counts(rows):
    return {label: count for __, label, count in rows}


def test_trainers_trained_by_kind_province_sex_and_age_band(cascade, messages_in_english):
    trained = report_for(cascade["national"])["trained"]
    assert trained["total"] == 4
    assert counts(trained["by_kind"]) == {"Youth club": 1, "Commune council": 2, "NGO": 1}
    assert counts(trained["by_province"]) == {"Battambang": 1, "Siemreap": 3}
    assert counts(trained["by_sex"]) == {"female": 2, "male": 2, "prefers not to say": 0}
    assert counts(trained["by_age_band"]) == {
        "10–14": 0,
        "15–17": 1,
        "18–24": 1,
        "25 and over": 2,
    }


def test_each_trainer_is_made_by_the_training_with_its_date(cascade):
    trainer = cascade["trainer"]
    assert trainer["T1"].group == cascade["groups"]["council"]
    assert trainer["T2"].group == cascade["groups"]["ngo"]
    assert trainer["T3"].group == cascade["groups"]["club_a"]
    assert {trainer[name].trained_at for name in ("T1", "T2", "T3")} == {cascade["tot1"]}
    assert trainer["T4"].trained_on == datetime.date(2025, 7, 1)


def test_sessions_and_people_reached_through_each_trainer(cascade):
    report = report_for(cascade["national"])
    reach = {
        row.trainer.name_km: (row.sessions, row.people, row.attendances)
        for row in report["per_trainer"]
    }
    assert reach == {"T1": (2, 3, 5), "T3": (2, 2, 7), "T4": (1, 1, 1), "T2": (0, 0, 0)}
    assert [row.trainer.name_km for row in report["per_trainer"]][:2] == ["T1", "T3"]


def test_a_trainer_who_attends_community_sessions_is_one_person_reached(cascade):
    report = report_for(cascade["national"])
    assert report["people_reached"] == 5
    assert report["sessions_through_trainers"] == 5


def test_the_programme_headline_leaves_out_trainings_of_trainers(cascade):
    totals = programme_report(user=cascade["national"], filters=ReportFilters())["totals"]
    assert totals["sessions"] == 6
    assert totals["people"] == 6


def test_median_and_distribution_of_people_reached_per_trainer(cascade):
    distribution = report_for(cascade["national"])["distribution"]
    assert distribution["median"] == 1.5
    assert [band["trainers"] for band in distribution["bands"]] == [1, 3, 0, 0, 0]


def test_trainers_who_have_not_facilitated_within_three_months(cascade):
    idle = report_for(cascade["national"], idle_months=3)["idle"]
    assert [row.trainer.name_km for row in idle] == ["T2", "T3"]
    # Within twelve months T3 did hold one, and T2's twelve months are not over yet.
    assert report_for(cascade["national"], idle_months=12)["idle"] == []


def test_the_chain_of_one_province(cascade, messages_in_english):
    siem_reap = Province.objects.get(code="17")
    chain = report_for(cascade["national"], chain_province=siem_reap)["chain"]
    assert (chain.trainings, chain.trainers, chain.people) == (1, 3, 4)
    assert [(g["name"], g["kind"], g["trainers"], g["people"]) for g in chain.groups] == [
        ("Council", "Commune council", 1, 3),
        ("Club A", "Youth club", 1, 2),
        ("NGO", "NGO", 1, 0),
    ]
    commune_1, commune_2 = cascade["communes"]
    assert [(c["pk"], c["people"], c["sessions"]) for c in chain.communes] == [
        (commune_1.pk, 3, 2),
        (commune_2.pk, 2, 2),
    ]
    assert len(chain.links) == 2


def test_an_officer_sees_the_cascade_of_their_provinces_only(cascade):
    battambang = report_for(officer_of("02"))
    assert battambang["trained"]["total"] == 1
    assert battambang["people_reached"] == 1
    siem_reap = report_for(officer_of("17"))
    assert siem_reap["trained"]["total"] == 3
    assert siem_reap["people_reached"] == 4


def test_a_date_range_counts_the_trainers_trained_in_it(cascade):
    report = cascade_report(
        user=cascade["national"],
        filters=ReportFilters(date_from=datetime.date(2025, 7, 1)),
        today=TODAY,
    )
    assert report["trained"]["total"] == 1  # T4, trained on 1 July


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2025, 6, 10), 3, datetime.date(2025, 9, 10)),
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2025, 11, 30), 3, datetime.date(2026, 2, 28)),
    ],
)
def test_months_are_added_as_calendar_months(day, months, expected):
    assert add_months(day, months) == expected
