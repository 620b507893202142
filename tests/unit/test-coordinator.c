/*
 * Coordinator assignments: appointment and its defaults, one active
 * assignment of each kind, the child coordinator's age on the day (leap-day
 * birthdays included), the sector of each kind, the specialist
 * coordinator's event to the home municipality, the wish and its reason,
 * the application that granted it, handover in one transaction, ending,
 * the history, access, the fact the rest of libip asks, and refusals that
 * leave the store as it was.
 */
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "coordinator_facts.h"

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"
#define HOME "4601"

typedef struct {
    ip_store *store;
    ip_session *cu;
    char cu_unit[40];
    char home[40];      /* the municipality's health care (not coordinating) */
    char school[40];    /* PPT: a municipal unit outside health care */
    char hospital[40];  /* specialist health service */
    char hospital_cu[40]; /* the health trust's coordinating unit, same number */
    char nurse[40], teacher[40], doctor[40], other_nurse[40];
} world;

/* A unit in a municipality, through an admin session; its id into out. */
static void unit_in(world *w, const char *name, ip_sector sector, const char *number,
                    int coordinating, char out[40])
{
    ip_session *admin = th_admin(w->store);
    ip_unit_fields f = IP_UNIT_FIELDS_INIT;
    ip_unit *u = NULL;

    f.name = name;
    f.sector = sector;
    f.municipality_number = number;
    f.coordinating = coordinating;
    th_ok(ip_unit_create(&u, admin, &f));
    snprintf(out, 40, "%s", ip_unit_id(u));
    ip_unit_free(u);
    ip_session_free(admin);
}

static void practitioner(world *w, const char *unit_id, const char *name, char out[40])
{
    ip_session *admin = th_admin(w->store);
    ip_practitioner_fields f = IP_PRACTITIONER_FIELDS_INIT;
    ip_practitioner *p = NULL;

    f.unit_id = unit_id;
    f.given_name = name;
    f.family_name = "Hansen";
    th_ok(ip_practitioner_create(&p, admin, &f));
    snprintf(out, 40, "%s", ip_practitioner_id(p));
    ip_practitioner_free(p);
    ip_session_free(admin);
}

static void world_open(world *w)
{
    memset(w, 0, sizeof *w);
    w->store = th_store();
    w->cu = th_cu_session(w->store);
    snprintf(w->cu_unit, sizeof w->cu_unit, "%s", th_cu_unit());
    unit_in(w, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, HOME, 0, w->home);
    unit_in(w, "PPT", IP_SECTOR_SCHOOL, HOME, 0, w->school);
    unit_in(w, "Barneklinikken", IP_SECTOR_SPECIALIST_HEALTH, HOME, 0, w->hospital);
    /* A health trust's coordinating unit in the same municipality: not the
     * home municipality's. Its name sorts first. */
    unit_in(w, "A Helse Bergen koordinerende enhet", IP_SECTOR_SPECIALIST_HEALTH, HOME, 1,
            w->hospital_cu);
    practitioner(w, w->home, "Nina", w->nurse);
    practitioner(w, w->home, "Ola", w->other_nurse);
    practitioner(w, w->school, "Tor", w->teacher);
    practitioner(w, w->hospital, "Lege", w->doctor);
}

static void world_close(world *w)
{
    th_close(w->store);
}

/* A person born on birth (NULL: unknown) living in municipality (NULL:
 * unknown); the id into out. */
static void person(world *w, const char *birth, const char *municipality, char out[40])
{
    ip_person_fields f = IP_PERSON_FIELDS_INIT;
    ip_person *p = NULL;

    f.given_name = "Kari";
    f.family_name = "Nordmann";
    f.birth_date = birth;
    f.municipality_number = municipality;
    th_ok(ip_person_create(&p, w->cu, &f));
    snprintf(out, 40, "%s", ip_person_id(p));
    ip_person_free(p);
}

static ip_coordinator_fields appointment(const char *person_id, ip_coordinator_kind kind,
                                         const char *practitioner_id)
{
    ip_coordinator_fields f = IP_COORDINATOR_FIELDS_INIT;

    f.person_id = person_id;
    f.kind = kind;
    f.practitioner_id = practitioner_id;
    return f;
}

/* Appoints and returns the assignment's id in out. */
static void appoint(world *w, const char *person_id, ip_coordinator_kind kind,
                    const char *practitioner_id, const char *on, char out[40])
{
    ip_coordinator_fields f = appointment(person_id, kind, practitioner_id);
    ip_coordinator_assignment *a = NULL;

    f.appointed_on = on;
    th_ok(ip_coordinator_appoint(&a, w->cu, &f));
    snprintf(out, 40, "%s", ip_coordinator_id(a));
    ip_coordinator_free(a);
}

/* th_count over SQL formatted with printf arguments (ids only). */
static int count(const char *fmt, ...)
{
    char sql[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    return th_count(sql);
}

static void expect_message(const char *part)
{
    ck_assert_msg(strstr(ip_error_last()->message, part) != NULL, "message '%s' lacks '%s'",
                  ip_error_last()->message, part);
}

static ip_coordinator_assignment *get(world *w, const char *id)
{
    ip_coordinator_assignment *a = NULL;

    th_ok(ip_coordinator_get(&a, w->cu, id));
    return a;
}

/* ------------------------------------------------------------------------ */

START_TEST(appoint_defaults)
{
    world w;
    char p[40];
    ip_coordinator_fields f;
    ip_coordinator_assignment *a = NULL;

    world_open(&w);
    person(&w, "1980-05-05", HOME, p);
    f = appointment(p, IP_COORDINATOR, w.nurse);
    th_ok(ip_coordinator_appoint(&a, w.cu, &f));
    ck_assert_str_eq(ip_coordinator_person_id(a), p);
    ck_assert_int_eq(ip_coordinator_kind_of(a), IP_COORDINATOR);
    ck_assert_str_eq(ip_coordinator_practitioner_id(a), w.nurse);
    /* The practitioner's unit, today, by the session's actor. */
    ck_assert_str_eq(ip_coordinator_unit_id(a), w.home);
    ck_assert_str_eq(ip_coordinator_appointed_on(a), TH_TODAY);
    ck_assert_str_eq(ip_coordinator_appointed_by(a), "case-worker-1");
    ck_assert_ptr_null(ip_coordinator_application_id(a));
    ck_assert_ptr_null(ip_coordinator_wished_practitioner_id(a));
    ck_assert_ptr_null(ip_coordinator_ended_on(a));
    ck_assert_ptr_null(ip_coordinator_end_reason(a));
    ck_assert_int_eq(ip_coordinator_revision(a), 1);
    ck_assert_ptr_nonnull(ip_coordinator_created_at(a));
    ck_assert_ptr_nonnull(ip_coordinator_updated_at(a));
    ck_assert(ip_coordinator_is_active_on(a, TH_TODAY));
    ck_assert(!ip_coordinator_is_active_on(a, "2026-03-01"));
    ck_assert(ip_coordinator_is_active_on(a, "2030-01-01"));
    /* A person may have a coordinator without a plan. */
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM plan"), 0);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM coordinator_assignment"), 1);
    /* The host is told, naming the assignment's unit; the creation is
     * audited. */
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event WHERE kind = 3"
                           " AND person_id = '%s' AND object_kind = 'coordinator_assignment'"
                           " AND object_id = '%s' AND unit_id = '%s'",
                           p, ip_coordinator_id(a), w.home),
                     1);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM outbox_event"), 1);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE action = 'create'"
                           " AND object_kind = 'coordinator_assignment' AND object_id = '%s'"
                           " AND person_id = '%s' AND outcome = 'allowed'",
                           ip_coordinator_id(a), p),
                     1);
    ip_coordinator_free(a);
    /* A day in the past, and a unit named that is the practitioner's. */
    person(&w, "1970-01-01", HOME, p);
    f = appointment(p, IP_COORDINATOR, w.teacher);
    f.unit_id = w.school;
    f.appointed_on = "2025-12-31";
    th_ok(ip_coordinator_appoint(&a, w.cu, &f));
    ck_assert_str_eq(ip_coordinator_appointed_on(a), "2025-12-31");
    ck_assert_str_eq(ip_coordinator_unit_id(a), w.school);
    ip_coordinator_free(a);
    world_close(&w);
}
END_TEST

