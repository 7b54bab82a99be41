"""Fill a throwaway database with synthetic trainings at scale (benchmarks, load tests)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.synthetic_trainings import training_data_generate


class Command(BaseCommand):
    help = "Create synthetic training sessions and attendance rows quickly (never in production)."

    def add_arguments(self, parser):
        parser.add_argument("--sessions", type=int, default=100_000)
        parser.add_argument("--attendances", type=int, default=1_000_000)
        parser.add_argument("--groups", type=int, default=2_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        if not (settings.DEBUG or getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False)) and (
            "test" not in settings.SETTINGS_MODULE
        ):
            raise CommandError("Synthetic data is for development and test databases only.")
        start = time.perf_counter()
        counts = training_data_generate(
            sessions=options["sessions"],
            attendances=options["attendances"],
            groups=options["groups"],
            seed=options["seed"],
        )
        elapsed = time.perf_counter() - start
        self.stdout.write(
            f"Created {counts.groups} groups, {counts.participants} participants, "
            f"{counts.sessions} sessions and {counts.attendances} attendances in {elapsed:.1f} s."
        )
