"""In Chromium: an officer adds a new person to a youth group's roster without leaving its form.

The roster's person chooser has a "New person" tab: name, sex, year of birth, consent and
a home commune of the officer's provinces; the person made is chosen in the roster's row.
"""

import pytest
from django.utils import timezone

from sessions.models import Membership, Participant
from tests.factories import YouthGroupFactory, officer_of

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_officer_makes_a_new_member_in_the_rosters_chooser(
    desktop, admin_login, live_server, geography, screenshot_path
):
    group = YouthGroupFactory(name="ក្លឹបយុវជនបន្ទាយស្រី", province="17")
    officer_of("17", username="officer.siemreap")
    base = live_server.url
    admin_login(desktop, "officer.siemreap")

    desktop.goto(f"{base}/admin/youth_groups/edit/{group.pk}/")
    desktop.click("#id_memberships-ADD")
    desktop.locator("#inline_child_memberships-0 [data-chooser-action-choose]").click()
    modal = desktop.locator(".modal")
    modal.locator("#tab-label-create").click()
    form = modal.locator("form[data-chooser-modal-creation-form]")
    form.locator("#id_name").fill("ម៉ៅ សុខា")
    form.locator("#id_sex").select_option("female")
    form.locator("#id_year_of_birth").fill(str(timezone.localdate().year - 20))
    form.locator("#id_home_commune").select_option(index=1)
    form.locator("#id_consent_given_on").fill("2026-01-05")
    form.locator("#id_consent_collected_by").fill("Sok Dara")
    desktop.screenshot(path=screenshot_path("admin-roster-new-person"))
    form.locator("button[type=submit]").click()
    modal.wait_for(state="hidden")
    assert "ម៉ៅ សុខា" in desktop.locator("#inline_child_memberships-0").inner_text()

    desktop.locator("button.action-save, button[type=submit]:visible").first.click()
    desktop.wait_for_url(f"{base}/admin/youth_groups/")
    person = Participant.objects.get(name="ម៉ៅ សុខា")
    assert Membership.objects.filter(group=group, participant=person).exists()
