"""Factories for the objects tests need, built the way the product builds them."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from sessions.models import Province, ProvinceAssignment


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
