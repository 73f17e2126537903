"""MkDocs hook: give every cue and glossary term its own search result.

Problem: Material's search splits a page only at its headings. A cue block sits
inside a section ("The cue", "Cues", "Set-up"), a glossary term inside a list of
ten, and the cue finder table is one long block that holds every cue's words
at once. So a typed cue ranked the whole cue finder, or a section that only
mentions the cue, above the block that teaches it; and no result could land on
one cue finder row or one term.

Fix: add one search entry for each spot a coach can link below a heading,
titled with its cue or term and landing on its anchor:
- a cue block: what the cue fixes (from front matter) and the block's words;
- a cue finder row: the row's words (what it fixes, where it is taught);
- a glossary term: its meaning.
The cue finder keeps its table out of its page entry (scripts/cue_finder.py),
so those words count once, row by row.

Runs: on_page_content reads each page's cue blocks, cue rows and terms from its
HTML; on_post_build appends the entries to search/search_index.json, which
Material's search plugin has just written (hooks run after plugins).
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

_entries: list[dict] = []


def on_pre_build(config):
    _entries.clear()


def on_page_content(html, page, config, files):
    soup = BeautifulSoup(html, "html.parser")
    fixes = {cue["anchor"]: cue["fixes"] for cue in page.meta.get("cues", [])}
    boost = (page.meta.get("search") or {}).get("boost")

    for block in soup.select("div.admonition.cue[id]"):
        title = block.select_one(".admonition-title")
        words = [fixes.get(block["id"], "")]
        words += [p.get_text(" ", strip=True) for p in block.find_all("p") if p is not title]
        _add(page.url, block["id"], title.get_text(" ", strip=True), words, boost)

    for row in soup.select("tr"):
        cells = row.find_all("td")
        anchor = cells[0].find(id=True) if cells else None
        if anchor:
            words = [cell.get_text(" ", strip=True) for cell in cells[1:]]
            _add(page.url, anchor["id"], cells[0].get_text(" ", strip=True), words, boost)

    for term in soup.select("dt[id]"):
        meaning = term.find_next_sibling("dd")
        words = [meaning.get_text(" ", strip=True)] if meaning else []
        _add(page.url, term["id"], term.get_text(" ", strip=True), words, boost)
    return html


def _add(url, anchor, title, words, boost):
    entry = {
        "location": f"{url}#{anchor}",
        "title": escape(title, quote=False),
        "text": "".join(f"<p>{escape(text, quote=False)}</p>" for text in words if text),
    }
    if boost is not None:
        entry["boost"] = boost
    _entries.append(entry)


def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        raise PluginError(f"{path} is missing: scripts/search_cues.py needs Material's search plugin in mkdocs.yml")
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] += _entries
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
