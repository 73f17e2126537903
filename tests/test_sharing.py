"""Sharing: a pasted link previews well, and every page can be found and shared.

Checks the rendered HTML: each page's canonical URL, its Open Graph and
Twitter tags (its own title and description, absolute URLs, a 1200×630
preview image that exists), the sitemap, the 404 page, the short step links,
and the share and copy-link buttons on exercise pages.
"""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

import pytest
from PIL import Image


from hinge.content import EXERCISE_KINDS
from hinge.cards import LAYER_HEIGHT, LAYER_WIDTH
from hinge.figures import FigureLibrary

PREVIEW_SIZE = (1200, 630)
# The tags a chat app or social site reads to draw a link preview.
PREVIEW_TAGS = [
    "og:type", "og:site_name", "og:title", "og:description", "og:url", "og:image",
    "og:image:width", "og:image:height", "og:image:alt",
    "twitter:card", "twitter:title", "twitter:description", "twitter:image",
]


def meta_tags(page) -> dict[str, str]:
    return {tag["property"]: tag.get("content", "") for tag in page.soup.find_all("meta", property=True)}


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header chunk (IHDR), which always comes first."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG file"
    return struct.unpack(">II", data[16:24])


def email_line(meta: dict, url: str) -> str:
    """What the Share button copies: "Step 2 — Pull the hips back: <description> <URL>"."""
    return f"{meta['title'].replace(': ', ' — ', 1)}: {meta['description']} {url}"


@pytest.fixture(scope="session")
def sources_by_url(source_pages):
    return {source.url: source for source in source_pages}


def test_every_page_names_its_canonical_url(content_pages, public_url):
    for url, page in content_pages.items():
        canonical = page.soup.find("link", rel="canonical")
        assert canonical is not None, f"/{url} has no canonical link"
        assert canonical["href"] == public_url + url, f"/{url}: canonical is {canonical['href']}"


def test_every_page_has_preview_tags_with_its_own_title_and_description(content_pages, sources_by_url, public_url):
    problems = []
    for url, page in content_pages.items():
        tags, meta = meta_tags(page), sources_by_url[url].meta
        missing = [name for name in PREVIEW_TAGS if not tags.get(name)]
        if missing:
            problems.append(f"/{url} lacks {missing}")
            continue
        expected = {
            "og:title": meta["title"], "twitter:title": meta["title"],
            "og:description": meta["description"], "twitter:description": meta["description"],
            "og:url": public_url + url, "twitter:image": tags["og:image"], "twitter:card": "summary_large_image",
            "og:image:width": str(PREVIEW_SIZE[0]), "og:image:height": str(PREVIEW_SIZE[1]),
        }
        problems += [f"/{url}: {name} is {tags[name]!r}, expected {value!r}" for name, value in expected.items() if tags[name] != value]
        if not tags["og:image"].startswith(public_url):
            problems.append(f"/{url}: og:image {tags['og:image']} is not an absolute URL on the site")
    assert not problems, "\n".join(problems)


def test_every_preview_image_exists_and_is_1200_by_630(site, content_pages, public_url):
    images = {}
    for url, page in content_pages.items():
        image_url = meta_tags(page)["og:image"]
        image = site / image_url.removeprefix(public_url)
        assert image.is_file(), f"/{url}: preview image {image_url} is not in site/"
        assert png_size(image.read_bytes()) == PREVIEW_SIZE, f"/{url}: {image.name} is not {PREVIEW_SIZE}"
        images.setdefault(image_url, []).append(url)
    shared = {image: urls for image, urls in images.items() if len(urls) > 1}
    assert not shared, f"pages share a preview image: {shared}"


def test_png_size_reads_the_header():
    header = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + struct.pack(">II", 640, 480)
    assert png_size(header) == (640, 480)


def test_preview_tags_keep_their_attribute_quotes(content_pages):
    # Some chat apps ignore og: tags whose attributes are unquoted, which an
    # HTML minifier may do to save bytes.
    for url, page in content_pages.items():
        html = page.path.read_text(encoding="utf-8")
        unquoted = [name for name in PREVIEW_TAGS if f'property="{name}" content="' not in html]
        assert not unquoted, f"/{url}: these tags are not written as property=\"…\" content=\"…\": {unquoted}"


def test_sitemap_lists_every_page_by_its_canonical_url(site, content_pages, public_url):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    listed = {loc.text for loc in root.findall("s:url/s:loc", namespace)}
    assert listed == {public_url + url for url in content_pages}, (
        f"missing: {sorted({public_url + u for u in content_pages} - listed)}; extra: {sorted(listed - {public_url + u for u in content_pages})}"
    )


def test_404_page_leads_to_the_cue_finder_the_start_page_and_search(site, pages, public_url):
    not_found = pages["404.html"]
    root = urlsplit(public_url).path  # the server shows this page at any depth: links start at the site root
    links = {a["href"] for a in not_found.soup.select("article a[href]")}
    assert {root, root + "cue-finder/"} <= links, f"404 page links: {links}"
    for href in links:
        assert href.startswith(root) and (site / href.removeprefix(root) / "index.html").is_file(), f"404 page: {href} is broken"
    search = not_found.soup.select_one("article form[role=search]")
    assert search is not None and search["action"] == root, "404 page needs a search form sent to the start page"
    assert search.find("input", attrs={"name": "q"}) is not None, "the search form must send its words as ?q="


