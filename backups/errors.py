"""The one error of backups: a backup or restore refused or failed, with what to do about it."""


class BackupError(Exception):
    """Said to the administrator as it is (the management commands turn it into CommandError)."""
