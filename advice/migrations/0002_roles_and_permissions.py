"""Who may do what with the advice log.

Club leaders and commune focal points log advice from their phones (one permission, no
admin). Program officers read the records of their provinces and record services'
answers to referrals; national officers the same everywhere, and read the access log.
Groups are found or created by name, as the roles' own migrations do.
"""

from django.db import migrations

CLUB_LEADERS = "Club leaders"
FOCAL_POINTS = "Commune focal points"
PROGRAM = "Program officers"
NATIONAL = "National program officers"

OFFICERS = [
    ("advicerecord", "view_advicerecord"),
    ("referral", "view_referral"),
    ("referral", "change_referral"),
]
GRANTS = {
    CLUB_LEADERS: [("advicerecord", "log_advice")],
    FOCAL_POINTS: [("advicerecord", "log_advice")],
    PROGRAM: OFFICERS,
    NATIONAL: [*OFFICERS, ("adviceaccesslogentry", "view_adviceaccesslogentry")],
}
NAMES = {"log_advice": "Can log advice and referrals from the phone"}


def _permission(apps, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, __ = ContentType.objects.get_or_create(app_label="advice", model=model)
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
    permissions = Permission.objects.filter(content_type__app_label="advice")
    for group in Group.objects.filter(name__in=list(GRANTS)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("advice", "0001_initial"),
        ("accounts", "0001_roles"),
        ("communes", "0002_focal_points_and_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
