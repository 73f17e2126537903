"""What one build has read, shared by the four hooks.

MkDocs loads each hook file as a module of its own, so the hooks share what
they read through this ordinary module: the content model (stage 1), the
figures (stage 2), and whether this run is the edit loop (`mkdocs serve`) or
a production build. Stage 1 resets it at the start of every build.
"""

from __future__ import annotations

from dataclasses import dataclass

from hinge.content import Content
from hinge.figures import FigureLibrary


@dataclass
class BuildState:
    production: bool = True  # False under `mkdocs serve`: skip the slow production-only steps
    content: Content | None = None
    figures: FigureLibrary | None = None


STATE = BuildState()
