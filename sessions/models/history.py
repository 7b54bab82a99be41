"""The admin's history of trainings objects, read by each user only for their provinces.

Wagtail keeps one log of every model (`ModelLogEntry`), and shows in Site history each
entry of a model the user holds any permission on, country-wide: a program officer would
read every province's clubs, educators, sessions and participants (minors included) and
who worked on them. Trainings objects are logged here instead (registered in
`wagtail_hooks`), and `viewable_by_user`, which Site history, its downloads and its filters
ask, applies `sessions.scoping`.
"""

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import get_active_log_context
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager


def _user_holds_a_permission_on(user, model) -> bool:
    return any(
        user.has_perm(f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}")
        for action in ("add", "change", "delete", "view")
    )


class TrainingsLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk))
        return super().log_action(instance, action, **kwargs)

    def log_action_for_each(self, instances, action, *, user, data=None):
        """One entry per instance, as `log_action` writes it, in a single INSERT.

        For actions on many objects at once (an import's sessions). Each instance's label is
        its `str()`: load what that reads first (e.g. a session's group).
        """
        if not instances:
            return []
        # What each entry's save() checks, once for all of them (bulk_create skips save()).
        self.model(action=action).clean()
        context = get_active_log_context()
        user = user or context.user
        timestamp = timezone.now()
        return self.bulk_create(
            [
                self.model(
                    content_type=ContentType.objects.get_for_model(
                        instance, for_concrete_model=False
                    ),
                    object_id=str(instance.pk),
                    label=self.get_instance_title(instance),
                    action=action,
                    timestamp=timestamp,
                    data=data or {},
                    user=user,
                    uuid=context.uuid,
                )
                for instance in instances
            ]
        )

    def for_instance(self, instance):
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
            object_id=str(instance.pk),
        )

    def viewable_by_user(self, user):
        # Imported here: scoping reads the models this module is part of.
        from ..scoping import trainings_objects_visible_q

        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        # Wagtail's own rule first (a permission on the entry's model), without the
        # per-user cache Wagtail's manager shares between every log model.
        permitted = [
            ContentType.objects.get_for_model(model)
            for model in apps.get_app_config("trainings").get_models()
            if _user_holds_a_permission_on(user, model)
        ]
        visible = trainings_objects_visible_q(
            user, content_type_field="content_type", object_id_field="object_id"
        )
        return self.filter(visible, content_type__in=permitted)


class TrainingsLogEntry(BaseLogEntry):
    """An action on a trainings object (created, edited, verified, erased…) in the admin's log."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = TrainingsLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("trainings log entry")
        verbose_name_plural = _("trainings log entries")

    def __str__(self):
        return f"TrainingsLogEntry {self.pk}: '{self.action}' on {self.object_id}"
