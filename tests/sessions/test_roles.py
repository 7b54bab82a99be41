"""What the roles may do with provinces and pages, and who reaches the admin.

The roles' whole table of permissions is tests/accounts/test_roles.py.
"""

import pytest
from django.contrib.auth.models import Group

from geography.models import Province
from sessions.models import ProvinceAssignment
from sessions.scoping import provinces_for_user
from tests.factories import UserFactory, officer_of

pytestmark = pytest.mark.django_db


def permissions_of(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_only_national_officers_work_across_provinces_and_manage_assignments():
    national = permissions_of("National program officers")
    assert "trainings.access_all_provinces" in national
    assert {
        "trainings.add_provinceassignment",
        "trainings.change_provinceassignment",
        "trainings.delete_provinceassignment",
    } <= national
    officer = permissions_of("Program officers")
    assert "trainings.access_all_provinces" not in officer
    assert not {p for p in officer if p.endswith("provinceassignment")}
    assert "geography.view_province" in officer


def test_editors_and_moderators_edit_pages_and_only_moderators_publish():
    editors = Group.objects.get(name="Editors").page_permissions.values_list(
        "permission__codename", flat=True
    )
    moderators = Group.objects.get(name="Moderators").page_permissions.values_list(
        "permission__codename", flat=True
    )
    assert {"add_page", "change_page"} <= set(editors)
    assert "publish_page" not in set(editors)
    assert "publish_page" in set(moderators)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("Editors", 200),
        ("Moderators", 200),
        ("Program officers", 200),
        ("National program officers", 200),
    ],
)
def test_staff_roles_open_the_admin_dashboard(client, role, status):
    client.force_login(UserFactory(role=role))
    assert client.get("/admin/").status_code == status


def test_a_club_leader_never_reaches_the_admin(client):
    leader = UserFactory(role="Club leaders")
    client.force_login(leader)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    response = client.get("/admin/pages/")
    assert response.status_code == 302


def test_a_club_leader_cannot_log_into_the_admin(client):
    UserFactory(username="leader", role="Club leaders")
    client.post("/admin/login/", {"username": "leader", "password": "correct horse battery"})
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/login/")
    assert b"You do not have permission to access the admin" in response.content


def test_an_officer_sees_only_the_provinces_assigned_to_them():
    officer = officer_of("17", "22")
    assert set(provinces_for_user(officer).values_list("code", flat=True)) == {"17", "22"}


def test_a_national_officer_and_a_superuser_see_every_province():
    national = UserFactory(role="National program officers")
    superuser = UserFactory(is_superuser=True)
    assert provinces_for_user(national).count() == 25
    assert provinces_for_user(superuser).count() == 25


def test_others_see_no_province(django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert provinces_for_user(UserFactory(role="Club leaders")).count() == 0
    assert provinces_for_user(UserFactory(role="Editors")).count() == 0
    assert provinces_for_user(AnonymousUser()).count() == 0
    inactive = officer_of("17", is_active=False)
    assert provinces_for_user(inactive).count() == 0


def test_a_national_officer_assigns_a_province_in_the_admin(client):
    national = UserFactory(role="National program officers")
    officer = UserFactory(role="Program officers")
    client.force_login(national)
    siem_reap = Province.objects.get(code="17")
    response = client.post(
        "/admin/province_assignments/new/",
        {"officer": officer.pk, "province": siem_reap.pk},
    )
    assert response.status_code == 302
    assignment = ProvinceAssignment.objects.get(officer=officer)
    assert assignment.province == siem_reap
    assert assignment.assigned_by == national


def test_only_program_officers_can_be_assigned_and_the_form_says_why(client):
    national = UserFactory(role="National program officers")
    editor = UserFactory(role="Editors")
    client.force_login(national)
    response = client.post(
        "/admin/province_assignments/new/",
        {"officer": editor.pk, "province": Province.objects.get(code="17").pk},
    )
    assert response.status_code == 200
    assert not ProvinceAssignment.objects.exists()
    assert response.context["form"].errors["officer"]


def test_assigning_the_same_province_twice_is_refused_with_a_message(client):
    national = UserFactory(role="National program officers")
    officer = officer_of("17")
    client.force_login(national)
    response = client.post(
        "/admin/province_assignments/new/",
        {"officer": officer.pk, "province": Province.objects.get(code="17").pk},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert ProvinceAssignment.objects.filter(officer=officer).count() == 1


def test_a_program_officer_cannot_open_or_change_assignments(client):
    officer = officer_of("17")
    client.force_login(officer)
    assert client.get("/admin/province_assignments/").status_code in (302, 403)
    response = client.post(
        "/admin/province_assignments/new/",
        {"officer": officer.pk, "province": Province.objects.get(code="02").pk},
    )
    assert response.status_code in (302, 403)
    assert set(provinces_for_user(officer).values_list("code", flat=True)) == {"17"}


def test_who_may_be_assigned_is_decided_by_permission_not_by_the_group_s_name():
    from django.core.exceptions import ValidationError

    siem_reap = Province.objects.get(code="17")
    officer = UserFactory(role="Program officers")
    # A role renamed by an administrator keeps its people assignable...
    Group.objects.filter(name="Program officers").update(name="Agents de programme")
    ProvinceAssignment(officer=officer, province=siem_reap).full_clean()
    # ...and a group that merely takes the old name gives nobody the right.
    impostor = UserFactory()
    impostor.groups.add(Group.objects.create(name="Program officers"))
    with pytest.raises(ValidationError) as error:
        ProvinceAssignment(officer=impostor, province=siem_reap).full_clean()
    assert "officer" in error.value.message_dict
    field = ProvinceAssignment._meta.get_field("officer")
    choices = field.related_model.objects.filter(field.get_limit_choices_to())
    assert officer in choices
    assert impostor not in choices
