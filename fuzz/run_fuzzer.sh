#!/usr/bin/env bash
# Fuzzes one target for a fixed time from its seeds, in a fresh corpus directory (the seeds
# stay untouched), and prints libFuzzer's summary (executions, corpus size). Used by CTest in
# the fuzzing tree (a few seconds each) and by `make fuzz` (FUZZ_SECONDS each).
#
#   run_fuzzer.sh FUZZER SECONDS CORPUS SEED_DIR...
#
# CAPPLAN_FUZZ_SECONDS, when set, replaces SECONDS (`make fuzz` runs the CTest entries longer).
# A dictionary fuzz/TARGET.dict next to this script (TARGET from the fuzzer's name, fuzz_TARGET)
# is passed with -dict. A crash exits non-zero and leaves crash-* (the input) in the working directory: copy it to
# fuzz/regressions/TARGET/ so every later `make test` replays it.
set -eu
fuzzer=${1:?usage: run_fuzzer.sh FUZZER SECONDS CORPUS SEED_DIR...}
seconds=${CAPPLAN_FUZZ_SECONDS:-${2:?}}
corpus=${3:?}
shift 3
rm -rf "$corpus"
mkdir -p "$corpus"
dict=$(dirname "$0")/$(basename "$fuzzer" | sed 's/^fuzz_//').dict
options=(-max_total_time="$seconds" -seed=1 -close_fd_mask=3 -print_final_stats=1)
[ -f "$dict" ] && options+=(-dict="$dict")
exec "$fuzzer" "${options[@]}" "$corpus" "$@"
