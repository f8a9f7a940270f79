#!/usr/bin/env bash
# Lints every man page under DIR with groff and mandoc; fails on any output,
# since `groff -ww -z` exits 0 on warnings.
set -u
dir=${1:?usage: lint_man.sh MAN_DIR}
status=0
for page in "$dir"/*.[1-9]; do
    out=$(groff -man -ww -z "$page" 2>&1)
    if [ -n "$out" ]; then
        printf 'groff: %s\n%s\n' "$page" "$out"
        status=1
    fi
    out=$(mandoc -T lint -W warning "$page" 2>&1)
    if [ -n "$out" ]; then
        printf 'mandoc: %s\n%s\n' "$page" "$out"
        status=1
    fi
done
exit $status
