"""Serve a built site on loopback the way a phone would fetch it, and start Chromium here.

The tests, the screenshot helper and the benchmark all need the same thing:
the site over HTTP below the sub-path GitHub Pages gives it (/hinge-guide/),
optionally gzip-compressed as Pages sends it, and Debian's Chromium started
with flags that keep it from calling out of this machine's closed network.
"""

from __future__ import annotations

import gzip
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SUB_PATH = "/hinge-guide/"  # as a project page on GitHub Pages; proves sub-path hosting works
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium phones home at start-up; the closed network refuses those
# connections, and tests must see only the site's own requests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                "image/svg+xml", "application/manifest+json", "application/xml", "text/xml"}


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves a folder below a sub-path only; gzip-compresses text when asked to."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".webmanifest": "application/manifest+json"}

    def __init__(self, *args, sub_path: str, gzip_level: int | None, **kwargs):
        self.sub_path, self.gzip_level = sub_path, gzip_level
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        if not path.startswith(self.sub_path):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(self.sub_path):])

    def send_head(self):
        if self.gzip_level is None or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or kind not in COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=self.gzip_level)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, *args):
        pass


class _QuietServer(ThreadingHTTPServer):
    """A browser aborts requests it no longer needs (a page left mid-load); that
    is not an error worth a traceback in the test output."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, sub_path: str = SUB_PATH, gzip_level: int | None = None) -> Iterator[str]:
    """Serve `directory` on a free loopback port; yields its base URL (ending in sub_path)."""
    handler = partial(_SiteHandler, directory=str(directory), sub_path=sub_path, gzip_level=gzip_level)
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{sub_path}"
    finally:
        server.shutdown()
