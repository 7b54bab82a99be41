"""The roles: which groups a database has and what each may do, made by the accounts app.

`ROLES` is the specification: a new database (the test database is migrated from nothing)
has exactly these groups with exactly these permissions, and so does a database made before
the roles moved from the trainings app to the accounts app.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission

from accounts.roles import ROLE_LABELS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def model_permissions(app_label, models, actions):
    return {f"{app_label}.{action}_{model}" for model in models for action in actions}


CRUD = ("add", "change", "delete", "view")
CHOOSERS = {"wagtailimages.choose_image", "wagtaildocs.choose_document"}
ADMIN = {"wagtailadmin.access_admin", *CHOOSERS}
FACILITATOR = {"curriculum.view_facilitator_content"}
MEDIA = model_permissions("wagtailimages", ("image",), ("add", "change", "choose"))
MEDIA |= model_permissions("wagtaildocs", ("document",), ("add", "change", "choose"))
CONTENT = (
    model_permissions("curriculum", ("topic", "audience", "helpentry"), ("add", "change", "view"))
    | MEDIA
    | {"wagtailimages.delete_image", "wagtaildocs.delete_document"}
    | {"wagtail_localize.submit_translation"}
)
PLACES = model_permissions("geography", ("province", "district", "commune", "village"), ["view"])
TRAININGS = ("youthgroup", "peereducator", "trainingsession", "participant", "attendance")
TRAININGS = (*TRAININGS, "headcount")
AGENCIES_READ = model_permissions("agencies", ("agency", "country"), ["view"])
# Snippets under moderation: only moderators make a change live (or lock and unlock), or
# delete one (which takes it from readers at once).
SNIPPETS_PUBLISH = model_permissions(
    "curriculum", ("topic", "audience", "helpentry"), ("publish", "lock", "unlock", "delete")
)
AGENCIES_KEEP = model_permissions("agencies", ("agency", "country"), CRUD)
COMMUNE_RECORDS = ("movement", "recruitmentactivity")
COMMUNES_READ = model_permissions("communes", COMMUNE_RECORDS, ("change", "view"))
COMMUNES_READ |= {"communes.view_feecap", "communes.import_movements"}
COMMUNES_KEEP = model_permissions("communes", COMMUNE_RECORDS, ("change", "delete", "view"))
COMMUNES_KEEP |= model_permissions("communes", ("focalpointassignment", "feecap"), CRUD)
COMMUNES_KEEP |= {"communes.view_personal_data", "communes.erase_personal_data"}
COMMUNES_KEEP |= {"communes.import_movements"}
ADVICE_READ = {"advice.view_advicerecord", "advice.view_referral", "advice.change_referral"}
ADVICE_KEEP = ADVICE_READ | {"advice.view_adviceaccesslogentry"}

ROLES = {
    "Editors": ADMIN | CONTENT | FACILITATOR | AGENCIES_READ,
    "Moderators": ADMIN | CONTENT | SNIPPETS_PUBLISH | FACILITATOR | AGENCIES_READ,
    "Program officers": ADMIN
    | FACILITATOR
    | AGENCIES_READ
    | COMMUNES_READ
    | ADVICE_READ
    | PLACES
    | model_permissions("trainings", TRAININGS, ("add", "change", "view"))
    # Kinds of champion group: officers add one (a new kind of partner); only national
    # officers delete one.
    | model_permissions("trainings", ("groupkind",), ("add", "change", "view"))
    | {"trainings.verify_trainingsession", "trainings.work_in_assigned_provinces"},
    "National program officers": ADMIN
    | FACILITATOR
    | AGENCIES_KEEP
    | COMMUNES_KEEP
    | ADVICE_KEEP
    | PLACES
    | model_permissions("trainings", TRAININGS, CRUD)
    | model_permissions("trainings", ("groupkind",), CRUD)
    | model_permissions("trainings", ("provinceassignment",), CRUD)
    | {
        "trainings.verify_trainingsession",
        "trainings.erase_participant",
        "trainings.export_personal_data",
        "trainings.access_all_provinces",
        "trainings.view_exportlog",
        "trainings.view_accesslogentry",
    },
    "Club leaders": FACILITATOR | {"advice.log_advice"},
    # The public site only, in the communes assigned to them (communes/scoping.py).
    "Commune focal points": {"communes.record_in_assigned_communes", "advice.log_advice"},
}
# Wagtail's page permissions on the root page, and what may be used of the root collection.
PAGE_PERMISSIONS = {
    "Editors": {"add_page", "change_page"},
    "Moderators": {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"},
}
COLLECTION_PERMISSIONS = {
    "Editors": MEDIA,
    "Moderators": MEDIA,
    "Program officers": CHOOSERS,
    "National program officers": CHOOSERS,
}


def permissions_of(group):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def roles_table():
    """Every group of the database with its permissions, as `ROLES` writes them."""
    return {group.name: permissions_of(group) for group in Group.objects.all()}


def test_a_new_database_has_exactly_the_roles_and_their_permissions():
    assert roles_table() == ROLES


def test_a_new_database_gives_pages_and_collections_to_exactly_these_roles():
    pages = {}
    for group_name, codename in GroupPagePermission.objects.filter(page__depth=1).values_list(
        "group__name", "permission__codename"
    ):
        pages.setdefault(group_name, set()).add(codename)
    assert pages == PAGE_PERMISSIONS
    assert not GroupPagePermission.objects.exclude(page__depth=1).exists()
    collections = {}
    for group_name, app_label, codename in GroupCollectionPermission.objects.filter(
        collection__depth=1
    ).values_list("group__name", "permission__content_type__app_label", "permission__codename"):
        collections.setdefault(group_name, set()).add(f"{app_label}.{codename}")
    assert collections == COLLECTION_PERMISSIONS
    approvers = GroupApprovalTask.objects.values_list("groups__name", flat=True)
    assert list(approvers) == ["Moderators"]


def test_every_role_has_a_translated_label():
    assert set(ROLE_LABELS) == set(ROLES)


def test_every_role_but_club_leaders_may_use_the_admin():
    for role in ["Editors", "Moderators", "Program officers", "National program officers"]:
        assert UserFactory(role=role).has_perm("wagtailadmin.access_admin"), role
    assert not UserFactory(role="Club leaders").has_perm("wagtailadmin.access_admin")
    assert not UserFactory(role="Commune focal points").has_perm("wagtailadmin.access_admin")


def run_data_migrations(*nodes):
    """Run the data steps (RunPython) of these migrations on the database as it is now."""
    loader = MigrationLoader(connection)
    # Their code uses the auth and content types models only, the same at every step.
    historical_apps = loader.project_state(nodes[0], at_end=False).apps
    for node in nodes:
        for operation in loader.get_migration(*node).operations:
            if hasattr(operation, "code"):
                operation.code(historical_apps, None)


TRAININGS_ROLE_MIGRATIONS = [
    ("trainings", "0002_roles"),
    ("trainings", "0004_training_roles"),
    ("trainings", "0006_export_log"),
    ("trainings", "0010_personal_data_access_log"),
    ("trainings", "0013_officers_by_permission"),
]


def test_the_trainings_app_makes_neither_editors_moderators_nor_club_leaders():
    others = ["Editors", "Moderators", "Club leaders"]
    Group.objects.filter(name__in=others).delete()
    run_data_migrations(*TRAININGS_ROLE_MIGRATIONS)
    assert not Group.objects.filter(name__in=others).exists()
    # The officers' roles are found by name where the trainings app was migrated on its own.
    officer = Group.objects.get(name="Program officers")
    assert "trainings.verify_trainingsession" in permissions_of(officer)


def test_the_accounts_app_makes_every_role_and_lets_only_staff_into_the_admin():
    Group.objects.filter(name__in=["Program officers", "National program officers"]).delete()
    Group.objects.filter(name="Club leaders").delete()
    run_data_migrations(("accounts", "0001_roles"))
    assert set(Group.objects.values_list("name", flat=True)) == set(ROLES)
    for name, permissions in ROLES.items():
        assert permissions_of(Group.objects.get(name=name)) >= permissions & ADMIN, name
    assert not permissions_of(Group.objects.get(name="Club leaders")) & ADMIN


def test_a_database_made_before_the_move_keeps_its_roles_people_and_choices():
    """The accounts migration runs, new, where the trainings app made the roles long ago."""
    officer = UserFactory(username="old-officer", role="Program officers")
    # An administrator's choice: verifying is for national officers only here.
    Group.objects.get(name="Program officers").permissions.remove(
        Permission.objects.get(codename="verify_trainingsession")
    )
    run_data_migrations(("accounts", "0001_roles"))
    assert roles_table() == {
        **ROLES,
        "Program officers": ROLES["Program officers"] - {"trainings.verify_trainingsession"},
    }
    assert list(officer.groups.values_list("name", flat=True)) == ["Program officers"]
