"""Plans in one link (issue 14), read from the built HTML: the plan page's data says
what each exercise page says, the builder offers every exercise with its dose
and cues, and the plan pages stay out of the menu and out of every other page.

What the pages do in a browser is in test_plan_browser.py.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import Page

PLAN, BUILDER = "plan/", "plan-builder/"


@pytest.fixture(scope="module")
def data(pages) -> dict:
    view = pages[PLAN].soup.select_one("[data-hg-plan-view][data-hg-plan-data]")
    assert view is not None, "the plan page has no data"
    return json.loads(view["data-hg-plan-data"])


def follow(pages: dict[str, Page], from_page: Page, href: str) -> tuple[Page, str]:
    """The page (after any redirect) and #anchor a link on from_page lands on."""
    path, anchor = from_page.resolve(href)
    target = pages[path]
    if target.redirect():
        path, _ = target.resolve(target.redirect())
        target = pages[path]
    return target, anchor


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def test_the_plan_pages_stay_out_of_the_menu(content_pages):
    for url, page in content_pages.items():
        menu = page.soup.select_one("nav.md-nav--primary")
        linked = {page.resolve(a["href"])[0] for a in menu.select("a[href]") if page.resolve(a["href"])}
        assert not linked & {PLAN, BUILDER}, f"/{url}: the menu links a plan page; every page would carry it"


@pytest.mark.parametrize("url", ["", "coaches/"])
def test_the_home_and_coaches_pages_link_the_builder(pages, url):
    page = pages[url]
    targets = [page.resolve(a["href"]) for a in page.soup.select("article a[href]")]
    assert (BUILDER, "") in targets, f"/{url} does not link the plan builder"


@pytest.mark.parametrize("script, page", [("plan", PLAN), ("plan-builder", BUILDER)])
def test_only_its_page_loads_each_plan_script(pages, site, script, page):
    name = f"assets/javascripts/{script}.min.js"
    loading = {url for url, built in pages.items()
               if any(script["src"].endswith("/" + name) for script in built.soup.find_all("script", src=True))}
    assert loading == {page}, f"{name} loads on {sorted(loading)}"
    source = (site / name).read_text(encoding="utf-8")
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source, "text from a link must never be HTML"
    # Reached by instant navigation, the page names its script for hinge.js to load.
    holder = pages[page].soup.select_one("article [data-hg-script]")
    assert pages[page].resolve(holder["data-hg-script"])[0] == name


def test_each_exercise_in_the_plan_data_says_what_its_page_says(pages, data):
    plan_page = pages[PLAN]
    exercise_pages = {url for url, page in pages.items() if page.soup.select_one("article button.hg-share")}
    seen = set()
    for plan_id, exercise in data["exercises"].items():
        page, _ = follow(pages, plan_page, exercise["url"])
        seen.add(page.url)
        where = f"{plan_id} (/{page.url})"
        assert text(page.soup.select_one("article h1")).removesuffix(" ¶") == exercise["title"], where
        assert text(page.soup.select_one(".hg-action")) == f"Do this: {exercise['action']}", where
        dose_block = page.soup.find("p", class_="admonition-title", string="Your starting dose").parent
        dose = text(dose_block)
        summary = f"{exercise['sets']} sets of {exercise['reps']}, {exercise['rest']}."
        assert summary in dose, f"{where}: the page's dose says {dose!r}, the plan {summary!r}"
        # The plan links each exercise to this block, for its weight and back-off lines.
        assert dose_block.get("id") == data["dose_anchor"] and "Back off:" in dose, where
        assert exercise["sets"] <= data["limits"]["sets"][1] and exercise["reps"] <= exercise.get("most_reps", data["limits"]["reps"][1]), \
            f"{where}: the page's own dose is more than a plan allows"
        figure = plan_page.resolve(exercise["figure"])[0]
        assert (pages[PLAN].path.parents[1] / figure).is_file(), f"{where}: no figure file {figure}"
        placed = page.soup.select_one("figure.hg-figure svg title")
        assert placed is not None and figure.endswith(f"/{placed['id'].removeprefix('hg-fig-')}.svg"), \
            f"{where}: the plan shows {figure}, not the page's own figure"
        for name, number in exercise["cues"].items():
            words, url = data["cues"][number]
            taught_on, anchor = follow(pages, plan_page, url)
            block = taught_on.soup.find(id=anchor)
            assert anchor == f"cue-{name}" and block is not None, f"{where}: cue {name} lands on nothing"
            assert words in text(block), f"{where}: cue {name} is not “{words}” on /{taught_on.url}"
    assert seen == exercise_pages, f"exercise pages missing from plans: {sorted(exercise_pages - seen)}"


