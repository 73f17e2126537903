"""Measure how long the Hinge Guide takes to build and to show an edit.

Why: the build runs four hooks, the social-card plugin and a Node CSS step
(hinge/optimize.py). This tool puts numbers on
what that costs, so a change that makes writing slow is noticed. It measures:

1. a stock Material build of the same pages (no hooks, no overrides, no extra
   plugins), as the baseline;
2. the project's warm production build (`mkdocs build --strict`, as `make build`);
3. scaling: a temporary copy of the project, built as is (1x) and with ten
   times the pages (10x);
4. `mkdocs serve`: the time from saving a page until the edit shows in a
   headless browser, and until the server's HTTP response contains it.

Each number is the median of --runs runs, with min and max; every build is
warmed up once first. Nothing touches the network: the server binds 127.0.0.1.

    .venv/bin/python tools/build_timing.py [--runs 3] [--out benchmark/build-timing.md]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from importlib.metadata import version
from pathlib import Path

import yaml
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The Makefile exports these, so `make build` prints no MkDocs 2.0 banner.
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
BUILD_TIMEOUT = 900  # seconds, for any one build
# The stock baseline keeps only these settings from the project's mkdocs.yml.
STOCK_KEYS = ("site_name", "site_url", "docs_dir", "nav", "markdown_extensions")
# Top-level folders a project copy leaves out; the last two are symlinked instead.
NOT_COPIED = {".git", ".venv", "site", "tests", "benchmark", "tools", "node_modules", ".cache"}
SYMLINKED = ("node_modules", ".cache")
EXTRA_COPIES = 9  # 1 original + 9 copies = 10x the pages
SERVE_PAGE = "hinge/pull-the-hips-back"
CHROMIUM = "/usr/bin/chromium"


class MeasureError(Exception):
    """A step failed; the message says which and why."""


# ---------------------------------------------------------------- running things

def tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run_timed(command: list[str], cwd: Path, env: dict) -> float:
    """Run a command, return its wall-clock seconds; fail with its stderr tail."""
    shown = " ".join(command)
    start = time.perf_counter()
    try:
        result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise MeasureError(f"`{shown}` (in {cwd}) took over {BUILD_TIMEOUT} s") from None
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise MeasureError(f"`{shown}` (in {cwd}) failed with exit code {result.returncode}:\n{tail(result.stderr)}")
    return seconds


def warm_build_times(folder: Path, runs: int, strict: bool = True, env: dict = BUILD_ENV) -> list[float]:
    """One untimed warm-up build, then `runs` timed ones."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"] + (["--strict"] if strict else [])
    run_timed(command, folder, env)
    return [run_timed(command, folder, env) for _ in range(runs)]


def summary(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.2f} | {min(seconds):.2f} | {max(seconds):.2f}"


def page_count(folder: Path) -> int:
    return len(list((folder / "docs").rglob("*.md")))


# ---------------------------------------------------------------- mkdocs.yml

def load_mkdocs_yml(path: Path, config_dir: Path) -> dict:
    """Read mkdocs.yml with MkDocs' own tags replaced by plain values:
    `!ENV [NAME, default]` gives the default, `!relative` gives config_dir."""

    class TolerantLoader(yaml.SafeLoader):
        pass

    def plain_value(loader, tag, node):
        if tag == "ENV":
            values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
            return values[-1] if len(values) > 1 else None
        if tag == "relative":
            return str(config_dir)
        raise MeasureError(f"{path}: this tool does not know the tag !{tag}")

    TolerantLoader.add_multi_constructor("!", plain_value)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=TolerantLoader)


def dump_yaml(data) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def replace_nav(config_text: str, nav: list) -> str:
    """Swap everything from the `nav:` line to the end for a new nav.
    That is only safe while nav is the last key of mkdocs.yml: check it."""
    lines = config_text.splitlines(keepends=True)
    starts = [number for number, line in enumerate(lines) if line.startswith("nav:")]
    if len(starts) != 1:
        raise MeasureError("mkdocs.yml must have exactly one top-level `nav:` line")
    later_keys = [line for line in lines[starts[0] + 1:] if re.match(r"[^\s#-]", line)]
    if later_keys:
        raise MeasureError(f"`nav:` must be the last key of mkdocs.yml for this tool; found after it: {later_keys[0]!r}")
    return "".join(lines[:starts[0]]) + dump_yaml({"nav": nav})


# ---------------------------------------------------------------- temporary copies

def make_stock_copy(folder: Path) -> None:
    """The pages with stock Material: docs/, includes/ and a bare mkdocs.yml."""
    for name in ("docs", "includes"):
        shutil.copytree(PROJECT_ROOT / name, folder / name)
    project_config = load_mkdocs_yml(PROJECT_ROOT / "mkdocs.yml", config_dir=folder)
    config = {key: project_config[key] for key in STOCK_KEYS if key in project_config}
    config["theme"] = {"name": "material"}
    (folder / "mkdocs.yml").write_text(dump_yaml(config), encoding="utf-8")


