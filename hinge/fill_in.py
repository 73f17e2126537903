"""Scripts copied from overrides/ that the build finishes in site/.

Two scripts need facts only the finished build knows: the service worker (its
version and file list, hinge/offline.py) and the search worker (Material's
worker's hashed name, hinge/search_worker.py). Each carries placeholder lines
(`const VERSION = "unbuilt";`) that are swapped for the real ones here; a
placeholder that is missing fails the build, naming the file, rather than
shipping a worker that silently does the wrong thing.
"""

from __future__ import annotations

from pathlib import Path


def fill_in(script: Path, source: str, lines: dict[str, str]) -> None:
    """Replace each placeholder line of `script` (copied from `source`) with its filled-in line."""
    text = script.read_text(encoding="utf-8")
    for placeholder, filled in lines.items():
        if placeholder not in text:
            raise ValueError(f"{source} must contain the line {placeholder!r}: the build fills it in")
        text = text.replace(placeholder, filled)
    script.write_text(text, encoding="utf-8")
