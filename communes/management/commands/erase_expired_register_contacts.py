"""Erase the commune registers' names, phones and recruiters' descriptions kept longer than
the retention period."""

from django.core.management.base import BaseCommand

from communes.services import movements_personal_data_expire, recruitment_descriptions_expire


class Command(BaseCommand):
    help = (
        "Erase names and phones of the movement register, and what was said of recruiters, "
        "older than the retention period."
    )

    def handle(self, *args, **options):
        erased = movements_personal_data_expire()
        self.stdout.write(f"Erased the name and phone of {erased} movement record(s).")
        described = recruitment_descriptions_expire()
        self.stdout.write(f"Erased the descriptions of {described} recruiter(s) seen.")
