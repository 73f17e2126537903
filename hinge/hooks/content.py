"""Stage 1, content: read every page into the content model and render what it holds.

Problem: the cue finder, the cue sheet, the exercise blocks (action line, dose,
faults) and the search entries for cues all repeat facts that pages declare in
front matter; written by hand or scraped back out of HTML, they drift.
Reason: the model (hinge/content.py) reads each page once when the nav is
known, so a mistake in any page stops the build before anything renders,
naming the file, the field and the fix, under `mkdocs serve` as under
`mkdocs build`. Every list and block is rendered from it (hinge/render.py).
When: on_nav loads the model; on_page_markdown fills the placeholders;
on_page_context hands Material's search the page's extra entries.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hinge import plan, render
from hinge.content import PLACEHOLDERS, ContentError, Source, load_content, load_tooltips
from hinge.state import STATE

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    STATE.production = not _serving
    STATE.content = None
    # Templates read this too: under `mkdocs serve` the pages unregister the
    # service worker, so every edit shows at once (hinge.js, startOfflineCopy).
    config.extra["offline"] = STATE.production
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    sources = [
        Source(page.file.src_uri, Path(page.file.abs_src_path), page.url, page.parent.title if page.parent else "")
        for page in nav.pages
    ]
    # Pages left out of the menu (mkdocs.yml, not_in_nav: the plan builder and the plan page) come last.
    in_nav = {source.src for source in sources}
    sources += [Source(file.src_uri, Path(file.abs_src_path), file.url)
                for file in files.documentation_pages() if file.src_uri not in in_nav]
    try:
        STATE.content = load_content(sources, docs_name=Path(config.docs_dir).name)
        for path in _appended_files(config):
            load_tooltips(path, str(path.relative_to(Path(config.config_file_path).parent)), glossary=STATE.content)
    except ContentError as error:
        raise PluginError(f"The content has mistakes the build cannot render:\n{error}") from None
    return nav


def _appended_files(config: MkDocsConfig) -> list[Path]:
    """The files pymdownx.snippets appends to every page (the glossary tooltips)."""
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    base = snippets.get("base_path", ".")  # a path, or mkdocs.yml's `!relative $config_dir`
    base = Path(base[0] if isinstance(base, list) else os.fspath(base))
    return [base / name for name in snippets.get("auto_append", [])]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = STATE.content
    model = content.page(page.file.src_uri)
    # The model has checked each placeholder has what it needs.
    renderers = {
        "cue-finder": lambda: render.render_cue_finder(content, model.src),
        "cue-sheet": lambda: render.render_cue_sheet(content, model.src),
        "dose": lambda: render.render_dose(model),
        "faults": lambda: render.render_faults(model, content),
        "plan-builder": lambda: plan.render_builder(content, model),
        "plan": lambda: plan.render_plan_page(content, STATE.figures, model),
        "plan-ids": lambda: plan.render_plan_ids(content, model),
    }
    for name in model.placeholders:
        markdown = markdown.replace(PLACEHOLDERS[name], renderers[name]())
    # overrides/main.html loads a page's own scripts on that page only.
    page.meta["hg_scripts"] = [plan.SCRIPTS[name] for name in sorted(model.placeholders & set(plan.SCRIPTS))]
    # Right under the title: the action line, then the other names.
    if model.also_called:
        markdown = _after_title(markdown, render.render_also_called(model))
    if model.action:
        markdown = _after_title(markdown, render.render_action(model))
    return markdown


def _after_title(markdown: str, block: str) -> str:
    """The page with block placed right after its '# Title' line."""
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
    lines.insert(title + 1, f"\n{block}\n")
    return "\n".join(lines)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # Material's search plugin has just indexed this page's sections (plugins run
    # before hooks); the cue blocks, cue rows and terms join them as results of their own.
    search = config.plugins.get("material/search")
    if search is None:
        raise PluginError("hinge/hooks/content.py adds search entries: keep Material's search plugin in mkdocs.yml")
    model = STATE.content.page(page.file.src_uri)
    render.add_search_words_and_names(search.search_index.entries, model)
    search.search_index.entries += render.search_entries(model, STATE.content)
    return context
