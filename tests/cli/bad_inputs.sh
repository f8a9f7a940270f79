#!/usr/bin/env bash
# Every class of bad input through the real binary, as a table rather than hundreds of golden
# files:
#
#   bad_inputs.sh CAPPLAN CASES.tsv
#
# CASES.tsv holds one case per row, EXIT<TAB>STDERR<TAB>ARGS: the exit status, the whole first
# line of stderr, and the shell words after `capplan` (`<FILE` at the end feeds FILE to standard
# input; otherwise standard input is /dev/null). Rows of `+err<TAB>LINE` and `+out<TAB>LINE`
# after a case give its further whole lines of stderr and its lines of stdout, in order. A case
# must exit with EXIT and print exactly its lines: only the STDERR line when it has no `+` rows,
# nothing on stdout when it has no `+out` rows (no half output). `#` lines and empty lines are
# skipped, except `# rows: N`, the number of cases: the script fails unless the table has
# exactly N case rows and it ran each of them (a truncated or misread table fails). @T@ in
# STDERR, LINE and ARGS is a scratch directory holding the hostile inputs generated below (so
# no multi-megabyte or binary files are committed). After the table, checks that need more
# than one command: outputs are written whole or not at all, a closed pipe is a quiet success,
# names that are not UTF-8 stay valid JSON, validate reports each bad file on its own line.
# Run from the source directory (CTest does).
set -u
bin=${1:?usage: bad_inputs.sh CAPPLAN CASES.tsv}
cases=${2:?usage: bad_inputs.sh CAPPLAN CASES.tsv}
T=$(mktemp -d)
# A case whose ARGS end the script early (`exit`, `break`) must not pass: the loop counts the
# cases it ran, and leaving before the last line fails (said on the script's own stdout, fd 3).
exec 3>&1
finished=0
trap 'rm -rf "$T"; [ "$finished" = 1 ] || { echo "FAIL: stopped before the end" >&3; exit 1; }' EXIT

# --- hostile inputs -----------------------------------------------------------------------
repeat() { # TEXT COUNT: TEXT repeated COUNT times, no newline
    yes -- "$1" | head -n "$2" | tr -d '\n'
}
workload() { # NAME BODY...: a workload file with users = 10 and BODY lines after it
    local name=$1
    shift
    { echo 'users = 10'; printf '%s\n' "$@"; } >"$T/$name"
}
: >"$T/empty.toml"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00' >"$T/garbage.toml"
printf 'users = 10\n\x00\n' >"$T/nul.toml"
printf 'users = 10\nname = "caf\xe9"\n' >"$T/utf8_string.toml"
printf 'users = 10\n# caf\xc3\n' >"$T/utf8_comment.toml"
workload deep_array.toml "x = $(repeat '[' 5000)$(repeat ']' 5000)"
workload deep_table.toml "x = $(repeat '{a=' 2000)1$(repeat '}' 2000)"
workload dotted_key.toml "a$(repeat '.a' 100000) = 1"
workload dotted_header.toml "[a$(repeat '.a' 100)]"
workload long_key.toml "$(repeat k 100000) = 1"
workload long_value.toml "name = \"$(repeat x 900000)\""
{ echo 'users = 10'; repeat '#' 2100000; echo; } >"$T/big.toml"
workload dup_key.toml '[web]' 'cpu_time = "15ms"' 'cpu_time = "20ms"'
workload dup_table.toml '[web]' 'cpu_time = "15ms"' '[web]' 'min_servers = 2'
workload ctl_key.toml '"\u0001" = 1'
workload nl_key.toml '"a\nb" = 1'
workload nan.toml '[traffic]' 'peak_to_average = nan'
workload inf.toml '[traffic]' 'peak_to_average = -inf'
workload date.toml '[db]' 'failover_time = 1979-05-27'
workload huge.toml '[traffic]' 'requests_per_active_user = 1e300'
workload negative.toml '[db]' 'read_time = "-2ms"'
workload zero.toml '[web]' 'cpu_time = "0ms"'
workload wrong_type.toml '[web]' 'autoscale = "yes"'
workload empty_string.toml '[web]' 'instance = ""'
workload unit_typo.toml '[traffic]' 'session_length = "15mins"'
workload stage_typo.toml '[stage]' 'require = ["cdn", "cahce"]'
workload stage_both.toml '[stage]' 'require = ["cache"]' 'forbid = ["cdn", "cache"]'
workload stage_needs.toml '[stage]' 'require = "cache"' 'forbid = ["separate_db"]'
workload stage_number.toml '[stage]' 'require = 3'
{ echo '[users]'; echo 'a = 1'; } >"$T/users_table.toml"
workload budget_not_array.toml 'budget = 5'
workload models_bad.toml '[models.instance."x.large"]' 'vcpus = 0'
mkdir -p "$T/models_garbage" "$T/models_bad_instance"
cp "$T/garbage.toml" "$T/models_garbage/a.toml"
printf 'source = "s"\ndate = "d"\n[instance."y.large"]\nvcpus = 2\ncores = 2\nthreads_per_core = 2\nmemory = "1GiB"\nhourly = 1\n' \
    >"$T/models_bad_instance/a.toml"
