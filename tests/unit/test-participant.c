/* Participants of a plan: what each role refers to, the coordinator's unit,
 * updates and ends, the ended plan, lists, who may add them, and the promise
 * that bad input leaves the store as it was. */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"

/* One plan with the people and units around it. */
typedef struct {
    ip_store *store;
    ip_session *cu;
    ip_person *person, *mother, *aunt;
    ip_plan *plan;
    char plan_id[40];
    char unit[40], school[40];
    char kari[40]; /* a practitioner in unit */
    char lars[40]; /* a practitioner in school */
} world;

static void world_open(world *w)
{
    w->store = th_store();
    w->cu = th_cu_session(w->store);
    w->person = th_person(w->cu, "2012-04-05", "Ella");
    w->mother = th_person(w->cu, "1982-02-03", "Mor");
    w->aunt = th_person(w->cu, "1979-09-09", "Tante");
    th_ok(ip_plan_create_direct(&w->plan, w->cu, ip_person_id(w->person), NULL));
    snprintf(w->plan_id, sizeof w->plan_id, "%s", ip_plan_id(w->plan));
    snprintf(w->unit, sizeof w->unit, "%s",
             th_unit(w->store, "Helsestasjon", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    snprintf(w->school, sizeof w->school, "%s",
             th_unit(w->store, "Skolen", IP_SECTOR_SCHOOL, 0));
    th_practitioner(w->store, w->unit, "Kari", "Hansen", w->kari);
    th_practitioner(w->store, w->school, "Lars", "Hansen", w->lars);
}

static void world_close(world *w)
{
    ip_plan_free(w->plan);
    ip_person_free(w->person);
    ip_person_free(w->mother);
    ip_person_free(w->aunt);
    th_close(w->store);
}

static ip_participant_fields fields(const world *w, ip_participant_role role)
{
    ip_participant_fields f = IP_PARTICIPANT_FIELDS_INIT;

    f.plan_id = w->plan_id;
    f.role = role;
    f.valid_from = "2026-01-01";
    return f;
}

/* Creation refused with code, naming field; nothing is handed out. */
static void refused(ip_session *s, const ip_participant_fields *f, int code,
                    const char *field)
{
    ip_participant *out = (ip_participant *)1;

    th_expect(code, ip_participant_create(&out, s, f));
    th_field(field);
    ck_assert_ptr_null(out);
}

START_TEST(round_trip)
{
    world w;
    ip_participant_fields f;
    ip_participant *made = NULL, *got = NULL;

    world_open(&w);
    f = fields(&w, IP_PARTICIPANT_REPRESENTATIVE);
    f.person_id = ip_person_id(w.mother);
    f.name = "Mor";
    f.responsibility_group = 7; /* any non-zero value is membership */
    f.valid_to = "2026-12-31";
    f.contribution = "Følger opp leksearbeid og møter på skolen.";
    th_ok(ip_participant_create(&made, w.cu, &f));
    ck_assert_int_eq(strlen(ip_participant_id(made)), 36);
    ck_assert_int_eq(ip_participant_revision(made), 1);
    th_ok(ip_participant_get(&got, w.cu, ip_participant_id(made)));
    ck_assert_str_eq(ip_participant_plan_id(got), w.plan_id);
    ck_assert_int_eq(ip_participant_role_of(got), IP_PARTICIPANT_REPRESENTATIVE);
    /* The participant's own person, not the plan's. */
    ck_assert_str_eq(ip_participant_person_id(got), ip_person_id(w.mother));
    ck_assert_ptr_null(ip_participant_practitioner_id(got));
    ck_assert_ptr_null(ip_participant_unit_id(got));
    ck_assert_str_eq(ip_participant_name(got), "Mor");
    ck_assert_int_eq(ip_participant_in_responsibility_group(got), 1);
    ck_assert_str_eq(ip_participant_valid_from(got), "2026-01-01");
    ck_assert_str_eq(ip_participant_valid_to(got), "2026-12-31");
    ck_assert_str_eq(ip_participant_contribution(got), f.contribution);
    ck_assert_ptr_null(ip_participant_id(NULL));
    ck_assert_int_eq(ip_participant_role_of(NULL), 0);
    ck_assert_int_eq(ip_participant_in_responsibility_group(NULL), 0);
    /* The stored row names the plan's person for access and audit. */
    {
        char sql[400];

        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM participant WHERE id = '%s' AND person_id = '%s'"
                 " AND participant_person_id = '%s' AND responsibility_group = 1",
                 ip_participant_id(got), ip_person_id(w.person), ip_person_id(w.mother));
        ck_assert_int_eq(th_count(sql), 1);
    }
    ip_participant_free(got);
    ip_participant_free(made);
    world_close(&w);
}
END_TEST

START_TEST(person_roles_refer_to_persons)
{
    world w;
    ip_participant_fields f;
    ip_participant *p = NULL;

    world_open(&w);
    /* The role person is the plan's person and nobody else. */
    f = fields(&w, IP_PARTICIPANT_PERSON);
    f.person_id = ip_person_id(w.mother);
    refused(w.cu, &f, IP_EINVALID, "participant.person_id");
    f.person_id = NULL;
    refused(w.cu, &f, IP_EINVALID, "participant.person_id");
    f.person_id = ip_person_id(w.person);
    f.contribution = "Sier hva som er viktig for meg.";
    th_ok(ip_participant_create(&p, w.cu, &f));
    ck_assert_str_eq(ip_participant_person_id(p), ip_person_id(w.person));
    ip_participant_free(p);

    for (int role = IP_PARTICIPANT_REPRESENTATIVE; role <= IP_PARTICIPANT_NEXT_OF_KIN; role++) {
        f = fields(&w, (ip_participant_role)role);
        refused(w.cu, &f, IP_EINVALID, "participant.person_id");
        f.person_id = NO_SUCH_ID;
        refused(w.cu, &f, IP_ENOTFOUND, "participant.person_id");
        /* The plan's person takes part in the role person. */
        f.person_id = ip_person_id(w.person);
        refused(w.cu, &f, IP_EINVALID, "participant.person_id");
        f.person_id = ip_person_id(w.aunt);
        f.practitioner_id = w.kari;
        refused(w.cu, &f, IP_EINVALID, "participant.practitioner_id");
        f.practitioner_id = NULL;
        f.unit_id = w.unit;
        refused(w.cu, &f, IP_EINVALID, "participant.unit_id");
        f.unit_id = NULL;
        th_ok(ip_participant_create(&p, w.cu, &f));
        ck_assert_int_eq(ip_participant_role_of(p), role);
        ck_assert_str_eq(ip_participant_person_id(p), ip_person_id(w.aunt));
        ip_participant_free(p);
    }
    ck_assert_int_eq(th_count("SELECT count(*) FROM participant"), 3);
    world_close(&w);
}
END_TEST

START_TEST(coordinator_unit_is_derived)
{
    world w;
    ip_participant_fields f;
    ip_participant *p = NULL;

    world_open(&w);
    f = fields(&w, IP_PARTICIPANT_COORDINATOR);
    refused(w.cu, &f, IP_EINVALID, "participant.practitioner_id");
    f.practitioner_id = NO_SUCH_ID;
    refused(w.cu, &f, IP_ENOTFOUND, "participant.practitioner_id");
    f.practitioner_id = w.kari;
    f.person_id = ip_person_id(w.aunt);
    refused(w.cu, &f, IP_EINVALID, "participant.person_id");
    f.person_id = NULL;
    /* A unit given must be the practitioner's. */
    f.unit_id = w.school;
    refused(w.cu, &f, IP_EINVALID, "participant.unit_id");
    f.unit_id = NO_SUCH_ID;
    refused(w.cu, &f, IP_ENOTFOUND, "participant.unit_id");
    f.unit_id = NULL;
    th_ok(ip_participant_create(&p, w.cu, &f));
    ck_assert_str_eq(ip_participant_practitioner_id(p), w.kari);
    ck_assert_str_eq(ip_participant_unit_id(p), w.unit);
    ip_participant_free(p);
    f.unit_id = w.unit;
    th_ok(ip_participant_create(&p, w.cu, &f));
    ck_assert_str_eq(ip_participant_unit_id(p), w.unit);
    ip_participant_free(p);
    world_close(&w);
}
END_TEST

START_TEST(provider_and_other_contributor)
{
    world w;
    ip_participant_fields f;
    ip_participant *p = NULL;

    world_open(&w);
    f = fields(&w, IP_PARTICIPANT_PROVIDER);
    refused(w.cu, &f, IP_EINVALID, "participant.unit_id");
    f.unit_id = NO_SUCH_ID;
    refused(w.cu, &f, IP_ENOTFOUND, "participant.unit_id");
    f.unit_id = w.school;
    f.person_id = ip_person_id(w.aunt);
    refused(w.cu, &f, IP_EINVALID, "participant.person_id");
    f.person_id = NULL;
    /* A named practitioner must work in the unit. */
    f.practitioner_id = w.kari;
    refused(w.cu, &f, IP_EINVALID, "participant.unit_id");
    f.practitioner_id = NO_SUCH_ID;
    refused(w.cu, &f, IP_ENOTFOUND, "participant.practitioner_id");
    f.practitioner_id = NULL;
    th_ok(ip_participant_create(&p, w.cu, &f));
    ck_assert_str_eq(ip_participant_unit_id(p), w.school);
    ck_assert_ptr_null(ip_participant_practitioner_id(p));
    ip_participant_free(p);
    f.practitioner_id = w.lars;
    f.contribution = "Tilrettelagt undervisning.";
    th_ok(ip_participant_create(&p, w.cu, &f));
    ck_assert_str_eq(ip_participant_practitioner_id(p), w.lars);
    ip_participant_free(p);

    f = fields(&w, IP_PARTICIPANT_OTHER_CONTRIBUTOR);
    refused(w.cu, &f, IP_EINVALID, "participant.name");
    f.name = "Fotballtreneren";
    f.unit_id = w.school;
    refused(w.cu, &f, IP_EINVALID, "participant.unit_id");
    f.unit_id = NULL;
    f.practitioner_id = w.lars;
    refused(w.cu, &f, IP_EINVALID, "participant.practitioner_id");
    f.practitioner_id = NULL;
    th_ok(ip_participant_create(&p, w.cu, &f));
    ck_assert_str_eq(ip_participant_name(p), "Fotballtreneren");
    ck_assert_ptr_null(ip_participant_person_id(p));
    ip_participant_free(p);
    /* Or a person in the store, without a name. */
    f.name = NULL;
    f.person_id = NO_SUCH_ID;
    refused(w.cu, &f, IP_ENOTFOUND, "participant.person_id");
    f.person_id = ip_person_id(w.aunt);
    th_ok(ip_participant_create(&p, w.cu, &f));
    ck_assert_str_eq(ip_participant_person_id(p), ip_person_id(w.aunt));
    ck_assert_ptr_null(ip_participant_name(p));
    ip_participant_free(p);
    ck_assert_int_eq(th_count("SELECT count(*) FROM participant"), 4);
    world_close(&w);
}
END_TEST

START_TEST(update_replaces_but_keeps_plan_and_role)
{
    world w;
    ip_participant_fields f;
    ip_participant *p = NULL, *got = NULL;
    ip_plan *other_plan = NULL;
    int64_t rev = 0;

    world_open(&w);
    f = fields(&w, IP_PARTICIPANT_COORDINATOR);
    f.practitioner_id = w.kari;
    f.responsibility_group = 1;
    f.contribution = "Koordinerer.";
    th_ok(ip_participant_create(&p, w.cu, &f));
    /* Replaced, not merged; the unit is derived again when absent. */
    f.responsibility_group = 0;
    f.contribution = NULL;
    f.name = "Kari H.";
    th_now_ms += 1000;
    th_ok(ip_participant_update(&rev, w.cu, ip_participant_id(p), 1, &f));
    ck_assert_int_eq(rev, 2);
    th_ok(ip_participant_get(&got, w.cu, ip_participant_id(p)));
    ck_assert_int_eq(ip_participant_in_responsibility_group(got), 0);
    ck_assert_ptr_null(ip_participant_contribution(got));
    ck_assert_str_eq(ip_participant_name(got), "Kari H.");
    ck_assert_str_eq(ip_participant_unit_id(got), w.unit);
    ck_assert_str_eq(ip_participant_plan_id(got), w.plan_id);
    ip_participant_free(got);

    /* A stale writer is refused. */
    th_expect(IP_ECONFLICT, ip_participant_update(NULL, w.cu, ip_participant_id(p), 1, &f));
    th_field("participant.revision");
    /* The role and the plan stay. */
    f.role = IP_PARTICIPANT_PROVIDER;
    f.unit_id = w.unit;
    th_expect(IP_EINVALID, ip_participant_update(NULL, w.cu, ip_participant_id(p), 2, &f));
    th_field("participant.role");
    f = fields(&w, IP_PARTICIPANT_COORDINATOR);
    f.practitioner_id = w.kari;
    th_ok(ip_plan_create_direct(&other_plan, w.cu, ip_person_id(w.aunt), NULL));
    f.plan_id = ip_plan_id(other_plan);
    th_expect(IP_EINVALID, ip_participant_update(NULL, w.cu, ip_participant_id(p), 2, &f));
    th_field("participant.plan_id");
    /* References are checked as on creation. */
    f.plan_id = w.plan_id;
    f.unit_id = w.school;
    th_expect(IP_EINVALID, ip_participant_update(NULL, w.cu, ip_participant_id(p), 2, &f));
    th_field("participant.unit_id");
    f.unit_id = NULL;
    f.practitioner_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_participant_update(NULL, w.cu, ip_participant_id(p), 2, &f));
    th_field("participant.practitioner_id");
    th_ok(ip_participant_get(&got, w.cu, ip_participant_id(p)));
    ck_assert_int_eq(ip_participant_revision(got), 2);
    ck_assert_str_eq(ip_participant_practitioner_id(got), w.kari);
    ip_participant_free(got);
    th_expect(IP_ENOTFOUND, ip_participant_update(NULL, w.cu, NO_SUCH_ID, 1, &f));
    th_field("participant.id");
    ip_plan_free(other_plan);
    ip_participant_free(p);
    world_close(&w);
}
END_TEST

