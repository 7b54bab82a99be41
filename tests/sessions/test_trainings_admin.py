"""The officers' admin: every screen holds an officer to the provinces assigned to them."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sessions.models import Participant, PeerEducator, TrainingSession, YouthGroup

pytestmark = pytest.mark.django_db

VIEWSETS = {
    "youth_groups": ("group", YouthGroup),
    "peer_educators": ("educator", PeerEducator),
    "training_sessions": ("session", TrainingSession),
    "participants": ("participant", Participant),
}
ACTIONS = ["index", "inspect", "edit", "delete", "history", "export_csv", "export_xlsx"]
LISTINGS = ("index", "export_csv", "export_xlsx", "export_attendance")
ROLES = ["officer_x", "officer_y", "national", "club_leader", "editor", "anonymous"]

ALLOWED, NOT_FOUND, DENIED, LOGIN = "allowed", "not found", "denied", "login"


def expected(role, action):
    if role in ("anonymous", "club_leader"):
        return LOGIN  # club leaders have no admin access at all
    if role == "editor":
        return DENIED
    if action == "delete" and role == "officer_x":
        return DENIED  # only national officers delete
    if role == "officer_y" and action not in LISTINGS:
        return NOT_FOUND
    return ALLOWED


def assert_not_found(client, response, url):
    # A 404 outside the language prefix is redirected by the locale middleware to the same
    # path under /km/, which is no page either: the officer lands on a 404 all the same.
    if response.status_code == 302:
        assert response["Location"] == f"/km{url}"
        response = client.get(response["Location"])
    assert response.status_code == 404


def url_for(viewset, action, obj):
    if action == "index":
        return reverse(f"{viewset}:index")
    if action == "export_attendance":
        return reverse(f"{viewset}:export_attendance") + "?export=csv"
    if action.startswith("export_"):
        return reverse(f"{viewset}:index") + "?export=" + action.removeprefix("export_")
    return reverse(f"{viewset}:{action}", args=[obj.pk])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("viewset", VIEWSETS)
def test_every_role_on_every_trainings_screen(client, users, siem_reap_club, role, action, viewset):
    walk(client, users, siem_reap_club, role, action, viewset)


@pytest.mark.parametrize("role", ROLES)
def test_every_role_on_the_attendance_export(client, users, siem_reap_club, role):
    """The session list's attendance export (one row per attendee), walked the same way."""
    walk(client, users, siem_reap_club, role, "export_attendance", "training_sessions")


def walk(client, users, siem_reap_club, role, action, viewset):
    """Open one screen as one role and check the outcome the role should get."""
    key, __ = VIEWSETS[viewset]
    obj = siem_reap_club[key]
    if role != "anonymous":
        client.force_login(users[role])
    url = url_for(viewset, action, obj)
    response = client.get(url)
    outcome = expected(role, action)
    if outcome == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    elif outcome == DENIED:
        # Wagtail sends a user without the permission back to the dashboard; views that
        # look the object up first find nothing in an editor's (empty) scope.
        if response.status_code == 302 and response["Location"] == "/admin/":
            pass
        elif response.status_code != 403:
            assert_not_found(client, response, url)
    elif outcome == NOT_FOUND:
        assert_not_found(client, response, url)
    else:
        assert response.status_code == 200
    if action == "index" and response.status_code == 200:
        listed = str(obj) in response.content.decode()
        assert listed == (role != "officer_y")
    if action.startswith("export_") and response.status_code == 200:
        assert (str(obj.pk) in exported_ids(response)) == (role != "officer_y")


def exported_ids(response) -> set[str]:
    """The first column (the id) of every row of an exported CSV or XLSX file."""
    content = b"".join(response.streaming_content)
    if response["Content-Type"].startswith("text/csv"):
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    else:
        rows = list(load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True))
    return {str(row[0]) for row in rows[1:]}


