"""Links: every internal link, image and #anchor lands somewhere real.

A coach's link must land on the right spot, and the site must work when it is
served from a sub-path (GitHub Pages), so no link may start with '/'.
"""

from __future__ import annotations

from conftest import target_exists

# Elements and the attribute that makes the browser load or follow a URL.
REFERENCES = {"a": "href", "img": "src", "link": "href", "script": "src", "source": "src", "use": "href"}
NOT_FOLLOWED = ("mailto:", "tel:", "javascript:", "data:")


def references(page):
    for tag, attribute in REFERENCES.items():
        for element in page.soup.find_all(tag):
            value = element.get(attribute)
            if value and not value.startswith(NOT_FOLLOWED):
                yield tag, value


def test_internal_links_images_and_anchors_resolve(site, content_pages, pages):
    broken, checked_anchors = [], 0
    for url, page in content_pages.items():
        for tag, value in references(page):
            resolved = page.resolve(value)
            if resolved is None:
                continue  # another host; the privacy tests decide whether that is allowed
            path, fragment = resolved
            checked_anchors += bool(fragment)
            target = target_exists(site, path)
            if target is None:
                broken.append(f"/{url}: <{tag}> {value!r} points at a missing file")
            elif fragment:
                target_url = target.relative_to(site).as_posix().removesuffix("index.html")
                if fragment not in pages[target_url].ids:
                    broken.append(f"/{url}: <{tag}> {value!r} points at a missing anchor #{fragment}")
    assert not broken, "Broken internal references:\n" + "\n".join(broken)
    assert checked_anchors > len(content_pages), "the checker found too few #anchors: is the HTML parsed?"


def test_no_link_is_root_absolute(content_pages):
    # The 404 page is the exception by design: the server shows it at any URL,
    # so MkDocs writes its links from the site root.
    absolute = [
        f"/{url}: <{tag}> {value!r}"
        for url, page in content_pages.items()
        for tag, value in references(page)
        if value.startswith("/") and not value.startswith("//")
    ]
    assert not absolute, "Root-absolute links break sub-path hosting; use relative links:\n" + "\n".join(absolute)