START_TEST(appoint_bad_input)
{
    world w;
    char p[40];
    ip_coordinator_fields f;
    ip_coordinator_assignment *a = NULL;

    world_open(&w);
    person(&w, "1980-05-05", HOME, p);
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, NULL));
    f = appointment(p, IP_COORDINATOR, w.nurse);
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, NULL, &f));
    f.version = IP_COORDINATOR_FIELDS_VERSION + 1;
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.version");
    f = appointment(NULL, IP_COORDINATOR, w.nurse);
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.person_id");
    f = appointment(p, (ip_coordinator_kind)4, w.nurse);
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.kind");
    f = appointment(p, IP_COORDINATOR, "nurse");
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.practitioner_id");
    f = appointment(p, IP_COORDINATOR, w.nurse);
    f.appointed_on = "2026-03-03";
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.appointed_on");
    f.appointed_on = "2026-02-30";
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.appointed_on");
    /* References that do not exist. */
    f = appointment(NO_SUCH_ID, IP_COORDINATOR, w.nurse);
    th_expect(IP_ENOTFOUND, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.person_id");
    f = appointment(p, IP_COORDINATOR, NO_SUCH_ID);
    th_expect(IP_ENOTFOUND, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.practitioner_id");
    f = appointment(p, IP_COORDINATOR, w.nurse);
    f.unit_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.unit_id");
    /* The unit named is not the practitioner's. */
    f.unit_id = w.school;
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.unit_id");
    th_not_echoed(w.school);
    ck_assert_ptr_null(a);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM coordinator_assignment"), 0);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM outbox_event"), 0);
    world_close(&w);
}
END_TEST

START_TEST(one_active_per_kind)
{
    world w;
    char child[40], first[40], id[40];
    ip_coordinator_fields f;
    int64_t rev = 0;

    world_open(&w);
    person(&w, "2015-06-01", HOME, child);
    appoint(&w, child, IP_COORDINATOR, w.nurse, "2026-01-05", first);
    /* A second of the same kind is refused, whoever it names. */
    f = appointment(child, IP_COORDINATOR, w.other_nurse);
    th_expect(IP_EEXISTS, ip_coordinator_appoint(NULL, w.cu, &f));
    th_field("coordinator.kind");
    expect_message("handover");
    /* One of each kind at once is allowed. */
    appoint(&w, child, IP_CHILD_COORDINATOR, w.teacher, NULL, id);
    appoint(&w, child, IP_SPECIALIST_COORDINATOR, w.doctor, NULL, id);
    f = appointment(child, IP_CHILD_COORDINATOR, w.other_nurse);
    th_expect(IP_EEXISTS, ip_coordinator_appoint(NULL, w.cu, &f));
    f = appointment(child, IP_SPECIALIST_COORDINATOR, w.doctor);
    th_expect(IP_EEXISTS, ip_coordinator_appoint(NULL, w.cu, &f));
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM coordinator_assignment"), 3);
    /* Once ended, a new one may be appointed, but not back in the time the
     * old one was active. */
    th_ok(ip_coordinator_end(&rev, w.cu, first, 1, "2026-02-01", "Flyttet til annen bydel"));
    ck_assert_int_eq(rev, 2);
    f = appointment(child, IP_COORDINATOR, w.other_nurse);
    f.appointed_on = "2026-01-31";
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, w.cu, &f));
    th_field("coordinator.appointed_on");
    f.appointed_on = "2026-02-01";
    th_ok(ip_coordinator_appoint(NULL, w.cu, &f));
    ck_assert_int_eq(count("SELECT COUNT(*) FROM coordinator_assignment WHERE person_id = '%s'"
                           " AND kind = 1",
                           child),
                     2);
    world_close(&w);
}
END_TEST

/* Age is counted in whole years on the day of appointment: 17 may have
 * one, 18 may not. */
START_TEST(child_age_on_the_day)
{
    world w;
    char seventeen[40], eighteen[40], id[40];
    ip_coordinator_fields f;
    ip_coordinator_assignment *a = NULL;

    world_open(&w);
    person(&w, "2008-03-03", HOME, seventeen); /* 18 tomorrow */
    person(&w, "2008-03-02", HOME, eighteen);  /* 18 today */
    appoint(&w, seventeen, IP_CHILD_COORDINATOR, w.nurse, NULL, id);
    f = appointment(eighteen, IP_CHILD_COORDINATOR, w.nurse);
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.kind");
    expect_message("under 18");
    /* The day of appointment counts, not today: yesterday they were 17. */
    f.appointed_on = "2026-03-01";
    th_ok(ip_coordinator_appoint(&a, w.cu, &f));
    ck_assert_str_eq(ip_coordinator_appointed_on(a), "2026-03-01");
    ip_coordinator_free(a);
    /* An adult may have an ordinary coordinator. */
    appoint(&w, eighteen, IP_COORDINATOR, w.nurse, NULL, id);
    world_close(&w);
}
END_TEST

/* The rule for 29 February: a birthday is reached on its month and day, so
 * someone born on 29 February is still 17 on 28 February and turns 18 on
 * 1 March. (An 18th birthday of someone born on 29 February never falls in
 * a leap year, so this is always the case.) */