START_TEST(end_participation)
{
    world w;
    ip_participant_fields f;
    ip_participant *p = NULL, *got = NULL;
    int64_t rev = 0;

    world_open(&w);
    f = fields(&w, IP_PARTICIPANT_NEXT_OF_KIN);
    f.person_id = ip_person_id(w.aunt);
    th_ok(ip_participant_create(&p, w.cu, &f));
    th_expect(IP_EINVALID, ip_participant_end(NULL, w.cu, ip_participant_id(p), 1, "2025-12-31"));
    th_field("participant.valid_to");
    th_expect(IP_EINVALID, ip_participant_end(NULL, w.cu, ip_participant_id(p), 1, NULL));
    th_field("participant.valid_to");
    th_ok(ip_participant_end(&rev, w.cu, ip_participant_id(p), 1, "2026-03-01"));
    ck_assert_int_eq(rev, 2);
    th_ok(ip_participant_get(&got, w.cu, ip_participant_id(p)));
    ck_assert_str_eq(ip_participant_valid_to(got), "2026-03-01");
    ip_participant_free(got);
    th_expect(IP_ESTATE, ip_participant_end(NULL, w.cu, ip_participant_id(p), 2, "2026-03-02"));
    th_field("participant.valid_to");
    th_expect(IP_ECONFLICT, ip_participant_end(NULL, w.cu, ip_participant_id(p), 1, "2026-03-02"));
    ip_participant_free(p);
    world_close(&w);
}
END_TEST

