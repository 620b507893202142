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

echo "1..74"

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
check "show without PLAN_ID exits 2" eval 'run 2 show "$TMP/x.db" && grep -q PLAN_ID "$TMP/err"'
check "export without PLAN_ID exits 2" eval 'run 2 export "$TMP/x.db" && grep -q PLAN_ID "$TMP/err"'
check "a PLAN_ID on a command that takes none exits 2" eval 'run 2 plans "$TMP/x.db" extra && err_prefixed'
check "export --format fhir exits 2 naming the accepted formats" \
    eval 'run 2 export "$TMP/x.db" some-id --format fhir && grep -q "fhir" "$TMP/err" &&
          grep -q "ip-plan/1" "$TMP/err"'
check "--format on a command other than export exits 2" \
    eval 'run 2 show "$TMP/x.db" some-id --format=ip-plan/1 && err_prefixed'

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
check "demo fills a new store and says consent is registered and coordinators appointed" \
    eval 'run 0 demo "$DEMO" && grep -q "samtykke til planen og til deling" "$TMP/out" &&
          grep -q "trukket tilbake" "$TMP/out" && grep -q "oppnevnt som barnekoordinator" "$TMP/out"'

check "check after demo exits 0" run 0 check "$DEMO"
check "demo refuses a store that is not empty" eval 'run 1 demo "$DEMO" && err_prefixed'
check "plans lists the six demo persons, one line each" \
    eval 'run 0 plans "$DEMO" && [ "$(uuid_lines)" -eq 6 ]'
names_all() {
    local who
    for who in "Emil Prøvesen" "Kari Eksempelsen" "Lilje Demostad" "Ivar Oppdiktsen" \
        "Sara Fiktivhaug" "Arne Testvoll"; do
        grep -q "$who" "$TMP/out" || return 1
    done
}
check "plans names every applicant and the person with only a plan" names_all
check "plans shows outcomes, and each active coordinator's name or ingen" \
    eval 'grep -q "avslått" "$TMP/out" && grep -q "innvilget" "$TMP/out" &&
          grep -q "barnekoordinator" "$TMP/out" && grep -q "KOORDINATOR" "$TMP/out" &&
          grep -Eq "Emil Prøvesen +nei +Siri Testdal +[0-9a-f]{8}-" "$TMP/out" &&
          grep -Eq "Kari Eksempelsen +nei +Ida Testmo +[0-9a-f]{8}-" "$TMP/out" &&
          grep -Eq "Lilje Demostad +nei +Randi Eksempelhaug +[0-9a-f]{8}-" "$TMP/out" &&
          grep -Eq "Arne Testvoll +nei +ingen +[0-9a-f]{8}-" "$TMP/out" &&
          grep -Eq "Ivar Oppdiktsen +ja +ingen +– " "$TMP/out" &&
          grep -Eq "Sara Fiktivhaug +nei +ingen +[0-9a-f]{8}-" "$TMP/out"'
check "plans shows plan statuses and next revision dates" \
    eval 'grep -q "NESTE REVISJON" "$TMP/out" &&
          [ "$(grep -cE " aktiv +[0-9]{2}\.[0-9]{2}\.[0-9]{4} " "$TMP/out")" -eq 4 ] &&
          grep -Eq "Sara Fiktivhaug .* utkast +ikke satt " "$TMP/out" &&
          grep -Eq "Ivar Oppdiktsen .* ingen +– " "$TMP/out"'
check "plans --json is a JSON array of the six persons" \
    eval 'run 0 plans "$DEMO" --json && [ "$(json_length)" -eq 6 ]'
cp "$TMP/out" "$TMP/plans.json"
check "plans --json marks exactly one person overdue, and the interim reply" \
    eval '"$PYTHON" -c "
