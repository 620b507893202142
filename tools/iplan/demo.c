/*
 * The demo: realistic scenarios drawn from the municipal texts in seeds/,
 * built through the public API only, with dates relative to today.
 *
 * The texts name the life transitions where an individual plan helps most:
 * "fra ungdomsskole til videregående skole, under rehabilitering etter
 * sykdom/skade, hvis du skal flytte til annen kommune [...] eller hvis du
 * har barn med behov for koordinering av tjenester". Each is one scenario
 * function below, with one more for an application nobody answered and
 * one for a plan nobody coordinates any longer. They
 * share one municipality (Tolga, which wrote that text) and so one
 * coordinating unit (koordinerende enhet): a municipality has exactly one,
 * and with one in the store the other commands find it without --unit.
 *
 * Master data (units, practitioners) is registered in an administrator
 * session, personal data (persons, relations, applications, outcomes,
 * plans and who takes part) in a session of the coordinating unit, both
 * under the CLI's actor id; a plan's content in a session of its
 * coordinator, a practitioner (demo_plans.c). Every name is made up;
 * national ids and organisation numbers are generated to pass the mod-11
 * checks (demo_ids.c).
 *
 * Each scenario describes its plan as tables (struct demo_plan, demo.h)
 * that demo_plan_build() carries out. Every complete plan has the person's
 * written consent to the plan and a consent to sharing with the units that
 * take part, registered before the plan is put in force, and a coordinator
 * the coordinating unit has appointed (ip_coordinator_appoint(): for the
 * family's child a child coordinator) from the granted request — the same
 * practitioner who takes part in the plan as its coordinator — so the
 * completeness check finds nothing missing. In the rehabilitation scenario
 * the consent is also given to the next of kin, and withdrawn for one unit
 * afterwards, which that unit's provider then finds when it reads. In the
 * school scenario the appointment records the family's wish. The case
 * handling the scenarios end with — a handover, a specialist coordinator,
 * complaints on each of their ways — is in demo_cases.c; with the sixth
 * scenario, a plan left without its coordinator, `iplan due` on the demo
 * store has an item of every kind. Later issues
 * extend the scenarios: add to each scenario function, keeping the ids it
 * needs in its own locals.
 */
#include "demo.h"

#include <string.h>

#define TOLGA "3426"
#define TYNSET "3427"
#define HAMAR "3403"
#define STANGE "3413"
#define LILLEHAMMER "3405"

int demo_fail(struct demo *d, const char *what)
{
    const ip_error *e = ip_error_last();

    iplan_errorf("demo, %s: kunne ikke %s: %s", d->scenario, what,
                 e->message && *e->message ? e->message : ip_strerror(e->code));
    return -1;
}

int demo_copy_id(struct demo *d, demo_id out, const char *id)
{
    size_t len = id ? strlen(id) : 0;

    if (len == 0 || len >= DEMO_ID_MAX) {
        iplan_errorf("demo, %s: uventet id fra biblioteket", d->scenario);
        return -1;
    }
    memcpy(out, id, len + 1);
    return 0;
}

void demo_day(struct demo *d, char out[IPLAN_DATE_LEN], long days)
{
    iplan_date_add(out, d->today, days);
}

static void days_ago(struct demo *d, char out[IPLAN_DATE_LEN], long days)
{
    demo_day(d, out, -days);
}

static void born(struct demo *d, char out[IPLAN_DATE_LEN], int years, long days)
{
    iplan_date_years_before(out, d->today, years, days);
}

/* ---- registration helpers ------------------------------------------- */

static int unit(struct demo *d, demo_id out, const char *name, ip_sector sector,
                const char *municipality, int coordinating)
{
    ip_unit_fields f = IP_UNIT_FIELDS_INIT;
    ip_unit *u = NULL;
    char orgnr[10];
    int rc;

    if (iplan_orgnr_make(orgnr, d->next_orgnr) != 0) {
        iplan_errorf("demo, %s: fant ikke noe organisasjonsnummer", d->scenario);
        return -1;
    }
    d->next_orgnr += 17;
    f.name = name;
    f.organisation_number = orgnr;
    f.sector = sector;
    f.municipality_number = municipality;
    f.coordinating = coordinating;
    if (ip_unit_create(&u, d->admin, &f) != IP_OK)
        return demo_fail(d, "registrere en enhet");
    rc = demo_copy_id(d, out, ip_unit_id(u));
    ip_unit_free(u);
    d->units++;
    return rc;
}

/* A practitioner; out, when not NULL, receives the id. */
static int practitioner(struct demo *d, char *out, const char *unit_id, const char *given,
                        const char *family, const char *title, const char *email)
{
    ip_practitioner_fields f = IP_PRACTITIONER_FIELDS_INIT;
    ip_practitioner *p = NULL;
    int rc = 0;

    f.unit_id = unit_id;
    f.given_name = given;
    f.family_name = family;
    f.title = title;
    f.email = email;
    if (ip_practitioner_create(&p, d->admin, &f) != IP_OK)
        return demo_fail(d, "registrere en fagperson");
    if (out)
        rc = demo_copy_id(d, out, ip_practitioner_id(p));
    ip_practitioner_free(p);
    d->practitioners++;
    return rc;
}

/* A person living in the municipality. With with_id, a generated
 * fødselsnummer for the birth date; without, only the birth date. */
static int person(struct demo *d, demo_id out, const char *given, const char *family,
                  const char *birth_date, int with_id, const char *email,
                  const char *address)
{
    ip_person_fields f = IP_PERSON_FIELDS_INIT;
    ip_person *p = NULL;
    char fnr[12];
    int rc;

    if (with_id) {
        if (iplan_fnr_make(fnr, birth_date, d->next_individual) != 0) {
            iplan_errorf("demo, %s: fant ikke noe fødselsnummer", d->scenario);
            return -1;
        }
        d->next_individual += 37;
        f.national_id = fnr;
    }
    f.given_name = given;
    f.family_name = family;
    f.birth_date = birth_date;
    f.email = email;
    f.address = address;
    f.municipality_number = TOLGA;
    if (ip_person_create(&p, d->cu, &f) != IP_OK)
        return demo_fail(d, "registrere en person");
    rc = demo_copy_id(d, out, ip_person_id(p));
    ip_person_free(p);
    d->persons++;
    return rc;
}

static int relation(struct demo *d, const char *person_id, const char *related_id,
                    ip_relation_kind kind, const char *valid_from)
{
    ip_relation_fields f = IP_RELATION_FIELDS_INIT;

    f.person_id = person_id;
    f.related_id = related_id;
    f.kind = kind;
    f.valid_from = valid_from;
    if (ip_relation_create(NULL, d->cu, &f) != IP_OK)
        return demo_fail(d, "registrere en relasjon");
    d->relations++;
    return 0;
}

/* An application received `received_days_ago` days ago. */
static int application(struct demo *d, demo_id out, int64_t *revision,
                       const char *person_id, const char *signed_by_id,
                       unsigned int requests, long received_days_ago,
                       const char *note)
{
    ip_application_fields f = IP_APPLICATION_FIELDS_INIT;
    ip_application *a = NULL;
    char received[IPLAN_DATE_LEN];
    int rc;

    days_ago(d, received, received_days_ago);
    f.person_id = person_id;
    f.requests = requests;
    f.received_on = received;
    f.signed_by_id = signed_by_id;
    f.note = note;
    if (ip_application_create(&a, d->cu, &f) != IP_OK)
        return demo_fail(d, "registrere en søknad");
    *revision = ip_application_revision(a);
    rc = demo_copy_id(d, out, ip_application_id(a));
    ip_application_free(a);
    d->applications++;
    return rc;
}

static int decide(struct demo *d, const char *application_id, int64_t *revision,
                  ip_request_kind kind, ip_outcome outcome, ip_outcome_form form,
                  const char *reason, long decided_days_ago)
{
    ip_outcome_fields f = IP_OUTCOME_FIELDS_INIT;
    char decided[IPLAN_DATE_LEN];

    days_ago(d, decided, decided_days_ago);
    f.outcome = outcome;
    f.form = form;
    f.reason = reason;
    f.decided_on = decided;
    if (ip_application_decide(revision, d->cu, application_id, *revision, kind, &f) != IP_OK)
        return demo_fail(d, "registrere et utfall");
    return 0;
}