START_TEST(ended_plan_refuses_changes)
{
    world w;
    ip_participant_fields f;
    ip_participant *p = NULL, *out = (ip_participant *)1;

    world_open(&w);
    f = fields(&w, IP_PARTICIPANT_NEXT_OF_KIN);
    f.person_id = ip_person_id(w.aunt);
    th_ok(ip_participant_create(&p, w.cu, &f));
    th_ok(ip_plan_end(NULL, w.cu, w.plan_id, 1, IP_PLAN_END_MOVED, NULL, NULL));
    f.person_id = ip_person_id(w.mother);
    th_expect(IP_ESTATE, ip_participant_create(&out, w.cu, &f));
    th_field("participant.plan_id");
    ck_assert_ptr_null(out);
    th_expect(IP_ESTATE, ip_participant_update(NULL, w.cu, ip_participant_id(p), 1, &f));
    th_expect(IP_ESTATE, ip_participant_end(NULL, w.cu, ip_participant_id(p), 1, "2026-03-02"));
    ck_assert_int_eq(th_count("SELECT count(*) FROM participant"), 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM participant WHERE valid_to IS NULL"
                              " AND revision = 1"), 1);
    /* No such plan. */
    f.plan_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_participant_create(NULL, w.cu, &f));
    th_field("participant.plan_id");
    ip_participant_free(p);
    world_close(&w);
}
END_TEST

