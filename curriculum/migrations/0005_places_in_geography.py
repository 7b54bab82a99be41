"""Campaigns and help entries point at the places of the geography app (same tables)."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("curriculum", "0004_printed_files_private_storage"),
        ("geography", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's idea of which app owns them moves.
            state_operations=[
                migrations.AlterField(
                    model_name="campaignpage",
                    name="provinces",
                    field=modelcluster.fields.ParentalManyToManyField(
                        related_name="campaigns",
                        to="geography.province",
                        verbose_name="provinces targeted",
                    ),
                ),
                migrations.AlterField(
                    model_name="helpentry",
                    name="provinces",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="Leave empty for a service that serves the whole country.",
                        related_name="help_entries",
                        to="geography.province",
                        verbose_name="provinces served",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
