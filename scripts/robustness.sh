#!/usr/bin/env bash
# Robustness checks (docs/robustness.md):
#   1. libFuzzer harnesses (tests/fuzz, clang-14, ASan + UBSan) built into build/fuzz, each run for
#      FUZZ_SECONDS (default 30) starting from the seed corpus in tests/fuzz/corpus/<harness>;
#   2. the `asan` preset (Debug + ASan + UBSan) built and its ctest suite run clean;
#   3. the soak test (tests/soak), natively and as WebAssembly under Node.
# Idempotent: rebuilds incrementally, keeps the fuzzers' generated corpora in build/fuzz/corpus.
# Prints one summary line per check and exits non-zero if any failed.
# Environment: FUZZ_SECONDS (per harness), SOAK_ITERATIONS (default 1000000), JOBS (default 2).
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

# Debian packages this script needs; only missing ones are installed.
need=()
for pkg in clang-14 libclang-rt-14-dev cmake ninja-build libgtest-dev nlohmann-json3-dev emscripten nodejs; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if ((${#need[@]})); then
  log "installing missing packages: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
    || { log "FAIL  could not install ${need[*]}"; exit 1; }
fi

# ---------------------------------------------------------------------------------------------
# 1. Fuzzers
# ---------------------------------------------------------------------------------------------
# harness:max_len:dictionary. The lab session harness replays whole sessions (training included),
# so it gets short scripts; the parsers get inputs up to the 64 KiB that matter for files.
HARNESSES=(model:65536:model.dict csv:65536: url_hash:4096:url_hash.dict lab_session:4096:url_hash.dict)
t0=$SECONDS
if cmake -S tests/fuzz -B build/fuzz -G Ninja \
     -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >build/fuzz-configure.log 2>&1 &&
   cmake --build build/fuzz -j "$JOBS" >build/fuzz-build.log 2>&1; then
  log "fuzzers built in $((SECONDS - t0)) s"
  mkdir -p build/fuzz/artifacts
  for spec in "${HARNESSES[@]}"; do
    IFS=: read -r name max_len dict <<<"$spec"
    work=build/fuzz/corpus/$name
    mkdir -p "$work"
    args=(-max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -max_len="$max_len" -timeout=10
          -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name-")
    [[ -n $dict ]] && args+=(-dict="tests/fuzz/$dict")
    # New inputs go to the first folder (build/), the seeds in tests/fuzz/corpus stay as committed.
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "build/fuzz/fuzz_$name" "${args[@]}" "$work" "tests/fuzz/corpus/$name" >"build/fuzz/$name.log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build/fuzz/$name.log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "build/fuzz/$name.log" | tail -1)
    if ((rc == 0)); then
      pass "fuzz $name: ${runs:-?} executions in ${FUZZ_SECONDS} s, ${cov:-cov: ?}, corpus $(ls "$work" | wc -l) generated + $(ls "tests/fuzz/corpus/$name" | wc -l) seeds"
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
if cmake --list-presets 2>/dev/null | grep -q '"asan"'; then
  configure=(cmake --preset asan)
else
  warn "no asan preset in CMakePresets.json: configuring build/asan by hand"
  configure=(cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug
             -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
             "-DCMAKE_C_FLAGS=-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
             "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
             "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined")
fi
if "${configure[@]}" >build/asan-configure.log 2>&1; then
  # -k 0: a target that does not build under the sanitizers (e.g. the GUI) must not hide the tests.
  if ! cmake --build build/asan -j "$JOBS" -- -k 0 >build/asan-build.log 2>&1; then
    warn "asan: some targets did not build (see build/asan-build.log): $(grep -oE '^FAILED: [^ ]+' build/asan-build.log | cut -d' ' -f2 | sort -u | tr '\n' ' ')"
  fi
  log "asan build: $((SECONDS - t0)) s"
  # Leak checking covers every test except the GUI smoke test: under SDL + X11 the system's libdbus
  # and the dlopen'ed (then unloaded, so unnamed) Mesa driver keep allocations until exit. That test
  # still runs under ASan + UBSan, only without LeakSanitizer.
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build/asan --output-on-failure -j "$JOBS" \
    -E '^native_lab_smoke$' >build/asan-ctest.log 2>&1
  rc=$?
  ASAN_OPTIONS=detect_leaks=0 ctest --test-dir build/asan --output-on-failure \
    -R '^native_lab_smoke$' >>build/asan-ctest.log 2>&1 || rc=1
  if ((rc == 0)); then
    pass "asan ctest: $(grep -E 'tests passed' build/asan-ctest.log | head -1) (+ GUI smoke test without leak check)"
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
    pass "soak $1: $(sed -n 's/^soak: \([0-9]* iterations in [0-9.]* s\).*/\1/p' "$2"), memory flat"
  else
    fail "soak $1: exit $3; see $2"
    grep -E 'FAIL' "$2" | sed 's/^/    /'
  fi
}

t0=$SECONDS
if cmake -S tests/soak -B build/soak-native -G Ninja -DCMAKE_BUILD_TYPE=Release >build/soak-native.log 2>&1 &&
   cmake --build build/soak-native -j "$JOBS" --target soak >>build/soak-native.log 2>&1; then
  build/soak-native/soak "$SOAK_ITERATIONS" >build/soak-native/soak.log 2>&1
  soak_report native build/soak-native/soak.log $?
else
  fail "soak native: did not build; see build/soak-native.log"
fi
log "soak native: $((SECONDS - t0)) s"

t0=$SECONDS
if emcmake cmake -S tests/soak -B build/soak-web -G Ninja -DCMAKE_BUILD_TYPE=Release >build/soak-web.log 2>&1 &&
   cmake --build build/soak-web -j "$JOBS" --target soak >>build/soak-web.log 2>&1; then
  node build/soak-web/soak.js "$SOAK_ITERATIONS" >build/soak-web/soak.log 2>&1
  soak_report wasm build/soak-web/soak.log $?
else
  fail "soak wasm: did not build; see build/soak-web.log"
fi
log "soak wasm: $((SECONDS - t0)) s"

# ---------------------------------------------------------------------------------------------
echo
echo "==== robustness summary ($((SECONDS - START)) s) ===="
printf '  %s\n' "${SUMMARY[@]}"
if ((FAILED)); then
  echo "robustness: FAILED"
  exit 1
fi
echo "robustness: OK"
