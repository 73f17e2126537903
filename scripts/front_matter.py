"""MkDocs hook: refuse to build a page whose front matter is incomplete or wrong.

A page with a missing description or a misspelt kind would still render, just
wrongly: no preview text, no template check, missing from the cue finder. This
hook stops the build instead and names the file and the field to fix.
Runs on every page as its Markdown is read.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from page_schema import problems, yaml_problem


def on_page_markdown(markdown, page, config, files):
    broken_yaml = yaml_problem(page.file.content_string)
    found = [broken_yaml] if broken_yaml else problems(page.meta)
    if found:
        details = "\n  - ".join(found)
        raise PluginError(f"Bad front matter in docs/{page.file.src_uri}:\n  - {details}")
    return markdown
