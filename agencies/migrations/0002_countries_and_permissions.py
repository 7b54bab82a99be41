"""The destination countries, and who may keep the agencies' register.

National program officers add, change and delete agencies (and import the ministry's list);
program officers, editors and moderators may read the register. The groups are found or
created by name, as the roles' own migrations do, so this runs whichever app made them first.
"""

from django.db import migrations

COUNTRIES = [
    ("TH", "ថៃ", "Thailand"),
    ("MY", "ម៉ាឡេស៊ី", "Malaysia"),
    ("KR", "កូរ៉េខាងត្បូង", "South Korea"),
    ("JP", "ជប៉ុន", "Japan"),
    ("SG", "សិង្ហបុរី", "Singapore"),
    ("HK", "ហុងកុង", "Hong Kong"),
    ("TW", "តៃវ៉ាន់", "Taiwan"),
    ("SA", "អារ៉ាប៊ីសាអូឌីត", "Saudi Arabia"),
    ("QA", "កាតា", "Qatar"),
    ("KW", "គុយវ៉ែត", "Kuwait"),
    ("AE", "អេមីរ៉ាតអារ៉ាប់រួម", "United Arab Emirates"),
    ("AU", "អូស្ត្រាលី", "Australia"),
]

NATIONAL = "National program officers"
READERS = ["Program officers", "Editors", "Moderators"]
MODELS = ["agency", "country"]


def _permissions(apps, codenames):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    permissions = []
    for model in MODELS:
        content_type, __ = ContentType.objects.get_or_create(app_label="agencies", model=model)
        for codename in codenames:
            permission, __ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{codename}_{model}",
                defaults={"name": f"Can {codename} {model}"},
            )
            permissions.append(permission)
    return permissions


def forwards(apps, schema_editor):
    Country = apps.get_model("agencies.Country")
    Group = apps.get_model("auth.Group")
    for code, name_km, name_en in COUNTRIES:
        Country.objects.get_or_create(code=code, defaults={"name_km": name_km, "name_en": name_en})
    national, __ = Group.objects.get_or_create(name=NATIONAL)
    national.permissions.add(*_permissions(apps, ["add", "change", "delete", "view"]))
    for name in READERS:
        group, __ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, ["view"]))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="agencies")
    for group in Group.objects.filter(name__in=[NATIONAL, *READERS]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_register"),
        # The roles exist first (accounts makes them after Wagtail's Editors and Moderators).
        ("accounts", "0001_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
