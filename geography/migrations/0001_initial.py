"""The places, moved from the trainings app: the same tables, now owned by the geography."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("trainings", "0008_import_started_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's idea of which app owns them moves.
            state_operations=[
                migrations.CreateModel(
                    name="District",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("code", models.CharField(max_length=8, unique=True, verbose_name="code")),
                        ("name_km", models.CharField(max_length=120, verbose_name="name in Khmer")),
                        (
                            "name_en",
                            models.CharField(max_length=120, verbose_name="name in English"),
                        ),
                    ],
                    options={
                        "verbose_name": "district",
                        "verbose_name_plural": "districts",
                        "db_table": "trainings_district",
                        "ordering": ["code"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="Province",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("code", models.CharField(max_length=8, unique=True, verbose_name="code")),
                        ("name_km", models.CharField(max_length=120, verbose_name="name in Khmer")),
                        (
                            "name_en",
                            models.CharField(max_length=120, verbose_name="name in English"),
                        ),
                    ],
                    options={
                        "verbose_name": "province",
                        "verbose_name_plural": "provinces",
                        "db_table": "trainings_province",
                        "ordering": ["code"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="Commune",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("code", models.CharField(max_length=8, unique=True, verbose_name="code")),
                        ("name_km", models.CharField(max_length=120, verbose_name="name in Khmer")),
                        (
                            "name_en",
                            models.CharField(max_length=120, verbose_name="name in English"),
                        ),
                        (
                            "district",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="communes",
                                to="geography.district",
                                verbose_name="district",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "commune",
                        "verbose_name_plural": "communes",
                        "db_table": "trainings_commune",
                        "ordering": ["code"],
                        "abstract": False,
                    },
                ),
                migrations.AddField(
                    model_name="district",
                    name="province",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="districts",
                        to="geography.province",
                        verbose_name="province",
                    ),
                ),
                migrations.CreateModel(
                    name="Village",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name_km", models.CharField(max_length=120, verbose_name="name in Khmer")),
                        (
                            "name_en",
                            models.CharField(max_length=120, verbose_name="name in English"),
                        ),
                        (
                            "code",
                            models.CharField(db_index=True, max_length=8, verbose_name="code"),
                        ),
                        (
                            "commune",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="villages",
                                to="geography.commune",
                                verbose_name="commune",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "village",
                        "verbose_name_plural": "villages",
                        "db_table": "trainings_village",
                        "ordering": ["code"],
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("commune", "code", "name_km"),
                                name="unique_village_in_commune",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
