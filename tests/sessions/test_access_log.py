"""The access log: who saw, changed, exported, merged or erased whose personal data, and when."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sessions.models import AccessLogEntry, ExportLog
from sessions.services import participant_erase
from tests.factories import (
    AttendanceFactory,
    ParticipantFactory,
    TrainingSessionFactory,
    UserFactory,
    YouthGroupFactory,
    club_leader_of,
    roster_of,
)

pytestmark = pytest.mark.django_db

VIEWED, EDITED = AccessLogEntry.Action.VIEWED, AccessLogEntry.Action.EDITED


def entries(**lookups):
    return list(AccessLogEntry.objects.filter(**lookups).order_by("pk"))


def participant_form_data(participant, **changes):
    data = {
        "name": participant.name,
        "sex": participant.sex,
        "year_of_birth": str(participant.year_of_birth),
        "age_band": "",
        "home_commune": str(participant.home_commune_id),
        "plans_to_migrate": "",
        "destination": "",
        "contact_phone": participant.contact_phone,
        "consent_given_on": "2024-01-01",
        "consent_collected_by": "Sok Dara",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("screen", ["inspect", "edit"])
def test_opening_a_participants_page_records_who_viewed_them(client, users, siem_reap_club, screen):
    participant = siem_reap_club["participant"]
    client.force_login(users["officer_x"])
    assert client.get(reverse(f"participants:{screen}", args=[participant.pk])).status_code == 200
    [entry] = entries(participant=participant)
    assert entry.user == users["officer_x"]
    assert entry.username == "officer.siemreap"
    assert (entry.action, entry.screen) == (VIEWED, f"participants:{screen}")
    assert entry.participant_code == participant.code


def test_saving_a_participant_records_an_edit(client, users, siem_reap_club):
    participant = siem_reap_club["participant"]
    client.force_login(users["officer_x"])
    url = reverse("participants:edit", args=[participant.pk])
    response = client.post(url, participant_form_data(participant, destination="Thailand"))
    assert response.status_code == 302, response.context["form"].errors
    assert [entry.action for entry in entries(participant=participant)] == [EDITED]


def test_a_refused_or_missing_page_records_nothing(client, users, siem_reap_club):
    participant = siem_reap_club["participant"]
    client.force_login(users["officer_y"])  # another province: a 404
    client.get(reverse("participants:inspect", args=[participant.pk]))
    client.get(reverse("participants:edit", args=[participant.pk]))
    assert entries() == []


def test_a_session_form_records_each_named_attendee_in_one_insert(client, users, siem_reap_club):
    session = siem_reap_club["session"]
    others = [AttendanceFactory(session=session).participant for __ in range(3)]
    client.force_login(users["officer_x"])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("training_sessions:edit", args=[session.pk]))
    assert response.status_code == 200
    table = AccessLogEntry._meta.db_table
    inserts = [query for query in queries if query["sql"].startswith(f'INSERT INTO "{table}"')]
    assert len(inserts) == 1
    recorded = {entry.participant_id for entry in entries(screen="training_sessions:edit")}
    assert recorded == {siem_reap_club["participant"].pk, *(person.pk for person in others)}


def test_a_groups_roster_form_records_each_member(client, users, siem_reap_club):
    members = roster_of(siem_reap_club["group"], 3)
    client.force_login(users["officer_x"])
    url = reverse("youth_groups:edit", args=[siem_reap_club["group"].pk])
    assert client.get(url).status_code == 200
    recorded = {entry.participant_id for entry in entries(screen="youth_groups:edit")}
    assert recorded == {member.pk for member in members}


def test_the_participant_list_is_one_entry_with_its_filters_search_and_count(
    client, users, siem_reap_club
):
    for __ in range(4):
        AttendanceFactory(session=siem_reap_club["session"])
    client.force_login(users["officer_x"])
    response = client.get(reverse("participants:index"), {"q": "Chan", "sex": "female", "p": 1})
    assert response.status_code == 200
    [entry] = entries()
    assert entry.participant is None
    assert (entry.action, entry.screen, entry.search) == (VIEWED, "participants:index", "Chan")
    assert entry.details == {"sex": "female"}
    assert entry.row_count == 5


def test_the_participant_chooser_is_logged_as_a_list_with_its_search(client, users, siem_reap_club):
    client.force_login(users["officer_x"])
    response = client.get(reverse("participant_chooser:choose_results"), {"q": "Chan"})
    assert response.status_code == 200
    [entry] = entries()
    assert (entry.screen, entry.search) == ("participant_chooser:choose_results", "Chan")


def test_a_personal_data_export_is_logged_with_its_export_log_entry(client, users, siem_reap_club):
    client.force_login(users["national"])
    response = client.get(reverse("participants:index"), {"export": "csv", "q": "Chan"})
    b"".join(response.streaming_content)
    [entry] = entries()
    export_log = ExportLog.objects.get()
    assert entry.action == AccessLogEntry.Action.EXPORTED
    assert entry.export_log == export_log
    assert (entry.row_count, entry.search, entry.details) == (1, "Chan", {})


def test_an_export_without_personal_data_is_not_an_access(client, users, siem_reap_club):
    client.force_login(users["officer_x"])  # officers' exports carry no names
    b"".join(client.get(reverse("participants:index"), {"export": "csv"}).streaming_content)
    assert ExportLog.objects.count() == 1
    assert entries() == []


def test_merging_records_both_codes_and_survives_the_duplicates_deletion(
    client, users, siem_reap_club
):
    kept = siem_reap_club["participant"]
    duplicate = ParticipantFactory(name="Chan Sreymom", home_commune=kept.home_commune)
    AttendanceFactory(
        session=TrainingSessionFactory(group=siem_reap_club["group"]), participant=duplicate
    )
    client.force_login(users["officer_x"])
    url = reverse("participants:duplicates", args=[kept.pk])
    client.get(url)
    viewed = {entry.participant_id for entry in entries(action=VIEWED)}
    assert viewed == {kept.pk, duplicate.pk}
    client.post(url, {"duplicate": duplicate.pk})
    merged = entries(action=AccessLogEntry.Action.MERGED)
    assert {entry.participant_code for entry in merged} == {kept.code, duplicate.code}
    assert {entry.participant_id for entry in merged} == {kept.pk, None}
    assert entries(participant_code=duplicate.code, action=VIEWED)


def test_the_club_leaders_roll_call_records_the_roster_it_shows(client, siem_reap_club):
    group = siem_reap_club["group"]
    members = roster_of(group, 4)
    leader = club_leader_of(group, username="leader")
    client.force_login(leader)
    assert client.get("/km/club/sessions/new/").status_code == 200
    recorded = entries(screen="club:session_create")
    assert {entry.participant_id for entry in recorded} == {member.pk for member in members}
    assert {entry.username for entry in recorded} == {"leader"}


def test_erasure_keeps_the_log_by_code_and_forgets_searches_for_the_name(
    client, users, siem_reap_club
):
    participant = siem_reap_club["participant"]
    client.force_login(users["officer_x"])
    client.get(reverse("participants:inspect", args=[participant.pk]))
    client.get(reverse("participants:index"), {"q": "sreymom"})
    client.get(reverse("participants:index"), {"q": "Dara"})
    client.force_login(users["national"])
    b"".join(
        client.get(
            reverse("participants:index"), {"export": "csv", "q": "Sreymom"}
        ).streaming_content
    )
    client.post(reverse("participants:erase", args=[participant.pk]))

    assert [entry.action for entry in entries(participant=participant)] == [
        VIEWED,
        AccessLogEntry.Action.ERASED,
    ]
    assert {entry.participant_code for entry in entries(participant=participant)} == {
        participant.code
    }
    assert sorted(entry.search for entry in entries(participant=None)) == [
        "Dara",
        "[erased]",
        "[erased]",
    ]
    assert ExportLog.objects.get().filters["q"] == "[erased]"
    for entry in AccessLogEntry.objects.all():
        assert "sreymom" not in repr(vars(entry)).lower()


def test_only_national_officers_read_the_access_log_and_nobody_changes_it(
    client, users, siem_reap_club
):
    participant = siem_reap_club["participant"]
    client.force_login(users["officer_x"])
    client.get(reverse("participants:inspect", args=[participant.pk]))
    entry = AccessLogEntry.objects.get()
    for role in ["officer_x", "officer_y", "editor"]:
        client.force_login(users[role])
        response = client.get(reverse("access_log:index"))
        assert response.status_code in (302, 403), role
        assert "/admin/access_log/" not in response.get("Location", "")
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    for reader in [users["national"], superuser]:
        client.force_login(reader)
        response = client.get(reverse("access_log:index"), {"participant": participant.code})
        assert response.status_code == 200
        assert "officer.siemreap" in response.content.decode()
        assert client.get(reverse("access_log:inspect", args=[entry.pk])).status_code == 200
        for action in ["edit", "delete"]:
            url = reverse(f"access_log:{action}", args=[entry.pk])
            assert client.get(url).status_code in (302, 403)
            assert client.post(url).status_code in (302, 403)
        assert client.get(reverse("access_log:add")).status_code in (302, 403)
    assert AccessLogEntry.objects.filter(pk=entry.pk, username="officer.siemreap").exists()


def test_the_access_log_filters_by_participant_and_user(client, users, siem_reap_club):
    participant = siem_reap_club["participant"]
    other = AttendanceFactory(session=siem_reap_club["session"]).participant
    client.force_login(users["officer_x"])
    client.get(reverse("participants:inspect", args=[participant.pk]))
    client.get(reverse("participants:inspect", args=[other.pk]))
    client.force_login(users["national"])
    client.get(reverse("participants:inspect", args=[other.pk]))

    listed = client.get(reverse("access_log:index"), {"participant": participant.code.lower()})
    assert [entry.participant_code for entry in listed.context["object_list"]] == [participant.code]
    listed = client.get(reverse("access_log:index"), {"user": "national"})
    assert {entry.username for entry in listed.context["object_list"]} == {"national"}


def test_a_participants_page_links_to_their_access_log_for_national_officers_only(
    client, users, siem_reap_club
):
    participant = siem_reap_club["participant"]
    link = reverse("access_log:index") + f"?participant={participant.code}"
    client.force_login(users["national"])
    page = client.get(reverse("participants:inspect", args=[participant.pk])).content.decode()
    assert link in page
    client.force_login(users["officer_x"])
    page = client.get(reverse("participants:inspect", args=[participant.pk])).content.decode()
    assert link not in page


def test_a_program_officer_given_the_view_permission_still_reads_it_only_read_only(
    client, users, siem_reap_club
):
    """The permission alone opens the list; the policy still refuses every change."""
    officer = users["officer_x"]
    officer.user_permissions.add(Permission.objects.get(codename="view_accesslogentry"))
    participant_erase(participant=siem_reap_club["participant"], user=users["national"])
    entry = AccessLogEntry.objects.get()
    client.force_login(officer)
    assert client.post(reverse("access_log:delete", args=[entry.pk])).status_code in (302, 403)
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_a_screen_that_shows_nobody_records_nothing(client, siem_reap_club):
    leader = club_leader_of(YouthGroupFactory(province="17"), username="leader.of.none")
    client.force_login(leader)
    assert client.get("/km/club/sessions/new/").status_code == 200
    assert entries() == []
