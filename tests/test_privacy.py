"""Private: no page makes the browser load anything from another host.

Two layers. A scan of the built HTML, CSS, SVG and JavaScript for URLs the
browser would fetch; and a browser test that records every request (the
service worker's too) while each page loads, searches and navigates, and every
Content Security Policy violation.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from conftest import open_page

# Elements and attributes that make the browser fetch something.
LOADING_ATTRIBUTES = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
    "image": ["href", "xlink:href"],
    "use": ["href", "xlink:href"],
    "feimage": ["href", "xlink:href"],
}
# <link> relations that name another page rather than load anything.
NAMING_LINKS = {"canonical", "alternate", "prev", "next", "author", "license", "me", "bookmark", "help", "search"}
OFFSITE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)
SCRIPT_URL = re.compile(r"""https?://[^\s"'`)\\]+|(?<=["'`])//[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'`)\\]*""", re.IGNORECASE)

# lunr's word splitters and stemmers for other languages, copied by Material's search plugin.
LANGUAGE_PACKS = "assets/javascripts/lunr/"
# URLs written in Material's scripts that no browser fetches on this site, and why.
# A new entry needs a reason; the tests below check the conditions named here.
NEVER_FETCHED = {
    "http://www.w3.org/": "XML namespace names (SVG, XLink): identifiers, never fetched",
    "https://api.github.com/": "repository facts: fetched only when repo_url is set",
    "https://${e}/api/v4/projects/": "GitLab repository facts: fetched only when repo_url is set",
    "https://unpkg.com/mermaid@": "diagram library: fetched only for pages with Mermaid diagrams",
    "https://unpkg.com/resize-observer-polyfill": "polyfill for browsers without ResizeObserver: the CSP blocks it",
    "https://clipboardjs.com/": "licence comment",
    "http://lunrjs.com": "licence comment in the search worker",
    "http://tartarus.org/~martin/PorterStemmer": "source comment in the search worker",
    "https://bit.ly/2s3ChXG": "link in a search worker error message",
}


def offsite_urls_in_css(css: str) -> list[str]:
    found = []
    for match in CSS_URL.finditer(css):
        url = match.group(2) or match.group(4) or ""
        if OFFSITE.match(url):
            found.append(url)
    return found


def offsite_urls_in_page(page) -> list[str]:
    soup = page.soup
    found = []
    for element in soup.find_all(True):
        name = element.name.lower()
        attributes = LOADING_ATTRIBUTES.get(name, [])
        if name == "link" and not NAMING_LINKS & set(element.get("rel", [])):
            attributes = ["href", "imagesrcset"]
        for attribute in attributes:
            for candidate in (element.get(attribute) or "").split(","):
                url = candidate.strip().split(" ")[0]
                if OFFSITE.match(url):
                    found.append(f"<{name} {attribute}={url}>")
        if element.get("style"):
            found += [f"style attribute: {url}" for url in offsite_urls_in_css(element["style"])]
    for style in soup.find_all("style"):
        found += [f"<style>: {url}" for url in offsite_urls_in_css(style.get_text())]
    return found


# Ways a page can send the reader, or data about them, to another host with no
# link clicked: a form, a link's ping, a refresh, a base for every relative URL.
SENDING_ATTRIBUTES = {"form": ["action"], "button": ["formaction"], "input": ["formaction"],
                      "a": ["ping"], "area": ["ping"], "base": ["href"]}


def offsite_sends_in_page(soup) -> list[str]:
    found = []
    for name, attributes in SENDING_ATTRIBUTES.items():
        for element in soup.find_all(name):
            for attribute in attributes:
                value = element.get(attribute) or ""
                targets = value.split() if attribute == "ping" else [value]
                found += [f"<{name} {attribute}={url}>" for url in targets if OFFSITE.match(url)]
    for refresh in soup.find_all("meta", attrs={"http-equiv": re.compile("^refresh$", re.IGNORECASE)}):
        url = re.sub(r"^[\d.\s]*[;,]?\s*(?:url\s*=\s*)?", "", refresh.get("content", ""), flags=re.IGNORECASE).strip("'\" ")
        if OFFSITE.match(url):
            found.append(f"<meta http-equiv=refresh> to {url}")
    return found


def test_the_check_for_sending_off_site_catches_each_way(tmp_path):
    from bs4 import BeautifulSoup

    sneaky = BeautifulSoup("""
      <form action="https://collect.example/form"></form><button formaction="//collect.example/b"></button>
      <a href="/ok" ping="/count https://collect.example/ping">x</a><base href="https://collect.example/">
      <meta http-equiv="Refresh" content="0; URL='https://collect.example/away'">""", "html.parser")
    assert len(offsite_sends_in_page(sneaky)) == 5


def test_no_page_sends_the_reader_or_their_data_off_site(pages):
    problems = {f"/{url}": found for url, page in pages.items() if (found := offsite_sends_in_page(page.soup))}
    assert not problems, f"pages send readers or data to another host: {problems}"


def test_no_page_loads_from_another_host(pages):
    problems = {f"/{url}": found for url, page in pages.items() if (found := offsite_urls_in_page(page))}
    assert not problems, f"pages load files from another host; serve them from the site: {problems}"


def test_no_stylesheet_or_figure_loads_from_another_host(site: Path):
    problems = {}
    for path in sorted(site.rglob("*.css")) + sorted(site.rglob("*.svg")):
        found = offsite_urls_in_css(path.read_text(encoding="utf-8"))
        if path.suffix == ".svg":
            found += re.findall(r"""(?:xlink:)?href\s*=\s*["']((?:[a-z]+:)?//[^"']+)""", path.read_text(encoding="utf-8"))
        if found:
            problems[path.relative_to(site).as_posix()] = found
    assert not problems, f"files load from another host: {problems}"


