"""The demo's illustrations, drawn with Pillow (titles in demo/data/images.toml)."""

from io import BytesIO

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from .data_files import demo_data

IMAGE_SIZE = (1200, 675)


def demo_images_build() -> dict:
    """Three simple illustrations drawn with Pillow, found by title on later runs."""
    image_model = get_image_model()
    built = {}
    for key, details in demo_data("images").items():
        image = image_model.objects.filter(title=details["title"]).first()
        if image is None:
            image = image_model(title=details["title"], description=details["description"])
            image.file = ImageFile(BytesIO(_draw(key)), name=f"demo-{key}.png")
            image.save()
        built[key] = image
    return built


def _draw(key: str) -> bytes:
    """A flat illustration, drawn at twice the size and scaled down for smooth edges."""
    from PIL import Image, ImageDraw

    width, height = (side * 2 for side in IMAGE_SIZE)
    canvas = Image.new("RGB", (width, height), "#f4efe6")
    draw = ImageDraw.Draw(canvas)
    {"road": _draw_road, "meeting": _draw_meeting, "phone": _draw_phone}[key](draw, width, height)
    canvas = canvas.resize(IMAGE_SIZE, Image.Resampling.LANCZOS)
    output = BytesIO()
    canvas.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _draw_road(draw, width, height):
    horizon = height * 0.45
    draw.rectangle([0, 0, width, horizon], fill="#cfe8ef")
    draw.ellipse(
        [width * 0.68, height * 0.08, width * 0.8, height * 0.08 + width * 0.12], fill="#f6b93b"
    )
    draw.rectangle([0, horizon, width, height], fill="#6ab04c")
    for row in range(1, 6):  # rice field terraces
        y = horizon + row * (height - horizon) / 6
        draw.line([0, y, width, y], fill="#4e8a36", width=6)
    draw.polygon(
        [
            (width * 0.47, horizon),
            (width * 0.53, horizon),
            (width * 0.75, height),
            (width * 0.25, height),
        ],
        fill="#b08d57",
    )
    for step in range(6):  # centre line, shorter towards the horizon
        top = horizon + (height - horizon) * (step / 6) ** 1.2
        bottom = horizon + (height - horizon) * ((step + 0.5) / 6) ** 1.2
        draw.line([width / 2, top, width / 2, bottom], fill="#f4efe6", width=4 + step * 3)


def _draw_meeting(draw, width, height):
    draw.rectangle([0, height * 0.7, width, height], fill="#e2c799")
    draw.rectangle(
        [width * 0.44, height * 0.2, width * 0.56, height * 0.5],
        fill="#ffffff",
        outline="#555555",
        width=6,
    )
    draw.line([width * 0.47, height * 0.28, width * 0.53, height * 0.28], fill="#0f5e6e", width=8)
    draw.line([width * 0.47, height * 0.35, width * 0.52, height * 0.35], fill="#c0392b", width=8)
    draw.line([width * 0.5, height * 0.5, width * 0.5, height * 0.66], fill="#555555", width=8)
    colours = ["#0f5e6e", "#c0392b", "#f6b93b", "#6ab04c", "#8e44ad", "#2980b9"]
    positions = [0.1, 0.22, 0.34, 0.66, 0.78, 0.9]  # either side of the flip chart
    for position, colour in zip(positions, colours, strict=True):
        x = width * position
        draw.ellipse([x - 110, height * 0.56, x + 110, height * 0.86], fill=colour)
        draw.ellipse([x - 62, height * 0.56 - 110, x + 62, height * 0.56 + 14], fill="#8d5524")


def _draw_phone(draw, width, height):
    draw.rectangle([0, 0, width, height], fill="#dff3e4")
    left, top = width * 0.38, height * 0.12
    draw.rounded_rectangle(
        [left, top, left + width * 0.24, height * 0.92], radius=60, fill="#2d3436"
    )
    draw.rounded_rectangle(
        [left + 30, top + 90, left + width * 0.24 - 30, height * 0.92 - 110],
        radius=20,
        fill="#74b9ff",
    )
    draw.ellipse(
        [width * 0.5 - 35, height * 0.92 - 90, width * 0.5 + 35, height * 0.92 - 20], fill="#636e72"
    )
    for x0, y0, colour, tail in (
        (width * 0.1, height * 0.18, "#ffffff", width * 0.3),
        (width * 0.66, height * 0.48, "#f6b93b", width * 0.68),
    ):
        draw.rounded_rectangle(
            [x0, y0, x0 + width * 0.24, y0 + height * 0.22], radius=50, fill=colour
        )
        draw.polygon(
            [
                (tail, y0 + height * 0.2),
                (tail + 60, y0 + height * 0.2),
                (tail + 20, y0 + height * 0.3),
            ],
            fill=colour,
        )
        for line in range(3):
            y = y0 + height * (0.055 + line * 0.055)
            draw.line([x0 + 50, y, x0 + width * 0.24 - 50 - line * 60, y], fill="#b2bec3", width=14)
