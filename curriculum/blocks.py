"""StreamField blocks of lessons: what a facilitator needs to run a session."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from curriculum.access import context_is_for_facilitator


class HelpEntryChooserBlock(SnippetChooserBlock):
    """Chooses help directory entries, fetched with their provinces in one go."""

    def __init__(self, **kwargs):
        super().__init__("curriculum.HelpEntry", **kwargs)

    def bulk_to_python(self, values):
        # However many entries a lesson lists, two queries fetch them and their provinces.
        objects = self.model_class.objects.prefetch_related("provinces").in_bulk(values)
        return [objects.get(value) for value in values]


class FacilitatorContentBlock(blocks.StructBlock):
    """A block with parts for facilitators only, which nobody else gets in any form.

    The one rule for the web page, the search index and any API: unless the context is a
    facilitator's (`curriculum.access.context_is_for_facilitator`), the
    `facilitator_only_fields` are emptied and a block that `is_facilitator_only` is left
    out, before any template sees the value, so no template has to remember to check.
    """

    facilitator_only_fields: tuple[str, ...] = ()

    def is_facilitator_only(self, value) -> bool:
        """Whether the whole block is for facilitators (a safeguarding callout, say)."""
        return False

    def public_value(self, value):
        """The value as everyone may see it, or None when all of it is for facilitators."""
        if self.is_facilitator_only(value):
            return None
        return self.meta.value_class(
            self,
            [
                (name, None if name in self.facilitator_only_fields else child_value)
                for name, child_value in value.items()
            ],
        )

    def render(self, value, context=None):
        if not context_is_for_facilitator(context):
            value = self.public_value(value)
            if value is None:
                return ""
        return super().render(value, context)

    def get_searchable_content(self, value):
        # The site search is public: a word of a quiz answer must not find its lesson.
        if not self.search_index or self.is_facilitator_only(value):
            return []
        return [
            text
            for name, child_block in self.child_blocks.items()
            if name not in self.facilitator_only_fields
            for text in child_block.get_searchable_content(value.get(name))
        ]

    def get_api_representation(self, value, context=None):
        if context_is_for_facilitator(context):
            return super().get_api_representation(value, context)
        if self.is_facilitator_only(value):
            return None
        representation = super().get_api_representation(value, context)
        return {
            name: child_value
            for name, child_value in representation.items()
            if name not in self.facilitator_only_fields
        }


class ActivityBlock(FacilitatorContentBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    minutes = blocks.IntegerBlock(label=_("Minutes"), min_value=1, max_value=480)
    steps = blocks.ListBlock(blocks.TextBlock(label=_("Step")), label=_("Steps"), min_num=1)
    facilitator_tip = blocks.TextBlock(
        label=_("Facilitator tip"),
        required=False,
        help_text=_("Shown to facilitators only."),
    )

    facilitator_only_fields = ("facilitator_tip",)

    class Meta:
        icon = "group"
        label = _("Activity")
        template = "curriculum/blocks/activity.html"
        description = _("A timed activity with numbered steps and a tip for the facilitator")
        preview_value = {
            "title": "Role play: a recruiter visits the village",
            "minutes": 20,
            "steps": [
                "Ask two volunteers to play a recruiter and a young person.",
                "The recruiter promises a well-paid job abroad with no papers needed.",
                "The group lists the warning signs they heard.",
            ],
            "facilitator_tip": "Keep the role play light; stop it if anyone seems upset.",
        }


class DiscussionQuestionsBlock(blocks.StructBlock):
    questions = blocks.ListBlock(
        blocks.CharBlock(label=_("Question"), max_length=300), label=_("Questions"), min_num=1
    )

    class Meta:
        icon = "help"
        label = _("Discussion questions")
        template = "curriculum/blocks/discussion_questions.html"
        description = _("Questions for the group to talk about")
        preview_value = {
            "questions": [
                "How would you check that a recruitment agency is licensed?",
                "Who would you call if a job abroad is not what was promised?",
            ]
        }


class KeyMessagesBlock(blocks.StructBlock):
    messages = blocks.ListBlock(
        blocks.CharBlock(label=_("Message"), max_length=300), label=_("Messages"), min_num=1
    )

    class Meta:
        icon = "pick"
        label = _("Key messages")
        template = "curriculum/blocks/key_messages.html"
        description = _("The few things every participant should remember")
        preview_value = {
            "messages": [
                "Only use recruitment agencies licensed by the Ministry of Labour.",
                "Never hand over your passport to an employer.",
            ]
        }


class CaseStoryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    story = blocks.RichTextBlock(label=_("Story"), features=["bold", "italic", "ol", "ul"])
    questions = blocks.ListBlock(
        blocks.CharBlock(label=_("Question"), max_length=300),
        label=_("Questions about the story"),
        required=False,
        default=[],
    )

    class Meta:
        icon = "doc-full"
        label = _("Scenario or case story")
        template = "curriculum/blocks/case_story.html"
        description = _("A short story for the group to think through")
        preview_value = {
            "title": "Sokha's job offer",
            "story": "<p>Sokha, 19, is offered work in a factory in Thailand...</p>",
            "questions": ["What should Sokha check before she leaves?"],
        }


class QuizQuestionBlock(FacilitatorContentBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    options = blocks.ListBlock(
        blocks.CharBlock(label=_("Option"), max_length=200), label=_("Options"), min_num=2
    )
    correct_option = blocks.IntegerBlock(
        label=_("Number of the right option"),
        min_value=1,
        help_text=_("1 for the first option. Shown to facilitators only."),
    )
    explanation = blocks.TextBlock(
        label=_("Why it is right"),
        required=False,
        help_text=_("Shown to facilitators only."),
    )

    facilitator_only_fields = ("correct_option", "explanation")

    class Meta:
        icon = "tick-inverse"
        label = _("Quiz question")
        template = "curriculum/blocks/quiz_question.html"
        description = _("A question for the pre- and post-test, with its right answer")
        preview_value = {
            "question": "Who may keep your passport while you work abroad?",
            "options": ["Your employer", "The recruitment agency", "Only you"],
            "correct_option": 3,
            "explanation": "Keeping a worker's passport is a sign of forced labour.",
        }

    def clean(self, value):
        value = super().clean(value)
        if value["correct_option"] > len(value["options"]):
            raise StructBlockValidationError(
                block_errors={
                    "correct_option": ValidationError(
                        _("There are only %(count)s options.") % {"count": len(value["options"])}
                    )
                }
            )
        return value


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Description for people who cannot see the image"),
        max_length=250,
        required=False,
        help_text=_("Leave empty to use the image's own description."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "curriculum/blocks/image.html"
        description = _("A picture, sized for phones, with a caption")


class CalloutBlock(FacilitatorContentBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("information", _("Information")),
            ("warning", _("Warning")),
            ("safeguarding", _("Safeguarding (facilitators only)")),
        ],
        default="information",
    )
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "curriculum/blocks/callout.html"
        description = _("A highlighted note: information, a warning, or safeguarding advice")
        preview_value = {
            "kind": "warning",
            "text": "<p>A job that asks you to pay a large fee before you leave may be a trap.</p>",
        }

    def is_facilitator_only(self, value) -> bool:
        return value.get("kind") == "safeguarding"


class WhereToGetHelpBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False)
    entries = blocks.ListBlock(
        HelpEntryChooserBlock(label=_("Help directory entry")), label=_("Entries"), min_num=1
    )

    class Meta:
        icon = "help"
        label = _("Where to get help")
        template = "curriculum/blocks/where_to_get_help.html"
        description = _("Hotlines and services from the help directory")


class LessonStreamBlock(blocks.StreamBlock):
    """The body of a lesson, shared by lesson pages and their PDFs."""

    activity = ActivityBlock()
    discussion_questions = DiscussionQuestionsBlock()
    key_messages = KeyMessagesBlock()
    case_story = CaseStoryBlock()
    quiz_question = QuizQuestionBlock()
    image = ImageBlock()
    callout = CalloutBlock()
    where_to_get_help = WhereToGetHelpBlock()