static int interim_reply(struct demo *d, const char *application_id,
                         int64_t *revision, long replied_days_ago)
{
    char replied[IPLAN_DATE_LEN];

    days_ago(d, replied, replied_days_ago);
    if (ip_application_interim_reply(revision, d->cu, application_id, *revision,
                                     replied) != IP_OK)
        return demo_fail(d, "registrere et foreløpig svar");
    return 0;
}

/* The coordinating unit appoints a coordinator of kind for the person,
 * `appointed_days_ago`, from the application whose request of that kind
 * was granted; with the person's wish (a practitioner and/or words) when
 * given. */
static int appoint(struct demo *d, const char *person_id, ip_coordinator_kind kind,
                   const char *practitioner_id, const char *application_id,
                   long appointed_days_ago, const char *wished_id, const char *wish_note)
{
    ip_coordinator_fields f = IP_COORDINATOR_FIELDS_INIT;
    char appointed[IPLAN_DATE_LEN];

    days_ago(d, appointed, appointed_days_ago);
    f.person_id = person_id;
    f.kind = kind;
    f.practitioner_id = practitioner_id;
    f.application_id = application_id;
    f.appointed_on = appointed;
    f.wished_practitioner_id = wished_id;
    f.wish_note = wish_note;
    if (ip_coordinator_appoint(NULL, d->cu, &f) != IP_OK)
        return demo_fail(d, kind == IP_CHILD_COORDINATOR ? "oppnevne barnekoordinator"
                                                         : "oppnevne koordinator");
    return 0;
}

/* A unit and the staff registered with it (up to two; the rest left
 * zero). The scenarios list their services as tables of these, so that
 * what a scenario adds reads as data. */
struct service {
    char *id; /* receives the unit's id */
    const char *name;
    ip_sector sector;
    const char *municipality;
    int coordinating;
    struct staff {
        const char *given, *family, *title, *email;
        char *id; /* receives the practitioner's id, when not NULL */
    } staff[2];
};

static int services(struct demo *d, const struct service *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct service *s = &list[i];

        if (unit(d, s->id, s->name, s->sector, s->municipality, s->coordinating))
            return -1;
        for (size_t k = 0; k < 2 && s->staff[k].given; k++) {
            if (practitioner(d, s->staff[k].id, s->id, s->staff[k].given,
                             s->staff[k].family, s->staff[k].title, s->staff[k].email))
                return -1;
        }
    }
    return 0;
}

#define SERVICES(d, list) services((d), (list), sizeof(list) / sizeof(list)[0])

/* A child living with both parents at one address, the parents its parents
 * from birth: more than one scenario is about such a family. Each member is
 * born `years` and `days` before today and has a fødselsnummer. */
struct household {
    const char *family, *address;
    struct member {
        char *id; /* receives the person's id */
        const char *given;
        int years;
        long days;
        const char *email;
    } child, mother, father;
};

static int member(struct demo *d, const struct household *h, const struct member *m,
                  char birth_date[IPLAN_DATE_LEN])
{
    born(d, birth_date, m->years, m->days);
    return person(d, m->id, m->given, h->family, birth_date, 1, m->email, h->address);
}

static int household(struct demo *d, const struct household *h)
{
    char child_born[IPLAN_DATE_LEN], parent_born[IPLAN_DATE_LEN];

    if (member(d, h, &h->child, child_born) || member(d, h, &h->mother, parent_born) ||
        member(d, h, &h->father, parent_born) ||
        relation(d, h->child.id, h->mother.id, IP_RELATION_PARENT, child_born) ||
        relation(d, h->child.id, h->father.id, IP_RELATION_PARENT, child_born))
        return -1;
    return 0;
}

/* ---- the municipality ------------------------------------------------- */

/* The coordinating unit and the services several scenarios share. The
 * coordinating unit comes first: the personal-data session needs it. */
static int municipality_units(struct demo *d)
{
    const struct service list[] = {
        {d->coordinating, "Koordinerende enhet, Tolga kommune",
         IP_SECTOR_MUNICIPAL_HEALTH_CARE, TOLGA, 1,
         {{"Rigmor", "Testesen", "systemkoordinator for individuell plan",
           "rigmor.testesen@example.com", NULL},
          {"Kjell", "Eksempelvold", "saksbehandler", "kjell.eksempelvold@example.com",
           NULL}}},
        {d->home_care, "Hjemmetjenesten, Tolga kommune",
         IP_SECTOR_MUNICIPAL_HEALTH_CARE, TOLGA, 0,
         {{"Mona", "Prøvdahl", "sykepleier", "mona.provdahl@example.com", d->nurse}}},
        {d->therapy, "Fysio- og ergoterapitjenesten, Tolga kommune",
         IP_SECTOR_MUNICIPAL_HEALTH_CARE, TOLGA, 0,
         {{"Lars", "Fiktivik", "fysioterapeut", "lars.fiktivik@example.com", d->physio},
          {"Ida", "Testmo", "ergoterapeut", "ida.testmo@example.com", d->ergo}}},
        {d->health_station, "Helsestasjon og skolehelsetjeneste, Tolga kommune",
         IP_SECTOR_MUNICIPAL_HEALTH_CARE, TOLGA, 0,
         {{"Hanne", "Demovik", "helsesykepleier", "hanne.demovik@example.com",
           d->school_nurse},
          {"Randi", "Eksempelhaug", "helsesykepleier", "randi.eksempelhaug@example.com",
           d->health_nurse}}},
        {d->nav, "NAV Tolga", IP_SECTOR_NAV, TOLGA, 0,
         {{"Ola", "Oppdiktrud", "veileder", "ola.oppdiktrud@example.com", d->nav_adviser}}},
        {d->habilitation, "Habiliteringstjenesten for barn og unge, Sykehuset Innlandet",
         IP_SECTOR_SPECIALIST_HEALTH, HAMAR, 0,
         {{"Anne", "Demoløkken", "overlege", "anne.demolokken@example.com",
           d->habil_doctor}}},
    };

    d->scenario = "kommunen";
    return SERVICES(d, list);
}

/* ---- scenario 1: from lower to upper secondary school ----------------- */

/*
 * Emil (15) has cerebral palsy and starts videregående next school year. A year
 * ago his mother asked for a plan and was refused: his needs were not yet
 * long-term and coordinated. Now, before the move, she applies again for a
 * plan and a coordinator ("hvorfor du ønsker en slik plan, hvilke
 * fagpersoner som bistår deg i dag, og hvem av dem du ønsker som personlig
 * koordinator"), and both are granted.
 *
 * The plan: the coordinating unit appoints his contact teacher, whom he and
 * his parents asked for (the appointment records the wish, followed), as
 * his coordinator until school starts. Emil's goal is the move itself; the
 * responsibility group met twelve days ago, found a heavy door at the new
 * school, and agreed an automatic door opener, which became a measure and
 * the reason for the plan's first revision.
 *
 * Emil is under 16, so both parents, who share parental responsibility,
 * consent in writing — to the plan, and to sharing with the schools, PPT,
 * physiotherapy and the habilitation service — and Emil signs beside them.
 * The consents run until shortly before he turns 16, when he consents
 * himself.
 */
