"""Build the demo site once: geography, home pages, curriculum, demo accounts; keeps what exists."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.accounts import DEMO_PASSWORD, demo_accounts_create
from demo.advice import demo_advice_build
from demo.agencies import demo_agencies_build
from demo.cascade import demo_cascade_build
from demo.communes import demo_commune_records_build, demo_focal_points_assign
from demo.curriculum import demo_curriculum_build, demo_curriculum_summary
from demo.home_pages import demo_home_pages_build
from demo.trainings import demo_trainings_build
from geography.loading import load_geography


class Command(BaseCommand):
    help = "Load the geography and the demo content; a second run keeps what is there."

    def handle(self, *args, **options):
        self.stdout.write(f"Geography: {load_geography()}")
        languages = demo_home_pages_build()
        built = f"built for {', '.join(languages)}" if languages else "kept as they are"
        self.stdout.write(f"Home pages: {built}")
        self.stdout.write(f"Curriculum: {demo_curriculum_summary(demo_curriculum_build())}")
        self.stdout.write(f"Sample recruitment agencies: {demo_agencies_build()} made")
        self.stdout.write(f"Sample commune register records: {demo_commune_records_build()} made")
        if getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
            self._create_demo_accounts()
            self.stdout.write(f"Demo training sessions: {demo_trainings_build()} made")
            self.stdout.write(f"Demo training cascade: {demo_cascade_build()} sessions made")
            self.stdout.write(f"Pilot communes given to focal points: {demo_focal_points_assign()}")
            self.stdout.write(f"Sample advice records: {demo_advice_build()} made")
        # Search and references reflect the content just built.
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))

    def _create_demo_accounts(self):
        self.stdout.write("Demo accounts (development only):")
        for result in demo_accounts_create():
            account = result.account
            password = DEMO_PASSWORD if result.created else "(existing account, password kept)"
            role = "superuser" if account.superuser else account.role
            provinces = (
                f" provinces {', '.join(account.province_codes)}" if account.province_codes else ""
            )
            self.stdout.write(f"  {account.username:<20} {password:<22} {role}{provinces}")
