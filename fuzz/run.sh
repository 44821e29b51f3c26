#!/bin/sh
# Fuzzes the loading path for SECONDS (default 60): builds the target with
# clang, libFuzzer, ASan and UBSan in build-fuzz/, seeds its corpus from the
# built-in routines and figures and the test corpus, and stops at the first finding,
# which it copies into fuzz/regressions/ (run by the test suite from then on).
#
#   fuzz/run.sh 1800        # half an hour
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PSOAS_FUZZ_BUILD:-$root/build-fuzz}
corpus=$build/corpus

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPSOAS_FUZZ=ON \
  -DPSOAS_BUILD_TESTS=OFF > /dev/null
cmake --build "$build" -j2 --target psoas_fuzz_loader > /dev/null

rm -rf "$build/findings"
mkdir -p "$corpus" "$build/findings"
cp "$root"/routines/*.yaml "$root"/tests/corpus/valid/* "$corpus"/
# The built-in figures, which the target also reads as figure files (some share a routine's name).
for figure in "$root"/figures/*.yaml; do cp "$figure" "$corpus/figure-$(basename "$figure")"; done
# The malformed ones too, but the 1 MiB one, which only ever repeats itself.
find "$root"/tests/corpus/invalid -name '*.yaml' -size -64k -exec cp {} "$corpus"/ \;
cp "$root"/fuzz/regressions/* "$corpus"/ 2>/dev/null || true

status=0
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$build/psoas_fuzz_loader" "$corpus" -dict="$root/fuzz/routine.dict" -max_len=16384 -timeout=10 \
  -rss_limit_mb=2048 -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$build/findings/" || status=$?
for finding in "$build"/findings/*; do
  [ -e "$finding" ] || continue
  cp "$finding" "$root/fuzz/regressions/"
  echo "fuzz: kept $(basename "$finding") in fuzz/regressions/"
done
exit $status
