"""Moving the places to the geography app loses nothing: rows, links, permissions, history.

A database is taken back to the schema before the move, filled as it was then, and
migrated forward again, as `manage.py migrate` does on a deployed site.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("trainings", "0011_external_id_unique_per_group"),
    ("curriculum", "0004_printed_files_private_storage"),
    ("geography", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    named = [target for target in targets if target[1] is not None]
    return executor.loader.project_state(named).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_places_and_everything_linked_to_them_survive_the_move(geography):
    old = migrate(BEFORE)
    Province = old.get_model("trainings", "Province")
    Commune = old.get_model("trainings", "Commune")
    siem_reap = Province.objects.get(code="17")
    commune = Commune.objects.filter(district__province=siem_reap).order_by("code").first()
    group = old.get_model("trainings", "YouthGroup").objects.create(
        name="Old club", commune=commune, founded_on=datetime.date(2024, 1, 1)
    )
    session = old.get_model("trainings", "TrainingSession").objects.create(
        group=group,
        date=datetime.date(2025, 5, 1),
        duration_minutes=90,
        commune=commune,
        status="verified",
    )
    participant = old.get_model("trainings", "Participant").objects.create(
        code="P-OLD-1", name="Sokha", sex="female", home_commune=commune
    )
    old.get_model("trainings", "Attendance").objects.create(
        session=session, participant=participant, age_band="18-24"
    )
    officer = old.get_model("auth", "User").objects.create(username="old-officer")
    officer.groups.add(old.get_model("auth", "Group").objects.get(name="Program officers"))
    old.get_model("trainings", "ProvinceAssignment").objects.create(
        officer=officer, province=siem_reap
    )
    counts_before = {
        model: old.get_model("trainings", model).objects.count()
        for model in ("Province", "District", "Commune", "Village")
    }

    call_command("migrate", verbosity=0)

    from django.contrib.auth.models import Permission, User

    from geography.models import Commune as MovedCommune
    from geography.models import District, Village
    from geography.models import Province as MovedProvince
    from sessions.models import Attendance, Participant, TrainingSession, YouthGroup

    moved = {"Province": MovedProvince, "District": District, "Commune": MovedCommune}
    moved["Village"] = Village
    assert {name: model.objects.count() for name, model in moved.items()} == counts_before
    group = YouthGroup.objects.get(name="Old club")
    assert group.commune_id == commune.pk
    assert group.province.code == "17"
    session = TrainingSession.objects.get(group=group)
    assert session.commune_id == commune.pk
    participant = Participant.objects.get(code="P-OLD-1")
    assert participant.home_commune_id == commune.pk
    assert Attendance.objects.filter(session=session, participant=participant).exists()
    officer = User.objects.get(username="old-officer")
    assert list(officer.province_assignments.values_list("province__code", flat=True)) == ["17"]
    # Roles keep their permissions: the rule across provinces is still the trainings app's.
    national = User.objects.create(username="new-national")
    national.groups.add(
        Permission.objects.get(codename="access_all_provinces").group_set.get(
            name="National program officers"
        )
    )
    assert national.has_perm("trainings.access_all_provinces")
    assert officer.has_perm("geography.view_province")
