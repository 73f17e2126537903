"""The service worker's file list and a version for this build.

Clients read the guide in gyms with no signal, so overrides/sw.js (copied to
site/sw.js) keeps every page, asset, figure and the search index in the
browser's cache. It needs to know which files those are and when they change:
this writes into sw.js each file in site/ with a hash of its contents (pages
first, so an interrupted copy has the pages), and a version that is a hash of
them all, so any change makes a new cache that replaces the old. With the
per-file hashes, a returning reader's phone downloads only the files a deploy
changed and copies the rest from its old offline copy.
It runs last after each build, when every other step has written its files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from hinge.fill_in import fill_in


SERVICE_WORKER = "sw.js"
VERSION_LINE = 'const VERSION = "unbuilt";'
FILES_LINE = "const FILES = {};"
# Not kept offline: source maps (for developers), lunr's language packs (this site
# searches English), the gzipped sitemap (for crawlers), and the social preview
# cards (for chat apps; no page shows them).
LEFT_OUT_PREFIXES = ("assets/javascripts/lunr/", "assets/images/social/")
LEFT_OUT_SUFFIXES = (".map", ".gz")


def files_to_keep(site: Path) -> list[str]:
    """Every file the guide shows or uses, as URLs relative to the site root ('' for the home page), pages first."""
    kept = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if (not path.is_file() or relative == SERVICE_WORKER
                or relative.startswith(LEFT_OUT_PREFIXES) or relative.endswith(LEFT_OUT_SUFFIXES)):
            continue
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative.removesuffix("index.html")  # pages are asked for by their directory URL
        kept.append(relative)
    return sorted(kept, key=lambda url: not is_page(url))


def is_page(url: str) -> bool:
    return url == "" or url.endswith("/") or url.endswith(".html")


def file_path(site: Path, url: str) -> Path:
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


def content_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def version(hashes: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for url, file_hash in hashes.items():
        digest.update(f"{url}\0{file_hash}\0".encode("utf-8"))
    return digest.hexdigest()[:16]


def write_service_worker(site: Path) -> None:
    hashes = {"./" if url == "" else url: content_hash(file_path(site, url)) for url in files_to_keep(site)}
    fill_in(site / SERVICE_WORKER, f"overrides/{SERVICE_WORKER}", {
        VERSION_LINE: f"const VERSION = {json.dumps(version(hashes))};",
        FILES_LINE: f"const FILES = {json.dumps(hashes, indent=2)};",
    })
