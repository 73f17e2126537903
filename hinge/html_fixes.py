"""Fixes to each rendered page's HTML that no Markdown extension or partial can make.

- Heading links: Python-Markdown's toc extension names the link beside each
  heading "¶", so a screen reader's list of links is a row of "¶, ¶, ¶". Each
  gets the label "Link to this section: <heading>" (the icon stays, hinge.css).
- Checkboxes: Material's base.html writes `autocomplete="off"` on the drawer and
  search checkboxes, outside any template block, and HTML does not allow it
  there (the Nu Html Checker reports it on every page).
- Cue copy-link buttons: a coach sends one cue, not a whole page, so each cue
  block's title gets a button (overrides/partials/hg-cue-link.html, behaviour in
  hinge.js) that copies the page's permanent URL with the cue's #anchor. The
  button goes in after search has indexed the page, so its words never turn
  up in search results.
- Script hashes: the Content Security Policy (overrides/partials/hg-site-meta.html)
  lets a page run only the inline scripts the build wrote into it, named by
  their SHA-256, instead of any inline script ('unsafe-inline'). A script that
  slips into a page some other way, or an inline event handler, does not run.
  The hashes are taken from the finished page, last of all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable, Iterable

from hinge.content import Cue

HEADER_LINK = re.compile(r'<a class="headerlink" href="#([^"]+)"')
CHECKBOX_WITH_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="[^"]*"')
# Scripts that run code: those with a src or a type (JSON data blocks) need no hash.
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
# Where overrides/partials/hg-site-meta.html asks for the hashes in its policy.
SCRIPT_HASHES = "'hg-inline-script-hashes'"
# A cue block's opening as pymdownx.blocks.admonition writes it, up to the end of its title.
CUE_TITLE = re.compile(r'<div class="admonition cue" id="(?P<anchor>[^"]+)">\s*<p class="admonition-title">.*?</p>',
                       re.DOTALL)


def headings(toc) -> dict[str, str]:
    """Each heading's id and its plain text, nested headings included."""
    found = {}
    for item in toc:
        found[item.id] = html.unescape(item.title)
        found.update(headings(item.children))
    return found


def label_heading_links(content: str, toc) -> str:
    titles = headings(toc)

    def labelled(match: re.Match) -> str:
        heading = titles.get(match.group(1))
        if heading is None:
            return match.group(0)
        return f'{match.group(0)} aria-label="{html.escape(f"Link to this section: {heading}", quote=True)}"'

    return HEADER_LINK.sub(labelled, content)


def drop_checkbox_autocomplete(output: str) -> str:
    return CHECKBOX_WITH_AUTOCOMPLETE.sub(r"\1", output)


def add_cue_buttons(output: str, cues: Iterable[Cue], page_url: str, button: Callable[[Cue, str], str]) -> str:
    """Put button(cue, permanent URL of the cue) at the end of each cue block's title.
    The content model has already matched every block to a declared cue."""
    by_anchor = {cue.anchor: cue for cue in cues}

    def add(match: re.Match) -> str:
        cue = by_anchor[match["anchor"]]
        return match[0] + button(cue, f"{page_url}#{cue.anchor}").strip()

    return CUE_TITLE.sub(add, output)


def hash_inline_scripts(page_html: str) -> str:
    """The page with its policy's placeholder replaced by the SHA-256 of each of its inline scripts."""
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"
                     for code in INLINE_SCRIPT.findall(page_html)})
    return page_html.replace(SCRIPT_HASHES, " ".join(hashes), 1)
