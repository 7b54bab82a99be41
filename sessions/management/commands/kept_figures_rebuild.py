"""Build the report's kept figures again from the trainings' tables.

Not needed in the normal course (changes are recorded and applied as they happen); for a
restore from an old backup, or after changing the kept tables' SQL.
"""

import time

from django.core.management.base import BaseCommand

from sessions.reports.kept import kept_figures_rebuild


class Command(BaseCommand):
    help = "Build the programme report's kept figures again from the trainings' tables."

    def handle(self, *args, **options):
        start = time.monotonic()
        kept_figures_rebuild()
        self.stdout.write(f"Kept figures rebuilt in {time.monotonic() - start:.1f} s.")
