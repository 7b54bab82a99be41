"""`manage.py backup [destination]`: the database and every stored file in one archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.errors import BackupError
from backups.services import backup_create


class Command(BaseCommand):
    help = (
        "Write one archive (mode 0600) of the database and every stored file: MEDIA_ROOT, "
        "PRINTED_FILES_ROOT, IMPORT_FILES_ROOT. Into a folder, it gets a dated name and only "
        "the newest --keep archives are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            help="a folder, or the archive's path (.tar); default: BACKUP_ROOT",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="dated archives kept in the folder, the newest (0: all); default: BACKUP_KEEP",
        )

    def handle(self, *args, destination=None, keep=None, **options):
        destination = Path(destination or settings.BACKUP_ROOT)
        keep = settings.BACKUP_KEEP if keep is None else keep
        if keep < 0:
            raise CommandError("--keep must be 0 (keep all) or more.")
        try:
            result = backup_create(destination, keep=keep)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the database and {result.file_count} files to {result.path}"
            )
        )
        for removed in result.removed:
            self.stdout.write(f"Removed the old archive {removed}")