static int scenario_school_transition(struct demo *d)
{
    demo_id school, ppt, upper_secondary, teacher, ppt_adviser, counsellor, emil, mother,
        father, first, second;
    demo_id p_emil, p_mother, p_father, p_teacher, p_school, p_ppt, p_physio, p_upper,
        p_habil, move, visit, walk, meeting;
    const struct service list[] = {
        {school, "Tolga skole", IP_SECTOR_SCHOOL, TOLGA, 0,
         {{"Siri", "Testdal", "kontaktlærer, 10. trinn", "siri.testdal@example.com",
           teacher}}},
        {ppt, "PPT Nord-Østerdal", IP_SECTOR_SCHOOL, TYNSET, 0,
         {{"Bjørn", "Prøvestad", "PP-rådgiver", "bjorn.provestad@example.com",
           ppt_adviser}}},
        {upper_secondary, "Nord-Østerdal videregående skole", IP_SECTOR_SCHOOL, TYNSET, 0,
         {{"Gunn", "Eksempelli", "rådgiver", "gunn.eksempelli@example.com", counsellor}}},
    };
    const struct household family = {
        "Prøvesen", "Eksempelvegen 4, 2540 Tolga",
        {emil, "Emil", 15, 150, NULL},
        {mother, "Hilde", 42, 61, "hilde.provesen@example.com"},
        {father, "Tor", 44, 203, "tor.provesen@example.com"},
    };
    const struct demo_participant participants[] = {
        {p_emil, IP_PARTICIPANT_PERSON, emil, NULL, NULL, 1,
         "Sier fra om hva som fungerer på skolen og i treningen, og gjør "
         "hjemmeøvelsene tre ganger i uka."},
        {p_mother, IP_PARTICIPANT_REPRESENTATIVE, mother, NULL, NULL, 1,
         "Følger opp hjemmeøvelsene og søker fylkeskommunen om skoleskyss."},
        {p_father, IP_PARTICIPANT_REPRESENTATIVE, father, NULL, NULL, 1,
         "Kjører Emil til trening i bassenget på onsdager."},
        {p_teacher, IP_PARTICIPANT_COORDINATOR, NULL, teacher, school, 1,
         "Koordinerer planarbeidet fram til skolestart, kaller inn til "
         "ansvarsgruppemøter og skriver referat."},
        {p_school, IP_PARTICIPANT_PROVIDER, NULL, NULL, school, 1,
         "Tilrettelagt undervisning ut 10. trinn og overføring til den nye skolen."},
        {p_ppt, IP_PARTICIPANT_PROVIDER, NULL, ppt_adviser, ppt, 1,
         "Sakkyndig vurdering av behovet for spesialundervisning på videregående."},
        {p_physio, IP_PARTICIPANT_PROVIDER, NULL, d->physio, d->therapy, 1,
         "Fysioterapi på skolen og veiledning av assistenten."},
        {p_upper, IP_PARTICIPANT_PROVIDER, NULL, counsellor, upper_secondary, 1,
         "Tilrettelegger skoledagen og hjelpemidlene fra skolestart."},
        {p_habil, IP_PARTICIPANT_PROVIDER, NULL, d->habil_doctor, d->habilitation, 0,
         "Vurderer hjelpemidler og gir råd om trening; deltar i møtene ved behov."},
    };
    const struct demo_goal goals[] = {
        {move, NULL, p_emil, 200,
         "Jeg vil begynne på IKT-linja på videregående og klare skoledagen uten "
         "å bli for sliten."},
        {visit, move, p_emil, 60,
         "Jeg vil besøke den nye skolen og prøve heisen og pulten."},
        {walk, move, p_emil, 180, "Jeg vil gå fra bussen til klasserommet på egen hånd."},
    };
    const struct demo_measure measures[] = {
        {"Fysioterapi med gangtrening", "2 timer per uke",
         "Fysioterapeuten trener med Emil på skolen; den ene timen er i "
         "bassenget. Emil gjør hjemmeøvelser mellom timene.",
         "tirsdag og torsdag", -30, 170, d->therapy, d->physio, IP_MEASURE_IN_PROGRESS,
         {walk}},
        {"Overføringsmøte og besøk på den nye skolen", "Ett møte og ett besøk",
         "Kontaktlæreren og PPT legger fram kartleggingen for den nye skolen. "
         "Emil og moren besøker skolen og prøver heisen, pulten og datautstyret.",
         NULL, 10, 50, school, teacher, IP_MEASURE_PLANNED, {visit, move}},
        {"Sakkyndig vurdering for videregående", "Én vurdering",
         "PPT observerer i klassen og snakker med Emil og foreldrene. Vurderingen "
         "sendes fylkeskommunen før inntaket.",
         NULL, -20, 40, ppt, ppt_adviser, IP_MEASURE_IN_PROGRESS, {move}},
    };
    const struct demo_measure door = {
        "Automatisk døråpner på IKT-rommet", "Én døråpner",
        "Skolen bestiller og monterer døråpneren; ergoterapeuten kontrollerer at "
        "Emil åpner døra selv fra rullestolen.",
        NULL, 30, 150, upper_secondary, counsellor, IP_MEASURE_PLANNED, {move, walk}};
    const struct demo_meeting held = {
        meeting, 12, 75,
        "Ansvarsgruppen gikk gjennom målene Emil har satt seg for overgangen. "
        "Fysioterapien fungerer godt: Emil går lenger uten pause enn da planen "
        "startet. Den nye skolen har heis, men døra til IKT-rommet er tung og lar "
        "seg ikke åpne fra rullestolen. Emil og moren besøker den nye skolen i løpet "
        "av de neste ukene. Moren søker fylkeskommunen om skoleskyss.",
        {p_emil, p_mother, p_teacher, p_physio, p_ppt, p_upper},
        {{p_upper, "Få montert automatisk døråpner på IKT-rommet", 150,
          &door},
         {p_mother, "Søke fylkeskommunen om skoleskyss", 30, NULL}}};
    const struct demo_evaluation evaluations[] = {
        {walk, p_physio, IP_GOAL_PARTLY_ACHIEVED,
         "Emil går nå 200 meter uten pause, mot 100 meter da planen startet. "
         "Trappene til klasserommet klarer han ennå ikke alene."},
    };
    const struct demo_consent consents[] = {
        {NULL, IP_CONSENT_PLAN, IP_CONSENT_WRITTEN, {mother, father, emil}, {NULL}, {NULL}, 0,
         "Utarbeide og følge opp individuell plan for overgangen til videregående skole.",
         -50, 200, "Fornyes når Emil fyller 16 år og samtykker selv."},
        {NULL, IP_CONSENT_SHARING, IP_CONSENT_WRITTEN, {mother, father, emil},
         {school, ppt, d->therapy, upper_secondary, d->habilitation}, {NULL}, 0,
         "Samarbeid i ansvarsgruppen om overgangen til videregående skole.", -50, 200,
         "Fornyes når Emil fyller 16 år og samtykker selv."},
    };
    const struct demo_plan plan = {
        second, emil, -40, 420, 110,
        "Emil er glad i data og musikk, har gode venner i klassen og sier tydelig fra "
        "om hva han trenger. Foreldrene følger ham tett opp.",
        "Cerebral parese som gir nedsatt gangfunksjon og finmotorikk. Emil trenger "
        "tilrettelagt undervisning, fysioterapi, hjelpemidler på skolen og hjelp til "
        "å planlegge overgangen til videregående skole.",
        "Tolga skole, PPT Nord-Østerdal og Nord-Østerdal videregående skole "
        "samarbeider om overgangen. Habiliteringstjenesten gir råd om hjelpemidler "
        "og trening. Fastlegen holdes orientert.",
        DEMO_ROWS(participants), DEMO_ROWS(goals), DEMO_ROWS(measures), &held,
        DEMO_ROWS(evaluations), 1,
        "Revidert etter ansvarsgruppemøtet: automatisk døråpner på IKT-rommet lagt "
        "inn som tiltak.",
        DEMO_ROWS(consents), NULL, 0};
    const struct demo_complaint first_complaint = {
        emil, mother, IP_GROUND_PLAN_REFUSED, first, NULL, -377, -360,
        "Foreldrene mener Emil trengte individuell plan allerede da: skolen, "
        "fysioterapeuten og habiliteringstjenesten ga tjenester hver for seg."};
    int64_t rev;

    d->scenario = "scenario 1 (ungdomsskole til videregående)";
    if (SERVICES(d, list) || household(d, &family))
        return -1;

    if (application(d, first, &rev, emil, mother, IP_REQUEST_PLAN, 400,
                    "Ønsker individuell plan for samarbeidet mellom skole og "
                    "fysioterapi.") ||
        decide(d, first, &rev, IP_REQUEST_PLAN, IP_OUTCOME_REFUSED,
               IP_OUTCOME_FORM_DECISION,
               "Behovet for tjenester var ikke langvarig og koordinert på "
               "søknadstidspunktet: skolen og fysioterapeuten samarbeider "
               "direkte. Ny vurdering ved endrede behov.",
               380))
        return -1;
    if (application(d, second, &rev, emil, mother,
                    IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR, 75,
                    "Overgang fra 10. trinn til videregående skole neste skoleår. "
                    "Får i dag hjelp fra kontaktlærer, PPT, fysioterapeut og "
                    "habiliteringstjenesten. Ønsker kontaktlæreren som "
                    "koordinator fram til skolestart.") ||
        decide(d, second, &rev, IP_REQUEST_PLAN, IP_OUTCOME_GRANTED,
               IP_OUTCOME_FORM_DECISION, NULL, 50) ||
        decide(d, second, &rev, IP_REQUEST_COORDINATOR, IP_OUTCOME_GRANTED,
               IP_OUTCOME_FORM_DECISION, NULL, 50) ||
        appoint(d, emil, IP_COORDINATOR, teacher, second, 50, teacher,
                "Emil og foreldrene ønsker kontaktlæreren som koordinator fram til "
                "skolestart."))
        return -1;
    if (demo_plan_build(d, &plan, NULL))
        return -1;
    return demo_complaint_decided(
        d, &first_complaint,
        "Kommunen opprettholder avslaget: samarbeidet mellom skolen og "
        "fysioterapeuten gikk direkte, og behovet var ikke langvarig og koordinert.",
        IP_COMPLAINT_OUTCOME_NOT_UPHELD,
        "Statsforvalteren gir ikke medhold: kommunen vurderte behovet slik det var "
        "på søknadstidspunktet.");
}

