#!/usr/bin/env bash
# Builds everything and runs every test:
#   1. scripts/setup.sh (dependencies, cached)
#   2. configure + build the `native` and `web` CMake presets
#   3. ctest in build/native (every suite registered in CMake)
#   4. node --test over every tests/**/*.test.mjs, with BPLAB_NATIVE_BUILD and BPLAB_WEB_BUILD set
#   5. scripts/robustness.sh (docs/robustness.md): fuzzers (FUZZ_SECONDS each, default 15 here, so the
#      whole command stays well under 40 minutes; robustness.sh alone defaults to 30), the
#      asan preset's unit tests, the soak test from build/native and build/web, the browser monkey
#      test against the web-asan preset; its summary lines are repeated at the end, and its failure
#      fails the run
# Builds keep going past a failed target (ninja -k 0), so one broken target does not hide the
# results of every other test: its ctest entry then fails as "not built". Exits non-zero if any
# step failed; tests are skipped (and count as failed) only when their build could not be
# configured at all.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# Emscripten's JS optimizer needs acorn from /usr/share/nodejs (see scripts/setup.sh).
export NODE_PATH=/usr/share/nodejs
export BPLAB_NATIVE_BUILD="$ROOT/build/native"
export BPLAB_WEB_BUILD="$ROOT/build/web"

results=()
failed=0

# step NAME COMMAND...: runs the command, records status and duration.
step() {
  local name=$1 start=$SECONDS status
  shift
  printf '\n=== %s\n' "$name"
  "$@"
  status=$?
  if [ $status -eq 0 ]; then
    results+=("ok      $(printf '%4d' $((SECONDS - start))) s  $name")
  else
    results+=("FAILED  $(printf '%4d' $((SECONDS - start))) s  $name (exit $status)")
    failed=1
  fi
  return $status
}

skip() {
  results+=("SKIPPED         $1 ($2)")
  failed=1
}

# The build steps, separately, so tests still run after a partly failed build.
configure_preset() {
  cmake --preset "$1"
}

build_preset() {
  cmake --build --preset "$1" -- -k 0
}

run_node_tests() {
  local files=()
  mapfile -t files < <(find tests -name node_modules -prune -o -name '*.test.mjs' -print | sort)
  if [ ${#files[@]} -eq 0 ]; then
    echo "no tests/**/*.test.mjs files"
    return 1
  fi
  printf '%s\n' "${files[@]}"
  node --test "${files[@]}"
}

total_start=$SECONDS
if ! step "setup" bash scripts/setup.sh; then
  printf '\nsetup failed: nothing built or tested\n'
  exit 1
fi

native_configured=0
web_configured=0
step "configure native" configure_preset native && native_configured=1
step "configure web" configure_preset web && web_configured=1
[ $native_configured -eq 1 ] && step "build native" build_preset native
[ $web_configured -eq 1 ] && step "build web" build_preset web

if [ $native_configured -eq 1 ]; then
  step "ctest (native)" ctest --test-dir build/native --output-on-failure -j2
else
  skip "ctest (native)" "native build not configured"
fi

if [ $native_configured -eq 1 ] && [ $web_configured -eq 1 ]; then
  step "node tests" run_node_tests
else
  skip "node tests" "a build was not configured"
fi

# Last, so every ordinary test result is in before it; it reuses build/native and build/web.
run_robustness() {
  mkdir -p build
  FUZZ_SECONDS=${FUZZ_SECONDS:-15} bash scripts/robustness.sh 2>&1 | tee build/robustness.log
  return "${PIPESTATUS[0]}"
}
rm -f build/robustness.log
step "robustness" run_robustness

printf '\n=== summary (%d s in total)\n' $((SECONDS - total_start))
printf '%s\n' "${results[@]}"
if [ -f build/robustness.log ]; then
  sed -n 's/^  \(PASS\|FAIL\|WARN\)  /  robustness: \1  /p' build/robustness.log
fi
exit $failed