import json, sys
people = json.load(sys.stdin)
assert sum(p[\"overdue\"] for p in people) == 1, people
assert any(r[\"outcome\"] == \"refused\" and r[\"reason\"] for p in people
           for a in p[\"applications\"] for r in a[\"requests\"])
assert sum(a[\"interim_reply_on\"] is not None for p in people
           for a in p[\"applications\"]) == 1
" <"$TMP/out"'
check "plans --json gives each person's plan id, status and next revision, or null" \
    eval '"$PYTHON" -c "
import json, sys
people = {p[\"given_name\"]: p for p in json.load(sys.stdin)}
for name in (\"Emil\", \"Kari\", \"Lilje\"):
    plan = people[name][\"plan\"]
    assert plan[\"status\"] == \"active\" and len(plan[\"id\"]) == 36, plan
    assert len(plan[\"next_revision_on\"]) == 10, plan
assert people[\"Sara\"][\"plan\"][\"status\"] == \"draft\"
assert people[\"Sara\"][\"plan\"][\"next_revision_on\"] is None
assert people[\"Sara\"][\"applications\"] == []
assert people[\"Ivar\"][\"plan\"] is None
" <"$TMP/out"'
check "plans --json gives the active coordinator's assignment id, name and kind, or null" \
    eval '"$PYTHON" -c "
import json, sys
people = {p[\"given_name\"]: p for p in json.load(sys.stdin)}
want = {\"Emil\": (\"Siri Testdal\", \"coordinator\"), \"Kari\": (\"Ida Testmo\", \"coordinator\"),
        \"Lilje\": (\"Randi Eksempelhaug\", \"child_coordinator\")}
for name, (coordinator, kind) in want.items():
    c = people[name][\"coordinator\"]
    assert c[\"name\"] == coordinator and c[\"kind\"] == kind, c
    assert len(c[\"id\"]) == 36 and len(c[\"practitioner_id\"]) == 36 and c[\"id\"] != c[\"practitioner_id\"], c
assert people[\"Ivar\"][\"coordinator\"] is None and people[\"Sara\"][\"coordinator\"] is None
" <"$TMP/plans.json"'
check "overdue lists the overdue demo application" \
    eval 'run 0 overdue "$DEMO" && grep -q "Ivar Oppdiktsen" "$TMP/out" && [ "$(uuid_lines)" -ge 1 ]'
check "overdue --json is valid JSON with at least one application" \
    eval 'run 0 overdue "$DEMO" --json && [ "$(json_length)" -ge 1 ] &&
          "$PYTHON" -c "import json,sys; assert all(a[\"overdue\"] for a in json.load(sys.stdin))" <"$TMP/out"'
check "--actor, --role and --purpose are accepted" \
    eval 'run 0 --actor saksbehandler-17 --role coordinating_unit --purpose=administration plans "$DEMO" &&
          [ "$(uuid_lines)" -eq 6 ]'
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

# export and show, with plan ids from plans --json
plan_of() {
    "$PYTHON" -c 'import json,sys; print([p for p in json.load(sys.stdin)
        if p["given_name"] == sys.argv[1]][0]["plan"]["id"])' "$1" <"$TMP/plans.json"
}
EMIL_PLAN=$(plan_of Emil)
KARI_PLAN=$(plan_of Kari)
LILJE_PLAN=$(plan_of Lilje)
SARA_PLAN=$(plan_of Sara)
ARNE_PLAN=$(plan_of Arne)
NO_PLAN=00000000-0000-7000-8000-000000000000
check "plans lists each person's plan id for show and export" \
    eval 'run 0 plans "$DEMO" && grep -q "Emil Prøvesen .* $EMIL_PLAN  aktiv " "$TMP/out" &&
          grep -q "Sara Fiktivhaug .* $SARA_PLAN  utkast " "$TMP/out"'
check "export prints the plan's ip-plan/1 document as JSON" \
    eval 'run 0 export "$DEMO" "$EMIL_PLAN" && "$PYTHON" -c "
import json, sys
doc = json.load(sys.stdin)
assert doc[\"format\"] == \"ip-plan/1\", doc[\"format\"]
assert doc[\"plan\"][\"id\"] == sys.argv[1]
assert doc[\"person\"][\"given_name\"] == \"Emil\"
assert len(doc[\"meetings\"]) >= 1 and len(doc[\"revisions\"]) >= 1
assert doc[\"revisions\"][0][\"document\"][\"format\"] == \"ip-plan/1\"
assert any(a[\"measure_id\"] for m in doc[\"meetings\"] for a in m[\"actions\"])
kinds = [c[\"kind\"] for c in doc[\"consents\"]]
assert kinds == [\"plan\", \"sharing\"], kinds
assert len(doc[\"consents\"][0][\"given_by_ids\"]) == 3
assert len(doc[\"consents\"][1][\"recipients\"]) == 5
[c] = doc[\"coordinators\"]
assert c[\"kind\"] == \"coordinator\" and c[\"ended_on\"] is None, c
assert c[\"wished_practitioner_id\"] == c[\"practitioner_id\"] and c[\"wish_note\"], c
assert c[\"practitioner_id\"] == [p for p in doc[\"participants\"] if p[\"role\"] == \"coordinator\"][0][\"practitioner_id\"]
assert c[\"application_id\"] == doc[\"plan\"][\"application_id\"], c
" "$EMIL_PLAN" <"$TMP/out"'
cp "$TMP/out" "$TMP/export.json"
check "export --format ip-plan/1 prints the same document" \
    eval 'run 0 export "$DEMO" "$EMIL_PLAN" --format ip-plan/1 && cmp -s "$TMP/out" "$TMP/export.json"'
check "export of an unknown plan exits 1 with the library's message" \
    eval 'run 1 export "$DEMO" "$NO_PLAN" && grep -q "^iplan: .*plan\.id" "$TMP/err"'
check "show of an unknown plan exits 1 with the library's message" \
    eval 'run 1 show "$DEMO" "$NO_PLAN" && grep -q "^iplan: .*plan\.id" "$TMP/err"'
check "show prints the person's plan in bokmål" \
    eval 'run 0 show "$DEMO" "$EMIL_PLAN" && grep -q "^Individuell plan for Emil Prøvesen" "$TMP/out" &&
          grep -q "Status: *aktiv fra" "$TMP/out" && grep -q "Neste revisjon: *[0-9]" "$TMP/out" &&
          grep -q "^Ressurser" "$TMP/out" && grep -q "^Behov" "$TMP/out" &&
          grep -q "^Samarbeid med andre tjenester" "$TMP/out"'
check "show lists the coordinator assignment: kind, who, unit, from, status, the wish" \
    eval 'grep -q "^Koordinator$" "$TMP/out" &&
          grep -q "^  Koordinator: Siri Testdal, kontaktlærer, 10. trinn, Tolga skole$" "$TMP/out" &&
          grep -Eq "^      Oppnevnt: +[0-9]{2}\.[0-9]{2}\.[0-9]{4}, etter søknad$" "$TMP/out" &&
          grep -Eq "^      Status: +aktiv$" "$TMP/out" &&
          grep -q "^      Ønske: *Siri Testdal (fulgt): «Emil og foreldrene" "$TMP/out"'
check "show lists participants with their roles and the responsibility group" \
    eval 'grep -q "tjenestemottaker, i ansvarsgruppen" "$TMP/out" &&
          grep -q "representant, i ansvarsgruppen" "$TMP/out" &&
          grep -q "koordinator, i ansvarsgruppen" "$TMP/out" &&
          grep -q "tjenesteyter, ikke i ansvarsgruppen" "$TMP/out" && grep -q "Bidrag:" "$TMP/out"'
check "show lists goals with sub-goals, measures, the meeting, evaluation and revision" \
    eval 'grep -q "Hovedmål 1: «" "$TMP/out" && grep -q "^      Delmål 1.1: «" "$TMP/out" &&
          grep -q "Omfang:" "$TMP/out" && grep -q "Gjennomføring:" "$TMP/out" &&
          grep -q "Ansvarlig:" "$TMP/out" && grep -q "Holdt [0-9]" "$TMP/out" &&
          grep -q "Til stede:" "$TMP/out" && grep -q "(ble tiltak [0-9])" "$TMP/out" &&
          grep -q "Måloppnåelse:" "$TMP/out" && grep -q "^  1\. [0-9.]*: Revidert" "$TMP/out"'
check "show of a complete demo plan says it is complete" \
    eval 'grep -q "^  Planen er komplett\.$" "$TMP/out" && ! grep -q "Mangler punkt" "$TMP/out"'
check "show lists the consents to the plan and to sharing, who gave them and their status" \
    eval 'grep -q "^Samtykke$" "$TMP/out" &&
          grep -q "^  Samtykke til planen, skriftlig" "$TMP/out" &&
          grep -q "^  Samtykke til deling av taushetsbelagte opplysninger, skriftlig" "$TMP/out" &&
          grep -q "Gitt av: .*Hilde Prøvesen.*Tor Prøvesen" "$TMP/out" &&
          tr -s " \n" "  " <"$TMP/out" | grep -q "Mottakere: [^:]*Tolga skole" &&
          grep -Eq "Periode: *[0-9]{2}\.[0-9]{2}\.[0-9]{4}–[0-9]{2}\.[0-9]{2}\.[0-9]{4}" "$TMP/out" &&
          [ "$(grep -c "Status: *aktivt$" "$TMP/out")" -eq 2 ]'
check "show of the other complete demo plans says they are complete" \
    eval 'run 0 show "$DEMO" "$LILJE_PLAN" && grep -q "^  Planen er komplett\.$" "$TMP/out" &&
          grep -q "Gjelder: *tiltak og deltakere" "$TMP/out" &&
          grep -q "^  Barnekoordinator: Hanne Demovik, helsesykepleier" "$TMP/out" &&
          run 0 show "$DEMO" "$KARI_PLAN" && grep -q "^  Planen er komplett\.$" "$TMP/out"'
check "show lists the specialist coordinator beside the municipality's coordinator" \
    eval 'grep -q "^  Spesialistkoordinator: Eva Eksempelrud, overlege" "$TMP/out" &&
          grep -q "^  Koordinator: Ida Testmo, ergoterapeut" "$TMP/out" &&
          [ "$(grep -cE "^      Status: +aktiv$" "$TMP/out")" -eq 2 ]'
check "show lists a consent withdrawn for one unit, and its effect" \
    eval 'tr -s " \n" "  " <"$TMP/out" | grep -Eq "Rehabiliteringsavdelingen, Sykehuset Innlandet: trukket tilbake [0-9]{2}\.[0-9]{2}\.[0-9]{4} av Kari Eksempelsen \(muntlig, dokumentert\)" &&
          grep -q "Per Eksempelsen (pårørende)" "$TMP/out" &&
          tr -s " \n" "  " <"$TMP/out" |
              grep -q "har ikke samtykke til deling og får ikke lese den: Rehabiliteringsavdelingen"'
check "export lists the withdrawn recipient in the consents" \
    eval 'run 0 export "$DEMO" "$KARI_PLAN" && "$PYTHON" -c "
import json, sys
consents = json.load(sys.stdin)[\"consents\"]
gone = [r for c in consents for r in c[\"recipients\"] if r[\"withdrawn_on\"]]
assert len(gone) == 1 and gone[0][\"is_unit\"] and gone[0][\"withdrawal_form\"] == \"oral_documented\", gone
assert any(not r[\"is_unit\"] for c in consents for r in c[\"recipients\"])
assert all(c[\"withdrawn_on\"] is None for c in consents)
" <"$TMP/out"'
check "show lists the handover: the ended child coordinator with the reason, the colleague active" \
    eval 'run 0 show "$DEMO" "$LILJE_PLAN" &&
          tr -s " \n" "  " <"$TMP/out" | grep -Eq "Barnekoordinator: Hanne Demovik, helsesykepleier.* Status: avsluttet [0-9]{2}\.[0-9]{2}\.[0-9]{4}: Hanne Demovik går over" &&
          grep -q "^  Barnekoordinator: Randi Eksempelhaug, helsesykepleier" "$TMP/out" &&
          grep -Eq "Rolle: +koordinator, i ansvarsgruppen, fra [0-9.]{10} til$" "$TMP/out" &&
          grep -q "^  Planen er komplett\.$" "$TMP/out"'
check "show of the plan whose coordinator left lists the ended assignment and misses only item c" \
    eval 'run 0 show "$DEMO" "$ARNE_PLAN" && grep -q "Status: *aktiv fra" "$TMP/out" &&
          grep -Eq "^      Status: +avsluttet [0-9.]{10}: Sluttet i kommunen\.$" "$TMP/out" &&
          grep -q "^  Mangler punkt c: " "$TMP/out" && [ "$(grep -c "Mangler punkt" "$TMP/out")" -eq 1 ]'
check "show of the incomplete demo plan lists more missing items" \
    eval 'run 0 show "$DEMO" "$SARA_PLAN" && grep -q "Status: *utkast" "$TMP/out" &&
          grep -q "^  Mangler punkt c: Planen mangler koordinator: koordinerende enhet må oppnevne" "$TMP/out" &&
          grep -q "^  Ingen koordinator er oppnevnt\.$" "$TMP/out" &&
          grep -q "^  Mangler punkt e: " "$TMP/out" &&
          grep -q "^  Mangler punkt h: Planen mangler samtykke til deling" "$TMP/out" &&
          grep -q "^  Samtykke til planen, muntlig, dokumentert" "$TMP/out" &&
          [ "$(grep -c "Mangler punkt" "$TMP/out")" -ge 5 ]'
check "show reads the plan as the person's own access" \
    eval 'run 0 show "$DEMO" "$EMIL_PLAN" --role person --purpose own_access \
          --actor "$("$PYTHON" -c "import json,sys; print([p for p in json.load(sys.stdin) if p[\"given_name\"] == \"Emil\"][0][\"person_id\"])" <"$TMP/plans.json")" &&
          grep -q "^Individuell plan for Emil Prøvesen" "$TMP/out"'
check "an analyst may not read a plan" \
    eval 'run 1 show "$DEMO" "$EMIL_PLAN" --role analyst --purpose statistics && err_prefixed'
# audit: the person's access log and the hash chain
EMIL=$("$PYTHON" -c 'import json,sys; print([p for p in json.load(sys.stdin) if p["given_name"] == "Emil"][0]["person_id"])' <"$TMP/plans.json")
check "audit --verify finds the demo's audit log whole" \
    eval 'run 0 audit "$DEMO" --verify && grep -Eq "^Revisjonsloggen er hel \([0-9]+ hendelser\)$" "$TMP/out"'
check "audit --person shows the demo's changes and the CLI's reads of the person" \
    eval 'run 0 audit "$DEMO" --person "$EMIL" && grep -q "^TIDSPUNKT (UTC) " "$TMP/out" &&
          grep -q "iplan-cli (koordinerende enhet) .* opprettet " "$TMP/out" &&
          grep -q "(koordinator) .* opprettet " "$TMP/out" &&
          grep -q "$EMIL (personen selv) .* lest .* innsyn " "$TMP/out" &&
          grep -q " nektet .* avvist$" "$TMP/out"'
check "audit --person as the person lists the earlier listing too" \
    eval 'run 0 audit "$DEMO" --person "$EMIL" --role person --actor "$EMIL" --purpose own_access &&
          grep -q "iplan-cli (koordinerende enhet) .* lest  *tilgangslogg " "$TMP/out"'
check "audit --person --json is a JSON array of the events in order" \
    eval 'run 0 audit "$DEMO" --person "$EMIL" --json && "$PYTHON" -c "
import json, sys
events = json.load(sys.stdin)
seqs = [e[\"seq\"] for e in events]
assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs), seqs
assert {e[\"outcome\"] for e in events} == {\"allowed\", \"denied\"}
assert any(e[\"object_kind\"] == \"audit\" and e[\"role\"] == \"person\" for e in events)
assert all(e[\"purpose\"] and e[\"rule\"] and e[\"actor_id\"] for e in events)
" <"$TMP/out"'
check "an analyst may not read a person's access log" \
    eval 'run 1 audit "$DEMO" --person "$EMIL" --role analyst --purpose statistics &&
          grep -q "^iplan: .*denied" "$TMP/err"'
check "audit without --person or --verify exits 2" eval 'run 2 audit "$DEMO" && err_prefixed'
check "--person on a command other than audit exits 2" \
    eval 'run 2 plans "$DEMO" --person "$EMIL" && err_prefixed'
cp "$DEMO" "$TMP/tampered.db"
"$PYTHON" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE audit_event SET actor_id = ? WHERE seq = 7", ("someone-else",))
c.commit()' "$TMP/tampered.db"
check "audit --verify on a tampered copy exits 1 naming the event" \
    eval 'run 1 audit "$TMP/tampered.db" --verify &&
          grep -q "^iplan: revisjonsloggen er brutt ved hendelse 7: .*event 7 was changed" "$TMP/err"'
check "check on a tampered copy exits 1" \
    eval 'run 1 check "$TMP/tampered.db" && grep -q "audit_event" "$TMP/err"'
check "due lists the demo's open matters" eval 'run 0 due "$DEMO" && grep -q "FRIST" "$TMP/out" && [ "$(uuid_lines)" -ge 1 ]'
check "due --json is sorted by due date, every item complete" eval 'run 0 due "$DEMO" --json && "$PYTHON" -c "
import json,sys; i=json.load(sys.stdin); d=[x[\"due_on\"] for x in i]
assert i and d==sorted(d) and all(x[\"kind\"] and x[\"person_id\"] and x[\"object_id\"] and x[\"text\"] for x in i)" <"$TMP/out"'
check "due on the demo shows every kind" eval 'run 0 due "$DEMO" --json && "$PYTHON" -c "
import json,sys; k={x[\"kind\"] for x in json.load(sys.stdin)}
assert k=={\"application_reply\",\"plan_revision\",\"group_meeting\",\"complaint_deadline\",\"complaint_review\",\"consent_expiry\",\"plan_without_coordinator\",\"goal_evaluation\"}, k" <"$TMP/out"'
check "due is denied to an analyst" eval 'run 1 due "$DEMO" --role analyst && grep -q due.case_handling "$TMP/err"'
check "check after export and show exits 0" run 0 check "$DEMO"

[ "$n" -eq 74 ] || echo "# planned 74 tests, ran $n" >&2
exit 0
