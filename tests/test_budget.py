"""Fast: every page stays inside the page-weight budget of issue 6.

Sizes are gzip-compressed bytes of the built files, measured by
tools/page_weight.py (which also feeds the benchmark). A page over budget
fails with its URL and the files that make up its total, biggest first, so the
file that grew is at the top of the message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.page_weight import (
    FIRST_VISIT_BUDGET,
    FURTHER_PAGE_BUDGET,
    KIB,
    RENDER_BLOCKING_CSS_BUDGET,
    SEARCH_INDEX_BUDGET,
    budget_report,
    gzip_size,
    search_files,
    site_pages,
)


@pytest.fixture(scope="session")
def budgets(site: Path) -> dict[str, dict]:
    return budget_report(site_pages(site))


def breakdown(parts: dict, site: Path) -> str:
    named = {(part if isinstance(part, str) else part.relative_to(site).as_posix()): size
             for part, size in parts.items()}
    return ", ".join(f"{name} {size / KIB:.1f} KiB" for name, size in sorted(named.items(), key=lambda item: -item[1]))


def over(budgets, key, limit, site, parts_key=None):
    return [
        f"/{url}: {numbers[key] / KIB:.1f} KiB > {limit / KIB:.0f} KiB"
        + (f" ({breakdown(numbers[parts_key], site)})" if parts_key else "")
        for url, numbers in budgets.items()
        if numbers[key] > limit
    ]


def test_the_budget_sees_each_pages_css_and_scripts(budgets, content_pages, site):
    # Guards the measurement itself: a page whose CSS or scripts went unseen would pass every budget.
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js"))
    for url in content_pages:
        numbers = budgets[url]
        assert bundle in numbers["first_visit_parts"], f"/{url}: Material's bundle is missing from the first visit"
        assert numbers["render_blocking_css"] > 0, f"/{url}: no CSS found for the first paint"
        assert numbers["deferred_css"] > 0, f"/{url}: the full stylesheet is not linked"


def test_render_blocking_css_fits_the_budget(budgets, site):
    problems = over(budgets, "render_blocking_css", RENDER_BLOCKING_CSS_BUDGET, site)
    assert not problems, "render-blocking CSS (inline <style> + <head> stylesheets) too big:\n" + "\n".join(problems)


def test_first_visit_fits_the_budget(budgets, site):
    problems = over(budgets, "first_visit", FIRST_VISIT_BUDGET, site, "first_visit_parts")
    assert not problems, "first visit (before search) too big:\n" + "\n".join(problems)


def test_each_further_page_fits_the_budget(budgets, site):
    problems = over(budgets, "further_page", FURTHER_PAGE_BUDGET, site, "further_page_parts")
    assert not problems, "further page (instant navigation, shared assets cached) too big:\n" + "\n".join(problems)


def test_the_search_index_fits_its_budget(site):
    size = gzip_size(site / "search" / "search_index.json")
    assert size <= SEARCH_INDEX_BUDGET, f"search/search_index.json is {size / KIB:.1f} KiB gzip > {SEARCH_INDEX_BUDGET / KIB:.0f} KiB"


def test_search_loads_apart_from_the_page(budgets, site):
    # The "before search" budget leaves out only Material's search worker and index.
    for numbers in budgets.values():
        counted = set(numbers["first_visit_parts"])
        assert not counted & set(search_files(site)), "search files counted in a first visit"


def test_the_first_paint_waits_for_no_script_or_full_stylesheet(pages):
    # On one bar of signal the page shows as soon as its HTML is in: script files
    # and the full stylesheet wait in <template id="hg-after-paint"> until the
    # first frame is on screen, and nothing else on the page fetches them earlier.
    problems = []
    for url, page in pages.items():
        waiting = page.soup.find("template", id="hg-after-paint")
        for element in page.soup.find_all(["script", "link"]):
            fetched_early = element.name == "script" and element.get("src") or (
                element.name == "link" and "stylesheet" in element.get("rel", [])
                and element.find_parent("noscript") is None)
            if fetched_early and (waiting is None or waiting not in element.parents):
                problems.append(f"/{url}: {element} loads before the first paint")
        if waiting is not None and page.soup.find("script", string=re.compile("hg-after-paint")) is None:
            problems.append(f"/{url}: nothing loads the files in <template id=hg-after-paint>")
    assert not problems, "\n".join(problems)
