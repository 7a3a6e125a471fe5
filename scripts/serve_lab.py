#!/usr/bin/env python3
"""Serves a built lab folder on 127.0.0.1 only, with the page's security headers.

The Content-Security-Policy allows nothing but the page's own files: scripts from its own origin
(no inline script, no eval; 'wasm-unsafe-eval' is what compiling WebAssembly needs), no requests to
other hosts, no plugins, no framing. Used by scripts/serve.sh and by the browser tests, so the tests
prove the lab works under it.

    python3 scripts/serve_lab.py FOLDER PORT
"""
import functools
import http.server
import sys

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
])


class LabHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: serve_lab.py FOLDER PORT [--quiet]")
    folder, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(LabHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.verbose = len(sys.argv) == 3
    server.serve_forever()


if __name__ == "__main__":
    main()
