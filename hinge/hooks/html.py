"""Stage 3, HTML fixes: what no Markdown extension or partial can do (hinge/html_fixes.py).

Problem: screen readers hear heading links as "¶"; Material writes an
attribute HTML forbids on two checkboxes; a coach needs a copy-link button on
each cue; the Content Security Policy must name each inline script's hash.
Reason: each fix is a small, tested function over the rendered page.
When: heading labels as each page's HTML is made; the rest on the finished
page (after search has indexed it, and after the minify plugin) and on the 404
page; the script hashes last.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hinge import html_fixes
from hinge.state import STATE

CUE_BUTTON = "partials/hg-cue-link.html"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return html_fixes.label_heading_links(html, page.toc)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = html_fixes.drop_checkbox_autocomplete(output)
    model = STATE.content.page(page.file.src_uri)
    if model.cues:
        template = config.theme.get_env().get_template(CUE_BUTTON)
        output = html_fixes.add_cue_buttons(output, model.cues, page.canonical_url,
                                            lambda cue, url: template.render(cue=cue.words, url=url))
    return html_fixes.hash_inline_scripts(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return html_fixes.hash_inline_scripts(html_fixes.drop_checkbox_autocomplete(output_content))
