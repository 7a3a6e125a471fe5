#!/usr/bin/env bash
# Writes the lab as a static folder that any static web host serves, at its root or under a
# sub-path (every URL in the page is relative), and a zip of it when `zip` is installed:
#
#   bash scripts/bundle.sh [OUT_DIR]     # default build/bundle/backprop-lab (+ backprop-lab.zip)
#
# The folder is the page of one web build (BPLAB_WEB_BUILD, default build/web; build it first with
# `cmake --preset web && cmake --build --preset web`). Static hosts cannot set response headers, so
# its index.html carries the Content-Security-Policy of scripts/serve_lab.py as a <meta> tag, minus
# frame-ancestors: a meta policy cannot carry that directive (Chromium logs an error if it tries).
# Its service worker (web/shell/service_worker.js) is written for the bundle's own files, so the lab
# works offline after a first visit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WEB_BUILD=${BPLAB_WEB_BUILD:-$ROOT/build/web}
OUT=${1:-$ROOT/build/bundle/backprop-lab}
OUT=${OUT%/}
# The page's files: the shell, the module and its data (the font and the lessons), as the build
# lists them (web/CMakeLists.txt).
LIST=$WEB_BUILD/page_files.txt
if [ ! -f "$LIST" ]; then
  echo "bundle.sh: $LIST is missing: build the web preset first" \
       "(cmake --preset web && cmake --build --preset web)" >&2
  exit 1
fi
mapfile -t FILES < "$LIST"

for f in "${FILES[@]}"; do
  if [ ! -f "$WEB_BUILD/$f" ]; then
    echo "bundle.sh: $WEB_BUILD/$f is missing: build the web preset first" \
         "(cmake --preset web && cmake --build --preset web)" >&2
    exit 1
  fi
done
if [ -e "$OUT" ] && [ ! -d "$OUT" ]; then
  echo "bundle.sh: $OUT exists and is not a folder" >&2
  exit 1
fi

mkdir -p "$OUT"
for f in "${FILES[@]}"; do
  [ "$f" = index.html ] || cp "$WEB_BUILD/$f" "$OUT/$f"
done

# index.html with the policies as the first elements after <meta charset>, before any script, so it
# covers everything the page loads. The policy is serve_lab.py's own list of directives.
python3 - "$ROOT/scripts" "$WEB_BUILD/index.html" "$OUT/index.html" <<'EOF'
import html
import sys

sys.path.insert(0, sys.argv[1])
import serve_lab  # noqa: E402

policy = "; ".join(serve_lab.DIRECTIVES)
page = open(sys.argv[2], encoding="utf-8").read()
anchor = '<meta charset="utf-8">\n'
if page.count(anchor) != 1:
    sys.exit(f"bundle.sh: {sys.argv[2]} has no single {anchor.strip()} to put the policy after")
# The referrer policy is the one other header of serve_lab.py that a meta tag can carry.
meta = (f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy, quote=False)}">\n'
        '<meta name="referrer" content="no-referrer">\n')
open(sys.argv[3], "w", encoding="utf-8").write(page.replace(anchor, anchor + meta))
EOF
cmake -DDIR="$OUT" -DLIST="$LIST" -DTEMPLATE="$ROOT/web/shell/service_worker.js" \
      -P "$ROOT/web/shell/service_worker.cmake"

echo "bundle.sh: wrote $OUT/"
if command -v zip >/dev/null 2>&1; then
  rm -f "$OUT.zip"
  (cd "$(dirname "$OUT")" && zip -q -r "$(basename "$OUT").zip" "$(basename "$OUT")")
  echo "bundle.sh: wrote $OUT.zip"
else
  echo "bundle.sh: zip is not installed: no zip written (the folder is the bundle)"
fi
