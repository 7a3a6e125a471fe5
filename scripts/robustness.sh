#!/usr/bin/env bash
# Robustness checks (docs/robustness.md):
#   1. libFuzzer harnesses (tests/fuzz, clang-14, ASan + UBSan) built into build/fuzz, each run for
#      FUZZ_SECONDS (default 30) starting from the seed corpus in tests/fuzz/corpus/<harness>;
#   2. the `asan` preset (Debug + ASan + UBSan): its unit-test programs built and their ctest
#      entries run clean (ASAN_TARGETS=all builds the GUI too and runs every entry);
#   3. the soak test (tests/soak), natively and as WebAssembly under Node: taken from build/native
#      and build/web when scripts/test.sh has built them, else configured on its own;
#   4. the browser monkey test (tests/web/monkey.test.mjs) against the page built with
#      AddressSanitizer (`web-asan` preset, build/web-asan, only bplab_lab.js): any ASan report on
#      the browser console fails it.
# It first runs scripts/setup.sh for its dependencies. scripts/test.sh runs this as its last step;
# it can also run alone. Idempotent: rebuilds incrementally, keeps the fuzzers' generated corpora
# in build/fuzz/corpus.
# Prints one summary line per check and exits non-zero if any failed.
# Environment: FUZZ_SECONDS (per harness), SOAK_ITERATIONS (default 1000000), JOBS (default 2),
# ASAN_TARGETS (default: the programs in tests/ other than the GUI tests, bench and soak; "all"),
# BPLAB_MONKEY_ACTIONS / BPLAB_MONKEY_SECONDS / BPLAB_MONKEY_SEED (read by the monkey test).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mkdir -p build
FUZZ_SECONDS=${FUZZ_SECONDS:-30}
SOAK_ITERATIONS=${SOAK_ITERATIONS:-1000000}
JOBS=${JOBS:-2}
export NODE_PATH=/usr/share/nodejs  # Emscripten's JS optimiser needs acorn from there

SUMMARY=()
FAILED=0
START=$SECONDS
log() { printf '[robustness] %s\n' "$*"; }
pass() { SUMMARY+=("PASS  $*"); log "PASS  $*"; }
fail() { SUMMARY+=("FAIL  $*"); log "FAIL  $*"; FAILED=1; }
warn() { SUMMARY+=("WARN  $*"); log "WARN  $*"; }

# Every tool and library below (clang-14 and its sanitizer runtimes, Emscripten, Chromium,
# playwright-core, SDL2 for the web) comes from scripts/setup.sh, the one installer. It is
# idempotent and takes about a second when everything is there, so this script can also run alone.
bash scripts/setup.sh || { log "FAIL  scripts/setup.sh failed"; exit 1; }

# ---------------------------------------------------------------------------------------------
# 1. Fuzzers
# ---------------------------------------------------------------------------------------------
# harness:max_len:dictionary[:more seeds]. The lab session harness replays whole sessions (training
# included), so it gets short scripts; the parsers get inputs up to the 64 KiB that matter for files.
# The lesson harness also starts from the shipped lessons (read, never written: libFuzzer adds new
# inputs to the first folder only).
HARNESSES=(model:65536:model.dict csv:65536: url_hash:4096:url_hash.dict lab_session:4096:url_hash.dict
           lesson:65536:lesson.dict:assets/lessons progress:16384:lesson.dict cli_landscape:1024:cli.dict)
