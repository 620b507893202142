/*
 * The demo: realistic scenarios drawn from the municipal texts in seeds/,
 * built through the public API only, with dates relative to today.
 *
 * The texts name the life transitions where an individual plan helps most:
 * "fra ungdomsskole til videregående skole, under rehabilitering etter
 * sykdom/skade, [...] eller hvis du har barn med behov for koordinering av
 * tjenester". Each is one scenario function below. They share one
 * municipality (Tolga, which wrote that text) and so one coordinating unit
 * (koordinerende enhet): a municipality has exactly one, and with one in the
 * store the other commands find it without --unit.
 *
 * Master data (units, practitioners) is registered in an administrator
 * session, personal data (persons, relations, applications, outcomes) in a
 * session of the coordinating unit, both under the CLI's actor id. Every
 * name is made up; national ids and organisation numbers are generated to
 * pass the mod-11 checks (demo_ids.c).
 *
 * Later issues extend the scenarios (plans, goals, consent, ...): add to
 * each scenario function, keeping the ids it needs in its own locals.
 */
#include "iplan.h"

#include <string.h>

#define ID_MAX 64
typedef char demo_id[ID_MAX];

#define TOLGA "3426"
#define TYNSET "3427"
#define HAMAR "3403"
#define STANGE "3413"
#define LILLEHAMMER "3405"

struct demo {
    ip_session *admin;     /* master data */
    ip_session *cu;        /* personal data, as the coordinating unit */
    const char *scenario;  /* for error messages */
    char today[IPLAN_DATE_LEN];
    long next_orgnr;       /* base of the next organisation number */
    int next_individual;   /* where the next individual number search starts */
    int units, practitioners, persons, relations, applications;

    /* The municipality's own services and the regional specialist service
     * that more than one scenario uses. */
    demo_id coordinating;  /* koordinerende enhet */
    demo_id home_care;     /* hjemmetjenesten */
    demo_id therapy;       /* fysio- og ergoterapitjenesten */
    demo_id health_station;/* helsestasjon og skolehelsetjeneste */
    demo_id nav;           /* NAV */
    demo_id habilitation;  /* habiliteringstjenesten for barn og unge */
};

static int fail(struct demo *d, const char *what)
{
    const ip_error *e = ip_error_last();

    iplan_errorf("demo, %s: kunne ikke %s: %s", d->scenario, what,
                 e->message && *e->message ? e->message : ip_strerror(e->code));
    return -1;
}

static int copy_id(struct demo *d, demo_id out, const char *id)
{
    size_t len = id ? strlen(id) : 0;

    if (len == 0 || len >= ID_MAX) {
        iplan_errorf("demo, %s: uventet id fra biblioteket", d->scenario);
        return -1;
    }
    memcpy(out, id, len + 1);
    return 0;
}

static void days_ago(struct demo *d, char out[IPLAN_DATE_LEN], long days)
{
    iplan_date_add(out, d->today, -days);
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
        return fail(d, "registrere en enhet");
    rc = copy_id(d, out, ip_unit_id(u));
    ip_unit_free(u);
    d->units++;
    return rc;
}

static int practitioner(struct demo *d, const char *unit_id, const char *given,
                        const char *family, const char *title, const char *email)
{
    ip_practitioner_fields f = IP_PRACTITIONER_FIELDS_INIT;

    f.unit_id = unit_id;
    f.given_name = given;
    f.family_name = family;
    f.title = title;
    f.email = email;
    if (ip_practitioner_create(NULL, d->admin, &f) != IP_OK)
        return fail(d, "registrere en fagperson");
    d->practitioners++;
    return 0;
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
        return fail(d, "registrere en person");
    rc = copy_id(d, out, ip_person_id(p));
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
        return fail(d, "registrere en relasjon");
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
        return fail(d, "registrere en søknad");
    *revision = ip_application_revision(a);
    rc = copy_id(d, out, ip_application_id(a));
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
        return fail(d, "registrere et utfall");
    return 0;
}

