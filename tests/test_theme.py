"""The theme overrides stay in step with Material and with the site's one colour.

Four of Material's partials are copied into overrides/partials/ with one small
change each. When Material is updated, its own copy may change and ours would
silently keep the old markup: each override names the upstream file's hash,
and this test fails when the installed Material's file no longer matches it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from conftest import ROOT

OVERRIDES = ROOT / "overrides" / "partials"
MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
UPSTREAM = re.compile(r"Material [\d.]+'s (partials/[\w/-]+\.html) \(upstream sha256 ([0-9a-f]{16})\)")


def copied_partials() -> list[Path]:
    """Overrides that share a name with one of Material's partials."""
    return sorted(path for path in OVERRIDES.rglob("*.html")
                  if (MATERIAL_TEMPLATES / "partials" / path.relative_to(OVERRIDES)).exists())


def test_there_are_copied_partials_to_check():
    assert copied_partials(), "no override shares a name with a Material partial: has Material moved its templates?"


@pytest.mark.parametrize("override", copied_partials(), ids=lambda path: path.name)
def test_a_copied_partial_matches_the_material_it_was_copied_from(override):
    match = UPSTREAM.search(override.read_text(encoding="utf-8"))
    assert match, (f"{override.relative_to(ROOT)} copies Material's partial without saying from which version: "
                   "start it with \"Material X.Y.Z's partials/NAME.html (upstream sha256 <first 16 hex>)\"")
    upstream = MATERIAL_TEMPLATES / match[1]
    installed = hashlib.sha256(upstream.read_bytes()).hexdigest()[:16]
    assert installed == match[2], (
        f"Material's {match[1]} changed since {override.relative_to(ROOT)} was copied from it "
        f"(sha256 {match[2]} then, {installed} now). Compare the two files, carry Material's changes "
        "into the override, keep the one change it documents, then write the new hash in its header."
    )


def test_the_theme_colour_is_set_once_and_the_stylesheet_agrees(theme_color):
    colour = theme_color
    css = (ROOT / "overrides" / "assets" / "stylesheets" / "hinge.css").read_text(encoding="utf-8")
    primary = re.search(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6})", css)
    assert primary and primary[1].lower() == colour.lower(), (
        f"hinge.css sets the header colour to {primary and primary[1]}, mkdocs.yml's extra.theme_color is {colour}: "
        "make them the same (the app icons, manifest and browser toolbar use mkdocs.yml's)")


def test_the_app_icons_and_manifest_use_the_theme_colour(site, theme_color):
    colour = theme_color
    manifest = (site / "manifest.webmanifest").read_text(encoding="utf-8")
    assert f'"theme_color": "{colour}"' in manifest
    from PIL import Image

    with Image.open(site / "assets" / "images" / "icons" / "maskable-512.png") as icon:
        corner = icon.convert("RGB").getpixel((4, 4))
    wanted = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    # The icons keep 16 shades to stay small, which may move a channel by a step or two.
    assert max(abs(a - b) for a, b in zip(corner, wanted)) <= 2, (
        f"the maskable icon's background is {corner}, not the theme colour {colour}")
