"""Permission policies of the trainings admin: a model permission, within the user's provinces."""

from wagtail.permissions import ModelPermissionPolicy


class ProvinceScopedPermissionPolicy(ModelPermissionPolicy):
    """The model permission, for the objects of the user's provinces only.

    Wagtail asks the policy before it links to an object anywhere in the admin (its URL
    finder: Site history, usage lists, choosers), so an object of another province is
    never offered as a link, whatever screen lists it.
    """

    def __init__(self, model, scoped_queryset):
        super().__init__(model)
        self.scoped_queryset = scoped_queryset

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.scoped_queryset(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        return instances.filter(pk__in=self.scoped_queryset(user).values("pk"))
