"""Plans in one link (issue 14), in Chromium at phone size: a coach builds a plan,
the link survives the clipboard and opens the same plan in a fresh browser,
offline too; it prints on one A4 sheet; a bad link says what it could not
read; a version 1 link opens the same plan forever; axe finds nothing.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import PHONE, on_page, open_page
from test_accessibility import SETTLED, axe_violations
from test_offline import CONTROLLED
from test_sharing_browser import clipboard_after_click, pdf_page_count, serve_sitemap_as_if_public, with_clipboard

pytestmark = pytest.mark.browser

# A plan link made with version 1 of the format, and the plan it opens. Never
# change this link: coaches have sent links like it. If a page is renamed, its
# new title goes in the expected plan; the link must still open that exercise.
V1_LINK = ("plan/?v=1&ks=3x8,pull-the-hips-back,straddle-the-bell&sb=3x10,squeeze-your-glutes&h2=2x5"
           "&note=Easy%20week.%20Rest%20if%20your%20back%20is%20sore.")
V1_PLAN = {
    "titles": ["Kettlebell sumo deadlift", "Supine hip bridge", "Step 2: Pull the hips back"],
    "pages": ["deadlift/kettlebell-sumo/", "bridge/supine-hip-bridge/", "hinge/pull-the-hips-back/"],
    "doses": ["3 sets of 8", "3 sets of 10", "2 sets of 5"],
    "cues": [["“Pull the hips back”", "“Straddle the bell”"], ["“Squeeze your glutes”"], []],
    "cue_anchors": [["hinge/pull-the-hips-back/#cue-pull-the-hips-back", "deadlift/kettlebell-sumo/#cue-straddle-the-bell"],
                    ["bridge/supine-hip-bridge/#cue-squeeze-your-glutes"], []],
    "note": "Easy week. Rest if your back is sore.",
}
# Four exercises with the most to show, for the one-sheet print test.
FOUR = ("plan/?v=1&bs=3x5,rip-it-apart,pull-the-hips-back,pull-the-chest-tall"
        "&ht=3x12,bench-below-your-shoulder-blades,keep-the-tuck"
        "&fb=3x10,tuck-before-you-lift,squeeze-at-the-top&h4=2x5,pull-the-chest-tall,rip-it-apart"
        "&note=" + "Film one set of each from the side and send it to me. " * 4)


def read_plan(page) -> dict:
    """What the plan page shows, as a reader sees it (hidden parts count as not there)."""
    return page.evaluate(
        """() => {
          const shown = selector => document.querySelector(selector).checkVisibility()
          const items = [...document.querySelectorAll(".hg-plan-list > li")]
          const problems = document.querySelector("[data-hg-plan-problems]")
          const note = document.querySelector("[data-hg-plan-note]")
          return {
            titles: items.map(i => i.querySelector(".hg-plan-title").innerText.trim()),
            pages: items.map(i => i.querySelector(".hg-plan-title a").href),
            doses: items.map(i => i.querySelector(".hg-plan-dose span").innerText.trim()),
            dose_links: items.map(i => i.querySelector(".hg-plan-dose a").href),
            actions: items.map(i => i.querySelector(".hg-plan-action").innerText.trim()),
            figures: items.map(i => i.querySelector("img.hg-plan-figure")?.complete
                                    && i.querySelector("img.hg-plan-figure").naturalWidth > 0),
            cues: items.map(i => [...i.querySelectorAll(".hg-plan-cue-list a")].map(a => a.innerText.trim())),
            cue_links: items.map(i => [...i.querySelectorAll(".hg-plan-cue-list a")].map(a => a.href)),
            note: shown("[data-hg-plan-note]") ? note.querySelector("span").textContent : null,
            problems: shown("[data-hg-plan-problems]") ? [...problems.querySelectorAll("li")].map(li => li.textContent) : [],
            empty: shown("[data-hg-plan-empty]"),
            send: shown("[data-hg-plan-send]"),
          }
        }"""
    )


def open_plan(page, url: str) -> dict:
    open_page(page, url)
    page.wait_for_function("() => document.querySelector('[data-hg-plan-view]')?.dataset.hgPlanMounted === ''")
    # Every figure done loading (one that fails is done too, and fails read_plan's check).
    page.wait_for_function("() => [...document.querySelectorAll('img.hg-plan-figure')].every(image => image.complete)")
    return read_plan(page)


def assert_is_v1_plan(shown: dict, site_url: str):
    assert shown["problems"] == [], shown["problems"]
    assert shown["titles"] == V1_PLAN["titles"]
    assert [urlsplit(href).path for href in shown["pages"]] == [urlsplit(site_url + p).path for p in V1_PLAN["pages"]]
    assert [dose.split(",")[0] for dose in shown["doses"]] == V1_PLAN["doses"]
    # Each links to its page's dose block: the weight to use and when to back off.
    assert shown["dose_links"] == [site_url + page + "#starting-dose" for page in V1_PLAN["pages"]]
    assert shown["cues"] == V1_PLAN["cues"]
    assert shown["cue_links"] == [[site_url + link for link in links] for links in V1_PLAN["cue_anchors"]]
    assert all(action.startswith("Do this: ") and len(action) > 20 for action in shown["actions"])
    assert all(shown["figures"]), "every exercise shows its figure"
    assert shown["note"] == V1_PLAN["note"]


@pytest.fixture
def coach(browser, site_url):
    """A phone that may use the clipboard."""
    context = with_clipboard(browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True),
                             site_url)
    yield context
    context.close()


def test_a_plan_built_with_the_builder_opens_the_same_in_a_fresh_browser(coach, phone, site_url):
    page = coach.new_page()
    open_page(page, site_url + "plan-builder/")
    note = 'Easy week. <b>Not bold</b> & "quoted"\nLine two.'
    # The keyboard alone: tick the kettlebell sumo deadlift, type its numbers, tick a cue.
    page.locator("#hg-pick-ks").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the ticked exercise's sets field is the next control
    assert page.evaluate("document.activeElement.id") == "hg-sets-ks"
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("8")
    pick = page.locator("[data-hg-plan-exercise=ks]")
    pick.get_by_label("“Pull the hips back”").focus()
    page.keyboard.press("Space")
    # The rest by touch.
    page.get_by_label("Supine hip bridge", exact=True).check()
    page.locator("#hg-sets-sb").fill("3")
    page.locator("#hg-reps-sb").fill("10")
    page.locator("[data-hg-plan-exercise=sb]").get_by_label("“Squeeze your glutes”").check()
    page.get_by_label(re.compile("^A note for your client")).fill(note)
    assert "Kettlebell sumo deadlift 3×8" in page.locator("[data-hg-plan-summary]").inner_text()

    page.get_by_role("button", name="Copy link").click()
    link = clipboard_after_click(page)
    assert link == page.locator("[data-hg-plan-link]").input_value()
    assert link.startswith(site_url + "plan/?v=1&"), link
    assert len(link) < 200, f"the link should stay short: {len(link)} characters"

    fresh = phone.new_page()
    shown = open_plan(fresh, link)
    assert shown["problems"] == [] and not shown["empty"] and shown["send"]
    assert shown["titles"] == ["Kettlebell sumo deadlift", "Supine hip bridge"]
    assert [dose.split(",")[0] for dose in shown["doses"]] == ["3 sets of 8", "3 sets of 10"]
    assert shown["cues"] == [["“Pull the hips back”"], ["“Squeeze your glutes”"]]
    assert shown["note"] == note, "the note comes back as the coach typed it, as text"
    assert fresh.locator(".hg-plan-note b").count() == 0


def test_the_builder_never_sends_a_number_it_cannot_take_and_flags_one_above_the_dose(coach, site_url):
    page = coach.new_page()
    open_page(page, site_url + "plan-builder/")
    page.get_by_label("Kettlebell sumo deadlift", exact=True).check()
    check = page.locator("[data-hg-plan-exercise=ks] [data-hg-plan-check]")
    copy = page.get_by_role("button", name="Copy link")

    page.locator("#hg-reps-ks").fill("35")  # "35" for "5": a slip of the thumb
    assert check.inner_text() == "Reps must be a whole number from 1 to 12."
    assert copy.is_disabled() and page.locator("[data-hg-plan-link]").input_value() == ""
    assert "Fix the numbers" in page.locator("[data-hg-plan-summary]").inner_text()

    page.locator("#hg-reps-ks").fill("10")  # allowed, but more than the page's 8
    assert "more than this exercise's starting dose" in check.inner_text()
    assert copy.is_enabled() and "ks=" in page.locator("[data-hg-plan-link]").input_value()

    page.locator("#hg-reps-ks").fill("6")
    assert not check.is_visible()


def test_a_sent_plan_opens_in_the_builder_to_be_changed(coach, site_url):
    # The coach review's first wish: change last week's plan instead of starting again.
    def form(page) -> dict:
        return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-hg-plan-exercise]')]
            .filter(pick => pick.querySelector(':scope > input').checked)
            .map(pick => [pick.dataset.hgPlanExercise, [pick.querySelector('[data-hg-plan-sets]').value,
                          pick.querySelector('[data-hg-plan-reps]').value,
                          [...pick.querySelectorAll('[data-hg-plan-cue]:checked')].map(cue => cue.value)]]))""")

    sent = {"ks": ["3", "8", ["straddle-the-bell", "pull-the-hips-back"]], "sb": ["3", "10", ["squeeze-your-glutes"]],
            "h2": ["2", "5", []]}
    page = coach.new_page()
    open_page(page, site_url + "plan-builder/" + V1_LINK.removeprefix("plan/"))
    assert {pick: [s, r, sorted(c)] for pick, (s, r, c) in form(page).items()} == \
        {pick: [s, r, sorted(c)] for pick, (s, r, c) in sent.items()}
    assert page.locator("[data-hg-plan-note]").input_value() == V1_PLAN["note"]

    fresh = coach.new_page()
    open_page(fresh, site_url + "plan-builder/")
    fresh.get_by_label("Change a plan you sent: paste its link").fill(site_url + V1_LINK)
    fresh.get_by_label("Change a plan you sent: paste its link").press("Enter")
    fresh.get_by_label("Change a plan you sent: paste its link").blur()
    assert "Filled in 3 exercises" in fresh.locator("[data-hg-plan-load-result]").inner_text()
    assert form(fresh) == form(page)
    fresh.get_by_label("Change a plan you sent: paste its link").fill("not a link")
    fresh.get_by_label("Change a plan you sent: paste its link").blur()
    assert "not a plan link" in fresh.locator("[data-hg-plan-load-result]").inner_text()


