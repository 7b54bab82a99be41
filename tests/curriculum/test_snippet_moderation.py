"""Help entries, topics and audiences reach readers only through a moderator (issue 13)."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import ModelLogEntry, WorkflowState

from curriculum.models import Audience, HelpEntry, Topic
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OLD_NUMBER = "012 000 111"
NEW_NUMBER = "099 999 999"


@pytest.fixture
def editor():
    return UserFactory(role="Editors")


@pytest.fixture
def moderator():
    return UserFactory(role="Moderators")


def help_entry_form(entry, **changes):
    """What the help entry's edit form posts, with `changes` typed in."""
    data = {
        "name": entry.name,
        "category": entry.category,
        "description": entry.description,
        "phone": entry.phone,
        "hours": entry.hours,
        "languages": entry.languages,
        "address": entry.address,
        "website": entry.website,
        "provinces": [province.pk for province in entry.provinces.all()],
        "is_demo": "on" if entry.is_demo else "",
    }
    data.update(changes)
    return data


def edit_url(instance):
    return reverse(
        f"wagtailsnippets_curriculum_{instance._meta.model_name}:edit", args=[instance.pk]
    )


def approve(client, instance, moderator):
    """The moderator's "Approve and publish" on the snippet in moderation."""
    instance.refresh_from_db()
    task_state = instance.current_workflow_task_state
    url = reverse(
        f"wagtailsnippets_curriculum_{instance._meta.model_name}:workflow_action",
        args=[instance.pk, "approve", task_state.pk],
    )
    client.force_login(moderator)
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302
    client.logout()


def reader_sees(client, url, text) -> bool:
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    return text in response.content.decode()


def test_snippets_are_moderated_by_the_moderators_approval_workflow(curriculum_tree):
    for instance in [curriculum_tree["topic"], curriculum_tree["youth"], HelpEntry.objects.first()]:
        workflow = instance.get_workflow()
        assert workflow is not None and workflow.active
        tasks = [task.specific for task in workflow.tasks.all()]
        assert [group.name for task in tasks for group in task.groups.all()] == ["Moderators"]


def test_only_moderators_may_publish_snippets(editor, moderator):
    for model in [Topic, Audience, HelpEntry]:
        permission = f"curriculum.publish_{model._meta.model_name}"
        assert moderator.has_perm(permission)
        assert not editor.has_perm(permission)


def test_an_editors_new_hotline_number_reaches_readers_only_when_a_moderator_approves(
    client, curriculum_tree, help_page, help_entries, editor, moderator
):
    entry = help_entries["national"]
    lesson_url = curriculum_tree["lesson"].url
    client.force_login(editor)
    response = client.post(
        edit_url(entry), {**help_entry_form(entry, phone=NEW_NUMBER), "action-submit": "submit"}
    )
    assert response.status_code == 302

    entry.refresh_from_db()
    assert entry.workflow_in_progress
    for url in [lesson_url, help_page.url, "/km/"]:
        assert reader_sees(client, url, OLD_NUMBER), url
        assert not reader_sees(client, url, NEW_NUMBER), url

    approve(client, entry, moderator)
    entry.refresh_from_db()
    assert entry.phone == NEW_NUMBER
    for url in [lesson_url, help_page.url]:
        assert reader_sees(client, url, NEW_NUMBER), url


def test_an_editors_publish_post_publishes_nothing_and_submits_for_moderation(
    client, help_page, help_entries, editor
):
    entry = help_entries["national"]
    live_revision = entry.live_revision
    client.force_login(editor)
    # The attack: the publish button's name posted by hand.
    response = client.post(
        edit_url(entry),
        {**help_entry_form(entry, phone=NEW_NUMBER), "action-publish": "action-publish"},
    )
    assert response.status_code == 302

    entry.refresh_from_db()
    assert entry.live and entry.phone == OLD_NUMBER
    assert entry.live_revision == live_revision
    assert entry.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not ModelLogEntry.objects.filter(action="wagtail.publish").exists()
    assert not reader_sees(client, help_page.url, NEW_NUMBER)


def test_a_moderator_unpublishes_a_help_entry_and_readers_no_longer_see_it(
    client, help_page, help_entries, moderator
):
    entry = help_entries["national"]
    client.force_login(moderator)
    url = reverse("wagtailsnippets_curriculum_helpentry:unpublish", args=[entry.pk])
    assert client.post(url).status_code == 302
    entry.refresh_from_db()
    assert not entry.live
    assert not reader_sees(client, help_page.url, OLD_NUMBER)


def test_an_editors_publish_post_on_a_help_entry_in_moderation_keeps_its_workflow(
    client, help_page, help_entries, editor
):
    entry = help_entries["national"]
    client.force_login(editor)
    client.post(
        edit_url(entry), {**help_entry_form(entry, phone="011 111 111"), "action-submit": "1"}
    )
    entry.refresh_from_db()
    workflow_state, submitted = entry.current_workflow_state, entry.latest_revision

    response = client.post(
        edit_url(entry),
        {**help_entry_form(entry, phone=NEW_NUMBER), "action-publish": "action-publish"},
    )
    # In moderation the entry is locked for editors: refused with Wagtail's message.
    assert response.status_code == 200
    assert "locked" in response.content.decode()
    entry.refresh_from_db()
    assert entry.phone == OLD_NUMBER
    assert entry.latest_revision == submitted
    assert entry.current_workflow_state == workflow_state
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not reader_sees(client, help_page.url, NEW_NUMBER)


