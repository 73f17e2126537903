"""The service worker's file list and a version for this build.

Clients read the guide in gyms with no signal, so overrides/sw.js (copied to
site/sw.js) keeps every page, asset, figure and the search index in the
browser's cache. It needs to know which files those are and when they change:
this writes the list of files in site/ into sw.js, and a version that is a
hash of their contents, so any change makes a new cache that replaces the old.
It runs last after each build, when every other step has written its files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


SERVICE_WORKER = "sw.js"
VERSION_LINE = 'const VERSION = "unbuilt";'
FILES_LINE = "const FILES = [];"
# Not kept offline: source maps (for developers), lunr's language packs (this site
# searches English), the gzipped sitemap (for crawlers), and the social preview
# cards (for chat apps; no page shows them).
LEFT_OUT_PREFIXES = ("assets/javascripts/lunr/", "assets/images/social/")
LEFT_OUT_SUFFIXES = (".map", ".gz")


def files_to_keep(site: Path) -> list[str]:
    """Every file the guide shows or uses, as URLs relative to the site root ('' for the home page)."""
    kept = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if (not path.is_file() or relative == SERVICE_WORKER
                or relative.startswith(LEFT_OUT_PREFIXES) or relative.endswith(LEFT_OUT_SUFFIXES)):
            continue
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative.removesuffix("index.html")  # pages are asked for by their directory URL
        kept.append(relative)
    return kept


def version(site: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for url in files:
        path = site / url / "index.html" if url == "" or url.endswith("/") else site / url
        digest.update(url.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def write_service_worker(site: Path) -> None:
    worker = site / SERVICE_WORKER
    source = worker.read_text(encoding="utf-8")
    for line in (VERSION_LINE, FILES_LINE):
        if line not in source:
            raise ValueError(f"overrides/{SERVICE_WORKER} must contain the line {line!r}: the build fills it in")
    files = files_to_keep(site)
    urls = ["./" if url == "" else url for url in files]
    source = source.replace(VERSION_LINE, f"const VERSION = {json.dumps(version(site, files))};")
    source = source.replace(FILES_LINE, f"const FILES = {json.dumps(urls, indent=2)};")
    worker.write_text(source, encoding="utf-8")
