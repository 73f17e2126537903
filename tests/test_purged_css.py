"""Fast, but complete: purging Material's CSS never drops a rule the live page uses.

hinge/optimize_css.mjs keeps only the CSS rules the built HTML can use, plus
a safelist for what Material's scripts add while the page runs. If a teammate's
feature or a Material update needs a class the safelist lacks, its rule is
purged and the page breaks quietly. This test loads the pages in Chromium, puts
them in the states Material's scripts create (scrolled, search results, drawer,
glossary tooltip), and checks that every rule of Material's full stylesheets
and of overrides/ that applies to the live page is still in the site's CSS.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from conftest import PHONE, ROOT, open_page

pytestmark = pytest.mark.browser

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
# Selectors of the given CSS that apply to the page now (media queries and all),
# minus those the page's own stylesheets also have. Pseudo-elements are dropped
# before matching: ::before applies wherever its element does.
PURGED_BUT_USED = r"""(original) => {
  const split = (text) => {
    const parts = []; let depth = 0, start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === "(" || c === "[") depth++;
      else if (c === ")" || c === "]") depth--;
      else if (c === "," && depth === 0) { parts.push(text.slice(start, i).trim()); start = i + 1; }
    }
    parts.push(text.slice(start).trim());
    return parts;
  };
  const selectors = (rules, found) => {
    for (const rule of rules) {
      if (rule.selectorText !== undefined) split(rule.selectorText).forEach((s) => found.add(s));
      else if (rule.cssRules && !(rule.media && !matchMedia(rule.media.mediaText).matches)) selectors(rule.cssRules, found);
    }
    return found;
  };
  const applies = (selector) => {
    const element = selector.replace(/::?(before|after|placeholder|selection|marker|backdrop|-webkit-[\w-]+|-moz-[\w-]+)(\([^)]*\))?/g, "");
    try { return document.querySelector(element || "*") !== null; } catch { return false; }
  };
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(original);
  const kept = new Set();
  for (const own of document.styleSheets) selectors(own.cssRules, kept);
  return [...selectors(sheet.cssRules, new Set())].filter((s) => applies(s) && !kept.has(s));
}"""


@pytest.fixture(scope="module")
def original_css() -> str:
    sheets = sorted(MATERIAL_CSS.glob("*.min.css")) + sorted((ROOT / "overrides").rglob("*.css"))
    return "\n".join(path.read_text(encoding="utf-8") for path in sheets)


NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def test_purging_keeps_every_rule_the_live_page_uses(browser, site_url, content_pages, original_css):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme="light")
    page = context.new_page()
    missing = {}

    def check(state):
        found = page.evaluate(PURGED_BUT_USED, original_css)
        if found:
            missing[state] = found

    def search_and_drawer(scheme):
        page.locator("label.md-header__button[for=__search]").click()
        page.locator("input.md-search__input").press_sequentially("hips", delay=30)
        page.locator(".md-search-result__item").first.wait_for()
        check(f"[{scheme}] search results")
        page.keyboard.press("Escape")
        page.locator("label.md-header__button[for=__drawer]").click()
        check(f"[{scheme}] navigation drawer")

    try:
        for url in content_pages:
            open_page(page, site_url + url)
            check(f"/{url}")
            page.mouse.wheel(0, 3000)  # header shadow, back-to-top button, tracked headings
            page.evaluate(NEXT_FRAME)
            check(f"/{url} scrolled")
            tooltip = page.locator("article abbr[title]").first
            if tooltip.count():
                tooltip.hover()
                check(f"/{url} tooltip")
        open_page(page, site_url)
        search_and_drawer("light")

        page.goto(site_url)
        page.locator("label.md-header__button[for=__palette_1]").click()  # dark mode, by the toggle
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        check("[dark] home")
        search_and_drawer("dark")
    finally:
        context.close()
    assert not missing, (
        "rules the page uses were purged; keep them in ADDED_AT_RUN_TIME or ALWAYS_KEPT "
        f"(hinge/optimize_css.mjs): {missing}"
    )
