"""Password reset: a flood of reset e-mails to one address is refused with a message."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.factories import UserFactory

THROTTLED_EN = "Too many password reset requests for this address."
THROTTLED_KM = "សំណើប្តូរពាក្យសម្ងាត់ច្រើនដងពេក"


@pytest.fixture
def officer(db):
    cache.clear()
    yield UserFactory(username="officer.siemreap", email="officer@example.org")
    cache.clear()


@pytest.mark.parametrize(("language", "message"), [("km", THROTTLED_KM), ("en", THROTTLED_EN)])
def test_reset_requests_past_the_limit_send_no_mail_and_say_so(client, officer, language, message):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("wagtailadmin_password_reset")
    for _request in range(settings.PASSWORD_RESET_THROTTLE_REQUESTS):
        response = client.post(url, {"email": "officer@example.org"})
        assert response.status_code == 302
    assert len(mail.outbox) == settings.PASSWORD_RESET_THROTTLE_REQUESTS

    # Same address, written differently.
    response = client.post(url, {"email": " Officer@Example.org"})

    assert response.status_code == 429
    assert message in response.content.decode()
    assert len(mail.outbox) == settings.PASSWORD_RESET_THROTTLE_REQUESTS


def test_another_address_is_not_held_up_by_the_flood(client, officer):
    UserFactory(username="national", email="national@example.org")
    url = reverse("wagtailadmin_password_reset")
    for _request in range(settings.PASSWORD_RESET_THROTTLE_REQUESTS + 2):
        client.post(url, {"email": "officer@example.org"})

    response = client.post(url, {"email": "national@example.org"})

    assert response.status_code == 302
    assert mail.outbox[-1].to == ["national@example.org"]
