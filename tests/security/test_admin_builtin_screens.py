"""Wagtail's own admin screens hold every role to the trainings data of its provinces.

Site history (and its CSV and XLSX downloads and filters), the search, the usage and
history views, the workflow, locked-pages and aging-pages reports and the dashboard are
part of the product: nothing of a province's clubs, educators, sessions or participants
may appear in them for anyone who does not work in that province.
"""

import importlib
import io

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from sessions.models import Participant, SessionLesson, TrainingsLogEntry
from tests.factories import (
    AttendanceFactory,
    MinorParticipantFactory,
    PeerEducatorFactory,
    TrainingSessionFactory,
    UserFactory,
    YouthGroupFactory,
    commune_in,
    officer_of,
)

pytestmark = pytest.mark.django_db

ROLES = ["officer_x", "national", "editor", "moderator", "club_leader", "anonymous"]


@pytest.fixture
def two_provinces(curriculum_tree):
    """A club in Siem Reap (17) and one in Battambang (02), each worked on by its officer.

    A person attended a session of each: an officer of either province sees them, but
    only the sessions and clubs of their own province.
    """
    reverse("wagtailadmin_home")  # the admin's viewsets register the reference index
    lesson = curriculum_tree["lesson"]
    users = {
        "officer_x": officer_of("17", username="officer.siemreap"),
        "officer_y": officer_of("02", username="officer.battambang"),
        "national": UserFactory(username="national", role="National program officers"),
        "editor": UserFactory(username="editor", role="Editors"),
        "moderator": UserFactory(username="moderator", role="Moderators"),
        "club_leader": UserFactory(username="clubleader", role="Club leaders"),
    }
    province = {}
    for code, name, officer in [
        ("17", "Siemreap", users["officer_x"]),
        ("02", "Battambang", users["officer_y"]),
    ]:
        group = YouthGroupFactory(name=f"{name} hidden club", province=code)
        educator = PeerEducatorFactory(group=group, name_latin=f"{name} hidden educator")
        session = TrainingSessionFactory(group=group)
        session.facilitators.add(educator)
        SessionLesson.objects.create(session=session, lesson=lesson)
        minor = AttendanceFactory(
            session=session,
            participant=MinorParticipantFactory(
                name=f"{name} hidden minor", home_commune=commune_in(code)
            ),
        ).participant
        for obj, action in [
            (group, "wagtail.create"),
            (educator, "wagtail.edit"),
            (session, "trainings.submit"),
            (minor, "wagtail.edit"),
        ]:
            log(instance=obj, action=action, user=officer)
        province[code] = {"group": group, "educator": educator, "session": session}
        province[code]["markers"] = [
            group.name,
            educator.name_latin,
            minor.name,
            minor.code,
            officer.username,
        ]
    shared = AttendanceFactory(
        session=province["17"]["session"], participant__name="Chan Sreymom"
    ).participant
    AttendanceFactory(session=province["02"]["session"], participant=shared)
    province["17"]["participant"] = shared
    return {"users": users, "lesson": lesson, "province": province}


def body_text(response) -> str:
    """Everything a response shows: the page, or the text of a downloaded CSV or XLSX."""
    if not getattr(response, "streaming", False):
        return response.content.decode()
    content = b"".join(response.streaming_content)
    if response["Content-Type"].startswith("text/csv"):
        return content.decode("utf-8-sig")
    workbook = load_workbook(io.BytesIO(content))
    return "\n".join(
        " ".join(str(cell) for cell in row if cell is not None)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
    )


def fetch(client, url) -> str:
    response = client.get(url)
    assert response.status_code in (200, 302, 403, 404), (url, response.status_code)
    return body_text(response)


def foreign_markers(data, role) -> list[str]:
    """The names and codes of the trainings data outside the role's provinces."""
    if role == "national":
        return []
    if role == "officer_x":
        return data["province"]["02"]["markers"]
    return [*data["province"]["17"]["markers"], *data["province"]["02"]["markers"]]


def site_history_urls(data) -> list[str]:
    site_history = reverse("wagtailadmin_reports:site_history")
    results = reverse("wagtailadmin_reports:site_history_results")
    officer_y = data["users"]["officer_y"]
    return [
        site_history,
        results,
        f"{site_history}?export=csv",
        f"{site_history}?export=xlsx",
        # Chosen by hand: another province's officer as the user, a participant's name.
        f"{results}?user={officer_y.pk}",
        f"{results}?label=hidden",
        f"{site_history}?label=hidden&export=csv",
    ]


