"""Officers are assignable by a permission their role holds, no longer by the group's name."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import sessions.models.officers


def grant_to_program_officers(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, __ = ContentType.objects.get_or_create(
        app_label="trainings", model="provinceassignment"
    )
    permission, __ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="work_in_assigned_provinces",
        defaults={"name": "Can work in the provinces assigned to them"},
    )
    group, __ = Group.objects.get_or_create(name="Program officers")
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0012_places_in_geography"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="provinceassignment",
            options={
                "ordering": ["province__code", "officer__username"],
                "permissions": [
                    ("access_all_provinces", "Can work with the data of every province"),
                    ("work_in_assigned_provinces", "Can work in the provinces assigned to them"),
                ],
                "verbose_name": "province assignment",
                "verbose_name_plural": "province assignments",
            },
        ),
        migrations.AlterField(
            model_name="provinceassignment",
            name="officer",
            field=models.ForeignKey(
                limit_choices_to=sessions.models.officers.assignable_officers_q,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="province_assignments",
                to=settings.AUTH_USER_MODEL,
                verbose_name="program officer",
            ),
        ),
        migrations.RunPython(grant_to_program_officers, migrations.RunPython.noop),
    ]
