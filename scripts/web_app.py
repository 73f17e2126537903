"""MkDocs hook: let a client add the guide to the home screen and open it like an app.

A web app manifest and square icons are what a phone needs to offer "Add to
Home screen". The icons are drawn here with Pillow (no design files, nothing
fetched): a figure in a hip hinge holding a kettlebell, white on the guide's
teal, at every size the manifest, iOS and the browser tab ask for. The manifest
takes its name and description from mkdocs.yml. Runs after every build, before
scripts/offline.py lists the files for the service worker.
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageDraw

ICONS = "assets/images/icons"
# The header colour in overrides/assets/stylesheets/hinge.css (6.6:1 with white).
TEAL = "#00695c"
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
# The figure on a 100×100 grid: a hip hinge seen from the side, facing left,
# arms hanging straight down to a kettlebell in front of the shins.
HEAD = (27, 17)
SHOULDER = (39, 28)
HIP = (69, 50)
KNEE = (56, 69)
ANKLE = (60, 91)
HAND = (39, 57)
HANDLE = (39, 64)
BELL = (39, 78)


def draw_icon(size: int, maskable: bool) -> Image.Image:
    scale = 4  # draw large, then shrink: smooth edges without anti-aliasing support
    canvas = size * scale
    image = Image.new("RGB", (canvas, canvas), WHITE)
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, canvas, canvas), fill=TEAL)
    else:
        draw.rounded_rectangle((0, 0, canvas - 1, canvas - 1), radius=canvas // 5, fill=TEAL)
    # Non-maskable icons use the whole tile; maskable ones shrink into the safe zone.
    inset = 0.2 if maskable else 0.08
    unit = canvas * (1 - 2 * inset) / 100

    def at(point):
        return (canvas * inset + point[0] * unit, canvas * inset + point[1] * unit)

    def limb(*joints, width=9):
        points = [at(joint) for joint in joints]
        draw.line(points, fill=WHITE, width=round(width * unit), joint="curve")
        for x, y in points:  # round ends and elbows
            radius = width * unit / 2
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=WHITE)

    def disc(centre, radius, colour):
        x, y = at(centre)
        draw.ellipse((x - radius * unit, y - radius * unit, x + radius * unit, y + radius * unit), fill=colour)

    disc(HANDLE, 8, WHITE)
    disc(HANDLE, 4.5, TEAL)
    disc(BELL, 12, WHITE)
    limb(SHOULDER, HIP, width=10)
    limb(HIP, KNEE, ANKLE)
    limb(SHOULDER, HAND, width=6)
    disc(HEAD, 8.5, WHITE)
    if not maskable:
        # A transparent corner outside the rounded tile.
        mask = Image.new("L", (canvas, canvas), 0)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, canvas - 1, canvas - 1), radius=canvas // 5, fill=255)
        image.putalpha(mask)
    # Two colours and their blends need no more than 16 shades: a quarter of the bytes.
    return image.resize((size, size), Image.LANCZOS).quantize(colors=16, method=Image.Quantize.FASTOCTREE)


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
        "theme_color": TEAL,
        "icons": icons,
    }


def on_post_build(config):
    site = Path(config.site_dir)
    (site / ICONS).mkdir(parents=True, exist_ok=True)
    for name, (size, maskable) in SIZES.items():
        draw_icon(size, maskable).save(site / ICONS / name, optimize=True)
    (site / "manifest.webmanifest").write_text(json.dumps(manifest(config), indent=2) + "\n", encoding="utf-8")
