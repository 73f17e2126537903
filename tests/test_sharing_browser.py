"""Sharing in Chromium: the buttons put the promised text on the clipboard or
in the share sheet, a short link lands on its anchor, headings show their
link on a phone, and an exercise page prints on one sheet of paper.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from hinge.content import EXERCISE_KINDS
from conftest import on_page, open_page
from test_sharing import email_line

pytestmark = pytest.mark.browser

STEP_TWO = "hinge/pull-the-hips-back/"
MIN_TARGET = 24  # px, WCAG 2.2 target size (minimum)
# Stands in for the phone's share sheet and records what it was given.
FAKE_SHARE_SHEET = """
Object.defineProperty(navigator, "share", {
  configurable: true,
  value: async (data) => { window.sharedWith = data; },
});
"""


def with_clipboard(context, site_url: str):
    """The context, allowed to read and write the clipboard on the test site."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin="{0.scheme}://{0.netloc}".format(urlsplit(site_url)))
    return context


@pytest.fixture
def desktop(browser, site_url):
    """A desktop-sized context that may read and write the clipboard."""
    context = with_clipboard(browser.new_context(viewport={"width": 1280, "height": 900}), site_url)
    yield context
    context.close()


@pytest.fixture(scope="module")
def meta_by_url(source_pages):
    return {source.url: source.meta for source in source_pages}


def clipboard_after_click(page) -> str:
    """The clipboard once the page's status line says the copy happened."""
    page.wait_for_function("() => document.querySelector('[data-hg-status]').textContent !== ''")
    return page.evaluate("navigator.clipboard.readText()")


def test_share_copies_a_ready_to_paste_email_line(desktop, site_url, public_url, meta_by_url):
    page = desktop.new_page()
    open_page(page, site_url + STEP_TWO)
    page.get_by_role("button", name=re.compile("^Share")).click()
    expected = email_line(meta_by_url[STEP_TWO], public_url + STEP_TWO)
    assert expected.startswith("Step 2 — Pull the hips back: ")
    assert clipboard_after_click(page) == expected
    assert "Copied" in page.get_by_role("status").inner_text(), "the status line must say the line was copied"


def test_copy_link_beside_a_cue_copies_its_address(desktop, site_url, public_url):
    page = desktop.new_page()
    open_page(page, site_url + STEP_TWO)
    page.get_by_role("button", name="Copy link to the cue: Pull the hips back").click()
    assert clipboard_after_click(page) == f"{public_url}{STEP_TWO}#cue-pull-the-hips-back"


def test_buttons_work_from_the_keyboard(desktop, site_url, public_url):
    page = desktop.new_page()
    open_page(page, site_url + "bridge/supine-hip-bridge/")
    page.get_by_role("button", name="Copy link to the cue: Squeeze your glutes").focus()
    page.keyboard.press("Enter")
    assert clipboard_after_click(page) == f"{public_url}bridge/supine-hip-bridge/#cue-squeeze-your-glutes"


def serve_sitemap_as_if_public(context, public_url, site_url):
    """Material's instant navigation only takes over links listed in
    sitemap.xml, which names the public host; the test server has another
    port. Rewrite the sitemap so the test site behaves like the public one."""

    def rewrite(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(public_url, site_url))

    context.route("**/sitemap.xml", rewrite)


def test_buttons_still_work_after_instant_navigation(desktop, site_url, public_url, meta_by_url):
    serve_sitemap_as_if_public(desktop, public_url, site_url)
    page = desktop.new_page()
    open_page(page, site_url + "hinge/set-it-up/")
    page.wait_for_load_state("networkidle")  # instant navigation starts once Material has read the sitemap
    page.evaluate("window.samePageLoad = true")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(on_page(STEP_TWO))
    assert page.evaluate("window.samePageLoad === true"), "the click reloaded the page: instant navigation is off"
    page.get_by_role("button", name=re.compile("^Share")).click()
    assert clipboard_after_click(page) == email_line(meta_by_url[STEP_TWO], public_url + STEP_TWO)


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_share_and_copy_link_show_only_where_they_can_work(browser, site_url, javascript):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(site_url + STEP_TWO)
        if javascript:
            page.wait_for_function("() => document.documentElement.hasAttribute('data-hg-loaded')")
        buttons = page.locator("[data-hg-copy]")
        assert buttons.count() >= 2, "a step page has a Share button and a Copy-link button per cue"
        shown = [buttons.nth(index).is_visible() for index in range(buttons.count())]
        assert all(shown) if javascript else not any(shown), f"with JavaScript {'on' if javascript else 'off'}: {shown}"
    finally:
        context.close()


