"""In Chromium on a 360 px phone, in Khmer: a focal point links a return to its departure."""

import datetime

import pytest

from communes.models import Movement
from tests.communes.conftest import movement
from tests.e2e.test_commune_register import PASSWORD, choose, fits_the_phone, pilot  # noqa: F401

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_focal_point_links_a_return_to_the_departure_it_ends(
    pilot,  # noqa: F811
    phone,
    live_server,
    screenshot_path,
):
    left = movement(pilot["commune"], date=datetime.date(2025, 3, 4))
    base = live_server.url
    phone.goto(f"{base}/km/accounts/login/")
    phone.fill("#id_username", "focal")
    phone.fill("#id_password", PASSWORD)
    phone.click("main button[type=submit]")
    phone.wait_for_url(f"{base}/km/commune/")

    phone.goto(f"{base}/km/commune/returns/new/")
    phone.fill("#id_date", "2025-06-01")
    phone.select_option("#id_village", index=1)
    choose(phone, "sex", "female")
    choose(phone, "age_band", "18-24")
    choose(phone, "return_reason", "exploitation")
    phone.select_option("#id_destination_country", str(pilot["thailand"].pk))
    phone.select_option("#id_sector", "T")
    choose(phone, "channel", "broker")
    options = phone.locator("#id_departure option").all_inner_texts()
    assert any(left.person_code in option for option in options)
    phone.select_option("#id_departure", str(left.pk))
    assert fits_the_phone(phone)
    phone.screenshot(path=screenshot_path("commune-return-departure-km-360"), full_page=True)
    phone.click("main button[type=submit]")
    phone.wait_for_url(f"{base}/km/commune/")
    assert Movement.objects.get(kind="return").departure == left