REPORT_URLS = {
    "report": "/admin/reports/programme/",
    "report results": "/admin/reports/programme/results/",
    "report csv": "/admin/reports/programme/?export=csv",
    "report xlsx": "/admin/reports/programme/?export=xlsx&language=km",
    "report pdf": "/admin/reports/programme/?export=pdf&language=en",
    "report places": "/admin/reports/programme/places/",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("report", REPORT_URLS)
def test_every_role_on_every_report_url(client, users, siem_reap_club, role, report):
    """Officers read reports of their own provinces; editors, club leaders, anonymous none."""
    from sessions.models import TrainingSession

    siem_reap_club["session"].status = TrainingSession.Status.VERIFIED
    siem_reap_club["session"].save()
    if role != "anonymous":
        client.force_login(users[role])
    url = REPORT_URLS[report]
    response = client.get(url)
    if role in ("anonymous", "club_leader"):
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    elif role == "editor":
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] == "/admin/"
    else:
        assert response.status_code == 200
        if report in ("report", "report results"):
            sessions = response.context["report"]["totals"]["sessions"]
            assert sessions == (0 if role == "officer_y" else 1)


@pytest.mark.parametrize("viewset", VIEWSETS)
def test_officer_of_another_province_cannot_change_or_delete_by_typing_an_id(
    client, users, siem_reap_club, viewset
):
    key, model = VIEWSETS[viewset]
    obj = siem_reap_club[key]
    client.force_login(users["officer_y"])
    for action in ["edit", "delete"]:
        url = url_for(viewset, action, obj)
        assert_not_found(client, client.post(url, {"name": "changed"}), url)
    assert model.objects.filter(pk=obj.pk).exists()
    if viewset == "participants":
        assert model.objects.get(pk=obj.pk).name == "Chan Sreymom"


def test_a_participants_name_is_shown_only_to_officers_of_their_province(
    client, users, siem_reap_club
):
    for role, shown in [("officer_x", True), ("officer_y", False), ("national", True)]:
        client.force_login(users[role])
        for url in [reverse("participants:index"), reverse("training_sessions:index")]:
            content = client.get(url).content.decode()
            if url.endswith("participants/"):
                assert ("Chan Sreymom" in content) == shown, role


def test_session_form_offers_only_groups_communes_and_facilitators_of_the_officers_provinces(
    client, users, siem_reap_club
):
    from tests.factories import PeerEducatorFactory, YouthGroupFactory

    battambang_group = YouthGroupFactory(name="Battambang club", province="02")
    battambang_educator = PeerEducatorFactory(group=battambang_group)
    client.force_login(users["officer_x"])
    response = client.get(reverse("training_sessions:add"))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields["group"].queryset) == [siem_reap_club["group"]]
    assert battambang_educator not in form.fields["facilitators"].queryset
    assert siem_reap_club["educator"] in form.fields["facilitators"].queryset
    provinces = set(
        form.fields["commune"].queryset.values_list("district__province__code", flat=True)
    )
    assert provinces == {"17"}
    attendance_form = form.formsets["attendances"].empty_form
    assert siem_reap_club["participant"] in attendance_form.fields["participant"].queryset


def test_choices_that_grow_with_the_programme_are_choosers_not_selects(
    client, users, siem_reap_club
):
    """Groups, communes and participants are picked in a pop-up, so the form stays small."""
    client.force_login(users["officer_x"])
    session = siem_reap_club["session"]
    response = client.get(reverse("training_sessions:edit", args=[session.pk]))
    content = response.content.decode()
    for field in ["group", "commune"]:
        assert f'<select name="{field}"' not in content
        assert f'name="{field}"' in content
    assert 'name="attendances-0-participant"' in content
    assert '<select name="attendances-0-participant"' not in content
    assert reverse("youth_group_chooser:choose") in content
    assert reverse("participant_chooser:choose") in content


def test_facilitators_offered_are_the_session_group_s_educators(client, users, siem_reap_club):
    from tests.factories import PeerEducatorFactory, YouthGroupFactory

    other_club = YouthGroupFactory(name="Another Siem Reap club", province="17")
    elsewhere = PeerEducatorFactory(group=other_club)
    client.force_login(users["officer_x"])
    session = siem_reap_club["session"]
    form = client.get(reverse("training_sessions:edit", args=[session.pk])).context["form"]
    offered = set(form.fields["facilitators"].queryset)
    assert siem_reap_club["educator"] in offered
    assert elsewhere not in offered


