"""Stage 2, figures and preview cards: everything drawn.

Problem: figures drawn by hand drift from the words; link previews need a
picture, and the card plugin would fetch its font from the network.
Reason: one FigureLibrary (hinge/figures/) draws each figure once from the
pose numbers; the same drawing goes inline into its page, into
assets/figures/ for the offline cache, and onto the page's preview card
(hinge/cards.py). A bad pose file or figure line stops the build naming it.
When: the poses load with the config; the files join the site's files; each
page's figure lines are checked as its Markdown is read (and the card gets its
figure) and swapped for the drawing once the page is HTML.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hinge import cards
from hinge.figures import POSES_FILE, FigureLibrary, PlacementError, PoseFileError, placeholder
from hinge.state import STATE


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        STATE.figures = FigureLibrary()
    except PoseFileError as error:
        raise PluginError(f"hinge/figures/{POSES_FILE.name}: {error}") from None
    social = config.plugins.get("material/social")
    if social is not None and not STATE.production:
        social.config.enabled = False  # cards are for chat apps, not the edit loop
    if social is not None and social.config.enabled:
        project = Path(config.config_file_path).parent
        # The plugin would look for the layouts relative to the working directory.
        social.config.cards_layout_dir = str(project / social.config.cards_layout_dir)
        cards.prepare_offline(project / social.config.cache_dir)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for figure in STATE.figures:
        files.append(File.generated(config, figure.path, content=figure.file_svg))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        placed = STATE.figures.placed_in(markdown, f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    except PlacementError as error:
        raise PluginError(str(error)) from None
    social = config.plugins.get("material/social")
    if placed and social is not None and social.config.enabled:
        path = cards.card_figure(placed[0], Path(config.config_file_path).parent / social.config.cache_dir)
        page.meta.setdefault("social", {}).setdefault("cards_layout_options", {})["figure"] = str(path)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    template = config.theme.get_env().get_template("partials/hg-figure.html")
    # The content model read the page's figure lines once (Page.figures); on_page_markdown checked them.
    for name in STATE.content.page(page.file.src_uri).figures:
        if placeholder(name) not in html:
            raise PluginError(f"{Path(config.docs_dir).name}/{page.file.src_uri}: the figure line for '{name}' must stand alone, "
                              "with an empty line before and after it")
        figure = STATE.figures[name]
        html = html.replace(placeholder(name), template.render(svg=figure.inline_svg, caption=figure.caption))
    return html
