"""MkDocs hook: let Material's social plugin draw the link preview cards offline.

The plugin downloads its card font from Google Fonts unless the font already
sits in its cache as <cache_dir>/fonts/<Family>/<Style>.ttf. A fresh clone or
a CI run has an empty cache, and the build must never touch the network, so
this hook copies the freely licensed font kept in social-cards/fonts/ there
first. It also anchors the card layout folder to the project, because the
plugin would look for it relative to the working directory.
Runs once, when the configuration is loaded; does nothing when cards are off.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "social-cards" / "fonts"
# The family name the card layouts ask for, and the file for each style.
FAMILY = "DejaVu Sans"
STYLES = {"Regular.ttf": "DejaVuSans.ttf", "Bold.ttf": "DejaVuSans-Bold.ttf"}


def on_config(config):
    social = config.plugins.get("material/social")
    if social is None or not social.config.enabled:
        return config
    project = Path(config.config_file_path).parent
    social.config.cards_layout_dir = str(project / social.config.cards_layout_dir)

    cached = project / social.config.cache_dir / "fonts" / FAMILY
    cached.mkdir(parents=True, exist_ok=True)
    for style, source in STYLES.items():
        target = cached / style
        if not target.is_file() or not filecmp.cmp(FONTS / source, target, shallow=False):
            shutil.copyfile(FONTS / source, target)
    return config
