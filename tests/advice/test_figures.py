"""The advice figures: counted from what the viewer may read, small counts hidden as in the
commune register, referrals' share done, median days to done and overdue."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.models import Referral
from advice.selectors import advice_figures, median_days_to_done
from communes.selectors import FigureFilters

from .conftest import logged_advice

pytestmark = pytest.mark.django_db


def figure(figures, key):
    return next(item for item in figures if item.key == key)


@pytest.fixture
def many(communes, focal_point_a, help_entries):
    """Six referrals in commune A: three done after 1, 2 and 4 days, one overdue, two open."""
    now = timezone.now()
    made = [
        logged_advice(user=focal_point_a, commune=communes["A"], service=help_entries["national"])
        for _index in range(6)
    ]
    referrals = [record.referrals.get() for record in made]
    for referral, days in zip(referrals[:3], (1, 2, 4), strict=True):
        Referral.objects.filter(pk=referral.pk).update(
            status="done", done_at=referral.referred_at + datetime.timedelta(days=days)
        )
    Referral.objects.filter(pk=referrals[3].pk).update(due_at=now - datetime.timedelta(hours=2))
    return made


def test_the_national_officer_reads_exact_figures(many, national):
    figures, summary = advice_figures(user=national, filters=FigureFilters())
    assert summary.referrals == 6 and summary.done == 3
    assert summary.share_done_percent == 50
    assert summary.median_days_to_done == 2.0
    assert summary.overdue == 1
    topics = figure(figures, "topic")
    assert topics.rows[0].values == (6,)  # checking an agency


def test_an_officer_sees_small_counts_hidden_and_nothing_of_another_province(
    many, records, officer_siem_reap, officer_battambang
):
    figures, summary = advice_figures(user=officer_siem_reap, filters=FigureFilters())
    # Six of A's and one of `records` in A: seven consultations; B's is not counted.
    assert figure(figures, "channel").table.counts == ((7,), (0,), (0,))
    assert summary.referrals == 7 and summary.done is None  # 3 done: fewer than 5
    assert summary.median_days_to_done is None and summary.overdue is None
    services = figure(figures, "referrals")
    assert any(value is None for row in services.rows for value in row.values)
    other, other_summary = advice_figures(user=officer_battambang, filters=FigureFilters())
    assert figure(other, "channel").table.counts == ((1,), (0,), (0,))
    assert other_summary.share_done_percent is None


def test_median_of_an_even_count_is_the_mean_of_the_middle_two(many):
    Referral.objects.filter(status="referred").first()
    last = many[4].referrals.get()
    Referral.objects.filter(pk=last.pk).update(
        status="done", done_at=last.referred_at + datetime.timedelta(days=10)
    )
    count, median = median_days_to_done(Referral.objects.all())
    assert count == 4 and median == 3.0


def test_the_figures_page_shows_one_referral_done_to_the_national_officer(
    client, records, national, officer_battambang
):
    referral = records["A"].referrals.get()
    Referral.objects.filter(pk=referral.pk).update(status="done", done_at=timezone.now())
    client.force_login(national)
    page = client.get(reverse("advice_figures:index")).content.decode()
    assert "How referrals close" in page or "របៀបដែលការបញ្ជូនបន្តត្រូវបានបញ្ចប់" in page
    client.force_login(officer_battambang)
    response = client.get(reverse("advice_figures:index"), {"province": referral.pk + 999})
    assert response.status_code == 200
    # An officer reads a whole year of their own communes (the register's rule): a place
    # typed into the address is not a filter of theirs, and is ignored.
    assert "province" not in response.context["form"].fields
    assert (
        response.context["figures"]
        == advice_figures(user=officer_battambang, filters=response.context["form"].filters())[0]
    )


def test_handouts_given_with_advice_count_by_lesson(
    communes, focal_point_a, national, curriculum_tree
):
    from advice.models import AdviceRecord
    from advice.services import advice_record_log
    from curriculum.models import LessonPage

    lesson = LessonPage.objects.live().order_by("pk").first()
    for _index in range(2):
        advice_record_log(
            record=AdviceRecord(
                date=timezone.localdate(),
                channel="phone",
                sex="male",
                age_band="25+",
                commune=communes["A"],
            ),
            topics=["documents"],
            handouts=[lesson],
            referral=None,
            user=focal_point_a,
        )
    figures, _summary = advice_figures(user=national, filters=FigureFilters())
    handouts = figure(figures, "handouts")
    assert handouts.table.row_labels == (lesson.title,)
    assert handouts.table.counts == ((2,),)
