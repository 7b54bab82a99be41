"""Shared test setup: strict deprecations, no silent skips in CI, geography loaded once."""

import inspect
import os

import pytest

pytest_plugins = [
    "tests.fixtures.curriculum",
    "tests.fixtures.page_cache",
    "tests.fixtures.production_static",
]


def _deprecation_warning_classes():
    """Every `RemovedIn...Warning` that Django and Wagtail define, whatever their version."""
    import django.utils.deprecation
    import wagtail.utils.deprecation

    for module in (django.utils.deprecation, wagtail.utils.deprecation):
        for name, value in inspect.getmembers(module, inspect.isclass):
            if name.startswith("RemovedIn") and issubclass(value, Warning):
                yield f"{module.__name__}.{name}"


def pytest_configure(config):
    # Code that uses an API due to be removed fails here, so the next LTS is a small step.
    for dotted_name in _deprecation_warning_classes():
        config.addinivalue_line("filterwarnings", f"error::{dotted_name}")


def running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # In CI a test that would be skipped for a missing browser, database or tool fails.
    outcome = yield
    report = outcome.get_result()
    if running_in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI, which must run every test: {reason}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the geography once for the whole run, as every deployment does."""
    from geography.loading import load_geography

    with django_db_blocker.unblock():
        load_geography()


@pytest.fixture
def geography(db):
    """The geography, reloaded where a transactional test emptied the database."""
    from geography.loading import load_geography
    from geography.models import Province

    if not Province.objects.exists():
        load_geography()
