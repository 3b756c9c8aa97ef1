#!/bin/bash
# Fuzzing: builds the libFuzzer targets with clang (fuzzer + ASan + UBSan) in
# build-fuzz and runs each for a bounded time (default 60 s; SW_FUZZ_SECONDS overrides), starting
# from the seed corpus in tests/fuzz/corpus/<target>/. Prints executions and crashes per target;
# exits non-zero if any target crashed (the crashing input is kept in build-fuzz/fuzz-work/).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${SW_FUZZ_SECONDS:-60}"
BUILD="${SW_FUZZ_BUILD:-build-fuzz}"
TARGETS=(instrument csv_import bundle bundle_payload evidence_names)

mkdir -p "$BUILD"
# Warnings as errors is the gcc build's job; clang's warning set differs. Only the fuzz targets
# are built, so SW_KIOSK=ON costs nothing here.
# Line tables are all a crash report needs; full debug info only slows the build.
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
  -DSW_FUZZ=ON -DSW_KIOSK="${SW_FUZZ_KIOSK:-ON}" -DSW_WERROR=OFF > "$BUILD/configure.log" 2>&1 || { cat "$BUILD/configure.log"; exit 1; }
cmake --build "$BUILD" -j2 --target "${TARGETS[@]/#/fuzz_}"

export SUARAWARGA_ASSETS="$PWD/assets"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
summary=""
for t in "${TARGETS[@]}"; do
  work="$BUILD/fuzz-work/$t"
  mkdir -p "$work/corpus"
  log="$work/fuzz.log"
  # New inputs go to the work corpus; the seed corpus in the source tree is only read.
  set +e
  "$BUILD/tests/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" "tests/fuzz/corpus/$t" > "$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  crashes=$(ls "$work" | grep -cE '^(crash|leak|timeout|oom)-' || true)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo "?")
  line=$(printf '%-16s %6ss  executions %10s  coverage %6s  crashes %s  (exit %s)' "$t" "$SECONDS_EACH" "${execs:-?}" "$cov" "$crashes" "$rc")
  echo "fuzz: $line"
  summary+="$line"$'\n'
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    status=1
    echo "---- $t: last lines of $log ----"
    tail -40 "$log"
  fi
done
echo "==== fuzz summary ===="
printf '%s' "$summary"
exit $status