static int interim_reply(struct demo *d, const char *application_id,
                         int64_t *revision, long replied_days_ago)
{
    char replied[IPLAN_DATE_LEN];

    days_ago(d, replied, replied_days_ago);
    if (ip_application_interim_reply(revision, d->cu, application_id, *revision,
                                     replied) != IP_OK)
        return fail(d, "registrere et foreløpig svar");
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
    } staff[2];
};

static int services(struct demo *d, const struct service *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct service *s = &list[i];

        if (unit(d, s->id, s->name, s->sector, s->municipality, s->coordinating))
            return -1;
        for (size_t k = 0; k < 2 && s->staff[k].given; k++) {
            if (practitioner(d, s->id, s->staff[k].given, s->staff[k].family,
                             s->staff[k].title, s->staff[k].email))
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
           "rigmor.testesen@example.com"},
          {"Kjell", "Eksempelvold", "saksbehandler", "kjell.eksempelvold@example.com"}}},
        {d->home_care, "Hjemmetjenesten, Tolga kommune",
         IP_SECTOR_MUNICIPAL_HEALTH_CARE, TOLGA, 0,
         {{"Mona", "Prøvdahl", "sykepleier", "mona.provdahl@example.com"}}},
        {d->therapy, "Fysio- og ergoterapitjenesten, Tolga kommune",
         IP_SECTOR_MUNICIPAL_HEALTH_CARE, TOLGA, 0,
         {{"Lars", "Fiktivik", "fysioterapeut", "lars.fiktivik@example.com"},
          {"Ida", "Testmo", "ergoterapeut", "ida.testmo@example.com"}}},
        {d->health_station, "Helsestasjon og skolehelsetjeneste, Tolga kommune",
         IP_SECTOR_MUNICIPAL_HEALTH_CARE, TOLGA, 0,
         {{"Hanne", "Demovik", "helsesykepleier", "hanne.demovik@example.com"}}},
        {d->nav, "NAV Tolga", IP_SECTOR_NAV, TOLGA, 0,
         {{"Ola", "Oppdiktrud", "veileder", "ola.oppdiktrud@example.com"}}},
        {d->habilitation, "Habiliteringstjenesten for barn og unge, Sykehuset Innlandet",
         IP_SECTOR_SPECIALIST_HEALTH, HAMAR, 0,
         {{"Anne", "Demoløkken", "overlege", "anne.demolokken@example.com"}}},
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
 */
static int scenario_school_transition(struct demo *d)
{
    demo_id school, ppt, upper_secondary, emil, mother, father, first, second;
    const struct service list[] = {
        {school, "Tolga skole", IP_SECTOR_SCHOOL, TOLGA, 0,
         {{"Siri", "Testdal", "kontaktlærer, 10. trinn", "siri.testdal@example.com"}}},
        {ppt, "PPT Nord-Østerdal", IP_SECTOR_SCHOOL, TYNSET, 0,
         {{"Bjørn", "Prøvestad", "PP-rådgiver", "bjorn.provestad@example.com"}}},
        {upper_secondary, "Nord-Østerdal videregående skole", IP_SECTOR_SCHOOL, TYNSET, 0,
         {{"Gunn", "Eksempelli", "rådgiver", "gunn.eksempelli@example.com"}}},
    };
    const struct household family = {
        "Prøvesen", "Eksempelvegen 4, 2540 Tolga",
        {emil, "Emil", 15, 150, NULL},
        {mother, "Hilde", 42, 61, "hilde.provesen@example.com"},
        {father, "Tor", 44, 203, "tor.provesen@example.com"},
    };
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
               IP_OUTCOME_FORM_DECISION, NULL, 50))
        return -1;
    return 0;
}

/* ---- scenario 2: an adult in rehabilitation after injury -------------- */

/*
 * Kari (46) had a head injury in a traffic accident and is soon discharged
 * from the rehabilitation ward. She needs home care, physiotherapy and
 * occupational therapy, and NAV's help back to work. She applied for a
 * plan and a coordinator; the coordinator is granted ("Du skal få tilbud om
 * koordinator selv om du takker nei til individuell plan"), the plan waits
 * for the assessment, and an interim reply went out before the month ran
 * out. Her husband is her next of kin.
 */
