"""In Chromium: the cascade from a training of trainers to the people its trainers reached.

An officer imports a training of trainers for a commune council and one for an NGO,
verifies both and finds the new peer educators; a council member trained there reports a
session on a phone; the cascade report draws the chain from the programme to the commune.
"""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from sessions.models import GroupKind, PeerEducator, TrainingSession
from tests.factories import UserFactory, YouthGroupFactory, group_kind, officer_of, roster_of

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"
HEADERS = [
    "លេខសម្គាល់ / external id",
    "ខេត្ត / province",
    "ក្រុមយុវជន / youth group",
    "កាលបរិច្ឆេទ / date",
    "រយៈពេល (នាទី) / duration in minutes",
    "វគ្គបណ្ដុះបណ្ដាលគ្រូបង្គោល / training of trainers",
    "ឈ្មោះ / name",
    "ភេទ / sex",
    "ឆ្នាំកំណើត / year of birth",
    "ថ្ងៃយល់ព្រម / consent given on",
    "អ្នកទទួលការយល់ព្រម / consent collected by",
]
COUNCIL = "ក្រុមប្រឹក្សាឃុំខ្នារសណ្ដាយ"
NGO = "អង្គការមិត្តភាព"


@pytest.fixture
def champions(geography, curriculum_tree):
    officer_of("17", username="officer.siemreap")
    council = YouthGroupFactory(
        name=COUNCIL, province="17", kind=group_kind(GroupKind.COMMUNE_COUNCIL)
    )
    ngo = YouthGroupFactory(name=NGO, province="17", kind=group_kind(GroupKind.NGO))
    roster_of(council, 5)
    return {"council": council, "ngo": ngo, "lesson": curriculum_tree["lesson"]}


def trainings_of_trainers_file(tmp_path) -> str:
    day = (timezone.localdate() - datetime.timedelta(days=30)).strftime("%d/%m/%Y")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "attendance"
    sheet.append(HEADERS)
    for external_id, group, person, sex in [
        ("TOT-1", COUNCIL, "កែវ សុផល", "ស្រី"),
        ("TOT-1", COUNCIL, "មាន ដារា", "ប្រុស"),
        ("TOT-2", NGO, "លឹម ណារី", "ស្រី"),
    ]:
        sheet.append([external_id, "សៀមរាប", group, day, 240, "បាទ", person, sex, 1995, day, "សុខ"])
    path = tmp_path / "tot.xlsx"
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())
    return str(path)


def log_in_to_admin(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", "officer.siemreap")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def verify(page, base_url, session):
    page.goto(f"{base_url}{reverse('training_sessions:review', args=[session.pk])}")
    page.get_by_role("button", name="ផ្ទៀងផ្ទាត់", exact=True).click()
    page.wait_for_url(f"**{reverse('training_sessions:index')}**")


def test_trainers_trained_for_a_council_and_an_ngo_reach_their_commune(
    champions, browser, phone, live_server, tmp_path, screenshot_path
):
    base = live_server.url
    desktop = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in_to_admin(desktop, base)

    # The officer imports the two trainings of trainers and verifies them.
    desktop.goto(f"{base}{reverse('trainings_imports:index')}")
    desktop.select_option("#id_kind", "attendance")
    desktop.set_input_files("#id_file", trainings_of_trainers_file(tmp_path))
    desktop.click("main form button[type=submit]")
    desktop.wait_for_selector("form[action$='/confirm/']")
    desktop.click("form[action$='/confirm/'] button")
    desktop.wait_for_selector(".import-status[data-status='done']")
    trainings = TrainingSession.objects.filter(is_training_of_trainers=True).order_by("group")
    assert [session.group.name for session in trainings] == [COUNCIL, NGO]
    for session in trainings:
        verify(desktop, base, session)
    assert set(PeerEducator.objects.values_list("name_km", "group__name")) == {
        ("កែវ សុផល", COUNCIL),
        ("មាន ដារា", COUNCIL),
        ("លឹម ណារី", NGO),
    }

    # The new peer educators are listed, each with the training that made them one.
    desktop.goto(f"{base}{reverse('peer_educators:index')}")
    for name in ("កែវ សុផល", "មាន ដារា", "លឹម ណារី"):
        assert desktop.get_by_role("link", name=name).count() == 1
    desktop.get_by_role("link", name="កែវ សុផល").click()
    desktop.wait_for_url("**/peer_educators/edit/**")
    trainer = PeerEducator.objects.get(name_km="កែវ សុផល")
    desktop.goto(f"{base}{reverse('peer_educators:inspect', args=[trainer.pk])}")
    training_link = reverse("training_sessions:inspect", args=[trainer.trained_at_id])
    assert desktop.locator(f"a[href='{training_link}']").count() == 1
    desktop.screenshot(path=screenshot_path("cascade-peer-educator-km"), full_page=True)

    # Trained there, the council member has a club leader login and reports a session.
    trainer.user = UserFactory(username="sophal", role="Club leaders")
    trainer.save()
    phone.goto(f"{base}/km/accounts/login/")
    phone.fill("#id_username", "sophal")
    phone.fill("#id_password", PASSWORD)
    phone.click("main button[type=submit]")
    phone.wait_for_url(f"{base}/km/club/")
    phone.click("a[href='/km/club/sessions/new/']")
    phone.wait_for_url(f"{base}/km/club/sessions/new/")
    # The roster: five members, and the two trained at the import (it put them on it).
    assert phone.locator("input[name='roll-present']:checked").count() == 7
    # Facilitating, not attending: off the roll, ticked as the facilitator.
    phone.locator("input[name='roll-present']").and_(
        phone.get_by_label("កែវ សុផល", exact=True)
    ).uncheck()
    phone.fill("#id_duration_minutes", "90")
    phone.get_by_label(champions["lesson"].title, exact=True).check()
    phone.locator("input[name='facilitators']").and_(
        phone.get_by_label(str(trainer), exact=True)
    ).check()
    phone.click("button[name=submit]")
    phone.wait_for_url(f"{base}/km/club/")
    reported = TrainingSession.objects.get(
        group=champions["council"], is_training_of_trainers=False
    )
    assert list(reported.facilitators.all()) == [trainer]
    verify(desktop, base, reported)

    # The cascade report draws the chain: the province, the council, the commune reached.
    desktop.goto(f"{base}{reverse('trainings_cascade:report')}")
    chain = desktop.locator(".cascade-chain")
    chain.wait_for()
    text = chain.inner_text()
    assert COUNCIL in text and NGO in text
    assert champions["council"].commune.name_km in text
    figures = desktop.locator(".report-figures dd")
    # Trainers 3; sessions through them 1; people 6: the five members and the other trainer
    # of the council, who attended (once, however many trainings of trainers before).
    assert [figures.nth(index).inner_text() for index in range(3)] == ["3", "1", "6"]
    chain.screenshot(path=screenshot_path("cascade-chain-km"))
    desktop.context.close()
