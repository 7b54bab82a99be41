"""Factories for the objects tests need, built the way the product builds them."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from geography.models import Commune, Province
from sessions.models import (
    Attendance,
    GroupKind,
    Participant,
    PeerEducator,
    ProvinceAssignment,
    Sex,
    TrainingSession,
    YouthGroup,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


def officer_of(*province_codes: str, role: str = "Program officers", **kwargs):
    """A program officer assigned to the provinces with these codes."""
    officer = UserFactory(role=role, **kwargs)
    for province in Province.objects.filter(code__in=province_codes):
        ProvinceAssignment.objects.create(officer=officer, province=province)
    return officer


def commune_in(province_code: str) -> Commune:
    """The first commune (by code) of a province."""
    return Commune.objects.filter(district__province__code=province_code).order_by("code").first()


#: The kinds the data migration creates, for tests whose database was emptied since.
KIND_NAMES = {
    GroupKind.YOUTH_CLUB: ("ក្លឹបយុវជន", "Youth club"),
    GroupKind.COMMUNE_COUNCIL: ("ក្រុមប្រឹក្សាឃុំ", "Commune council"),
    GroupKind.NGO: ("អង្គការមិនមែនរដ្ឋាភិបាល", "NGO"),
}


def group_kind(slug: str) -> GroupKind:
    """One of the three kinds of champion group."""
    name_km, name_en = KIND_NAMES[slug]
    kind, __ = GroupKind.objects.get_or_create(
        slug=slug, defaults={"name_km": name_km, "name_en": name_en}
    )
    return kind


class YouthGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YouthGroup

    class Params:
        province = "17"

    name = factory.Sequence(lambda n: f"Youth club {n}")
    commune = factory.LazyAttribute(lambda group: commune_in(group.province))
    founded_on = datetime.date(2020, 1, 1)
    contact_name = "Sok Dara"


class PeerEducatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeerEducator

    name_km = factory.Sequence(lambda n: f"សុខ {n}")
    name_latin = factory.Sequence(lambda n: f"Sok {n}")
    sex = Sex.FEMALE
    year_of_birth = 2002
    group = factory.SubFactory(YouthGroupFactory)
    trained_on = datetime.date(2021, 3, 1)


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    group = factory.SubFactory(YouthGroupFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    duration_minutes = 90
    commune = factory.SelfAttribute("group.commune")
    status = TrainingSession.Status.SUBMITTED


class ParticipantFactory(factory.django.DjangoModelFactory):
    """An adult participant who gave consent."""

    class Meta:
        model = Participant

    name = factory.Sequence(lambda n: f"Chan Sreymom {n}")
    sex = Sex.FEMALE
    year_of_birth = factory.LazyFunction(lambda: timezone.localdate().year - 20)
    home_commune = factory.LazyFunction(lambda: commune_in("17"))
    contact_phone = factory.Sequence(lambda n: f"012 {n:06d}")
    consent_given_on = datetime.date(2024, 1, 1)
    consent_collected_by = "Sok Dara"


class MinorParticipantFactory(ParticipantFactory):
    """A 15-year-old with their own assent and a guardian's consent recorded."""

    year_of_birth = factory.LazyFunction(lambda: timezone.localdate().year - 15)
    consent_given_on = None
    consent_collected_by = ""
    assent_given_on = datetime.date(2024, 1, 1)
    assent_collected_by = "Sok Dara"
    guardian_consent_on = datetime.date(2024, 1, 1)
    guardian_consent_collected_by = "Sok Dara"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(TrainingSessionFactory)
    participant = factory.SubFactory(ParticipantFactory)


def club_leader_of(group: YouthGroup, **kwargs):
    """A club leader: a user who is the login of one of the group's peer educators."""
    user = UserFactory(role="Club leaders", **kwargs)
    PeerEducatorFactory(group=group, user=user, name_latin=user.username)
    return user


def roster_of(group: YouthGroup, size: int) -> list[Participant]:
    """`size` adult members on the group's roster, named "Member 01", "Member 02"…"""
    from sessions.models import Membership

    members = []
    for number in range(1, size + 1):
        participant = ParticipantFactory(name=f"Member {number:02d}")
        Membership.objects.create(group=group, participant=participant)
        members.append(participant)
    return members
