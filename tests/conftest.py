"""Shared fixtures: build the site once per test session and parse each page once.

Tests read the rendered HTML in site/, never MkDocs internals, so they keep
working if the site moves to another generator that reads mkdocs.yml.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tools.local_site import CHROMIUM, CHROMIUM_ARGS, serve
from tools.search_quality import rank
from hinge.content import parse_front_matter as read_front_matter

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SITE = ROOT / "site"
# Any URL works here: the tests resolve links relative to it, then map back to files.
BASE = "http://hinge.test/"


def build_site(project: Path, site: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the same strict build as `make build` on a project folder."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
    )


def required(tool, message: str):
    """A tool the tests need: skip locally when it is missing; in CI (CI=true) fail instead."""
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return tool


@dataclass
class Page:
    """One rendered page: where it lives, its URL path and its parsed HTML."""

    path: Path  # the .html file in site/
    url: str  # path below the site root, e.g. "hinge/pull-the-hips-back/"

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.path.read_text(encoding="utf-8"), "html.parser")

    @cached_property
    def ids(self) -> set[str]:
        return {element["id"] for element in self.soup.find_all(id=True)}

    def redirect(self) -> str | None:
        """Where this page sends the reader if it is a redirect page (mkdocs-redirects), else None."""
        refresh = self.soup.find("meta", attrs={"http-equiv": "refresh"})
        return refresh["content"].split("url=", 1)[1] if refresh else None

    def resolve(self, href: str) -> tuple[str, str] | None:
        """Map a link on this page to (site-relative path, fragment), or None when it leaves the site."""
        absolute = urljoin(BASE + self.url, href)
        if not absolute.startswith(BASE):
            return None
        parts = urlsplit(absolute)
        return unquote(parts.path[len(urlsplit(BASE).path):]), unquote(parts.fragment)


@dataclass
class SourcePage:
    """One Markdown page with its front matter, and where it renders."""

    path: Path
    meta: dict

    @property
    def url(self) -> str:
        relative = self.path.relative_to(DOCS).with_suffix("")
        if relative.name == "index":
            relative = relative.parent
        return "" if str(relative) == "." else f"{relative.as_posix()}/"


@pytest.fixture(scope="session")
def site() -> Path:
    result = build_site(ROOT, SITE)
    if result.returncode != 0:
        pytest.exit(f"The site does not build:\n{result.stdout}\n{result.stderr}", returncode=1)
    return SITE


@pytest.fixture(scope="session")
def pages(site: Path) -> dict[str, Page]:
    """Every rendered HTML page, keyed by its URL path ('' is the home page)."""
    found = {}
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        url = relative.removesuffix("index.html")
        found[url] = Page(html, url)
    return found


@pytest.fixture(scope="session")
def source_pages() -> list[SourcePage]:
    """Every Markdown page with its parsed front matter."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        found.append(SourcePage(path, read_front_matter(path.read_text(encoding="utf-8"))))
    return found


@pytest.fixture(scope="session")
def content_pages(pages: dict[str, Page], source_pages: list[SourcePage]) -> dict[str, Page]:
    """Rendered pages that come from a Markdown file (no 404 or redirect pages)."""
    return {source.url: pages[source.url] for source in source_pages}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs would for plain values: `!ENV [NAME, default]`
    from the environment; other MkDocs and Python tags are not needed here."""


def _from_environment(loader, node):
    *names, default = loader.construct_sequence(node)
    return next((os.environ[name] for name in names if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _from_environment)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@pytest.fixture(scope="session")
def mkdocs_config() -> dict:
    """mkdocs.yml's plain values, as MkDocs reads them from this environment."""
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


@pytest.fixture(scope="session")
def public_url(mkdocs_config) -> str:
    """The site's public address (site_url), which canonical and preview URLs start with."""
    return mkdocs_config["site_url"]


@pytest.fixture(scope="session")
def theme_color(mkdocs_config) -> str:
    """The header colour, set once in mkdocs.yml (extra.theme_color)."""
    return mkdocs_config["extra"]["theme_color"].lower()


def target_exists(site: Path, path: str) -> Path | None:
    """The file a site-relative URL path serves, if any."""
    candidate = site / path
    if path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


# ---------------------------------------------------------------------------
# Browser fixtures: Debian's Chromium driven by Playwright, at phone size.
# ---------------------------------------------------------------------------

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def site_url(site: Path):
    """Base URL of the built site served over HTTP on loopback, below /hinge-guide/."""
    with serve(site) as url:
        yield url


# A wait_for_function predicate: the page is fully set up. The full stylesheet and
# the scripts load after the first paint (hinge/optimize_css.mjs), which marks
# <html data-hg-loaded> once every script has run. An arrow function, since the
# site's Content Security Policy forbids eval of a bare expression.
PAGE_LOADED = ("() => document.documentElement.hasAttribute('data-hg-loaded')"
               " && [...document.querySelectorAll('link[rel=stylesheet]')].every(l => l.sheet)")


def on_page(path: str) -> re.Pattern:
    """A URL on this page, whatever its #anchor: Material's navigation.tracking
    rewrites the anchor to the section in view as soon as its scripts run."""
    return re.compile(re.escape(path) + r"(#.*)?$")


def open_page(page, url: str):
    """Go to url and wait until its stylesheet and scripts have loaded and run."""
    page.goto(url)
    page.wait_for_function(PAGE_LOADED)
    return page


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium. Skips locally without it; in CI a missing browser is a failure."""
    required(CHROMIUM if CHROMIUM.exists() else None,
             f"{CHROMIUM} not found: install Debian's 'chromium' package to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    """A fresh phone-sized browser context (light mode); close it after the test."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context
    context.close()


# ---------------------------------------------------------------------------
# Search fixtures: the site's own search worker, run under Node
# (tests/search_harness.mjs, called through tools/search_quality.rank).
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def node() -> str:
    """Node.js, which runs the site's search worker. Skips locally without it; required in CI."""
    return required(shutil.which("node"),
                    "node not found: install Node.js (Debian package 'nodejs') to run the search tests")


@pytest.fixture(scope="session")
def java() -> str:
    """Java, which runs the Nu Html Checker (vnu-jar). Skips locally without it; required in CI."""
    return required(shutil.which("java"), "java not found: the Nu Html Checker needs a Java runtime (.ci/run installs one)")


@pytest.fixture(scope="session")
def search(site: Path, node: str):
    """search(queries) -> {query: [page of each result group, best first]}, ranked as the site ranks.

    Pages are URL paths below the site root ("" is the home page).
    """

    return lambda queries: rank(queries, site)


@pytest.fixture(scope="session")
def search_index(site: Path) -> dict:
    """The built search index (search/search_index.json): Material's config and its results."""
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
