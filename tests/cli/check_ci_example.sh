#!/usr/bin/env bash
# Checks the example CI workflow (examples/ci/capplan-check.yml) without running GitHub: its
# structure (keys, container, permissions, the actions it uses, the packages it installs) and,
# by running them with the real binary in a scratch directory, every capplan command it runs
# (so its flags, formats, the budget file and the comment marker are real).
#
#   check_ci_example.sh CAPPLAN SOURCE_DIR
set -u
bin=${1:?usage: check_ci_example.sh CAPPLAN SOURCE_DIR}
src=${2:?usage: check_ci_example.sh CAPPLAN SOURCE_DIR}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
src=$(cd "$src" && pwd)
workflow=$src/examples/ci/capplan-check.yml
status=0
fail() { echo "capplan-check.yml: $*"; status=1; }
has() { grep -Eq -- "$1" "$workflow" || fail "missing: $1"; }

[ -f "$workflow" ] || { echo "no $workflow"; exit 1; }

# YAML structure: no tabs, indentation in steps of two, the keys a workflow needs.
grep -nP '\t' "$workflow" && fail "tabs (YAML forbids them in indentation)"
awk '/^ *[^ #]/ { match($0, /^ */); if (RLENGTH % 2) { print FILENAME ":" NR ": odd indent"; bad = 1 } }
     END { exit bad }' "$workflow" || fail "indentation"
has '^name: '
has '^on:$'
has '^  pull_request:'
has '^permissions:$'
has '^  pull-requests: write$'
has '^jobs:$'
has '^    container: debian:12$'
has '^    runs-on: '
has '^    steps:$'
has 'uses: actions/checkout@v[0-9]+'
has 'uses: actions/github-script@v[0-9]+'
has 'uses: actions/upload-artifact@v[0-9]+'
has 'path: capplan-check\.xml'

# The packages it installs are the build dependencies the Makefile lists.
words=$(tr -s ' \\' '\n\n' <"$workflow")
makefile_words=$(tr -s ' \\' '\n\n' <"$src/Makefile")
for pkg in cmake g++ libcli11-dev libtomlplusplus-dev libeigen3-dev libfmt-dev \
           nlohmann-json3-dev libboost-dev; do
    grep -qxF -- "$pkg" <<<"$words" || fail "does not install $pkg"
    grep -qxF -- "$pkg" <<<"$makefile_words" || fail "installs $pkg, which the Makefile lacks"
done

# The comment is found again by the marker that `capplan check -f markdown` writes first.
marker=$(sed -n "s/^ *const marker = '\(.*\)';$/\1/p" "$workflow")
[ -n "$marker" ] || fail "no marker in the comment script"

# Run every capplan command of the workflow in a scratch directory, with its env values.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/build"
ln -s "$bin" "$tmp/build/capplan"
ln -s "$src/examples" "$tmp/examples"
export WORKLOAD BUDGET
WORKLOAD=$(sed -n 's/^  WORKLOAD: //p' "$workflow")
BUDGET=$(sed -n 's/^  BUDGET: //p' "$workflow")
[ -f "$src/$WORKLOAD" ] || fail "WORKLOAD $WORKLOAD does not exist"
[ -f "$src/$BUDGET" ] || fail "BUDGET $BUDGET does not exist"
cp "$src/$WORKLOAD" "$tmp/base.toml" # what `git show BASE:WORKLOAD` gives on a pull request
commands=$(sed -n 's/^ *\(run: \)\{0,1\}\(build\/capplan .*\)$/\2/p' "$workflow")
[ "$(printf '%s\n' "$commands" | grep -c .)" -ge 4 ] || fail "expected at least 4 capplan commands"
while IFS= read -r cmd; do
    (cd "$tmp" && eval "$cmd") >"$tmp/out" 2>"$tmp/err"
    code=$?
    case "$cmd" in
        *" -f github"*) ok="0 1" ;; # the gate: 1 when a budget breaks, never 2
        *) ok="0" ;;
    esac
    case " $ok " in
        *" $code "*) ;;
        *) fail "'$cmd' exited $code: $(cat "$tmp/err")" ;;
    esac
done <<<"$commands"
# The shipped budgets pass on their own example workload: a newcomer's first CI run, where the
# pull request changes nothing, must not look broken (exit 0, not 1).
(cd "$tmp" && build/capplan check "$WORKLOAD" --budget "$BUDGET" --compare-to base.json) \
    >"$tmp/out" 2>&1 || fail "the shipped budgets fail on $WORKLOAD: $(head -3 "$tmp/out")"
for f in base.json capplan-check.md capplan-check.xml; do
    [ -s "$tmp/$f" ] || fail "the workflow's commands did not write $f"
done
[ "$(head -1 "$tmp/capplan-check.md")" = "$marker" ] ||
    fail "the comment's first line is not the marker '$marker' the script looks for"
grep -q "^<testsuites " "$tmp/capplan-check.xml" 2>/dev/null || fail "capplan-check.xml is not JUnit"
exit $status
