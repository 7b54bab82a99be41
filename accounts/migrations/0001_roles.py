"""Make the product's roles (groups) and let the staff roles into the admin.

The roles were made by the trainings app's migration 0002_roles until they moved here; on
a database where it ran, every group is found and nothing changes (get_or_create; adding a
permission a group holds is a no-op). Editors and Moderators are Wagtail's own groups
(wagtailcore 0002_initial_data), found here, never made twice. Each app's migrations grant
their own permissions to the roles (trainings, curriculum); this one grants what is about
entering the admin: the admin itself and its image and document choosers, which Wagtail
gives every group that enters the admin (wagtailimages 0023, wagtaildocs 0011). It runs
after those two, so the officers' roles get the choosers from here, whatever the order.
"""

from django.db import migrations

ROLES = ["Editors", "Moderators", "Program officers", "National program officers", "Club leaders"]
STAFF_ROLES = ["Editors", "Moderators", "Program officers", "National program officers"]
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
CHOOSERS = [
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
]


def permission(apps, app_label, model, codename, name):
    """The permission, made here where Django would make it only after every migration."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, __ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, __ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def create_roles(apps, schema_editor):
    Collection = apps.get_model("wagtailcore.Collection")
    Group = apps.get_model("auth.Group")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    admin_access = permission(apps, *ADMIN_ACCESS)
    choosers = [permission(apps, *chooser) for chooser in CHOOSERS]
    root_collection = Collection.objects.filter(depth=1).first()
    for name in STAFF_ROLES:
        # Club leaders work on the public site only: no admin access, ever.
        groups[name].permissions.add(admin_access, *choosers)
        if root_collection is not None:
            for chooser in choosers:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=chooser
                )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Wagtail makes Editors and Moderators (with their page permissions) itself.
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    # The roles stay when this is unapplied: people are in them.
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
