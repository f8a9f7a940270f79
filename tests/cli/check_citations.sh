#!/usr/bin/env bash
# Comments and documents cite only what the repository holds (CONTRIBUTING.md, "Comments and
# documents"). Fails, listing FILE:LINE: PROBLEM, when
#   - a comment (or a Markdown document) cites a specification, reference list or design note
#     that is not in the repository, or a comment cites a tracker issue by number;
#   - a comment carries a bare section number (a section sign and a digit) on a line that names
#     no published source (an author and a year);
#   - a docs/models.md anchor cited anywhere is not the slug of a heading of docs/models.md
#     (GitHub's rule: lower case, punctuation dropped, spaces to hyphens), or a "(#anchor)" link
#     inside docs/models.md is not;
#   - a *.md path cited in a comment or a Markdown document does not exist in the repository.
#
#   check_citations.sh SOURCE_DIR
set -u
src=${1:?usage: check_citations.sh SOURCE_DIR}
cd "$src" || exit 2
self=tests/cli/check_citations.sh
models=docs/models.md
[ -f "$models" ] || { echo "$models: missing"; exit 1; }

# The tracked text files; goldens, fuzz corpora and the bad-input table are data, not prose.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    files=$(git ls-files)
else
    files=$(find . -type f ! -path './.git/*' ! -path './build/*' | sed 's|^\./||')
fi
ext='\.(cpp|hpp|h|cc|sh|cmake|toml|dict|yml|yaml|md|1|5)$'
list=$(printf '%s\n' "$files" | grep -E "$ext|(^|/)(CMakeLists\.txt|Makefile|run)\$" |
    grep -vE '^(tests/golden/|fuzz/regressions/|fuzz/seeds/)' | grep -vxF "$self")
[ -n "$list" ] || { echo "no files to check under $src"; exit 1; }

# Every file that exists, for the *.md path check.
existing=$(mktemp)
trap 'rm -f "$existing"' EXIT
printf '%s\n' "$files" >"$existing"

# The heading slugs of docs/models.md, one line: " slug slug ... ".
slugs=" $(awk '/^```/ { fence = !fence; next }
    !fence && /^#+ / {
        h = $0; sub(/^#+ +/, "", h); h = tolower(h)
        gsub(/[^a-z0-9 _-]/, "", h); gsub(/ /, "-", h); printf "%s ", h
    }' "$models")"

# One awk pass over every file: it extracts the comment text of each line by the file's
# language (all text for Markdown) and reports every problem.
# shellcheck disable=SC2086
printf '%s\n' $list | awk -v slugs="$slugs" -v models="$models" -v existing="$existing" '
BEGIN {
    while ((getline f < existing) > 0) { have[f] = 1 }
    anchor_re = "docs/models\\.md#[A-Za-z0-9_-]+"
    bad = 0; checked = 0
}
function report(msg) { printf "%s:%d: %s\n", file, fnr, msg; bad++ }
function lang(f) {
    if (f ~ /\.(cpp|hpp|h|cc)$/) return "c"
    if (f ~ /\.md$/) return "md"
    if (f ~ /\.[15]$/) return "man"
    return "hash"
}
# The text after the first comment marker that is outside a string, or "".
function comment_of(line, kind,    i, n, ch, quote, prev) {
    if (kind == "md") return line
    if (kind == "man") {
        if (line ~ /^[.\047]\\"/) return substr(line, 4)
        i = index(line, "\\\"")
        return i ? substr(line, i + 2) : ""
    }
    n = length(line); quote = ""; prev = ""
    for (i = 1; i <= n; i++) {
        ch = substr(line, i, 1)
        if (quote != "") {
            if (ch == "\\") { i++; continue }
            if (ch == quote) quote = ""
        } else if (ch == "\"" || (kind == "c" && ch == "\047")) {
            # A C++ digit separator (1\0470000) is no quote.
            if (!(ch == "\047" && prev ~ /[0-9A-Fa-f]/)) quote = ch
        } else if (kind == "c" && ch == "/" && substr(line, i + 1, 1) == "/") {
            return substr(line, i + 2)
        } else if (kind == "hash" && ch == "#" && (i == 1 || prev ~ /[ \t]/)) {
            return substr(line, i + 1)
        }
        prev = ch
    }
    return ""
}
function check_md_paths(text,    s, p, dir, cand) {
    s = text
    while (match(s, /[A-Za-z0-9_.\/-]*[A-Za-z0-9_-]\.md([^A-Za-z0-9_]|$)/)) {
        p = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
        sub(/[^A-Za-z0-9_]$/, "", p); sub(/^\.\//, "", p)
        if (p in have) continue
        dir = file; if (!sub(/\/[^\/]*$/, "", dir)) dir = ""
        cand = (dir == "" ? p : dir "/" p)
        while (cand ~ /(^|\/)[^\/.][^\/]*\/\.\.\//) sub(/[^\/.][^\/]*\/\.\.\//, "", cand)
        if (cand in have) continue
        report("cites " p ", which is not in the repository")
    }
}
function check_line(line, kind,    c, s, a) {
    # Anchors are checked everywhere, code included: a string can cite a section too.
    s = line
    while (match(s, anchor_re)) {
        a = substr(s, RSTART + 15, RLENGTH - 15); s = substr(s, RSTART + RLENGTH)
        if (a ~ /^[A-Z_]+$/) continue # a placeholder (docs/models.md#NAME): slugs are lower case
        if (index(slugs, " " a " ") == 0) report("docs/models.md#" a ": no such heading in " models)
    }
    if (file == models) {
        s = line
        while (match(s, /\]\(#[A-Za-z0-9_-]+\)/)) {
            a = substr(s, RSTART + 3, RLENGTH - 4); s = substr(s, RSTART + RLENGTH)
            if (index(slugs, " " a " ") == 0) report("(#" a "): no such heading")
        }
    }
    c = comment_of(line, kind)
    if (c == "") return
    if (c ~ /(^|[^A-Za-z_])SPEC([^A-Za-z_]|$)/) report("cites SPEC, which is not in the repository")
    if (c ~ /REFERENCES(\.md)?([^A-Za-z_]|$)/)
        report("cites REFERENCES, which is not in the repository")
    if (c ~ /DESIGN\.md/) report("cites DESIGN.md, which is not in the repository")
    if (kind != "md" && c ~ /(^|[^A-Za-z])[Ii]ssues? #?[0-9]/)
        report("cites a tracker issue by number; cite the behaviour or a document instead")
    if (kind != "md" && c ~ /§ ?[0-9]/ && c !~ /(^|[^0-9])(1[89]|20)[0-9][0-9]([^0-9]|$)/)
        report("a section number with no published source (author and year) on the line")
    check_md_paths(c)
}
{
    file = $0; kind = lang(file); fnr = 0; checked++
    while ((getline line < file) > 0) { fnr++; check_line(line, kind) }
    close(file)
}
END {
    if (bad) { printf "%d citation problem(s) in %d files\n", bad, checked; exit 1 }
    printf "citations: %d files, every citation resolves\n", checked
}'