def labels_shown(client, url) -> list[str]:
    """The topics and the audience line a reader sees on a lesson page."""
    client.logout()
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    topics = [item.get_text() for item in soup.select(".lesson .tags li")]
    return topics + [soup.select_one(".lesson .page-meta").get_text(" ", strip=True)]


def test_an_editors_new_topic_name_is_not_shown_on_the_lesson_until_approved(
    client, curriculum_tree, editor, moderator
):
    topic = curriculum_tree["topic"]
    client.force_login(editor)
    response = client.post(
        edit_url(topic), {"name": "TOPIC-DRAFT", "slug": topic.slug, "action-submit": "1"}
    )
    assert response.status_code == 302
    lesson_url = curriculum_tree["lesson"].url
    assert topic.name in labels_shown(client, lesson_url)
    assert "TOPIC-DRAFT" not in labels_shown(client, lesson_url)

    approve(client, topic, moderator)
    assert "TOPIC-DRAFT" in labels_shown(client, lesson_url)


def test_help_entries_and_labels_not_yet_published_are_not_shown_to_readers(
    client, curriculum_tree, help_page, help_entries
):
    lesson = curriculum_tree["lesson"]
    HelpEntry.objects.filter(pk=help_entries["national"].pk).update(live=False)
    Topic.objects.filter(pk=curriculum_tree["topic"].pk).update(live=False)
    Audience.objects.filter(pk=curriculum_tree["youth"].pk).update(live=False)

    assert OLD_NUMBER not in client.get(lesson.url).content.decode()
    labels = labels_shown(client, lesson.url)
    assert curriculum_tree["topic"].name not in labels
    assert not any(curriculum_tree["youth"].name in label for label in labels)
    assert OLD_NUMBER not in client.get(help_page.url).content.decode()
    assert lesson.specific.help_entries() == []
    # The help directory's other, live entry is still there.
    assert "012 000 222" in client.get(help_page.url).content.decode()


def test_each_change_to_a_help_entry_is_in_its_history(client, help_entries, editor, moderator):
    entry = help_entries["national"]
    client.force_login(editor)
    client.post(edit_url(entry), help_entry_form(entry, hours="8:00–17:00"))
    client.post(edit_url(entry), {**help_entry_form(entry, phone=NEW_NUMBER), "action-submit": "1"})
    approve(client, entry, moderator)

    actions = list(
        ModelLogEntry.objects.for_instance(entry)
        .order_by("timestamp")
        .values_list("action", flat=True)
    )
    assert actions[:2] == ["wagtail.edit", "wagtail.edit"]
    assert "wagtail.workflow.start" in actions
    assert "wagtail.publish" in actions
    client.force_login(editor)
    history_url = reverse("wagtailsnippets_curriculum_helpentry:history", args=[entry.pk])
    response = client.get(history_url)
    assert response.status_code == 200
    assert response.content.decode().count("Edited") >= 2


def test_an_entry_made_before_moderation_is_live_with_its_first_revision_in_its_history(
    help_entries,
):
    # As the rows were before migration 0007: live, without revisions or history.
    for entry in help_entries.values():
        entry.revisions.delete()
    HelpEntry.objects.update(latest_revision=None, live_revision=None)
    migration = importlib.import_module("curriculum.migrations.0007_snippets_moderated")
    migration.start_history(apps, None)

    entry = HelpEntry.objects.get(pk=help_entries["national"].pk)
    assert entry.live and not entry.has_unpublished_changes
    assert entry.live_revision == entry.latest_revision
    first = entry.live_revision.as_object()
    assert (first.phone, first.name) == (entry.phone, entry.name)
    siem_reap = HelpEntry.objects.get(pk=help_entries["siem_reap"].pk)
    assert [p.code for p in siem_reap.live_revision.as_object().provinces.all()] == ["17"]
    assert ModelLogEntry.objects.for_instance(entry).get().action == "wagtail.publish"


def test_a_help_entry_made_live_outside_the_admin_starts_its_history(km_locale):
    entry = HelpEntry.objects.create(
        locale=km_locale, name="Hotline", category=HelpEntry.Category.HOTLINE, phone="1280"
    )
    assert entry.live_revision is not None
    assert entry.live_revision.as_object().phone == "1280"
    assert not entry.has_unpublished_changes


def test_a_help_entry_preview_shows_the_entry_as_readers_see_it(help_entries, editor):
    entry = help_entries["national"]
    entry.phone = NEW_NUMBER
    request = RequestFactory().get("/")
    request.user = editor
    response = entry.serve_preview(request, entry.default_preview_mode)
    assert NEW_NUMBER in response.rendered_content


@pytest.mark.parametrize("model_name", ["helpentry", "topic", "audience"])
def test_an_editors_delete_post_removes_no_live_snippet(client, help_entries, editor, model_name):
    instance = {
        "helpentry": HelpEntry.objects.filter(live=True).first(),
        "topic": Topic.objects.first() or Topic.objects.create(name="Documents"),
        "audience": Audience.objects.first() or Audience.objects.create(name="Youth"),
    }[model_name]
    client.force_login(editor)
    url = reverse(f"wagtailsnippets_curriculum_{model_name}:delete", args=[instance.pk])

    client.post(url)

    assert type(instance).objects.filter(pk=instance.pk).exists()


def test_a_moderator_deletes_a_help_entry(client, help_entries, moderator):
    entry = HelpEntry.objects.filter(live=True).first()
    client.force_login(moderator)

    client.post(reverse("wagtailsnippets_curriculum_helpentry:delete", args=[entry.pk]))

    assert not HelpEntry.objects.filter(pk=entry.pk).exists()
