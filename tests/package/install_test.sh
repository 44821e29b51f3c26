#!/bin/sh
# Installs psoas into a temporary prefix and runs the installed binary against
# its installed routines, schema, man page and completions, with no
# environment pointing anywhere.
set -eu
build=$1
prefix=$(mktemp -d)
home=$(mktemp -d)
trap 'rm -rf "$prefix" "$home"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null
psoas() { env -i HOME="$home" PATH=/usr/bin:/bin "$prefix/bin/psoas" "$@"; }
fail() { echo "install test: $*" >&2; exit 1; }

for file in bin/psoas share/man/man1/psoas.1.gz share/doc/psoas/changelog.gz share/psoas/routine.schema.json \
  share/psoas/routines/pigeon-routine.yaml share/bash-completion/completions/psoas share/zsh/site-functions/_psoas \
  share/fish/vendor_completions.d/psoas.fish; do
  [ -f "$prefix/$file" ] || fail "$file was not installed"
done

# The installed binary finds its installed built-ins, whatever the prefix.
psoas list > "$home/list" || fail "psoas list failed"
grep -q '^pigeon-routine .* built-in$' "$home/list" || fail "no built-in pigeon-routine in: $(cat "$home/list")"
psoas list --json | grep -q "\"file\": \"$prefix/share/psoas/routines/bridge.yaml\"" || fail "built-ins not read from the prefix"
psoas run pigeon-routine --dry-run | grep -q 'total 4m55s' || fail "dry run"
psoas check pigeon-routine > /dev/null || fail "the installed routines do not check"

# A new routine points editors at the installed schema.
path=$(psoas new my-hips)
[ "$path" = "$home/.config/psoas/routines/my-hips.yaml" ] || fail "new wrote to $path"
head -n 1 "$path" | grep -qF "# yaml-language-server: \$schema=file://$prefix/share/psoas/routine.schema.json" ||
  fail "schema comment: $(head -n 1 "$path")"
psoas check my-hips > /dev/null || fail "the starter routine does not check"

# The installed psoas finds its installed psoas-notify: without a session bus it says so.
[ -x "$prefix/libexec/psoas/psoas-notify" ] || fail "psoas-notify was not installed in libexec/psoas"
psoas remind add bridge --every 1h --between 00:00-24:00 --cron > /dev/null 2>&1 || fail "remind add --cron"
nudged=$(env -i HOME="$home" PATH=/usr/bin:/bin DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
  "$prefix/bin/psoas" nudge 2>&1) || fail "nudge failed: $nudged"
case $nudged in *"no session bus"*) ;; *) fail "nudge did not reach psoas-notify: $nudged" ;; esac

# The installed psoas hands the commands that need big libraries to its companions.
psoas card bridge --format pdf -o "$home/bridge.pdf" || fail "card --format pdf (psoas-print)"
[ -s "$home/bridge.pdf" ] || fail "card --format pdf wrote nothing"
psoas export bridge --hold 5s --audio "$home/bridge.wav" > /dev/null || fail "export --audio (psoas-audio)"
[ -s "$home/bridge.wav" ] || fail "export --audio wrote nothing"

# The installed completion scripts are the binary's own.
psoas completion bash | cmp -s - "$prefix/share/bash-completion/completions/psoas" || fail "bash completion differs"
echo "install test: ok ($prefix)"