START_TEST(iterate_by_role)
{
    world w;
    ip_participant_fields f;
    ip_participant_iterator *it = NULL;
    ip_participant *p = NULL;
    ip_plan *other_plan = NULL;
    ip_session *as_person, *as_aunt;
    ip_participant_role expect[] = {IP_PARTICIPANT_PERSON, IP_PARTICIPANT_NEXT_OF_KIN,
                                    IP_PARTICIPANT_COORDINATOR, IP_PARTICIPANT_PROVIDER};
    int n = 0;

    world_open(&w);
    f = fields(&w, IP_PARTICIPANT_PROVIDER);
    f.unit_id = w.school;
    th_ok(ip_participant_create(NULL, w.cu, &f));
    f = fields(&w, IP_PARTICIPANT_COORDINATOR);
    f.practitioner_id = w.kari;
    th_ok(ip_participant_create(NULL, w.cu, &f));
    f = fields(&w, IP_PARTICIPANT_NEXT_OF_KIN);
    f.person_id = ip_person_id(w.aunt);
    th_ok(ip_participant_create(NULL, w.cu, &f));
    f = fields(&w, IP_PARTICIPANT_PERSON);
    f.person_id = ip_person_id(w.person);
    th_ok(ip_participant_create(NULL, w.cu, &f));
    /* Another plan's participant is not listed. */
    th_ok(ip_plan_create_direct(&other_plan, w.cu, ip_person_id(w.aunt), NULL));
    f = fields(&w, IP_PARTICIPANT_PERSON);
    f.plan_id = ip_plan_id(other_plan);
    f.person_id = ip_person_id(w.aunt);
    th_ok(ip_participant_create(NULL, w.cu, &f));

    th_ok(ip_participant_iterator_new(&it, w.cu, w.plan_id));
    while (ip_participant_next(&p, it) == IP_OK) {
        ck_assert_int_lt(n, 4);
        ck_assert_int_eq(ip_participant_role_of(p), expect[n]);
        ck_assert_str_eq(ip_participant_plan_id(p), w.plan_id);
        ip_participant_free(p);
        n++;
    }
    ck_assert_int_eq(n, 4);
    th_expect(IP_ITEROVER, ip_participant_next(&p, it));
    ip_participant_iterator_free(it);

    /* The person reads who takes part in their plan; another does not. */
    as_person = th_session(w.store, IP_ROLE_PERSON, ip_person_id(w.person), NULL);
    as_aunt = th_session(w.store, IP_ROLE_PERSON, ip_person_id(w.aunt), NULL);
    th_ok(ip_participant_iterator_new(&it, as_person, w.plan_id));
    ip_participant_iterator_free(it);
    it = (ip_participant_iterator *)1;
    th_expect(IP_EDENIED, ip_participant_iterator_new(&it, as_aunt, w.plan_id));
    ck_assert_ptr_null(it);
    th_expect(IP_ENOTFOUND, ip_participant_iterator_new(&it, w.cu, NO_SUCH_ID));
    th_field("participant.plan_id");
    th_expect(IP_EINVALID, ip_participant_iterator_new(&it, w.cu, "plan"));
    th_field("participant.plan_id");
    th_expect(IP_EINVALID, ip_participant_iterator_new(NULL, w.cu, w.plan_id));
    ip_participant_iterator_free(NULL);
    ip_session_free(as_person);
    ip_session_free(as_aunt);
    ip_plan_free(other_plan);
    world_close(&w);
}
END_TEST

