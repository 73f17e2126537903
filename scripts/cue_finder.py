"""MkDocs hook: build the cue finder table from the cues each page declares.

Every exercise page lists its cues in front matter (cue, what it fixes, anchor).
The cue finder page holds the placeholder below; this hook swaps it for one
table row per cue, linking to the exact block where the cue is taught. So the
table can never miss a cue or point at a heading that moved: a stale anchor
fails the strict build. Runs when the cue finder page's Markdown is read.

Each row carries the cue's anchor as its id, so a coach can link one row, and
search shows each row as its own result (scripts/search_cues.py) instead of
the whole table as one block of text.
"""

from __future__ import annotations

import posixpath

from cues import declared_cues, fill_placeholder

PLACEHOLDER = "<!-- cue-finder:table -->"


def on_page_markdown(markdown, page, config, files):
    return fill_placeholder(markdown, page, PLACEHOLDER, cue_table)


def cue_table(cue_page) -> str:
    rows = ["| Cue | What it fixes | Where it is taught |", "| --- | --- | --- |"]
    row_ids = set()
    for cue in declared_cues(cue_page):
        # A cue taught on several pages keeps its anchor on its first row;
        # later rows add the page's name, so every row id is unique.
        row_id = cue.anchor
        if row_id in row_ids:
            row_id += "-" + posixpath.splitext(posixpath.basename(cue.page_src))[0]
        row_ids.add(row_id)
        rows.append(
            f"| <span id=\"{row_id}\">“{cue.words}”</span> | {cue.fixes} "
            f"| [{cue.page_title}]({cue.link_from(cue_page)}) |"
        )
    # Search indexes the rows one by one, so the table as a whole stays out of it.
    return "\n".join(['<div markdown data-search-exclude>', "", *rows, "", "</div>"])