def builtin_screen_urls(data) -> list[str]:
    siem_reap = data["province"]["17"]
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:search") + "?q=hidden",
        reverse("wagtailadmin_pages:usage", args=[data["lesson"].pk]),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:page_types_usage"),
    ]
    for viewset, key in [
        ("youth_groups", "group"),
        ("peer_educators", "educator"),
        ("training_sessions", "session"),
        ("participants", "participant"),
    ]:
        for action in ("usage", "history", "history_results"):
            urls.append(reverse(f"{viewset}:{action}", args=[siem_reap[key].pk]))
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_no_role_reads_another_province_s_trainings_in_wagtail_s_own_screens(
    client, two_provinces, role
):
    if role != "anonymous":
        client.force_login(two_provinces["users"][role])
    for url in [*site_history_urls(two_provinces), *builtin_screen_urls(two_provinces)]:
        text = fetch(client, url)
        for marker in foreign_markers(two_provinces, role):
            assert marker not in text, (role, url, marker)


def test_officer_reads_site_history_of_another_province(client, two_provinces):
    """Finding 1: the request an officer of Siem Reap sends for the whole country's history."""
    client.force_login(two_provinces["users"]["officer_x"])
    site_history = reverse("wagtailadmin_reports:site_history")
    battambang = two_provinces["province"]["02"]["markers"]
    for url in [site_history, f"{site_history}?export=csv", f"{site_history}?export=xlsx"]:
        text = fetch(client, url)
        assert not [marker for marker in battambang if marker in text], url


def test_site_history_still_shows_each_officer_their_own_province(client, two_provinces):
    site_history = reverse("wagtailadmin_reports:site_history")
    for role, code in [("officer_x", "17"), ("officer_y", "02")]:
        client.force_login(two_provinces["users"][role])
        text = fetch(client, f"{site_history}?export=csv")
        group, educator, minor = two_provinces["province"][code]["markers"][:3]
        assert group in text and educator in text and minor in text, role
    client.force_login(two_provinces["users"]["national"])
    text = fetch(client, f"{site_history}?export=csv")
    for code in ("17", "02"):
        assert two_provinces["province"][code]["markers"][0] in text


def test_officer_reads_the_usage_of_a_participant_who_attended_in_another_province(
    client, two_provinces
):
    """Finding 6a: the person attended in both provinces; only Siem Reap's usages are shown."""
    siem_reap, battambang = two_provinces["province"]["17"], two_provinces["province"]["02"]
    participant = siem_reap["participant"]
    client.force_login(two_provinces["users"]["officer_x"])
    text = fetch(client, reverse("participants:usage", args=[participant.pk]))
    assert str(siem_reap["session"]) in text
    assert str(battambang["session"]) not in text
    assert battambang["group"].name not in text
    # Not even as a row whose name is hidden: the officer learns nothing of it.
    assert "Private" not in text


def test_every_trainings_action_is_logged_where_it_is_read_by_province(two_provinces):
    """Wagtail's shared log, shown country-wide, holds nothing of the trainings."""
    siem_reap = two_provinces["province"]["17"]
    for obj in siem_reap.values():
        if hasattr(obj, "pk"):
            log(instance=obj, action="wagtail.edit", user=two_provinces["users"]["officer_x"])
    trainings_types = ContentType.objects.filter(app_label="trainings")
    assert not ModelLogEntry.objects.filter(content_type__in=trainings_types).exists()
    assert TrainingsLogEntry.objects.filter(object_id=str(siem_reap["participant"].pk)).exists()


def test_history_kept_before_the_upgrade_moves_to_the_trainings_log(two_provinces):
    """Entries Wagtail logged for trainings objects before are moved, not left to leak."""
    migration = importlib.import_module("sessions.migrations.0009_trainings_log_entries")
    minor_code = two_provinces["province"]["02"]["markers"][3]
    participant = Participant.objects.get(code=minor_code)
    ModelLogEntry.objects.log_action(participant, "wagtail.edit")
    page_entries = ModelLogEntry.objects.exclude(content_type__app_label="trainings").count()

    migration.move_to_trainings_log(django_apps, None)

    assert not ModelLogEntry.objects.filter(content_type__app_label="trainings").exists()
    assert ModelLogEntry.objects.count() == page_entries
    moved = TrainingsLogEntry.objects.for_instance(participant)
    assert moved.filter(action="wagtail.edit").count() == 2  # the fixture's and the old one


def test_the_admin_never_links_an_officer_to_another_province_s_object(two_provinces):
    """Wagtail asks the viewsets' permission policy before linking to an object anywhere."""
    finder = AdminURLFinder(two_provinces["users"]["officer_x"])
    for key in ("group", "educator", "session"):
        assert finder.get_edit_url(two_provinces["province"]["02"][key]) is None, key
        assert finder.get_edit_url(two_provinces["province"]["17"][key]) is not None, key