START_TEST(who_may_add_participants)
{
    world w;
    ip_participant_fields f;
    ip_participant *p = NULL, *got = NULL;
    ip_plan *other_plan = NULL;
    ip_session *coordinator, *stranger, *as_person, *provider;
    char per[40];

    world_open(&w);
    th_practitioner(w.store, w.unit, "Per", "Hansen", per);
    th_ok(ip_plan_create_direct(&other_plan, w.cu, ip_person_id(w.aunt), NULL));
    f = fields(&w, IP_PARTICIPANT_COORDINATOR);
    f.practitioner_id = w.kari;
    th_ok(ip_participant_create(NULL, w.cu, &f));
    f.plan_id = ip_plan_id(other_plan);
    f.practitioner_id = per;
    th_ok(ip_participant_create(NULL, w.cu, &f));
    coordinator = th_session(w.store, IP_ROLE_COORDINATOR, w.kari, w.unit);
    stranger = th_session(w.store, IP_ROLE_COORDINATOR, per, w.unit);
    as_person = th_session(w.store, IP_ROLE_PERSON, ip_person_id(w.person), NULL);
    provider = th_session(w.store, IP_ROLE_PROVIDER, w.lars, w.school);

    f = fields(&w, IP_PARTICIPANT_PROVIDER);
    f.unit_id = w.school;
    /* The plan's coordinator adds and changes participants. */
    th_ok(ip_participant_create(&p, coordinator, &f));
    f.contribution = "Tilrettelegging.";
    th_ok(ip_participant_update(NULL, coordinator, ip_participant_id(p), 1, &f));
    /* A coordinator of another plan, the person and a provider do not. */
    th_expect(IP_EDENIED, ip_participant_create(NULL, stranger, &f));
    th_expect(IP_EDENIED, ip_participant_update(NULL, stranger, ip_participant_id(p), 2, &f));
    th_expect(IP_EDENIED, ip_participant_get(&got, stranger, ip_participant_id(p)));
    th_expect(IP_EDENIED, ip_participant_create(NULL, as_person, &f));
    th_expect(IP_EDENIED, ip_participant_create(NULL, provider, &f));
    th_expect(IP_EDENIED, ip_participant_end(NULL, provider, ip_participant_id(p), 2, TH_TODAY));
    th_expect(IP_EDENIED, ip_participant_get(&got, provider, ip_participant_id(p)));
    /* The person reads them. */
    th_ok(ip_participant_get(&got, as_person, ip_participant_id(p)));
    ip_participant_free(got);
    ck_assert_int_eq(th_count("SELECT count(*) FROM participant"), 3);
    ip_session_free(coordinator);
    ip_session_free(stranger);
    ip_session_free(as_person);
    ip_session_free(provider);
    ip_participant_free(p);
    ip_plan_free(other_plan);
    world_close(&w);
}
END_TEST