START_TEST(child_leap_day_birthday)
{
    world w;
    char leapling[40], other[40], id[40];
    ip_coordinator_fields f;

    world_open(&w);
    person(&w, "2008-02-29", HOME, leapling);
    f = appointment(leapling, IP_CHILD_COORDINATOR, w.nurse);
    f.appointed_on = "2026-03-01";
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, w.cu, &f));
    th_field("coordinator.kind");
    appoint(&w, leapling, IP_CHILD_COORDINATOR, w.nurse, "2026-02-28", id);
    /* The other way round in a leap year: born 1 March 2006, still 17 on
     * 29 February 2024 and 18 on 1 March 2024. */
    person(&w, "2006-03-01", HOME, other);
    f = appointment(other, IP_CHILD_COORDINATOR, w.nurse);
    f.appointed_on = "2024-03-01";
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, w.cu, &f));
    th_field("coordinator.kind");
    f.appointed_on = "2024-02-29";
    th_ok(ip_coordinator_appoint(NULL, w.cu, &f));
    world_close(&w);
}
END_TEST

START_TEST(child_birth_date_unknown)
{
    world w;
    char p[40], id[40];
    ip_coordinator_fields f;

    world_open(&w);
    person(&w, NULL, HOME, p);
    f = appointment(p, IP_CHILD_COORDINATOR, w.nurse);
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, w.cu, &f));
    th_field("coordinator.kind");
    expect_message("birth date is not known");
    /* An ordinary coordinator needs no birth date. */
    appoint(&w, p, IP_COORDINATOR, w.nurse, NULL, id);
    world_close(&w);
}
END_TEST

/* Coordinator and child coordinator in the municipality, a specialist
 * coordinator in the specialist health service. */
START_TEST(sector_of_each_kind)
{
    world w;
    char child[40], id[40];
    ip_coordinator_fields f;

    world_open(&w);
    person(&w, "2015-06-01", HOME, child);
    f = appointment(child, IP_CHILD_COORDINATOR, w.doctor);
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, w.cu, &f));
    th_field("coordinator.unit_id");
    f = appointment(child, IP_COORDINATOR, w.doctor);
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, w.cu, &f));
    th_field("coordinator.unit_id");
    f = appointment(child, IP_SPECIALIST_COORDINATOR, w.nurse);
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, w.cu, &f));
    th_field("coordinator.unit_id");
    f = appointment(child, IP_SPECIALIST_COORDINATOR, w.teacher);
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, w.cu, &f));
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM coordinator_assignment"), 0);
    /* Any municipal sector will do for the municipality's kinds. */
    appoint(&w, child, IP_COORDINATOR, w.teacher, NULL, id);
    appoint(&w, child, IP_CHILD_COORDINATOR, w.nurse, NULL, id);
    appoint(&w, child, IP_SPECIALIST_COORDINATOR, w.doctor, NULL, id);
    world_close(&w);
}
END_TEST

/* Appointing a specialist coordinator tells the home municipality's
 * coordinating unit: the coordinating unit outside the specialist health
 * service with the person's municipality number. */
START_TEST(specialist_tells_home_municipality)
{
    world w;
    char home_person[40], oslo_person[40], elsewhere[40], nowhere[40];
    char oslo_cu[40], id[40];

    world_open(&w);
    person(&w, "1990-01-01", HOME, home_person);
    appoint(&w, home_person, IP_SPECIALIST_COORDINATOR, w.doctor, NULL, id);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event WHERE kind = 4"
                           " AND person_id = '%s' AND object_kind = 'coordinator_assignment'"
                           " AND object_id = '%s' AND unit_id = '%s'",
                           home_person, id, w.cu_unit),
                     1);
    /* ... beside the appointment event, which names the hospital's unit. */
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event WHERE kind = 3"
                           " AND object_id = '%s' AND unit_id = '%s'",
                           id, w.hospital),
                     1);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event WHERE object_id = '%s'", id), 2);
    /* Another municipality with a coordinating unit of its own (and a unit
     * there that is not coordinating, which is never chosen). */
    unit_in(&w, "A Helsestasjon Oslo", IP_SECTOR_MUNICIPAL_HEALTH_CARE, "0301", 0, oslo_cu);
    unit_in(&w, "Koordinerende enhet Oslo", IP_SECTOR_MUNICIPAL_HEALTH_CARE, "0301", 1,
            oslo_cu);
    person(&w, "1990-01-01", "0301", oslo_person);
    appoint(&w, oslo_person, IP_SPECIALIST_COORDINATOR, w.doctor, NULL, id);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event WHERE kind = 4"
                           " AND object_id = '%s' AND unit_id = '%s'",
                           id, oslo_cu),
                     1);
    /* A municipality without a coordinating unit in the store, and a person
     * whose municipality is not known: the event names no unit. */
    person(&w, "1990-01-01", "5001", elsewhere);
    appoint(&w, elsewhere, IP_SPECIALIST_COORDINATOR, w.doctor, NULL, id);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event WHERE kind = 4"
                           " AND object_id = '%s' AND unit_id IS NULL",
                           id),
                     1);
    person(&w, "1990-01-01", NULL, nowhere);
    appoint(&w, nowhere, IP_SPECIALIST_COORDINATOR, w.doctor, NULL, id);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event WHERE kind = 4"
                           " AND object_id = '%s' AND unit_id IS NULL",
                           id),
                     1);
    /* The municipality's kinds send no such event. */
    appoint(&w, nowhere, IP_COORDINATOR, w.nurse, NULL, id);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event WHERE object_id = '%s'", id), 1);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM outbox_event WHERE kind = 4"), 4);
    world_close(&w);
}
END_TEST

START_TEST(wish_and_reason)
{
    world w;
    char p1[40], p2[40], p3[40], p4[40];
    ip_coordinator_fields f;
    ip_coordinator_assignment *a = NULL;

    world_open(&w);
    person(&w, "1980-01-01", HOME, p1);
    person(&w, "1980-01-01", HOME, p2);
    person(&w, "1980-01-01", HOME, p3);
    person(&w, "1980-01-01", HOME, p4);
    /* The wished practitioner was appointed: no reason. */
    f = appointment(p1, IP_COORDINATOR, w.nurse);
    f.wished_practitioner_id = w.nurse;
    f.wish_note = "Ønsket Nina, som kjenner familien";
    f.wish_not_followed_reason = "Ikke fulgt";
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.wish_not_followed_reason");
    f.wish_not_followed_reason = NULL;
    th_ok(ip_coordinator_appoint(&a, w.cu, &f));
    ck_assert_str_eq(ip_coordinator_wished_practitioner_id(a), w.nurse);
    ck_assert_str_eq(ip_coordinator_wish_note(a), "Ønsket Nina, som kjenner familien");
    ck_assert_ptr_null(ip_coordinator_wish_not_followed_reason(a));
    ip_coordinator_free(a);
    /* Another was appointed: the reason is required and recorded. */
    f = appointment(p2, IP_COORDINATOR, w.other_nurse);
    f.wished_practitioner_id = w.nurse;
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.wish_not_followed_reason");
    f.wish_not_followed_reason = "";
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.wish_not_followed_reason");
    f.wish_not_followed_reason = "Ønsket koordinator har ikke kapasitet";
    th_ok(ip_coordinator_appoint(&a, w.cu, &f));
    ck_assert_str_eq(ip_coordinator_wished_practitioner_id(a), w.nurse);
    ck_assert_str_eq(ip_coordinator_wish_not_followed_reason(a),
                     "Ønsket koordinator har ikke kapasitet");
    ip_coordinator_free(a);
    /* A wish in words only; a reason may go with it. */
    f = appointment(p3, IP_COORDINATOR, w.nurse);
    f.wish_note = "Ønsket en mannlig koordinator";
    f.wish_not_followed_reason = "Ingen ledig";
    th_ok(ip_coordinator_appoint(&a, w.cu, &f));
    ck_assert_ptr_null(ip_coordinator_wished_practitioner_id(a));
    ck_assert_str_eq(ip_coordinator_wish_not_followed_reason(a), "Ingen ledig");
    ip_coordinator_free(a);
    /* A reason without a wish; a wished practitioner who does not exist. */
    f = appointment(p4, IP_COORDINATOR, w.nurse);
    f.wish_not_followed_reason = "Ingen ledig";
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.wish_not_followed_reason");
    f.wish_not_followed_reason = "Ikke mulig";
    f.wished_practitioner_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.wished_practitioner_id");
    f.wished_practitioner_id = "Nina";
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.wished_practitioner_id");
    th_not_echoed("Nina");
    ck_assert_ptr_null(a);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM coordinator_assignment WHERE person_id = '%s'",
                           p4),
                     0);
    world_close(&w);
}
END_TEST

