"""Content: every page follows its kind's template and says what it promises.

A new step, variation or progression page cannot drift from the others: the
section headings, the cue blocks and the cue finder are checked on the
rendered HTML against the front matter each page declares.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from hinge.content import EXERCISE_KINDS, TEMPLATES


def exercise_sources(source_pages, kind=None):
    return [s for s in source_pages if s.meta.get("kind") in EXERCISE_KINDS and kind in (None, s.meta["kind"])]


def cue_blocks(page):
    return page.soup.select("article .admonition.cue")


def cue_text(block) -> str:
    title = block.select_one(".admonition-title").get_text(" ", strip=True)
    return title.strip("“”\"' ").lower()


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
def test_pages_of_a_kind_have_its_sections_in_order(kind, source_pages, content_pages):
    sources = exercise_sources(source_pages, kind)
    assert sources, f"no {kind} pages found"
    for source in sources:
        page = content_pages[source.url]
        headings = [(h.get("id"), h.get_text(" ", strip=True).removesuffix("¶").strip()) for h in page.soup.select("article h2")]
        template_ids = list(TEMPLATES[kind])
        found_ids = [anchor for anchor, _ in headings if anchor in template_ids]
        assert found_ids == template_ids, (
            f"{source.path.name}: a {kind} page needs the sections {template_ids} in this order, found {found_ids}"
        )


def test_each_step_page_opens_with_its_own_cue(source_pages, content_pages):
    # A step may teach a second cue (step 4's "rip it apart"), but its own comes first.
    for source in exercise_sources(source_pages, "step"):
        blocks = cue_blocks(content_pages[source.url])
        assert blocks, f"{source.path.name}: a step page shows its cue in a cue block"
        step_cue = source.meta["title"].split(": ", 1)[1].lower()
        assert cue_text(blocks[0]) == step_cue, f"{source.path.name}: the first cue block must be “{step_cue}”"


def test_declared_cues_are_taught_at_their_anchor(source_pages, content_pages):
    for source in exercise_sources(source_pages):
        page = content_pages[source.url]
        for cue in source.meta["cues"]:
            block = page.soup.find(id=cue["anchor"])
            assert block is not None, f"{source.path.name}: no element with id '{cue['anchor']}'"
            assert "cue" in block.get("class", []), f"{source.path.name}: #{cue['anchor']} is not a cue block"
            assert cue_text(block) == cue["cue"].lower(), (
                f"{source.path.name}: cue block #{cue['anchor']} says {cue_text(block)!r}, front matter says {cue['cue']!r}"
            )


def test_cue_finder_lists_every_cue_with_a_link_to_where_it_is_taught(source_pages, content_pages):
    finder = content_pages["cue-finder/"]
    listed = set()
    for row in finder.soup.select("article table tbody tr"):
        cells = row.find_all("td")
        cue = " ".join(cells[0].get_text(" ").split()).strip("“” ").lower()
        listed.add((cue, *finder.resolve(cells[2].find("a")["href"])))
    # The same cue may be taught on several pages: each (cue, page, anchor) is one row.
    declared = {
        (cue["cue"].lower(), source.url, cue["anchor"])
        for source in exercise_sources(source_pages)
        for cue in source.meta["cues"]
    }
    assert listed == declared, f"missing rows: {declared - listed}; rows with no declared cue: {listed - declared}"
    for cue, url, anchor in declared:
        assert cue_text(content_pages[url].soup.find(id=anchor)) == cue, f"/{url}#{anchor} does not teach “{cue}”"


def test_titles_are_unique(content_pages):
    titles = Counter(page.soup.title.get_text(strip=True) for page in content_pages.values())
    repeated = [title for title, count in titles.items() if count > 1]
    assert not repeated, f"pages share a title: {repeated}"


def test_each_page_has_its_own_description(content_pages):
    descriptions = {}
    for url, page in content_pages.items():
        meta = page.soup.find("meta", attrs={"name": "description"})
        assert meta and meta.get("content", "").strip(), f"/{url} has no meta description"
        descriptions.setdefault(meta["content"], []).append(url)
    shared = {text: urls for text, urls in descriptions.items() if len(urls) > 1}
    assert not shared, f"pages share a description: {shared}"


def glossary_terms(content_pages) -> list[str]:
    return [dt.get_text(" ", strip=True) for dt in content_pages["glossary/"].soup.select("article dl dt")]


def test_glossary_defines_the_promised_terms(content_pages):
    expected = {
        "prime mover", "secondary mover", "stabilizer", "hip extension", "hip hinge",
        "posterior chain", "neutral spine", "lats", "implement", "range of motion",
    }
    terms = {term.lower() for term in glossary_terms(content_pages)}
    assert expected <= terms, f"glossary is missing {expected - terms}"


def test_glossary_terms_explain_themselves_where_used(content_pages):
    """Each glossary term shows its definition as a tooltip on some page that uses it."""
    tooltips = {
        abbr.get_text(strip=True).lower()
        for url, page in content_pages.items()
        if url != "glossary/"
        for abbr in page.soup.select("article abbr[title]")
    }
    missing = [term for term in glossary_terms(content_pages) if term.lower() not in tooltips]
    assert not missing, f"these glossary terms have no tooltip on any page that uses them: {missing}"


def test_source_article_is_credited(content_pages):
    about = content_pages["about/"].soup.select_one("article").get_text(" ", strip=True)
    for needed in ("Fixing the World’s Lower Back Pain", "Gavin McHale", "2016", "Bret Contreras"):
        assert needed in about, f"the About page must credit {needed!r}"
    assert re.search(r"not medical advice", about, re.IGNORECASE), "the About page must say this is not medical advice"


def test_the_home_page_is_titled_by_the_site_name_once(content_pages):
    # Material titles a page "<page title> - <site name>": on the home page that read "Hinge Guide - Hinge Guide".
    assert content_pages[""].soup.title.get_text(strip=True) == "Hinge Guide"
    assert content_pages["safety/"].soup.title.get_text(strip=True) == "Pain and safety - Hinge Guide"
