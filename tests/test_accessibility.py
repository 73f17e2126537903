"""Accessible: every page works for everyone, on a phone, in light and dark mode.

- axe-core (shipped by axe-playwright-python) on every page at 390×844 in both
  colour schemes, and on the open search and navigation drawer: no violations.
  That covers colour contrast, links told apart by more than colour, tap targets
  of at least 24×24 px, names for every control, dialog and landmark.
- Structure, read from the HTML: one h1 per page, headings in order, link text
  that says where the link goes.
- The Nu Html Checker (vnu-jar, needs Java) finds no errors on any page.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, open_page

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Rules this file relies on; the test fails if axe stops running one of them.
REQUIRED_RULES = {
    "color-contrast", "link-in-text-block", "target-size", "aria-dialog-name", "landmark-unique",
    "link-name", "button-name", "label", "heading-order", "page-has-heading-one", "document-title",
}
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
VAGUE_LINK_TEXT = {"click here", "here", "read more", "more", "link", "this link", "this page", "page", "go", "see"}
SETTLED = "() => document.getAnimations().every(animation => animation.playState !== 'running')"


def axe_violations(axe, page, where: str, context=None) -> tuple[list[str], set[str]]:
    """Violations as readable lines, and the ids of every rule axe ran."""
    response = axe.run(page, context=context, options=AXE_OPTIONS).response
    lines = [
        f"{where} {violation['id']} ({violation['impact']}): "
        + "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
        + f" — {violation['nodes'][0].get('failureSummary', '').splitlines()[-1].strip()}"
        for violation in response["violations"]
    ]
    ran = {rule["id"] for kind in ("violations", "passes", "incomplete", "inapplicable") for rule in response[kind]}
    return lines, ran


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(browser, site_url, content_pages, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    expected = {"light": "default", "dark": "slate"}[scheme]
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, color_scheme=scheme)
    page = context.new_page()
    problems, rules_run = [], set()
    try:
        for url in [*content_pages, "404.html"]:
            open_page(page, site_url + url)
            shown = page.get_attribute("body", "data-md-color-scheme")
            assert shown == expected, f"/{url} shows the {shown} scheme in {scheme} mode"
            found, ran = axe_violations(axe, page, f"[{scheme}] /{url}")
            problems += found
            rules_run |= ran

        open_page(page, site_url)
        page.locator("label.md-header__button[for=__search]").click()
        page.locator("input.md-search__input").press_sequentially("hips", delay=30)
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_function(SETTLED)  # colours are checked after the dialog has faded in
        problems += axe_violations(axe, page, f"[{scheme}] search open", ".md-search")[0]

        page.keyboard.press("Escape")
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator(".md-sidebar--primary .md-nav__link").first.wait_for()
        page.wait_for_function(SETTLED)
        problems += axe_violations(axe, page, f"[{scheme}] navigation drawer", ".md-sidebar--primary")[0]
    finally:
        context.close()
    assert REQUIRED_RULES <= rules_run, f"axe no longer runs {sorted(REQUIRED_RULES - rules_run)}"
    assert not problems, "axe found accessibility problems:\n" + "\n".join(problems)


def test_every_page_has_exactly_one_h1(pages):
    wrong = {f"/{url}": len(page.soup.find_all("h1")) for url, page in pages.items()
             if page.soup.find("article") and len(page.soup.find_all("h1")) != 1}
    assert not wrong, f"pages need exactly one h1 (count shown): {wrong}"


def test_headings_go_down_one_level_at_a_time(content_pages):
    problems = []
    for url, page in content_pages.items():
        levels = [int(heading.name[1]) for heading in page.soup.select("article h1, article h2, article h3, "
                                                                       "article h4, article h5, article h6")]
        for previous, level in zip(levels, levels[1:]):
            if level > previous + 1:
                problems.append(f"/{url}: h{previous} is followed by h{level}")
    assert not problems, "headings skip a level:\n" + "\n".join(problems)


def test_link_text_says_where_it_goes(content_pages):
    problems = []
    for url, page in content_pages.items():
        for link in page.soup.select("article a[href]"):
            text = (link.get("aria-label") or link.get_text(" ", strip=True)).strip()
            if not text or text.lower().strip(".:!") in VAGUE_LINK_TEXT:
                problems.append(f"/{url}: {link.get('href')} has the text {text!r}")
    assert not problems, "link text must say where the link goes:\n" + "\n".join(problems)


def test_each_heading_link_is_named_after_its_heading(content_pages):
    # A screen reader says the link's name; "¶" would tell a listener nothing.
    problems = []
    for url, page in content_pages.items():
        links = page.soup.select("article .headerlink")
        if not links:
            problems.append(f"/{url}: no heading has a link to its section")
        for link in links:
            heading = "".join(link.parent.find_all(string=True, recursive=True)).replace(link.get_text(), "").strip()
            if link.get("aria-label") != f"Link to this section: {heading}":
                problems.append(f"/{url}: the link of {heading!r} is named {link.get('aria-label') or link.get_text()!r}")
    assert not problems, "heading links must be named after their heading:\n" + "\n".join(problems)


def test_html_is_valid(site: Path, java: str):
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run `make test`, which runs `npm ci`"
    pages = sorted(str(path) for path in site.rglob("*.html"))
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(message['url'].removeprefix('file:')).relative_to(site)}: {message['message']} "
              f"({message.get('extract', '').strip()[:80]!r})"
              for message in messages if message["type"] in ("error", "non-document-error")]
    assert not errors, "the Nu Html Checker reports errors:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stderr