/* Each bad input is refused with its code and field, and the store file is
 * byte for byte what it was. */
START_TEST(bad_input_changes_nothing)
{
    world w;
    ip_participant *p = NULL;
    char id[40], mother_id[40], person_id[40];
    static char long_text[65536 + 2];
    th_snapshot *snap;
    struct {
        const char *field;
        int code;
        ip_participant_fields f;
    } cases[24];
    int n = 0;

    world_open(&w);
    {
        ip_participant_fields f = fields(&w, IP_PARTICIPANT_REPRESENTATIVE);

        f.person_id = ip_person_id(w.mother);
        th_ok(ip_participant_create(&p, w.cu, &f));
        snprintf(id, sizeof id, "%s", ip_participant_id(p));
        ip_participant_free(p);
    }
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    /* The persons are freed with the first store handle: keep their ids. */
    snprintf(mother_id, sizeof mother_id, "%s", ip_person_id(w.mother));
    snprintf(person_id, sizeof person_id, "%s", ip_person_id(w.person));

#define CASE(code_, field_) cases[n].code = (code_), cases[n].field = (field_), \
    cases[n].f = fields(&w, IP_PARTICIPANT_REPRESENTATIVE), cases[n].f.person_id = mother_id
    CASE(IP_EINVALID, "participant.version"); cases[n++].f.version = 2;
    CASE(IP_EINVALID, "participant.plan_id"); cases[n++].f.plan_id = "x";
    CASE(IP_EINVALID, "participant.plan_id"); cases[n++].f.plan_id = NULL;
    CASE(IP_EINVALID, "participant.role"); cases[n++].f.role = (ip_participant_role)0;
    CASE(IP_EINVALID, "participant.role"); cases[n++].f.role = (ip_participant_role)7;
    CASE(IP_EINVALID, "participant.person_id"); cases[n++].f.person_id = "Mor";
    CASE(IP_EINVALID, "participant.practitioner_id"); cases[n++].f.practitioner_id = "-";
    CASE(IP_EINVALID, "participant.unit_id"); cases[n++].f.unit_id = "unit";
    CASE(IP_EINVALID, "participant.name"); cases[n++].f.name = long_text;
    CASE(IP_EINVALID, "participant.name"); cases[n++].f.name = "\xc3\x28";
    CASE(IP_EINVALID, "participant.valid_from"); cases[n++].f.valid_from = NULL;
    CASE(IP_EINVALID, "participant.valid_from"); cases[n++].f.valid_from = "2026-02-29";
    CASE(IP_EINVALID, "participant.valid_to"); cases[n++].f.valid_to = "2025-12-31";
    CASE(IP_EINVALID, "participant.valid_to"); cases[n++].f.valid_to = "31.12.2026";
    CASE(IP_EINVALID, "participant.contribution"); cases[n++].f.contribution = "\x7f\x01";
    /* Refused inside the call: rolled back as well. */
    CASE(IP_ENOTFOUND, "participant.person_id"); cases[n++].f.person_id = NO_SUCH_ID;
    CASE(IP_EINVALID, "participant.person_id"); cases[n++].f.person_id = person_id;
#undef CASE

    world_close(&w);
    snap = th_snapshot_take(th_path("store.db"));
    w.store = th_store();
    w.cu = th_session(w.store, IP_ROLE_COORDINATING_UNIT, "case-worker-1", th_cu_unit());
    for (int i = 0; i < n; i++) {
        ip_participant *out = (ip_participant *)1;

        th_expect(cases[i].code, ip_participant_create(&out, w.cu, &cases[i].f));
        ck_assert_msg(strcmp(ip_error_last()->field, cases[i].field) == 0,
                      "case %d: field %s, expected %s", i, ip_error_last()->field,
                      cases[i].field);
        ck_assert_ptr_null(out);
        th_expect(cases[i].code, ip_participant_update(NULL, w.cu, id, 1, &cases[i].f));
        ck_assert_msg(strcmp(ip_error_last()->field, cases[i].field) == 0,
                      "update case %d: field %s, expected %s", i, ip_error_last()->field,
                      cases[i].field);
    }
    th_expect(IP_EINVALID, ip_participant_create(NULL, NULL, &cases[0].f));
    th_field("session");
    th_expect(IP_EINVALID, ip_participant_create(NULL, w.cu, NULL));
    th_field("participant");
    th_expect(IP_EINVALID, ip_participant_update(NULL, w.cu, "x", 1, &cases[0].f));
    th_field("participant.id");
    th_expect(IP_EINVALID, ip_participant_get(NULL, w.cu, id));
    th_expect(IP_EINVALID, ip_participant_get(&p, w.cu, "x"));
    th_field("participant.id");
    th_expect(IP_EINVALID, ip_participant_end(NULL, w.cu, id, 1, "2026-02-30"));
    th_field("participant.valid_to");
    th_expect(IP_ECONFLICT, ip_participant_end(NULL, w.cu, id, 5, TH_TODAY));
    ip_session_free(w.cu);
    th_close(w.store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

START_TEST(role_names_round_trip)
{
    static const char *names[] = {"person", "representative", "next_of_kin",
                                  "coordinator", "provider", "other_contributor"};
    ip_participant_role role;
    ip_participant_fields f;

    for (int i = 0; i < 6; i++) {
        ck_assert_str_eq(ip_participant_role_name((ip_participant_role)(i + 1)), names[i]);
        th_ok(ip_participant_role_from_name(&role, names[i]));
        ck_assert_int_eq(role, i + 1);
    }
    ck_assert_ptr_null(ip_participant_role_name((ip_participant_role)0));
    ck_assert_ptr_null(ip_participant_role_name((ip_participant_role)7));
    th_expect(IP_EINVALID, ip_participant_role_from_name(&role, "Coordinator"));
    th_expect(IP_EINVALID, ip_participant_role_from_name(&role, NULL));
    th_expect(IP_EINVALID, ip_participant_role_from_name(NULL, "person"));

    memset(&f, 0xff, sizeof f);
    th_ok(ip_participant_fields_init(&f, IP_PARTICIPANT_FIELDS_VERSION));
    ck_assert_uint_eq(f.version, IP_PARTICIPANT_FIELDS_VERSION);
    ck_assert_ptr_null(f.plan_id);
    ck_assert_int_eq(f.role, 0);
    ck_assert_int_eq(f.responsibility_group, 0);
    ck_assert_ptr_null(f.contribution);
    th_expect(IP_EINVALID, ip_participant_fields_init(&f, 2));
    th_expect(IP_EINVALID, ip_participant_fields_init(NULL, IP_PARTICIPANT_FIELDS_VERSION));
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("participant");
    TCase *tc = tcase_create("participant");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, person_roles_refer_to_persons);
    tcase_add_test(tc, coordinator_unit_is_derived);
    tcase_add_test(tc, provider_and_other_contributor);
    tcase_add_test(tc, update_replaces_but_keeps_plan_and_role);
    tcase_add_test(tc, end_participation);
    tcase_add_test(tc, ended_plan_refuses_changes);
    tcase_add_test(tc, iterate_by_role);
    tcase_add_test(tc, who_may_add_participants);
    tcase_add_test(tc, bad_input_changes_nothing);
    tcase_add_test(tc, role_names_round_trip);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
