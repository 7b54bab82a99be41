"""App configuration for backups: the `backup` and `restore` management commands.

No verbose name: the app has no screen, only commands for the server's administrator.
"""

from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "backups"
