#!/bin/sh
# Rewrites each tests/corpus/invalid/*.err from what psoas says now. Review
# the diff before committing: the .err files are the expected output.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
psoas=${1:-$here/../../build/psoas}
source_routines=$(cd "$here/../../routines" && pwd)
cd "$here/invalid"
for file in *.yaml; do
  env -i PATH=/usr/bin:/bin HOME=/nonexistent XDG_CONFIG_HOME=/nonexistent PSOAS_PATH=. \
    "$psoas" check "$file" 2>&1 >/dev/null | sed "s|$source_routines|<builtin>|g" > "${file%.yaml}.err" || true
done
