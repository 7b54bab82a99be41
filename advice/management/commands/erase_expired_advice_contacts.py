"""Erase the advice log's names and phones kept longer than the register's retention period."""

from django.core.management.base import BaseCommand

from advice.services import advice_personal_data_expire


class Command(BaseCommand):
    help = "Erase names and phones of the advice log older than the retention period."

    def handle(self, *args, **options):
        erased = advice_personal_data_expire()
        self.stdout.write(f"Erased the name and phone of {erased} advice record(s).")
