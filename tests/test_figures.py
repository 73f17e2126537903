"""Figures: every exercise page shows its position, drawn from the pose file.

Checks the built site: each step, variation and progression page has a figure
with alt text and a caption; no figure is missing or orphaned; every SVG is
small and well-formed; the page figures take the theme's colours; the hinge
animation holds still for people who ask for less motion.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import DOCS, ROOT, open_page
from hinge.figures.body import LENGTH, first_panel, load_figures
from hinge.content import EXERCISE_KINDS

FIGURES = load_figures()
MAX_BYTES = 16 * 1024
SVG = "{http://www.w3.org/2000/svg}"
PLACEHOLDER = re.compile(r"^<!-- figure: ([a-z0-9-]+) -->$", re.MULTILINE)


def inline_svgs(page) -> list[str]:
    """Each figure's inline <svg> on a page, as written (bs4 would lower-case viewBox)."""
    html = page.path.read_text(encoding="utf-8")
    return re.findall(r'<svg\b[^>]*aria-labelledby="hg-fig-.*?</svg>', html, re.DOTALL)


def placed_figures() -> dict[str, list[str]]:
    """Figure names by the Markdown page that places them."""
    return {
        str(path.relative_to(DOCS)): PLACEHOLDER.findall(path.read_text(encoding="utf-8"))
        for path in sorted(DOCS.rglob("*.md"))
    }


def test_every_exercise_page_shows_a_figure_with_alt_text_and_a_caption(content_pages, source_pages):
    exercise_pages = [s for s in source_pages if s.meta.get("kind") in EXERCISE_KINDS]
    assert len(exercise_pages) >= 13
    for source in exercise_pages:
        page = content_pages[source.url]
        figures = page.soup.select("figure.hg-figure")
        assert figures, f"/{source.url} shows no figure: add a <!-- figure: NAME --> line"
        for figure in figures:
            svg = figure.find("svg")
            assert svg is not None and svg.get("role") == "img", f"/{source.url}: the figure has no image role"
            title = figure.find(id=svg.get("aria-labelledby"))
            assert title is not None and title.name == "title", f"/{source.url}: the figure's name is not its <title>"
            assert len(title.get_text(strip=True).split()) >= 6, f"/{source.url}: the alt text says too little"
            assert figure.figcaption.get_text(strip=True), f"/{source.url}: the figure has no caption"


def test_the_hinge_overview_shows_the_whole_hinge_moving(content_pages):
    svg = content_pages["hinge/"].soup.select_one("figure.hg-figure svg")
    assert svg is not None and "hg-hinge" in svg.get("class", []), "the hinge overview has no animation"


def test_no_figure_is_missing_or_orphaned():
    placed = [name for names in placed_figures().values() for name in names]
    unknown = sorted(set(placed) - set(FIGURES))
    orphans = sorted(set(FIGURES) - set(placed))
    assert not unknown, f"pages place figures the pose file does not have: {unknown}"
    assert not orphans, f"figures in hinge/figures/poses.yml that no page places: {orphans}"


def test_every_placeholder_became_a_figure(content_pages):
    for url, page in content_pages.items():
        html = page.path.read_text(encoding="utf-8")
        assert "figure:" not in re.sub(r"<svg\b.*?</svg>", "", html, flags=re.DOTALL), f"/{url} kept a placeholder"


def test_every_svg_is_small_and_well_formed(site, content_pages):
    standalone = sorted((site / "assets" / "figures").glob("*.svg"))
    assert {path.stem for path in standalone} == set(FIGURES), "one standalone file per figure"
    drawings = [(f"assets/figures/{path.name}", path.read_text(encoding="utf-8")) for path in standalone]
    drawings += [(f"/{url} inline", svg) for url, page in content_pages.items() for svg in inline_svgs(page)]
    assert len(drawings) >= 2 * len(FIGURES)
    for where, text in drawings:
        size = len(text.encode("utf-8"))
        assert size <= MAX_BYTES, f"{where} is {size} bytes, over {MAX_BYTES}"
        assert ET.fromstring(text).tag == f"{SVG}svg", where


def test_page_figures_take_the_theme_colours_and_files_keep_their_own(site, content_pages):
    stylesheet = (ROOT / "overrides" / "assets" / "stylesheets" / "hinge.css").read_text(encoding="utf-8")
    for url, page in content_pages.items():
        for svg in inline_svgs(page):
            assert not re.search(r"#[0-9a-fA-F]{3,6}\b", svg), f"/{url}: a figure has a fixed colour"
            classes = {c for value in re.findall(r'class="([^"]+)"', svg) for c in value.split()}
            for name in {c for c in classes if c.startswith("hg-fig-")}:
                assert f".{name} " in stylesheet, f"/{url}: hinge.css does not colour .{name}"
    for path in (site / "assets" / "figures").glob("*.svg"):
        styles = "".join(style.text for style in ET.fromstring(path.read_text(encoding="utf-8")).iter(f"{SVG}style"))
        assert ".hg-fig-ink{stroke:#" in styles, f"{path.name} has no colours of its own"


