"""Give the officers' roles the trainings app's permissions on places and assignments.

The roles themselves (groups) and their entry to the admin belong to the accounts app
(accounts 0001_roles). This migration once made them all, Editors and Moderators included;
databases where it ran keep what it made, and on a new database the accounts app makes
them. A role missing here (the trainings app migrated on its own) is made by name, so the
grant is never lost. Permissions are normally created after all migrations run
(post_migrate), so this migration creates the ones it grants itself.
"""

from django.db import migrations

GEOGRAPHY_VIEW = [
    ("trainings", model, f"view_{model}", f"Can view {model}")
    for model in ("province", "district", "commune", "village")
]
ASSIGNMENT_MANAGE = [
    (
        "trainings",
        "provinceassignment",
        f"{action}_provinceassignment",
        f"Can {action} province assignment",
    )
    for action in ("add", "change", "delete", "view")
]
ALL_PROVINCES = (
    "trainings",
    "province",
    "access_all_provinces",
    "Can work with the data of every province",
)

ROLE_PERMISSIONS = {
    "Program officers": [*GEOGRAPHY_VIEW],
    "National program officers": [*GEOGRAPHY_VIEW, *ASSIGNMENT_MANAGE, ALL_PROVINCES],
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
    """Take back this app's permissions; the roles are the accounts app's and stay."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group in Group.objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="trainings",
                codename__in=[codename for __, __, codename, __ in ROLE_PERMISSIONS[group.name]],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
