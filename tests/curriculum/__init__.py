"""Tests of the curriculum: pages, snippets, search, workflow, translation."""
