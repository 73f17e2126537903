"""The first paint is the page: right colours, no sideways scroll, nothing jumps.

On one bar of signal a reader may look at the first paint for seconds: the
page's HTML with its critical CSS, before the full stylesheet and Material's
scripts arrive (they wait in <template id="hg-after-paint">). These tests hold
those files back, look at the page, then let them in and look again.
"""

from __future__ import annotations

import pytest

from conftest import PHONE, open_page

pytestmark = pytest.mark.browser

NARROWEST_PHONE = {"width": 320, "height": 640}
# Everything that waits for the first paint: script files and the full stylesheet.
HELD_BACK = ("**/*.js", "**/assets/stylesheets/site.*.css")
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


def first_paint_context(browser, viewport, color_scheme="light"):
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme, is_mobile=True, has_touch=True)
    for pattern in HELD_BACK:
        context.route(pattern, lambda route: route.abort())
    return context


def first_paint_problems(context, site_url, urls, problem) -> list[str]:
    """Each page at first paint, as `problem(page)` finds it: a line per page that has one."""
    page = context.new_page()
    found = []
    for url in urls:
        page.goto(site_url + url)
        if (what := problem(page)):
            found.append(f"/{url}: {what}")
    context.close()
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_first_paint_is_in_the_phones_colour_scheme(browser, site_url, scheme):
    # Material picks the scheme in its bundle, which this site starts after the
    # first paint: without overrides/partials/javascripts/palette.html a dark-mode
    # phone showed a white page until then.
    loaded = browser.new_context(viewport=PHONE, color_scheme=scheme)
    expected = open_page(loaded.new_page(), site_url + "hinge/set-it-up/").evaluate(
        "getComputedStyle(document.body).backgroundColor")
    loaded.close()
    context = first_paint_context(browser, PHONE, scheme)
    page = context.new_page()
    page.goto(site_url + "hinge/set-it-up/")
    painted = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert painted == expected, f"{scheme} mode: the first paint's background is {painted}, the page's is {expected}"


def test_no_page_scrolls_sideways_at_320px_at_first_paint(browser, site_url, content_pages):
    problems = first_paint_problems(first_paint_context(browser, NARROWEST_PHONE), site_url, content_pages,
                                    lambda page: (overflow := page.evaluate(OVERFLOW)) > 0 and f"{overflow}px")
    assert not problems, "at 320px the first paint scrolls sideways:\n" + "\n".join(problems)


def test_no_page_scrolls_sideways_at_320px_once_loaded_and_scrolled(browser, site_url, content_pages):
    # Scrolled to the foot too: Material swaps the header's title for the page's as you scroll.
    context = browser.new_context(viewport=NARROWEST_PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    problems = []
    for url in content_pages:
        open_page(page, site_url + url)
        for where in ("top", "foot"):
            if where == "foot":
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                page.wait_for_timeout(300)  # the header title's transition
            if (overflow := page.evaluate(OVERFLOW)) > 0:
                problems.append(f"/{url} ({where}): {overflow}px")
    context.close()
    assert not problems, "at 320px a loaded page scrolls sideways:\n" + "\n".join(problems)


# Where the reader's eye is at first paint (the header, the title, the first lines
# and figure): each element's box and colours.
ON_SCREEN = """() => [...document.querySelectorAll(
    '.md-header, h1, .md-content p, .md-content figure, .md-content .admonition')]
  .map(element => [element, element.getBoundingClientRect(), getComputedStyle(element)])
  .filter(([, box]) => box.top < innerHeight && box.height > 0)
  .map(([element, box, style]) => `${element.tagName.toLowerCase()}.${element.className} `
       + [box.x, box.y, box.width, box.height].map(Math.round).join(',')
       + ` ${style.color} on ${style.backgroundColor}`)"""


def moved_by_the_full_stylesheet(page) -> str:
    before = page.evaluate(ON_SCREEN)
    # The same stylesheet under another URL, which the held-back pattern does not
    # match: the page's own copy may still be failing in flight.
    href = page.evaluate("document.getElementById('hg-after-paint').content.querySelector('link').href")
    page.evaluate("""href => new Promise((loaded, failed) => document.head.append(Object.assign(
        document.createElement('link'), {rel: 'stylesheet', href, onload: loaded, onerror: failed})))""",
                  href + "?full")
    after = page.evaluate(ON_SCREEN)
    moved = [f"{was} -> {now}" for was, now in zip(before, after) if was != now]
    if len(before) != len(after):
        moved.append(f"{len(before)} boxes, then {len(after)}")
    return "; ".join(moved[:3])


def test_the_full_stylesheet_moves_nothing_on_a_phones_first_screen(browser, site_url, content_pages):
    # The critical CSS leaves out what no first paint shows (hinge/optimize_css.mjs);
    # if it left out too much, the page would jump when the full stylesheet lands.
    problems = first_paint_problems(first_paint_context(browser, PHONE), site_url, content_pages,
                                    moved_by_the_full_stylesheet)
    assert not problems, "the full stylesheet moved what the first paint showed:\n" + "\n".join(problems)
