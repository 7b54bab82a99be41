"""The places move to the geography app: same tables, content types and permissions kept."""

import django.db.models.deletion
from django.db import migrations, models

PLACES = ("province", "district", "commune", "village")


def content_types_to_geography(apps, schema_editor):
    """The places' content types (their permissions, log entries) now belong to geography.

    The permission to work across all provinces is the trainings app's rule: it moves to
    the province assignments, so it stays `trainings.access_all_provinces`.
    """
    _move_content_types(apps, source="trainings", target="geography")
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    assignments, __ = ContentType.objects.get_or_create(
        app_label="trainings", model="provinceassignment"
    )
    Permission.objects.filter(
        content_type__app_label="geography", codename="access_all_provinces"
    ).update(content_type=assignments)


def content_types_to_trainings(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    province, __ = ContentType.objects.get_or_create(app_label="geography", model="province")
    Permission.objects.filter(
        content_type__app_label="trainings", codename="access_all_provinces"
    ).update(content_type=province)
    _move_content_types(apps, source="geography", target="trainings")


def _move_content_types(apps, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes.ContentType")
    for model in PLACES:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label=target, model=model).first()
        if new is None:
            old.app_label = target
            old.save(update_fields=["app_label"])
        else:  # made by an earlier post_migrate: keep one, with every permission on it
            apps.get_model("auth.Permission").objects.filter(content_type=old).exclude(
                codename__in=new.permission_set.values("codename")
            ).update(content_type=new)
            old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("curriculum", "0005_places_in_geography"),
        ("geography", "0001_initial"),
        ("trainings", "0011_external_id_unique_per_group"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's idea of which app owns them moves.
            state_operations=[
                migrations.AlterField(
                    model_name="trainingsession",
                    name="commune",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="training_sessions_held",
                        to="geography.commune",
                        verbose_name="commune where it was held",
                    ),
                ),
                migrations.AlterField(
                    model_name="participant",
                    name="home_commune",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="participants",
                        to="geography.commune",
                        verbose_name="home commune",
                    ),
                ),
                migrations.AlterField(
                    model_name="youthgroup",
                    name="commune",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="youth_groups",
                        to="geography.commune",
                        verbose_name="commune",
                    ),
                ),
                migrations.RemoveField(
                    model_name="village",
                    name="commune",
                ),
                migrations.RemoveField(
                    model_name="district",
                    name="province",
                ),
                migrations.AlterField(
                    model_name="provinceassignment",
                    name="province",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="officer_assignments",
                        to="geography.province",
                        verbose_name="province",
                    ),
                ),
                migrations.AlterModelOptions(
                    name="provinceassignment",
                    options={
                        "ordering": ["province__code", "officer__username"],
                        "permissions": [
                            ("access_all_provinces", "Can work with the data of every province")
                        ],
                        "verbose_name": "province assignment",
                        "verbose_name_plural": "province assignments",
                    },
                ),
                migrations.DeleteModel(
                    name="Commune",
                ),
                migrations.DeleteModel(
                    name="Village",
                ),
                migrations.DeleteModel(
                    name="District",
                ),
                migrations.DeleteModel(
                    name="Province",
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_geography, content_types_to_trainings),
    ]
