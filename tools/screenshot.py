"""Take phone-size screenshots of built pages, in light and dark mode, to look at.

Usage, after `make build`:
    .venv/bin/python -m tools.screenshot hinge/pull-the-hips-back/ about/ --out screenshots
Writes <out>/<page>-light.png and <page>-dark.png (390×844, full page) and
prints their paths. Not part of the build: a person's check that a page that
tests green also looks right.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.local_site import CHROMIUM, CHROMIUM_ARGS, serve

SITE = Path(__file__).resolve().parent.parent / "site"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", help="URL paths below the site root, e.g. about/")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "screenshots")
    parser.add_argument("--viewport-only", action="store_true", help="capture only the first screen")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)

    with serve(SITE) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme,
                                          is_mobile=True, has_touch=True)
            page = context.new_page()
            for url in options.pages:
                page.goto(base + url.lstrip("/"))
                page.wait_for_load_state("networkidle")
                name = url.strip("/").replace("/", "_") or "home"
                path = options.out / f"{name}-{scheme}.png"
                page.screenshot(path=path, full_page=not options.viewport_only)
                print(path)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
