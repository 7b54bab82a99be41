"""Who may import movements from a spreadsheet: program officers (into their provinces'
communes, `communes.scoping`) and national officers (into every commune)."""

from django.db import migrations

GROUPS = ["Program officers", "National program officers"]
CODENAME = "import_movements"
NAME = "Can import movements from a spreadsheet"


def _permission(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, __ = ContentType.objects.get_or_create(app_label="communes", model="movement")
    permission, __ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    return permission


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permission = _permission(apps)
    for name in GROUPS:
        group, __ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permission = _permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [("communes", "0004_return_departure_and_description_erasure")]

    operations = [
        migrations.AlterModelOptions(
            name="movement",
            options={
                "ordering": ["-date", "-pk"],
                "permissions": [
                    ("record_in_assigned_communes", "Can record in the communes assigned to them"),
                    ("view_personal_data", "Can see the names and phones of the register"),
                    ("erase_personal_data", "Can erase a person's name and phone on request"),
                    ("import_movements", "Can import movements from a spreadsheet"),
                ],
                "verbose_name": "movement",
                "verbose_name_plural": "movements",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
