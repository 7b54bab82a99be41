"""In Chromium on a 360 px phone, in Khmer: a focal point records a departure and a return."""

import pytest

from agencies.models import Country
from communes.models import Movement
from tests.communes.conftest import focal_point_of
from tests.factories import commune_in, officer_of

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"


@pytest.fixture
def pilot(geography):
    commune = commune_in("17")
    return {
        "commune": commune,
        "focal_point": focal_point_of(commune, username="focal"),
        "officer": officer_of("17", username="officer.siemreap"),
        "thailand": Country.objects.get(code="TH"),
    }


def fits_the_phone(phone) -> bool:
    return phone.evaluate("document.documentElement.scrollWidth") <= 360


def choose(phone, name, value):
    phone.check(f"input[name='{name}'][value='{value}']")


def test_a_focal_point_records_a_departure_through_a_broker_and_a_return_wanting_help(
    pilot, phone, live_server, screenshot_path
):
    base = live_server.url
    phone.goto(f"{base}/km/accounts/login/")
    phone.fill("#id_username", "focal")
    phone.fill("#id_password", PASSWORD)
    phone.click("main button[type=submit]")
    phone.wait_for_url(f"{base}/km/commune/")
    assert fits_the_phone(phone)

    phone.click("a[href='/km/commune/departures/new/']")
    phone.fill("#id_date", "2025-03-04")
    phone.select_option("#id_village", index=1)
    choose(phone, "sex", "female")
    choose(phone, "age_band", "18-24")
    phone.select_option("#id_destination_country", str(pilot["thailand"].pk))
    phone.select_option("#id_sector", "T")
    choose(phone, "channel", "broker")
    choose(phone, "has_passport", "yes")
    phone.select_option("#id_passport_holder", "recruiter")
    # A name without the person's consent is refused, in Khmer, and nothing is saved.
    phone.fill("#id_name", "ចាន់ សុភា")
    phone.click("main button[type=submit]")
    assert phone.locator(".form__errors").is_visible()
    assert "លុះត្រាតែបុគ្គលនោះយល់ព្រមឱ្យទាក់ទង" in phone.locator("main").inner_text()
    assert fits_the_phone(phone)
    phone.screenshot(path=screenshot_path("commune-departure-error-km-360"), full_page=True)
    assert not Movement.objects.exists()
    phone.fill("#id_name", "")
    phone.click("main button[type=submit]")
    phone.wait_for_url(f"{base}/km/commune/")

    phone.click("a[href='/km/commune/returns/new/']")
    phone.fill("#id_date", "2025-04-02")
    phone.select_option("#id_village", index=1)
    choose(phone, "sex", "female")
    choose(phone, "age_band", "15-17")
    phone.select_option("#id_destination_country", str(pilot["thailand"].pk))
    phone.select_option("#id_sector", "A")
    choose(phone, "channel", "family_friends")
    choose(phone, "return_reason", "exploitation")
    phone.check("#id_help_wanted")
    phone.check("#id_contact_consent")
    phone.fill("#id_phone", "012 345 678")
    assert fits_the_phone(phone)
    phone.click("main button[type=submit]")
    phone.wait_for_url(f"{base}/km/commune/")
    assert fits_the_phone(phone)
    phone.screenshot(path=screenshot_path("commune-home-km-360"), full_page=True)

    departure = Movement.objects.get(kind="departure")
    assert (departure.channel, departure.passport_holder) == ("broker", "recruiter")
    returned = Movement.objects.get(kind="return")
    assert returned.help_wanted and returned.phone == "012 345 678"
    assert returned.commune == pilot["commune"]
    listing = phone.locator("main").inner_text()
    assert departure.person_code in listing and returned.person_code in listing
