#!/bin/sh
# Builds the .deb with CPack and checks it: the files it holds, a Depends line
# that names the package of every shared library the binary needs, and the
# binary working from the unpacked tree. lintian_test.sh then lints it.
set -eu
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "deb test: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" > "$work/cpack.log") || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/out/psoas_*_amd64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no psoas_*_amd64.deb"

dpkg-deb -c "$deb" > "$work/contents"
for file in ./usr/bin/psoas ./usr/share/man/man1/psoas.1.gz ./usr/share/doc/psoas/changelog.gz ./usr/share/psoas/routines/pigeon-routine.yaml \
  ./usr/share/psoas/routine.schema.json ./usr/share/bash-completion/completions/psoas \
  ./usr/share/zsh/vendor-completions/_psoas ./usr/share/fish/vendor_completions.d/psoas.fish; do
  grep -q " $file\$" "$work/contents" || fail "$file is missing from the package"
done
! grep -q "site-functions" "$work/contents" || fail "the zsh completion belongs in vendor-completions only"
dpkg-deb -f "$deb" Description | sed -n 2p | grep -q . || fail "no long description"
dpkg-deb -f "$deb" Description | awk 'length > 80 { exit 1 }' || fail "description lines longer than 80 columns"

depends=$(dpkg-deb -f "$deb" Depends)
dpkg-deb -x "$deb" "$work/root"
[ -f "$work/root/usr/share/doc/psoas/copyright" ] || fail "no copyright file"
grep -q "^License: Expat$" "$work/root/usr/share/doc/psoas/copyright" || fail "the copyright file does not name the MIT (Expat) license"
here=$(cd "$(dirname "$0")" && pwd)
grep -q "Permission is hereby granted" "$here/../../LICENSE" || fail "LICENSE is not the MIT license"
version=$(dpkg-deb -f "$deb" Version)
gzip -dc "$work/root/usr/share/doc/psoas/changelog.gz" | head -n 1 | grep -q "^psoas ($version) " ||
  fail "the changelog's newest entry is not version $version: bump packaging/changelog with the project version"
# Kept for the lintian test, which runs next.
mkdir -p "$build/deb-test" && cp "$deb" "$build/deb-test/psoas.deb"
for companion in psoas-notify psoas-print psoas-audio; do
  [ -x "$work/root/usr/libexec/psoas/$companion" ] || fail "no usr/libexec/psoas/$companion"
done
for library in $(readelf -d "$work/root/usr/bin/psoas" "$work/root/usr/libexec/psoas/"* |
  sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | sort -u); do
  path=$(ldconfig -p | awk -v lib="$library" '$1 == lib && /x86-64/ {print $NF; exit}')
  [ -n "$path" ] || fail "cannot find $library"
  package=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n 1 | cut -d: -f1) ||
    package=$(dpkg -S "$path" | head -n 1 | cut -d: -f1)
  echo "$depends" | grep -q "\\b$package\\b" || fail "$library comes from $package, which Depends does not name: $depends"
done

HOME="$work" "$work/root/usr/bin/psoas" list > "$work/list" || fail "the unpacked binary does not run"
grep -q "^bridge .* built-in\$" "$work/list" || fail "the unpacked binary does not find its routines"
echo "deb test: ok ($(basename "$deb"): $depends)"