def make_project_copy(folder: Path) -> None:
    """Everything the build reads (mkdocs.yml, docs, overrides, hooks, ...);
    node_modules and the card cache are shared through symlinks."""
    shutil.copy2(PROJECT_ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for entry in PROJECT_ROOT.iterdir():
        if entry.is_dir() and entry.name not in NOT_COPIED:
            shutil.copytree(entry, folder / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
    if not (PROJECT_ROOT / "node_modules").is_dir():
        raise MeasureError("node_modules is missing: run `make build` once first (it runs `npm ci`)")
    (PROJECT_ROOT / ".cache").mkdir(exist_ok=True)  # a symlink to a missing folder would break the cards
    for name in SYMLINKED:
        (folder / name).symlink_to(PROJECT_ROOT / name)


def copy_path(page: str, number: int) -> str:
    return page.removesuffix(".md") + f"-copy-{number}.md"


def is_copied_page(page) -> bool:
    return isinstance(page, str) and page.endswith(".md") and Path(page).name != "index.md"


def nav_with_copies(items: list) -> list:
    """The nav with each copied page's copies listed right after it."""
    extended = []
    for item in items:
        title, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(target, list):
            extended.append({title: nav_with_copies(target)})
            continue
        extended.append(item)
        if is_copied_page(target):
            for number in range(2, EXTRA_COPIES + 2):
                page = copy_path(target, number)
                extended.append({f"{title} (copy {number})": page} if title else page)
    return extended


def multiply_pages(folder: Path) -> None:
    """Give every page except index pages 9 copies, each listed in the nav.
    The copies are byte-for-byte the same: no hook rejects a repeated cue
    anchor or figure on another page (the cue finder suffixes repeated row ids)."""
    docs = folder / "docs"
    for page in sorted(docs.rglob("*.md")):
        if is_copied_page(page.name):
            for number in range(2, EXTRA_COPIES + 2):
                shutil.copyfile(page, docs / copy_path(page.relative_to(docs).as_posix(), number))
    config_path = folder / "mkdocs.yml"
    nav = load_mkdocs_yml(config_path, config_dir=folder)["nav"]
    config_path.write_text(replace_nav(config_path.read_text(encoding="utf-8"), nav_with_copies(nav)), encoding="utf-8")


# ---------------------------------------------------------------- mkdocs serve

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8", errors="replace")


def wait_until_serving(root_url: str, server: subprocess.Popen, log: Path, timeout: float = 300) -> str:
    """Wait for the server to answer; return the site's base URL. The server
    redirects / to the path of site_url (e.g. /hinge-guide/)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise MeasureError(f"mkdocs serve exited with code {server.returncode}:\n{tail(log.read_text())}")
        try:
            with urllib.request.urlopen(root_url, timeout=30) as response:
                return response.geturl()
        except OSError:
            time.sleep(0.25)
    raise MeasureError(f"mkdocs serve did not answer {root_url} within {timeout} s:\n{tail(log.read_text())}")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=5)


class ServerPoller(threading.Thread):
    """Polls a URL every 50 ms from `started` until the token shows up (and for
    one more second), noting for each response with the token whether it is
    a whole page (contains `</html>`)."""

    def __init__(self, url: str, token: str, started: float, timeout: float = 120):
        super().__init__(daemon=True)
        self.url, self.token, self.started, self.timeout = url, token, started, timeout
        self.seconds_to_token: float | None = None
        self.whole_page: list[bool] = []  # one entry per response containing the token

    def run(self) -> None:
        while time.perf_counter() - self.started < self.timeout:
            try:
                html = fetch(self.url)
            except OSError:  # the server is busy or restarting: try again
                time.sleep(0.05)
                continue
            now = time.perf_counter() - self.started
            if self.token in html:
                self.whole_page.append("</html>" in html)
                if self.seconds_to_token is None:
                    self.seconds_to_token = now
                elif now - self.seconds_to_token > 1:
                    return
            time.sleep(0.05)


def measure_serve(folder: Path, runs: int) -> tuple[list[float], list[float], list[bool]]:
    """Browser and HTTP seconds from each edit to the edit being visible."""
    port = free_port()
    source = folder / "docs" / f"{SERVE_PAGE}.md"
    log = folder / "serve.log"
    browser_seconds, http_seconds, whole_pages = [], [], []
    with open(log, "w") as log_file:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=folder, env=BUILD_ENV, stdout=log_file, stderr=subprocess.STDOUT)
    try:
        url = wait_until_serving(f"http://127.0.0.1:{port}/", server, log) + f"{SERVE_PAGE}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(url, wait_until="load", timeout=60_000)
            for _ in range(runs):
                time.sleep(2)  # let the server and page settle after the last rebuild
                token = f"timingtoken{uuid.uuid4().hex[:12]}"
                started = time.perf_counter()
                with open(source, "a", encoding="utf-8") as markdown:
                    markdown.write(f"\n\nEdit marker {token}.\n")
                poller = ServerPoller(url, token, started)
                poller.start()
                try:
                    page.wait_for_function("token => document.body && document.body.innerText.includes(token)",
                                           arg=token, polling=50, timeout=120_000)
                except PlaywrightError as error:
                    raise MeasureError(f"the edit never showed in the browser ({error}):\n{tail(log.read_text())}")
                browser_seconds.append(time.perf_counter() - started)
                poller.join(timeout=150)
                if poller.seconds_to_token is None:
                    raise MeasureError(f"the server never returned the edit:\n{tail(log.read_text())}")
                http_seconds.append(poller.seconds_to_token)
                whole_pages += poller.whole_page
            browser.close()
    finally:
        stop_server(server)
    return browser_seconds, http_seconds, whole_pages


# ---------------------------------------------------------------- the report

def measure_and_report(runs: int) -> str:
    lines = [
        "# Build timing: Hinge Guide", "",
        f"- Date: {datetime.datetime.now().isoformat(timespec='seconds')}",
        f"- nproc: {len(os.sched_getaffinity(0))}",
        f"- Python {platform.python_version()}, MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}",
        f"- Each number: median | min | max of {runs} run(s), in seconds, after one warm-up build", "",
        "## Warm builds", "",
        "| Build | Pages | Median | Min | Max |", "| --- | --- | --- | --- | --- |",
    ]
    with tempfile.TemporaryDirectory(prefix="build-timing-stock-") as temp:
        stock = Path(temp)
        make_stock_copy(stock)
        stock_times = warm_build_times(stock, runs, strict=False)
    lines.append(f"| Stock Material, same pages and Markdown extensions | {page_count(PROJECT_ROOT)} | {summary(stock_times)} |")
    project_times = warm_build_times(PROJECT_ROOT, runs)
    lines.append(f"| Project, `mkdocs build --strict` | {page_count(PROJECT_ROOT)} | {summary(project_times)} |")
    ratio = statistics.median(project_times) / statistics.median(stock_times)
    lines += ["", f"Project / stock (medians): {ratio:.1f}x", ""]

    lines += ["## Scaling (temporary copy of the project)", "",
              "Production settings; the social cards (warm cache) also measured switched off "
              "(HINGE_SOCIAL_CARDS=false) to show their share.", "",
              "| Copy | Cards | Pages | Median | Min | Max | Median s/page |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    medians = {}
    for size in ("1x", "10x"):
        with tempfile.TemporaryDirectory(prefix=f"build-timing-{size}-") as temp:
            copy = Path(temp)
            make_project_copy(copy)
            if size == "10x":
                multiply_pages(copy)
            for cards in ("on", "off"):
                env = BUILD_ENV if cards == "on" else {**BUILD_ENV, "HINGE_SOCIAL_CARDS": "false"}
                times = warm_build_times(copy, runs, env=env)
                medians[size, cards] = statistics.median(times)
                pages = page_count(copy)
                lines.append(f"| {size} | {cards} | {pages} | {summary(times)} | {medians[size, cards] / pages:.3f} |")
    lines += ["", f"10x / 1x (medians): {medians['10x', 'on'] / medians['1x', 'on']:.1f}x with cards, "
              f"{medians['10x', 'off'] / medians['1x', 'off']:.1f}x without", ""]

    with tempfile.TemporaryDirectory(prefix="build-timing-serve-") as temp:
        copy = Path(temp)
        make_project_copy(copy)
        browser_times, http_times, whole_pages = measure_serve(copy, runs)
    lines += [f"## `mkdocs serve`: edit to visible (/{SERVE_PAGE}/)", "",
              "| From saving the Markdown until | Median | Min | Max |", "| --- | --- | --- | --- |",
              f"| the token shows in Chromium (390×844, via livereload) | {summary(browser_times)} |",
              f"| the server's HTTP response has the token (50 ms polls) | {summary(http_times)} |", "",
              f"Responses with the token: {len(whole_pages)}, of which {whole_pages.count(False)} lacked `</html>` "
              "(half written).", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per number (default 3)")
    parser.add_argument("--out", type=Path, default=Path("benchmark/build-timing.md"),
                        help="report file; relative paths are under the project root")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    try:
        report = measure_and_report(args.runs)
    except MeasureError as error:
        print(f"build_timing: {error}", file=sys.stderr)
        sys.exit(1)
    print(report)
    out = PROJECT_ROOT / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
