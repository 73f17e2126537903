"""Write a review sheet with every exercise figure, in light and dark, side by side.

Problem: a figure can pass every test and still look wrong (a knee that reads
as a squat, a fault too small to see), and the figures are spread over
fourteen pages. Reason: one sheet with every drawing next to its alt text
lets a coach or a developer review them all at a glance, in both colour
schemes, without building the site. Not part of the site: nothing links to
it and it is written outside docs/.

Usage:
    .venv/bin/python -m tools.figure_gallery            # figure-gallery/index.html and .png
    .venv/bin/python -m tools.figure_gallery --no-png   # the HTML only, no browser needed

The page inlines each figure as the site does (hg-fig-* classes) with the
site's own stylesheet, hinge.css, so the colours are the ones a reader sees.
The PNG is taken with reduced motion, so the animation shows its still frame.
"""

from __future__ import annotations

import argparse
import html
from pathlib import Path

from hinge.figures import FigureLibrary

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = ROOT / "overrides" / "assets" / "stylesheets" / "hinge.css"
DEFAULT_OUT = ROOT / "figure-gallery"
SHEET_WIDTH = 1400  # px: two figures of up to ~600 px side by side, with their text

# Material's own colour variables that hinge.css builds on, for each scheme
# (Material 9, default and slate). The site gets them from Material's CSS; this
# sheet does not load Material, so it sets the few the figures use.
MATERIAL_COLOURS = """
[data-md-color-scheme="default"] {
  --md-default-bg-color: #fff;
  --md-default-fg-color: rgba(0, 0, 0, 0.87);
  --md-default-fg-color--light: rgba(0, 0, 0, 0.54);
  --md-default-fg-color--lighter: rgba(0, 0, 0, 0.32);
  --md-default-fg-color--lightest: rgba(0, 0, 0, 0.07);
}
[data-md-color-scheme="slate"] {
  --md-default-bg-color: hsla(232, 15%, 14%, 1);
  --md-default-fg-color: hsla(232, 75%, 90%, 0.82);
  --md-default-fg-color--light: hsla(232, 75%, 90%, 0.56);
  --md-default-fg-color--lighter: hsla(232, 75%, 90%, 0.32);
  --md-default-fg-color--lightest: hsla(232, 75%, 90%, 0.12);
}
"""
SHEET_STYLE = f"""
body {{ margin: 0; font: 14px/1.4 sans-serif; width: {SHEET_WIDTH}px; }}
.row {{ display: grid; grid-template-columns: 1fr 1fr; border-bottom: 1px solid #999; }}
.scheme {{ padding: 12px; background: var(--md-default-bg-color); color: var(--md-default-fg-color); }}
.scheme svg {{ display: block; max-width: 100%; height: auto; margin: 0 auto; }}
h2 {{ font-size: 15px; margin: 0 0 4px; }}
p {{ margin: 4px 0; font-size: 12px; }}
"""


def gallery_html(library: FigureLibrary) -> str:
    """The review sheet: one row per figure, light on the left and dark on the right."""
    rows = []
    for drawn in library:
        size = len(drawn.file_svg.encode("utf-8"))
        cells = []
        for scheme in ("default", "slate"):
            cells.append(
                f'<div class="scheme" data-md-color-scheme="{scheme}">'
                f"<h2>{html.escape(drawn.name)} <small>({size} bytes as a file)</small></h2>"
                f"{drawn.inline_svg}"
                f"<p><b>Caption:</b> {html.escape(drawn.caption)}</p>"
                f"<p><b>Alt:</b> {html.escape(drawn.figure.alt)}</p></div>"
            )
        rows.append(f'<section class="row" id="{drawn.name}">{"".join(cells)}</section>')
    stylesheet = STYLESHEET.read_text(encoding="utf-8")
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hinge Guide figures</title>"
            f"<style>{MATERIAL_COLOURS}{stylesheet}{SHEET_STYLE}</style></head><body>{''.join(rows)}</body></html>")


def write_gallery(out: Path, png: bool = True) -> list[Path]:
    """Write out/index.html and, with a browser, out/gallery.png; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    page = out / "index.html"
    page.write_text(gallery_html(FigureLibrary()), encoding="utf-8")
    written = [page]
    if png:
        written.append(screenshot(page, out / "gallery.png"))
    return written


def screenshot(page: Path, target: Path) -> Path:
    """A full-page PNG of the sheet in Debian's Chromium, with motion reduced."""
    from playwright.sync_api import sync_playwright

    from tools.local_site import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": SHEET_WIDTH, "height": 900}, reduced_motion="reduce")
        tab = context.new_page()
        tab.goto(page.as_uri())
        tab.screenshot(path=target, full_page=True)
        browser.close()
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write into")
    parser.add_argument("--no-png", action="store_true", help="write the HTML only")
    options = parser.parse_args()
    for path in write_gallery(options.out, png=not options.no_png):
        print(path)


if __name__ == "__main__":
    main()
