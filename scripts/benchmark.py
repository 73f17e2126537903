"""Lighthouse (mobile) on every page of the built site, served gzip-compressed on loopback.

Usage: `make benchmark` (builds the site, installs Lighthouse from benchmark/,
then runs this), or after `make build`:
    CHROME_PATH=/usr/bin/chromium .venv/bin/python -m scripts.benchmark [url-path ...]

Prints a Markdown table, one row per page: the four Lighthouse category scores,
the bytes the page transferred (everything, search included), LCP, TBT and CLS,
each the median of --runs runs, beside the page-weight budget figures from
scripts/page_weight.py. Timing lives here, never in the tests: it
depends on the machine, and the tests must stay deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from statistics import median

from scripts.page_weight import GZIP_LEVEL, SITE, budget_report, site_pages

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / "benchmark" / "node_modules" / ".bin" / "lighthouse"
SUB_PATH = "/hinge-guide/"
COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                "image/svg+xml", "application/manifest+json", "application/xml", "text/xml"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves site/ below SUB_PATH, gzip-compressed like GitHub Pages does."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".webmanifest": "application/manifest+json"}

    def translate_path(self, path):
        if not path.startswith(SUB_PATH):
            return str(SITE / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def send_head(self):
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or kind not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, *args):
        pass


def lighthouse(url: str, report: Path) -> dict:
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}", "--no-enable-error-reporting",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
        check=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
    )
    return json.loads(report.read_text(encoding="utf-8"))


def summary(results: list[dict]) -> dict:
    """The median of each figure over the runs: one slow or lucky run does not set the table."""
    def figure(pick):
        return median(pick(result) for result in results)
    audit = lambda name: (lambda result: result["audits"][name]["numericValue"])  # noqa: E731
    return {
        **{name: figure(lambda result, name=name: result["categories"][name]["score"] * 100) for name in CATEGORIES},
        "bytes": figure(audit("total-byte-weight")),
        "lcp": figure(audit("largest-contentful-paint")),
        "tbt": figure(audit("total-blocking-time")),
        "cls": figure(audit("cumulative-layout-shift")),
    }


def row(url: str, figures: dict, budget: dict) -> list[str]:
    return [
        f"/{url}",
        *(f"{figures[name]:.0f}" for name in CATEGORIES),
        f"{figures['bytes'] / 1024:.1f}",
        f"{budget['first_visit'] / 1024:.1f}",
        f"{budget['further_page'] / 1024:.1f}",
        f"{figures['lcp'] / 1000:.2f} s",
        f"{figures['tbt']:.0f} ms",
        f"{figures['cls']:.3f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="URL paths below the site root (default: every page)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the table shows medians")
    options = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make benchmark`, which installs it.")

    # Redirect stubs (short links like hinge/2/) only send the browser on to a page that has its own row.
    pages = [page for page in site_pages()
             if (not options.pages or page.url in options.pages)
             and page.soup.find("meta", attrs={"http-equiv": "refresh"}) is None]
    budgets = budget_report(pages)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_GzipHandler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}{SUB_PATH}"

    header = ["Page", "Perf", "A11y", "Best pr.", "SEO", "Transferred KiB", "First visit KiB (≤50)",
              "Further page KiB (≤14)", "LCP", "TBT", "CLS"]
    rows, lcps = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for page in pages:
            results = [lighthouse(base + page.url, Path(scratch) / "report.json") for _ in range(options.runs)]
            figures = summary(results)
            rows.append(row(page.url, figures, budgets[page.url]))
            lcps.append(figures["lcp"] / 1000)
            print(" | ".join(rows[-1]), flush=True)
    server.shutdown()

    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    print(f"\n{len(rows)} pages; LCP median {median(lcps):.2f} s, worst {max(lcps):.2f} s.")


if __name__ == "__main__":
    main()
