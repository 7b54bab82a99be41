"""nginx's site names the cookies that keep a request or response out of its cache: the
names must be the ones the application sets (a renamed session cookie would otherwise be
answered with anonymous readers' pages)."""

import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage

SITE = (settings.BASE_DIR / "deploy" / "nginx" / "smh.conf").read_text()


def directive(name: str) -> str:
    return re.search(rf"^\s*{name}\s([^;]*);", SITE, re.MULTILINE).group(1)


def test_nginx_answers_no_request_with_the_applications_session_or_messages_cookie():
    bypass = directive("proxy_cache_bypass").split()
    assert f"$cookie_{settings.SESSION_COOKIE_NAME}" in bypass
    assert f"$cookie_{CookieStorage.cookie_name}" in bypass


def test_nginx_keeps_no_response_setting_the_applications_session_messages_or_token():
    no_cache = directive("proxy_no_cache").split()
    assert f"$cookie_{settings.SESSION_COOKIE_NAME}" in no_cache
    assert f"$upstream_cookie_{settings.SESSION_COOKIE_NAME}" in no_cache
    assert f"$upstream_cookie_{CookieStorage.cookie_name}" in no_cache
    assert f"$upstream_cookie_{settings.CSRF_COOKIE_NAME}" in no_cache