def test_a_deadlift_offers_its_own_cue_and_the_six_hinge_cues(data):
    cues = data["exercises"]["ks"]["cues"]
    assert list(cues)[0] == "straddle-the-bell"
    assert {"set-it-up", "pull-the-hips-back", "grab-the-implement", "pull-the-chest-tall",
            "drive-the-hips-forward", "crack-some-walnuts"} <= set(cues)


def test_the_builder_offers_every_exercise_with_its_dose_and_cues(pages, data):
    builder = pages[BUILDER].soup
    picks = builder.select("[data-hg-plan-exercise]")
    assert [pick["data-hg-plan-exercise"] for pick in picks] == list(data["exercises"]), "the builder's exercises"
    for pick in picks:
        exercise = data["exercises"][pick["data-hg-plan-exercise"]]
        assert text(pick.select_one(":scope > label")) == exercise["title"]
        assert int(pick.select_one("[data-hg-plan-sets]")["value"]) == exercise["sets"]
        assert int(pick.select_one("[data-hg-plan-reps]")["value"]) == exercise["reps"]
        assert [box["value"] for box in pick.select("[data-hg-plan-cue]")] == list(exercise["cues"])
    for control in builder.select(".hg-plan-builder :is(input, textarea)"):
        assert builder.select_one(f"label[for='{control['id']}']"), f"{control} has no label"


def test_the_coaches_page_lists_every_short_name(pages, data):
    table = pages["coaches/"].soup.select_one("#plans ~ table")
    rows = {text(row.select("td")[1]): text(row.select("td")[0]) for row in table.select("tbody tr")}
    assert rows == {plan_id: exercise["title"] for plan_id, exercise in data["exercises"].items()}


def test_a_plan_links_preview_card_says_it_is_a_hinge_guide_plan(pages, site, public_url):
    head = pages[PLAN].soup
    description = head.select_one("meta[property='og:description']")["content"]
    assert "Hinge Guide plan" in description, description
    image = head.select_one("meta[property='og:image']")["content"]
    assert image.startswith(public_url) and (site / image.removeprefix(public_url)).is_file(), image


def test_search_finds_the_builder_but_not_its_form_or_the_empty_plan_page(search_index):
    index = search_index["docs"]
    builder = [entry for entry in index if entry["location"].startswith(BUILDER)]
    assert builder, "search must find the plan builder"
    # Its labels name every exercise and cue: in the index they would outrank the pages that teach them.
    assert not [entry["location"] for entry in builder if "Pull the hips back" in entry["text"]]
    assert not [entry["location"] for entry in index if entry["location"].startswith(PLAN)]


# Every plan id a coach's link may carry. Never remove one: a page that moves
# keeps its id in its front matter; a page that goes away needs its id moved to
# the page that replaces it.
PUBLISHED_PLAN_IDS = {"h1", "h2", "h3", "h4", "h5", "h6", "ks", "tb", "bs", "bc", "sb", "fb", "ht"}


def test_every_published_plan_id_still_names_an_exercise(data):
    missing = sorted(PUBLISHED_PLAN_IDS - set(data["exercises"]))
    assert not missing, f"plan links with these ids no longer open an exercise: {missing}"
    new = sorted(set(data["exercises"]) - PUBLISHED_PLAN_IDS)
    assert not new, f"add the new plan ids to PUBLISHED_PLAN_IDS once published: {new}"


def test_the_plan_page_gives_the_whole_pain_rule_before_the_plan(pages):
    # Coach and physio review: a client reads the plan between sets, so the pain
    # check sits above the exercises, with the same numbers as the safety page.
    article = pages[PLAN].soup.select_one("article")
    box = article.select_one(".admonition.warning")
    assert box is not None and box.find_next("ol", class_="hg-plan-list") is not None, "the pain check comes first"
    words = text(box)
    for needed in ("0 to 2", "3 to 4", "5 or more", "sharp", "runs down a leg", "next morning"):
        assert needed in words, f"the plan's pain check lacks {needed!r}: {words}"
    targets = {pages[PLAN].resolve(link["href"]) for link in box.select("a[href]")}
    assert ("safety/", "red-flags") in targets and ("safety/", "pain-rule") in targets, targets
