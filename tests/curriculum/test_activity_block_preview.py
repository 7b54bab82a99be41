"""An activity being written (its minutes not yet filled) still previews, on screen and in print."""

import pytest

from curriculum.blocks import ActivityBlock


@pytest.mark.parametrize("template", [None, "curriculum/print/blocks/activity.html"])
def test_an_activity_without_minutes_yet_renders_without_an_error(template):
    block = ActivityBlock(template=template) if template else ActivityBlock()
    value = block.to_python({"title": "Plan the trip", "minutes": None, "steps": ["Ask"]})

    html = block.render(value)

    assert "Plan the trip" in html
    assert "នាទី" not in html  # "minutes": the site speaks Khmer first


def test_an_activity_with_minutes_says_how_long_it_takes():
    block = ActivityBlock()
    value = block.to_python({"title": "Plan the trip", "minutes": 20, "steps": ["Ask"]})

    assert "(20 នាទី)" in block.render(value)
