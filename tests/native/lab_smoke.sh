#!/usr/bin/env bash
# Usage: lab_smoke.sh BPLAB_LAB SHOT.png
# Runs the native lab for 30 frames under Xvfb and checks that the screenshot is a real frame.
set -euo pipefail
app=$1
shot=$2
rm -f "$shot"
xvfb-run -a -s "-screen 0 1280x800x24" "$app" --frames 30 --screenshot "$shot"

size=$(identify -format '%wx%h' "$shot")
colours=$(convert "$shot" -format '%k' info:)
echo "screenshot $shot: $size, $colours distinct colours"
[ "$size" = "1280x800" ] || { echo "FAIL: expected 1280x800" >&2; exit 1; }
# Anti-aliased text over the dark theme gives hundreds of colours; a cleared or empty frame gives 1.
[ "$colours" -ge 50 ] || { echo "FAIL: fewer than 50 colours, the UI was not drawn" >&2; exit 1; }
