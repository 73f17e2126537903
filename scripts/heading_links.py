"""MkDocs hook: give the link beside each heading a name that says where it goes.

Python-Markdown's toc extension writes that link (the permalink coaches copy)
with the text "¶". A screen reader reads the symbol out, and its list of links
is a row of "¶, ¶, ¶". This hook labels each one "Link to this section: " and
the heading's own words. The icon on screen is unchanged (hinge.css).
"""

from __future__ import annotations

import html
import re

HEADER_LINK = re.compile(r'<a class="headerlink" href="#([^"]+)"')


def _headings(toc) -> dict[str, str]:
    """Each heading's id and its plain text, nested headings included."""
    found = {}
    for item in toc:
        found[item.id] = html.unescape(item.title)
        found.update(_headings(item.children))
    return found


def on_page_content(content, page, config, files):
    headings = _headings(page.toc)

    def labelled(match):
        heading = headings.get(match.group(1))
        if heading is None:
            return match.group(0)
        label = html.escape(f"Link to this section: {heading}", quote=True)
        return f'{match.group(0)} aria-label="{label}"'

    return HEADER_LINK.sub(labelled, content)
