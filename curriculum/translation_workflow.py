"""Translations reach readers the way pages do: through the "Moderators approval" workflow.

wagtail-localize assumes whoever translates may publish. Here a new translation is a draft
(`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False` in the settings), "Update
translations" offers and accepts "Publish immediately" only from those who may publish every
translated page, and the translation editor gains "Submit for moderation", which saves the
translated text as a draft revision and starts the page's workflow, as Wagtail's own editor
does. A moderator approves it from the dashboard or the page's workflow actions. Moderated
snippets (help entries, topics, audiences) get the same "Submit for moderation".
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import DraftStateMixin, Page, WorkflowMixin, WorkflowState
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.update_translations import UpdateTranslationsView

from curriculum.workflow_actions import WorkflowActionRefusedView

SUBMIT_FOR_MODERATION = "submit-for-moderation"


def user_may_publish(user, instance) -> bool:
    """Whether `user` may make this page or snippet live (a snippet without drafts: change)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return ModelPermissionPolicy(type(instance)).user_has_permission(user, action)


def user_may_publish_translations(user, source: TranslationSource) -> bool:
    """Whether `user` may publish every existing translation of `source` at once."""
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            # Not made yet: publishing would create it live, which is the source's decision.
            target = source.get_source_instance()
        if not user_may_publish(user, target):
            return False
    return True


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Update translations", whose "Publish immediately" is for publishers."""

    def may_publish(self) -> bool:
        return user_may_publish_translations(self.request.user, self.object)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            # Hidden from those who may not publish; a posted value is refused in `post`.
            del form.fields["publish_translations"]
        return form

    def post(self, request, **kwargs):
        if request.POST.get("publish_translations") and not self.may_publish():
            return WorkflowActionRefusedView.as_view(
                page_title=gettext_lazy("Nothing was published"),
                extra_context={
                    "message": _(
                        "You may not publish these translations, so nothing was updated. "
                        "Update them without publishing, then submit each translation for "
                        "moderation from its translation editor."
                    ),
                    "edit_url": request.path,
                },
            )(request)
        return super().post(request, **kwargs)

    def form_valid(self, form):
        # wagtail-localize reads the choice even when the form does not offer it.
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)


def translation_submit_for_moderation(*, translation: Translation, page: Page, user) -> Page:
    """Save the translated text as a draft revision of `page` and start its workflow."""
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # After a rejection the same workflow goes on, as in Wagtail's page editor.
        workflow_state.resume(user)
    else:
        page.get_workflow().start(page, user)
    return page


def submit_translation_for_moderation(request, page):
    """For the `before_edit_page` hook: the translation editor's "Submit for moderation"."""
    if request.method != "POST" or request.POST.get("action") != SUBMIT_FOR_MODERATION:
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    may_submit = page.permissions_for_user(request.user).can_submit_for_moderation()
    if translation is None or not may_submit:
        message = _("This page cannot be submitted for moderation by you, so nothing was saved.")
    elif page.workflow_in_progress:
        message = _("This translation is already waiting for a moderator, so nothing was saved.")
    else:
        page = translation_submit_for_moderation(
            translation=translation, page=page, user=request.user
        )
        messages.success(
            request,
            _("The translation '%(title)s' was submitted for moderation.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect(edit_url)
    return WorkflowActionRefusedView.as_view(
        extra_context={"message": message, "edit_url": edit_url}
    )(request)


def translation_submit_snippet_for_moderation(*, translation: Translation, instance, user):
    """Save the translated text as a draft revision of the snippet and start its workflow.

    A live snippet keeps its row (what readers see) until a moderator approves: see
    `curriculum.models.snippets.ModeratedSnippetMixin`.
    """
    translation.save_target(user=user, publish=False)
    instance = type(instance)._default_manager.get(pk=instance.pk)
    workflow_state = instance.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user)
    else:
        instance.get_workflow().start(instance, user)
    return instance


def submit_snippet_translation_for_moderation(request, instance):
    """For the `before_edit_snippet` hook: the translation editor's "Submit for moderation"."""
    if request.method != "POST" or request.POST.get("action") != SUBMIT_FOR_MODERATION:
        return None
    if not isinstance(instance, WorkflowMixin) or instance.get_workflow() is None:
        return None
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    ).first()
    may_submit = ModelPermissionPolicy(type(instance)).user_has_permission(request.user, "change")
    if translation is None or not may_submit:
        message = _("This item cannot be submitted for moderation by you, so nothing was saved.")
    elif instance.workflow_in_progress:
        message = _("This translation is already waiting for a moderator, so nothing was saved.")
    else:
        instance = translation_submit_snippet_for_moderation(
            translation=translation, instance=instance, user=request.user
        )
        messages.success(
            request,
            _("The translation '%(title)s' was submitted for moderation.") % {"title": instance},
        )
        return redirect(request.get_full_path())
    return WorkflowActionRefusedView.as_view(
        extra_context={"message": message, "edit_url": request.get_full_path()}
    )(request)
