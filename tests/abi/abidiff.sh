#!/usr/bin/env bash
# The ABI gate: the library built now against the committed baseline of the
# 1.x series (tests/abi/libip-1.abi). Adding functions is allowed; removing
# one, or changing a function's signature or a public type it uses, fails.
#
#   abidiff.sh ABIDIFF LIBRARY BASELINE HEADERS_DIR
#
# docs/abi.md says when and how the baseline is written (scripts/abi-baseline).
set -euo pipefail

if [ $# -ne 4 ]; then
    echo "usage: $0 ABIDIFF LIBRARY BASELINE HEADERS_DIR" >&2
    exit 2
fi
abidiff=$1
lib=$2
baseline=$3
headers=$4

rc=0
"$abidiff" --no-added-syms --headers-dir2 "$headers" --drop-private-types \
    "$baseline" "$lib" || rc=$?
# abidiff's exit status is a bit field: 1 an error of the tool, 2 a usage
# error, 4 an ABI change, 8 an incompatible one. Added symbols are not
# reported (--no-added-syms), so any change left is one the baseline
# forbids.
if [ "$rc" -ne 0 ]; then
    if [ $((rc & 3)) -ne 0 ]; then
        echo "abidiff itself failed (exit $rc)" >&2
    else
        echo "the ABI differs from the 1.x baseline $baseline (exit $rc): see docs/abi.md" >&2
    fi
    exit 1
fi
echo "ABI compatible with $baseline"
