"""`manage.py restore <archive>`: put a backup's database and stored files back in place."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.errors import BackupError
from backups.services import restore_plan, restore_run


class Command(BaseCommand):
    help = (
        "Restore a backup archive: checks its manifest (format, migrations, every file's "
        "checksum) before changing anything; refuses a database or file folder that is not "
        "empty unless --clean. Stop the site and its workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the archive made by `manage.py backup`")
        parser.add_argument(
            "--clean",
            action="store_true",
            help="replace the database's tables and the stored files that are there now",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, archive, clean=False, interactive=True, **options):
        try:
            plan = restore_plan(Path(archive), clean=clean)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = plan.archive.manifest
        self.stdout.write(
            f"{archive}: made {manifest['created_at']}, checked (every file matches its checksum)."
        )
        if interactive:
            replaced = "; ".join(plan.replaced) or "nothing (the target is empty)"
            self.stdout.write(f"This replaces: {replaced}.")
            if input("Type 'yes' to restore: ").strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            written = restore_run(plan)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Restored the database and {written} files from {archive}.")
        )
        if plan.migrations_to_apply:
            self.stdout.write(
                self.style.WARNING(
                    f"The archive is older than this code ({plan.migrations_to_apply} "
                    "migrations to apply): run `manage.py migrate` now."
                )
            )