/* An application of person_id asking for requests, received on 2026-02-01,
 * with the given request granted (0: none); its id into out. */
static void application(world *w, const char *person_id, unsigned int requests,
                        ip_request_kind granted, char out[40])
{
    ip_application_fields f = IP_APPLICATION_FIELDS_INIT;
    ip_outcome_fields o = IP_OUTCOME_FIELDS_INIT;
    ip_application *app = NULL;

    f.person_id = person_id;
    f.requests = requests;
    f.received_on = "2026-02-01";
    f.signed_by_id = person_id;
    th_ok(ip_application_create(&app, w->cu, &f));
    snprintf(out, 40, "%s", ip_application_id(app));
    ip_application_free(app);
    if (granted) {
        o.outcome = IP_OUTCOME_GRANTED;
        th_ok(ip_application_decide(NULL, w->cu, out, 1, granted, &o));
    }
}

START_TEST(application_granted)
{
    world w;
    char p[40], other[40], child[40], granted[40], pending[40], theirs[40], plan_only[40];
    char child_app[40];
    ip_coordinator_fields f;
    ip_coordinator_assignment *a = NULL;

    world_open(&w);
    person(&w, "1980-01-01", HOME, p);
    person(&w, "1981-01-01", HOME, other);
    person(&w, "2015-01-01", HOME, child);
    application(&w, p, IP_REQUEST_COORDINATOR, IP_REQUEST_COORDINATOR, granted);
    application(&w, p, IP_REQUEST_COORDINATOR | IP_REQUEST_PLAN, IP_REQUEST_PLAN, pending);
    application(&w, p, IP_REQUEST_PLAN, IP_REQUEST_PLAN, plan_only);
    application(&w, other, IP_REQUEST_COORDINATOR, IP_REQUEST_COORDINATOR, theirs);
    application(&w, child, IP_REQUEST_COORDINATOR | IP_REQUEST_CHILD_COORDINATOR,
                IP_REQUEST_COORDINATOR, child_app);
    f = appointment(p, IP_COORDINATOR, w.nurse);
    f.application_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.application_id");
    f.application_id = pending;
    th_expect(IP_ESTATE, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.application_id");
    f.application_id = plan_only;
    th_expect(IP_ESTATE, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.application_id");
    f.application_id = theirs;
    th_expect(IP_ESTATE, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.application_id");
    f.application_id = granted;
    th_ok(ip_coordinator_appoint(&a, w.cu, &f));
    ck_assert_str_eq(ip_coordinator_application_id(a), granted);
    ip_coordinator_free(a);
    /* The child coordinator needs the child coordinator request granted;
     * the coordinator request granted is not enough. */
    f = appointment(child, IP_CHILD_COORDINATOR, w.nurse);
    f.application_id = child_app;
    th_expect(IP_ESTATE, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.application_id");
    f.kind = IP_COORDINATOR;
    th_ok(ip_coordinator_appoint(&a, w.cu, &f));
    ip_coordinator_free(a);
    /* An application to the municipality grants no specialist coordinator. */
    f = appointment(other, IP_SPECIALIST_COORDINATOR, w.doctor);
    f.application_id = theirs;
    th_expect(IP_EINVALID, ip_coordinator_appoint(&a, w.cu, &f));
    th_field("coordinator.application_id");
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM coordinator_assignment"), 2);
    world_close(&w);
}
END_TEST

START_TEST(handover)
{
    world w;
    char p[40], old_id[40], new_id[40];
    ip_coordinator_fields f;
    ip_coordinator_assignment *a = NULL, *old = NULL;
    ip_coordinator_iterator *it = NULL;

    world_open(&w);
    person(&w, "2015-06-01", HOME, p);
    appoint(&w, p, IP_CHILD_COORDINATOR, w.nurse, "2026-01-05", old_id);
    f = appointment(p, IP_CHILD_COORDINATOR, w.other_nurse);
    f.appointed_on = "2026-03-01";
    f.wished_practitioner_id = w.other_nurse;
    th_ok(ip_coordinator_handover(&a, w.cu, old_id, 1, &f, "Koordinator sluttet"));
    snprintf(new_id, sizeof new_id, "%s", ip_coordinator_id(a));
    ck_assert_str_eq(ip_coordinator_practitioner_id(a), w.other_nurse);
    ck_assert_str_eq(ip_coordinator_appointed_on(a), "2026-03-01");
    ck_assert_str_eq(ip_coordinator_wished_practitioner_id(a), w.other_nurse);
    ck_assert_ptr_null(ip_coordinator_ended_on(a));
    ip_coordinator_free(a);
    /* The old one ended on the new one's first day, with the reason. */
    old = get(&w, old_id);
    ck_assert_str_eq(ip_coordinator_ended_on(old), "2026-03-01");
    ck_assert_str_eq(ip_coordinator_end_reason(old), "Koordinator sluttet");
    ck_assert_int_eq(ip_coordinator_revision(old), 2);
    /* They never overlap: the old one's last day is the day before. */
    ck_assert(ip_coordinator_is_active_on(old, "2026-02-28"));
    ck_assert(!ip_coordinator_is_active_on(old, "2026-03-01"));
    ip_coordinator_free(old);
    /* History: both, oldest first; active only: the new one. */
    th_ok(ip_coordinator_iterator_new(&it, w.cu, p, 0));
    th_ok(ip_coordinator_next(&a, it));
    ck_assert_str_eq(ip_coordinator_id(a), old_id);
    ip_coordinator_free(a);
    th_ok(ip_coordinator_next(&a, it));
    ck_assert_str_eq(ip_coordinator_id(a), new_id);
    ip_coordinator_free(a);
    th_expect(IP_ITEROVER, ip_coordinator_next(&a, it));
    ck_assert_ptr_null(a);
    ip_coordinator_iterator_free(it);
    th_ok(ip_coordinator_iterator_new(&it, w.cu, p, 1));
    th_ok(ip_coordinator_next(&a, it));
    ck_assert_str_eq(ip_coordinator_id(a), new_id);
    ip_coordinator_free(a);
    th_expect(IP_ITEROVER, ip_coordinator_next(&a, it));
    ip_coordinator_iterator_free(it);
    /* Audited as the old one's update and the new one's creation; the host
     * is told of the new appointment. */
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE action = 'update'"
                           " AND object_id = '%s' AND outcome = 'allowed'",
                           old_id),
                     1);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE action = 'create'"
                           " AND object_id = '%s' AND outcome = 'allowed'",
                           new_id),
                     1);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event WHERE kind = 3"
                           " AND object_id = '%s'",
                           new_id),
                     1);
    /* Without out, and on today's date by default. */
    f = appointment(p, IP_CHILD_COORDINATOR, w.nurse);
    th_ok(ip_coordinator_handover(NULL, w.cu, new_id, 1, &f, "Tilbake til første"));
    ck_assert_int_eq(count("SELECT COUNT(*) FROM coordinator_assignment WHERE person_id = '%s'"
                           " AND ended_on IS NULL AND appointed_on = '%s'",
                           p, TH_TODAY),
                     1);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM coordinator_assignment WHERE id = '%s'"
                           " AND ended_on = '%s'",
                           new_id, TH_TODAY),
                     1);
    world_close(&w);
}
END_TEST