echo '{"schema_version": 1, "points": [{"users": 1e400}]}' >"$T/overflow.json"
echo '{"points":' >"$T/truncated.json"
repeat '[' 100000 >"$T/deep.json"
printf 'kind = "open"\narrival_rate = "10/s"\n[[station]]\nname = "a\\nb"\nservice_time = "10ms"\nvisits = 1\n' \
    >"$T/net_nl_name.toml"
printf 'kind = "open"\narrival_rate = "10/s"\n[[station]]\nname = "a"\nservice_time = "-10ms"\nvisits = 1\n' \
    >"$T/net_negative.toml"
printf 'kind = "open"\narrival_rate = "10/s"\n[[station]]\nname = "a"\nservice_time = "10ms"\nvisits = nan\n' \
    >"$T/net_nan.toml"

# --- the table ----------------------------------------------------------------------------
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
# Read the cases: codes[i], args[i], and their expected stderr and stdout, one line each.
codes=()
argv=()
errs=()
outs=()
declared=
while IFS= read -r line; do
    if [[ $line =~ ^#\ rows:\ ([0-9]+)$ ]]; then
        declared=${BASH_REMATCH[1]}
        continue
    fi
    [ -z "$line" ] || [ "${line:0:1}" = "#" ] && continue
    line=${line//@T@/$T}
    IFS=$'\t' read -r code text args <<<"$line"
    n=${#codes[@]}
    case $code in
    +err | +out)
        if [ "$n" = 0 ]; then
            fail "'$line': a $code row before any case"
        elif [ "$code" = +err ]; then
            errs[n - 1]+="$text"$'\n'
        else
            outs[n - 1]+="$text"$'\n'
        fi
        ;;
    *)
        if ! [[ $code =~ ^[0-9]+$ ]] || [ -z "$text" ]; then
            fail "'$line': not EXIT<TAB>STDERR<TAB>ARGS"
        fi
        codes+=("$code")
        argv+=("$args")
        errs+=("$text"$'\n')
        outs+=("")
        ;;
    esac
done <"$cases"
rows=$(grep -cv -e '^#' -e '^$' -e '^+err'$'\t' -e '^+out'$'\t' "$cases")
if [ -z "$declared" ]; then
    fail "$cases has no '# rows: N' line"
elif [ "$rows" != "$declared" ]; then
    fail "$cases has $rows case rows, its '# rows:' line says $declared"
fi

ran=0
for i in "${!codes[@]}"; do
    args=${argv[i]}
    stdin=/dev/null
    if [[ $args =~ ^(.*)\ \<([^ ]+)$ ]]; then
        args=${BASH_REMATCH[1]}
        stdin=${BASH_REMATCH[2]}
    fi
    eval "\"\$bin\" $args" <"$stdin" >"$T/out" 2>"$T/err" 3>&-
    status=$?
    ran=$((ran + 1))
    printf '%s' "${errs[i]}" >"$T/err.expected"
    printf '%s' "${outs[i]}" >"$T/out.expected"
    if [ "$status" != "${codes[i]}" ]; then
        fail "capplan $args: exit $status, expected ${codes[i]} ($(head -n 1 "$T/err"))"
    elif ! cmp -s "$T/out" "$T/out.expected"; then
        fail "capplan $args: stdout differs:"$'\n'"$(diff "$T/out.expected" "$T/out" | head -20)"
    elif ! cmp -s "$T/err" "$T/err.expected"; then
        fail "capplan $args: stderr differs:"$'\n'"$(diff "$T/err.expected" "$T/err" | head -20)"
    fi
done
[ "$ran" = "$rows" ] || fail "ran $ran cases of the $rows rows of $cases"

# --- checks across commands ---------------------------------------------------------------
checks=0
# A failed run leaves an existing output file as it was; a successful one replaces it whole and
# leaves no temporary file behind.
mkdir -p "$T/out_dir"
echo keep >"$T/out_dir/plan.json"
"$bin" plan "$T/garbage.toml" -f json -o "$T/out_dir/plan.json" 2>/dev/null
[ "$(cat "$T/out_dir/plan.json")" = keep ] || fail "a failed plan changed its -o file"
"$bin" plan --users 10 -f json -o "$T/out_dir/plan.json" 2>/dev/null || fail "plan -o failed"
[ "$(tail -c 2 "$T/out_dir/plan.json")" = "}" ] || fail "plan -o did not write the whole JSON"
[ "$(ls -A "$T/out_dir")" = plan.json ] || fail "plan -o left files behind: $(ls -A "$T/out_dir")"
checks=$((checks + 3))

# A closed pipe is a quiet success, also when most of the output (190 KB, more than a pipe
# holds) is still unwritten.
"$bin" plan --users 1..1M --per-decade 10 -f json 2>"$T/err" | head -c 1 >/dev/null
status=${PIPESTATUS[0]}
[ "$status" = 0 ] || fail "plan into a closed pipe exited $status"
grep -q 'error' "$T/err" && fail "plan into a closed pipe printed an error: $(grep error "$T/err")"
checks=$((checks + 1))

# A file name that is not UTF-8 is escaped in diagnostics and in the JSON (which must stay
# UTF-8), rather than failing as an internal error (exit 3).
odd=$(printf '%s/x\xff.toml' "$T")
echo 'users = 10' >"$odd"
"$bin" plan "$odd" -f json >"$T/out" 2>/dev/null || fail "plan of a non-UTF-8 file name failed"
grep -qF '"file": "'"$T"'/x\\xff.toml"' "$T/out" || fail "the JSON does not name the file escaped"
"$bin" plan "$odd" --set web.cpu_time=1 2>"$T/err"
grep -qF "capplan: $T/x\\xff.toml: error:" "$T/err" ||
    grep -qF -- "--set: error:" "$T/err" || fail "diagnostic for a non-UTF-8 name: $(cat "$T/err")"
checks=$((checks + 2))

# validate reports every bad file on its own line and exits 2; good files still say ok.
"$bin" validate "$T/nope.toml" "$T" "$T/garbage.toml" examples/blog.toml >"$T/out" 2>"$T/err"
status=$?
[ "$status" = 2 ] || fail "validate of bad files exited $status"
[ "$(wc -l <"$T/err")" = 3 ] || fail "validate printed $(wc -l <"$T/err") lines for 3 bad files"
grep -q '^examples/blog.toml: ok' "$T/out" || fail "validate did not report the good file"
checks=$((checks + 1))

echo "bad_inputs: $ran of $rows table cases, $checks checks across commands, $failures failed"
finished=1
[ "$failures" = 0 ]
