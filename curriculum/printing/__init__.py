"""Turning lessons and modules into PDFs and offline packs, kept once per published revision."""
