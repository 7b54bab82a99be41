"""Erase the commune registers' names and phones kept longer than the retention period."""

from django.core.management.base import BaseCommand

from communes.services import movements_personal_data_expire


class Command(BaseCommand):
    help = "Erase names and phones of the movement register older than the retention period."

    def handle(self, *args, **options):
        erased = movements_personal_data_expire()
        self.stdout.write(f"Erased the name and phone of {erased} movement record(s).")
