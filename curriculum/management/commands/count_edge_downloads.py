"""Add the handout downloads nginx answered from its cache to the download counts.

Run every minute by deploy/systemd/smh-edge-downloads.timer; reads PRINTED_FILES_EDGE_LOG
(or `--log`) from where the last run stopped (curriculum/printing/edge_downloads.py).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from curriculum.printing.edge_downloads import count_edge_downloads


class Command(BaseCommand):
    help = "Count the downloads in nginx's log of the printed files it answered from its cache."

    def add_arguments(self, parser):
        parser.add_argument("--log", help="nginx's download log (default: PRINTED_FILES_EDGE_LOG)")

    def handle(self, *args, **options):
        log = options["log"] or settings.PRINTED_FILES_EDGE_LOG
        if not log:
            raise CommandError("PRINTED_FILES_EDGE_LOG is not set: nginx keeps no printed file.")
        counted = count_edge_downloads(Path(log))
        self.stdout.write(
            f"{counted.downloads} download(s) counted from {counted.lines} new line(s)"
            f" ({counted.skipped} skipped)."
        )