def test_on_a_phone_share_opens_the_share_sheet(phone, site_url, public_url, meta_by_url):
    phone.add_init_script(FAKE_SHARE_SHEET)
    page = phone.new_page()
    open_page(page, site_url + STEP_TWO)
    page.get_by_role("button", name=re.compile("^Share")).click()
    page.wait_for_function("() => window.sharedWith !== undefined")
    meta = meta_by_url[STEP_TWO]
    assert page.evaluate("window.sharedWith") == {
        "title": meta["title"], "text": meta["description"], "url": public_url + STEP_TWO,
    }


def test_a_short_link_lands_on_the_anchor_it_carries(phone, site_url):
    page = phone.new_page()
    page.goto(site_url + "hinge/2/#cue-pull-the-hips-back")
    page.wait_for_url(on_page(STEP_TWO))
    page.wait_for_load_state("networkidle")
    box = page.locator("#cue-pull-the-hips-back").bounding_box()
    # Scrolled to the cue: it sits just below the header, not further down the page.
    assert 0 <= box["y"] < 200, f"the cue is not at the top of the screen after the redirect: {box}"


def test_the_404_search_form_opens_the_guide_search(phone, site_url):
    page = phone.new_page()
    open_page(page, site_url + "404.html")
    page.get_by_label("Search the guide").fill("walnuts")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "?q=walnuts")
    assert page.locator("input.md-search__input").input_value() == "walnuts"


def test_controls_and_heading_links_are_big_enough_to_tap(phone, site_url):
    page = phone.new_page()
    open_page(page, site_url + STEP_TWO)
    controls = page.locator("article :is(button.hg-share, button.hg-copy-link, a.headerlink)")
    assert controls.count() >= 4
    for index in range(controls.count()):
        box = controls.nth(index).bounding_box()
        assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET, f"control {index} is {box}"


def test_heading_links_show_on_a_phone_beside_the_heading_text(phone, site_url, content_pages):
    """Visible without hover, and never wrapped onto a line of their own."""
    page = phone.new_page()
    for url in content_pages:
        open_page(page, site_url + url)
        problems = page.evaluate(
            """() => [...document.querySelectorAll("article .headerlink")].flatMap(link => {
                 const heading = link.parentElement;
                 const text = document.createRange();
                 text.setStart(heading, 0);
                 text.setEndBefore(link);
                 const lines = text.getClientRects();
                 const last = lines[lines.length - 1], box = link.getBoundingClientRect();
                 const apart = Math.abs((last.top + last.bottom) / 2 - (box.top + box.bottom) / 2);
                 const shown = getComputedStyle(link).opacity === "1" && box.width > 0;
                 return shown && apart < 8 ? [] : [`${heading.id}: shown=${shown}, ${apart}px off the text line`];
               })"""
        )
        assert not problems, f"/{url}: {problems}"


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.fixture(scope="module")
def printed_pages(source_pages):
    return [s.url for s in source_pages if s.meta["kind"] in EXERCISE_KINDS] + ["cue-sheet/"]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_exercise_pages_and_the_cue_sheet_print_on_one_sheet(paper, browser, site_url, printed_pages):
    page = browser.new_page()
    too_long = {}
    for url in printed_pages:
        open_page(page, site_url + url)
        page.emulate_media(media="print")
        sheets = pdf_page_count(page.pdf(format=paper))
        if sheets != 1:
            too_long[url] = sheets
    page.close()
    assert not too_long, f"these pages print on more than one {paper} sheet: {too_long}"


def test_print_leaves_out_menus_search_and_buttons_but_keeps_the_cue(browser, site_url):
    page = browser.new_page()
    open_page(page, site_url + STEP_TWO)
    page.emulate_media(media="print")
    shown = page.evaluate(
        """selectors => Object.fromEntries(selectors.map(s =>
             [s, [...document.querySelectorAll(s)].some(e => e.getClientRects().length > 0)]))""",
        [".md-header", ".md-sidebar", ".md-search", ".md-footer", ".hg-share", ".hg-copy-link", ".admonition.cue", "article ol"],
    )
    page.close()
    hidden_on_paper = [".md-header", ".md-sidebar", ".md-search", ".md-footer", ".hg-share", ".hg-copy-link"]
    assert not [s for s in hidden_on_paper if shown[s]], f"printed but should not be: {shown}"
    assert shown[".admonition.cue"] and shown["article ol"], "the cue and the steps must print"


def test_pdf_page_count_counts_pages():
    two_pages = b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>"
    assert pdf_page_count(two_pages) == 2
