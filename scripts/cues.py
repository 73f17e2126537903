"""The cues the exercise pages declare in front matter, in the order of the menu.

The cue finder (scripts/cue_finder.py) and the printable cue sheet
(scripts/cue_sheet.py) both list every cue; reading them here keeps the two
in step. Front matter is read from each page's source, because the cue pages
are built before the pages they point at.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data


@dataclass(frozen=True)
class Cue:
    words: str  # the cue itself, e.g. "Pull the hips back"
    fixes: str  # the problem it fixes, one sentence
    anchor: str  # id of the cue block on its page
    page_title: str
    page_src: str  # source path below docs/, e.g. "hinge/pull-the-hips-back.md"
    section: str  # the menu section the page sits in, e.g. "The hip hinge"

    def link_from(self, page) -> str:
        """Markdown link target from another page's source to this cue's block."""
        here = posixpath.dirname(page.file.src_uri) or "."
        return f"{posixpath.relpath(self.page_src, here)}#{self.anchor}"


def pages_in_nav_order(any_page) -> list:
    """Every page in the menu, top to bottom, found from one page's previous/next links."""
    first = any_page
    while first.previous_page is not None:
        first = first.previous_page
    pages = []
    page = first
    while page is not None:
        pages.append(page)
        page = page.next_page
    return pages


def declared_cues(list_page) -> list[Cue]:
    """Every declared cue, in menu order, for the page that lists them."""
    found = []
    for page in pages_in_nav_order(list_page):
        _, meta = get_data(page.file.content_string)
        section = page.parent.title if page.parent else ""
        for cue in meta.get("cues", []):
            found.append(Cue(cue["cue"], cue["fixes"], cue["anchor"], meta["title"], page.file.src_uri, section))
    return found


def fill_placeholder(markdown: str, page, placeholder: str, render) -> str:
    """Swap the placeholder for render(page). A near miss (a typo) stops the
    build naming the file, rather than leaving a page with no table."""
    prefix = placeholder.split(":")[0]
    if prefix not in markdown:
        return markdown
    if placeholder not in markdown:
        raise PluginError(f"docs/{page.file.src_uri} has a placeholder with a typo: write it as {placeholder}")
    return markdown.replace(placeholder, render(page))
