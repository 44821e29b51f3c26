#!/bin/sh
# Each layer of src/ includes only itself and the layers above it:
# base, model, load, plan, remind, progression, run, term, audio, ui, history, commands.
set -eu
src=$1
layers="base model load plan remind progression run term audio ui history commands"
status=0
above=""
for layer in $layers; do
  allowed="$above $layer"
  for file in "$src/$layer"/*.cpp "$src/$layer"/*.hpp; do
    for included in $(sed -n 's/^#include "\([a-z_]*\)\/.*/\1/p' "$file" | sort -u); do
      case " $allowed " in
        *" $included "*) ;;
        *) echo "layers: $file includes $included/, which is below $layer/" >&2; status=1 ;;
      esac
    done
  done
  above="$allowed"
done
[ $status -eq 0 ] && echo "layers: every include points up"
exit $status
