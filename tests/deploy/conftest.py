"""What the deploy tests share: their own PostgreSQL and the production environment."""

import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.deploy.postgres import ThrowawayPostgres, postgres_bin_folder

SECRET_KEY = "k7#Qv9!pZr2$Lm4@Xw8^Nb6&Hc3*Jd5(Tf1)Gs0-Ye7=Ua9+Wq2_Ei4~Ro6"


@pytest.fixture(scope="module")
def throwaway_postgres():
    """A PostgreSQL cluster of the module's own, started, removed afterwards."""
    bin_folder = postgres_bin_folder()
    if bin_folder is None:
        pytest.skip("PostgreSQL is not installed (Debian package postgresql)")
    cluster = ThrowawayPostgres(bin_folder)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


def production_environment(**overrides: str) -> dict[str, str]:
    """The environment of a production process: production settings, a real-looking secret."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "TEST_MEDIA_ROOT"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="hub.example.org,127.0.0.1,localhost",
        LOG_LEVEL="WARNING",
    )
    environment.update(overrides)
    return environment


def manage(*args: str, environment: dict[str, str], timeout: int = 300) -> str:
    """Run `manage.py` in the project folder as production would; its output, or fail."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def environment_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a systemd EnvironmentFile, comments and blanks skipped."""
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs if not key.startswith("#")}


def unit_command(unit: Path, instance: str = "1") -> tuple[list[str], str]:
    """The ExecStart command line and WorkingDirectory of a rendered systemd unit."""
    lines = dict(
        line.split("=", 1)
        for line in unit.read_text().splitlines()
        if line.startswith(("Exec", "Work"))
    )
    command = lines["ExecStart"].replace("%i", instance).replace("%H", socket.gethostname())
    return shlex.split(command), lines["WorkingDirectory"]
