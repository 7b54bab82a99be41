"""Give the officers' roles their permissions on youth groups, sessions and participants.

As in 0002_roles, the permissions are created here, since Django creates them only after
all migrations have run. Club leaders get none: their forms are on the public site.
"""

from django.db import migrations

MODELS = {
    "youthgroup": "youth group",
    "peereducator": "peer educator",
    "trainingsession": "training session",
    "participant": "participant",
    "attendance": "attendance",
    "headcount": "headcount",
}


def model_permissions(*actions):
    return [
        ("trainings", model, f"{action}_{model}", f"Can {action} {name}")
        for model, name in MODELS.items()
        for action in actions
    ]


VERIFY = (
    "trainings",
    "trainingsession",
    "verify_trainingsession",
    "Can verify or return training sessions",
)
ERASE = ("trainings", "participant", "erase_participant", "Can erase a participant's personal data")
EXPORT = (
    "trainings",
    "participant",
    "export_personal_data",
    "Can export participants' personal data",
)

ROLE_PERMISSIONS = {
    "Program officers": [*model_permissions("add", "change", "view"), VERIFY],
    "National program officers": [
        *model_permissions("add", "change", "delete", "view"),
        VERIFY,
        ERASE,
        EXPORT,
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    for group_name, permissions in ROLE_PERMISSIONS.items():
        group, __ = Group.objects.get_or_create(name=group_name)
        for app_label, model, codename, name in permissions:
            content_type, __ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, __ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, permissions in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="trainings",
                codename__in=[codename for __, __, codename, __ in permissions],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("trainings", "0003_trainings"), ("trainings", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
