import django.db.models.deletion
from django.db import migrations, models

import sessions.models.groups

#: The three kinds of champion the programme trains; officers may add others.
KINDS = [
    ("youth-club", "ក្លឹបយុវជន", "Youth club"),
    ("commune-council", "ក្រុមប្រឹក្សាឃុំ", "Commune council"),
    ("ngo", "អង្គការមិនមែនរដ្ឋាភិបាល", "NGO"),
]


#: Officers add kinds (a programme's new partner); national officers may also remove one.
ROLE_ACTIONS = {
    "Program officers": ["add", "change", "view"],
    "National program officers": ["add", "change", "delete", "view"],
}


def grant_kind_permissions(apps, schema_editor):
    """As in 0004_training_roles: Django creates permissions only after all migrations."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, __ = ContentType.objects.get_or_create(app_label="trainings", model="groupkind")
    for role, actions in ROLE_ACTIONS.items():
        group, __ = Group.objects.get_or_create(name=role)
        for action in actions:
            permission, __ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_groupkind",
                defaults={"name": f"Can {action} kind of champion group"},
            )
            group.permissions.add(permission)


def create_kinds(apps, schema_editor):
    """The three kinds; every group there is so far is a youth club (the field's default)."""
    GroupKind = apps.get_model("trainings", "GroupKind")
    for slug, name_km, name_en in KINDS:
        GroupKind.objects.get_or_create(
            slug=slug, defaults={"name_km": name_km, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("trainings", "0017_training_session_planned_status"),
    ]

    operations = [
        migrations.CreateModel(
            name="GroupKind",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="A short code for spreadsheets, in Latin letters (e.g. commune-council).",
                        unique=True,
                        verbose_name="code",
                    ),
                ),
                (
                    "name_km",
                    models.CharField(max_length=100, unique=True, verbose_name="name in Khmer"),
                ),
                (
                    "name_en",
                    models.CharField(max_length=100, unique=True, verbose_name="name in English"),
                ),
            ],
            options={
                "verbose_name": "kind of champion group",
                "verbose_name_plural": "kinds of champion group",
                "ordering": ["pk"],
            },
        ),
        migrations.RunPython(create_kinds, migrations.RunPython.noop),
        migrations.RunPython(grant_kind_permissions, migrations.RunPython.noop),
        migrations.AddField(
            model_name="peereducator",
            name="participant",
            field=models.ForeignKey(
                blank=True,
                help_text="The person on the group's roster, when a training of trainers made them one.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="peer_educator_roles",
                to="trainings.participant",
                verbose_name="participant",
            ),
        ),
        migrations.AddField(
            model_name="peereducator",
            name="trained_at",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="trained_peer_educators",
                to="trainings.trainingsession",
                verbose_name="training of trainers attended",
            ),
        ),
        migrations.AddField(
            model_name="trainingsession",
            name="is_training_of_trainers",
            field=models.BooleanField(
                default=False,
                help_text="Held by programme staff or an NGO for members of champion groups: once it is verified, everyone who attended becomes a peer educator of their group.",
                verbose_name="training of trainers",
            ),
        ),
        migrations.AddConstraint(
            model_name="peereducator",
            constraint=models.UniqueConstraint(
                condition=models.Q(("participant__isnull", False)),
                fields=("participant", "group"),
                name="unique_peer_educator_per_person_and_group",
            ),
        ),
        migrations.AddField(
            model_name="youthgroup",
            name="kind",
            field=models.ForeignKey(
                default=sessions.models.groups.youth_club_kind_pk,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="groups",
                to="trainings.groupkind",
                verbose_name="kind of group",
            ),
        ),
    ]
