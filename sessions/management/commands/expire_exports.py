"""Delete the files of background exports past EXPORT_FILES_KEPT_DAYS; fail stalled jobs.

Run nightly by the retention timer (deploy/systemd/smh-retention.service).
"""

from django.core.management.base import BaseCommand

from sessions.admin.export_jobs import export_jobs_expire


class Command(BaseCommand):
    help = "Delete old export files and mark exports whose worker stopped as failed."

    def handle(self, *args, **options):
        count = export_jobs_expire()
        self.stdout.write(f"{count} export job(s) expired or failed as stalled.")
