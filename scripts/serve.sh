#!/usr/bin/env bash
# Builds the web preset and serves it on 127.0.0.1 (PORT, default 8080) until interrupted.
# BPLAB_FRAME_ANCESTORS="https://course.example.org …": the origins whose pages may show the lab in
# an iframe (embed=1); by default none may.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PORT=${PORT:-8080}
# Emscripten's JS optimizer needs acorn from /usr/share/nodejs (see scripts/setup.sh).
export NODE_PATH=/usr/share/nodejs

bash scripts/setup.sh
cmake --preset web
cmake --build --preset web

echo
echo "Backprop Lab: http://127.0.0.1:$PORT/   (Ctrl+C to stop)"
exec python3 scripts/serve_lab.py build/web "$PORT" --frame-ancestors "${BPLAB_FRAME_ANCESTORS:-}"