static int scenario_rehabilitation(struct demo *d)
{
    demo_id rehab, kari, husband, app;
    const struct service list[] = {
        {rehab, "Rehabiliteringsavdelingen, Sykehuset Innlandet",
         IP_SECTOR_SPECIALIST_HEALTH, STANGE, 0,
         {{"Eva", "Eksempelrud", "overlege, fysikalsk medisin",
           "eva.eksempelrud@example.com"}}},
    };
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
               IP_OUTCOME_FORM_DECISION, NULL, 10))
        return -1;
    return 0;
}

/* ---- scenario 3: a child who needs a child coordinator ----------------- */

/*
 * Lilje (3) was born with a serious heart defect and is developing slowly.
 * The family meets the health station, the kindergarten, physiotherapy,
 * the hospital's children's ward, the habilitation service and NAV
 * (pleiepenger, hjelpestønad). Her mother applied for a child coordinator
 * and a plan, with the father's consent; both are granted.
 */
static int scenario_child_coordinator(struct demo *d)
{
    demo_id kindergarten, paediatrics, lilje, mother, father, app;
    const struct service list[] = {
        {kindergarten, "Tolga barnehage", IP_SECTOR_KINDERGARTEN, TOLGA, 0,
         {{"Nora", "Fiktivstad", "pedagogisk leder", "nora.fiktivstad@example.com"}}},
        {paediatrics, "Barneavdelingen, Sykehuset Innlandet Lillehammer",
         IP_SECTOR_SPECIALIST_HEALTH, LILLEHAMMER, 0,
         {{"Tone", "Prøvelid", "barnelege", "tone.provelid@example.com"}}},
    };
    const struct household family = {
        "Demostad", "Testbakken 7, 2540 Tolga",
        {lilje, "Lilje", 3, 100, NULL},
        {mother, "Marte", 33, 17, "marte.demostad@example.com"},
        {father, "Jonas", 35, 244, "jonas.demostad@example.com"},
    };
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
               IP_OUTCOME_FORM_DECISION, NULL, 52))
        return -1;
    return 0;
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

/* ---- putting it together ---------------------------------------------- */

static int store_is_empty(struct demo *d, int *empty)
{
    ip_unit_iterator *it = NULL;
    ip_unit *u = NULL;
    int rc;

    d->scenario = "forberedelse";
    if (ip_unit_iterator_new(&it, d->admin) != IP_OK)
        return fail(d, "liste enhetene");
    rc = ip_unit_next(&u, it);
    ip_unit_free(u);
    ip_unit_iterator_free(it);
    if (rc != IP_OK && rc != IP_ITEROVER)
        return fail(d, "liste enhetene");
    *empty = rc == IP_ITEROVER;
    return 0;
}

static int build(struct demo *d, ip_store *store, const struct iplan_opts *opts)
{
    ip_actor actor = IP_ACTOR_INIT;

    if (municipality_units(d))
        return -1;
    actor.id = iplan_actor_id(opts);
    actor.role = IP_ROLE_COORDINATING_UNIT;
    actor.unit_id = d->coordinating;
    actor.purpose = IP_PURPOSE_ADMINISTRATION;
    if (ip_session_open(&d->cu, store, &actor) != IP_OK)
        return fail(d, "åpne økt som koordinerende enhet");
    return scenario_school_transition(d) || scenario_rehabilitation(d) ||
                   scenario_child_coordinator(d) || scenario_overdue(d)
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
        fail(&d, "starte en transaksjon");
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
        fail(&d, "lagre demodataene");
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
           "     siden; ny søknad om IP og koordinator innvilget\n");
    printf("  2. Voksen i rehabilitering etter skade: koordinator innvilget, IP venter\n"
           "     (foreløpig svar sendt)\n");
    printf("  3. Familie med barn som trenger barnekoordinator: barnekoordinator og IP\n"
           "     innvilget\n");
    printf("  4. Søknad om IP og koordinator uten svar etter én måned (forfalt)\n");
    printf("I alt %d enheter, %d fagpersoner, %d personer, %d relasjoner, %d søknader.\n",
           d.units, d.practitioners, d.persons, d.relations, d.applications);
    return IPLAN_EXIT_OK;
}