/* ---- scenario 2: an adult in rehabilitation after injury -------------- */

/*
 * Kari (46) had a head injury in a traffic accident and was discharged from
 * the rehabilitation ward three weeks ago. She needs home care,
 * physiotherapy and occupational therapy, and NAV's help back to work. She
 * applied for a plan and a coordinator. The assessment ("kartlegging og
 * vurdering") took more than a month, so an interim reply went out in time;
 * the coordinator was granted first ("Du skal få tilbud om koordinator selv
 * om du takker nei til individuell plan"), the plan once the assessment was
 * done. Her husband is her next of kin.
 *
 * The plan: the occupational therapist, appointed coordinator when the
 * request was granted, coordinates. The first meeting after the discharge
 * agreed a home visit for aids, which became a measure.
 *
 * Kari consented in writing to the plan, and to sharing with the services
 * that take part; orally, documented by the coordinator, she let her
 * husband see her goals, measures and meetings. At the meeting she said she
 * would rather bring what the rehabilitation ward needs to the check-up
 * herself: the consent to share with the ward is withdrawn, oral and
 * documented, and the ward's doctor, who read the plan before, is refused
 * from then on. The plan stays complete: the other services still share.
 */
static int scenario_rehabilitation(struct demo *d)
{
    demo_id rehab, rehab_doctor, kari, husband, app, plan_id;
    demo_id p_kari, p_husband, p_ergo, p_home_care, p_physio, p_nav, p_rehab, home_work,
        screen, shop, meeting;
    const struct service list[] = {
        {rehab, "Rehabiliteringsavdelingen, Sykehuset Innlandet",
         IP_SECTOR_SPECIALIST_HEALTH, STANGE, 0,
         {{"Eva", "Eksempelrud", "overlege, fysikalsk medisin",
           "eva.eksempelrud@example.com", rehab_doctor}}},
    };
    const struct demo_participant participants[] = {
        {p_kari, IP_PARTICIPANT_PERSON, kari, NULL, NULL, 1,
         "Gjør treningsprogrammet hjemme hver dag og fører dagbok over hodepine og "
         "søvn."},
        {p_husband, IP_PARTICIPANT_NEXT_OF_KIN, husband, NULL, NULL, 1,
         "Handler og kjører Kari til kontroller den første tiden."},
        {p_ergo, IP_PARTICIPANT_COORDINATOR, NULL, d->ergo, d->therapy, 1,
         "Koordinerer planen og ansvarsgruppen, og tilpasser hjemmet med hjelpemidler."},
        {p_home_care, IP_PARTICIPANT_PROVIDER, NULL, d->nurse, d->home_care, 1,
         "Hjemmesykepleie morgen og kveld de første ukene etter utskrivningen."},
        {p_physio, IP_PARTICIPANT_PROVIDER, NULL, d->physio, d->therapy, 1,
         "Fysioterapi med balanse- og styrketrening."},
        {p_nav, IP_PARTICIPANT_PROVIDER, NULL, d->nav_adviser, d->nav, 1,
         "Arbeidsavklaring og dialog med arbeidsgiveren om gradert tilbakeføring."},
        {p_rehab, IP_PARTICIPANT_PROVIDER, NULL, rehab_doctor, rehab, 0,
         "Kontroll etter tre måneder og råd til kommunens tjenester."},
    };
    const struct demo_goal goals[] = {
        {home_work, NULL, p_kari, 300,
         "Jeg vil klare meg selv hjemme og komme tilbake i jobb, først noen timer i "
         "uka."},
        {screen, home_work, p_kari, 90,
         "Jeg vil klare å sitte foran PC-en i en time uten å få hodepine."},
        {shop, home_work, p_kari, 60, "Jeg vil gå alene til butikken og handle."},
    };
    const struct demo_measure measures[] = {
        {"Hjemmesykepleie", "Morgen og kveld, 30 minutter per besøk",
         "Hjelp med medisiner og stell. Besøkene trappes ned etter hvert som Kari "
         "klarer mer selv.",
         "to besøk hver dag", -21, 40, d->home_care, d->nurse, IP_MEASURE_IN_PROGRESS,
         {home_work}},
        {"Balanse- og styrketrening", "2 ganger per uke à 45 minutter",
         "Trening hos fysioterapeuten og et hjemmeprogram Kari gjør selv de andre "
         "dagene.",
         "mandag og torsdag", -14, 120, d->therapy, d->physio, IP_MEASURE_IN_PROGRESS,
         {shop}},
        {"Arbeidsavklaring", "Samtale hver fjerde uke",
         "NAV-veilederen møter Kari og arbeidsgiveren og lager en plan for gradert "
         "tilbakeføring når legen mener det er forsvarlig.",
         NULL, 14, DEMO_NO_DATE, d->nav, d->nav_adviser, IP_MEASURE_PLANNED,
         {home_work, screen}},
    };
    const struct demo_measure aids = {
        "Hjelpemidler i hjemmet", "Ett hjemmebesøk og søknad om hjelpemidler",
        "Ergoterapeuten går gjennom hjemmet sammen med Kari og søker NAV "
        "Hjelpemiddelsentral om hjelpemidler til bad og trapp.",
        NULL, 3, 30, d->therapy, d->ergo, IP_MEASURE_PLANNED, {home_work}};
    const struct demo_meeting held = {
        meeting, 3, 60,
        "Første ansvarsgruppemøte etter utskrivningen. Kari er sliten, men trener hver "
        "dag. Hodepinen kommer etter rundt 20 minutter foran skjermen. "
        "Hjemmesykepleien kommer morgen og kveld. Badet og trappa er vanskelige. "
        "Arbeidsgiveren er positiv til gradert oppstart når legen mener det er "
        "forsvarlig.",
        {p_kari, p_husband, p_ergo, p_home_care, p_physio, p_nav},
        {{p_ergo, "Kartlegge hjemmet og søke om hjelpemidler til bad og trapp", 14,
          &aids},
         {p_husband, "Kjøre Kari til kontroll på rehabiliteringsavdelingen", 85, NULL}}};
    const struct demo_evaluation evaluations[] = {
        {screen, p_kari, IP_GOAL_IN_PROGRESS,
         "Kari klarer rundt 20 minutter foran skjermen før hodepinen kommer."},
    };
    demo_id units_consent;
    const struct demo_consent consents[] = {
        {NULL, IP_CONSENT_PLAN, IP_CONSENT_WRITTEN, {kari}, {NULL}, {NULL}, 0,
         "Utarbeide og følge opp individuell plan for rehabiliteringen.", -7, DEMO_NO_DATE,
         NULL},
        {units_consent, IP_CONSENT_SHARING, IP_CONSENT_WRITTEN, {kari},
         {d->home_care, d->therapy, d->nav, rehab}, {NULL}, 0,
         "Samarbeid mellom tjenestene i ansvarsgruppen om rehabiliteringen og "
         "tilbakeføringen til arbeid.",
         -7, 360, NULL},
        {NULL, IP_CONSENT_SHARING, IP_CONSENT_ORAL_DOCUMENTED, {kari}, {NULL}, {husband},
         IP_SECTION_GOALS | IP_SECTION_MEASURES | IP_SECTION_MEETINGS,
         "Mannen hennes skal kunne følge opp hjemme og kjøre til kontroller.", -3, 360,
         "Gitt muntlig på ansvarsgruppemøtet; dokumentert av koordinator."},
    };
    const struct demo_withdrawal withdrawals[] = {
        {units_consent, rehab, kari, IP_CONSENT_ORAL_DOCUMENTED, 0, rehab_doctor},
    };
    const struct demo_plan plan = {
        app, kari, -6, 360, 90,
        "Kari er målbevisst og vil tilbake til jobben som regnskapsfører. Hun har god "
        "støtte i mannen sin og et godt nettverk i bygda.",
        "Hodeskaden gir nedsatt konsentrasjon, hodepine, rask utmattelse og svekket "
        "balanse. Kari trenger hjelp i hjemmet den første tiden, fysio- og "
        "ergoterapi og oppfølging fra NAV om arbeid.",
        "Rehabiliteringsavdelingen overfører opplegget til kommunen og gir råd ved "
        "kontrollene. NAV samarbeider med arbeidsgiveren om tilrettelegging. "
        "Fastlegen følger opp sykmeldingen.",
        DEMO_ROWS(participants), DEMO_ROWS(goals), DEMO_ROWS(measures), &held,
        DEMO_ROWS(evaluations), 1,
        "Planen gjennomgått på første ansvarsgruppemøte etter utskrivningen; "
        "hjelpemidler i hjemmet lagt inn som tiltak.",
        DEMO_ROWS(consents), DEMO_ROWS(withdrawals)};
    struct demo_complaint complaint = {
        kari, kari, IP_GROUND_COOPERATION, NULL, NULL, -22, 0,
        "Kari ble skrevet ut uten at hjemmetjenesten visste når hun kom hjem, og "
        "den første uka kom ingen med medisinene om kvelden."};
    char kari_born[IPLAN_DATE_LEN], husband_born[IPLAN_DATE_LEN],
        married[IPLAN_DATE_LEN];
    int64_t rev;

    d->scenario = "scenario 2 (rehabilitering etter skade)";
    if (SERVICES(d, list))
        return -1;

    born(d, kari_born, 46, 40);
    born(d, husband_born, 48, 290);
    born(d, married, 19, 110);
    if (person(d, kari, "Kari", "Eksempelsen", kari_born, 1,
               "kari.eksempelsen@example.com", "Prøvegata 12, 2540 Tolga") ||
        person(d, husband, "Per", "Eksempelsen", husband_born, 1,
               "per.eksempelsen@example.com", "Prøvegata 12, 2540 Tolga") ||
        relation(d, kari, husband, IP_RELATION_NEXT_OF_KIN, married))
        return -1;

    if (application(d, app, &rev, kari, kari,
                    IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR, 45,
                    "Rehabilitering etter trafikkulykke med hodeskade. Skrives "
                    "ut fra rehabiliteringsavdelingen om tre uker. Trenger "
                    "hjemmetjeneste, fysio- og ergoterapi og oppfølging fra "
                    "NAV om arbeid.") ||
        interim_reply(d, app, &rev, 18) ||
        decide(d, app, &rev, IP_REQUEST_COORDINATOR, IP_OUTCOME_GRANTED,
               IP_OUTCOME_FORM_DECISION, NULL, 10) ||
        appoint(d, kari, IP_COORDINATOR, d->ergo, app, 10, NULL, NULL) ||
        decide(d, app, &rev, IP_REQUEST_PLAN, IP_OUTCOME_GRANTED,
               IP_OUTCOME_FORM_DECISION, NULL, 7))
        return -1;
    if (demo_specialist_coordinator(d, kari, rehab_doctor, 25) ||
        demo_plan_build(d, &plan, plan_id))
        return -1;
    complaint.plan_id = plan_id;
    return demo_complaint_received(d, &complaint);
}

