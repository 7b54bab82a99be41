"""A workflow action posted on a page with no moderation in progress is a 400, not a 500.

The attack: the page edit form posted with "action-workflow-action" (the approve or
reject button of a page in moderation) for a page that is in no workflow, or with no
action named. Wagtail's page editor takes the task for granted and fails with a 500.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from curriculum.workflow_actions import refuse_workflow_action_without_task
from tests.factories import UserFactory
from tests.fixtures.curriculum import draft_lesson as draft_lesson_under

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    return UserFactory(role="Moderators")


@pytest.fixture
def draft_lesson(curriculum_tree, moderator):
    return draft_lesson_under(curriculum_tree["module"], user=moderator)


@pytest.mark.parametrize(
    "posted",
    [
        {"action-workflow-action": "1", "workflow-action-name": "approve"},
        {"action-workflow-action": "1"},
    ],
    ids=["approve", "no-action-named"],
)
def test_a_workflow_action_on_a_page_in_no_workflow_is_refused_with_a_message(
    client, draft_lesson, moderator, posted
):
    revisions = draft_lesson.revisions.count()
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft_lesson.pk]),
        {"title": "Changed by the tampered form", **posted},
    )
    assert response.status_code == 400
    assert "ទំព័រនេះមិនស្ថិតក្នុងការត្រួតពិនិត្យ" in response.content.decode()
    draft_lesson.refresh_from_db()
    assert draft_lesson.revisions.count() == revisions
    assert draft_lesson.title == "មេរៀនថ្មី"
    assert draft_lesson.current_workflow_state is None


def test_an_action_the_moderator_may_take_in_a_workflow_goes_through(
    draft_lesson, moderator, curriculum_tree
):
    draft_lesson.get_workflow().start(draft_lesson, UserFactory(role="Editors"))
    draft_lesson.refresh_from_db()
    request = RequestFactory().post(
        "/", {"action-workflow-action": "1", "workflow-action-name": "approve"}
    )
    request.user = moderator
    assert refuse_workflow_action_without_task(request, draft_lesson) is None
