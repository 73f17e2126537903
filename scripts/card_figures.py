"""MkDocs hook: put an exercise page's figure on its link preview card.

A coach's link previews better with the position it teaches. A page shows
its figure through a `<!-- figure: name -->` placeholder, and the build
publishes the figure as assets/figures/<name>.svg. The social plugin draws
a card's image layer from a file on disk, cropping it to fill the layer, so
this hook writes the page's first figure into the plugin's cache, resized
to the layer's shape with the drawing letterboxed inside (nothing cropped),
named by its content so an edited figure redraws the card, and hands that
path to the card layout (social-cards/layouts/hinge.yml) as `figure`.
A page without a figure, or a figure not built, keeps the plain card.
Runs as each page's Markdown is read, before the placeholders are replaced.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PLACEHOLDER = re.compile(r"<!--\s*figure:\s*([a-z0-9-]+)\s*-->")
FIGURES = "assets/figures"
# The figure layer's size in social-cards/layouts/hinge.yml.
LAYER_WIDTH, LAYER_HEIGHT = 440, 430
SVG = "http://www.w3.org/2000/svg"


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    social = config.plugins.get("material/social")
    match = PLACEHOLDER.search(page.file.content_string)
    if social is None or not social.config.enabled or match is None:
        return markdown
    figure = files.get_file_from_path(f"{FIGURES}/{match[1]}.svg")
    if figure is None:
        return markdown
    drawing = letterboxed(figure.content_bytes, figure.src_uri)
    name = f"{match[1]}-{hashlib.sha256(drawing).hexdigest()[:12]}.svg"
    path = Path(config.config_file_path).parent / social.config.cache_dir / "figures" / name
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(drawing)
    card = page.meta.setdefault("social", {}).setdefault("cards_layout_options", {})
    card["figure"] = str(path)
    return markdown


def letterboxed(svg: bytes, where: str) -> bytes:
    """The same drawing on a canvas of the layer's shape, centred and whole:
    the viewBox keeps the drawing's own coordinates, and SVG's default
    preserveAspectRatio (xMidYMid meet) fits it inside the new size."""
    ElementTree.register_namespace("", SVG)
    root = ElementTree.fromstring(svg)
    if "viewBox" not in root.attrib:
        raise PluginError(f"{where} has no viewBox, so its preview card cannot scale it: add one")
    root.set("width", str(LAYER_WIDTH))
    root.set("height", str(LAYER_HEIGHT))
    root.attrib.pop("preserveAspectRatio", None)
    return ElementTree.tostring(root, encoding="utf-8")