/* The old assignment as stored: still active at revision 1. */
static void still_active(world *w, const char *id)
{
    ip_coordinator_assignment *a = get(w, id);

    ck_assert_ptr_null(ip_coordinator_ended_on(a));
    ck_assert_ptr_null(ip_coordinator_end_reason(a));
    ck_assert_int_eq(ip_coordinator_revision(a), 1);
    ip_coordinator_free(a);
}

/* Whatever part of a handover is refused, nothing changes: the old
 * assignment stays active and no new one exists. */
START_TEST(handover_is_atomic)
{
    world w;
    char p[40], other[40], old_id[40], ended_id[40], spec_id[40];
    ip_coordinator_fields f;
    ip_coordinator_assignment *a = NULL;
    ip_session *provider;
    int assignments, events;

    world_open(&w);
    person(&w, "1980-01-01", HOME, p);
    person(&w, "1980-01-01", HOME, other);
    appoint(&w, p, IP_COORDINATOR, w.nurse, "2026-01-05", old_id);
    appoint(&w, p, IP_SPECIALIST_COORDINATOR, w.doctor, "2026-01-05", spec_id);
    appoint(&w, other, IP_COORDINATOR, w.nurse, "2026-01-05", ended_id);
    th_ok(ip_coordinator_end(NULL, w.cu, ended_id, 1, NULL, "Behovet er borte"));
    assignments = th_count("SELECT COUNT(*) FROM coordinator_assignment");
    events = th_count("SELECT COUNT(*) FROM outbox_event");

    /* The new appointment fails after the old one was ended inside the
     * transaction: a practitioner of the specialist health service. */
    f = appointment(p, IP_COORDINATOR, w.doctor);
    th_expect(IP_EINVALID, ip_coordinator_handover(&a, w.cu, old_id, 1, &f, "Bytte"));
    th_field("coordinator.unit_id");
    ck_assert_ptr_null(a);
    still_active(&w, old_id);
    /* ... a wish not followed without a reason (refused before the store). */
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    f.wished_practitioner_id = w.teacher;
    th_expect(IP_EINVALID, ip_coordinator_handover(&a, w.cu, old_id, 1, &f, "Bytte"));
    th_field("coordinator.wish_not_followed_reason");
    /* ... an application not granted (refused in the store). */
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    f.application_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_coordinator_handover(&a, w.cu, old_id, 1, &f, "Bytte"));
    still_active(&w, old_id);
    /* The kinds must match; so must the person; and it is to another
     * practitioner. */
    f = appointment(p, IP_SPECIALIST_COORDINATOR, w.doctor);
    th_expect(IP_EINVALID, ip_coordinator_handover(&a, w.cu, old_id, 1, &f, "Bytte"));
    th_field("coordinator.kind");
    f = appointment(other, IP_COORDINATOR, w.other_nurse);
    th_expect(IP_EINVALID, ip_coordinator_handover(&a, w.cu, old_id, 1, &f, "Bytte"));
    th_field("coordinator.person_id");
    f = appointment(p, IP_COORDINATOR, w.nurse);
    th_expect(IP_EINVALID, ip_coordinator_handover(&a, w.cu, old_id, 1, &f, "Bytte"));
    th_field("coordinator.practitioner_id");
    /* Not dated before the old one began. */
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    f.appointed_on = "2026-01-04";
    th_expect(IP_EINVALID, ip_coordinator_handover(&a, w.cu, old_id, 1, &f, "Bytte"));
    th_field("coordinator.appointed_on");
    /* A reason is required; a stale revision; an ended or unknown one. */
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    th_expect(IP_EINVALID, ip_coordinator_handover(&a, w.cu, old_id, 1, &f, NULL));
    th_field("coordinator.end_reason");
    th_expect(IP_EINVALID, ip_coordinator_handover(&a, w.cu, old_id, 1, &f, ""));
    th_expect(IP_ECONFLICT, ip_coordinator_handover(&a, w.cu, old_id, 2, &f, "Bytte"));
    th_expect(IP_ENOTFOUND, ip_coordinator_handover(&a, w.cu, NO_SUCH_ID, 1, &f, "Bytte"));
    th_field("coordinator.id");
    th_expect(IP_EINVALID, ip_coordinator_handover(&a, w.cu, "x", 1, &f, "Bytte"));
    th_field("coordinator.id");
    f = appointment(other, IP_COORDINATOR, w.other_nurse);
    th_expect(IP_ESTATE, ip_coordinator_handover(&a, w.cu, ended_id, 2, &f, "Bytte"));
    th_field("coordinator.ended_on");
    still_active(&w, old_id);
    /* Inside the host's transaction, the failed handover leaves the host's
     * other work alone, and the host commits it. */
    th_ok(ip_session_begin(w.cu));
    f = appointment(p, IP_COORDINATOR, w.doctor);
    th_expect(IP_EINVALID, ip_coordinator_handover(&a, w.cu, old_id, 1, &f, "Bytte"));
    th_ok(ip_session_commit(w.cu));
    still_active(&w, old_id);
    /* A provider is denied: the denial is recorded, nothing else. */
    provider = th_session(w.store, IP_ROLE_PROVIDER, "fysio-1", w.home);
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    th_expect(IP_EDENIED, ip_coordinator_handover(&a, provider, old_id, 1, &f, "Bytte"));
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE outcome = 'denied'"
                           " AND actor_id = 'fysio-1' AND object_id = '%s'",
                           old_id),
                     1);
    ip_session_free(provider);
    still_active(&w, old_id);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM coordinator_assignment"), assignments);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM outbox_event"), events);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE action = 'update'"
                           " AND object_id = '%s'",
                           old_id),
                     0);
    /* After all that, a good handover goes through. */
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    th_ok(ip_coordinator_handover(NULL, w.cu, old_id, 1, &f, "Bytte"));
    world_close(&w);
}
END_TEST

