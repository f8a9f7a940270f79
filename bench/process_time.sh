#!/usr/bin/env bash
# Wall time of the whole process for the planner's speed goals (ARCHITECTURE.md, speed devices):
# the built-in default planned from 1 to 1,000,000 users at 10 points per decade, as CSV; then
# each shipped example and each reproduction in tests/repro/ from 1 to 10M users at 10 points per
# decade. Prints, for each, the median and the minimum of 21 runs in milliseconds (hyperfine
# when installed).
set -eu
bin=${1:?usage: process_time.sh CAPPLAN}
root=$(cd "$(dirname "$0")/.." && pwd)

time_it() {
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine --shell=none --warmup 3 --runs 21 --style basic "$bin $*"
        return
    fi
    local times=() start end sorted median min
    for _ in $(seq 21); do
        start=$(date +%s%N)
        "$bin" "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    median=$(echo "$sorted" | sed -n 11p)
    min=$(echo "$sorted" | sed -n 1p)
    printf 'capplan %s: median %d.%03d ms, min %d.%03d ms over 21 runs\n' "$*" \
        $((median / 1000)) $((median % 1000)) $((min / 1000)) $((min % 1000))
}

time_it plan --users 1..1M --per-decade 10 -f csv
for workload in "$root"/examples/*.toml "$root"/tests/repro/*.toml; do
    time_it plan "$workload" --users 1..10M --per-decade 10 -f csv -o /dev/null
done