/* ---- scenario 3: a child who needs a child coordinator ----------------- */

/*
 * Lilje (3) was born with a serious heart defect and is developing slowly.
 * The family meets the health station, the kindergarten, physiotherapy,
 * the hospital's children's ward, the habilitation service and NAV
 * (pleiepenger, hjelpestønad). Her mother applied for a child coordinator
 * and a plan, with the father's consent; both are granted.
 *
 * The plan: the public health nurse is appointed child coordinator
 * (barnekoordinator: Lilje is under 18) and coordinates the plan; the goals
 * are the parents' words for Lilje. The meeting agreed an extra adult in
 * the kindergarten, which became a measure.
 *
 * Both parents consent in writing, to the plan and to sharing with the
 * kindergarten, physiotherapy and the children's ward; NAV, which handles
 * the benefits, sees only who takes part and the measures.
 */
static int scenario_child_coordinator(struct demo *d)
{
    demo_id kindergarten, paediatrics, teacher, paediatrician, lilje, mother, father, app,
        plan_id;
    demo_id p_lilje, p_mother, p_father, p_nurse, p_kindergarten, p_physio, p_paediatrics,
        p_nav, join, walk, whole_day, meeting;
    const struct service list[] = {
        {kindergarten, "Tolga barnehage", IP_SECTOR_KINDERGARTEN, TOLGA, 0,
         {{"Nora", "Fiktivstad", "pedagogisk leder", "nora.fiktivstad@example.com",
           teacher}}},
        {paediatrics, "Barneavdelingen, Sykehuset Innlandet Lillehammer",
         IP_SECTOR_SPECIALIST_HEALTH, LILLEHAMMER, 0,
         {{"Tone", "Prøvelid", "barnelege", "tone.provelid@example.com", paediatrician}}},
    };
    const struct household family = {
        "Demostad", "Testbakken 7, 2540 Tolga",
        {lilje, "Lilje", 3, 100, NULL},
        {mother, "Marte", 33, 17, "marte.demostad@example.com"},
        {father, "Jonas", 35, 244, "jonas.demostad@example.com"},
    };
    const struct demo_participant participants[] = {
        {p_lilje, IP_PARTICIPANT_PERSON, lilje, NULL, NULL, 0,
         "Viser gjennom leken hva hun liker og orker; foreldrene formidler hennes "
         "ønsker."},
        {p_mother, IP_PARTICIPANT_REPRESENTATIVE, mother, NULL, NULL, 1,
         "Fører oversikt over timene og samler papirene til NAV."},
        {p_father, IP_PARTICIPANT_REPRESENTATIVE, father, NULL, NULL, 1,
         "Gjør øvelsene fra fysioterapeuten med Lilje hjemme hver kveld."},
        {p_nurse, IP_PARTICIPANT_COORDINATOR, NULL, d->school_nurse, d->health_station, 1,
         "Barnekoordinator: samordner tjenestene og er familiens faste kontakt."},
        {p_kindergarten, IP_PARTICIPANT_PROVIDER, NULL, teacher, kindergarten, 1,
         "Legger til rette for hvile og trening i barnehagehverdagen."},
        {p_physio, IP_PARTICIPANT_PROVIDER, NULL, d->physio, d->therapy, 1,
         "Fysioterapi i barnehagen og veiledning av personalet."},
        {p_paediatrics, IP_PARTICIPANT_PROVIDER, NULL, paediatrician, paediatrics, 1,
         "Kontroller av hjertet og forberedelse til operasjonen; deltar i møtene på "
         "telefon."},
        {p_nav, IP_PARTICIPANT_PROVIDER, NULL, d->nav_adviser, d->nav, 0,
         "Behandler søknadene om pleiepenger og hjelpestønad."},
    };
    const struct demo_goal goals[] = {
        {join, NULL, p_mother, 365,
         "Vi vil at Lilje skal være med på det de andre barna i barnehagen gjør."},
        {walk, join, p_mother, 265, "Lilje skal gå uten støtte innen hun fyller fire."},
        {whole_day, join, p_father, 180,
         "Lilje skal orke en hel barnehagedag to dager i uka."},
    };
    const struct demo_measure measures[] = {
        {"Fysioterapi i barnehagen", "1 time per uke",
         "Fysioterapeuten trener med Lilje gjennom lek og viser personalet øvelser de "
         "kan gjøre resten av uka.",
         "onsdag formiddag", -30, 265, d->therapy, d->physio, IP_MEASURE_IN_PROGRESS,
         {walk}},
        {"Tilrettelagt barnehagedag", "Hvilestund hver dag og egen voksen ute",
         "Barnehagen legger inn hvile etter lunsj og følger med på pust og hudfarge. "
         "Personalet ringer foreldrene ved tegn på at Lilje blir dårligere.",
         NULL, -30, DEMO_NO_DATE, kindergarten, teacher, IP_MEASURE_IN_PROGRESS,
         {whole_day, join}},
        {"Oppfølging av vekt og ernæring", "Hver fjerde uke",
         "Helsesykepleieren veier og måler Lilje på helsestasjonen og sender "
         "målingene til barneavdelingen.",
         NULL, -40, DEMO_NO_DATE, d->health_station, d->school_nurse,
         IP_MEASURE_IN_PROGRESS, {join}},
    };
    const struct demo_measure extra_adult = {
        "Ekstra voksen i barnehagen", "10 timer per uke",
        "Barnehagen søker kommunen om spesialpedagogisk hjelp. Den ekstra voksne er "
        "med Lilje ute og på turer, slik at hun kan være med uten å bli for sliten.",
        NULL, 30, DEMO_NO_DATE, kindergarten, teacher, IP_MEASURE_PLANNED,
        {join, whole_day}};
    const struct demo_meeting held = {
        meeting, 20, 70,
        "Foreldrene forteller at Lilje er mer sliten etter lange dager. Barnehagen har "
        "lagt inn hvilestund etter lunsj. Fysioterapeuten ser framgang: Lilje står "
        "med støtte og tar noen skritt langs møblene. Barneavdelingen deltok på "
        "telefon; operasjonen er planlagt om et halvt år. Barnehagen trenger en ekstra "
        "voksen når gruppen er ute.",
        {p_mother, p_father, p_nurse, p_kindergarten, p_physio, p_paediatrics},
        {{p_kindergarten, "Søke om ekstra voksen i barnehagen", 14, &extra_adult},
         {p_mother, "Søke NAV om hjelpestønad", 10, NULL}}};
    const struct demo_evaluation evaluations[] = {
        {walk, p_physio, IP_GOAL_IN_PROGRESS,
         "Lilje står med støtte og tar noen skritt langs møblene."},
    };
    const struct demo_consent consents[] = {
        {NULL, IP_CONSENT_PLAN, IP_CONSENT_WRITTEN, {mother, father}, {NULL}, {NULL}, 0,
         "Utarbeide og følge opp individuell plan for Lilje.", -52, DEMO_NO_DATE, NULL},
        {NULL, IP_CONSENT_SHARING, IP_CONSENT_WRITTEN, {mother, father},
         {kindergarten, d->therapy, paediatrics}, {NULL}, 0,
         "Samarbeid i ansvarsgruppen om Liljes helse, utvikling og barnehagehverdag.", -52,
         DEMO_NO_DATE, NULL},
        {NULL, IP_CONSENT_SHARING, IP_CONSENT_WRITTEN, {mother, father}, {d->nav}, {NULL},
         IP_SECTION_PARTICIPANTS | IP_SECTION_MEASURES,
         "Behandling av søknadene om pleiepenger og hjelpestønad.", -52, DEMO_NO_DATE, NULL},
    };
    const struct demo_plan plan = {
        app, lilje, -45, 730, 100,
        "Lilje er nysgjerrig og glad i musikk og dyr. Foreldrene kjenner henne godt, "
        "og besteforeldrene bor i nærheten og avlaster.",
        "Alvorlig medfødt hjertefeil med operasjon planlagt om et halvt år, og forsinket "
        "motorisk utvikling. Lilje trenger oppfølging av vekt og ernæring, "
        "fysioterapi og tilrettelegging i barnehagen, og familien trenger hjelp til "
        "å søke om stønader.",
        "Barneavdelingen og habiliteringstjenesten i Sykehuset Innlandet samarbeider "
        "med helsestasjonen, barnehagen og fysioterapeuten. NAV behandler "
        "pleiepenger og hjelpestønad.",
        DEMO_ROWS(participants), DEMO_ROWS(goals), DEMO_ROWS(measures), &held,
        DEMO_ROWS(evaluations), 1,
        "Revidert etter ansvarsgruppemøtet: ekstra voksen i barnehagen lagt inn som "
        "tiltak.",
        DEMO_ROWS(consents), NULL, 0};
    struct demo_handover handover = {
        lilje, IP_CHILD_COORDINATOR, NULL, p_nurse, d->health_nurse, d->health_station, -5,
        "Hanne Demovik går over til skolehelsetjenesten; kollegaen Randi Eksempelhaug "
        "overtar som barnekoordinator.",
        "Barnekoordinator: samordner tjenestene og er familiens faste kontakt."};
    struct demo_complaint complaint = {
        lilje, mother, IP_GROUND_COOPERATION, NULL, NULL, -44, -3,
        "Barneavdelingen og barnehagen utveksler ikke opplysninger om hjertet: "
        "foreldrene må selv bære beskjeder mellom dem."};
    int64_t rev;

    d->scenario = "scenario 3 (barnekoordinator)";
    if (SERVICES(d, list) || household(d, &family))
        return -1;

    if (application(d, app, &rev, lilje, mother,
                    IP_REQUEST_CHILD_COORDINATOR | IP_REQUEST_PLAN, 70,
                    "Alvorlig medfødt hjertefeil og forsinket utvikling. "
                    "Familien har kontakt med helsestasjon, barnehage, "
                    "fysioterapeut, barneavdelingen, habiliteringstjenesten "
                    "og NAV. Begge foreldrene ønsker barnekoordinator.") ||
        decide(d, app, &rev, IP_REQUEST_CHILD_COORDINATOR, IP_OUTCOME_GRANTED,
               IP_OUTCOME_FORM_DECISION, NULL, 52) ||
        decide(d, app, &rev, IP_REQUEST_PLAN, IP_OUTCOME_GRANTED,
               IP_OUTCOME_FORM_DECISION, NULL, 52) ||
        appoint(d, lilje, IP_CHILD_COORDINATOR, d->school_nurse, app, 52, NULL, NULL) ||
        demo_plan_build(d, &plan, plan_id))
        return -1;
    handover.plan_id = complaint.plan_id = plan_id;
    if (demo_handover(d, &handover))
        return -1;
    return demo_complaint_late(
        d, &complaint,
        "Klagen kom etter fristen, men behandles likevel (pasient- og "
        "brukerrettighetsloven § 7-7): den gjelder samarbeidet som pågår.");
}

