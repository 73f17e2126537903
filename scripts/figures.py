"""MkDocs hook: draw every exercise figure at build time and place it in its page.

Problem: people learn a position by looking at it, and drawings made by hand
drift from the text and from each other. Reason: each figure is drawn from the
pose numbers in scripts/figure_poses.yml (scripts/figure_model.py,
scripts/figure_svg.py), so nothing generated is committed and nothing drifts.
A page asks for a figure with a line of its own:

    <!-- figure: step-2-pull-the-hips-back -->

The figure goes into the page inline, so it takes the theme's colours (light,
dark and the palette toggle); a copy with fixed colours is written to
assets/figures/<name>.svg for preview cards and the offline cache. An unknown
name or a mistyped placeholder stops the build, naming the page.
When: the pose file is read with the config, the standalone copies join the
site's files, placeholders are checked as each page's Markdown is read and
swapped for the figure once it is HTML.
"""

from __future__ import annotations

import difflib
import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from figure_model import POSES_FILE, PoseFileError, load_figures
from figure_svg import figure_svg

PLACEHOLDER = re.compile(r"^<!-- figure: ([a-z0-9-]+) -->$", re.MULTILINE)
ANYTHING_LIKE_A_PLACEHOLDER = re.compile(r"^.*<!--\s*fig.*$", re.IGNORECASE | re.MULTILINE)
FIGURES_DIR = "assets/figures"

_figures = {}
_placed: dict[str, list[str]] = {}  # page source path -> figure names, in order


def on_config(config):
    try:
        figures = load_figures()
    except PoseFileError as error:
        raise PluginError(f"scripts/{POSES_FILE.name}: {error}") from error
    _figures.clear()
    _figures.update(figures)
    return config


def on_files(files, config):
    for name, figure in _figures.items():
        svg = figure_svg(figure, _figures, standalone=True)
        files.append(File.generated(config, f"{FIGURES_DIR}/{name}.svg", content=svg))
    return files


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    for line in ANYTHING_LIKE_A_PLACEHOLDER.findall(markdown):
        if not PLACEHOLDER.fullmatch(line):
            raise PluginError(f"{where}: the figure line {line.strip()!r} has a typo; "
                              "write it on a line of its own as <!-- figure: NAME -->")
    names = PLACEHOLDER.findall(markdown)
    for name in names:
        if name not in _figures:
            close = difflib.get_close_matches(name, _figures, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise PluginError(f"{where}: unknown figure '{name}'; figures are named in "
                              f"scripts/{POSES_FILE.name}.{hint}")
        if names.count(name) > 1:
            raise PluginError(f"{where}: figure '{name}' is placed twice; place it once")
    _placed[page.file.src_uri] = names
    return markdown


def on_page_content(html, page, config, files):
    template = config.theme.get_env().get_template("partials/hg-figure.html")
    for name in _placed.get(page.file.src_uri, []):
        placeholder = f"<!-- figure: {name} -->"
        if placeholder not in html:
            raise PluginError(f"docs/{page.file.src_uri}: the figure line for '{name}' must stand alone, "
                              "with an empty line before and after it")
        figure = _figures[name]
        inline = template.render(svg=figure_svg(figure, _figures), caption=figure.caption)
        html = html.replace(placeholder, inline)
    return html
