"""Purge and inline the built site's CSS with pinned Node tools (hinge/optimize_css.mjs).

Material blocks the first paint on 25 KiB (gzip) of CSS, most of it for features
this site does not use. PurgeCSS, Beasties and esbuild (package-lock.json) do
that job far better than anything written here, so the build runs them on site/
as its first post-build step. Node 20.19 or later is needed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve().parent / "optimize_css.mjs"
NODE_MODULES = PROJECT / "node_modules"
# The CSS step's results, keyed by its inputs (hinge/optimize_css.mjs): a warm build skips the work.
CACHE = PROJECT / ".cache" / "optimize-css"
NODE_NEEDED = (20, 19)


class OptimizeError(RuntimeError):
    """The CSS tools are missing or failed; says what to do."""


def node_version(node: str) -> tuple[int, int]:
    result = subprocess.run([node, "--version"], capture_output=True, text=True, check=True)
    major, minor, *_ = result.stdout.strip().lstrip("v").split(".")
    return int(major), int(minor)


def optimize_css(site_dir: str, base_path: str) -> None:
    node = shutil.which("node")
    needed = ".".join(map(str, NODE_NEEDED))
    if node is None:
        raise OptimizeError(f"Node.js is missing: install Node {needed} or later (README, 'Prerequisites').")
    if node_version(node) < NODE_NEEDED:
        raise OptimizeError(f"Node {'.'.join(map(str, node_version(node)))} is too old: the CSS tools need "
                            f"Node {needed} or later (README, 'Prerequisites').")
    if not (NODE_MODULES / "beasties").is_dir():
        raise OptimizeError(f"{NODE_MODULES} is missing the CSS tools: run `make build`, which runs `npm ci`.")
    result = subprocess.run([node, str(SCRIPT), site_dir, base_path, str(CACHE)], capture_output=True, text=True)
    if result.returncode != 0:
        raise OptimizeError(f"hinge/optimize_css.mjs could not optimise {site_dir}:\n{result.stderr}")
