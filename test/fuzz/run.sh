#!/usr/bin/env bash
# Runs the fuzzers of a -DSPARKMIGRATE_FUZZ=ON build, all at once, each for
# SECONDS, and fails if any of them finds something (crash, sanitizer report,
# timeout, out-of-memory, broken invariant) or any reproducer in
# test/fuzz/regressions/<harness>/ fails.
#
#   test/fuzz/run.sh BUILD_DIR SECONDS [HARNESS...]     (default: all three)
#
# Seeds are generated afresh from the repository (make_seeds.py) into
# BUILD_DIR/fuzz-corpus/<harness>/seeds; what the fuzzer adds is kept in
# BUILD_DIR/fuzz-corpus/<harness>/found across runs; findings are written to
# BUILD_DIR/fuzz-artifacts/<harness>/; each run's log is
# BUILD_DIR/fuzz-logs/<harness>.log. Extra libFuzzer flags: FUZZ_FLAGS (e.g.
# FUZZ_FLAGS="-fork=2 -ignore_crashes=1" to keep going after a finding).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: run.sh BUILD_DIR SECONDS [HARNESS...]}" && pwd)
seconds=${2:?usage: run.sh BUILD_DIR SECONDS [HARNESS...]}
shift 2
harnesses=("$@")
((${#harnesses[@]})) || harnesses=(framing server analysis)
python=${PYTHON:-python3}

declare -A dict=([framing]=lsp.dict [server]=lsp.dict [analysis]=python.dict)
# -timeout: one input taking longer is a finding (a hang); -rss_limit_mb: so is
# more than this much memory (inputs are at most a few KiB).
common=(-timeout=30 -rss_limit_mb=2560 -print_final_stats=1)

rm -rf "$build/fuzz-corpus-seeds"
"$python" "$here/make_seeds.py" "$build/fuzz-corpus-seeds"

export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/lib/llvm-16/bin/llvm-symbolizer}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
mkdir -p "$build/fuzz-logs"
pids=()
for h in "${harnesses[@]}"; do
  bin="$build/fuzz/fuzz_$h"
  [[ -x $bin ]] || { echo "fuzz: $bin is missing (build with -DSPARKMIGRATE_FUZZ=ON)" >&2; exit 1; }
  corpus="$build/fuzz-corpus/$h"
  mkdir -p "$corpus/found" "$build/fuzz-artifacts/$h"
  rm -rf "$corpus/seeds" && mv "$build/fuzz-corpus-seeds/$h" "$corpus/seeds"
  (
    set +e
    regressions=("$here/regressions/$h"/*)
    if [[ -e ${regressions[0]} ]]; then
      echo "== replaying ${#regressions[@]} regression inputs"
      "$bin" "${common[@]}" "${regressions[@]}" || exit $?
    fi
    echo "== fuzzing for $seconds s"
    # shellcheck disable=SC2086
    exec "$bin" "${common[@]}" -max_total_time="$seconds" -dict="$here/${dict[$h]}" \
      -artifact_prefix="$build/fuzz-artifacts/$h/" ${FUZZ_FLAGS:-} "$corpus/found" "$corpus/seeds"
  ) >"$build/fuzz-logs/$h.log" 2>&1 &
  pids+=($!)
done
rm -rf "$build/fuzz-corpus-seeds"

status=0
for i in "${!harnesses[@]}"; do
  h=${harnesses[$i]}
  log="$build/fuzz-logs/$h.log"
  if wait "${pids[$i]}"; then
    runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1 || true)
    echo "fuzz_$h: ok, ${runs:-0} inputs in ${seconds} s ($(( ${runs:-0} / seconds )) exec/s); $cov"
  else
    status=1
    echo "fuzz_$h: FAILED (log: $log); findings in $build/fuzz-artifacts/$h/" >&2
    grep -vE '^#[0-9]+|^INFO:|^MERGE' "$log" | tail -60 >&2
  fi
done
rm -rf "$build/fuzz-corpus-seeds"
exit $status
