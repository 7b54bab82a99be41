"""The export log, and national officers' permission to read it.

As in 0004, the permission is created here, since Django creates permissions only after all
migrations have run. Nobody gets add, change or delete: the log is written by exports only.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, __ = ContentType.objects.get_or_create(app_label="trainings", model="exportlog")
    permission, __ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_exportlog",
        defaults={"name": "Can view export log entry"},
    )
    group, __ = Group.objects.get_or_create(name="National program officers")
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group = Group.objects.filter(name="National program officers").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="trainings", codename="view_exportlog"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0005_roster_and_row_ordering"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ExportLog",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("username", models.CharField(max_length=150, verbose_name="username")),
                (
                    "exported_at",
                    models.DateTimeField(
                        auto_now_add=True, db_index=True, verbose_name="exported at"
                    ),
                ),
                (
                    "list_name",
                    models.CharField(
                        choices=[
                            ("training_sessions", "training sessions"),
                            ("attendance", "attendance"),
                            ("youth_groups", "youth groups"),
                            ("peer_educators", "peer educators"),
                            ("participants", "participants"),
                        ],
                        max_length=30,
                        verbose_name="list",
                    ),
                ),
                (
                    "export_format",
                    models.CharField(
                        choices=[("csv", "CSV"), ("xlsx", "XLSX")],
                        max_length=4,
                        verbose_name="format",
                    ),
                ),
                (
                    "filters",
                    models.JSONField(blank=True, default=dict, verbose_name="filters and search"),
                ),
                ("row_count", models.PositiveIntegerField(verbose_name="rows")),
                ("personal_data", models.BooleanField(verbose_name="personal data included")),
                (
                    "user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "export log entry",
                "verbose_name_plural": "export log",
                "ordering": ["-exported_at", "-pk"],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