/* ---- an application left too long ------------------------------------- */

/*
 * Ivar (72) is back home after a stroke and asked for a plan and a
 * coordinator more than a month ago. Nobody has answered, not even with an
 * interim reply: this is what `iplan overdue` is for. His daughter is his
 * next of kin; her national id is not known.
 */
static int scenario_overdue(struct demo *d)
{
    demo_id ivar, daughter, app;
    char ivar_born[IPLAN_DATE_LEN], daughter_born[IPLAN_DATE_LEN],
        since[IPLAN_DATE_LEN];
    int64_t rev;

    d->scenario = "forfalt søknad";
    born(d, ivar_born, 72, 222);
    born(d, daughter_born, 45, 12);
    born(d, since, 2, 30);
    if (person(d, ivar, "Ivar", "Oppdiktsen", ivar_born, 1, NULL,
               "Oppdiktveien 21, 2540 Tolga") ||
        person(d, daughter, "Sigrid", "Oppdiktsen", daughter_born, 0,
               "sigrid.oppdiktsen@example.com", NULL) ||
        relation(d, ivar, daughter, IP_RELATION_NEXT_OF_KIN, since))
        return -1;
    if (application(d, app, &rev, ivar, ivar,
                    IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR, 40,
                    "Hjemme etter hjerneslag. Får hjemmesykepleie og "
                    "fysioterapi, og datteren hjelper til. Ønsker én fast "
                    "kontaktperson."))
        return -1;
    (void)rev;
    return 0;
}