START_TEST(end)
{
    world w;
    char p[40], id[40], today_id[40];
    ip_coordinator_assignment *a = NULL;
    int64_t rev = 0;

    world_open(&w);
    person(&w, "1980-01-01", HOME, p);
    appoint(&w, p, IP_COORDINATOR, w.nurse, "2026-01-05", id);
    /* Bad input. */
    th_expect(IP_EINVALID, ip_coordinator_end(&rev, w.cu, id, 1, NULL, NULL));
    th_field("coordinator.end_reason");
    th_expect(IP_EINVALID, ip_coordinator_end(&rev, w.cu, id, 1, NULL, ""));
    th_field("coordinator.end_reason");
    th_expect(IP_EINVALID, ip_coordinator_end(&rev, w.cu, id, 1, "2026-03-03", "Slutt"));
    th_field("coordinator.ended_on");
    th_expect(IP_EINVALID, ip_coordinator_end(&rev, w.cu, id, 1, "2026-1-5", "Slutt"));
    th_field("coordinator.ended_on");
    th_expect(IP_EINVALID, ip_coordinator_end(&rev, w.cu, id, 1, "2026-01-04", "Slutt"));
    th_field("coordinator.ended_on");
    th_expect(IP_EINVALID, ip_coordinator_end(&rev, NULL, id, 1, NULL, "Slutt"));
    th_expect(IP_ENOTFOUND, ip_coordinator_end(&rev, w.cu, NO_SUCH_ID, 1, NULL, "Slutt"));
    th_field("coordinator.id");
    /* Stale revision. */
    th_expect(IP_ECONFLICT, ip_coordinator_end(&rev, w.cu, id, 2, NULL, "Slutt"));
    th_field("coordinator_assignment.revision");
    /* Ended, with the day and the reason; history kept. */
    th_ok(ip_coordinator_end(&rev, w.cu, id, 1, "2026-02-10", "Personen ønsket det ikke"));
    ck_assert_int_eq(rev, 2);
    a = get(&w, id);
    ck_assert_str_eq(ip_coordinator_ended_on(a), "2026-02-10");
    ck_assert_str_eq(ip_coordinator_end_reason(a), "Personen ønsket det ikke");
    ck_assert(ip_coordinator_is_active_on(a, "2026-02-09"));
    ck_assert(!ip_coordinator_is_active_on(a, "2026-02-10"));
    ck_assert(!ip_coordinator_is_active_on(a, TH_TODAY));
    ip_coordinator_free(a);
    /* Ending twice: refused by state (with the fresh revision) or as stale. */
    th_expect(IP_ESTATE, ip_coordinator_end(&rev, w.cu, id, 2, NULL, "Igjen"));
    th_field("coordinator.ended_on");
    th_expect(IP_ECONFLICT, ip_coordinator_end(&rev, w.cu, id, 1, NULL, "Igjen"));
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM coordinator_assignment"), 1);
    /* Ended today by default; on its first day too. */
    appoint(&w, p, IP_COORDINATOR, w.other_nurse, NULL, today_id);
    th_ok(ip_coordinator_end(NULL, w.cu, today_id, 1, NULL, "Feil registrert"));
    a = get(&w, today_id);
    ck_assert_str_eq(ip_coordinator_ended_on(a), TH_TODAY);
    ck_assert(!ip_coordinator_is_active_on(a, TH_TODAY));
    ip_coordinator_free(a);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE action = 'update'"
                           " AND object_id = '%s' AND outcome = 'allowed'",
                           id),
                     1);
    world_close(&w);
}
END_TEST

START_TEST(history_listing)
{
    world w;
    char p[40], nobody[40], ids[3][40];
    ip_coordinator_iterator *it = NULL;
    ip_coordinator_assignment *a = NULL;
    int n = 0;

    world_open(&w);
    person(&w, "2015-06-01", HOME, p);
    person(&w, "2015-06-01", HOME, nobody);
    /* Created out of date order: listed by appointment date. */
    appoint(&w, p, IP_SPECIALIST_COORDINATOR, w.doctor, "2026-02-01", ids[1]);
    appoint(&w, p, IP_COORDINATOR, w.nurse, "2025-06-01", ids[0]);
    appoint(&w, p, IP_CHILD_COORDINATOR, w.teacher, NULL, ids[2]);
    th_ok(ip_coordinator_end(NULL, w.cu, ids[1], 1, NULL, "Utskrevet"));
    th_ok(ip_coordinator_iterator_new(&it, w.cu, p, 0));
    while (ip_coordinator_next(&a, it) == IP_OK) {
        ck_assert_int_lt(n, 3);
        ck_assert_str_eq(ip_coordinator_id(a), ids[n]);
        n++;
        ip_coordinator_free(a);
    }
    ip_coordinator_iterator_free(it);
    ck_assert_int_eq(n, 3);
    /* Each listed assignment is a read of its own in the audit log. */
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE action = 'read'"
                           " AND object_kind = 'coordinator_assignment' AND object_id IS NOT NULL"
                           " AND person_id = '%s'",
                           p),
                     3);
    n = 0;
    th_ok(ip_coordinator_iterator_new(&it, w.cu, p, 1));
    while (ip_coordinator_next(&a, it) == IP_OK) {
        ck_assert_ptr_null(ip_coordinator_ended_on(a));
        n++;
        ip_coordinator_free(a);
    }
    ip_coordinator_iterator_free(it);
    ck_assert_int_eq(n, 2);
    /* A person with none, and bad arguments. */
    th_ok(ip_coordinator_iterator_new(&it, w.cu, nobody, 0));
    th_expect(IP_ITEROVER, ip_coordinator_next(&a, it));
    ip_coordinator_iterator_free(it);
    th_expect(IP_EINVALID, ip_coordinator_iterator_new(&it, w.cu, "nobody", 0));
    th_field("person_id");
    ck_assert_ptr_null(it);
    th_expect(IP_EINVALID, ip_coordinator_iterator_new(NULL, w.cu, p, 0));
    th_expect(IP_EINVALID, ip_coordinator_iterator_new(&it, NULL, p, 0));
    th_expect(IP_EINVALID, ip_coordinator_next(NULL, it));
    th_expect(IP_EINVALID, ip_coordinator_next(&a, NULL));
    ip_coordinator_iterator_free(NULL);
    world_close(&w);
}
END_TEST

