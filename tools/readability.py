"""Reading level of the rendered pages, by the Flesch–Kincaid grade.

We write for a reading age of 9 to 11. tests/test_readability.py holds every
page to it; run `.venv/bin/python -m tools.readability` after `make build`
to see each page's grade while you write. Syllables come from pyphen's
hyphenation dictionary, which ships with the package (textstat downloads
one at run time, which fails offline).
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

import pyphen
from bs4 import BeautifulSoup

_HYPHENATOR = pyphen.Pyphen(lang="en_US")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")

# Elements whose text ends a sentence even without a full stop: a heading,
# a list item or a table cell is read as one unit.
_BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "dt", "dd", "figcaption", "blockquote")
# Parts of the page that are not prose: permalinks, code, scripts, share controls.
_NOT_PROSE = ".headerlink, pre, code, script, style, svg, button, [data-readability='skip']"


def syllables(word: str) -> int:
    return len(_HYPHENATOR.positions(word.lower())) + 1


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if _WORD.search(part)]


def grade(units: list[str]) -> float:
    """Flesch–Kincaid grade of text given as blocks (each ends at least one sentence)."""
    all_sentences = [s for unit in units for s in sentences(unit)]
    words = [w for s in all_sentences for w in _WORD.findall(s)]
    if not words:
        return 0.0
    syllable_count = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(all_sentences) + 11.8 * syllable_count / len(words) - 15.59


def body_units(soup: BeautifulSoup) -> list[str]:
    """The page's article text, one string per innermost block element."""
    article = soup.select_one("article.md-content__inner")
    if article is None:
        return []
    article = BeautifulSoup(str(article), "html.parser")
    for element in article.select(_NOT_PROSE):
        element.decompose()
    units = []
    for block in article.find_all(_BLOCKS):
        if block.find(_BLOCKS):
            continue  # its inner blocks are counted on their own
        text = " ".join(block.get_text(" ").split())
        if text:
            units.append(text)
    return units


def main(site: Path) -> None:
    grades = {}
    for html in sorted(site.rglob("index.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        units = body_units(soup)
        if units:
            grades[str(html.parent.relative_to(site)) or "."] = grade(units)
    for page, value in sorted(grades.items(), key=lambda item: -item[1]):
        print(f"{value:5.1f}  {page}")
    print(f"median {statistics.median(grades.values()):.1f} (limits: each page 7, median 6)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "site")
