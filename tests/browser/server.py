"""Serve a built site on 127.0.0.1 the way GitHub Pages does.

Like Pages for a project site: the site sits under the path of its address (`/eu-nato-record/`),
text is gzip-compressed, a folder without its slash is redirected, and a missing page gets
404.html with status 404. `with SiteServer(site_dir) as url: ...` gives the site's address.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import re
import threading
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED = re.compile(r"^(text/|application/(json|javascript|xml)|image/svg)")


def site_path(site_dir: Path) -> str:
    """The path part of the address the site was built for (`/name/`), read from its sitemap."""
    sitemap = site_dir / "sitemap.xml"
    match = re.search(r"<loc>([^<]+)</loc>", sitemap.read_text("utf-8")) if sitemap.exists() else None
    path = urlsplit(match[1]).path if match else "/"
    return path.rstrip("/") + "/"


class SiteServer:
    def __init__(self, site_dir: Path):
        root, prefix = site_dir.resolve(), site_path(site_dir)

        class Handler(_PagesHandler):
            site_root, site_prefix = root, prefix

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _PagesHandler(http.server.BaseHTTPRequestHandler):
    site_root: Path
    site_prefix: str

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def _respond(self, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        file = self._file(path)
        if file and file.is_dir():
            if not path.endswith("/"):
                return self._send(301, b"", {"Location": path + "/"}, send_body)
            file = file / "index.html"
        status = 200 if file and file.is_file() else 404
        if status == 404:
            file = self.site_root / "404.html"
        body, headers = _encoded(file, "gzip" in self.headers.get("Accept-Encoding", ""))
        self._send(status, body, headers, send_body)
        return None

    def _file(self, path: str) -> Path | None:
        if not (path + "/").startswith(self.site_prefix):  # "/name" too: it is redirected to "/name/"
            return None
        file = (self.site_root / path[len(self.site_prefix) :]).resolve()
        return file if file.is_relative_to(self.site_root) else None

    def _send(self, status: int, body: bytes, headers: dict[str, str], send_body: bool) -> None:
        self.send_response(status)
        # A test server: this header lets LinkChecker skip its politeness delay between requests.
        for name, value in {**headers, "Content-Length": str(len(body)), "LinkChecker": "allowed"}.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        pass  # quiet: test output shows failures, not every request


@cache
def _encoded(file: Path, gzip_accepted: bool) -> tuple[bytes, dict[str, str]]:
    content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    headers = {
        "Content-Type": content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""),
        "Vary": "Accept-Encoding",
    }
    body = file.read_bytes()
    if gzip_accepted and COMPRESSED.match(content_type):
        body = gzip.compress(body, mtime=0)
        headers["Content-Encoding"] = "gzip"
    return body, headers