/* ---- scenario 5: moving to the municipality --------------------------- */

/*
 * Sara (24) has a mild intellectual disability and epilepsy, and moved to
 * Tolga from Hamar two weeks ago ("hvis du skal flytte til annen kommune
 * og har behov for bistand fra fagpersoner på det nye stedet"). Her plan
 * in Hamar does not move with her. So that the work does not stop, the
 * coordinating unit opened a plan for her directly, without an
 * application, and the home care service that gives her medicines takes
 * part.
 *
 * The plan is deliberately incomplete: a draft with her needs and
 * resources and the goal she proposed herself, but no coordinator yet, no
 * measures, no revision date and no word on cooperation. Sara consented
 * to the plan orally when it was opened; what the services may share is
 * still to be agreed. `iplan show` lists what it lacks.
 */
static int scenario_moved_in(struct demo *d)
{
    demo_id sara, p_sara, p_home_care, job;
    const struct demo_participant participants[] = {
        {p_sara, IP_PARTICIPANT_PERSON, sara, NULL, NULL, 1, NULL},
        {p_home_care, IP_PARTICIPANT_PROVIDER, NULL, d->nurse, d->home_care, 1,
         "Hjelp med medisinene morgen og kveld."},
    };
    const struct demo_goal goals[] = {
        {job, NULL, p_sara, DEMO_NO_DATE, "Jeg vil ha en jobb der jeg får lage mat."},
    };
    const struct demo_consent consents[] = {
        {NULL, IP_CONSENT_PLAN, IP_CONSENT_ORAL_DOCUMENTED, {sara}, {NULL}, {NULL}, 0,
         "Utarbeide individuell plan etter flyttingen til Tolga.", -10, DEMO_NO_DATE,
         "Gitt muntlig i samtale med koordinerende enhet; notert samme dag."},
    };
    const struct demo_plan plan = {
        NULL, sara, -10, DEMO_NO_DATE, DEMO_NO_DATE,
        "Sara er sosial og liker å lage mat. Hun har jobbet i kantina på et "
        "dagsenter i Hamar.",
        "Mild utviklingshemming og epilepsi. Sara trenger hjelp til å strukturere "
        "hverdagen, følge opp medisinene og finne arbeid eller aktivitet på dagtid.",
        NULL,
        DEMO_ROWS(participants), DEMO_ROWS(goals), NULL, 0, NULL, NULL, 0, 0, NULL,
        DEMO_ROWS(consents), NULL, 0};
    char sara_born[IPLAN_DATE_LEN];

    d->scenario = "scenario 5 (flyttet til kommunen)";
    born(d, sara_born, 24, 75);
    if (person(d, sara, "Sara", "Fiktivhaug", sara_born, 1, "sara.fiktivhaug@example.com",
               "Fiktivbakken 3, 2540 Tolga"))
        return -1;
    return demo_plan_build(d, &plan, NULL);
}

/* ---- scenario 6: a plan left without its coordinator ------------------ */

/*
 * Arne (61) has multiple sclerosis and has had a plan for more than a
 * year, coordinated by a social educator in the home care service. She left
 * the municipality half a year ago, and nobody took over: the group has
 * not met since, the revision date has passed, the goal of walking to the
 * letterbox was not evaluated when its day came, and his consent to
 * sharing runs out in three weeks. When he asked for a new coordinator,
 * the municipality refused ("the home care service follows you up"); he
 * complained in time, and the municipality reversed its refusal. The new
 * coordinator is still to be appointed: the plan is active but incomplete
 * (item c), and `iplan due` lists everything above.
 */
static int scenario_left_behind(struct demo *d)
{
    demo_id arne, social_educator, first, second, plan_id;
    demo_id p_arne, p_coordinator, p_home_care, p_physio, home, letterbox, meeting;
    const struct demo_participant participants[] = {
        {p_arne, IP_PARTICIPANT_PERSON, arne, NULL, NULL, 1,
         "Sier fra når formen endrer seg, og gjør øvelsene når han orker."},
        {p_coordinator, IP_PARTICIPANT_COORDINATOR, NULL, social_educator, d->home_care, 1,
         "Koordinerer planen og kaller inn ansvarsgruppen."},
        {p_home_care, IP_PARTICIPANT_PROVIDER, NULL, d->nurse, d->home_care, 1,
         "Hjemmesykepleie morgen og kveld."},
        {p_physio, IP_PARTICIPANT_PROVIDER, NULL, d->physio, d->therapy, 1,
         "Fysioterapi hjemme for å holde på gangfunksjonen."},
    };
    const struct demo_goal goals[] = {
        {home, NULL, p_arne, 330, "Jeg vil bo hjemme så lenge jeg kan."},
        {letterbox, home, p_arne, -45, "Jeg vil gå til postkassen med rullator."},
    };
    const struct demo_measure measures[] = {
        {"Hjemmesykepleie", "Morgen og kveld", "Hjelp med medisiner, stell og påkledning.",
         "to besøk hver dag", -400, DEMO_NO_DATE, d->home_care, d->nurse,
         IP_MEASURE_IN_PROGRESS, {home}},
        {"Gangtrening hjemme", "1 gang per uke",
         "Fysioterapeuten trener gange med rullator inne og ute sammen med Arne.",
         "fredag", -390, DEMO_NO_DATE, d->therapy, d->physio, IP_MEASURE_IN_PROGRESS,
         {letterbox}},
    };
    const struct demo_meeting held = {
        meeting, 230, 140,
        "Arne går med rullator inne, men ikke ute om vinteren. Hjemmesykepleien "
        "fungerer godt. Neste møte avtales før sommeren.",
        {p_arne, p_coordinator, p_home_care, p_physio},
        {{NULL, NULL, 0, NULL}}};
    const struct demo_evaluation evaluations[] = {
        {letterbox, p_physio, IP_GOAL_IN_PROGRESS,
         "Arne går til postkassen med følge, men ikke alene ennå."},
    };
    const struct demo_consent consents[] = {
        {NULL, IP_CONSENT_PLAN, IP_CONSENT_WRITTEN, {arne}, {NULL}, {NULL}, 0,
         "Utarbeide og følge opp individuell plan.", -400, DEMO_NO_DATE, NULL},
        {NULL, IP_CONSENT_SHARING, IP_CONSENT_WRITTEN, {arne}, {d->home_care, d->therapy},
         {NULL}, 0, "Samarbeid mellom hjemmesykepleien og fysioterapeuten.", -400, 21,
         "Gjelder til neste revisjon av planen."},
    };
    const struct demo_plan plan = {
        first, arne, -400, 330, -14,
        "Arne er tidligere snekker, har god humor og en nabo som hjelper til.",
        "Multippel sklerose med tiltakende gangvansker og tretthet. Arne trenger "
        "hjemmesykepleie og fysioterapi for å kunne bo hjemme.",
        "Hjemmesykepleien og fysioterapeuten samarbeider; fastlegen og "
        "nevrologisk poliklinikk holdes orientert.",
        DEMO_ROWS(participants), DEMO_ROWS(goals), DEMO_ROWS(measures), &held,
        DEMO_ROWS(evaluations), 1, NULL, DEMO_ROWS(consents), NULL, 0};
    struct demo_complaint complaint = {
        arne, arne, IP_GROUND_COORDINATOR_REFUSED, second, NULL, -38, -30,
        "Arne har ikke hatt noen til å samordne tjenestene siden koordinatoren "
        "sluttet."};
    char arne_born[IPLAN_DATE_LEN];
    int64_t rev;

    d->scenario = "scenario 6 (plan uten koordinator)";
    born(d, arne_born, 61, 300);
    if (practitioner(d, social_educator, d->home_care, "Berit", "Prøvesveen",
                     "vernepleier", "berit.provesveen@example.com") ||
        person(d, arne, "Arne", "Testvoll", arne_born, 1, NULL,
               "Demogutua 9, 2540 Tolga"))
        return -1;
    if (application(d, first, &rev, arne, arne, IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR,
                    430, "Multippel sklerose. Ønsker plan og koordinator.") ||
        decide(d, first, &rev, IP_REQUEST_PLAN, IP_OUTCOME_GRANTED,
               IP_OUTCOME_FORM_DECISION, NULL, 410) ||
        decide(d, first, &rev, IP_REQUEST_COORDINATOR, IP_OUTCOME_GRANTED,
               IP_OUTCOME_FORM_DECISION, NULL, 410) ||
        appoint(d, arne, IP_COORDINATOR, social_educator, first, 410, NULL, NULL) ||
        demo_plan_build(d, &plan, plan_id) ||
        demo_coordinator_left(d, arne, IP_COORDINATOR, p_coordinator, -190,
                              "Sluttet i kommunen."))
        return -1;
    if (application(d, second, &rev, arne, arne, IP_REQUEST_COORDINATOR, 60,
                    "Koordinatoren har sluttet. Ber om en ny.") ||
        decide(d, second, &rev, IP_REQUEST_COORDINATOR, IP_OUTCOME_REFUSED,
               IP_OUTCOME_FORM_DECISION,
               "Hjemmetjenesten følger Arne opp daglig og kan samordne tjenestene.", 40))
        return -1;
    return demo_complaint_reversed(
        d, &complaint, NULL,
        "Kommunen omgjør avslaget: Arne har rett til koordinator når han har "
        "individuell plan. Ny koordinator oppnevnes.");
}

