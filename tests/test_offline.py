"""Offline: after one visit the whole guide opens and searches with no connection.

The service worker (overrides/sw.js, file list and version written by
hinge/offline.py) must keep every page and everything a page loads, and a
new build must replace the old copy. A client adds the guide to the home screen
through the web app manifest and its icons (hinge/web_app.py).
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import time
from pathlib import Path

import pytest

from conftest import PAGE_LOADED, PHONE, ROOT, on_page
from tools.local_site import serve
from hinge.offline import SERVICE_WORKER, write_service_worker
from tools.page_weight import site_pages

CONTROLLED = "() => navigator.serviceWorker.controller !== null"


def worker_settings(site: Path) -> tuple[str, list[str]]:
    source = (site / SERVICE_WORKER).read_text(encoding="utf-8")
    version = re.search(r'^const VERSION = "([^"]*)";', source, re.MULTILINE).group(1)
    files = json.loads(re.search(r"^const FILES = (\[.*?\]);", source, re.MULTILINE | re.DOTALL).group(1))
    return version, files


def file_for(site: Path, url: str) -> Path:
    if url == "./":
        return site / "index.html"
    return site / url / "index.html" if url.endswith("/") else site / url


def rewrite_worker(site: Path) -> str:
    """What the build's last step does: sw.js from overrides/, with the file list and version. Returns it."""
    shutil.copy(ROOT / "overrides" / SERVICE_WORKER, site / SERVICE_WORKER)
    write_service_worker(site)
    return worker_settings(site)[0]


def change_glossary_title(site: Path, note: str) -> None:
    glossary = site / "glossary" / "index.html"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("</h1>", f" {note}</h1>", 1), encoding="utf-8")


def as_url(site: Path, path: Path) -> str:
    relative = path.relative_to(site).as_posix()
    if relative == "index.html":
        return "./"
    return relative.removesuffix("index.html") if relative.endswith("/index.html") else relative


def test_the_service_worker_keeps_every_page_and_what_it_loads(site: Path):
    version, files = worker_settings(site)
    assert re.fullmatch(r"[0-9a-f]{16}", version), f"sw.js has no build version: {version!r}"
    needed = {"search/search_index.json", "manifest.webmanifest"}
    needed |= {as_url(site, path) for path in site.glob("assets/javascripts/workers/search.*.js")}
    needed |= {as_url(site, path) for path in site.glob("assets/figures/*")}
    for page in site_pages(site):
        needed.add(as_url(site, page.path))
        for path in page.render_blocking_css + page.deferred_css + page.scripts + page.assets:
            needed.add(as_url(site, path))
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    needed |= {icon["src"] for icon in manifest["icons"]}
    missing = sorted(needed - set(files))
    assert not missing, f"sw.js does not keep these for offline use: {missing}"
    absent = [url for url in files if not file_for(site, url).is_file()]
    assert not absent, f"sw.js lists files the site does not have: {absent}"


def test_any_change_to_a_kept_file_gives_a_new_version(site: Path, tmp_path: Path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    before = rewrite_worker(copy)
    assert before == worker_settings(site)[0], "the version must depend on the files only"
    change_glossary_title(copy, "(new)")
    assert rewrite_worker(copy) != before, "changing a page must change the service worker's version"


def test_the_guide_can_be_added_to_the_home_screen(site: Path, pages):
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] and manifest["start_url"] == "./" and manifest["scope"] == "./"
    assert manifest["display"] == "standalone"
    sizes = {}
    for icon in manifest["icons"]:
        header = (site / icon["src"]).read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{icon['src']} is not a PNG"
        width, height = struct.unpack(">II", header[16:24])
        assert f"{width}x{height}" == icon["sizes"], f"{icon['src']} is {width}x{height}, not {icon['sizes']}"
        sizes[icon.get("purpose", "any")] = max(sizes.get(icon.get("purpose", "any"), 0), width)
    assert sizes.get("any", 0) >= 512 and sizes.get("maskable", 0) >= 512, f"icons missing: {sizes}"
    for url, page in pages.items():
        if page.soup.find("article") is not None:
            assert page.soup.select_one('link[rel="manifest"]'), f"/{url} does not link the manifest"


@pytest.mark.browser
def test_after_one_visit_the_guide_opens_and_searches_offline(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url)
        page.wait_for_function(CONTROLLED)
        context.set_offline(True)

        # A step page, through a link in the navigation drawer.
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator("label.md-nav__link", has_text="The hip hinge").click()
        page.locator('.md-nav a[href$="hinge/set-it-up/"]').click()
        page.wait_for_url(on_page("/hinge/set-it-up/"))
        assert "Step 1" in page.locator("h1").inner_text()

        # A search, and its first result.
        page.locator("label.md-header__button[for=__search]").click()
        page.locator("input.md-search__input").press_sequentially("hips", delay=30)
        page.locator(".md-search-result__link").first.click()
        page.wait_for_url("**/?h=hips*")
        assert page.locator("h1").inner_text()

        # A page never opened before, loaded from scratch, styled.
        page.goto(site_url + "glossary/")
        assert "Glossary" in page.locator("h1").inner_text()
        page.wait_for_function(PAGE_LOADED)
    finally:
        context.close()


@pytest.mark.browser
def test_a_new_build_replaces_the_old_offline_copy(browser, site: Path, tmp_path: Path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    with serve(copy, sub_path="/") as base:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        try:
            page.goto(base)
            page.wait_for_function(CONTROLLED)
            old = "hinge-guide-" + worker_settings(copy)[0]
            assert page.evaluate("caches.keys()") == [old]

            # The next build changes a page: its sw.js gets a new version.
            change_glossary_title(copy, "(updated)")
            new = "hinge-guide-" + rewrite_worker(copy)

            page.reload()
            # The browser looks for a new sw.js after a navigation, a little later; ask now.
            page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
            deadline = time.monotonic() + 15
            while (kept := page.evaluate("caches.keys()")) != [new] and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            assert kept == [new], f"after the update the caches are {kept}, not only {new}"
            context.set_offline(True)
            page.goto(base + "glossary/")
            assert "(updated)" in page.locator("h1").inner_text()
        finally:
            context.close()
