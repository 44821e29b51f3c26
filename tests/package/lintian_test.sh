#!/bin/sh
# Lints the .deb that deb_test.sh built. Without lintian the test is reported
# as skipped (exit 77), never passed in silence.
set -eu
deb=$1/deb-test/psoas.deb
if ! command -v lintian > /dev/null; then
  echo "lintian test: SKIPPED: lintian is not installed (apt-get install lintian)" >&2
  exit 77
fi
[ -f "$deb" ] || { echo "lintian test: no $deb: the debian_package test makes it" >&2; exit 1; }
out=$(lintian --tag-display-limit 0 "$deb" 2>&1 || true)
if echo "$out" | grep -E "^[EW]: "; then
  echo "lintian test: lintian finds errors or warnings (above)" >&2
  exit 1
fi
echo "lintian test: ok"
