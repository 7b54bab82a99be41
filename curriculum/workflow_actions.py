"""Refusing a page's workflow action (approve, reject) that the page cannot take now.

Wagtail's page editor takes for granted that a posted workflow action comes with a page
in moderation and an action named: a tampered or stale form without them ends in a 500,
and an action not offered to the user is quietly saved as a draft instead. Both get a 400
page that says why, before anything is read from the form or saved.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

WORKFLOW_ACTION = "action-workflow-action"
ACTION_NAME = "workflow-action-name"


class WorkflowActionRefusedView(WagtailAdminTemplateMixin, TemplateView):
    """The 400 page: why nothing was done, and the way back to the page."""

    template_name = "curriculum/admin/workflow_action_refused.html"
    page_title = _("Nothing was saved")
    header_icon = "warning"

    def post(self, request, *args, **kwargs):
        # It answers the editor's POST, which it does not act on.
        return self.get(request, *args, **kwargs)

    def render_to_response(self, context, **kwargs):
        return super().render_to_response(context, status=400, **kwargs)


def refuse_workflow_action_without_task(request, page):
    """For the `before_edit_page` hook: a 400 response, or None to let Wagtail go on."""
    if request.method != "POST" or not request.POST.get(WORKFLOW_ACTION):
        return None
    task = page.current_workflow_task
    if task is None:
        message = _(
            "This page is not in moderation, so there is nothing to approve or reject, and "
            "nothing was saved. Go back to the page to save it or submit it."
        )
    elif request.POST.get(ACTION_NAME) not in {
        name for name, __, __ in task.get_actions(page, request.user)
    }:
        message = _(
            "This action cannot be taken on this page now, so nothing was saved. "
            "Go back to the page to see what you can do."
        )
    else:
        return None
    return WorkflowActionRefusedView.as_view(
        extra_context={
            "message": message,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        }
    )(request)