@pytest.mark.parametrize("step", range(1, 7))
def test_short_link_opens_its_step(step, pages, source_pages):
    short = pages[f"hinge/{step}/"]
    target = short.resolve(short.redirect())
    step_page = next(s.url for s in source_pages if s.meta.get("step") == step)
    assert target == (step_page, ""), f"/hinge/{step}/ sends readers to {target}, not /{step_page}"


def test_exercise_pages_have_one_share_button_with_the_email_line(content_pages, sources_by_url, public_url):
    for url, page in content_pages.items():
        # The plan pages' Share button sends the plan link, which the page's script writes (test_plan_browser.py).
        buttons = page.soup.select("button[data-hg-share]:not([data-hg-plan-share])")
        meta = sources_by_url[url].meta
        if meta["kind"] not in EXERCISE_KINDS:
            assert not buttons, f"/{url} is a {meta['kind']} page and needs no Share button"
            continue
        assert len(buttons) == 1, f"/{url} needs one Share button, found {len(buttons)}"
        button = buttons[0]
        assert button["data-hg-copy"] == email_line(meta, public_url + url), f"/{url}: the email line is wrong"
        assert (button["data-hg-share-title"], button["data-hg-share-text"], button["data-hg-share-url"]) == (
            meta["title"], meta["description"], public_url + url,
        ), f"/{url}: the share sheet would get the wrong title, text or URL"
        assert button["type"] == "button" and "Share" in button["aria-label"], f"/{url}: the Share button needs a name"


def test_email_line_reads_like_a_sentence():
    meta = {"title": "Step 2: Pull the hips back", "description": "Pull, do not push."}
    assert email_line(meta, "https://x.test/") == "Step 2 — Pull the hips back: Pull, do not push. https://x.test/"


def test_every_cue_has_a_copy_link_button_with_its_anchor(content_pages, source_pages, public_url):
    for source in source_pages:
        for cue in source.meta.get("cues", []):
            block = content_pages[source.url].soup.find(id=cue["anchor"])
            buttons = block.select("button[data-hg-copy]")
            assert len(buttons) == 1, f"/{source.url}#{cue['anchor']} needs one Copy link button, found {len(buttons)}"
            assert buttons[0]["data-hg-copy"] == f"{public_url}{source.url}#{cue['anchor']}"
            assert cue["cue"] in buttons[0]["aria-label"], f"#{cue['anchor']}: the button's name must say which cue"


def test_every_heading_has_a_permalink(content_pages):
    missing = [
        f"/{url}: <{heading.name}> {heading.get_text(' ', strip=True)!r}"
        for url, page in content_pages.items()
        for heading in page.soup.select("article :is(h1, h2, h3, h4, h5, h6)")
        if not heading.get("id") or not heading.select_one(f"a.headerlink[href='#{heading['id']}']")
    ]
    assert not missing, "headings without a permalink:\n" + "\n".join(missing)


def test_cue_sheet_lists_every_cue_with_a_link_to_where_it_is_taught(content_pages, source_pages):
    sheet = content_pages["cue-sheet/"]
    listed = set()
    for row in sheet.soup.select("article table tbody tr"):
        cells = row.find_all("td")
        listed.add((cells[0].get_text(" ", strip=True).strip("“” ").lower(), *sheet.resolve(cells[1].find("a")["href"])))
    declared = {
        (cue["cue"].lower(), source.url, cue["anchor"]) for source in source_pages for cue in source.meta.get("cues", [])
    }
    assert listed == declared, f"missing rows: {declared - listed}; rows with no declared cue: {listed - declared}"


def test_a_page_figure_is_drawn_whole_on_its_card():
    """A figure goes on its page's preview card letterboxed to the card's panel,
    not cropped: a wide right/wrong pair keeps white above and below it."""
    import cairosvg

    figure = FigureLibrary()["step-2-pull-the-hips-back"]
    drawing = figure.letterboxed(LAYER_WIDTH, LAYER_HEIGHT)
    with Image.open(io.BytesIO(cairosvg.svg2png(bytestring=drawing, background_color="white"))) as card:
        card = card.convert("RGB")
        assert card.size == (LAYER_WIDTH, LAYER_HEIGHT)
        top_row = {card.getpixel((x, 2)) for x in range(0, LAYER_WIDTH, 5)}
        middle_row = {card.getpixel((x, LAYER_HEIGHT // 2)) for x in range(0, LAYER_WIDTH, 2)}
    assert top_row == {(255, 255, 255)}, "the figure was stretched or cropped to fill the panel"
    assert len(middle_row) > 2, "the figure is not drawn in the middle of the panel"


def test_exercise_cards_show_the_figure_and_other_cards_the_icon(site):
    cards = site / "assets" / "images" / "social"
    with Image.open(cards / "hinge" / "pull-the-hips-back.png") as exercise, Image.open(cards / "cue-finder.png") as plain:
        # The panel is white behind a figure and teal behind the lifter icon.
        assert exercise.convert("RGB").getpixel((670, 90)) == (255, 255, 255)
        assert plain.convert("RGB").getpixel((670, 90)) != (255, 255, 255)
