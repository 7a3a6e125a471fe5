#!/usr/bin/env python3
"""Serves a built lab folder on 127.0.0.1 only, with the page's security headers.

The Content-Security-Policy allows nothing but the page's own files: scripts from its own origin
(no inline script, no eval; 'wasm-unsafe-eval' is what compiling WebAssembly needs), no requests to
other hosts, no plugins. No page may show the lab in a frame unless its origin is given with
--frame-ancestors (scripts/serve.sh passes BPLAB_FRAME_ANCESTORS): a course page that embeds the lab
in an iframe (embed=1, url_hash.h). Used by scripts/serve.sh and by the browser tests, so the tests
prove the lab works under it.

    python3 scripts/serve_lab.py FOLDER PORT [--quiet] [--frame-ancestors "ORIGIN ..."]

ORIGIN is scheme://host[:port], e.g. "https://course.example.org http://127.0.0.1:8000".
"""
import argparse
import functools
import http.server
import re

# The policy without its frame-ancestors directive, which only a header can carry
# (scripts/bundle.sh puts this part in a <meta> tag).
DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
]

# An origin as a CSP source: a scheme, a host (letters, digits, dots, hyphens) and maybe a port;
# nothing that could end the directive or widen it (no ';', ',', '*' or path).
ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")


def policy(frame_ancestors):
    """The Content-Security-Policy with frame-ancestors set to the origins (none: 'none')."""
    return "; ".join(DIRECTIVES + ["frame-ancestors " + (" ".join(frame_ancestors) or "'none'")])


def parse_origins(text):
    """The origins of a space-separated list; ValueError names the first that is not one."""
    origins = text.split()
    for origin in origins:
        if not ORIGIN.match(origin):
            raise ValueError(f"--frame-ancestors: \"{origin}\" is not an origin like https://host[:port]")
    return origins


class LabHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.server.csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)


def main():
    parser = argparse.ArgumentParser(description="Serves a built lab folder on 127.0.0.1.")
    parser.add_argument("folder")
    parser.add_argument("port", type=int)
    parser.add_argument("--quiet", action="store_true", help="log no requests")
    parser.add_argument("--frame-ancestors", default="", metavar="ORIGINS",
                        help="space-separated origins whose pages may show the lab in a frame")
    args = parser.parse_args()
    try:
        origins = parse_origins(args.frame_ancestors)
    except ValueError as error:
        parser.error(str(error))
    handler = functools.partial(LabHandler, directory=args.folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.verbose = not args.quiet
    server.csp = policy(origins)
    server.serve_forever()


if __name__ == "__main__":
    main()
