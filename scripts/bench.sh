#!/usr/bin/env bash
# Training speed side by side: native `bplab bench`, WebAssembly `node bplab.js bench` and the
# hand-written JavaScript baseline (tests/bench/baseline_trainer.mjs), all on the bench setup
# (spiral 500, 2-8-8-1 tanh/sigmoid, ½SSE, batch 10, η 0.03, μ 0.9). Each is run RUNS times for
# SECONDS s, interleaved so that background load hits all three alike; the table gives medians and
# the ratios wasm/JS and wasm/native. Then the scaling table: native from Google Benchmark
# (engine_bench, when built) and wasm vs JS for a few --net/--batch points.
#   RUNS=5 SECS=2 scripts/bench.sh        (markdown on stdout, ready for docs/performance.md)
#   PAGE_ONLY=1 scripts/bench.sh          (only the page in headless Chromium)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-5}
SECS=${SECONDS_PER_RUN:-${SECS:-2}}
export NODE_PATH=/usr/share/nodejs  # Emscripten's JS optimizer needs acorn from here
cd "$ROOT"

log() { printf '[bench] %s\n' "$*" >&2; }

# BPLAB_NATIVE, BPLAB_WASM (and optionally ENGINE_BENCH) name prebuilt binaries and skip the build.
if [ -z "${BPLAB_NATIVE:-}" ] || [ -z "${BPLAB_WASM:-}" ]; then
  log "building native and web presets (bplab, engine_bench)"
  cmake --preset native >/dev/null
  cmake --build --preset native --target bplab engine_bench >/dev/null
  cmake --preset web >/dev/null
  cmake --build --preset web --target bplab >/dev/null
fi
NATIVE=${BPLAB_NATIVE:-$(find build/native -name bplab -type f -perm -u+x | head -1)}
WASM=${BPLAB_WASM:-$(find build/web -name bplab.js -type f | head -1)}
BASELINE=tests/bench/baseline_trainer.mjs

