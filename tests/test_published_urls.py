"""Permanent links: every address we ever published still lands where it did.

tests/published_urls.txt lists them: every page, section and cue a coach may
have sent. Each must resolve in the built site to its page and #anchor,
directly or through a redirect page (mkdocs-redirects), which keeps the
anchor the link carries. Renaming a page or a heading id without a redirect
fails here, naming the address that broke; a new page, section or cue that
is not yet in the list fails too, so it is protected from then on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REGISTRY = Path(__file__).with_name("published_urls.txt")
MAX_REDIRECTS = 3


class Broken(Exception):
    """A published address that no longer lands on its page and anchor."""


def published_urls() -> list[str]:
    lines = (line.strip() for line in REGISTRY.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def land(url: str, pages) -> tuple[str, str]:
    """Follow a published address through the built site as a browser would:
    return the (page, anchor) it ends on, or raise Broken saying why not."""
    path, _, anchor = url.removeprefix("/").partition("#")
    for _ in range(MAX_REDIRECTS + 1):
        page = pages.get(path)
        if page is None:
            raise Broken(f"{url}: nothing is published at /{path} (add a redirect from it in mkdocs.yml)")
        target = page.redirect()
        if target is None:
            if anchor and anchor not in page.ids:
                raise Broken(f"{url}: /{path} has no #{anchor} (keep the old {{#{anchor}}} on the heading or cue)")
            return path, anchor
        resolved = page.resolve(target)
        if resolved is None:
            raise Broken(f"{url}: /{path} redirects off the site, to {target}")
        path, target_anchor = resolved
        if anchor and target_anchor:
            raise Broken(f"{url}: the redirect adds #{target_anchor} to the link's own #{anchor}")
        anchor = anchor or target_anchor
    raise Broken(f"{url}: more than {MAX_REDIRECTS} redirects in a row")


# Inside a page: section headings (h2 and below), cue blocks, and the rows of
# tables that carry an id (the cue finder's, so a coach can link one row).
LINKABLE = "article :is(h2, h3, h4, h5, h6)[id], article .admonition.cue[id], article td [id]"


def linkable_addresses(content_pages) -> set[str]:
    """What the site offers to link to now: every page, and every section,
    cue block and table row with an id on it."""
    found = set()
    for url, page in content_pages.items():
        found.add(f"/{url}")
        for element in page.soup.select(LINKABLE):
            found.add(f"/{url}#{element['id']}")
    return found


def test_registry_lines_are_site_paths():
    wrong = [url for url in published_urls() if not url.startswith("/") or not url.partition("#")[0].endswith("/")]
    assert not wrong, f"write each address as /path/ or /path/#anchor: {wrong}"
    assert len(published_urls()) == len(set(published_urls())), "an address is listed twice"


def test_every_published_url_still_lands_on_its_page_and_anchor(pages):
    broken = []
    for url in published_urls():
        try:
            land(url, pages)
        except Broken as error:
            broken.append(str(error))
    assert not broken, "Published addresses that broke:\n" + "\n".join(broken)


def test_every_page_section_and_cue_is_in_the_registry(content_pages):
    missing = sorted(linkable_addresses(content_pages) - set(published_urls()))
    assert not missing, f"Add these to {REGISTRY.name}, so they stay protected:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    "url, reason",
    [
        ("/no-such-page/", "nothing is published at /no-such-page/"),
        ("/hinge/pull-the-hips-back/#no-such-heading", "has no #no-such-heading"),
        ("/hinge/9/", "nothing is published at /hinge/9/"),
    ],
)
def test_a_missing_page_or_anchor_is_reported_by_name(url, reason, pages):
    with pytest.raises(Broken, match=reason):
        land(url, pages)


def test_a_redirect_keeps_the_anchor_of_the_link(pages, source_pages):
    step_two = next(s.url for s in source_pages if s.meta.get("step") == 2)
    assert land("/hinge/2/#what-to-do", pages) == (step_two, "what-to-do")
    assert land("/hinge/2/", pages) == (step_two, "")
