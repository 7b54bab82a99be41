"""The commune focal points' role, and who may do what with the commune registers.

Focal points record in their communes from the public site: one permission, no admin
access. Program officers read and change the records of their provinces' communes;
national officers everything, with the names and phones and their erasure, the focal
points' assignments and the fee caps. Groups are found or created by name, as the roles'
own migrations do, so this runs whichever app made them first.
"""

from django.db import migrations

FOCAL_POINTS = "Commune focal points"
PROGRAM = "Program officers"
NATIONAL = "National program officers"
RECORDS = ["movement", "recruitmentactivity"]

GRANTS = {
    FOCAL_POINTS: [("movement", "record_in_assigned_communes")],
    # Records are made on the focal points' phones: nobody adds them in the admin.
    PROGRAM: [
        *[(model, f"{action}_{model}") for model in RECORDS for action in ("change", "view")],
        ("feecap", "view_feecap"),
    ],
    NATIONAL: [
        *[
            (model, f"{action}_{model}")
            for model in RECORDS
            for action in ("change", "delete", "view")
        ],
        *[
            (model, f"{action}_{model}")
            for model in ["focalpointassignment", "feecap"]
            for action in ("add", "change", "delete", "view")
        ],
        ("movement", "view_personal_data"),
        ("movement", "erase_personal_data"),
    ],
}
NAMES = {
    "record_in_assigned_communes": "Can record in the communes assigned to them",
    "view_personal_data": "Can see the names and phones of the register",
    "erase_personal_data": "Can erase a person's name and phone on request",
}


def _permission(apps, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, __ = ContentType.objects.get_or_create(app_label="communes", model=model)
    permission, __ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": NAMES.get(codename, f"Can {codename.replace('_', ' ')}")},
    )
    return permission


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, grants in GRANTS.items():
        group, __ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(apps, model, codename) for model, codename in grants])


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="communes")
    for group in Group.objects.filter(name__in=list(GRANTS)):
        group.permissions.remove(*permissions)
    # The focal points' group stays: people are in it.


class Migration(migrations.Migration):
    dependencies = [
        ("communes", "0001_register"),
        ("accounts", "0001_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
