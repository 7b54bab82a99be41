"""The officers' admin: every screen holds an officer to the provinces assigned to them."""

import pytest
from django.urls import reverse

from sessions.models import Participant, PeerEducator, TrainingSession, YouthGroup

pytestmark = pytest.mark.django_db

VIEWSETS = {
    "youth_groups": ("group", YouthGroup),
    "peer_educators": ("educator", PeerEducator),
    "training_sessions": ("session", TrainingSession),
    "participants": ("participant", Participant),
}
ACTIONS = ["index", "inspect", "edit", "delete", "history"]
ROLES = ["officer_x", "officer_y", "national", "club_leader", "editor", "anonymous"]

ALLOWED, NOT_FOUND, DENIED, LOGIN = "allowed", "not found", "denied", "login"


def expected(role, action):
    if role in ("anonymous", "club_leader"):
        return LOGIN  # club leaders have no admin access at all
    if role == "editor":
        return DENIED
    if action == "delete" and role == "officer_x":
        return DENIED  # only national officers delete
    if role == "officer_y" and action != "index":
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
    return reverse(f"{viewset}:{action}", args=[obj.pk])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("viewset", VIEWSETS)
def test_every_role_on_every_trainings_screen(client, users, siem_reap_club, role, action, viewset):
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


REPORT_URLS = {
    "report": "/admin/reports/programme/",
    "report results": "/admin/reports/programme/results/",
    "report csv": "/admin/reports/programme/?export=csv",
    "report xlsx": "/admin/reports/programme/?export=xlsx&language=km",
    "report pdf": "/admin/reports/programme/?export=pdf&language=en",
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
    # A new session has no roll yet: names are taken once it is saved with its group.
    attendance_form = form.formsets["attendances"].empty_form
    assert list(attendance_form.fields["participant"].queryset) == []


def test_the_attendance_rows_offer_the_session_s_roll_not_the_whole_province(
    client, users, siem_reap_club
):
    from sessions.models import Membership
    from tests.factories import ParticipantFactory, YouthGroupFactory

    session = siem_reap_club["session"]
    member = ParticipantFactory(name="Roster member")
    Membership.objects.create(group=session.group, participant=member)
    other_club = YouthGroupFactory(name="Another Siem Reap club", province="17")
    stranger = ParticipantFactory(name="Member elsewhere")
    Membership.objects.create(group=other_club, participant=stranger)
    client.force_login(users["officer_x"])
    form = client.get(reverse("training_sessions:edit", args=[session.pk])).context["form"]
    for attendance_form in [
        *form.formsets["attendances"].forms,
        form.formsets["attendances"].empty_form,
    ]:
        offered = set(attendance_form.fields["participant"].queryset)
        assert offered == {siem_reap_club["participant"], member}


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
