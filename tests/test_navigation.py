"""Navigation: the hinge steps read in order, and previous/next agree with the menu.

A client between sets taps "Next" with one thumb; it must take them to the
next step, never somewhere else.
"""

from __future__ import annotations


def nav_order(page) -> list[str]:
    """URL paths of the primary navigation's page links, top to bottom."""
    nav = page.soup.select_one("nav.md-nav--primary")
    order = []
    for link in nav.select("a.md-nav__link[href]"):
        resolved = page.resolve(link["href"])
        if resolved and not resolved[1] and resolved[0] not in order:
            order.append(resolved[0])
    return order


def footer_link(page, direction: str) -> str | None:
    link = page.soup.select_one(f"a.md-footer__link--{direction}")
    return page.resolve(link["href"])[0] if link else None


def test_steps_are_in_order_one_to_six(content_pages, source_pages):
    steps = {s.meta["step"]: s.url for s in source_pages if s.meta.get("kind") == "step"}
    assert sorted(steps) == [1, 2, 3, 4, 5, 6], f"expected steps 1-6, found {sorted(steps)}"
    order = nav_order(content_pages[""])
    positions = [order.index(steps[n]) for n in range(1, 7)]
    assert positions == sorted(positions), f"steps are out of order in the menu: {[order[p] for p in positions]}"


def left_out_of_the_menu(mkdocs_config) -> set[str]:
    """URL paths of the pages mkdocs.yml keeps out of the menu (not_in_nav)."""
    return {line.strip().strip("/").removesuffix(".md") + "/" for line in mkdocs_config["not_in_nav"].splitlines()
            if line.strip()}


def test_previous_and_next_follow_the_menu(site, content_pages, mkdocs_config):
    order = nav_order(content_pages[""])
    left_out = left_out_of_the_menu(mkdocs_config)
    assert left_out == {"plan-builder/", "plan/"}, f"only the plan pages stay out of the menu: {left_out}"
    assert not left_out & set(order), "a page kept out of the menu is in it"
    assert len(order) + len(left_out) == len(content_pages), "every other page must be in the menu"
    for index, url in enumerate(order):
        page = content_pages[url]
        expected_previous = order[index - 1] if index > 0 else None
        expected_next = order[index + 1] if index + 1 < len(order) else None
        assert footer_link(page, "prev") == expected_previous, f"/{url}: 'Previous' goes to the wrong page"
        assert footer_link(page, "next") == expected_next, f"/{url}: 'Next' goes to the wrong page"


def test_each_step_links_to_its_neighbour_steps(content_pages, source_pages):
    steps = {s.meta["step"]: s.url for s in source_pages if s.meta.get("kind") == "step"}
    for number in range(1, 6):
        assert footer_link(content_pages[steps[number]], "next") == steps[number + 1]
        assert footer_link(content_pages[steps[number + 1]], "prev") == steps[number]
