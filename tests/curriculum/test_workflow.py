"""Editorial workflow: editors submit, moderators approve or reject; scheduled publishing."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from curriculum.models import CampaignPage
from tests.factories import UserFactory
from tests.fixtures.curriculum import draft_lesson as draft_lesson_under

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return UserFactory(role="Editors")


@pytest.fixture
def moderator():
    return UserFactory(role="Moderators")


@pytest.fixture
def draft_lesson(curriculum_tree, editor):
    return draft_lesson_under(curriculum_tree["module"], user=editor)


def test_curriculum_and_campaign_pages_are_moderated(curriculum_tree, campaign):
    for page in [curriculum_tree["lesson"], curriculum_tree["module"], campaign]:
        workflow = page.get_workflow()
        assert workflow is not None and workflow.active
        tasks = [task.specific for task in workflow.tasks.all()]
        assert [group.name for task in tasks for group in task.groups.all()] == ["Moderators"]


def test_an_editor_cannot_publish_but_can_submit_for_moderation(draft_lesson, editor):
    permissions = draft_lesson.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert permissions.can_submit_for_moderation()


def approve_or_reject(client, page, action):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": "ពិនិត្យរួច"})


def test_a_moderator_approves_a_submitted_lesson_and_it_goes_live(
    client, draft_lesson, editor, moderator
):
    draft_lesson.get_workflow().start(draft_lesson, editor)
    draft_lesson.refresh_from_db()
    assert not draft_lesson.live
    assert draft_lesson.current_workflow_task_state is not None

    client.force_login(moderator)
    response = approve_or_reject(client, draft_lesson, "approve")
    assert response.status_code in (200, 302)
    draft_lesson.refresh_from_db()
    assert draft_lesson.live
    assert client.get(draft_lesson.url).status_code == 200


def test_a_moderator_rejects_a_lesson_and_it_stays_unpublished(
    client, draft_lesson, editor, moderator
):
    draft_lesson.get_workflow().start(draft_lesson, editor)
    draft_lesson.refresh_from_db()
    client.force_login(moderator)
    approve_or_reject(client, draft_lesson, "reject")
    draft_lesson.refresh_from_db()
    assert not draft_lesson.live
    assert draft_lesson.workflow_states.latest("created_at").status == "needs_changes"
    client.logout()
    assert client.get(f"/km/curriculum/preparing/{draft_lesson.slug}/").status_code == 404


def test_an_editor_cannot_approve(client, draft_lesson, editor):
    draft_lesson.get_workflow().start(draft_lesson, editor)
    draft_lesson.refresh_from_db()
    client.force_login(editor)
    approve_or_reject(client, draft_lesson, "approve")
    draft_lesson.refresh_from_db()
    assert not draft_lesson.live


def test_a_campaign_goes_live_and_comes_off_on_its_dates(campaign):
    now = timezone.now()
    campaign.unpublish()
    campaign.go_live_at = now + datetime.timedelta(days=1)
    campaign.expire_at = now + datetime.timedelta(days=30)
    campaign.save_revision().publish()  # publishing with a future date schedules it
    assert not CampaignPage.objects.get(pk=campaign.pk).live

    # The go-live date arrives; the command runs every few minutes in production.
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(days=2)):
        call_command("publish_scheduled", stdout=StringIO())
    assert CampaignPage.objects.get(pk=campaign.pk).live

    # The expiry date arrives.
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(days=31)):
        call_command("publish_scheduled", stdout=StringIO())
    campaign = CampaignPage.objects.get(pk=campaign.pk)
    assert not campaign.live
    assert campaign.expired


def test_the_preview_offers_accessibility_checks_and_content_metrics(
    client, curriculum_tree, editor
):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[curriculum_tree["lesson"].pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "w-preview" in content or "preview" in content
    # Wagtail's checks panel (accessibility and content metrics), in the editor's Khmer.
    assert "ការពិនិត្យ" in content and "រង្វាស់ខ្លឹមសារ" in content
