#!/usr/bin/env bash
# End-to-end tests of iplan, printed as TAP.
# Usage: test-cli.sh PATH-TO-IPLAN EXPECTED-VERSION
set -u

IPLAN=$1
VERSION=$2
PYTHON=${PYTHON:-/usr/bin/python3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset IPLAN_ACTOR

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
    local desc=$1
    shift
    if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}
# run EXPECTED-STATUS ARGS...: runs iplan, output in $TMP/out and $TMP/err.
run() {
    local expected=$1
    shift
    "$IPLAN" "$@" >"$TMP/out" 2>"$TMP/err"
    local status=$?
    if [ "$status" -ne "$expected" ]; then
        echo "# iplan $*: exit $status, expected $expected" >&2
        sed 's/^/#   /' "$TMP/err" >&2
        return 1
    fi
}
json_length() { "$PYTHON" -c 'import json,sys; print(len(json.load(sys.stdin)))' <"$TMP/out"; }
uuid_lines() { grep -cE '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} ' "$TMP/out"; }
err_prefixed() { grep -q '^iplan: ' "$TMP/err"; }

echo "1..32"

# version and help
check "--version prints the version" \
    eval 'run 0 --version && grep -q "^iplan $VERSION " "$TMP/out"'
check "--help documents the actor options" \
    eval 'run 0 --help && grep -q -- "--actor" "$TMP/out" && grep -q -- "--role" "$TMP/out" &&
          grep -q -- "--unit" "$TMP/out" && grep -q -- "--purpose" "$TMP/out" && grep -q IPLAN_ACTOR "$TMP/out"'

# usage errors exit 2
check "a bad option exits 2" eval 'run 2 --no-such-option init "$TMP/x.db" && err_prefixed'
check "an unknown command exits 2" eval 'run 2 frobnicate "$TMP/x.db" && err_prefixed'
check "no command exits 2" run 2
check "a command without STORE exits 2" eval 'run 2 check && err_prefixed'
check "an unknown role exits 2" eval 'run 2 plans "$TMP/x.db" --role mayor'
check "an unknown purpose exits 2" eval 'run 2 plans "$TMP/x.db" --purpose curiosity'
check "--json on a command without JSON output exits 2" eval 'run 2 check "$TMP/x.db" --json'
check "an option without its value exits 2" eval 'run 2 plans "$TMP/x.db" --actor'

# init and check
EMPTY=$TMP/empty.db
check "init creates a store" eval 'run 0 init "$EMPTY" && [ -s "$EMPTY" ]'
check "check on a new store exits 0" eval 'run 0 check "$EMPTY" && grep -q "i orden" "$TMP/out"'
check "init refuses an existing file" eval 'run 1 init "$EMPTY" && err_prefixed'
printf 'Dette er ikke et lager.\nBare tekst.\n' >"$TMP/text.txt"
check "check on a text file exits non-zero" \
    eval '! "$IPLAN" check "$TMP/text.txt" >/dev/null 2>"$TMP/err" && err_prefixed'
check "check on a missing file exits 1" eval 'run 1 check "$TMP/missing.db" && err_prefixed'
check "plans on a store without a coordinating unit says so" \
    eval 'run 1 plans "$EMPTY" && grep -q -- "--unit" "$TMP/err"'

# the demo
DEMO=$TMP/demo.db
check "demo fills a new store" run 0 demo "$DEMO"
check "check after demo exits 0" run 0 check "$DEMO"
check "demo refuses a store that is not empty" eval 'run 1 demo "$DEMO" && err_prefixed'
check "plans lists the four demo persons, one line each" \
    eval 'run 0 plans "$DEMO" && [ "$(uuid_lines)" -eq 4 ]'
names_all() {
    local who
    for who in "Emil Prøvesen" "Kari Eksempelsen" "Lilje Demostad" "Ivar Oppdiktsen"; do
        grep -q "$who" "$TMP/out" || return 1
    done
}
check "plans names every applicant" names_all
check "plans shows outcomes, the interim reply and no coordinator yet" \
    eval 'grep -q "avslått" "$TMP/out" && grep -q "innvilget" "$TMP/out" &&
          grep -q "foreløpig svar" "$TMP/out" && grep -q "barnekoordinator" "$TMP/out" &&
          grep -q " ingen " "$TMP/out"'
check "plans --json is a JSON array of the four persons" \
    eval 'run 0 plans "$DEMO" --json && [ "$(json_length)" -eq 4 ]'
check "plans --json marks exactly one person overdue, coordinator null" \
    eval '"$PYTHON" -c "
import json, sys
people = json.load(sys.stdin)
assert sum(p[\"overdue\"] for p in people) == 1, people
assert all(p[\"coordinator\"] is None for p in people)
assert any(r[\"outcome\"] == \"refused\" and r[\"reason\"] for p in people
           for a in p[\"applications\"] for r in a[\"requests\"])
" <"$TMP/out"'
check "overdue lists the overdue demo application" \
    eval 'run 0 overdue "$DEMO" && grep -q "Ivar Oppdiktsen" "$TMP/out" && [ "$(uuid_lines)" -ge 1 ]'
check "overdue --json is valid JSON with at least one application" \
    eval 'run 0 overdue "$DEMO" --json && [ "$(json_length)" -ge 1 ] &&
          "$PYTHON" -c "import json,sys; assert all(a[\"overdue\"] for a in json.load(sys.stdin))" <"$TMP/out"'
check "--actor, --role and --purpose are accepted" \
    eval 'run 0 --actor saksbehandler-17 --role coordinating_unit --purpose=administration plans "$DEMO" &&
          [ "$(uuid_lines)" -eq 4 ]'
check "IPLAN_ACTOR is accepted as the actor" eval 'IPLAN_ACTOR=ke-bruker-3 run 0 overdue "$DEMO"'
# The library refuses a national id as actor id: that shows which id was used.
FNR=01019010046
check "IPLAN_ACTOR is the default actor" \
    eval 'IPLAN_ACTOR=$FNR run 1 overdue "$DEMO" && grep -q "actor.id" "$TMP/err"'
check "--actor wins over IPLAN_ACTOR" eval 'IPLAN_ACTOR=$FNR run 0 --actor ke-bruker-3 overdue "$DEMO"'
check "an unknown --unit fails with the library's error" \
    eval 'run 1 plans "$DEMO" --unit=00000000-0000-0000-0000-000000000000 && grep -q "^iplan: .*unit" "$TMP/err"'
check "an analyst may not list applications" \
    eval 'run 1 plans "$DEMO" --role analyst --purpose statistics && err_prefixed'

[ "$n" -eq 32 ] || echo "# planned 32 tests, ran $n" >&2
exit 0
