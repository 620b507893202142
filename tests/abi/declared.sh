#!/usr/bin/env bash
# The declarations gate: the functions declared with IP_EXTERN in the
# public headers are exactly the names the version script exports. So
# nothing is exported without a documented declaration, and nothing is
# declared that a program could not link.
#
#   declared.sh VERSION_SCRIPT HEADER...
#
# Exit 0 when the two sets are equal; otherwise 1, with the differences.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 VERSION_SCRIPT HEADER..." >&2
    exit 2
fi
map=$1
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

awk -f "$here/symfile.awk" "$map" | sed -n 's/^global //p' | sort -u >"$tmp/listed"

# Strip comments and preprocessor lines (with their continuations), join
# the rest, then read every "IP_EXTERN(type) name(".
for h in "$@"; do
    awk '
    {
        line = $0; out = ""
        while (length(line) > 0) {
            if (incomment) {
                i = index(line, "*/")
                if (i == 0) { line = ""; break }
                line = substr(line, i + 2); incomment = 0; continue
            }
            i = index(line, "/*")
            if (i == 0) { out = out line; break }
            out = out substr(line, 1, i - 1) " "
            line = substr(line, i + 2); incomment = 1
        }
        sub(/\/\/.*/, "", out)
        if (cont || out ~ /^[ \t]*#/) { cont = (out ~ /\\$/); next }
        printf "%s ", out
    }' "$h"
done >"$tmp/code"

grep -oE 'IP_EXTERN[[:space:]]*\(([^()]|\([^()]*\))*\)[[:space:]]*[A-Za-z_][A-Za-z0-9_]*[[:space:]]*\(' "$tmp/code" |
    sed -E 's/^IP_EXTERN[[:space:]]*\(([^()]|\([^()]*\))*\)[[:space:]]*//; s/[[:space:]]*\($//' |
    sort >"$tmp/declared.all"
sort -u "$tmp/declared.all" >"$tmp/declared"

# Every IP_EXTERN must have been understood as a function declaration.
uses=$(grep -oE 'IP_EXTERN[[:space:]]*\(' "$tmp/code" | wc -l)
if [ "$uses" -ne "$(wc -l <"$tmp/declared.all")" ]; then
    echo "headers: $uses uses of IP_EXTERN but $(wc -l <"$tmp/declared.all") function declarations read;" >&2
    echo "  declare each as 'IP_EXTERN(type) ip_name(args);'" >&2
    fail=1
fi
if [ ! -s "$tmp/declared" ]; then
    echo "headers: no IP_EXTERN declaration found" >&2
    exit 1
fi
if grep -qv '^ip_' "$tmp/declared"; then
    echo "headers: IP_EXTERN declarations without the ip_ prefix:" >&2
    grep -v '^ip_' "$tmp/declared" | sed 's/^/  /' >&2
    fail=1
fi
undeclared=$(comm -13 "$tmp/declared" "$tmp/listed")
unexported=$(comm -23 "$tmp/declared" "$tmp/listed")
if [ -n "$undeclared" ]; then
    echo "$map: lists symbols that no public header declares with IP_EXTERN:" >&2
    printf '%s\n' "$undeclared" | sed 's/^/  /' >&2
    fail=1
fi
if [ -n "$unexported" ]; then
    echo "headers: declare with IP_EXTERN symbols that $map does not export:" >&2
    printf '%s\n' "$unexported" | sed 's/^/  /' >&2
    fail=1
fi

if [ "$fail" -eq 0 ]; then
    echo "ok: $(wc -l <"$tmp/declared") functions declared, all exported by $(basename "$map")"
fi
exit "$fail"
