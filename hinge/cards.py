"""Link preview cards, drawn offline by Material's social plugin.

- Fonts: the plugin downloads its card font from Google Fonts unless the font
  already sits in its cache as <cache_dir>/fonts/<Family>/<Style>.ttf. A fresh
  clone has an empty cache and the build never touches the network, so the
  freely licensed font kept in social-cards/fonts/ is copied there first.
- The page's figure: a coach's link previews better with the position it
  teaches. The plugin draws an image layer from a file on disk, cropping it to
  fill the layer, so the page's first figure is written into the plugin's cache
  letterboxed to the layer's shape (nothing cropped), named by its content so an
  edited figure redraws the card, and handed to the card layout
  (social-cards/layouts/hinge.yml) as `figure`.
"""

from __future__ import annotations

import filecmp
import hashlib
import shutil
from pathlib import Path

from hinge.figures import DrawnFigure

PROJECT = Path(__file__).resolve().parent.parent
FONTS = PROJECT / "social-cards" / "fonts"
# The family name the card layouts ask for, and the file for each style.
FAMILY = "DejaVu Sans"
STYLES = {"Regular.ttf": "DejaVuSans.ttf", "Bold.ttf": "DejaVuSans-Bold.ttf"}
# The figure layer's size in social-cards/layouts/hinge.yml.
LAYER_WIDTH, LAYER_HEIGHT = 440, 430


def prepare_offline(cache_dir: Path) -> None:
    """Put the card fonts where the plugin looks before it tries to download them."""
    cached = cache_dir / "fonts" / FAMILY
    cached.mkdir(parents=True, exist_ok=True)
    for style, source in STYLES.items():
        target = cached / style
        if not target.is_file() or not filecmp.cmp(FONTS / source, target, shallow=False):
            shutil.copyfile(FONTS / source, target)


def card_figure(figure: DrawnFigure, cache_dir: Path) -> Path:
    """The figure letterboxed for the card's layer, as a file in the cache; returns its path."""
    drawing = figure.letterboxed(LAYER_WIDTH, LAYER_HEIGHT)
    path = cache_dir / "figures" / f"{figure.name}-{hashlib.sha256(drawing).hexdigest()[:12]}.svg"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(drawing)
    return path
