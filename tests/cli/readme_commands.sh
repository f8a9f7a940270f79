#!/usr/bin/env bash
# Runs every command README.md shows, as shown, so that a newcomer's first steps work from a
# fresh clone:
#
#   readme_commands.sh CAPPLAN SOURCE_DIR
#
# Every `$ ` line of a ```console block runs with bash in one scratch directory (so a file one
# command writes is there for the next), with `capplan` on PATH, examples/ and man/ reachable as
# in the source tree and EDITOR=true (the README's "$EDITOR app.toml" opens nothing). Each must
# exit 0; where the block shows output lines after a command, its standard output must be
# exactly those lines. The ```sh block of `make demo` and `make test` is not run here: it is
# what runs this test.
set -u
bin=${1:?usage: readme_commands.sh CAPPLAN SOURCE_DIR}
src=${2:?usage: readme_commands.sh CAPPLAN SOURCE_DIR}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
src=$(cd "$src" && pwd)
readme=$src/README.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" "$tmp/work"
ln -s "$bin" "$tmp/bin/capplan"
ln -s "$src/examples" "$tmp/work/examples"
ln -s "$src/man" "$tmp/work/man"
export PATH="$tmp/bin:$PATH" EDITOR=true

status=0
ran=0
# The console blocks as records: "CMD<TAB>command" and "OUT<TAB>line" in README order.
records=$(awk '
    /^```console$/ { inside = 1; next }
    /^```/         { inside = 0; next }
    inside && /^\$ / { print "CMD\t" substr($0, 3); next }
    inside         { print "OUT\t" $0 }
' "$readme")
[ -n "$records" ] || { echo "README.md: no console blocks"; exit 1; }

run_pending() { # runs $pending (if any) and compares its stdout with $expected
    [ -n "$pending" ] || return 0
    (cd "$tmp/work" && bash -c "$pending") >"$tmp/out" 2>"$tmp/err"
    local code=$?
    ran=$((ran + 1))
    if [ "$code" != 0 ]; then
        echo "README.md: '$pending' exited $code: $(head -3 "$tmp/err")"
        status=1
    elif [ -n "$expected" ] && [ "$(cat "$tmp/out")" != "$expected" ]; then
        echo "README.md: '$pending' printed:"
        cat "$tmp/out"
        echo "README.md shows:"
        printf '%s\n' "$expected"
        status=1
    fi
    pending=""
    expected=""
}

pending=""
expected=""
while IFS=$'\t' read -r kind text; do
    if [ "$kind" = CMD ]; then
        run_pending
        pending=$text
    elif [ -n "$expected" ]; then
        expected+=$'\n'"$text"
    else
        expected=$text
    fi
done <<<"$records"
run_pending

# The count of commands is what the README shows; a parse that found fewer would pass
# vacuously.
shown=$(grep -c '^\$ ' "$readme")
[ "$ran" = "$shown" ] || { echo "ran $ran commands, README.md shows $shown"; status=1; }
echo "readme_commands: $ran commands"
exit $status