/* ---- putting it together ---------------------------------------------- */

static int store_is_empty(struct demo *d, int *empty)
{
    ip_unit_iterator *it = NULL;
    ip_unit *u = NULL;
    int rc;

    d->scenario = "forberedelse";
    if (ip_unit_iterator_new(&it, d->admin) != IP_OK)
        return demo_fail(d, "liste enhetene");
    rc = ip_unit_next(&u, it);
    ip_unit_free(u);
    ip_unit_iterator_free(it);
    if (rc != IP_OK && rc != IP_ITEROVER)
        return demo_fail(d, "liste enhetene");
    *empty = rc == IP_ITEROVER;
    return 0;
}

static int build(struct demo *d, ip_store *store, const struct iplan_opts *opts)
{
    ip_actor actor = IP_ACTOR_INIT;

    d->store = store;
    if (municipality_units(d))
        return -1;
    actor.id = iplan_actor_id(opts);
    actor.role = IP_ROLE_COORDINATING_UNIT;
    actor.unit_id = d->coordinating;
    actor.purpose = IP_PURPOSE_ADMINISTRATION;
    if (ip_session_open(&d->cu, store, &actor) != IP_OK)
        return demo_fail(d, "åpne økt som koordinerende enhet");
    return scenario_school_transition(d) || scenario_rehabilitation(d) ||
                   scenario_child_coordinator(d) || scenario_overdue(d) ||
                   scenario_moved_in(d) || scenario_left_behind(d)
               ? -1
               : 0;
}

int iplan_demo_run(ip_store *store, const struct iplan_opts *opts)
{
    struct demo d;
    char shown[IPLAN_DATE_LEN];
    int empty = 0, failed;

    memset(&d, 0, sizeof d);
    iplan_today(d.today);
    d.next_orgnr = 99912003L;
    d.next_individual = 123;
    if (iplan_admin_session(&d.admin, store, opts))
        return IPLAN_EXIT_FAIL;
    if (store_is_empty(&d, &empty)) {
        ip_session_free(d.admin);
        return IPLAN_EXIT_FAIL;
    }
    if (!empty) {
        iplan_errorf("lageret er ikke tomt; demo fyller bare et tomt lager");
        ip_session_free(d.admin);
        return IPLAN_EXIT_FAIL;
    }
    /* All or nothing: a demo that fails halfway leaves the store empty. */
    if (ip_session_begin(d.admin) != IP_OK) {
        demo_fail(&d, "starte en transaksjon");
        ip_session_free(d.admin);
        return IPLAN_EXIT_FAIL;
    }
    failed = build(&d, store, opts);
    ip_session_free(d.cu);
    d.cu = NULL;
    if (failed) {
        ip_session_rollback(d.admin);
    } else if (ip_session_commit(d.admin) != IP_OK) {
        d.scenario = "avslutning";
        demo_fail(&d, "lagre demodataene");
        failed = -1;
    }
    ip_session_free(d.admin);
    if (failed)
        return IPLAN_EXIT_FAIL;

    iplan_date_display(shown, d.today);
    printf("Demodata lagt inn (Tolga kommune, datoer regnet fra %s):\n", shown);
    printf("  Kommunen: koordinerende enhet, hjemmetjeneste, fysio- og ergoterapi,\n"
           "    helsestasjon, NAV og habiliteringstjenesten i spesialisthelsetjenesten\n");
    printf("  1. Ungdom fra ungdomsskole til videregående: avslått søknad om IP for et år\n"
           "     siden, klagen sendt til Statsforvalteren, som ikke ga medhold; ny søknad\n"
           "     om IP og koordinator innvilget; kontaktlæreren oppnevnt som koordinator,\n"
           "     slik familien ønsket; aktiv plan; begge foreldrene samtykker, og Emil\n"
           "     skriver under sammen med dem\n");
    printf("  2. Voksen i rehabilitering etter skade: foreløpig svar sendt, så koordinator\n"
           "     innvilget og oppnevnt, og IP innvilget; aktiv plan; samtykke til deling\n"
           "     også med ektemannen, og trukket tilbake for rehabiliteringsavdelingen, som\n"
           "     ikke lenger får lese planen; koordinator også i spesialisthelsetjenesten\n"
           "     (koordinerende enhet varslet gjennom utboksen); klage på samarbeidet\n"
           "     mottatt, med fristen nær\n");
    printf("  3. Familie med barn som trenger barnekoordinator: barnekoordinator og IP\n"
           "     innvilget; helsesykepleieren oppnevnt som barnekoordinator; aktiv plan;\n"
           "     begge foreldrene samtykker, NAV ser bare deltakere og tiltak;\n"
           "     barnekoordinatoren har overlatt oppgaven til en kollega; en klage som kom\n"
           "     for sent venter på behandling i kommunen\n");
    printf("  4. Søknad om IP og koordinator uten svar etter én måned (forfalt)\n");
    printf("  5. Flyttet til kommunen: plan åpnet direkte, med vilje ufullstendig (utkast\n"
           "     uten koordinator og tiltak, og uten samtykke til deling)\n");
    printf("  6. Plan uten koordinator: koordinatoren sluttet, og ingen tok over; avslag på\n"
           "     ny koordinator omgjort etter klage, men ingen er oppnevnt ennå (planen er\n"
           "     aktiv, men ufullstendig); møte, revisjon, evaluering og samtykke har forfalt\n");
    printf("De tre første aktive planene har deltakere, mål og delmål, tiltak, et ansvarsgruppemøte\n"
           "med en avtale som ble til tiltak, en evaluering og én revisjon, personens\n"
           "samtykke til planen og til deling, registrert før planen ble satt i verk, og\n"
           "en koordinator oppnevnt av koordinerende enhet: «iplan show» sier at de er\n"
           "komplette og viser samtykkene og koordinatoren.\n");
    printf("I alt %d enheter, %d fagpersoner, %d personer, %d relasjoner, %d søknader,\n"
           "%d planer, %d mål, %d tiltak, %d møter, %d revisjoner, %d samtykker og\n"
           "%d tilbaketrekking av samtykke, %d overlevering av koordinatoroppgaven og\n"
           "%d klager.\n",
           d.units, d.practitioners, d.persons, d.relations, d.applications, d.plans,
           d.goals, d.measures, d.meetings, d.revisions, d.consents, d.withdrawals,
           d.handovers, d.complaints);
    printf("Se hva som må følges opp med «iplan due %s».\n", opts->store);
    printf("Finn planene med «iplan plans %s», og les en med «iplan show %s PLAN-ID».\n",
           opts->store, opts->store);
    return IPLAN_EXIT_OK;
}
