"""The demo's training cascade, so the cascade report and a peer educator's page show something.

A commune council and an NGO of Siem Reap (demo/data/cascade.toml) send members to a training
of trainers, verified through the same service as an officer's; the trainers it made then hold
community sessions in nearby communes, verified too. Built once: kept if a training of trainers
exists.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from geography.models import Commune
from sessions.models import (
    Attendance,
    GroupKind,
    Membership,
    Participant,
    PeerEducator,
    TrainingSession,
    YouthGroup,
)
from sessions.services import training_session_verify

from .data_files import demo_data

PROVINCE = "17"


def demo_cascade_build() -> int:
    """The demo's training of trainers and its trainers' sessions; returns how many were made."""
    if TrainingSession.objects.filter(is_training_of_trainers=True).exists():
        return 0
    officer = get_user_model().objects.filter(username="national").first()
    communes = list(Commune.objects.filter(district__province__code=PROVINCE).order_by("code")[:12])
    if officer is None or len(communes) < 12:
        return 0
    plan = demo_data("cascade")
    today = timezone.localdate()
    with transaction.atomic():
        places = communes[: len(plan["groups"])]
        groups = [
            _group(entry, commune) for entry, commune in zip(plan["groups"], places, strict=True)
        ]
        training = TrainingSession.objects.create(
            group=groups[-1],
            date=today - datetime.timedelta(days=plan["training_date_days_ago"]),
            duration_minutes=240,
            commune=groups[-1].commune,
            is_training_of_trainers=True,
            status=TrainingSession.Status.SUBMITTED,
            notes="Demo data",
        )
        for group in groups:
            for member in group.members.all():
                Attendance.objects.create(session=training, participant=member)
        training_session_verify(session=training, user=officer)
        made = 1
        trainers = PeerEducator.objects.filter(trained_at=training).order_by("pk")
        for index, trainer in enumerate(trainers):
            # The first trainer holds two sessions, the second one, the third none yet.
            days = plan["trainer_sessions_days_ago"][: max(0, 2 - index)]
            for number, days_ago in enumerate(days):
                session = TrainingSession.objects.create(
                    group=trainer.group,
                    date=today - datetime.timedelta(days=days_ago),
                    duration_minutes=90,
                    commune=communes[2 + (index * 3 + number) % 10],
                    status=TrainingSession.Status.SUBMITTED,
                    notes="Demo data",
                )
                session.facilitators.add(trainer)
                for person in range(plan["people_per_session"] + 3 * number):
                    Attendance.objects.create(
                        session=session,
                        participant=Participant.objects.create(
                            name=f"Demo participant {index}-{number}-{person}",
                            sex="female" if person % 2 else "male",
                            year_of_birth=today.year - 20 - person,
                            consent_given_on=session.date,
                            consent_collected_by="Demo data",
                        ),
                    )
                training_session_verify(session=session, user=officer)
                made += 1
    return made


def _group(entry: dict, commune: Commune) -> YouthGroup:
    group, __ = YouthGroup.objects.get_or_create(
        name=entry["name"],
        defaults={
            "commune": commune,
            "founded_on": datetime.date(2018, 1, 1),
            "kind": GroupKind.objects.get(slug=entry["kind"]),
        },
    )
    for name, sex, year in entry["members"]:
        person = Participant.objects.create(
            name=name,
            sex=sex,
            year_of_birth=year,
            consent_given_on=datetime.date(2025, 1, 1),
            consent_collected_by="Demo data",
        )
        Membership.objects.create(group=group, participant=person)
    return group
