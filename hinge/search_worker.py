"""The site's search worker: Material's own, with one step before each query and one after.

overrides/assets/javascripts/workers/search.hinge.js reads a word the search
index lacks as its nearest index word, hands the query to Material's worker,
which it loads with importScripts, and ranks Material's answer by page. Material names its worker by a
hash of its contents (search.<hash>.min.js), so the build writes that name
into the copy in site/. A name in the page's URL for the worker would be lost
offline: the service worker answers from its cache, without the '#' or '?'.
It runs after the build, before the service worker lists the files.
"""

from __future__ import annotations

import json
from pathlib import Path

from hinge.fill_in import fill_in

WORKERS = Path("assets/javascripts/workers")
SEARCH_WORKER = WORKERS / "search.hinge.js"
NAME_LINE = 'const MATERIAL_WORKER = "unbuilt";'


def write_search_worker(site: Path) -> None:
    material = sorted(path.name for path in (site / WORKERS).glob("search.*.min.js"))
    if len(material) != 1:
        raise ValueError(f"expected one Material search worker in site/{WORKERS.as_posix()}, found {material}")
    fill_in(site / SEARCH_WORKER, f"overrides/{SEARCH_WORKER.as_posix()}",
            {NAME_LINE: f"const MATERIAL_WORKER = {json.dumps(material[0])};"})
