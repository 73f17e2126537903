"""Let a client add the guide to the home screen and open it like an app.

A web app manifest and square icons are what a phone needs to offer "Add to
Home screen". The icons are drawn here with Pillow (no design files, nothing
fetched) from the same body model as the exercise figures: the "grab the
implement" position, white on the guide's theme colour, at every size the
manifest, iOS and the browser tab ask for. The manifest takes its name,
description and colour from mkdocs.yml.
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageDraw

from hinge.figures import FigureLibrary
from hinge.figures.svg import BODY_DRAWING_ORDER
from hinge.figures.body import HANDLE_HEIGHT, HEAD_RADIUS, KETTLEBELL_RADIUS, Panel, Point, first_panel, segment_ends

ICONS = "assets/images/icons"
WHITE = "#ffffff"
# Icon files: name -> (size in px, maskable). A maskable icon keeps the figure
# inside the middle 80 %, which every launcher's mask leaves visible.
SIZES = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "maskable-512.png": (512, True),
    "apple-touch-icon.png": (180, True),  # iOS rounds the corners itself
    "favicon-48.png": (48, False),
}
# The position the icon shows: a hip hinge with the hands on a kettlebell.
ICON_FIGURE = "step-3-grab-the-implement"
# Stroke widths in cm: thinner than life, so the joints and the flat back read
# as lines at 48 px rather than merging into one shape.
ICON_WIDTH = {"lower_back": 13.0, "upper_back": 13.0, "neck": 7.0}
LIMB_WIDTH = 7.5


def icon_shapes(panel: Panel) -> tuple[list[tuple[Point, Point, float]], list[tuple[Point, float]]]:
    """The icon's limbs (start, end, width) and discs (centre, radius), in the model's centimetres."""
    joints = panel.joints
    limbs = [(joints[start], joints[end], ICON_WIDTH.get(segment, LIMB_WIDTH))
             for segment in BODY_DRAWING_ORDER for start, end in [segment_ends(segment)]]
    discs = [(joints["head"], HEAD_RADIUS)]
    handle = panel.handle()
    if handle is not None:
        bell = (handle[0], handle[1] - HANDLE_HEIGHT["kettlebell"] + KETTLEBELL_RADIUS)
        limbs.append((handle, bell, LIMB_WIDTH / 2))  # the handle, up to the hands
        discs.append((bell, KETTLEBELL_RADIUS))
    return limbs, discs


def draw_icon(size: int, maskable: bool, colour: str, panel: Panel) -> Image.Image:
    scale = 2  # draw large, then shrink: smooth edges without anti-aliasing support
    canvas = size * scale
    image = Image.new("RGB", (canvas, canvas), WHITE)
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, canvas, canvas), fill=colour)
    else:
        draw.rounded_rectangle((0, 0, canvas - 1, canvas - 1), radius=canvas // 5, fill=colour)
    limbs, discs = icon_shapes(panel)
    # Fit the drawing's box into the tile; maskable icons shrink into the safe zone.
    points = [(x + dx, y + dy) for start, end, width in limbs for (x, y) in (start, end)
              for dx, dy in ((-width / 2, -width / 2), (width / 2, width / 2))]
    points += [(x + dx, y + dy) for (x, y), radius in discs for dx, dy in ((-radius, -radius), (radius, radius))]
    left, right = min(x for x, _ in points), max(x for x, _ in points)
    bottom, top = min(y for _, y in points), max(y for _, y in points)
    inset = canvas * (0.2 if maskable else 0.1)
    unit = (canvas - 2 * inset) / max(right - left, top - bottom)
    x_shift = inset + ((canvas - 2 * inset) - (right - left) * unit) / 2
    y_shift = inset + ((canvas - 2 * inset) - (top - bottom) * unit) / 2

    def at(point: Point) -> tuple[float, float]:  # model y points up, the image's down
        return (x_shift + (point[0] - left) * unit, y_shift + (top - point[1]) * unit)

    def disc(centre: Point, radius: float) -> None:
        x, y = at(centre)
        draw.ellipse((x - radius * unit, y - radius * unit, x + radius * unit, y + radius * unit), fill=WHITE)

    for start, end, width in limbs:
        draw.line([at(start), at(end)], fill=WHITE, width=round(width * unit))
        disc(start, width / 2)  # round ends and joints
        disc(end, width / 2)
    for centre, radius in discs:
        disc(centre, radius)
    if not maskable:
        # A transparent corner outside the rounded tile.
        mask = Image.new("L", (canvas, canvas), 0)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, canvas - 1, canvas - 1), radius=canvas // 5, fill=255)
        image.putalpha(mask)
    # Two colours and their blends need no more than 8 shades: a fraction of the
    # bytes, which count on every first visit (the favicon).
    return image.resize((size, size), Image.LANCZOS).quantize(colors=8, method=Image.Quantize.FASTOCTREE)


def manifest(config) -> dict:
    icons = [
        {"src": f"{ICONS}/{name}", "sizes": f"{size}x{size}", "type": "image/png",
         "purpose": "maskable" if maskable else "any"}
        for name, (size, maskable) in SIZES.items()
        if size >= 192
    ]
    return {
        "name": config.site_name,
        "short_name": config.site_name,
        "description": " ".join(config.site_description.split()),
        "lang": config.theme["language"],
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": WHITE,
        "theme_color": config.extra["theme_color"],
        "icons": icons,
    }


def write_web_app(config, figures: FigureLibrary) -> None:
    """Draw the icons and write the manifest into site/."""
    site = Path(config.site_dir)
    colour = config.extra["theme_color"]
    panel = first_panel(figures[ICON_FIGURE].figure)
    (site / ICONS).mkdir(parents=True, exist_ok=True)
    for name, (size, maskable) in SIZES.items():
        draw_icon(size, maskable, colour, panel).save(site / ICONS / name, optimize=True)
    (site / "manifest.webmanifest").write_text(json.dumps(manifest(config), indent=2) + "\n", encoding="utf-8")
