#!/bin/sh
# mandoc -Tlint does not see a quote macro that swallows its neighbours
# (".Pq Ql a , Ql b"): the rendered page would show ‘a, ‘b’’. Every opening
# quote of the rendered page must have its own closing one.
set -eu
page=$(mandoc -Tutf8 "$1" | col -b)
for pair in "“ ”" "‘ ’"; do
  open=${pair% *}
  close=${pair#* }
  opens=$(printf '%s' "$page" | grep -o "$open" | wc -l)
  closes=$(printf '%s' "$page" | grep -o "$close" | wc -l)
  if [ "$opens" != "$closes" ] || printf '%s' "$page" | grep -q "$close$close"; then
    echo "man page quotes $open$close do not pair: $opens opening, $closes closing" >&2
    printf '%s\n' "$page" | grep -n "$close$close" >&2 || true
    exit 1
  fi
done
echo "man page quotes pair"
