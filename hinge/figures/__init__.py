"""Exercise figures: one body model, drawn once per build, placed by one placeholder.

Problem: people learn a position by looking at it, and drawings made by hand
drift from the text and from each other. Reason: each figure is drawn from the
pose numbers in hinge/figures/poses.yml (body.py poses the body, svg.py draws
it), so nothing generated is committed and nothing drifts. A page asks for a
figure with a line of its own:

    <!-- figure: step-2-pull-the-hips-back -->

The figure goes into the page inline, so it takes the theme's colours; a copy
with fixed colours is published as assets/figures/<name>.svg for the offline
cache, and a letterboxed copy of that drawing goes on the page's preview card.
All three come from one `FigureLibrary`, which draws each figure once.
"""

from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from hinge.figures.body import POSES_FILE, Figure, PoseFileError, load_figures
from hinge.figures.svg import figure_svg

FIGURES_DIR = "assets/figures"
PLACEHOLDER = re.compile(r"^<!-- figure: ([a-z0-9-]+) -->$", re.MULTILINE)
ANYTHING_LIKE_A_PLACEHOLDER = re.compile(r"^.*<!--\s*fig.*$", re.IGNORECASE | re.MULTILINE)
SVG_NAMESPACE = "http://www.w3.org/2000/svg"

__all__ = ["FIGURES_DIR", "POSES_FILE", "FigureLibrary", "PlacementError", "PoseFileError", "placeholder"]


class PlacementError(ValueError):
    """A page asks for a figure in a way the build cannot honour; says what to fix."""


def placeholder(name: str) -> str:
    return f"<!-- figure: {name} -->"


@dataclass
class DrawnFigure:
    """One figure, drawn for a page (theme colours) and as a file (fixed colours)."""

    figure: Figure
    library: dict[str, Figure] = field(repr=False)

    @property
    def name(self) -> str:
        return self.figure.name

    @property
    def caption(self) -> str:
        return self.figure.caption

    @property
    def path(self) -> str:
        return f"{FIGURES_DIR}/{self.name}.svg"

    @cached_property
    def inline_svg(self) -> str:
        return figure_svg(self.figure, self.library)

    @cached_property
    def file_svg(self) -> str:
        return figure_svg(self.figure, self.library, standalone=True)

    def letterboxed(self, width: int, height: int) -> bytes:
        """The file's drawing on a canvas of another shape, centred and whole: the
        viewBox keeps the drawing's coordinates, and SVG's default
        preserveAspectRatio (xMidYMid meet) fits it inside the new size."""
        ElementTree.register_namespace("", SVG_NAMESPACE)
        root = ElementTree.fromstring(self.file_svg)
        root.set("width", str(width))
        root.set("height", str(height))
        root.attrib.pop("preserveAspectRatio", None)
        return ElementTree.tostring(root, encoding="utf-8")


class FigureLibrary:
    """Every figure in the pose file, drawn on demand and kept for the build."""

    def __init__(self, poses_file: Path = POSES_FILE):
        poses = load_figures(poses_file)  # an animation draws its key frames from the others
        self.figures = {name: DrawnFigure(figure, poses) for name, figure in poses.items()}

    def __getitem__(self, name: str) -> DrawnFigure:
        return self.figures[name]

    def __iter__(self):
        return iter(self.figures.values())

    def placed_in(self, markdown: str, where: str) -> list[DrawnFigure]:
        """The figures a page's Markdown places, in order; a typo, an unknown
        name or a figure placed twice raises PlacementError naming the page."""
        for line in ANYTHING_LIKE_A_PLACEHOLDER.findall(markdown):
            if not PLACEHOLDER.fullmatch(line):
                raise PlacementError(f"{where}: the figure line {line.strip()!r} has a typo; "
                                     "write it on a line of its own as <!-- figure: NAME -->")
        names = PLACEHOLDER.findall(markdown)
        for name in names:
            if name not in self.figures:
                close = difflib.get_close_matches(name, self.figures, n=1)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                raise PlacementError(f"{where}: unknown figure '{name}'; figures are named in "
                                     f"hinge/figures/{POSES_FILE.name}.{hint}")
            if names.count(name) > 1:
                raise PlacementError(f"{where}: figure '{name}' is placed twice; place it once")
        return [self.figures[name] for name in names]
