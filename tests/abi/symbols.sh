#!/usr/bin/env bash
# The symbols gate: the dynamic symbols libip.so defines are exactly the
# names in the version script, every one starts with ip_, every one is a
# function bound to a LIBIP_* version node, and the script exports nothing
# by pattern.
#
#   symbols.sh LIBRARY VERSION_SCRIPT
#
# Exit 0 when all hold; otherwise 1, with what differs on stderr.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 LIBRARY VERSION_SCRIPT" >&2
    exit 2
fi
lib=$1
map=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
nm=${NM:-nm}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

awk -f "$here/symfile.awk" "$map" >"$tmp/map"

if grep -q '^error ' "$tmp/map"; then
    echo "$map: names outside a global: or local: section:" >&2
    sed -n 's/^error /  /p' "$tmp/map" >&2
    fail=1
fi
if grep '^global ' "$tmp/map" | grep -q '[][*?]'; then
    echo "$map: a global: entry is a pattern; list every name explicitly:" >&2
    grep '^global ' "$tmp/map" | grep '[][*?]' | sed 's/^global /  /' >&2
    fail=1
fi
if grep '^local ' "$tmp/map" | grep -qv '^local \*$'; then
    echo "$map: the only local: entry must be '*'" >&2
    fail=1
fi
sed -n 's/^node //p' "$tmp/map" | sort -u >"$tmp/nodes"
if grep -qv '^LIBIP_[0-9][0-9]*\.[0-9][0-9]*$' "$tmp/nodes"; then
    echo "$map: version nodes must be named LIBIP_MAJOR.MINOR:" >&2
    grep -v '^LIBIP_[0-9][0-9]*\.[0-9][0-9]*$' "$tmp/nodes" | sed 's/^/  /' >&2
    fail=1
fi
sed -n 's/^global //p' "$tmp/map" | sort >"$tmp/listed.all"
sort -u "$tmp/listed.all" >"$tmp/listed"
if ! cmp -s "$tmp/listed.all" "$tmp/listed"; then
    echo "$map: names listed more than once:" >&2
    uniq -d "$tmp/listed.all" | sed 's/^/  /' >&2
    fail=1
fi
if [ ! -s "$tmp/listed" ]; then
    echo "$map: lists no symbol" >&2
    exit 1
fi

# name@@VERSION TYPE VALUE [SIZE]; the version nodes themselves are
# absolute (A) symbols named like the nodes.
"$nm" -D --defined-only --format=posix "$lib" >"$tmp/nm"
awk '$2 != "A" { print $1, $2 }' "$tmp/nm" >"$tmp/defined"
cut -d' ' -f1 "$tmp/defined" | sed 's/@.*//' | sort -u >"$tmp/exported"

if [ ! -s "$tmp/exported" ]; then
    echo "$lib: exports no symbol" >&2
    exit 1
fi
if grep -qv '^ip_' "$tmp/exported"; then
    echo "$lib: exports symbols without the ip_ prefix:" >&2
    grep -v '^ip_' "$tmp/exported" | sed 's/^/  /' >&2
    fail=1
fi
if grep -qv '^ip_' "$tmp/listed"; then
    echo "$map: lists symbols without the ip_ prefix:" >&2
    grep -v '^ip_' "$tmp/listed" | sed 's/^/  /' >&2
    fail=1
fi
extra=$(comm -23 "$tmp/exported" "$tmp/listed")
missing=$(comm -13 "$tmp/exported" "$tmp/listed")
if [ -n "$extra" ]; then
    echo "$lib: exports symbols that $map does not list:" >&2
    printf '%s\n' "$extra" | sed 's/^/  /' >&2
    fail=1
fi
if [ -n "$missing" ]; then
    echo "$lib: does not define symbols that $map lists:" >&2
    printf '%s\n' "$missing" | sed 's/^/  /' >&2
    fail=1
fi
# Data symbols would freeze a layout into the ABI: functions only.
data=$(awk '$2 !~ /^[TWi]$/ { print "  " $1 " (" $2 ")" }' "$tmp/defined")
if [ -n "$data" ]; then
    echo "$lib: exports symbols that are not functions:" >&2
    printf '%s\n' "$data" >&2
    fail=1
fi
# When nm shows versions (binutils >= 2.35), each must be a LIBIP_ node
# that the script defines.
unversioned=$(cut -d' ' -f1 "$tmp/defined" | grep '@' | grep -v '@@*LIBIP_' || true)
if [ -n "$unversioned" ]; then
    echo "$lib: symbols bound to a version that is not LIBIP_*:" >&2
    printf '%s\n' "$unversioned" | sed 's/^/  /' >&2
    fail=1
fi

if [ "$fail" -eq 0 ]; then
    echo "ok: $(wc -l <"$tmp/exported") symbols exported, all listed in $(basename "$map"), all ip_*"
fi
exit "$fail"
