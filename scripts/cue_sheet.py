"""MkDocs hook: build the printable cue sheet from the cues each page declares.

Coaches hand clients a sheet of paper with every cue and the step or exercise
that teaches it. Like the cue finder, the sheet is made from front matter
(scripts/cues.py), so it can never miss a cue; unlike it, the cues are grouped
by menu section, one short table each, sized to print on one page.
Runs when the cue sheet page's Markdown is read.
"""

from __future__ import annotations

import posixpath
from itertools import groupby

from cues import declared_cues, fill_placeholder

PLACEHOLDER = "<!-- cue-sheet:tables -->"


def on_page_markdown(markdown, page, config, files):
    return fill_placeholder(markdown, page, PLACEHOLDER, cue_tables)


def cue_tables(sheet_page) -> str:
    blocks = []
    for section, cues in groupby(declared_cues(sheet_page), key=lambda cue: cue.section):
        cues = list(cues)
        # The section's folder (hinge, deadlift, bridge) is its stable #anchor.
        anchor = posixpath.dirname(cues[0].page_src)
        blocks.append(f"## {section} {{#{anchor}}}\n")
        blocks.append("| Cue | Taught in | What it fixes |\n| --- | --- | --- |")
        for cue in cues:
            blocks.append(f"| **“{cue.words}”** | [{cue.page_title}]({cue.link_from(sheet_page)}) | {cue.fixes} |")
        blocks.append("")
    return "\n".join(blocks)
