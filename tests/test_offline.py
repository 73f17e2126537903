"""Offline: after one visit the whole guide opens and searches with no connection.

The service worker (overrides/sw.js, file list and version written by
hinge/offline.py) must keep every page and everything a page loads; a file
that fails to copy costs only that file, and a copy cut short is deleted; a
page asked for without its slash opens, and a missing one is a 404; a deploy
reaches a returning reader by their next page view, and the reader is told
once when the guide works offline or has been updated. A client adds the guide
to the home screen through the web app manifest and its icons (hinge/web_app.py).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import struct
from pathlib import Path

import pytest

from conftest import PAGE_LOADED, PHONE, ROOT, on_page
from tools.local_site import serve
from hinge.offline import SERVICE_WORKER, write_service_worker
from tools.page_weight import site_pages

CONTROLLED = "() => navigator.serviceWorker.controller !== null"


def worker_settings(site: Path) -> tuple[str, dict[str, str]]:
    """The version and the files (URL: content hash) the build wrote into sw.js."""
    source = (site / SERVICE_WORKER).read_text(encoding="utf-8")
    version = re.search(r'^const VERSION = "([^"]*)";', source, re.MULTILINE).group(1)
    files = json.loads(re.search(r"^const FILES = (\{.*?\});", source, re.MULTILINE | re.DOTALL).group(1))
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


def test_a_worker_without_its_placeholder_line_fails_naming_the_file(site: Path, tmp_path: Path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / SERVICE_WORKER).write_text("const VERSION = 1;\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"overrides/sw\.js must contain the line 'const VERSION = \"unbuilt\";'"):
        write_service_worker(copy)


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


@pytest.fixture
def site_copy(site: Path, tmp_path: Path) -> Path:
    """A copy of the built site that a test may change, as a deploy would."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    return copy


@pytest.fixture
def reader(browser):
    """A phone that has never opened the guide."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context
    context.close()


def status_line(page, says: str, timeout: float = 20_000) -> str:
    page.wait_for_function("words => document.querySelector('[data-hg-status]')?.textContent.includes(words)",
                           arg=says, timeout=timeout)
    return page.locator("[data-hg-status]").inner_text()


def test_sw_js_lists_each_file_with_the_hash_of_its_contents_pages_first(site: Path):
    _, files = worker_settings(site)
    urls = list(files)
    pages = [url for url in urls if url.endswith("/") or url.endswith(".html")]
    assert urls[:len(pages)] == pages, "pages come first: an interrupted copy should at least hold the pages"
    wrong = [url for url, file_hash in files.items()
             if hashlib.sha256(file_for(site, url).read_bytes()).hexdigest()[:12] != file_hash]
    assert not wrong, f"sw.js has the wrong hash for: {wrong}"


@pytest.mark.browser
def test_the_reader_is_told_once_when_the_guide_works_offline(reader, site_url):
    page = reader.new_page()
    page.goto(site_url)
    page.wait_for_function(CONTROLLED)
    assert "works offline" in status_line(page, "works offline")


@pytest.mark.browser
def test_a_file_that_fails_to_copy_costs_only_that_file(reader, site_copy: Path):
    glossary = site_copy / "glossary" / "index.html"
    saved = glossary.read_bytes()
    shutil.rmtree(glossary.parent)  # the server answers 404 for it while the guide is copied
    with serve(site_copy, sub_path="/") as base:
        page = reader.new_page()
        page.goto(base)
        page.wait_for_function(CONTROLLED, timeout=30_000)
        version = worker_settings(site_copy)[0]
        assert page.evaluate("caches.keys()") == ["hinge-guide-" + version], "the offline copy was dropped"
        assert page.evaluate("async () => !(await caches.match('glossary/'))"), "the failed page is not kept"

        reader.set_offline(True)
        page.goto(base + "hinge/set-it-up/")
        page.wait_for_function(PAGE_LOADED)
        assert "Step 1" in page.locator("h1").inner_text(), "the other pages must still open offline"

        # Back online, the missing page is kept the first time it is read.
        reader.set_offline(False)
        glossary.parent.mkdir()
        glossary.write_bytes(saved)
        page.goto(base + "glossary/")
        page.wait_for_function(PAGE_LOADED)
        page.wait_for_function("async () => !!(await caches.match('glossary/'))")
        reader.set_offline(True)
        page.goto(base + "glossary/")
        assert "Glossary" in page.locator("h1").inner_text()


@pytest.mark.browser
def test_a_half_built_copy_is_deleted(reader, site_copy: Path):
    with serve(site_copy, sub_path="/") as base:
        page = reader.new_page()
        reader.route("**/sw.js", lambda route: route.abort())  # no worker yet
        page.goto(base)
        # What a copy cut short looks like: a cache with some files and no "complete" record.
        page.evaluate("""async () => (await caches.open('hinge-guide-0123456789abcdef'))
                         .put('hinge/set-it-up/', new Response('half'))""")
        reader.unroute("**/sw.js")
        page.reload()
        page.wait_for_function(CONTROLLED, timeout=30_000)
        assert page.evaluate("caches.keys()") == ["hinge-guide-" + worker_settings(site_copy)[0]]


@pytest.mark.browser
def test_offline_a_page_opens_without_its_trailing_slash_and_a_missing_one_is_a_404(reader, site_url, pages):
    page = reader.new_page()
    page.goto(site_url)
    page.wait_for_function(CONTROLLED)
    reader.set_offline(True)

    page.goto(site_url + "hinge/set-it-up")
    page.wait_for_function(PAGE_LOADED)
    assert page.url.endswith("/hinge/set-it-up/"), "relative links need the slash: redirect, as GitHub Pages does"
    assert "Step 1" in page.locator("h1").inner_text()

    response = page.goto(site_url + "no-such-page/")
    assert response.status == 404, f"a missing page answers {response.status} offline"
    assert page.locator("h1").inner_text() == pages["404.html"].soup.h1.get_text(strip=True)


@pytest.mark.browser
def test_a_deploy_reaches_a_returning_reader_by_their_next_page_view(reader, site_copy: Path):
    with serve(site_copy, sub_path="/") as base:
        page = reader.new_page()
        page.goto(base + "glossary/")
        page.wait_for_function(CONTROLLED)
        old = "hinge-guide-" + worker_settings(site_copy)[0]
        status_line(page, "works offline")
        assert page.evaluate("caches.keys()") == [old]

        # A deploy changes the glossary: its sw.js gets a new version.
        change_glossary_title(site_copy, "(updated)")
        new = "hinge-guide-" + rewrite_worker(site_copy)

        # The next visit opens at once from the phone's copy, then hears of the update.
        page.goto(base + "glossary/")
        assert "(updated)" not in page.locator("h1").inner_text(), "the first view should come from the copy"
        status_line(page, "has been updated")
        assert page.locator("[data-hg-status] a", has_text="Reload").get_attribute("href")
        # The new worker took over; it deletes the old copy just after.
        page.wait_for_function("async name => (await caches.keys()).join() === name", arg=new, timeout=5_000)

        # The view after that is the new build, and it stays on the phone.
        page.goto(base + "glossary/")
        assert "(updated)" in page.locator("h1").inner_text()
        reader.set_offline(True)
        page.goto(base + "glossary/")
        assert "(updated)" in page.locator("h1").inner_text()
