"""Stage 4, after the build: CSS, app icons, then the offline copy, in that order.

Problem: three steps rewrite or add files in site/, and each depends on the one
before: the service worker must list the files as they finally are, after the
CSS tools replaced the stylesheets and the icons were drawn.
Reason: one function runs them in order, so the order is the code's, not a
priority number's. Under `mkdocs serve` the CSS step is skipped: it rewrites
every page, which is slow, and a page would be served half processed meanwhile.
When: after MkDocs and its plugins have written the site (plugins run first).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from hinge.offline import write_service_worker
from hinge.search_worker import write_search_worker
from hinge.optimize import OptimizeError, optimize_css
from hinge.state import STATE
from hinge.web_app import write_web_app


def on_post_build(config: MkDocsConfig) -> None:
    if STATE.production:
        try:
            optimize_css(config.site_dir, urlsplit(config.site_url or "/").path or "/")
        except OptimizeError as error:
            raise PluginError(str(error)) from None
    write_web_app(config, STATE.figures)
    write_search_worker(Path(config.site_dir))
    write_service_worker(Path(config.site_dir))