def test_the_plan_page_copies_its_own_link(coach, site_url):
    page = coach.new_page()
    open_plan(page, site_url + V1_LINK)
    page.get_by_role("button", name="Copy link").click()
    assert clipboard_after_click(page) == site_url + V1_LINK


def test_a_version_1_link_opens_the_same_plan(phone, site_url):
    assert_is_v1_plan(open_plan(phone.new_page(), site_url + V1_LINK), site_url)


def test_the_coaches_page_example_link_opens_a_plan(phone, site_url, pages):
    example = next(code.get_text() for code in pages["coaches/"].soup.select("#plans ~ p code")
                   if code.get_text().startswith("plan/?v=1"))
    shown = open_plan(phone.new_page(), site_url + example)
    assert shown["problems"] == [] and len(shown["titles"]) >= 2 and shown["note"]


def test_a_plan_opens_offline_after_one_visit(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site_url)  # any page: the service worker keeps the whole guide
        page.wait_for_function(CONTROLLED)
        context.set_offline(True)
        assert_is_v1_plan(open_plan(page, site_url + V1_LINK), site_url)
    finally:
        context.close()


def test_four_exercises_print_on_one_a4_sheet(browser, site_url):
    page = browser.new_page()
    shown = open_plan(page, site_url + FOUR)
    assert len(shown["titles"]) == 4 and shown["problems"] == [] and shown["note"]
    assert all(shown["figures"])
    page.emulate_media(media="print")
    assert not page.locator("[data-hg-plan-problems]").is_visible(), "a plan with no problem prints no message box"
    assert page.locator(".hg-print-source").inner_text().endswith(page.url), "the sheet must give the plan's link"
    sheets = pdf_page_count(page.pdf(format="A4"))
    page.close()
    assert sheets == 1, f"a four-exercise plan prints on {sheets} A4 sheets"


