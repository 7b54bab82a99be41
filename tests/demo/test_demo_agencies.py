"""The demo's sample agencies: one of each answer, marked as samples, built once."""

import pytest
from django.urls import reverse

from agencies.models import Agency
from demo.agencies import demo_agencies_build

pytestmark = pytest.mark.django_db


def test_sample_agencies_are_built_once_and_marked_as_samples():
    assert demo_agencies_build() == 5
    assert demo_agencies_build() == 0
    assert Agency.objects.count() == 5
    assert not Agency.objects.filter(is_sample=False).exists()
    assert set(Agency.objects.values_list("status", flat=True)) == {
        "licensed",
        "suspended",
        "revoked",
    }


def test_the_public_check_answers_about_a_sample_agency(client):
    demo_agencies_build()
    content = client.get(reverse("agency_check"), {"q": "045/22"}).content.decode()
    assert "agency--licensed" in content
    assert "demo-badge" in content
