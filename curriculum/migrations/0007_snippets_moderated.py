"""Put topics, audiences and help directory entries under moderation.

Every existing row stays live (readers keep seeing it) and gets an initial revision, marked
published in its history, so that the history starts with what readers see now. Only
Moderators may publish (and lock or unlock) them, and delete them (a deleted hotline is gone
from readers as surely as a changed one); editors save drafts and submit them. The three snippets are assigned to the "Moderators approval" workflow that moderates pages.
"""

from django.db import migrations
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

SNIPPETS = ("topic", "audience", "helpentry")
MODERATOR_ACTIONS = ("publish", "lock", "unlock")
WORKFLOW_NAME = "Moderators approval"


def revision_content(instance, model_name):
    """What `serializable_data()` of the model would give for this row."""
    content = get_serializable_data_for_fields(instance)
    if model_name == "helpentry":
        content["provinces"] = list(instance.provinces.values_list("pk", flat=True))
    return content


def start_history(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Revision = apps.get_model("wagtailcore.Revision")
    ModelLogEntry = apps.get_model("wagtailcore.ModelLogEntry")
    now = timezone.now()
    for model_name in SNIPPETS:
        model = apps.get_model("curriculum", model_name)
        content_type, __ = ContentType.objects.get_or_create(
            app_label="curriculum", model=model_name
        )
        for instance in model.objects.filter(latest_revision__isnull=True):
            revision = Revision.objects.create(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(instance.pk),
                created_at=now,
                content=revision_content(instance, model_name),
                object_str=instance.name,
            )
            ModelLogEntry.objects.create(
                content_type=content_type,
                object_id=str(instance.pk),
                label=instance.name,
                action="wagtail.publish",
                data={},
                timestamp=now,
                revision=revision,
                content_changed=True,
            )
            model.objects.filter(pk=instance.pk).update(
                live=True,
                has_unpublished_changes=False,
                latest_revision=revision,
                live_revision=revision,
            )


def grant_moderator_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    moderators, __ = Group.objects.get_or_create(name="Moderators")
    for model_name in SNIPPETS:
        content_type, __ = ContentType.objects.get_or_create(
            app_label="curriculum", model=model_name
        )
        for action in MODERATOR_ACTIONS:
            permission, __ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model_name}",
                defaults={"name": f"Can {action} {model_name}"},
            )
            moderators.permissions.add(permission)


def keep_deleting_for_moderators(apps, schema_editor):
    """Editors no longer delete these snippets: deleting takes one from readers at once."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    moderators, __ = Group.objects.get_or_create(name="Moderators")
    deletes = Permission.objects.filter(
        content_type__app_label="curriculum",
        codename__in=[f"delete_{model_name}" for model_name in SNIPPETS],
    )
    moderators.permissions.add(*deletes)
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.remove(*deletes)


def moderation_workflow(apps):
    """The workflow that moderates pages (on the root page), else one of its name."""
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    on_root = WorkflowPage.objects.filter(page__depth=1).select_related("workflow").first()
    if on_root is not None:
        return on_root.workflow
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()


def assign_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    workflow = moderation_workflow(apps)
    if workflow is None:
        # 0002 makes it wherever there is a root page; a database without one has no content.
        return
    for model_name in SNIPPETS:
        content_type, __ = ContentType.objects.get_or_create(
            app_label="curriculum", model=model_name
        )
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("curriculum", "0006_snippets_draft_state_and_revisions"),
        ("accounts", "0001_roles"),
    ]

    operations = [
        migrations.RunPython(start_history, migrations.RunPython.noop),
        migrations.RunPython(grant_moderator_permissions, migrations.RunPython.noop),
        migrations.RunPython(keep_deleting_for_moderators, migrations.RunPython.noop),
        migrations.RunPython(assign_workflow, migrations.RunPython.noop),
    ]
