"""The safe-migration curriculum: lessons, lesson packs, campaigns, publications, help."""
