"""Create the product's roles as groups with their permissions.

Permissions are normally created after all migrations run (post_migrate), so this
migration creates the ones it grants itself. Later migrations add the permissions
of later models to these groups.
"""

from django.db import migrations

ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
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
    "Editors": [ADMIN_ACCESS],
    "Moderators": [ADMIN_ACCESS],
    "Program officers": [ADMIN_ACCESS, *GEOGRAPHY_VIEW],
    "National program officers": [
        ADMIN_ACCESS,
        *GEOGRAPHY_VIEW,
        *ASSIGNMENT_MANAGE,
        ALL_PROVINCES,
    ],
    # Club leaders work on the public site only: no admin access, ever.
    "Club leaders": [],
}


def create_roles(apps, schema_editor):
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


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Group.objects.filter(
        name__in=["Program officers", "National program officers", "Club leaders"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