# samples_per_sec from one line of JSON on stdin.
sps() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(Math.round(JSON.parse(s).samples_per_sec)))'; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
# page_runs ARRAY LABEL SCRIPT ARGS…: RUNS runs of a page bench script from tests/, one after another,
# each run's output (JSON lines) an element of ARRAY; a failing run stops the bench (set -e).
page_runs() {
  local -n into=$1
  local label=$2
  shift 2
  into=()
  for ((r = 1; r <= RUNS; ++r)); do
    log "$label run $r/$RUNS"
    into+=("$(cd tests && node "$@")")
  done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

if [ -z "${PAGE_ONLY:-}" ]; then
native=() wasm=() js=()
for ((r = 1; r <= RUNS; ++r)); do
  log "run $r/$RUNS"
  native+=("$("$NATIVE" bench --seconds "$SECS" | sps)")
  wasm+=("$(node "$WASM" bench --seconds "$SECS" | sps)")
  js+=("$(node "$BASELINE" --seconds "$SECS" | sps)")
done
mn=$(median "${native[@]}") mw=$(median "${wasm[@]}") mj=$(median "${js[@]}")

echo "## Bench setup: medians of $RUNS runs of ${SECS} s ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
echo
echo "| runner | samples/s (median) | all runs |"
echo "|---|---:|---|"
echo "| native \`bplab bench\` | $mn | ${native[*]} |"
echo "| wasm \`node bplab.js bench\` | $mw | ${wasm[*]} |"
echo "| JS baseline | $mj | ${js[*]} |"
echo
echo "wasm / JS = **$(ratio "$mw" "$mj")** (goal ≥ 2, stretch 4); wasm / native = **$(ratio "$mw" "$mn")** (goal ≥ 0.8)"
echo

echo "## Scaling, WebAssembly vs JS baseline (one run of ${SECS} s each)"
echo
echo "| net | batch | wasm samples/s | JS samples/s | wasm / JS |"
echo "|---|---:|---:|---:|---:|"
for point in "2-8-8-1 1" "2-8-8-1 10" "2-8-8-1 100" "2-8-8-1 500" "2-32-32-1 10" "2-64-64-1 10" \
             "2-8-8-8-8-8-8-1 10"; do
  set -- $point
  w=$(node "$WASM" bench --net "$1" --batch "$2" --seconds "$SECS" | sps)
  j=$(node "$BASELINE" --net "$1" --batch "$2" --seconds "$SECS" | sps)
  echo "| $1 | $2 | $w | $j | $(ratio "$w" "$j") |"
done
echo

BENCH=${ENGINE_BENCH:-$(find build/native -name engine_bench -type f -perm -u+x 2>/dev/null | head -1)}
if [ -n "$BENCH" ]; then
  echo "## Scaling, native (Google Benchmark engine_bench; items_per_second = samples/s of CPU time)"
  echo
  echo '```'
  "$BENCH" --benchmark_min_time=0.5 2>/dev/null | grep -E '^(BM_|Benchmark)'
  echo '```'
else
  log "no engine_bench in build/native and ENGINE_BENCH not set: native scaling table left out"
fi
fi

# The page in headless Chromium: needs the web app built (scripts/serve.sh or the web preset).
# RUNS runs of tests/bench/page_bench.mjs (each: the fresh page idle, then 3 cycles of training at
# "max" and paused), summarised as medians with every run's value beside them.
if [ -f build/web/index.html ]; then
  log "building the web app and measuring the page ($RUNS runs)"
  cmake --build --preset web --target bplab-lab >/dev/null
  page_runs runs page bench/page_bench.mjs --seconds "$((SECS * 2))"
  echo "## The page (headless Chromium, SwiftShader WebGL2; bench network at \"max\" speed; medians of $RUNS runs)"
  echo
  printf '%s\n' "${runs[@]}" | node -e '
    const runs = require("fs").readFileSync(0, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const median = (v) => { v = [...v].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };
    const row = (name, get, unit = "") => {
      const v = runs.map(typeof get === "string" ? (r) => r[get] : get);
      console.log(`| ${name} | ${median(v)}${unit} | ${v.join(", ")} |`);
    };
    const mid = (list, key) => median(list.map((m) => m[key]));
    console.log("| measure | median | all runs |");
    console.log("|---|---:|---|");
    row("first frame after navigation", "first_frame_ms", " ms");
    row("idle frame rate, fresh page", "idle_fps", " fps");
    row("frame rate paused (same network as while training)", "paused_fps", " fps");
    row("frame rate while training at max", "training_fps", " fps");
    row("training / paused frame rate", "fps_ratio");
    row("training / fresh idle frame rate", "fps_ratio_fresh");
    row("training in the page", "training_samples_per_sec", " samples/s");
    row("frame rate training at Speed 1 / frame (redraws the training view every frame)", "reference_fps", " fps");
    row("training at max / training at 1 / frame", "fps_ratio_reference");
    row("swap interval while training (refreshes a frame)", (r) => mid(r.training, "swap_interval"));
    row("share of frames that drew: idle", (r) => r.idle.drew);
    row("share of frames that drew: paused", (r) => mid(r.paused, "drew"));
    row("share of frames that drew: training", (r) => mid(r.training, "drew"));
    row("share of the display drawn per frame: training at max", (r) => mid(r.training, "area"));
    row("share of the display drawn per frame: training at 1 / frame", (r) => r.reference.area);
    row("unpaced (Steady frame rate off): frame rate paused", (r) => r.unpaced.paused.fps, " fps");
    row("unpaced: frame rate while training", (r) => r.unpaced.training.fps, " fps");
    row("unpaced: training in the page", (r) => r.unpaced.training.samples_per_sec, " samples/s");
    row("unpaced: frame rate training at 1 / frame", (r) => r.unpaced.reference.fps, " fps");
    row(".wasm + .js + .data + page files", "page_bytes", " bytes");
    row("the same, gzipped", "page_gzip_bytes", " bytes");
  '

  # The Landscape tab: tests/bench/landscape_bench.mjs, RUNS runs.
  page_runs land landscape bench/landscape_bench.mjs --seconds "$((SECS * 2))"
  echo
  echo "### The Landscape tab (medians of $RUNS runs)"
  echo
  printf '%s\n' "${land[@]}" | node -e '
    const runs = require("fs").readFileSync(0, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const median = (v) => { v = [...v].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };
    const row = (name, get, unit = "") => {
      const v = runs.map(get);
      console.log(`| ${name} | ${median(v)}${unit} | ${v.join(", ")} |`);
    };
    console.log("| measure | median | all runs |");
    console.log("|---|---:|---|");
    for (const g of [33, 65]) {
      row(`main-thread work of a full ${g}×${g} grid, default lab (200 samples; goal for 65: ≤ 50 ms)`, (r) => r[`grid${g}`].work_ms, " ms");
      row(`frames that ${g}×${g} grid was spread over`, (r) => r[`grid${g}`].work_frames);
    }
    row("frame rate training at the default speed, Inspector tab instead (for comparison)", (r) => r.closed.training_fps, " fps");
    row("frame rate paused, Inspector tab", (r) => r.closed.paused_fps, " fps");
    row("training / paused with the Inspector tab", (r) => r.closed.fps_ratio);
    for (const g of [33, 65]) {
      row(`frame rate training at the default speed, Landscape open (grid ${g})`, (r) => r[`open${g}`].training_fps, " fps");
      row(`frame rate paused, the same panels (grid ${g})`, (r) => r[`open${g}`].paused_fps, " fps");
      row(`training / paused with the Landscape open (grid ${g}; goal ≥ 0.9)`, (r) => r[`open${g}`].fps_ratio);
      row(`training with the Landscape open (grid ${g}) / training with the Inspector tab: what the tab costs`, (r) => Number((r[`open${g}`].training_fps / r.closed.training_fps).toFixed(2)));
    }
  '
  # Slow devices: tests/bench/slow_device_bench.mjs, RUNS runs, unthrottled and at 4× CPU throttling.
  page_runs slow slow-device bench/slow_device_bench.mjs --rates 1,4 --seconds "$((SECS * 2))"
  echo
  echo "### Slow devices: Chromium CPU throttling (medians of $RUNS runs; goal: main thread ≤ 8 ms a frame unthrottled at the default speed, first frame ≤ 3 s at 4×)"
  echo
  printf '%s\n' "${slow[@]}" | node -e '
    const rows = require("fs").readFileSync(0, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const median = (v) => { v = [...v].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };
    console.log("| set-up | CPU | first frame | default speed: main thread, fps | max: main thread, fps | after stop: fps |");
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const key of [...new Set(rows.map((r) => `${r.setup} ${r.cpu_throttling}`))]) {
      const rs = rows.filter((r) => `${r.setup} ${r.cpu_throttling}` === key);
      const m = (get) => median(rs.map(get));
      console.log(`| ${rs[0].setup} | ${rs[0].cpu_throttling}× | ${m((r) => r.first_frame_ms)} ms | ` +
                  `${m((r) => r.default_speed.main_thread_ms)} ms, ${m((r) => r.default_speed.fps)} fps | ` +
                  `${m((r) => r.max_speed.main_thread_ms)} ms, ${m((r) => r.max_speed.fps)} fps | ${m((r) => r.after_stop.fps)} fps |`);
    }
  '
fi