t0=$SECONDS
if cmake -S tests/fuzz -B build/fuzz -G Ninja \
     -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >build/fuzz-configure.log 2>&1 &&
   cmake --build build/fuzz -j "$JOBS" >build/fuzz-build.log 2>&1; then
  log "fuzzers built in $((SECONDS - t0)) s"
  mkdir -p build/fuzz/artifacts
  for spec in "${HARNESSES[@]}"; do
    IFS=: read -r name max_len dict more_seeds <<<"$spec"
    work=build/fuzz/corpus/$name
    mkdir -p "$work"
    args=(-max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -max_len="$max_len" -timeout=10
          -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name-")
    [[ -n $dict ]] && args+=(-dict="tests/fuzz/$dict")
    # New inputs go to the first folder (build/), the seeds in tests/fuzz/corpus stay as committed.
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "build/fuzz/fuzz_$name" "${args[@]}" "$work" "tests/fuzz/corpus/$name" ${more_seeds:+"$more_seeds"} \
      >"build/fuzz/$name.log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build/fuzz/$name.log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "build/fuzz/$name.log" | tail -1)
    if ((rc == 0)); then
      seeds=$(find "tests/fuzz/corpus/$name" ${more_seeds:+"$more_seeds"} -type f | wc -l)
      pass "fuzz $name: ${runs:-?} executions in ${FUZZ_SECONDS} s, ${cov:-cov: ?}, corpus $(ls "$work" | wc -l) generated + $seeds seeds"
    else
      fail "fuzz $name: exit $rc after ${runs:-?} executions; see build/fuzz/$name.log, input in build/fuzz/artifacts/$name-*"
      grep -m3 -E 'invariant violated|ERROR: (Address|Leak)Sanitizer|runtime error' "build/fuzz/$name.log" | sed 's/^/    /'
    fi
  done
else
  fail "fuzzers did not build; see build/fuzz-configure.log and build/fuzz-build.log"
fi

# ---------------------------------------------------------------------------------------------
# 2. Sanitizer build of the native tests
# ---------------------------------------------------------------------------------------------
t0=$SECONDS
ASAN_TARGETS=${ASAN_TARGETS:-}
if cmake --preset asan >build/asan-configure.log 2>&1; then
  # By default only the unit-test programs: the GUI (ImGui + the app, the slowest part of this
  # build) and its two Xvfb tests are left to the plain native build, which ctest runs in
  # scripts/test.sh. New test programs in tests/<suite>/ are picked up from ninja's target list.
  target_args=()
  ctest_filter=()
  if [[ $ASAN_TARGETS != all ]]; then
    if [[ -z $ASAN_TARGETS ]]; then
      ASAN_TARGETS=$(ninja -C build/asan -t targets all 2>/dev/null |
        sed -n 's,^tests/\([a-z_]*\)/\([A-Za-z0-9_-]*\): CXX_EXECUTABLE_LINKER.*,\1/\2,p' |
        grep -vE '^(native|bench|soak)/' | sed 's,.*/,,' | sort -u | tr '\n' ' ')
    fi
    for t in $ASAN_TARGETS; do target_args+=(--target "$t"); done
    ctest_filter=(-E '^native_')
    log "asan targets: $ASAN_TARGETS(GUI and native_* tests left to the plain native build)"
  fi
  # -k 0: a target that does not build under the sanitizers must not hide the other tests.
  if ! cmake --build build/asan -j "$JOBS" "${target_args[@]}" -- -k 0 >build/asan-build.log 2>&1; then
    warn "asan: some targets did not build (see build/asan-build.log): $(grep -oE '^FAILED: [^ ]+' build/asan-build.log | cut -d' ' -f2 | sort -u | tr '\n' ' ')"
  fi
  log "asan build: $((SECONDS - t0)) s"
  # Leak checking covers every test except the GUI smoke test: under SDL + X11 the system's libdbus
  # and the dlopen'ed (then unloaded, so unnamed) Mesa driver keep allocations until exit. That test
  # still runs under ASan + UBSan, only without LeakSanitizer.
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  if ((${#ctest_filter[@]})); then
    ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build/asan --output-on-failure -j "$JOBS" \
      "${ctest_filter[@]}" >build/asan-ctest.log 2>&1
    rc=$?
    gui_note="GUI tests left to the native build"
  else
    ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build/asan --output-on-failure -j "$JOBS" \
      -E '^native_lab_smoke$' >build/asan-ctest.log 2>&1
    rc=$?
    ASAN_OPTIONS=detect_leaks=0 ctest --test-dir build/asan --output-on-failure \
      -R '^native_lab_smoke$' >>build/asan-ctest.log 2>&1 || rc=1
    gui_note="+ GUI smoke test without leak check"
  fi
  log "asan build + ctest: $((SECONDS - t0)) s"
  if ((rc == 0)); then
    pass "asan ctest: $(grep -E 'tests passed' build/asan-ctest.log | head -1) ($gui_note)"
  else
    fail "asan ctest: $(grep -E 'tests passed|tests failed' build/asan-ctest.log | tail -1); see build/asan-ctest.log"
    grep -E '^\s+[0-9]+ - .*\((Failed|Not Run|Timeout|SEGFAULT|Subprocess aborted)\)' build/asan-ctest.log | sed 's/^/    /'
  fi
else
  fail "asan: configure failed; see build/asan-configure.log"
fi

# ---------------------------------------------------------------------------------------------
# 3. Soak, native and WebAssembly
# ---------------------------------------------------------------------------------------------
soak_report() {  # label, log file, exit code
  grep -E '^soak: (VmRSS|wasm heap|malloc|[0-9]+ iterations in)' "$2" | sed 's/^soak: /    /'
  if (($3 == 0)); then
    growth=$(sed -n 's/^soak: \(VmRSS\|wasm heap\|malloc in use\) after warm-up.*(growth \([0-9.]*\) MiB.*/\1 +\2/p' "$2" |
             paste -sd, - | sed 's/,/, /g')
    pass "soak $1: $(sed -n 's/^soak: \([0-9]* iterations in [0-9.]* s\).*/\1/p' "$2"), memory flat ($growth MiB)"
  else
    fail "soak $1: exit $3; see $2"
    grep -E 'FAIL' "$2" | sed 's/^/    /'
  fi
}

# The soak program comes from the main build tree when it is configured (scripts/test.sh has then
# built it already: nothing to compile), else from a tree of its own. Sets SOAK_BIN.
soak_build() {  # main tree, own tree, log, configure command for the own tree...
  local main=$1 own=$2 logf=$3
  shift 3
  if [[ -f $main/build.ninja ]]; then
    SOAK_BIN=$main/tests/soak/soak
    cmake --build "$main" -j "$JOBS" --target soak >"$logf" 2>&1
  else
    SOAK_BIN=$own/soak
    "$@" >"$logf" 2>&1 && cmake --build "$own" -j "$JOBS" --target soak >>"$logf" 2>&1
  fi
}

t0=$SECONDS
if soak_build build/native build/soak-native build/soak-native.log \
     cmake -S tests/soak -B build/soak-native -G Ninja -DCMAKE_BUILD_TYPE=Release; then
  "$SOAK_BIN" "$SOAK_ITERATIONS" >build/soak-native.run.log 2>&1
  soak_report "native ($SOAK_BIN)" build/soak-native.run.log $?
else
  fail "soak native: did not build; see build/soak-native.log"
fi
log "soak native: $((SECONDS - t0)) s"

t0=$SECONDS
if soak_build build/web build/soak-web build/soak-web.log \
     emcmake cmake -S tests/soak -B build/soak-web -G Ninja -DCMAKE_BUILD_TYPE=Release; then
  node "$SOAK_BIN.js" "$SOAK_ITERATIONS" >build/soak-web.run.log 2>&1
  soak_report "wasm ($SOAK_BIN.js)" build/soak-web.run.log $?
else
  fail "soak wasm: did not build; see build/soak-web.log"
fi
log "soak wasm: $((SECONDS - t0)) s"

# ---------------------------------------------------------------------------------------------
# 4. Browser monkey test under a wasm AddressSanitizer build
# ---------------------------------------------------------------------------------------------
# Random clicks, drags, wheel turns and keys on the real page in headless Chromium, with the page
# built by the `web-asan` preset (RelWithDebInfo, -fsanitize=address). ASan reports go to the
# browser console and the page may keep running: the test fails on any console line naming
# AddressSanitizer and quotes them. Only the page's target is built (its copied shell files come
# with the configure step). playwright-core comes from tests/node_modules (scripts/setup.sh).
t0=$SECONDS
if cmake --preset web-asan >build/web-asan-configure.log 2>&1 &&
     cmake --build --preset web-asan -j "$JOBS" --target bplab_lab.js >build/web-asan-build.log 2>&1; then
  log "web-asan configure + build: $((SECONDS - t0)) s"
  t1=$SECONDS
  BPLAB_WEB_BUILD="$ROOT/build/web-asan" BPLAB_NATIVE_BUILD="$ROOT/build/native" \
    node --test tests/web/monkey.test.mjs >build/web-asan-monkey.log 2>&1
  rc=$?
  log "web-asan monkey test: $((SECONDS - t1)) s"
  # node's own summary lines (# tests, # pass, # fail, ...), as its reporter printed them.
  grep -E '^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' build/web-asan-monkey.log
  counts="$(sed -n 's/^# pass \([0-9]*\)$/\1 passed/p; s/^# fail \([0-9]*\)$/\1 failed/p' build/web-asan-monkey.log |
            paste -sd, - | sed 's/,/, /')"
  if ((rc == 0)); then
    pass "monkey (wasm ASan): ${counts:-?}; $(sed -n 's/^# monkey: \([0-9]* actions\) .*\(fps [0-9.]*\).*/\1, \2/p' build/web-asan-monkey.log | head -1)"
  else
    fail "monkey (wasm ASan): exit $rc, ${counts:-?}; see build/web-asan-monkey.log"
    grep -m4 -E '(ERROR|SUMMARY): AddressSanitizer' build/web-asan-monkey.log | sed 's/^ */    /'
  fi
else
  fail "monkey (wasm ASan): web-asan did not build; see build/web-asan-configure.log and build/web-asan-build.log"
  grep -h -m3 -E 'error' build/web-asan-configure.log build/web-asan-build.log | sed 's/^/    /'
fi
log "monkey (wasm ASan): $((SECONDS - t0)) s"

# ---------------------------------------------------------------------------------------------
echo
echo "==== robustness summary ($((SECONDS - START)) s) ===="
printf '  %s\n' "${SUMMARY[@]}"
if ((FAILED)); then
  echo "robustness: FAILED"
  exit 1
fi
echo "robustness: OK"
