"""Wires the curriculum into the Wagtail admin."""

from wagtail.snippets.models import register_snippet

from curriculum.viewsets import CurriculumViewSetGroup

register_snippet(CurriculumViewSetGroup)
