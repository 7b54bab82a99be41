"""Kinds of champion group, trainings of trainers that make peer educators, and their screens."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from sessions.models import GroupKind, Membership, PeerEducator, TrainingSession, YouthGroup
from sessions.services import training_session_return, training_session_verify
from tests.factories import (
    AttendanceFactory,
    ParticipantFactory,
    TrainingSessionFactory,
    YouthGroupFactory,
    club_leader_of,
    commune_in,
    group_kind,
)
from tests.sessions.conftest import EXPORT_FORMULAS
from tests.sessions.imports.helpers import confirm, csv_bytes, upload

pytestmark = pytest.mark.django_db

ROLES = ["officer_x", "officer_y", "national", "club_leader", "editor", "anonymous"]
TRAINED_ON = datetime.date(2025, 6, 10)


def is_denied(response) -> bool:
    if response.status_code in (403, 404):
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (
        location.startswith("/admin/login/") or location == "/admin/" or location.startswith("/km/")
    )


@pytest.fixture
def council(db):
    return YouthGroupFactory(
        name="Khnar Sanday commune council", kind=group_kind(GroupKind.COMMUNE_COUNCIL)
    )


@pytest.fixture
def ngo(db):
    return YouthGroupFactory(name="Friends NGO", kind=group_kind(GroupKind.NGO))


@pytest.fixture
def training(council, ngo):
    """A training of trainers held by the NGO, for two council members and one of its own."""
    members = []
    for group, name in [(council, "Keo Sophal"), (council, "Mean Dara"), (ngo, "Lim Nary")]:
        person = ParticipantFactory(name=name)
        Membership.objects.create(group=group, participant=person)
        members.append(person)
    session = TrainingSessionFactory(group=ngo, date=TRAINED_ON, is_training_of_trainers=True)
    for person in members:
        AttendanceFactory(session=session, participant=person)
    return session


def test_existing_and_new_groups_are_youth_clubs_unless_told(db):
    group = YouthGroupFactory()
    assert group.kind.slug == GroupKind.YOUTH_CLUB
    assert set(GroupKind.objects.values_list("slug", flat=True)) >= {
        GroupKind.YOUTH_CLUB,
        GroupKind.COMMUNE_COUNCIL,
        GroupKind.NGO,
    }


def test_verifying_a_training_of_trainers_makes_its_attendees_peer_educators(
    training, council, ngo, users
):
    training_session_verify(session=training, user=users["officer_x"])
    educators = PeerEducator.objects.filter(trained_at=training).order_by("name_km")
    assert [(e.name_km, e.group, e.trained_on) for e in educators] == [
        ("Keo Sophal", council, TRAINED_ON),
        ("Lim Nary", ngo, TRAINED_ON),
        ("Mean Dara", council, TRAINED_ON),
    ]


def test_an_ordinary_session_makes_no_peer_educator(siem_reap_club, users):
    before = PeerEducator.objects.count()
    training_session_verify(session=siem_reap_club["session"], user=users["officer_x"])
    assert PeerEducator.objects.count() == before


def test_a_second_training_keeps_the_first_that_made_someone_a_peer_educator(
    training, council, users
):
    training_session_verify(session=training, user=users["officer_x"])
    person = training.attendances.first().participant
    later = TrainingSessionFactory(
        group=council, date=datetime.date(2025, 9, 1), is_training_of_trainers=True
    )
    AttendanceFactory(session=later, participant=person)
    training_session_verify(session=later, user=users["officer_x"])
    educator = PeerEducator.objects.get(participant=person)
    assert (educator.trained_at, educator.trained_on) == (training, TRAINED_ON)


def test_returning_a_verified_training_undoes_the_peer_educators_it_made(training, council, users):
    officer = users["officer_x"]
    training_session_verify(session=training, user=officer)
    active = PeerEducator.objects.get(name_km="Keo Sophal")
    community = TrainingSessionFactory(group=council, date=datetime.date(2025, 7, 1))
    community.facilitators.add(active)
    training_session_return(session=training, user=officer, reason="Wrong attendance list")
    training.refresh_from_db()
    assert training.status == TrainingSession.Status.RETURNED
    # Those who did nothing since are gone; the one who facilitated stays, without the date.
    assert list(PeerEducator.objects.filter(participant__isnull=False)) == [active]
    active.refresh_from_db()
    assert (active.trained_at, active.trained_on) == (None, None)
    # Verified again, it makes them again.
    training.status = TrainingSession.Status.SUBMITTED
    training.save()
    training_session_verify(session=training, user=officer)
    assert PeerEducator.objects.filter(trained_at=training).count() == 3


def test_another_provinces_officer_cannot_return_a_verified_training(training, users):
    training_session_verify(session=training, user=users["officer_x"])
    with pytest.raises(PermissionDenied):
        training_session_return(session=training, user=users["officer_y"], reason="No")
    assert PeerEducator.objects.filter(trained_at=training).count() == 3


def test_a_draft_cannot_be_returned(siem_reap_club, users):
    session = siem_reap_club["session"]
    session.status = TrainingSession.Status.DRAFT
    session.save()
    with pytest.raises(ValidationError):
        training_session_return(session=session, user=users["officer_x"], reason="No")


# -- Imports ----------------------------------------------------------------------------------


@pytest.fixture
def officer_client(client, users):
    client.force_login(users["officer_x"])
    return client


def test_the_group_import_reads_the_kind_in_khmer_or_english(officer_client, messages_in_english):
    commune = commune_in("17").code
    rows = [
        ["group name", "kind of group", "province", "commune", "founded on"],
        ["Council", "ក្រុមប្រឹក្សាឃុំ", "17", commune, "01/01/2024"],
        ["NGO", "ngo", "17", commune, "01/01/2024"],
        ["Club", "", "17", commune, "01/01/2024"],
    ]
    __, log = upload(officer_client, "youth_groups", csv_bytes(rows), "g.csv")
    assert (log.rows_created, log.rows_rejected) == (3, 0), log.errors
    confirm(officer_client, log)
    assert dict(YouthGroup.objects.values_list("name", "kind__slug")) == {
        "Council": GroupKind.COMMUNE_COUNCIL,
        "NGO": GroupKind.NGO,
        "Club": GroupKind.YOUTH_CLUB,
    }


def test_an_unknown_kind_is_refused_with_the_kinds_accepted(officer_client, messages_in_english):
    rows = [
        ["group name", "kind of group", "province", "commune", "founded on"],
        ["Temple", "pagoda", "17", commune_in("17").code, "01/01/2024"],
    ]
    __, log = upload(officer_client, "youth_groups", csv_bytes(rows), "g.csv")
    assert log.rows_rejected == 1
    error = log.errors[0]
    assert error["column"] in ("kind", "ប្រភេទក្រុម")
    # In the officer's language: the kinds' Khmer names.
    assert "ក្លឹបយុវជន, ក្រុមប្រឹក្សាឃុំ, អង្គការមិនមែនរដ្ឋាភិបាល" in error["message"]
    assert not YouthGroup.objects.filter(name="Temple").exists()


# -- Screens ----------------------------------------------------------------------------------


def login(client, users, role):
    if role == "club_leader":
        client.force_login(club_leader_of(YouthGroupFactory(name="Leader's club")))
    elif role != "anonymous":
        client.force_login(users[role])


@pytest.fixture
def verified_training(training, users):
    training_session_verify(session=training, user=users["national"])
    return training


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_cascade_report(client, users, verified_training, role):
    login(client, users, role)
    response = client.get(reverse("trainings_cascade:report"))
    if role in ("officer_x", "national"):
        assert response.status_code == 200
        assert b"Keo Sophal" in response.content
        assert b"<svg" in response.content  # one province: its chain is drawn
    elif role == "officer_y":
        assert response.status_code == 200
        assert b"Keo Sophal" not in response.content
    else:
        assert is_denied(response), role


def test_another_province_typed_in_the_filters_shows_nothing_of_it(
    client, users, verified_training
):
    client.force_login(users["officer_y"])
    province = verified_training.group.commune.district.province
    response = client.get(reverse("trainings_cascade:report"), {"province": province.pk})
    assert response.status_code == 200
    assert b"Keo Sophal" not in response.content


def test_the_cascade_spreadsheet_escapes_what_people_typed(client, users, verified_training):
    educator = PeerEducator.objects.get(name_km="Keo Sophal")
    educator.group.name = EXPORT_FORMULAS[0]
    educator.group.save()
    client.force_login(users["officer_x"])
    response = client.get(
        reverse("trainings_cascade:report"), {"export": "cascade-xlsx", "language": "en"}
    )
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    # Written as plain text, as every spreadsheet of ours: never a formula to run.
    cells = [cell for row in workbook["Trainers"].iter_rows() for cell in row]
    typed = [cell for cell in cells if cell.value == EXPORT_FORMULAS[0]]
    assert [cell.data_type for cell in typed] == ["s", "s"]  # two trainers of the council
    assert workbook["Summary"]["B2"].value == 3  # trainers trained


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_a_peer_educators_training_and_sessions_since(
    client, users, verified_training, council, role
):
    educator = PeerEducator.objects.get(name_km="Keo Sophal")
    since = TrainingSessionFactory(group=council, date=datetime.date(2025, 7, 1))
    since.facilitators.add(educator)
    login(client, users, role)
    response = client.get(reverse("peer_educators:inspect", args=[educator.pk]))
    if role in ("officer_x", "national"):
        assert response.status_code == 200
        page = response.content.decode()
        assert reverse("training_sessions:inspect", args=[verified_training.pk]) in page
        assert reverse("training_sessions:inspect", args=[since.pk]) in page
    else:
        assert is_denied(response), role


@pytest.mark.parametrize("role", ROLES)
def test_who_may_add_a_kind_of_group(client, users, role):
    login(client, users, role)
    response = client.post(
        reverse("group_kinds:add"),
        {"name_km": "សមាគមព្រះសង្ឃ", "name_en": "Monks' association", "slug": "monks"},
    )
    added = GroupKind.objects.filter(slug="monks").exists()
    if role in ("officer_x", "officer_y", "national"):
        assert response.status_code == 302
        assert added
    else:
        assert is_denied(response), role
        assert not added


def test_an_officer_may_not_delete_a_kind(client, users):
    client.force_login(users["officer_x"])
    kind = group_kind(GroupKind.NGO)
    response = client.post(reverse("group_kinds:delete", args=[kind.pk]))
    assert is_denied(response)
    assert GroupKind.objects.filter(pk=kind.pk).exists()


def test_the_group_list_names_each_groups_kind_in_khmer(client, users, council):
    client.force_login(users["officer_x"])
    response = client.get(reverse("youth_groups:index"), HTTP_ACCEPT_LANGUAGE="km")
    assert "ក្រុមប្រឹក្សាឃុំ" in response.content.decode()


def test_a_session_is_marked_a_training_of_trainers_in_the_admin_form(client, users, council):
    client.force_login(users["officer_x"])
    response = client.get(reverse("training_sessions:add"))
    assert b'name="is_training_of_trainers"' in response.content


def test_editors_do_not_see_the_cascade_menu(client, users):
    client.force_login(users["editor"])
    assert client.get(reverse("trainings_cascade:results")).status_code in (302, 403)


def test_a_session_import_marks_a_training_of_trainers(officer_client, siem_reap_club):
    group = siem_reap_club["group"]
    header = ["province", "youth group", "date", "duration in minutes", "training of trainers"]
    rows = [
        ["17", group.name, "01/03/2025", 240, "yes"],
        ["17", group.name, "02/03/2025", 90, ""],
    ]

    def sheet(rows):
        return csv_bytes([[*header, "female 18-24"], *[[*row, 4] for row in rows]])

    bad_row = ["17", group.name, "03/03/2025", 90, "maybe"]
    __, refused = upload(officer_client, "sessions", sheet([*rows, bad_row]), "s.csv")
    assert refused.rows_rejected == 1
    assert refused.errors[0]["row"] == 4
    __, log = upload(officer_client, "sessions", sheet(rows), "s.csv")
    assert (log.rows_created, log.rows_rejected) == (2, 0), log.errors
    confirm(officer_client, log)
    imported = TrainingSession.objects.filter(source=TrainingSession.Source.IMPORT)
    assert dict(imported.values_list("date", "is_training_of_trainers")) == {
        datetime.date(2025, 3, 1): True,
        datetime.date(2025, 3, 2): False,
    }
