"""What each built page costs a phone to load, in gzip-compressed bytes.

The page-weight budget (tests/test_budget.py) and the benchmark
(tools/benchmark.py) both measure with this module, so they agree. It reads
site/ after a build and follows each page's markup the way a browser would:

- render-blocking CSS: stylesheets linked in <head> for every medium, and the
  <style> blocks in <head> (already inside the HTML's bytes, so counted once);
- deferred CSS: stylesheets linked in <body> or for print only; the full
  stylesheet waits in <template id="hg-after-paint"> until the first paint is on
  screen (hinge/optimize_css.mjs), with a <noscript> copy of its link;
- scripts: every <script src>, also those in that template, plus Material's
  search worker and index, which are counted apart ("search") because the
  budget is "before search";
- page assets: images, figures and icons the page itself links.

A first visit loads the HTML (with its inline CSS), the render-blocking CSS, the
scripts and the page's assets. A further page, reached by instant navigation
from another page, loads its HTML plus the files no other page loads.
"""

from __future__ import annotations

import gzip
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from mkdocs.config import load_config

PROJECT = Path(__file__).resolve().parent.parent
SITE = PROJECT / "site"
# Most servers compress at zlib's default level; level 9 would flatter us slightly.
GZIP_LEVEL = 6
KIB = 1024

# Budgets from issue 6, in gzip-compressed bytes.
RENDER_BLOCKING_CSS_BUDGET = 10 * KIB
FIRST_VISIT_BUDGET = 50 * KIB
FURTHER_PAGE_BUDGET = 14 * KIB
# Issue 13: the search index, loaded once for search (words added for search must not bloat it).
SEARCH_INDEX_BUDGET = 30 * KIB



def _base_url() -> str:
    """site_url's path below a stand-in host: the 404 page links its assets from that path."""
    site_url = load_config(str(PROJECT / "mkdocs.yml")).site_url or "/"
    return "http://site.invalid" + (urlsplit(site_url).path or "/")


_BASE = _base_url()


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL))


@dataclass
class SitePage:
    """One built HTML page and the site files it makes the browser load."""

    path: Path
    site: Path = SITE
    url: str = field(init=False)

    def __post_init__(self):
        self.url = self.path.relative_to(self.site).as_posix().removesuffix("index.html")

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.path.read_text(encoding="utf-8"), "html.parser")

    def _file(self, href: str | None) -> Path | None:
        """The site file a link on this page loads, or None (another host, or missing)."""
        if not href or href.startswith("data:"):
            return None
        absolute = urljoin(_BASE + self.url, href)
        if not absolute.startswith(_BASE):
            return None
        target = self.site / unquote(urlsplit(absolute).path[len(urlsplit(_BASE).path):])
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _files(self, elements, attribute: str) -> list[Path]:
        found = (self._file(element.get(attribute)) for element in elements)
        return list(dict.fromkeys(path for path in found if path))

    def _elements(self, name: str, **attributes) -> list:
        # find_all, not select: CSS selectors skip a <template>'s content, as browsers
        # do, but the files waiting in it load on every visit all the same.
        return self.soup.find_all(name, attrs=attributes)

    def _stylesheet_links(self) -> list:
        return [link for link in self._elements("link", href=True) if "stylesheet" in link.get("rel", [])]

    @cached_property
    def render_blocking_css(self) -> list[Path]:
        head = self.soup.head
        links = [link for link in self._stylesheet_links()
                 if head in link.parents and link.get("media", "all") not in ("print", "not all")]
        return self._files(links, "href")

    @cached_property
    def deferred_css(self) -> list[Path]:
        return [path for path in self._files(self._stylesheet_links(), "href") if path not in self.render_blocking_css]

    @cached_property
    def scripts(self) -> list[Path]:
        return self._files(self._elements("script", src=True), "src")

    @cached_property
    def assets(self) -> list[Path]:
        """Images, figures and icons the page shows: <img>, <source>, <image>/<use> in SVG, the favicon."""
        found = self._files(self.soup.select("img[src]"), "src")
        found += self._files(self.soup.select("source[srcset]"), "srcset")
        found += self._files(self.soup.select('link[rel~="icon"]'), "href")
        for element in self.soup.select("image, use"):
            found += self._files([element], "href") + self._files([element], "xlink:href")
        return list(dict.fromkeys(found))

    @cached_property
    def html_bytes(self) -> int:
        return gzip_size(self.path)

    @cached_property
    def inline_css_bytes(self) -> int:
        """The <style> blocks in <head>: CSS the first paint waits for, sent inside the HTML."""
        css = "".join(style.get_text() for style in self.soup.head.find_all("style")) if self.soup.head else ""
        return len(gzip.compress(css.encode("utf-8"), compresslevel=GZIP_LEVEL)) if css else 0


def site_pages(site: Path = SITE) -> list[SitePage]:
    return [SitePage(path, site) for path in sorted(site.rglob("*.html"))]


def search_files(site: Path = SITE) -> list[Path]:
    """Material's search worker and index: loaded for search, so outside the 'before search' budget."""
    return sorted(site.glob("assets/javascripts/workers/search.*.js")) + [site / "search" / "search_index.json"]


def budget_report(pages: list[SitePage]) -> dict[str, dict]:
    """Per page: each resource's gzip size and the first-visit / further-page totals."""
    search = set(search_files(pages[0].site)) if pages else set()
    # A file some other page also loads is in the cache when this page comes by instant navigation.
    users = Counter(path for page in pages
                    for path in set(page.render_blocking_css + page.deferred_css + page.scripts + page.assets))
    report = {}
    for page in pages:
        sizes = {path: gzip_size(path) for path in
                 page.render_blocking_css + page.deferred_css + page.scripts + page.assets}
        first_visit = {"HTML": page.html_bytes}
        first_visit.update({path: sizes[path] for path in page.render_blocking_css + page.scripts + page.assets
                            if path not in search})
        own_files = [path for path in sizes if users[path] == 1]
        further = {"HTML": page.html_bytes, **{path: sizes[path] for path in own_files}}
        report[page.url] = {
            "render_blocking_css": page.inline_css_bytes + sum(sizes[path] for path in page.render_blocking_css),
            "deferred_css": sum(sizes[path] for path in page.deferred_css),
            "first_visit": sum(first_visit.values()),
            "first_visit_parts": first_visit,
            "further_page": sum(further.values()),
            "further_page_parts": further,
        }
    return report
