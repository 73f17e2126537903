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

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

PLACEHOLDER = "<!-- cue-finder:table -->"
_pages_in_nav_order = []


def on_nav(nav, config, files):
    _pages_in_nav_order[:] = nav.pages
    return nav


def on_page_markdown(markdown, page, config, files):
    if "<!-- cue-finder" not in markdown:
        return markdown
    if PLACEHOLDER not in markdown:
        raise PluginError(
            f"docs/{page.file.src_uri} has a cue finder placeholder with a typo: write it as {PLACEHOLDER}"
        )
    return markdown.replace(PLACEHOLDER, cue_table(page))


def cue_table(cue_page) -> str:
    here = posixpath.dirname(cue_page.file.src_uri)
    rows = ["| Cue | What it fixes | Where it is taught |", "| --- | --- | --- |"]
    row_ids = set()
    for page in _pages_in_nav_order:
        _, meta = get_data(page.file.content_string)
        target = posixpath.relpath(page.file.src_uri, here or ".")
        for cue in meta.get("cues", []):
            # A cue taught on several pages keeps its anchor on its first row;
            # later rows add the page's name, so every row id is unique.
            row_id = cue["anchor"]
            if row_id in row_ids:
                row_id += "-" + posixpath.splitext(posixpath.basename(page.file.src_uri))[0]
            row_ids.add(row_id)
            rows.append(
                f"| <span id=\"{row_id}\">“{cue['cue']}”</span> | {cue['fixes']} "
                f"| [{meta['title']}]({target}#{cue['anchor']}) |"
            )
    # Search indexes the rows one by one, so the table as a whole stays out of it.
    return "\n".join(['<div markdown data-search-exclude>', "", *rows, "", "</div>"])
