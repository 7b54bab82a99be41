"""In Chromium at 360 px, in Khmer: a club leader logs advice to a young woman about a broker's
offer and refers her to legal aid with her consent; after its due time the officer sees the
referral overdue and records "done" from a phone call; the figures show one referral done."""

import datetime

import pytest
from django.utils import timezone

from advice.models import AdviceRecord, Referral
from tests.factories import UserFactory, YouthGroupFactory, club_leader_of, officer_of

from .conftest import local_page

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"
PHONE_SCREEN = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2}


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def log_in(page, base, username, path="/km/accounts/login/"):
    page.goto(f"{base}{path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state()


def test_advice_and_a_referral_to_legal_aid_closed_by_the_officer(
    geography, help_entries, browser, live_server, screenshot_path
):
    base = live_server.url
    club = YouthGroupFactory(province="17")
    club_leader_of(club, username="leader")
    officer_of("17", username="officer.siemreap")
    UserFactory(username="national", role="National program officers")
    legal_aid = help_entries["siem_reap"]

    phone = local_page(browser, live_server, is_mobile=True, **PHONE_SCREEN)
    log_in(phone, base, "leader")
    phone.goto(f"{base}/km/advice/")
    assert "សៀវភៅកត់ត្រាដំបូន្មាន" in phone.locator("main").inner_text()
    phone.click("a[href='/km/advice/new/']")
    phone.check("input[name='channel'][value='in_person']")
    phone.select_option("#id_commune", str(club.commune.pk))
    phone.check("input[name='sex'][value='female']")
    phone.check("input[name='age_band'][value='18-24']")
    phone.check("input[name='topics'][value='agency']")
    phone.check("input[name='topics'][value='contract']")
    phone.fill("#id_advice_given", "ឈ្មួញកណ្តាលគ្មានអាជ្ញាប័ណ្ណ៖ កុំបង់ប្រាក់ កុំប្រគល់លិខិតឆ្លងដែន។")
    phone.check("#id_refer")
    phone.select_option("#id_service", str(legal_aid.pk))
    phone.check("input[name='urgency'][value='day']")
    phone.check("#id_contact_consent")
    phone.fill("#id_phone", "012 345 678")
    # Without her consent to be referred: refused in Khmer, nothing saved.
    phone.click("main button[type=submit]")
    assert phone.locator(".form__errors").is_visible()
    assert "សូមកត់ត្រាថាអ្នកនោះយល់ព្រមឱ្យបញ្ជូនបន្ត" in phone.locator("main").inner_text()
    assert fits_the_phone(phone)
    phone.screenshot(path=screenshot_path("advice-consent-error-km-360"), full_page=True)
    assert not AdviceRecord.objects.exists()
    phone.check("#id_refer_consent")
    phone.click("main button[type=submit]")
    phone.wait_for_url(f"{base}/km/advice/")
    assert fits_the_phone(phone)
    phone.screenshot(path=screenshot_path("advice-home-km-360"), full_page=True)
    record = AdviceRecord.objects.get()
    referral = record.referrals.get()
    assert (record.sex, record.phone, referral.service) == ("female", "012 345 678", legal_aid)
    assert referral.consent_given_on == timezone.localdate()
    phone.context.close()

    # A day and more later, the service has not answered.
    Referral.objects.filter(pk=referral.pk).update(
        referred_at=timezone.now() - datetime.timedelta(days=2),
        due_at=timezone.now() - datetime.timedelta(days=1),
    )
    officer = local_page(browser, live_server, **PHONE_SCREEN)
    log_in(officer, base, "officer.siemreap", path="/admin/login/")
    officer.goto(f"{base}/admin/")
    assert record.code in officer.locator("main").inner_text()
    assert "ការបញ្ជូនបន្តហួសកាលកំណត់" in officer.locator("main").inner_text()
    officer.screenshot(path=screenshot_path("advice-officer-dashboard-km-360"), full_page=True)
    officer.click(f"main a:has-text('{record.code}')")
    officer.select_option("#id_status", "done")
    officer.select_option("#id_source", "officer_call")
    officer.fill("#id_note", "បានទូរស័ព្ទទៅសេវា៖ មេធាវីបានជួបនាង។")
    officer.screenshot(path=screenshot_path("advice-officer-answer-km-360"), full_page=True)
    officer.click("main button[type=submit]")
    officer.wait_for_url(f"{base}/admin/advice/referrals/")
    referral.refresh_from_db()
    assert referral.status == "done"
    assert referral.updates.latest("recorded_at").source == "officer_call"
    officer.context.close()

    national = local_page(browser, live_server, **PHONE_SCREEN)
    log_in(national, base, "national", path="/admin/login/")
    national.goto(f"{base}/admin/advice/figures/")
    summary = national.locator("table").first.inner_text()
    assert "រួចរាល់\t1" in summary and "ភាគរយរួចរាល់\t100%" in summary
    national.screenshot(path=screenshot_path("advice-figures-km-360"), full_page=True)
    national.context.close()