START_TEST(access)
{
    world w;
    char p[40], other[40], id[40];
    ip_coordinator_fields f;
    ip_coordinator_assignment *a = NULL;
    ip_coordinator_iterator *it = NULL;
    ip_session *own, *stranger, *provider, *admin;

    world_open(&w);
    person(&w, "1980-01-01", HOME, p);
    person(&w, "1980-01-01", HOME, other);
    /* The coordinating unit appoints. */
    appoint(&w, p, IP_COORDINATOR, w.nurse, NULL, id);
    /* The person reads their own, one and all. */
    own = th_session(w.store, IP_ROLE_PERSON, p, NULL);
    th_ok(ip_coordinator_get(&a, own, id));
    ck_assert_str_eq(ip_coordinator_id(a), id);
    ip_coordinator_free(a);
    th_ok(ip_coordinator_iterator_new(&it, own, p, 0));
    th_ok(ip_coordinator_next(&a, it));
    ip_coordinator_free(a);
    ip_coordinator_iterator_free(it);
    /* ... but does not appoint, hand over or end. */
    f = appointment(p, IP_SPECIALIST_COORDINATOR, w.doctor);
    th_expect(IP_EDENIED, ip_coordinator_appoint(&a, own, &f));
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    th_expect(IP_EDENIED, ip_coordinator_handover(&a, own, id, 1, &f, "Ønsker bytte"));
    th_expect(IP_EDENIED, ip_coordinator_end(NULL, own, id, 1, NULL, "Ønsker ikke"));
    /* Another person reads none of it. */
    stranger = th_session(w.store, IP_ROLE_PERSON, other, NULL);
    th_expect(IP_EDENIED, ip_coordinator_get(&a, stranger, id));
    th_expect(IP_EDENIED, ip_coordinator_iterator_new(&it, stranger, p, 0));
    ck_assert_ptr_null(it);
    /* A provider and an administrator are denied. */
    provider = th_session(w.store, IP_ROLE_PROVIDER, "fysio-1", w.home);
    th_expect(IP_EDENIED, ip_coordinator_get(&a, provider, id));
    ck_assert_ptr_null(a);
    th_expect(IP_EDENIED, ip_coordinator_iterator_new(&it, provider, p, 0));
    f = appointment(other, IP_COORDINATOR, w.nurse);
    th_expect(IP_EDENIED, ip_coordinator_appoint(&a, provider, &f));
    th_expect(IP_EDENIED, ip_coordinator_end(NULL, provider, id, 1, NULL, "Slutt"));
    admin = th_admin(w.store);
    th_expect(IP_EDENIED, ip_coordinator_appoint(&a, admin, &f));
    th_expect(IP_EDENIED, ip_coordinator_get(&a, admin, id));
    /* Nothing changed; every denial is in the audit log. */
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM coordinator_assignment"), 1);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM outbox_event"), 1);
    still_active(&w, id);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM audit_event WHERE outcome = 'denied'"
                              " AND object_kind = 'coordinator_assignment'"),
                     11);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE outcome = 'allowed'"
                           " AND actor_id = '%s' AND object_id = '%s'",
                           p, id),
                     2);
    ip_session_free(own);
    ip_session_free(stranger);
    ip_session_free(provider);
    ip_session_free(admin);
    world_close(&w);
}
END_TEST

/* ip__coordinator_active, for the access decision and item c. */
START_TEST(fact_active)
{
    world w;
    char p[40], child[40], none[40], old_id[40], id[40];
    ip_coordinator_fields f;
    bool yes = true;

    world_open(&w);
    person(&w, "1980-01-01", HOME, p);
    person(&w, "2015-01-01", HOME, child);
    person(&w, "1980-01-01", HOME, none);
    appoint(&w, p, IP_COORDINATOR, w.nurse, "2026-01-05", old_id);
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    f.appointed_on = "2026-02-01";
    th_ok(ip_coordinator_handover(NULL, w.cu, old_id, 1, &f, "Bytte"));
    appoint(&w, child, IP_SPECIALIST_COORDINATOR, w.doctor, NULL, id);

    th_ok(ip__coordinator_active(w.store, p, NULL, TH_TODAY, &yes));
    ck_assert(yes);
    th_ok(ip__coordinator_active(w.store, p, w.other_nurse, TH_TODAY, &yes));
    ck_assert(yes);
    th_ok(ip__coordinator_active(w.store, p, w.nurse, TH_TODAY, &yes));
    ck_assert(!yes);
    /* In the past: the old one while it was active, not before. */
    th_ok(ip__coordinator_active(w.store, p, w.nurse, "2026-01-31", &yes));
    ck_assert(yes);
    th_ok(ip__coordinator_active(w.store, p, w.nurse, "2026-02-01", &yes));
    ck_assert(!yes);
    th_ok(ip__coordinator_active(w.store, p, w.other_nurse, "2026-01-31", &yes));
    ck_assert(!yes);
    th_ok(ip__coordinator_active(w.store, p, NULL, "2026-01-04", &yes));
    ck_assert(!yes);
    th_ok(ip__coordinator_active(w.store, p, NULL, "2027-01-01", &yes));
    ck_assert(yes);
    /* Any kind counts. */
    th_ok(ip__coordinator_active(w.store, child, NULL, TH_TODAY, &yes));
    ck_assert(yes);
    th_ok(ip__coordinator_active(w.store, child, w.doctor, TH_TODAY, &yes));
    ck_assert(yes);
    th_ok(ip__coordinator_active(w.store, none, NULL, TH_TODAY, &yes));
    ck_assert(!yes);
    /* Ended today: no longer active today. */
    th_ok(ip_coordinator_end(NULL, w.cu, id, 1, NULL, "Utskrevet"));
    th_ok(ip__coordinator_active(w.store, child, NULL, TH_TODAY, &yes));
    ck_assert(!yes);
    th_ok(ip__coordinator_active(w.store, child, NULL, "2026-03-01", &yes));
    ck_assert(!yes); /* appointed today */
    yes = true;
    th_ok(ip__coordinator_active(w.store, NULL, NULL, TH_TODAY, &yes));
    ck_assert(!yes);
    world_close(&w);
}
END_TEST

