#!/usr/bin/env bash
# Runs one golden case of a binary and compares bytes: capplan, or for tests/golden/format/
# render_frozen (tests/support/render_frozen.cpp), which takes the same flags.
#
#   run_golden.sh CAPPLAN CASE.cmd
#
# CASE.cmd holds the arguments (one line, shell words; `<FILE` on a line of its own after
# them feeds FILE to standard input). Expected results sit beside it: CASE.out (stdout),
# CASE.err (stderr, absent = empty) and CASE.code (exit status, absent = 0). The version
# string is replaced by @VERSION@ so releases do not churn the files. With UPDATE_GOLDEN=1
# the expected files are rewritten from the actual run; review the diff like code.
set -u
bin=${1:?usage: run_golden.sh CAPPLAN CASE.cmd}
case_file=${2:?usage: run_golden.sh CAPPLAN CASE.cmd}
base=${case_file%.cmd}
args=$(sed -n 1p "$case_file")
stdin_file=$(sed -n 's/^<//p' "$case_file")
version=$("$bin" --version | awk '{print $2}')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -n "$stdin_file" ]; then
    eval "\"\$bin\" $args" <"$stdin_file" >"$tmp/out" 2>"$tmp/err"
else
    eval "\"\$bin\" $args" </dev/null >"$tmp/out" 2>"$tmp/err"
fi
echo $? >"$tmp/code"
sed -i "s/\"version\": \"$version\"/\"version\": \"@VERSION@\"/; s/capplan $version/capplan @VERSION@/" "$tmp/out"

if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$tmp/out" "$base.out"
    if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
    if [ "$(cat "$tmp/code")" != 0 ]; then cp "$tmp/code" "$base.code"; else rm -f "$base.code"; fi
    exit 0
fi

status=0
compare() { # expected actual what
    if ! cmp -s "$1" "$2"; then
        echo "golden mismatch in $3 of $case_file:"
        diff -u "$1" "$2" | head -40
        status=1
    fi
}
compare "$base.out" "$tmp/out" stdout
if [ -f "$base.err" ]; then compare "$base.err" "$tmp/err" stderr; else compare /dev/null "$tmp/err" stderr; fi
if [ -f "$base.code" ]; then compare "$base.code" "$tmp/code" "exit status"; else echo 0 | compare /dev/stdin "$tmp/code" "exit status"; fi
exit $status
