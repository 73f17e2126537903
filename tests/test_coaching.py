"""Coaching you can trust: every exercise page says what to do first, how much,
what goes wrong, and where the pain rule is; the safety page names the signs
that mean see a doctor; one term per idea.

Checked on the rendered pages, against what each page declares in front matter.
"""

from __future__ import annotations

import re

import pytest

from hinge.content import EXERCISE_KINDS
from hinge.render import duration

# The warning signs the safety page must name, each as words a reader would recognise.
RED_FLAGS = {
    "bladder or bowel changes": r"\bpee\b.*\bpoo\b|bladder|bowel",
    "numbness in the groin or saddle area": r"numb.*(groin|saddle)",
    "new leg weakness": r"legs? feel newly weak|new(ly)? weak",
    "pain spreading down a leg": r"down (one|a) leg",
    "fever": r"\bfever\b",
    "pain after a fall or injury": r"after a fall",
}


def exercise_pages(source_pages, content_pages):
    return [(source, content_pages[source.url]) for source in source_pages if source.meta.get("kind") in EXERCISE_KINDS]


def article(page):
    return page.soup.select_one("article")


def section(page, anchor: str) -> list:
    """The elements under the h2 with this id, up to the next h2."""
    found = []
    for sibling in page.soup.find(id=anchor).find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def test_there_are_thirteen_exercise_pages(source_pages, content_pages):
    assert len(exercise_pages(source_pages, content_pages)) == 13


def test_each_exercise_page_opens_with_its_action_line_above_the_figure(source_pages, content_pages):
    for source, page in exercise_pages(source_pages, content_pages):
        action = article(page).select_one(".hg-action")
        assert action is not None, f"/{page.url} has no action line"
        assert source.meta["action"].split()[0] in action.get_text(), f"/{page.url}: the action line is not its own"
        first_block = article(page).select_one("h1").find_next(lambda tag: tag.name in ("p", "figure", "div"))
        assert first_block is action, f"/{page.url}: the action line must be the first thing under the title"


def test_rest_and_pauses_read_as_a_client_says_them():
    # "rest 120 s" read badly between sets (coach review): whole minutes say minutes.
    assert [duration(s) for s in (1, 2, 45, 60, 90, 120, 180)] == [
        "1 second", "2 seconds", "45 seconds", "1 minute", "90 seconds", "2 minutes", "3 minutes"]


def test_each_exercise_page_gives_a_starting_dose_with_numbers(source_pages, content_pages):
    for source, page in exercise_pages(source_pages, content_pages):
        dose = source.meta["dose"]
        blocks = [block for block in article(page).select(".admonition")
                  if block.select_one(".admonition-title").get_text(strip=True) == "Your starting dose"]
        assert len(blocks) == 1, f"/{page.url} needs one 'Your starting dose' block, has {len(blocks)}"
        text = " ".join(blocks[0].get_text(" ").split())
        assert f"{dose['sets']} sets of {dose['reps']}" in text, f"/{page.url}: the dose block lacks its sets × reps"
        assert f"rest {duration(dose['rest'])}" in text and "a week" in text, f"/{page.url}: the dose block lacks rest or frequency"
        assert "Next:" in text and "Back off:" in text, f"/{page.url}: the dose block must say when to move on and go back"
        assert "starting point" in text and "coach" in text, f"/{page.url}: the dose must say it is a starting point"


def test_each_exercise_page_lists_its_faults_with_looks_feels_and_fix(source_pages, content_pages):
    for source, page in exercise_pages(source_pages, content_pages):
        items = article(page).select(".hg-faults > ul > li")
        assert len(items) == len(source.meta["faults"]) >= 1, f"/{page.url}: expected its faults as a list"
        for item in items:
            text = item.get_text(" ")
            assert all(label in text for label in ("It looks like:", "It feels like:", "The fix:")), \
                f"/{page.url}: a fault must say what it looks like, feels like, and the fix"


def test_a_fault_fixed_by_a_cue_links_to_that_cue(source_pages, content_pages):
    for source, page in exercise_pages(source_pages, content_pages):
        items = article(page).select(".hg-faults > ul > li")
        for fault, item in zip(source.meta["faults"], items):
            if "cue" in fault:
                target = fault["cue"].replace(".md#", "/#")
                links = [page.resolve(a["href"]) for a in item.select("a[href]")]
                assert (target.split("#")[0], target.split("#")[1]) in links, \
                    f"/{page.url}: the fault fixed by {fault['cue']} must link to that cue"


def test_every_exercise_page_and_the_home_self_check_link_the_safety_page(source_pages, content_pages):
    for _, page in exercise_pages(source_pages, content_pages):
        targets = {page.resolve(a["href"])[0] for a in article(page).select("a[href]") if page.resolve(a["href"])}
        assert "safety/" in targets, f"/{page.url} does not link the pain and safety page"
    home = content_pages[""]
    links = {home.resolve(a["href"])[0] for block in section(home, "self-check") for a in block.select("a[href]")}
    assert "safety/" in links, "the home page's self-check must link the pain and safety page"


def test_the_safety_page_has_the_pain_rule_and_names_the_red_flags(content_pages):
    page = content_pages["safety/"]
    rule = " ".join(" ".join(block.get_text(" ") for block in section(page, "pain-rule")).split())
    assert "0 to 10" in rule and "0 to 2: carry on" in rule and "5 or more: stop" in rule, \
        "the pain rule needs its 0–10 scale and the bands that say carry on and stop"
    flags = " ".join(" ".join(block.get_text(" ") for block in section(page, "red-flags")).split()).lower()
    missing = [sign for sign, pattern in RED_FLAGS.items() if not re.search(pattern, flags)]
    assert not missing, f"the safety page's #red-flags section does not name these warning signs: {missing}"
    text = " ".join(article(page).get_text(" ").split()).lower()
    assert page.soup.find(id="normal-soreness") and "not medical advice" in text


def test_retired_words_appear_on_no_page(source_pages, content_pages):
    glossary = next(source for source in source_pages if source.url == "glossary/")
    retired = glossary.meta["retired"]
    assert retired, "the glossary names no retired words"
    for url, page in content_pages.items():
        text = " ".join(article(page).get_text(" ").split()).lower()
        for old, new in retired.items():
            assert old.lower() not in text, f"/{url} says {old!r}: the guide's word for it is {new!r}"


@pytest.mark.parametrize("term", ["neutral spine", "tuck"])
def test_the_one_term_for_each_idea_is_defined_in_the_glossary(term, content_pages):
    terms = [dt.get_text(" ", strip=True).lower() for dt in content_pages["glossary/"].soup.select("article dl dt")]
    assert term in terms, f"the glossary must define {term!r}"
