"""A log of their own for trainings objects, read by province; the history so far moves in.

Entries Wagtail kept in its shared ModelLogEntry for trainings objects move to
TrainingsLogEntry, so Site history shows them only to users who may see the object.
"""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

LOGGED_FIELDS = [
    "content_type_id",
    "label",
    "action",
    "data",
    "timestamp",
    "uuid",
    "user_id",
    "revision_id",
    "content_changed",
    "deleted",
    "object_id",
]


def _move_entries(source, target, content_types):
    entries = source.objects.filter(content_type__in=content_types).order_by("pk")
    target.objects.bulk_create(
        [target(**{field: getattr(entry, field) for field in LOGGED_FIELDS}) for entry in entries],
        batch_size=1000,
    )
    entries.delete()


def move_to_trainings_log(apps, schema_editor):
    trainings_types = apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="trainings"
    )
    _move_entries(
        apps.get_model("wagtailcore", "ModelLogEntry"),
        apps.get_model("trainings", "TrainingsLogEntry"),
        trainings_types,
    )


def move_back_to_model_log(apps, schema_editor):
    trainings_types = apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="trainings"
    )
    _move_entries(
        apps.get_model("trainings", "TrainingsLogEntry"),
        apps.get_model("wagtailcore", "ModelLogEntry"),
        trainings_types,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("trainings", "0008_import_started_at"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="TrainingsLogEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("label", models.TextField()),
                ("action", models.CharField(blank=True, db_index=True, max_length=255)),
                (
                    "data",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        encoder=django.core.serializers.json.DjangoJSONEncoder,
                    ),
                ),
                ("timestamp", models.DateTimeField(db_index=True, verbose_name="timestamp (UTC)")),
                (
                    "uuid",
                    models.UUIDField(
                        blank=True,
                        editable=False,
                        help_text="Log entries that happened as part of the same user action are assigned the same UUID",
                        null=True,
                    ),
                ),
                ("content_changed", models.BooleanField(db_index=True, default=False)),
                ("deleted", models.BooleanField(default=False)),
                ("object_id", models.CharField(db_index=True, max_length=255)),
                (
                    "content_type",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="contenttypes.contenttype",
                        verbose_name="content type",
                    ),
                ),
                (
                    "revision",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="wagtailcore.revision",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "trainings log entry",
                "verbose_name_plural": "trainings log entries",
                "ordering": ["-timestamp", "-id"],
                "abstract": False,
                "indexes": [
                    models.Index(
                        fields=["uuid", "action", "-timestamp"], name="trainings_t_uuid_7d86c2_idx"
                    )
                ],
            },
        ),
        migrations.RunPython(move_to_trainings_log, move_back_to_model_log),
    ]
