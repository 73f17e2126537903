"""MkDocs hook: put a copy-link button on the title bar of every cue block.

A coach sends one cue, not a whole page. Each cue block already has a stable
id (its `anchor` in front matter); this hook adds a button beside the cue that
copies the page's permanent URL with that #anchor. The button is rendered from
overrides/partials/hg-cue-link.html and given behaviour by hinge.js. A cue
block that front matter does not declare stops the build, naming the file,
since it would be missing from the cue finder and the cue sheet.
Runs on every finished page, after the search index has read the page text,
so the button's words never turn up in search results.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

TEMPLATE = "partials/hg-cue-link.html"
# The cue block as pymdownx.blocks.admonition writes it, up to the end of its title.
CUE_TITLE = re.compile(r'<div class="admonition cue" id="(?P<anchor>[^"]+)">\s*<p class="admonition-title">.*?</p>', re.DOTALL)


def on_post_page(html, page, config):
    if 'class="admonition cue"' not in html:
        return html
    declared = {cue["anchor"]: cue["cue"] for cue in page.meta.get("cues", [])}
    template = config.theme.get_env().get_template(TEMPLATE)

    def add_button(match: re.Match) -> str:
        anchor = match["anchor"]
        if anchor not in declared:
            raise PluginError(
                f"docs/{page.file.src_uri} has a cue block #{anchor} that its front matter does not list: "
                f"add it under 'cues' with its cue, what it fixes and anchor: {anchor}"
            )
        button = template.render(cue=declared[anchor], url=f"{page.canonical_url}#{anchor}")
        return match[0] + button.strip()

    return CUE_TITLE.sub(add_button, html)