def test_scripts_name_no_other_host_they_would_fetch(site: Path):
    unexplained = {}
    for path in sorted(site.rglob("*.js")):
        if path.relative_to(site).as_posix().startswith(LANGUAGE_PACKS):
            continue  # this site searches English only and never loads them (checked below)
        urls = {url for url in SCRIPT_URL.findall(path.read_text(encoding="utf-8"))
                if not any(url.startswith(known) for known in NEVER_FETCHED)}
        if urls:
            unexplained[path.relative_to(site).as_posix()] = sorted(urls)
    assert not unexplained, (
        "scripts name other hosts; make sure the browser never fetches them, then add each to "
        f"NEVER_FETCHED with the reason: {unexplained}"
    )


def test_language_packs_left_out_are_never_loaded(search_index: dict):
    # The scan above skips lunr's language packs; the search worker loads them only for other languages.
    assert search_index["config"]["lang"] == ["en"], "search now loads lunr language packs: scan them for other hosts"


def test_no_page_shows_a_repository(pages):
    # Material fetches repository facts from api.github.com for its source component.
    showing = [f"/{url}" for url, page in pages.items() if page.soup.select('[data-md-component="source"]')]
    assert not showing, f"these pages would ask api.github.com for repository facts: {showing}"


def test_no_page_draws_a_mermaid_diagram(pages):
    # Material loads Mermaid from unpkg.com when a page has a diagram.
    drawing = [f"/{url}" for url, page in pages.items() if page.soup.select(".mermaid, pre.mermaid")]
    assert not drawing, f"these pages would load Mermaid from unpkg.com: {drawing}"


def policy(page) -> dict[str, str]:
    """A page's Content Security Policy, directive -> sources."""
    meta = page.soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, f"/{page.url} has no Content-Security-Policy"
    return dict(part.strip().split(" ", 1) for part in meta["content"].split(";") if part.strip())


def test_only_the_builds_own_inline_scripts_may_run(content_pages, pages):
    # hinge/html_fixes.py names each inline script's hash in the policy instead of
    # allowing any inline script; an inline event handler would not run either.
    for url in [*content_pages, "404.html"]:
        soup = pages[url].soup
        allowed = policy(pages[url])["script-src"].split()
        assert "'unsafe-inline'" not in allowed, f"/{url}: any inline script may run"
        for script in soup.find_all("script", src=False, type=False):
            code = script.string or ""
            digest = "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"
            assert digest in allowed, f"/{url}: the policy blocks its own script {code[:60]!r}..."
        handlers = [f"<{element.name} {name}>" for element in soup.find_all(True)
                    for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"/{url}: inline event handlers: {handlers}"


@pytest.mark.browser
def test_a_script_slipped_into_a_page_does_not_run(browser, site_url):
    injected = ('<script>window.hgInjected = "script"</script>'
                '<img src="data:," onerror="window.hgInjected = \'handler\'" onload="window.hgInjected = \'handler\'">')

    def slip_in(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("</h1>", "</h1>" + injected, 1))

    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.route("**/hinge/set-it-up/", slip_in)
    page = context.new_page()
    try:
        open_page(page, site_url + "hinge/set-it-up/")  # the page's own scripts ran
        assert page.locator("img[src='data:,']").count() == 1, "the injection did not reach the page"
        assert page.evaluate("window.hgInjected") is None, "an injected inline script ran"
    finally:
        context.close()


def test_every_page_forbids_other_hosts(content_pages, pages):
    for url in [*content_pages, "404.html"]:
        directives = policy(pages[url])
        assert directives.get("default-src") == "'self'", f"/{url}: default-src must be 'self' only"
        hosts = [value for value in directives.values() if re.search(r"https?:|\*|//", value)]
        assert not hosts, f"/{url}: the policy allows other hosts: {hosts}"


# ---------------------------------------------------------------------------
# In the browser: every request while pages load, search and navigate.
# ---------------------------------------------------------------------------

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__violations.push(event.blockedURI + " (" + event.violatedDirective + ")");
});
"""


@pytest.mark.browser
def test_the_browser_asks_no_other_host(browser, site_url, content_pages):
    origin = re.match(r"https?://[^/]+", site_url).group(0)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    requests, violations = [], []
    context.on("request", lambda request: requests.append(request.url))
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    try:
        for url in [*content_pages, "404.html"]:
            page.goto(site_url + url)
            page.wait_for_load_state("networkidle")
            violations += [f"/{url}: {entry}" for entry in page.evaluate("window.__violations")]
        page.goto(site_url)
        page.locator("label.md-header__button[for=__search]").click()
        page.locator("input.md-search__input").press_sequentially("hips", delay=30)
        page.locator(".md-search-result__item").first.wait_for()
        page.locator(".md-search-result__link").first.click()
        page.wait_for_load_state("networkidle")
        violations += page.evaluate("window.__violations")
    finally:
        context.close()
    offsite = sorted({url for url in requests if not url.startswith((origin + "/", "data:"))})
    assert not offsite, f"the browser asked other hosts: {offsite}"
    assert not violations, f"the Content Security Policy blocked requests: {violations}"
    assert len(requests) > len(content_pages), "too few requests recorded: is the recorder attached?"
