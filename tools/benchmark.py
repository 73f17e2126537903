"""Lighthouse (mobile) on every page of the built site, served gzip-compressed on loopback.

Usage: `make benchmark` (builds the site, installs Lighthouse from benchmark/,
then runs this), or after `make build`:
    CHROME_PATH=/usr/bin/chromium .venv/bin/python -m tools.benchmark [/url/path/ ...]

Prints a Markdown table and writes it to benchmark/lighthouse.md (--out), one
row per page: the four Lighthouse category scores,
the bytes the page transferred (everything, search included), LCP, TBT and CLS,
each the median of --runs runs, beside the page-weight budget figures from
tools/page_weight.py. Timing lives here, never in the tests: it
depends on the machine, and the tests must stay deterministic.

With --against-stock it also builds the same pages with stock Material (no
hooks, no overrides: tools/build_timing.make_stock_copy) and runs Lighthouse on
both sites side by side, page by page, alternating runs so that the machine's
load falls on both alike; the table goes to benchmark/lighthouse-vs-stock.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

from tools.local_site import serve
from tools.page_weight import GZIP_LEVEL, SITE, budget_report, site_pages

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / "benchmark" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RESULTS = PROJECT / "benchmark" / "lighthouse.md"
SIDE_BY_SIDE = PROJECT / "benchmark" / "lighthouse-vs-stock.md"


def site_path(argument: str) -> str:
    """A page as the README prints it ("/hinge/set-it-up/", "/") as the site's URL path ("hinge/set-it-up/", "")."""
    path = argument.strip().lstrip("/")
    return path if path == "" or path.endswith(("/", ".html")) else path + "/"


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


def write_report(out: Path, title: str, how: str, header: list[str], rows: list[list[str]], closing: str,
                 also: str = "") -> None:
    """Print the results as a Markdown page and write it to `out`."""
    lines = [
        f"# {title} ({datetime.date.today()})",
        "",
        f"{how}, {os.cpu_count()} cores, {platform.platform()}.{' ' + also if also else ''}",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(cells) + " |" for cells in rows),
        "",
        closing,
    ]
    print("\n" + "\n".join(lines))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_stock_site(folder: Path) -> Path:
    """The same pages built with stock Material, in folder/site."""
    from tools.build_timing import make_stock_copy

    make_stock_copy(folder)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(folder / "site")],
                   cwd=folder, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return folder / "site"


