"""In Chromium on a 360 px phone, in Khmer: a focal point records a departure and a return,
then an officer of the province finds both in the admin's figures and map."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from agencies.models import Country
from communes.choices import Channel, MovementKind, PassportHolder, ReturnReason, Sector
from communes.models import Movement
from tests.communes.conftest import focal_point_of, movement
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


def seed_four_of_each(commune):
    """Four departures like the focal point's and four returns like theirs: the officer's
    figures hide counts under 5, so only with the focal point's two do the rows show (5)."""
    for day in range(1, 5):
        movement(
            commune,
            date=datetime.date(2025, 3, day + 10),
            sector=Sector.T,
            channel=Channel.BROKER,
            has_passport="yes",
            passport_holder=PassportHolder.AGENCY_OR_BROKER,
        )
        movement(
            commune,
            kind=MovementKind.RETURN,
            date=datetime.date(2025, 4, day + 10),
            age_band="15-17",
            sector=Sector.A,
            channel=Channel.FAMILY_OR_FRIENDS,
            return_reason=ReturnReason.EXPLOITATION,
            help_wanted=True,
        )


def table_row(page, title: str, row_label: str) -> list[str]:
    """The cells of a row of the figures table under the heading `title`."""
    table = page.locator(f"h2:text-is('{title}') + table")
    row = table.locator("tbody tr", has=page.locator(f"th:text-is('{row_label}')"))
    return [cell.strip() for cell in row.locator("td").all_inner_texts()]


def km(label) -> str:
    """A label as the Khmer admin shows it."""
    with translation.override("km"):
        return str(label)


def fits_the_phone(phone) -> bool:
    return phone.evaluate("document.documentElement.scrollWidth") <= 360


def choose(phone, name, value):
    phone.check(f"input[name='{name}'][value='{value}']")


def test_a_focal_point_records_a_departure_through_a_broker_and_a_return_wanting_help(
    pilot, phone, live_server, screenshot_path
):
    seed_four_of_each(pilot["commune"])
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
    assert Movement.objects.count() == 8  # the seeded four and four, nothing more
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

    departure = Movement.objects.filter(kind="departure").latest("pk")
    assert (departure.channel, departure.passport_holder) == ("broker", "recruiter")
    returned = Movement.objects.filter(kind="return").latest("pk")
    assert returned.help_wanted and returned.phone == "012 345 678"
    assert returned.commune == pilot["commune"]
    listing = phone.locator("main").inner_text()
    assert departure.person_code in listing and returned.person_code in listing

    # The province's officer, on a phone too, in the admin in Khmer: both are in the figures.
    phone.context.clear_cookies()
    phone.goto(f"{base}/admin/login/")
    phone.fill("#id_username", "officer.siemreap")
    phone.fill("#id_password", PASSWORD)
    phone.click("button[type=submit]")
    phone.wait_for_url(f"{base}/admin/")
    phone.goto(f"{base}{reverse('communes_figures:index')}")
    assert phone.get_by_role("heading", name="តួលេខនៃបញ្ជីឃុំ", exact=True).is_visible()
    # Five departures through an unlicensed broker, five passports held by the broker:
    # the focal point's departure made them five, so they are no longer hidden.
    by_channel = table_row(phone, "តាមមធ្យោបាយដែលពួកគេបានទៅ", km(Channel.BROKER.label))
    assert by_channel == ["5", "0", "5"]
    passports = table_row(phone, "អ្នកកាន់លិខិតឆ្លងដែន", km(PassportHolder.AGENCY_OR_BROKER.label))
    assert passports == ["5"]
    # Five returns after exploitation, the focal point's among them.
    reasons = table_row(phone, "ការវិលត្រឡប់ តាមមូលហេតុ", km(ReturnReason.EXPLOITATION.label))
    assert reasons == ["5"]
    siem_reap = phone.locator('.report-map .tile[data-province="17"]')
    assert re.search(r"\b5\b", siem_reap.inner_text())
    assert fits_the_phone(phone)
    phone.screenshot(path=screenshot_path("commune-figures-officer-km-360"), full_page=True)

    # The return that wants help is in the officer's list of movements, marked so.
    phone.goto(f"{base}{reverse('communes_movement:index')}?q={returned.person_code}")
    listing = phone.locator("main").inner_text()
    assert returned.person_code in listing
    assert phone.locator("table.listing tbody tr").count() == 1
    assert phone.outside_requests == []
