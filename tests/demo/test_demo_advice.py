"""The advice log's samples: a few conversations, no name, referrals with their answers, once."""

import pytest

from advice.models import AdviceRecord, Referral
from demo.accounts import demo_accounts_create
from demo.advice import demo_advice_build
from demo.communes import demo_focal_points_assign

pytestmark = pytest.mark.django_db


def test_sample_advice_is_logged_once_without_names(settings, help_entries):
    settings.DEMO_ACCOUNTS_ALLOWED = True
    demo_accounts_create()
    demo_focal_points_assign()
    made = demo_advice_build()
    assert made == AdviceRecord.objects.count() == 5
    assert not AdviceRecord.objects.filter(is_sample=False).exists()
    assert not AdviceRecord.objects.exclude(name="", phone="").exists()
    done = Referral.objects.get(status="done")
    assert (done.done_at - done.referred_at).days == 2
    assert Referral.objects.filter(status="accepted").count() == 1
    assert demo_advice_build() == 0