# Each bad link: what the reader must be told (words in one message), and what must still show.
BAD_LINKS = {
    "unknown exercise": ("v=1&zz=3x8&ks=3x8", ["“zz”", "not an exercise"], ["Kettlebell sumo deadlift"]),
    "truncated in a cue": ("v=1&ks=3x8,pull-the-hips-ba", ["“pull-the-hips-ba”", "left out"], ["Kettlebell sumo deadlift"]),
    "truncated in the numbers": ("v=1&sb=3x10&ks=3x", ["“3x”", "could not be read", "2 sets of 8"],
                                 ["Supine hip bridge", "Kettlebell sumo deadlift"]),
    "garbled": ("v=1&ks=%E0%A4%A,,,&%%%=&sb", ["Kettlebell sumo deadlift", "could not be read"],
                ["Kettlebell sumo deadlift", "Supine hip bridge"]),
    "absurd numbers": ("v=1&sb=999x100000", ["999 sets of 100000", "1 to 5 sets", "1 to 20 reps"], ["Supine hip bridge"]),
    "more reps than a deadlift allows": ("v=1&ks=3x15", ["3 sets of 15", "1 to 12 reps", "2 sets of 8"],
                                         ["Kettlebell sumo deadlift"]),
    "zero sets": ("v=1&sb=0x10", ["0 sets of 10", "2 sets of 10"], ["Supine hip bridge"]),
    "too many exercises": ("v=1&h1=1x1&h2=1x1&h3=1x1&h4=1x1&h5=1x1&h6=1x1&ks=1x1&tb=1x1&bs=1x1",
                           ["9 exercises", "first 8"],
                           ["Step 1: Set it up", "Step 2: Pull the hips back", "Step 3: Grab the implement",
                            "Step 4: Pull the chest tall", "Step 5: Drive the hips forward", "Step 6: Crack some walnuts",
                            "Kettlebell sumo deadlift", "Trap bar deadlift"]),
    "an exercise twice": ("v=1&ks=3x8&ks=1x1", ["twice"], ["Kettlebell sumo deadlift"]),
    "over-long note": ("v=1&ks=3x8&note=" + "Keep%20going.%20" * 40, ["280 characters"], ["Kettlebell sumo deadlift"]),
    "no version": ("ks=3x8", ["no version"], ["Kettlebell sumo deadlift"]),
    "a version this guide does not know": ("v=7&ks=3x8", ["“7”", "version 1"], []),
}