def test_right_and_wrong_are_said_in_words(content_pages):
    pairs = [name for name, figure in FIGURES.items() if len(figure.panels) == 2]
    assert len(pairs) == 3
    for url, page in content_pages.items():
        for svg in inline_svgs(page):
            labelled = re.search(r'aria-labelledby="hg-fig-([a-z0-9-]+)"', svg).group(1)
            if labelled in pairs:
                words = " ".join(re.findall(r">([^<>]+)</tspan>", svg))
                assert "Right" in words and "Wrong" in words, f"/{url}: {labelled} is not labelled in words"


def animation_file(site) -> str:
    name = next(name for name, figure in FIGURES.items() if figure.is_animation)
    return (site / "assets" / "figures" / f"{name}.svg").read_text(encoding="utf-8")


def test_the_animation_moves_only_when_motion_is_welcome(site):
    style = next(s.text for s in ET.fromstring(animation_file(site)).iter(f"{SVG}style") if "@keyframes" in s.text)
    opening = "@media (prefers-reduced-motion:no-preference){"
    assert style.startswith(opening) and style.endswith("}"), "all motion sits inside a reduced-motion rule"
    inside = style[len(opening):-1]
    assert inside.count("@keyframes") >= 7 and "animation-name" in inside


def test_the_animation_still_frame_is_the_pose_it_names(site):
    """Compose the nested joint groups as a browser would and compare the hand with the model."""
    animation = next(figure for figure in FIGURES.values() if figure.is_animation)
    still = first_panel(FIGURES[animation.still])
    root = ET.fromstring(animation_file(site))
    parents = {child: parent for parent in root.iter() for child in parent}
    forearm = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "hg-hinge-forearm" and g.find(f"{SVG}path") is not None)

    x, y, node = 0.0, LENGTH["forearm"], forearm  # the hand, in the forearm group's own coordinates
    while node is not None:
        for kind, values in reversed(re.findall(r"(translate|rotate)\(([^)]*)\)", node.get("transform", ""))):
            numbers = [float(v) for v in values.split()]
            if kind == "rotate":
                turn = math.radians(numbers[0])
                x, y = x * math.cos(turn) - y * math.sin(turn), x * math.sin(turn) + y * math.cos(turn)
            else:
                x, y = x + numbers[0], y + (numbers[1] if len(numbers) > 1 else 0.0)
        node = parents.get(node)
    hand = still.joints["hand"]
    assert math.hypot(x - hand[0], y + hand[1]) < 1.5, f"drawn hand at {x:.1f},{-y:.1f}, model at {hand}"


@pytest.mark.browser
@pytest.mark.parametrize("motion, moving", [("reduce", False), ("no-preference", True)])
def test_the_animation_holds_still_when_asked(browser, site_url, motion, moving):
    context = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion=motion)
    page = context.new_page()
    open_page(page, site_url + "hinge/")
    running = page.evaluate("document.querySelectorAll('.hg-hinge').length && document.getAnimations().length")
    context.close()
    assert (running > 0) is moving, f"with {motion} motion, {running} animations run"


def relative_luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figures_read_on_a_phone_in_light_and_dark_mode(browser, site_url, content_pages, source_pages, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, is_mobile=True)
    page = context.new_page()
    exercise_urls = [s.url for s in source_pages if s.meta.get("kind") in EXERCISE_KINDS]
    for url in ["hinge/", *exercise_urls]:
        open_page(page, site_url + url)
        svg = page.locator(".hg-figure svg").first
        box = svg.bounding_box()
        px_per_cm = box["width"] / float(svg.get_attribute("viewBox").split()[2])
        # At 1.2 px a cm a person stands over 200 px tall: big enough to see the position.
        assert box["width"] <= 390 - 24 and px_per_cm >= 1.2, f"/{url} ({scheme}): figure is {box}"
        colours = page.evaluate("""() => {
            const ink = document.querySelector('.hg-figure .hg-fig-ink');
            const key = document.querySelector('.hg-figure .hg-fig-key, .hg-figure .hg-fig-dot');
            const keyStyle = getComputedStyle(key);
            return {
              ink: getComputedStyle(ink).stroke,
              key: key.classList.contains('hg-fig-dot') ? keyStyle.fill : keyStyle.stroke,
              page: getComputedStyle(document.body).backgroundColor,
            };
        }""")
        assert contrast(colours["ink"], colours["page"]) >= 4.5, f"/{url} ({scheme}): body on page {colours}"
        assert contrast(colours["key"], colours["page"]) >= 3, f"/{url} ({scheme}): highlight on page {colours}"
    context.close()
