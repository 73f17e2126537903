"""MkDocs hook: drop `autocomplete` from checkbox inputs, which HTML does not allow there.

Material's base.html writes `autocomplete="off"` on the two checkboxes that open
the drawer and the search, so the Nu Html Checker reports an error on every page.
They sit in base.html outside any template block, so no partial override can
reach them; this hook removes the attribute from each rendered page instead.
Runs on every page, and on the 404 page (a static template), once rendered.
"""

from __future__ import annotations

import re

CHECKBOX_WITH_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="[^"]*"')


def on_post_page(output, page, config):
    return CHECKBOX_WITH_AUTOCOMPLETE.sub(r"\1", output)


def on_post_template(output_content, template_name, config):
    return CHECKBOX_WITH_AUTOCOMPLETE.sub(r"\1", output_content)
