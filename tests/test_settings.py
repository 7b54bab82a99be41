"""Deployment settings: production refuses to start unsafely and passes the deploy check."""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k7#Qv9!pZr2$Lm4@Xw8^Nb6&Hc3*Jd5(Tf1)Gs0-Ye7=Ua9+Wq2_Ei4~Ro6",
    "ALLOWED_HOSTS": "saferoutes.example.org",
    "DATABASE_URL": "postgres://smh:secret@db.example.org:5432/smh",
}


def manage(*args, env_overrides=None, env_removed=()):
    env = {**os.environ, **PRODUCTION_ENV, **(env_overrides or {})}
    for name in env_removed:
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_production_deploy_check_prints_no_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "secret_key",
    ["", "short", "django-insecure-" + "x" * 60, "a" * 80],
)
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    result = manage("check", env_overrides={"SECRET_KEY": secret_key})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", env_removed=["ALLOWED_HOSTS"])
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_reads_the_database_and_media_from_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'], s.MEDIA_ROOT,"
        " s.TASKS['default']['BACKEND'])"
    )
    result = manage(
        "shell", "--no-imports", "-c", code, env_overrides={"MEDIA_ROOT": "/srv/smh/media"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "db.example.org",
        "/srv/smh/media",
        "django_tasks_db.DatabaseBackend",
    ]


def test_without_database_url_the_site_uses_sqlite_in_the_project_folder():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.DATABASES['default']['NAME'])",
        env_overrides={"DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        env_removed=["DATABASE_URL"],
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(settings.BASE_DIR / "db.sqlite3")


POLICY_OF_PATHS = """
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.module_loading import import_string

def view(request):
    response = HttpResponse()
    if request.path.endswith("/preview/"):
        response["X-Frame-Options"] = "SAMEORIGIN"
    return response

middleware = next(path for path in settings.MIDDLEWARE if path.endswith("PolicyMiddleware"))
policy = import_string(middleware)(view)
for path in ["/km/curriculum/", "/admin/pages/3/edit/", "/admin/pages/3/edit/preview/"]:
    print(policy(RequestFactory().get(path)).headers["Content-Security-Policy"])
"""


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_production_sends_a_content_security_policy_without_inline_script_on_the_site():
    result = manage("shell", "--no-imports", "-c", POLICY_OF_PATHS)
    assert result.returncode == 0, result.stderr
    site, admin, preview = (directives(line) for line in result.stdout.splitlines())
    assert site == {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "manifest-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    # Wagtail's admin needs inline <script> and <style> elements, nothing more: inline
    # event handlers, style attributes, eval and other hosts stay refused.
    assert admin == {
        **site,
        "script-src-elem": ["'self'", "'unsafe-inline'"],
        "style-src-elem": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
    }
    assert preview == {**admin, "frame-ancestors": ["'self'"]}


def content_security_policy_settings(namespace) -> dict:
    return {
        "policy": namespace.CONTENT_SECURITY_POLICY,
        "admin": namespace.CONTENT_SECURITY_POLICY_ADMIN_DIRECTIVES,
        "middleware": [path for path in namespace.MIDDLEWARE if "content_security" in path],
    }


def test_the_tests_run_under_the_production_content_security_policy():
    code = (
        "import json; from django.conf import settings;"
        "from tests.test_settings import content_security_policy_settings as csp;"
        "print(json.dumps(csp(settings)))"
    )
    result = manage("shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    production = json.loads(result.stdout)
    assert production["middleware"] == [
        "home.content_security_policy.ContentSecurityPolicyMiddleware"
    ]
    assert production == json.loads(json.dumps(content_security_policy_settings(settings)))


def test_production_keeps_database_connections_and_checks_them_before_reuse():
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    assert manage("shell", "--no-imports", "-c", code).stdout.split() == ["60", "True"]
    result = manage(
        "shell", "--no-imports", "-c", code, env_overrides={"DATABASE_CONN_MAX_AGE": "0"}
    )
    assert result.stdout.split() == ["0", "True"]


def environment_variables_read_by(settings_file: Path) -> set[str]:
    """The names a settings module reads with os.environ.get() or env_list()."""
    names = set()
    for node in ast.walk(ast.parse(settings_file.read_text())):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        function = ast.unparse(node.func)
        if function in {"os.environ.get", "env_list"} and isinstance(node.args[0], ast.Constant):
            names.add(node.args[0].value)
    return names


def test_the_readme_lists_every_environment_variable_production_reads():
    settings_folder = settings.BASE_DIR / "config" / "settings"
    read = environment_variables_read_by(settings_folder / "base.py")
    read |= environment_variables_read_by(settings_folder / "production.py")
    readme = (settings.BASE_DIR / "README.md").read_text()
    table = readme.split("## Settings and environment")[1].split("\n## ")[0]
    listed = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))
    assert "DATABASE_CONN_MAX_AGE" in read
    assert read - listed == set()
