"""The demo's texts live in data files: none in its Python, and a mistyped block is refused."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

import demo
from demo.curriculum import _lesson_body
from demo.data_files import DATA_DIRECTORY, demo_data, demo_lessons

KHMER = re.compile("[\u1780-\u17ff]")
# Numbered placeholder names made by the hundred thousand for benchmarks, not texts to read.
NOT_DEMO_CONTENT = {"synthetic_trainings.py"}


def test_no_khmer_text_is_left_in_the_demo_code():
    code = [
        path
        for path in Path(demo.__file__).parent.rglob("*.py")
        if path.name not in NOT_DEMO_CONTENT
    ]
    with_khmer = [path.name for path in code if KHMER.search(path.read_text(encoding="utf-8"))]
    assert with_khmer == []


def test_every_lesson_of_every_module_has_its_data_file_and_no_file_is_left_over():
    named = {
        lesson["slug"]
        for module in demo_data("modules")["modules"]
        for lesson in demo_lessons(module)
    }
    files = {path.stem for path in (DATA_DIRECTORY / "lessons").glob("*.toml")}
    assert named == files


def test_a_lesson_block_the_body_does_not_have_is_refused_not_dropped():
    blocks = [{"type": "calout", "value": {"kind": "information", "text": "<p>Typo</p>"}}]
    with pytest.raises(ImproperlyConfigured, match="calout"):
        _lesson_body(blocks, site=None, language="en")
