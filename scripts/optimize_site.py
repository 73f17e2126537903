"""MkDocs hook: purge, inline and minify the built site's CSS and scripts with Node.

Material blocks the first paint on 25 KiB (gzip) of CSS, most of it for features
this site does not use. scripts/optimize_site.mjs fixes that with well-kept Node
tools (PurgeCSS, Beasties, esbuild; pinned in package-lock.json). This hook runs
it on site/ after every build, so `make build`, `make serve`, the tests and CI
all check the same optimised pages. Runs after the plugins' post-build steps
(redirect pages, search index) and before the service worker lists the files.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PROJECT = Path(__file__).resolve().parent.parent
SCRIPT = PROJECT / "scripts" / "optimize_site.mjs"
NODE_MODULES = PROJECT / "node_modules"


@event_priority(-50)
def on_post_build(config):
    node = shutil.which("node")
    if node is None:
        raise PluginError("Node.js is missing: install Node 20 or later (see README, 'The two commands').")
    if not (NODE_MODULES / "beasties").is_dir():
        raise PluginError(f"{NODE_MODULES} is missing the build tools: run `make build`, which runs `npm ci`.")
    base_path = urlsplit(config.site_url or "/").path or "/"
    command = [node, str(SCRIPT), config.site_dir, base_path]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"scripts/optimize_site.mjs could not optimise {config.site_dir}:\n{result.stderr}")
