"""How well the site's search answers a query set: top-1 and top-3 shares, and each miss.

Usage, after `make build`:
    .venv/bin/python -m tools.search_quality tests/search_queries.yml tests/search_queries_tuning.yml \
        tests/search_queries_tuning_2.yml [HELD_OUT.yml ...]
Ranks every query with the site's own search worker (tests/search_harness.mjs,
under Node), exactly as the search box does. Not a test: a held-out set is
scored here once, and never tuned for (README, "What does what").
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools.page_weight import KIB, SEARCH_INDEX_BUDGET, gzip_size

PROJECT = Path(__file__).resolve().parent.parent
HARNESS = PROJECT / "tests" / "search_harness.mjs"
SITE = PROJECT / "site"


@dataclass
class Score:
    queries: int
    top1: int
    top3: int
    empty: int
    misses: list[str]

    def summary(self) -> str:
        return (f"{self.queries} queries: top-1 {self.top1}/{self.queries} ({self.top1 / self.queries:.0%}), "
                f"top-3 {self.top3}/{self.queries} ({self.top3 / self.queries:.0%}), {self.empty} found nothing")


def rank(queries: list[str], site: Path = SITE) -> dict[str, list[str]]:
    """Each query's result pages, best first, as URL paths below the site root."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node not found: the search worker runs under Node.js")
    result = subprocess.run([node, str(HARNESS), str(site)], input=json.dumps(queries), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"the search harness failed:\n{result.stderr}")
    answers = json.loads(result.stdout)
    return {query: [group["page"] for group in answers[query]["pages"]] for query in queries}


def score(items: list[dict], site: Path = SITE) -> Score:
    ranking = rank([item["q"] for item in items], site)
    top1 = top3 = empty = 0
    misses = []
    for item in items:
        pages = ranking[item["q"]]
        # A blind writer may name a second page that answers a query equally well ("also").
        right = {item["page"], item.get("also", item["page"])}
        first = bool(pages) and pages[0] in right
        top1 += first
        top3 += bool(right & set(pages[:3]))
        empty += not pages
        if not first:
            shown = ", ".join("/" + page for page in pages[:3]) or "nothing"
            misses.append(f"{item['q']!r}: wants {' or '.join('/' + page for page in sorted(right))}, shows {shown}")
    return Score(len(items), top1, top3, empty, misses)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path, help="YAML query sets (- {q: ..., page: ...})")
    options = parser.parse_args()
    index = SITE / "search" / "search_index.json"
    print(f"search index: {gzip_size(index) / KIB:.1f} KiB gzip (budget {SEARCH_INDEX_BUDGET / KIB:.0f} KiB)")
    for path in options.sets:
        result = score(yaml.safe_load(path.read_text(encoding="utf-8")))
        print(f"{path.name}: {result.summary()}")
        for miss in result.misses:
            print(f"  miss {miss}")


if __name__ == "__main__":
    main()