def test_officer_cannot_log_a_session_for_a_group_of_another_province(client, users):
    from tests.factories import YouthGroupFactory

    battambang_group = YouthGroupFactory(province="02")
    client.force_login(users["officer_x"])
    response = client.post(
        reverse("training_sessions:add"),
        {
            "group": battambang_group.pk,
            "date": "2025-01-10",
            "duration_minutes": 60,
            "commune": battambang_group.commune.pk,
            "attendance_mode": "named",
            **empty_formsets(),
        },
    )
    assert response.status_code == 200
    assert "group" in response.context["form"].errors
    assert not TrainingSession.objects.exists()


def empty_formsets():
    data = {}
    for prefix in ["session_lessons", "attendances", "headcounts"]:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": 0,
                f"{prefix}-INITIAL_FORMS": 0,
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
    return data


def test_officer_logs_a_session_with_a_headcount_and_it_awaits_verification(
    client, users, siem_reap_club
):
    group = siem_reap_club["group"]
    client.force_login(users["officer_x"])
    data = {
        "group": group.pk,
        "date": "2025-01-10",
        "duration_minutes": 60,
        "commune": group.commune.pk,
        "facilitators": [siem_reap_club["educator"].pk],
        "attendance_mode": "headcount",
        **empty_formsets(),
        "headcounts-TOTAL_FORMS": 2,
        "headcounts-0-sex": "female",
        "headcounts-0-age_band": "15-17",
        "headcounts-0-count": 12,
        "headcounts-1-sex": "male",
        "headcounts-1-age_band": "15-17",
        "headcounts-1-count": 9,
    }
    response = client.post(reverse("training_sessions:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    session = TrainingSession.objects.exclude(pk=siem_reap_club["session"].pk).get()
    assert session.status == TrainingSession.Status.SUBMITTED
    assert session.source == TrainingSession.Source.ADMIN
    assert session.submitted_by == users["officer_x"]
    assert sorted(session.headcounts.values_list("count", flat=True)) == [9, 12]
    history = client.get(reverse("training_sessions:history", args=[session.pk]))
    assert history.status_code == 200


def test_session_form_refuses_a_future_date_with_a_message(client, users, siem_reap_club):
    group = siem_reap_club["group"]
    client.force_login(users["officer_x"])
    response = client.post(
        reverse("training_sessions:add"),
        {
            "group": group.pk,
            "date": "2999-01-10",
            "duration_minutes": 60,
            "commune": group.commune.pk,
            "attendance_mode": "named",
            **empty_formsets(),
        },
    )
    assert response.status_code == 200
    # The officer reads it in Khmer, the admin's default language here.
    assert response.context["form"].errors["date"] == ["កាលបរិច្ឆេទវគ្គមិនអាចនៅពេលអនាគតបានទេ។"]


def test_session_edit_form_takes_attendance_inline(client, users, siem_reap_club):
    from sessions.models import Membership
    from tests.factories import ParticipantFactory

    session = siem_reap_club["session"]
    newcomer = ParticipantFactory(name="Newcomer")
    # Anyone taking part is on the club's roster first; the roll is offered from it.
    Membership.objects.create(group=session.group, participant=newcomer)
    client.force_login(users["officer_x"])
    response = client.get(reverse("training_sessions:edit", args=[session.pk]))
    assert response.status_code == 200
    existing = session.attendances.get()
    data = {
        "group": session.group.pk,
        "date": session.date.isoformat(),
        "duration_minutes": 90,
        "commune": session.commune.pk,
        "facilitators": [siem_reap_club["educator"].pk],
        "attendance_mode": "named",
        **empty_formsets(),
        "attendances-TOTAL_FORMS": 2,
        "attendances-INITIAL_FORMS": 1,
        "attendances-0-id": existing.pk,
        "attendances-0-participant": existing.participant.pk,
        "attendances-0-pre_test_score": 40,
        "attendances-0-post_test_score": 80,
        "attendances-1-participant": newcomer.pk,
    }
    response = client.post(reverse("training_sessions:edit", args=[session.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    assert set(session.attendances.values_list("participant__name", flat=True)) == {
        "Chan Sreymom",
        "Newcomer",
    }
    assert session.attendances.get(participant=existing.participant).post_test_score == 80


def test_group_filter_lists_the_groups_of_the_chosen_place_once_there_are_many(
    client, users, siem_reap_club, monkeypatch
):
    from sessions.admin import viewsets
    from tests.factories import YouthGroupFactory

    battambang_group = YouthGroupFactory(name="Battambang club", province="02")
    client.force_login(users["national"])
    url = reverse("training_sessions:index")

    def offered(**params):
        form = client.get(url, params).context["filters"].form
        return set(form.fields["group"].queryset)

    assert offered() == {siem_reap_club["group"], battambang_group}
    monkeypatch.setattr(viewsets, "GROUP_FILTER_LIMIT", 1)
    assert offered() == set()
    siem_reap = siem_reap_club["group"].commune.district.province
    assert offered(province=siem_reap.pk) == {siem_reap_club["group"]}
    district = battambang_group.commune.district
    assert offered(district=district.pk) == {battambang_group}
    # A group chosen from a link stays offered, and the list is filtered by it.
    response = client.get(url, {"group": battambang_group.pk})
    assert battambang_group in response.context["filters"].form.fields["group"].queryset
    assert str(siem_reap_club["session"]) not in response.content.decode()


def group_form_data(group, members):
    data = {
        "name": group.name,
        "kind": group.kind_id,
        "commune": group.commune.pk,
        "founded_on": group.founded_on.isoformat(),
        "active": "on",
        "memberships-TOTAL_FORMS": len(members),
        "memberships-INITIAL_FORMS": 0,
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
    }
    for index, participant in enumerate(members):
        data[f"memberships-{index}-participant"] = participant.pk
        data[f"memberships-{index}-joined_on"] = "2025-01-01"
        data[f"memberships-{index}-ORDER"] = index
    return data


def test_an_officer_keeps_a_group_s_roster_in_its_form(client, users, siem_reap_club):
    from tests.factories import ParticipantFactory, commune_in

    group = siem_reap_club["group"]
    member = ParticipantFactory(name="New member")
    stranger = ParticipantFactory(name="Battambang person", home_commune=commune_in("02"))
    client.force_login(users["officer_x"])
    url = reverse("youth_groups:edit", args=[group.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, group_form_data(group, [member, stranger]))
    assert response.status_code == 200  # the stranger is refused, nothing is saved
    assert not group.memberships.exists()

    response = client.post(url, group_form_data(group, [member]))
    assert response.status_code == 302
    assert list(group.members.all()) == [member]


def test_an_attendance_row_refuses_a_participant_of_another_province(client, users, siem_reap_club):
    from tests.factories import ParticipantFactory, commune_in

    session = siem_reap_club["session"]
    existing = session.attendances.get()
    stranger = ParticipantFactory(name="Battambang person", home_commune=commune_in("02"))
    client.force_login(users["officer_x"])
    data = {
        "group": session.group.pk,
        "date": session.date.isoformat(),
        "duration_minutes": 90,
        "commune": session.commune.pk,
        "facilitators": [siem_reap_club["educator"].pk],
        "attendance_mode": "named",
        **empty_formsets(),
        "attendances-TOTAL_FORMS": 2,
        "attendances-INITIAL_FORMS": 1,
        "attendances-0-id": existing.pk,
        "attendances-0-participant": existing.participant.pk,
        "attendances-1-participant": stranger.pk,
    }
    response = client.post(reverse("training_sessions:edit", args=[session.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].formsets["attendances"].forms[1].errors["participant"]
    assert not session.attendances.filter(participant=stranger).exists()


@pytest.mark.parametrize("role", ROLES)
def test_every_role_on_the_bulk_verify_action(client, users, siem_reap_club, role):
    session = siem_reap_club["session"]
    session.status = TrainingSession.Status.SUBMITTED
    session.save()
    if role != "anonymous":
        client.force_login(users[role])
    url = reverse("wagtail_bulk_action", args=["trainings", "trainingsession", "verify"])
    url += f"?id={session.pk}"
    shown, response = client.get(url), client.post(url, {})
    session.refresh_from_db()
    if role in ("officer_x", "national"):
        assert shown.status_code == 200
        assert session.status == TrainingSession.Status.VERIFIED
        return
    assert session.status == TrainingSession.Status.SUBMITTED
    for answer in (shown, response):
        if answer.status_code == 302:
            # The login page, the dashboard (no permission), or /km/… (a 404 made localised).
            assert answer["Location"].startswith(("/admin/login/", "/admin/", "/km/"))
        else:
            assert answer.status_code in (403, 404)
