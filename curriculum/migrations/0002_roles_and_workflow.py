"""Give the roles their curriculum permissions and make sure pages go through moderation.

Editors write and submit; moderators approve (publish) or reject. Wagtail's own
initial data creates a "Moderators approval" workflow on the root page; this
migration creates it where it is missing, so curriculum and campaign pages are
always moderated.
"""

from django.db import migrations

SNIPPETS = ("topic", "audience", "helpentry")
FACILITATOR = (
    "curriculum",
    "lessonpage",
    "view_facilitator_content",
    "Can see facilitator-only content, such as quiz answers",
)


def snippet_permissions(actions):
    return [
        ("curriculum", model, f"{action}_{model}", f"Can {action} {model}")
        for model in SNIPPETS
        for action in actions
    ]


ROLE_PERMISSIONS = {
    "Editors": [*snippet_permissions(("add", "change", "delete", "view")), FACILITATOR],
    "Moderators": [*snippet_permissions(("add", "change", "delete", "view")), FACILITATOR],
    "Program officers": [FACILITATOR],
    "National program officers": [FACILITATOR],
    "Club leaders": [FACILITATOR],
}


def grant_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, permissions in ROLE_PERMISSIONS.items():
        group, __ = Group.objects.get_or_create(name=group_name)
        for app_label, model, codename, name in permissions:
            content_type, __ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, __ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            group.permissions.add(permission)


def ensure_moderation_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    if root is None or WorkflowPage.objects.filter(page=root).exists():
        return
    moderators, __ = Group.objects.get_or_create(name="Moderators")
    task_type, __ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="Moderators approval", content_type=task_type, active=True
    )
    task.groups.add(moderators)
    workflow = Workflow.objects.create(name="Moderators approval", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=root)


class Migration(migrations.Migration):
    dependencies = [
        ("curriculum", "0001_initial"),
        ("trainings", "0002_roles"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
        migrations.RunPython(ensure_moderation_workflow, migrations.RunPython.noop),
    ]