@pytest.mark.parametrize("case", sorted(BAD_LINKS))
def test_a_bad_link_says_what_it_could_not_read(phone, site_url, case):
    query, words, still_shown = BAD_LINKS[case]
    page = phone.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    shown = open_plan(page, site_url + "plan/?" + query)
    assert not errors, f"the page's script failed: {errors}"
    assert page.get_by_role("alert").is_visible(), "the message must show, and be read out"
    assert any(all(word in problem for word in words) for problem in shown["problems"]), shown["problems"]
    assert shown["titles"] == still_shown, "what could be read must still show"
    if case == "over-long note":
        assert len(shown["note"]) <= 281 and shown["note"].startswith("Keep going.")


def test_text_from_a_link_is_shown_as_text_never_as_html(phone, site_url):
    page = phone.new_page()
    page.on("dialog", lambda dialog: pytest.fail(f"a link ran code: {dialog.message}"))
    attack = "<img src=x onerror=alert(1)><b>hi</b>"
    shown = open_plan(page, site_url + "plan/?v=1&ks=3x8,<b>x</b>&<img src=y onerror=alert(2)>=1x1&note=" + attack)
    assert shown["note"] == attack
    assert page.locator("[data-hg-plan-view] :is(b, img:not(.hg-plan-figure))").count() == 0
    assert any("<b>x</b>" in problem for problem in shown["problems"])
    assert any("“<img src”" in problem for problem in shown["problems"])  # the field's name ends at its "="


def test_the_plan_page_without_a_plan_says_how_to_get_one(phone, site_url):
    shown = open_plan(phone.new_page(), site_url + "plan/")
    assert shown["empty"] and shown["problems"] == [] and shown["titles"] == [] and not shown["send"]


def test_the_builder_works_after_instant_navigation(coach, site_url, public_url):
    serve_sitemap_as_if_public(coach, public_url, site_url)
    page = coach.new_page()
    open_page(page, site_url + "coaches/")
    page.wait_for_load_state("networkidle")  # instant navigation starts once Material has read the sitemap
    page.evaluate("window.samePageLoad = true")
    page.locator("#plans ~ p").get_by_role("link", name="plan builder").click()
    page.wait_for_url(on_page("/plan-builder/"))
    assert page.evaluate("window.samePageLoad === true"), "the click reloaded the page: instant navigation is off"
    page.get_by_label("Trap bar deadlift", exact=True).check()
    page.locator("[data-hg-plan-open]").wait_for()
    dose = f"{page.input_value('#hg-sets-tb')}x{page.input_value('#hg-reps-tb')}"  # the trap bar page's own dose
    assert page.locator("[data-hg-plan-link]").input_value() == site_url + "plan/?v=1&tb=" + dose
    page.locator("[data-hg-plan-open]").click()
    page.wait_for_url("**/plan/?v=1&tb=" + dose)
    page.wait_for_function("() => document.querySelectorAll('.hg-plan-list > li').length === 1")
    assert page.evaluate("window.samePageLoad === true")
    assert read_plan(page)["titles"] == ["Trap bar deadlift"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_plan_pages(browser, site_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  color_scheme=scheme)
    page = context.new_page()
    problems = []
    try:
        open_plan(page, site_url + V1_LINK.replace("h2=2x5", "h2=2x5&zz=1x1"))  # a plan with a message
        problems += axe_violations(axe, page, f"[{scheme}] plan")[0]
        open_page(page, site_url + "plan-builder/")
        page.get_by_label("Kettlebell sumo deadlift", exact=True).check()  # its options open
        page.get_by_label(re.compile("^A note for your client")).fill("Easy week.")
        page.wait_for_function(SETTLED)  # the header's title fades in once the page has scrolled
        problems += axe_violations(axe, page, f"[{scheme}] plan builder")[0]
        page.locator("#hg-sets-ks").focus()
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "the focused field must show where the keyboard is"
    finally:
        context.close()
    assert not problems, "axe found accessibility problems:\n" + "\n".join(problems)
