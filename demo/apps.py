"""App configuration of the demo, which no app of the product imports."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Installed for its management commands; the demo has no models of its own."""

    name = "demo"