def against_stock(pages: list, runs: int, out: Path) -> None:
    """Lighthouse on this site and on stock Material, page by page, runs alternating."""
    header = ["Page", "Perf (this site)", "Perf (stock)", "LCP (this site)", "LCP (stock)",
              "TBT (this site)", "TBT (stock)", "CLS (this site)", "CLS (stock)"]
    rows, ours_all, stock_all = [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        stock_site = build_stock_site(Path(scratch) / "stock")
        with serve(SITE, gzip_level=GZIP_LEVEL) as ours, serve(stock_site, gzip_level=GZIP_LEVEL) as stock:
            for page in pages:
                results = {"ours": [], "stock": []}
                for _ in range(runs):
                    for name, base in (("ours", ours), ("stock", stock)):
                        results[name].append(lighthouse(base + page.url, Path(scratch) / "report.json"))
                mine, theirs = summary(results["ours"]), summary(results["stock"])
                lowest = lambda name: min(r["categories"]["performance"]["score"] * 100 for r in results[name])  # noqa: E731
                ours_all.append(mine)
                stock_all.append(theirs)
                rows.append([f"/{page.url}", f"{mine['performance']:.0f} (min {lowest('ours'):.0f})",
                             f"{theirs['performance']:.0f} (min {lowest('stock'):.0f})",
                             f"{mine['lcp'] / 1000:.2f} s", f"{theirs['lcp'] / 1000:.2f} s",
                             f"{mine['tbt']:.0f} ms", f"{theirs['tbt']:.0f} ms",
                             f"{mine['cls']:.3f}", f"{theirs['cls']:.3f}"])
                print(" | ".join(rows[-1]), flush=True)

    def overall(figures: list[dict], key: str) -> float:
        return median(figure[key] for figure in figures)

    write_report(
        out, "Lighthouse: this site beside stock Material",
        f"Written by `tools/benchmark.py --against-stock`: Lighthouse mobile, median of {runs} runs per page and "
        "site (min in brackets), runs alternating between the two sites",
        header, rows,
        f"{len(rows)} pages. Medians over the pages: performance {overall(ours_all, 'performance'):.0f} here, "
        f"{overall(stock_all, 'performance'):.0f} stock; LCP {overall(ours_all, 'lcp') / 1000:.2f} s here, "
        f"{overall(stock_all, 'lcp') / 1000:.2f} s stock; TBT {overall(ours_all, 'tbt'):.0f} ms here, "
        f"{overall(stock_all, 'tbt'):.0f} ms stock. Pages under 100 here: "
        f"{sum(figure['performance'] < 100 for figure in ours_all)}.",
        also="Stock Material: the same docs/ and Markdown extensions, no hooks, overrides or other plugins.",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages as /url/path/, a plan link as /plan/?v=1&… "
                        "(default: every page)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the table shows medians")
    parser.add_argument("--out", type=Path, help=f"where to write the table (default {RESULTS.relative_to(PROJECT)}, "
                                                 f"or {SIDE_BY_SIDE.relative_to(PROJECT)} with --against-stock)")
    parser.add_argument("--against-stock", action="store_true",
                        help="run stock Material on the same pages too, side by side")
    options = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make benchmark`, which installs it.")

    # Redirect stubs (short links like hinge/2/) only send the browser on to a page that has its own row.
    every_page = [page for page in site_pages() if page.soup.find("meta", attrs={"http-equiv": "refresh"}) is None]
    # A query (a plan link, issue 14) is kept for the URL Lighthouse opens; the page is its path.
    queries = {}
    for argument in options.pages:
        path, _, query = argument.partition("?")
        queries.setdefault(site_path(path), []).append(f"?{query}" if query else "")
    wanted = list(queries)
    unknown = sorted(set(wanted) - {page.url for page in every_page})
    if unknown:
        raise SystemExit(f"no built page at {', '.join('/' + url for url in unknown)}: "
                         "give pages as the README does, e.g. /hinge/set-it-up/ (run `make build` first)")
    pages = [page for page in every_page if not wanted or page.url in wanted]
    if options.against_stock:
        return against_stock(pages, options.runs, options.out or SIDE_BY_SIDE)
    # Over every page: a "further page" counts the files no other page of the site loads.
    budgets = budget_report(every_page)

    header = ["Page", "Perf", "A11y", "Best pr.", "SEO", "Transferred KiB", "First visit KiB (≤50)",
              "Further page KiB (≤14)", "LCP", "TBT", "CLS"]
    rows, lcps = [], []
    # Gzip-compressed as GitHub Pages sends it, at the level the budget counts.
    with serve(SITE, gzip_level=GZIP_LEVEL) as base, tempfile.TemporaryDirectory() as scratch:
        for page, query in [(page, query) for page in pages for query in queries.get(page.url, [""])]:
            results = [lighthouse(base + page.url + query, Path(scratch) / "report.json") for _ in range(options.runs)]
            figures = summary(results)
            rows.append(row(page.url + query, figures, budgets[page.url]))
            lcps.append(figures["lcp"] / 1000)
            print(" | ".join(rows[-1]), flush=True)

    write_report(
        options.out or RESULTS, "Lighthouse benchmark",
        f"Written by `make benchmark` (tools/benchmark.py): Lighthouse mobile, median of {options.runs} runs per page",
        header, rows, f"{len(rows)} pages; LCP median {median(lcps):.2f} s, worst {max(lcps):.2f} s.",
    )


if __name__ == "__main__":
    main()
