#!/usr/bin/env bash
# Runs every test layer: formatting and lints, native unit and component tests, the release
# site built for a sub-path, and browser tests of that site in headless Chromium. Prints each
# runner's summary lines and a total; exits non-zero if any layer fails or cannot run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/test-logs
started=$(date +%s)

tool_path=$(scripts/tools.sh test) || { echo "tests: the tools could not be installed"; exit 1; }
export PATH="$tool_path:$PATH"

failed_layers=()
layer() {
  local name=$1; shift
  echo "=== $name: $*"
  if "$@" 2>&1 | tee "target/test-logs/$name.log"; then
    echo "=== $name: passed"
  else
    echo "=== $name: FAILED"
    failed_layers+=("$name")
  fi
}

layer format cargo fmt --check
layer lint cargo clippy --locked --all-targets -- -D warnings
layer native cargo test --locked
layer site scripts/trunk.sh build --release --public-url /ivocalc/ --dist target/site-test
# The size budget (scripts/sizes.sh --check): the first visit's gzip total within its ceiling.
if [ -f target/site-test/index.html ]; then
  layer size scripts/sizes.sh target/site-test --check
fi
if [ -f target/site-test/index.html ]; then
  layer browser node --test --test-reporter=spec --test-concurrency=1 tests/browser/
else
  echo "=== browser: cannot run, the release site was not built"
  failed_layers+=(browser)
fi

echo
echo "=== summary"
grep -h '^test result:' target/test-logs/native.log || true
grep -h -E '^ℹ (tests|pass|fail|skipped) ' target/test-logs/browser.log 2>/dev/null || true
passed=$( { grep -h -o -E '[0-9]+ passed' target/test-logs/native.log | awk '{s+=$1} END {print s+0}'; } )
failed=$( { grep -h -o -E '[0-9]+ failed' target/test-logs/native.log | awk '{s+=$1} END {print s+0}'; } )
b_pass=$(grep -h -E '^ℹ pass ' target/test-logs/browser.log 2>/dev/null | awk '{print $3}' | tail -1)
b_fail=$(grep -h -E '^ℹ fail ' target/test-logs/browser.log 2>/dev/null | awk '{print $3}' | tail -1)
passed=$((passed + ${b_pass:-0}))
failed=$((failed + ${b_fail:-0}))
echo "screenshots: target/screenshots/"
echo "time: $(( $(date +%s) - started )) s"
if [ ${#failed_layers[@]} -gt 0 ]; then
  echo "failed layers: ${failed_layers[*]}"
  [ "$failed" -gt 0 ] || failed=${#failed_layers[@]}
  echo "total: $passed passed, $failed failed"
  exit 1
fi
echo "total: $passed passed, $failed failed"