/* Refused input leaves the store file byte for byte as it was. */
START_TEST(refusals_leave_store_unchanged)
{
    world w;
    char p[40], adult[40], id[40], ended_id[40];
    ip_coordinator_fields f;
    ip_session *cu;
    th_snapshot *snap;

    world_open(&w);
    person(&w, "2015-06-01", HOME, p);
    person(&w, "1990-06-01", HOME, adult);
    appoint(&w, p, IP_COORDINATOR, w.nurse, "2026-01-05", id);
    appoint(&w, adult, IP_COORDINATOR, w.nurse, "2026-01-05", ended_id);
    th_ok(ip_coordinator_end(NULL, w.cu, ended_id, 1, NULL, "Slutt"));
    th_close(w.store);
    snap = th_snapshot_take(th_path("store.db"));

    w.store = th_store();
    cu = th_session(w.store, IP_ROLE_COORDINATING_UNIT, "case-worker-1", w.cu_unit);
    /* Refused before the store is touched. */
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    f.appointed_on = "2027-01-01";
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, cu, &f));
    f = appointment(p, IP_SPECIALIST_COORDINATOR, w.doctor);
    f.wished_practitioner_id = w.nurse;
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, cu, &f));
    th_expect(IP_EINVALID, ip_coordinator_end(NULL, cu, id, 1, NULL, NULL));
    /* Refused inside the call, which is rolled back. */
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    th_expect(IP_EEXISTS, ip_coordinator_appoint(NULL, cu, &f));
    f = appointment(adult, IP_CHILD_COORDINATOR, w.other_nurse);
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, cu, &f));
    f = appointment(p, IP_SPECIALIST_COORDINATOR, w.nurse);
    th_expect(IP_EINVALID, ip_coordinator_appoint(NULL, cu, &f));
    f = appointment(NO_SUCH_ID, IP_COORDINATOR, w.nurse);
    th_expect(IP_ENOTFOUND, ip_coordinator_appoint(NULL, cu, &f));
    th_expect(IP_ESTATE, ip_coordinator_end(NULL, cu, ended_id, 2, NULL, "Igjen"));
    th_expect(IP_ECONFLICT, ip_coordinator_end(NULL, cu, id, 7, NULL, "Slutt"));
    /* A handover refused after the old one was ended inside it. */
    f = appointment(p, IP_COORDINATOR, w.doctor);
    th_expect(IP_EINVALID, ip_coordinator_handover(NULL, cu, id, 1, &f, "Bytte"));
    f = appointment(p, IP_COORDINATOR, w.other_nurse);
    th_expect(IP_ECONFLICT, ip_coordinator_handover(NULL, cu, id, 3, &f, "Bytte"));
    ip_session_free(cu);
    th_close(w.store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

START_TEST(names_and_getters)
{
    ip_coordinator_kind kind;
    ip_coordinator_fields f;

    ck_assert_str_eq(ip_coordinator_kind_name(IP_COORDINATOR), "coordinator");
    ck_assert_str_eq(ip_coordinator_kind_name(IP_CHILD_COORDINATOR), "child_coordinator");
    ck_assert_str_eq(ip_coordinator_kind_name(IP_SPECIALIST_COORDINATOR),
                     "specialist_coordinator");
    ck_assert_ptr_null(ip_coordinator_kind_name((ip_coordinator_kind)0));
    ck_assert_ptr_null(ip_coordinator_kind_name((ip_coordinator_kind)4));
    th_ok(ip_coordinator_kind_from_name(&kind, "child_coordinator"));
    ck_assert_int_eq(kind, IP_CHILD_COORDINATOR);
    th_ok(ip_coordinator_kind_from_name(&kind, "specialist_coordinator"));
    ck_assert_int_eq(kind, IP_SPECIALIST_COORDINATOR);
    th_expect(IP_EINVALID, ip_coordinator_kind_from_name(&kind, "barnekoordinator"));
    th_expect(IP_EINVALID, ip_coordinator_kind_from_name(&kind, NULL));
    th_expect(IP_EINVALID, ip_coordinator_kind_from_name(NULL, "coordinator"));
    th_ok(ip_coordinator_fields_init(&f, IP_COORDINATOR_FIELDS_VERSION));
    ck_assert_uint_eq(f.version, IP_COORDINATOR_FIELDS_VERSION);
    ck_assert_ptr_null(f.person_id);
    th_expect(IP_EINVALID, ip_coordinator_fields_init(&f, 2));
    th_expect(IP_EINVALID, ip_coordinator_fields_init(NULL, 1));
    /* Getters are NULL-safe. */
    ck_assert_ptr_null(ip_coordinator_id(NULL));
    ck_assert_int_eq(ip_coordinator_revision(NULL), 0);
    ck_assert_int_eq(ip_coordinator_kind_of(NULL), 0);
    ck_assert_ptr_null(ip_coordinator_person_id(NULL));
    ck_assert_ptr_null(ip_coordinator_ended_on(NULL));
    ck_assert_int_eq(ip_coordinator_is_active_on(NULL, TH_TODAY), 0);
    ip_coordinator_free(NULL);
}
END_TEST

START_TEST(is_active_on_bad_day)
{
    world w;
    char p[40], id[40];
    ip_coordinator_assignment *a;

    world_open(&w);
    person(&w, "1980-01-01", HOME, p);
    appoint(&w, p, IP_COORDINATOR, w.nurse, "2026-01-05", id);
    a = get(&w, id);
    ip_error_clear();
    ck_assert_int_eq(ip_coordinator_is_active_on(a, NULL), 0);
    ck_assert_int_eq(ip_coordinator_is_active_on(a, "2026-02-30"), 0);
    ck_assert_int_eq(ip_coordinator_is_active_on(a, "20260301"), 0);
    ck_assert_int_eq(ip_coordinator_is_active_on(a, "2026-01-05"), 1);
    ck_assert_int_eq(ip_coordinator_is_active_on(a, "2026-01-04"), 0);
    /* A pure function: no error recorded. */
    ck_assert_int_eq(ip_error_last()->code, IP_OK);
    ip_coordinator_free(a);
    th_expect(IP_EINVALID, ip_coordinator_get(&a, w.cu, "x"));
    th_field("coordinator.id");
    th_expect(IP_ENOTFOUND, ip_coordinator_get(&a, w.cu, NO_SUCH_ID));
    th_expect(IP_EINVALID, ip_coordinator_get(NULL, w.cu, id));
    world_close(&w);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("coordinator");
    TCase *tc = tcase_create("coordinator");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, appoint_defaults);
    tcase_add_test(tc, appoint_bad_input);
    tcase_add_test(tc, one_active_per_kind);
    tcase_add_test(tc, child_age_on_the_day);
    tcase_add_test(tc, child_leap_day_birthday);
    tcase_add_test(tc, child_birth_date_unknown);
    tcase_add_test(tc, sector_of_each_kind);
    tcase_add_test(tc, specialist_tells_home_municipality);
    tcase_add_test(tc, wish_and_reason);
    tcase_add_test(tc, application_granted);
    tcase_add_test(tc, handover);
    tcase_add_test(tc, handover_is_atomic);
    tcase_add_test(tc, end);
    tcase_add_test(tc, history_listing);
    tcase_add_test(tc, access);
    tcase_add_test(tc, fact_active);
    tcase_add_test(tc, refusals_leave_store_unchanged);
    tcase_add_test(tc, names_and_getters);
    tcase_add_test(tc, is_active_on_bad_day);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
