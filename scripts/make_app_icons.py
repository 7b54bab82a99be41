"""Draws the installable app's icons (static/img/icons/*.png) with Pillow: run it after a change."""

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parents[1] / "static" / "img" / "icons"
BRAND = (11, 93, 122)  # --colour-brand in static/css/site.css
WHITE = (255, 255, 255)


def draw_icon(size: int, *, maskable: bool) -> Image.Image:
    """A white path towards a house on the brand colour: safe migration, safe return.

    A maskable icon keeps its drawing inside the middle 80% circle that launchers may
    cut it to, and fills the whole square; the plain one is a rounded square.
    """
    scale = 4  # drawn large, then reduced, for smooth edges
    canvas = size * scale
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, canvas, canvas), fill=BRAND)
        inset = canvas * 0.22
    else:
        draw.rounded_rectangle((0, 0, canvas, canvas), radius=canvas * 0.18, fill=BRAND)
        inset = canvas * 0.14
    box = canvas - 2 * inset

    def point(x: float, y: float) -> tuple[float, float]:
        return (inset + x * box, inset + y * box)

    # The house: a roof and a body, with a door.
    draw.polygon([point(0.50, 0.05), point(0.95, 0.45), point(0.05, 0.45)], fill=WHITE)
    draw.rectangle((*point(0.17, 0.43), *point(0.83, 0.95)), fill=WHITE)
    draw.rectangle((*point(0.42, 0.62), *point(0.58, 0.95)), fill=BRAND)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw_icon(size, maskable=False).save(ICONS / f"app-{size}.png", optimize=True)
    draw_icon(512, maskable=True).save(ICONS / "app-maskable-512.png", optimize=True)


if __name__ == "__main__":
    main()
