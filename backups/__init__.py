"""Backups that restore: the database and every stored file in one archive, and back again."""
