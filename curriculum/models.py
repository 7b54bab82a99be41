"""Curriculum page models and snippets (lessons, modules, campaigns) live here."""
