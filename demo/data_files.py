"""Read the demo's texts from the TOML files in demo/data/ (Khmer and English, as editors write)."""

import tomllib
from functools import cache
from pathlib import Path

DATA_DIRECTORY = Path(__file__).resolve().parent / "data"


@cache
def demo_data(name: str) -> dict:
    """The contents of demo/data/<name>.toml; `name` may name a file in a folder (lessons/x)."""
    with (DATA_DIRECTORY / f"{name}.toml").open("rb") as data_file:
        return tomllib.load(data_file)


def demo_lessons(module: dict) -> list[dict]:
    """The lessons of a module of modules.toml, in its order, each with its slug."""
    return [{"slug": slug, **demo_data(f"lessons/{slug}")} for slug in module["lessons"]]
