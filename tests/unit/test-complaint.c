/*
 * Complaints: the deadline (across month ends, leap days and a
 * daylight-saving change, and from the store setting), late complaints,
 * the choice of coordinator refused with its explanation, standing, the
 * grounds and what they name, every allowed and forbidden move, reversal
 * granting the refused request, forwarding's outbox event, Statsforvalteren's
 * outcomes, stale revisions, access, lists, and refused input leaving the
 * store as it was.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"

typedef struct {
    ip_store *store;
    ip_session *cu;
    char cu_unit[40];
    char adult[40];    /* 1980-05-05 */
    char child[40];    /* 2015-06-01: 10 today */
    char teen[40];     /* 2013-01-10: 13 today */
    char youth[40];    /* 2009-06-01: 16 today */
    char mother[40];   /* parent of child, teen and youth */
    char guardian[40]; /* guardian (verge) of adult and youth */
    char stranger[40];
    char plan[40];     /* adult's plan */
} world;

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static int64_t days_from_civil(int y, int m, int d)
{
    int64_t era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Makes date (YYYY-MM-DD) today, at hour:00 UTC. */
static void set_today_at(const char *date, int hour)
{
    int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8);

    th_now_ms = days_from_civil(y, m, d) * INT64_C(86400000) + hour * INT64_C(3600000);
}

static void set_today(const char *date)
{
    set_today_at(date, 10);
}

static void person(world *w, const char *birth, const char *name, char out[40])
{
    ip_person *p = th_person(w->cu, birth, name);

    snprintf(out, 40, "%s", ip_person_id(p));
    ip_person_free(p);
}

static void relate(world *w, const char *person_id, const char *related_id,
                   ip_relation_kind kind, const char *from, const char *to)
{
    ip_relation_fields f = IP_RELATION_FIELDS_INIT;

    f.person_id = person_id;
    f.related_id = related_id;
    f.kind = kind;
    f.valid_from = from;
    f.valid_to = to;
    th_ok(ip_relation_create(NULL, w->cu, &f));
}

static void plan_for(world *w, const char *person_id, char out[40])
{
    ip_plan *p = NULL;

    th_ok(ip_plan_create_direct(&p, w->cu, person_id, NULL));
    snprintf(out, 40, "%s", ip_plan_id(p));
    ip_plan_free(p);
}

static void world_open(world *w)
{
    memset(w, 0, sizeof *w);
    w->store = th_store();
    w->cu = th_cu_session(w->store);
    snprintf(w->cu_unit, sizeof w->cu_unit, "%s", th_cu_unit());
    person(w, "1980-05-05", "Anne", w->adult);
    person(w, "2015-06-01", "Kari", w->child);
    person(w, "2013-01-10", "Tone", w->teen);
    person(w, "2009-06-01", "Unn", w->youth);
    person(w, "1985-02-14", "Mor", w->mother);
    person(w, "1960-09-09", "Verge", w->guardian);
    person(w, "1970-07-07", "Fremmed", w->stranger);
    relate(w, w->child, w->mother, IP_RELATION_PARENT, "2015-06-01", NULL);
    relate(w, w->teen, w->mother, IP_RELATION_PARENT, "2013-01-10", NULL);
    relate(w, w->youth, w->mother, IP_RELATION_PARENT, "2009-06-01", NULL);
    relate(w, w->adult, w->guardian, IP_RELATION_GUARDIAN, "2020-01-01", NULL);
    relate(w, w->youth, w->guardian, IP_RELATION_GUARDIAN, "2025-01-01", NULL);
    plan_for(w, w->adult, w->plan);
}

static void world_close(world *w)
{
    th_close(w->store);
}

/* A complaint about the adult's plan's content, filed by the adult. */
static ip_complaint_fields plan_complaint(const world *w, const char *knew_on,
                                          const char *received_on)
{
    ip_complaint_fields f = IP_COMPLAINT_FIELDS_INIT;

    f.person_id = w->adult;
    f.filed_by_id = w->adult;
    f.is_written = 1;
    f.is_signed = 1;
    f.ground = IP_GROUND_PLAN_CONTENT;
    f.plan_id = w->plan;
    f.knew_on = knew_on;
    f.received_on = received_on;
    return f;
}

/* Files f through s; the complaint (the caller frees it). */
static ip_complaint *file(ip_session *s, const ip_complaint_fields *f)
{
    ip_complaint *c = NULL;

    th_ok(ip_complaint_file(&c, s, f));
    ck_assert_ptr_nonnull(c);
    return c;
}

/* The deadline a plan complaint by the adult gets for knew_on. */
static void expect_deadline(world *w, const char *knew_on, const char *deadline)
{
    ip_complaint_fields f = plan_complaint(w, knew_on, NULL);
    ip_complaint *c = file(w->cu, &f);

    ck_assert_str_eq(ip_complaint_knew_on(c), knew_on);
    ck_assert_str_eq(ip_complaint_deadline_on(c), deadline);
    ip_complaint_free(c);
}

/* An application for person_id received on received_on, signed by
 * signer, asking for requests; each refused on decided_on. */
static void refused_application(world *w, const char *person_id, const char *signer,
                                unsigned int requests, const char *received_on,
                                const char *decided_on, ip_outcome_form form, char out[40])
{
    ip_application_fields f = IP_APPLICATION_FIELDS_INIT;
    ip_application *a = NULL;
    int64_t rev;

    f.person_id = person_id;
    f.requests = requests;
    f.received_on = received_on;
    f.signed_by_id = signer;
    th_ok(ip_application_create(&a, w->cu, &f));
    snprintf(out, 40, "%s", ip_application_id(a));
    rev = ip_application_revision(a);
    ip_application_free(a);
    for (unsigned int kind = 1; kind <= 4; kind <<= 1) {
        ip_outcome_fields o = IP_OUTCOME_FIELDS_INIT;

        if (!(requests & kind))
            continue;
        o.outcome = IP_OUTCOME_REFUSED;
        o.form = form;
        o.reason = "Vilkårene er ikke oppfylt";
        o.decided_on = decided_on;
        th_ok(ip_application_decide(&rev, w->cu, out, rev, (ip_request_kind)kind, &o));
    }
}

/* A complaint about a refused request of the adult's application. */
static ip_complaint_fields refusal_complaint(const world *w, ip_complaint_ground ground,
                                             const char *application_id,
                                             const char *knew_on)
{
    ip_complaint_fields f = plan_complaint(w, knew_on, NULL);

    f.ground = ground;
    f.plan_id = NULL;
    f.application_id = application_id;
    return f;
}

static int count(const char *sql)
{
    return th_count(sql);
}

/* ------------------------------------------------------------------------
 * The deadline */

START_TEST(deadline_month_ends)
{
    world w;

    world_open(&w);
    /* 31 January plus four weeks is 28 February, not "31 February". */
    expect_deadline(&w, "2026-01-31", "2026-02-28");
    expect_deadline(&w, "2026-01-30", "2026-02-27");
    expect_deadline(&w, "2026-02-01", "2026-03-01");
    expect_deadline(&w, "2025-12-15", "2026-01-12");
    expect_deadline(&w, "2025-11-30", "2025-12-28");
    expect_deadline(&w, "2026-03-02", "2026-03-30");
    world_close(&w);
}
END_TEST

START_TEST(deadline_leap_days)
{
    world w;

    set_today("2028-03-15");
    world_open(&w);
    /* 2028 is a leap year: four weeks from 1 February is 29 February. */
    expect_deadline(&w, "2028-02-01", "2028-02-29");
    expect_deadline(&w, "2028-02-29", "2028-03-28");
    expect_deadline(&w, "2028-02-02", "2028-03-01");
    expect_deadline(&w, "2028-01-31", "2028-02-28");
    /* 2027 is not. */
    expect_deadline(&w, "2027-02-01", "2027-03-01");
    /* 2000 was (divisible by 400); 1900 was not. */
    expect_deadline(&w, "2000-02-01", "2000-02-29");
    expect_deadline(&w, "1900-02-01", "1900-03-01");
    world_close(&w);
}
END_TEST

/* Dates are calendar days: no clock time, so no hour lost or gained when
 * the clocks change (Europe/Oslo: 29 March and 25 October 2026), whatever
 * the process's time zone, and whatever hour it is now. */
START_TEST(deadline_across_daylight_saving)
{
    world w;
    ip_complaint_fields f;
    ip_complaint *c;
    char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;

    setenv("TZ", "Europe/Oslo", 1);
    tzset();
    /* Just after midnight in Oslo on the morning the clocks go forward
     * (still 28 March in UTC). */
    set_today_at("2026-03-28", 23);
    world_open(&w);
    expect_deadline(&w, "2026-03-20", "2026-04-17");
    expect_deadline(&w, "2026-03-01", "2026-03-29");
    expect_deadline(&w, "2026-03-28", "2026-04-25");
    f = plan_complaint(&w, "2026-03-28", NULL);
    c = file(w.cu, &f);
    ck_assert_str_eq(ip_complaint_received_on(c), "2026-03-28");
    ip_complaint_free(c);

    /* Midnight UTC, 01:00 in Oslo, the week after the clocks went back. */
    set_today_at("2026-11-02", 0);
    expect_deadline(&w, "2026-10-20", "2026-11-17");
    expect_deadline(&w, "2026-10-25", "2026-11-22");
    world_close(&w);
    if (old) {
        setenv("TZ", old, 1);
        free(old);
    } else {
        unsetenv("TZ");
    }
    tzset();
}
END_TEST

/* The deadline is a store setting: a change in law is a configuration
 * change. Only an administrator makes it; complaints filed before keep
 * their deadline. */
START_TEST(deadline_from_setting)
{
    world w;
    ip_session *admin;
    ip_complaint *before, *after;
    ip_complaint_fields f;
    int64_t weeks = 0;

    world_open(&w);
    f = plan_complaint(&w, "2026-01-31", NULL);
    before = file(w.cu, &f);
    ck_assert_str_eq(ip_complaint_deadline_on(before), "2026-02-28");
    ck_assert_int_eq(ip_complaint_is_late(before), 1);

    th_expect(IP_EDENIED, ip_setting_set(w.cu, "complaint_deadline_weeks", 6));
    admin = th_admin(w.store);
    th_ok(ip_setting_set(admin, "complaint_deadline_weeks", 6));
    th_ok(ip_setting_get(&weeks, w.cu, "complaint_deadline_weeks"));
    ck_assert_int_eq(weeks, 6);

    after = file(w.cu, &f);
    ck_assert_str_eq(ip_complaint_deadline_on(after), "2026-03-14");
    ck_assert_int_eq(ip_complaint_is_late(after), 0);
    ip_complaint_free(after);
    /* The complaint filed before keeps its deadline. */
    th_ok(ip_complaint_get(&after, w.cu, ip_complaint_id(before)));
    ck_assert_str_eq(ip_complaint_deadline_on(after), "2026-02-28");
    ck_assert_int_eq(ip_complaint_is_late(after), 1);
    ip_complaint_free(after);
    ip_complaint_free(before);

    th_ok(ip_setting_set(admin, "complaint_deadline_weeks", 1));
    expect_deadline(&w, "2026-02-23", "2026-03-02");
    ip_session_free(admin);
    world_close(&w);
}
END_TEST

/* A late complaint is accepted and marked; on the deadline day itself it
 * is in time. */
START_TEST(late_complaint)
{
    world w;
    ip_complaint_fields f;
    ip_complaint *c, *read = NULL;

    world_open(&w);
    f = plan_complaint(&w, "2026-01-01", NULL);
    c = file(w.cu, &f);
    ck_assert_str_eq(ip_complaint_deadline_on(c), "2026-01-29");
    ck_assert_str_eq(ip_complaint_received_on(c), TH_TODAY);
    ck_assert_int_eq(ip_complaint_is_late(c), 1);
    ck_assert_int_eq(ip_complaint_status_of(c), IP_COMPLAINT_RECEIVED);
    th_ok(ip_complaint_get(&read, w.cu, ip_complaint_id(c)));
    ck_assert_int_eq(ip_complaint_is_late(read), 1);
    ck_assert_str_eq(ip_complaint_deadline_on(read), "2026-01-29");
    ip_complaint_free(read);
    ip_complaint_free(c);

    /* Received on the deadline: in time. The day after: late. */
    f = plan_complaint(&w, "2026-02-02", NULL);
    c = file(w.cu, &f);
    ck_assert_str_eq(ip_complaint_deadline_on(c), TH_TODAY);
    ck_assert_int_eq(ip_complaint_is_late(c), 0);
    ip_complaint_free(c);
    f = plan_complaint(&w, "2026-02-01", NULL);
    c = file(w.cu, &f);
    ck_assert_int_eq(ip_complaint_is_late(c), 1);
    ip_complaint_free(c);
    /* Received earlier than today: lateness is judged on received_on. */
    f = plan_complaint(&w, "2026-01-01", "2026-01-29");
    c = file(w.cu, &f);
    ck_assert_int_eq(ip_complaint_is_late(c), 0);
    ip_complaint_free(c);
    f = plan_complaint(&w, "2026-01-01", "2026-01-30");
    c = file(w.cu, &f);
    ck_assert_int_eq(ip_complaint_is_late(c), 1);
    ip_complaint_free(c);
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint WHERE late = 1"), 3);
}
END_TEST

/* ------------------------------------------------------------------------
 * Grounds */

START_TEST(coordinator_choice_refused)
{
    world w;
    ip_complaint_fields f;
    ip_complaint *c = NULL;
    ip_complaint_ground g;

    world_open(&w);
    f = plan_complaint(&w, "2026-02-20", NULL);
    f.ground = IP_GROUND_COORDINATOR_CHOICE;
    th_expect(IP_EINVALID, ip_complaint_file(&c, w.cu, &f));
    th_field("complaint.ground");
    ck_assert_ptr_null(c);
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "choice of coordinator cannot be appealed"));
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "not an individual decision"));
    /* Whatever else the complaint names, and whoever files it. */
    f.plan_id = NULL;
    f.application_id = NO_SUCH_ID;
    th_expect(IP_EINVALID, ip_complaint_file(&c, w.cu, &f));
    th_field("complaint.ground");
    /* The name exists, so a caller can pass it and get the explanation. */
    th_ok(ip_complaint_ground_from_name(&g, "coordinator_choice"));
    ck_assert_int_eq(g, IP_GROUND_COORDINATOR_CHOICE);
    /* No other value is a ground. */
    f = plan_complaint(&w, "2026-02-20", NULL);
    f.ground = (ip_complaint_ground)0;
    th_expect(IP_EINVALID, ip_complaint_file(&c, w.cu, &f));
    th_field("complaint.ground");
    f.ground = (ip_complaint_ground)8;
    th_expect(IP_EINVALID, ip_complaint_file(&c, w.cu, &f));
    th_field("complaint.ground");
    world_close(&w);
    /* Refused before the store: no complaint, no audit event about one. */
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint"), 0);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE object_kind = 'complaint'"),
                     0);
}
END_TEST

/* The refused grounds name the person's application whose request was
 * refused; the others the person's plan. */
START_TEST(refused_request_grounds)
{
    world w;
    char app[40], pending[40], other[40], granted[40];
    ip_complaint_fields f;
    ip_complaint *c;
    ip_application_fields af = IP_APPLICATION_FIELDS_INIT;
    ip_application *a = NULL;
    ip_outcome_fields o = IP_OUTCOME_FIELDS_INIT;
    int64_t rev;

    world_open(&w);
    refused_application(&w, w.adult, w.adult, IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR,
                        "2026-02-01", "2026-02-10", IP_OUTCOME_FORM_DECISION, app);
    refused_application(&w, w.teen, w.mother, IP_REQUEST_CHILD_COORDINATOR, "2026-02-01",
                        "2026-02-10", IP_OUTCOME_FORM_DECISION, other);

    f = refusal_complaint(&w, IP_GROUND_PLAN_REFUSED, app, "2026-02-10");
    c = file(w.cu, &f);
    ck_assert_int_eq(ip_complaint_ground_of(c), IP_GROUND_PLAN_REFUSED);
    ck_assert_str_eq(ip_complaint_application_id(c), app);
    ck_assert_ptr_null(ip_complaint_plan_id(c));
    ip_complaint_free(c);
    f.ground = IP_GROUND_COORDINATOR_REFUSED;
    ip_complaint_free(file(w.cu, &f));

    /* The application does not ask for a child coordinator. */
    f.ground = IP_GROUND_CHILD_COORDINATOR_REFUSED;
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.application_id");
    /* Another person's application. */
    f = refusal_complaint(&w, IP_GROUND_CHILD_COORDINATOR_REFUSED, other, "2026-02-10");
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.application_id");
    th_not_echoed(other);
    /* No such application. */
    f = refusal_complaint(&w, IP_GROUND_PLAN_REFUSED, NO_SUCH_ID, "2026-02-10");
    th_expect(IP_ENOTFOUND, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.application_id");
    /* Knew of the refusal before it was made. */
    f = refusal_complaint(&w, IP_GROUND_PLAN_REFUSED, app, "2026-02-09");
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.knew_on");
    /* Names a plan as well, or no application at all. */
    f = refusal_complaint(&w, IP_GROUND_PLAN_REFUSED, app, "2026-02-10");
    f.plan_id = w.plan;
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.plan_id");
    f = refusal_complaint(&w, IP_GROUND_PLAN_REFUSED, NULL, "2026-02-10");
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.application_id");

    /* A request still pending, or granted, was not refused. */
    af.person_id = w.adult;
    af.requests = IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR;
    af.received_on = "2026-02-01";
    af.signed_by_id = w.adult;
    th_ok(ip_application_create(&a, w.cu, &af));
    snprintf(pending, sizeof pending, "%s", ip_application_id(a));
    rev = ip_application_revision(a);
    ip_application_free(a);
    f = refusal_complaint(&w, IP_GROUND_PLAN_REFUSED, pending, "2026-02-10");
    th_expect(IP_ESTATE, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.application_id");
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "not decided yet"));
    o.outcome = IP_OUTCOME_GRANTED;
    th_ok(ip_application_decide(&rev, w.cu, pending, rev, IP_REQUEST_COORDINATOR, &o));
    snprintf(granted, sizeof granted, "%s", pending);
    f = refusal_complaint(&w, IP_GROUND_COORDINATOR_REFUSED, granted, "2026-03-01");
    th_expect(IP_ESTATE, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.application_id");
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "not refused"));
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint"), 2);
}
END_TEST

START_TEST(plan_grounds)
{
    world w;
    char youth_plan[40];
    ip_complaint_fields f;
    ip_complaint *c;
    const ip_complaint_ground grounds[] = {IP_GROUND_PLAN_CONTENT, IP_GROUND_PARTICIPATION,
                                           IP_GROUND_COOPERATION};
    char app[40];

    world_open(&w);
    plan_for(&w, w.youth, youth_plan);
    refused_application(&w, w.adult, w.adult, IP_REQUEST_PLAN, "2026-02-01", "2026-02-10",
                        IP_OUTCOME_FORM_DECISION, app);
    for (size_t i = 0; i < 3; i++) {
        f = plan_complaint(&w, "2026-02-20", NULL);
        f.ground = grounds[i];
        c = file(w.cu, &f);
        ck_assert_int_eq(ip_complaint_ground_of(c), grounds[i]);
        ck_assert_str_eq(ip_complaint_plan_id(c), w.plan);
        ck_assert_ptr_null(ip_complaint_application_id(c));
        ip_complaint_free(c);
        /* Without a plan; with an application besides; another's plan. */
        f.plan_id = NULL;
        th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
        th_field("complaint.plan_id");
        f.plan_id = w.plan;
        f.application_id = app;
        th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
        th_field("complaint.application_id");
        f.application_id = NULL;
        f.plan_id = youth_plan;
        th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
        th_field("complaint.plan_id");
        f.plan_id = NO_SUCH_ID;
        th_expect(IP_ENOTFOUND, ip_complaint_file(NULL, w.cu, &f));
        th_field("complaint.plan_id");
        f.plan_id = "not-an-id";
        th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
        th_field("complaint.plan_id");
    }
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint"), 3);
}
END_TEST

/* ------------------------------------------------------------------------
 * Standing */

typedef struct {
    const char *what;
    size_t person, filer; /* offsets into world */
    int code;
    const char *why;      /* part of the message when refused */
} standing_case;

#define W(member) offsetof(world, member)

START_TEST(standing)
{
    static const standing_case cases[] = {
        {"an adult for themselves", W(adult), W(adult), IP_OK, NULL},
        {"a guardian for an adult", W(adult), W(guardian), IP_OK, NULL},
        {"a stranger for an adult", W(adult), W(stranger), IP_EINVALID, "is neither"},
        {"a parent for a child of 10", W(child), W(mother), IP_OK, NULL},
        {"a child of 10 alone", W(child), W(child), IP_EINVALID, "under 12"},
        {"a child of 13 alone", W(teen), W(teen), IP_OK, NULL},
        {"a parent for a child of 13", W(teen), W(mother), IP_OK, NULL},
        {"a youth of 16 alone", W(youth), W(youth), IP_OK, NULL},
        {"a parent for a youth of 16", W(youth), W(mother), IP_EINVALID, "under 16 only"},
        {"a guardian for a youth of 16", W(youth), W(guardian), IP_OK, NULL},
        {"a guardian of another", W(child), W(guardian), IP_EINVALID, "is neither"},
    };
    world w;
    size_t ok = 0;

    world_open(&w);
    /* Each person gets a plan to complain about (the adult has one). */
    {
        char plan[40];
        const size_t others[] = {W(child), W(teen), W(youth)};

        for (size_t i = 0; i < 3; i++) {
            plan_for(&w, (char *)&w + others[i], plan);
        }
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const standing_case *sc = &cases[i];
        const char *person_id = (const char *)&w + sc->person;
        const char *filer = (const char *)&w + sc->filer;
        ip_complaint_fields f = IP_COMPLAINT_FIELDS_INIT;
        ip_plan *p = NULL;
        int rc;

        th_ok(ip_plan_find_open(&p, w.cu, person_id));
        f.person_id = person_id;
        f.filed_by_id = filer;
        f.ground = IP_GROUND_PARTICIPATION;
        f.plan_id = ip_plan_id(p);
        f.knew_on = "2026-02-20";
        rc = ip_complaint_file(NULL, w.cu, &f);
        ck_assert_msg(rc == sc->code, "%s: %d (%s)", sc->what, rc, ip_error_last()->message);
        if (rc) {
            th_field("complaint.filed_by_id");
            ck_assert_msg(strstr(ip_error_last()->message, sc->why) != NULL, "%s: %s",
                          sc->what, ip_error_last()->message);
            th_not_echoed(filer);
            th_not_echoed(person_id);
        } else {
            ok++;
        }
        ip_plan_free(p);
    }
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint"), (int)ok);
}
END_TEST

/* Standing is judged on the day received: a relation that had ended, or
 * had not begun, gives none; unknown persons are not found. */
START_TEST(standing_on_the_day)
{
    world w;
    char plan[40], ended[40], later[40];
    ip_complaint_fields f;
    ip_person_fields pf = IP_PERSON_FIELDS_INIT;
    ip_person *p = NULL;

    world_open(&w);
    plan_for(&w, w.child, plan);
    person(&w, "1986-03-03", "Tidligere", ended);
    person(&w, "1987-04-04", "Senere", later);
    relate(&w, w.child, ended, IP_RELATION_GUARDIAN, "2020-01-01", "2026-01-31");
    relate(&w, w.child, later, IP_RELATION_GUARDIAN, "2026-03-01", NULL);
    f = plan_complaint(&w, "2026-01-20", "2026-02-15");
    f.person_id = w.child;
    f.plan_id = plan;
    f.filed_by_id = ended;
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.filed_by_id");
    f.filed_by_id = later;
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.filed_by_id");
    /* Received while the first still held, and after the second began. */
    f.filed_by_id = ended;
    f.received_on = "2026-01-31";
    th_ok(ip_complaint_file(NULL, w.cu, &f));
    f.filed_by_id = later;
    f.received_on = "2026-03-01";
    th_ok(ip_complaint_file(NULL, w.cu, &f));

    f.filed_by_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.filed_by_id");
    f = plan_complaint(&w, "2026-02-20", NULL);
    f.person_id = NO_SUCH_ID;
    f.filed_by_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.person_id");

    /* A person without a birth date files for themselves. */
    pf.given_name = "Uten";
    pf.family_name = "Fødselsdato";
    th_ok(ip_person_create(&p, w.cu, &pf));
    plan_for(&w, ip_person_id(p), plan);
    f.person_id = f.filed_by_id = ip_person_id(p);
    f.plan_id = plan;
    th_ok(ip_complaint_file(NULL, w.cu, &f));
    ip_person_free(p);
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint"), 3);
}
END_TEST

/* ------------------------------------------------------------------------
 * Input */

START_TEST(bad_input)
{
    world w;
    ip_complaint_fields f, good;
    ip_complaint *c = (ip_complaint *)&w;

    world_open(&w);
    good = plan_complaint(&w, "2026-02-20", NULL);
    th_expect(IP_EINVALID, ip_complaint_file(&c, NULL, &good));
    ck_assert_ptr_null(c);
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, NULL));
    f = good;
    f.version = 2;
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.version");
    f = good;
    f.person_id = NULL;
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.person_id");
    f = good;
    f.filed_by_id = "12345678901";
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.filed_by_id");
    th_not_echoed("12345678901");
    f = good;
    f.knew_on = NULL;
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.knew_on");
    f.knew_on = "2026-02-30";
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.knew_on");
    f.knew_on = "2026-03-03";
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.knew_on");
    f = good;
    f.received_on = "2026-03-03";
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.received_on");
    f.received_on = "2026-02-19";
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.knew_on");
    f.received_on = "20260220";
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.received_on");
    f = good;
    f.note = "\xff\xfe";
    th_expect(IP_EINVALID, ip_complaint_file(NULL, w.cu, &f));
    th_field("complaint.note");

    /* Written and signed are recorded as given, not required. */
    f = good;
    f.is_written = 0;
    f.is_signed = 0;
    c = file(w.cu, &f);
    ck_assert_int_eq(ip_complaint_is_written(c), 0);
    ck_assert_int_eq(ip_complaint_is_signed(c), 0);
    ip_complaint_free(c);
    f.is_written = 7;
    f.is_signed = -1;
    c = file(w.cu, &f);
    ck_assert_int_eq(ip_complaint_is_written(c), 1);
    ck_assert_int_eq(ip_complaint_is_signed(c), 1);
    ip_complaint_free(c);
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint"), 2);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint WHERE written = 1 AND signed = 1"), 1);
}
END_TEST

/* ------------------------------------------------------------------------
 * The state machine */

START_TEST(transition_table)
{
    /* allowed[from][to], states 0..6 (0: none, before filing). */
    static const int allowed[7][7] = {
        /*            0  rec rev  rvs fwd dec clo */
        /* 0 */      {0, 0, 0, 0, 0, 0, 0},
        /* rec */    {0, 0, 1, 0, 0, 0, 0},
        /* review */ {0, 0, 0, 1, 1, 0, 0},
        /* rvs */    {0, 0, 0, 0, 0, 0, 1},
        /* fwd */    {0, 0, 0, 0, 0, 1, 0},
        /* dec */    {0, 0, 0, 0, 0, 0, 1},
        /* clo */    {0, 0, 0, 0, 0, 0, 0},
    };

    for (int from = 0; from < 7; from++) {
        for (int to = 0; to < 7; to++)
            ck_assert_msg(ip_complaint_transition_allowed((ip_complaint_status)from,
                                                          (ip_complaint_status)to) ==
                              allowed[from][to],
                          "%d -> %d", from, to);
    }
    ck_assert_int_eq(ip_complaint_transition_allowed((ip_complaint_status)-1,
                                                     IP_COMPLAINT_RECEIVED), 0);
    ck_assert_int_eq(ip_complaint_transition_allowed(IP_COMPLAINT_DECIDED,
                                                     (ip_complaint_status)99), 0);
}
END_TEST

enum { ST_RECEIVED, ST_REVIEW, ST_FORWARDED, ST_DECIDED, ST_CLOSED_DECIDED,
       ST_CLOSED_REVERSED, NSTATES };
enum { OP_REVIEW, OP_REVERSE, OP_FORWARD, OP_DECIDE, OP_CLOSE, NOPS };

static const char *const state_what[NSTATES] = {
    "received", "municipal review", "forwarded", "decided", "closed after a decision",
    "closed after reversal"};
static const char *const op_what[NOPS] = {"review", "reverse", "forward", "decide", "close"};

static int do_op(ip_session *s, int op, const char *id, int64_t rev, int64_t *out)
{
    switch (op) {
    case OP_REVIEW: return ip_complaint_review(out, s, id, rev, "til behandling");
    case OP_REVERSE: return ip_complaint_reverse(out, s, id, rev, "omgjort");
    case OP_FORWARD: return ip_complaint_forward(out, s, id, rev, "oversendt");
    case OP_DECIDE:
        return ip_complaint_decide(out, s, id, rev, IP_COMPLAINT_OUTCOME_UPHELD, NULL, "vedtak");
    default: return ip_complaint_close(out, s, id, rev, "avsluttet");
    }
}

/* Files a plan complaint and brings it to state; its id and revision. */
static void bring_to(world *w, int state, char id[40], int64_t *rev)
{
    static const int path[NSTATES][4] = {
        {-1},
        {OP_REVIEW, -1},
        {OP_REVIEW, OP_FORWARD, -1},
        {OP_REVIEW, OP_FORWARD, OP_DECIDE, -1},
        {OP_REVIEW, OP_FORWARD, OP_DECIDE, OP_CLOSE},
        {OP_REVIEW, OP_REVERSE, -1},
    };
    ip_complaint_fields f = plan_complaint(w, "2026-02-20", NULL);
    ip_complaint *c = file(w->cu, &f);

    snprintf(id, 40, "%s", ip_complaint_id(c));
    *rev = ip_complaint_revision(c);
    ip_complaint_free(c);
    for (int i = 0; i < 4 && path[state][i] >= 0; i++)
        th_ok(do_op(w->cu, path[state][i], id, *rev, rev));
}

/* Every move from every state a complaint can rest in: the allowed ones
 * succeed and land where they should; the forbidden ones are refused with
 * IP_ESTATE and change nothing. */
START_TEST(every_move_from_every_state)
{
    static const int allowed[NSTATES][NOPS] = {
        /*                 review reverse forward decide close */
        /* received */     {1, 0, 0, 0, 0},
        /* review */       {0, 1, 1, 0, 0},
        /* forwarded */    {0, 0, 0, 1, 0},
        /* decided */      {0, 0, 0, 0, 1},
        /* closed (dec) */ {0, 0, 0, 0, 0},
        /* closed (rev) */ {0, 0, 0, 0, 0},
    };
    static const ip_complaint_status lands[NOPS] = {
        IP_COMPLAINT_MUNICIPAL_REVIEW, IP_COMPLAINT_CLOSED, IP_COMPLAINT_FORWARDED,
        IP_COMPLAINT_DECIDED, IP_COMPLAINT_CLOSED};
    static const size_t new_steps[NOPS] = {1, 2, 1, 1, 1};
    world w;
    int allowed_count = 0, refused_count = 0;

    world_open(&w);
    for (int st = 0; st < NSTATES; st++) {
        for (int op = 0; op < NOPS; op++) {
            ip_complaint *before = NULL, *after = NULL;
            char id[40];
            int64_t rev, rev2 = -1;
            int rc;

            bring_to(&w, st, id, &rev);
            th_ok(ip_complaint_get(&before, w.cu, id));
            rc = do_op(w.cu, op, id, rev, &rev2);
            th_ok(ip_complaint_get(&after, w.cu, id));
            if (allowed[st][op]) {
                ck_assert_msg(rc == IP_OK, "%s from %s: %d (%s)", op_what[op], state_what[st],
                              rc, ip_error_last()->message);
                ck_assert_int_eq(rev2, rev + 1);
                ck_assert_int_eq(ip_complaint_status_of(after), lands[op]);
                ck_assert_uint_eq(ip_complaint_step_count(after),
                                  ip_complaint_step_count(before) + new_steps[op]);
                allowed_count++;
            } else {
                ck_assert_msg(rc == IP_ESTATE, "%s from %s: %d", op_what[op], state_what[st],
                              rc);
                th_field("complaint.status");
                ck_assert_int_eq(ip_complaint_revision(after), rev);
                ck_assert_int_eq(ip_complaint_status_of(after), ip_complaint_status_of(before));
                ck_assert_uint_eq(ip_complaint_step_count(after),
                                  ip_complaint_step_count(before));
                refused_count++;
            }
            ip_complaint_free(before);
            ip_complaint_free(after);
        }
    }
    ck_assert_int_eq(allowed_count, 5);
    ck_assert_int_eq(refused_count, NSTATES * NOPS - 5);
    world_close(&w);
}
END_TEST

/* The whole way through Statsforvalteren: every step records who, when,
 * from, to, the outcome and the note. */
START_TEST(steps_recorded)
{
    world w;
    ip_complaint_fields f;
    ip_complaint *c;
    ip_session *cw2;
    char id[40];
    int64_t rev;

    world_open(&w);
    cw2 = th_session(w.store, IP_ROLE_COORDINATING_UNIT, "case-worker-2", w.cu_unit);
    f = plan_complaint(&w, "2026-02-10", "2026-02-20");
    f.note = "Klagen gjelder manglende tiltak";
    c = file(w.cu, &f);
    snprintf(id, sizeof id, "%s", ip_complaint_id(c));
    rev = ip_complaint_revision(c);
    ck_assert_int_eq(rev, 1);
    ck_assert_uint_eq(ip_complaint_step_count(c), 1);
    ck_assert_int_eq(ip_complaint_step_from(c, 0), 0);
    ck_assert_int_eq(ip_complaint_step_to(c, 0), IP_COMPLAINT_RECEIVED);
    ck_assert_str_eq(ip_complaint_step_on(c, 0), "2026-02-20");
    ck_assert_str_eq(ip_complaint_step_actor_id(c, 0), "case-worker-1");
    ck_assert_ptr_null(ip_complaint_step_note(c, 0));
    ck_assert_str_eq(ip_complaint_note(c), "Klagen gjelder manglende tiltak");
    ck_assert_str_eq(ip_complaint_filed_by_id(c), w.adult);
    ck_assert_str_eq(ip_complaint_person_id(c), w.adult);
    ip_complaint_free(c);

    th_ok(ip_complaint_review(&rev, w.cu, id, rev, "Tatt til behandling"));
    set_today("2026-03-05");
    th_ok(ip_complaint_forward(&rev, cw2, id, rev, "Kommunen opprettholder"));
    set_today("2026-04-20");
    th_ok(ip_complaint_decide(&rev, w.cu, id, rev, IP_COMPLAINT_OUTCOME_PARTLY_UPHELD,
                              "2026-04-15", "Delvis medhold"));
    th_ok(ip_complaint_close(&rev, cw2, id, rev, NULL));
    ck_assert_int_eq(rev, 5);

    th_ok(ip_complaint_get(&c, w.cu, id));
    ck_assert_int_eq(ip_complaint_status_of(c), IP_COMPLAINT_CLOSED);
    ck_assert_int_eq(ip_complaint_outcome_of(c), IP_COMPLAINT_OUTCOME_PARTLY_UPHELD);
    ck_assert_int_eq(ip_complaint_is_reversed(c), 0);
    ck_assert_str_eq(ip_complaint_forwarded_on(c), "2026-03-05");
    ck_assert_str_eq(ip_complaint_decided_on(c), "2026-04-15");
    ck_assert_str_eq(ip_complaint_closed_on(c), "2026-04-20");
    ck_assert_uint_eq(ip_complaint_step_count(c), 5);
    {
        static const struct {
            int from, to, outcome;
            const char *on, *actor, *note;
        } want[] = {
            {0, IP_COMPLAINT_RECEIVED, 0, "2026-02-20", "case-worker-1", NULL},
            {IP_COMPLAINT_RECEIVED, IP_COMPLAINT_MUNICIPAL_REVIEW, 0, "2026-03-02",
             "case-worker-1", "Tatt til behandling"},
            {IP_COMPLAINT_MUNICIPAL_REVIEW, IP_COMPLAINT_FORWARDED, 0, "2026-03-05",
             "case-worker-2", "Kommunen opprettholder"},
            {IP_COMPLAINT_FORWARDED, IP_COMPLAINT_DECIDED, IP_COMPLAINT_OUTCOME_PARTLY_UPHELD,
             "2026-04-15", "case-worker-1", "Delvis medhold"},
            {IP_COMPLAINT_DECIDED, IP_COMPLAINT_CLOSED, 0, "2026-04-20", "case-worker-2", NULL},
        };

        for (size_t i = 0; i < 5; i++) {
            ck_assert_int_eq(ip_complaint_step_from(c, i), want[i].from);
            ck_assert_int_eq(ip_complaint_step_to(c, i), want[i].to);
            ck_assert_int_eq(ip_complaint_step_outcome(c, i), want[i].outcome);
            ck_assert_str_eq(ip_complaint_step_on(c, i), want[i].on);
            ck_assert_str_eq(ip_complaint_step_actor_id(c, i), want[i].actor);
            if (want[i].note)
                ck_assert_str_eq(ip_complaint_step_note(c, i), want[i].note);
            else
                ck_assert_ptr_null(ip_complaint_step_note(c, i));
            ck_assert_ptr_nonnull(ip_complaint_step_created_at(c, i));
        }
    }
    /* Out of range. */
    ck_assert_int_eq(ip_complaint_step_to(c, 5), 0);
    ck_assert_ptr_null(ip_complaint_step_on(c, 5));
    ck_assert_ptr_null(ip_complaint_step_actor_id(NULL, 0));
    ck_assert_uint_eq(ip_complaint_step_count(NULL), 0);
    ip_complaint_free(c);
    ip_session_free(cw2);
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint_step"), 5);
}
END_TEST

/* ------------------------------------------------------------------------
 * Reversal, forwarding, decisions */

START_TEST(reversal_grants_the_refused_request)
{
    world w;
    char app[40], id[40], id2[40];
    ip_complaint_fields f;
    ip_complaint *c;
    ip_application *a = NULL;
    int64_t rev, rev2, app_rev;

    world_open(&w);
    refused_application(&w, w.adult, w.adult, IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR,
                        "2026-02-01", "2026-02-10", IP_OUTCOME_FORM_INDIVIDUAL_DECISION, app);
    th_ok(ip_application_get(&a, w.cu, app));
    app_rev = ip_application_revision(a);
    ip_application_free(a);
    f = refusal_complaint(&w, IP_GROUND_COORDINATOR_REFUSED, app, "2026-02-12");
    c = file(w.cu, &f);
    snprintf(id, sizeof id, "%s", ip_complaint_id(c));
    rev = ip_complaint_revision(c);
    ip_complaint_free(c);
    /* A second complaint about the same refusal. */
    c = file(w.cu, &f);
    snprintf(id2, sizeof id2, "%s", ip_complaint_id(c));
    rev2 = ip_complaint_revision(c);
    ip_complaint_free(c);

    th_ok(ip_complaint_review(&rev, w.cu, id, rev, NULL));
    th_ok(ip_complaint_reverse(&rev, w.cu, id, rev, "Vilkårene er likevel oppfylt"));
    th_ok(ip_complaint_get(&c, w.cu, id));
    ck_assert_int_eq(ip_complaint_status_of(c), IP_COMPLAINT_CLOSED);
    ck_assert_int_eq(ip_complaint_is_reversed(c), 1);
    ck_assert_int_eq(ip_complaint_outcome_of(c), IP_COMPLAINT_OUTCOME_NONE);
    ck_assert_str_eq(ip_complaint_closed_on(c), TH_TODAY);
    ck_assert_ptr_null(ip_complaint_forwarded_on(c));
    ck_assert_uint_eq(ip_complaint_step_count(c), 4);
    ck_assert_int_eq(ip_complaint_step_to(c, 2), IP_COMPLAINT_REVERSED);
    ck_assert_str_eq(ip_complaint_step_note(c, 2), "Vilkårene er likevel oppfylt");
    ck_assert_int_eq(ip_complaint_step_from(c, 3), IP_COMPLAINT_REVERSED);
    ck_assert_int_eq(ip_complaint_step_to(c, 3), IP_COMPLAINT_CLOSED);
    ip_complaint_free(c);

    /* The refused coordinator request is granted; the plan request stays
     * refused; the application's revision moved. */
    th_ok(ip_application_get(&a, w.cu, app));
    ck_assert_int_eq(ip_application_outcome(a, IP_REQUEST_COORDINATOR), IP_OUTCOME_GRANTED);
    ck_assert_int_eq(ip_application_outcome_form(a, IP_REQUEST_COORDINATOR),
                     IP_OUTCOME_FORM_INDIVIDUAL_DECISION);
    ck_assert_str_eq(ip_application_outcome_reason(a, IP_REQUEST_COORDINATOR),
                     "omgjort etter klage");
    ck_assert_str_eq(ip_application_decided_on(a, IP_REQUEST_COORDINATOR), TH_TODAY);
    ck_assert_str_eq(ip_application_decided_by(a, IP_REQUEST_COORDINATOR), "case-worker-1");
    ck_assert_int_eq(ip_application_outcome(a, IP_REQUEST_PLAN), IP_OUTCOME_REFUSED);
    ck_assert_int_eq(ip_application_revision(a), app_rev + 1);
    ip_application_free(a);

    /* The second complaint finds nothing left to reverse; it may still go
     * to Statsforvalteren. */
    th_ok(ip_complaint_review(&rev2, w.cu, id2, rev2, NULL));
    th_expect(IP_ESTATE, ip_complaint_reverse(NULL, w.cu, id2, rev2, NULL));
    th_field("complaint.application_id");
    th_ok(ip_complaint_forward(&rev2, w.cu, id2, rev2, NULL));
    world_close(&w);

    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE object_kind = 'application'"
                           " AND action = 'update' AND rule = 'complaint.reversed'"
                           " AND outcome = 'allowed'"),
                     1);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM application_request WHERE outcome = 1"), 1);
    /* Reversal is not forwarding: one outbox event, the second complaint's. */
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event WHERE kind = 5"), 1);
}
END_TEST

/* Reversing a complaint about the plan closes it and changes no
 * application. */
START_TEST(reversal_of_a_plan_complaint)
{
    world w;
    char id[40];
    int64_t rev;

    world_open(&w);
    bring_to(&w, ST_REVIEW, id, &rev);
    th_ok(ip_complaint_reverse(&rev, w.cu, id, rev, "Planen rettes"));
    world_close(&w);
    ck_assert_int_eq(count("SELECT status FROM complaint"), IP_COMPLAINT_CLOSED);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE object_kind = 'application'"
                           " AND action = 'update'"),
                     0);
}
END_TEST

START_TEST(forward_appends_outbox_event)
{
    world w;
    char id[40];
    int64_t rev;
    ip_outbox_iterator *it = NULL;
    ip_outbox_event *e = NULL;

    world_open(&w);
    bring_to(&w, ST_REVIEW, id, &rev);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event"), 0);
    th_ok(ip_complaint_forward(&rev, w.cu, id, rev, NULL));
    th_ok(ip_outbox_iterator_new(&it, w.cu, 1));
    th_ok(ip_outbox_next(&e, it));
    ck_assert_int_eq(ip_outbox_event_kind_of(e), IP_OUTBOX_COMPLAINT_FORWARDED);
    ck_assert_str_eq(ip_outbox_event_person_id(e), w.adult);
    ck_assert_str_eq(ip_outbox_event_object_kind(e), "complaint");
    ck_assert_str_eq(ip_outbox_event_object_id(e), id);
    ip_outbox_event_free(e);
    th_expect(IP_ITEROVER, ip_outbox_next(&e, it));
    ip_outbox_iterator_free(it);
    /* Deciding and closing append nothing more. */
    th_ok(ip_complaint_decide(&rev, w.cu, id, rev, IP_COMPLAINT_OUTCOME_NOT_UPHELD, NULL, NULL));
    th_ok(ip_complaint_close(&rev, w.cu, id, rev, NULL));
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM outbox_event"), 1);
}
END_TEST

START_TEST(decide_outcomes)
{
    static const ip_complaint_outcome outcomes[] = {
        IP_COMPLAINT_OUTCOME_DISMISSED, IP_COMPLAINT_OUTCOME_UPHELD,
        IP_COMPLAINT_OUTCOME_PARTLY_UPHELD, IP_COMPLAINT_OUTCOME_NOT_UPHELD,
        IP_COMPLAINT_OUTCOME_SET_ASIDE};
    world w;

    world_open(&w);
    for (size_t i = 0; i < 5; i++) {
        ip_complaint *c = NULL;
        char id[40];
        int64_t rev;

        bring_to(&w, ST_FORWARDED, id, &rev);
        th_ok(ip_complaint_decide(&rev, w.cu, id, rev, outcomes[i], NULL, NULL));
        th_ok(ip_complaint_get(&c, w.cu, id));
        ck_assert_int_eq(ip_complaint_status_of(c), IP_COMPLAINT_DECIDED);
        ck_assert_int_eq(ip_complaint_outcome_of(c), outcomes[i]);
        ck_assert_str_eq(ip_complaint_decided_on(c), TH_TODAY);
        ck_assert_int_eq(ip_complaint_step_outcome(c, 3), outcomes[i]);
        ip_complaint_free(c);
    }
    {
        char id[40];
        int64_t rev;

        bring_to(&w, ST_FORWARDED, id, &rev);
        th_expect(IP_EINVALID, ip_complaint_decide(NULL, w.cu, id, rev,
                                                   IP_COMPLAINT_OUTCOME_NONE, NULL, NULL));
        th_field("complaint.outcome");
        th_expect(IP_EINVALID, ip_complaint_decide(NULL, w.cu, id, rev,
                                                   (ip_complaint_outcome)6, NULL, NULL));
        th_field("complaint.outcome");
        th_expect(IP_EINVALID, ip_complaint_decide(NULL, w.cu, id, rev,
                                                   IP_COMPLAINT_OUTCOME_UPHELD, "2026-03-03",
                                                   NULL));
        th_field("complaint.decided_on");
        th_expect(IP_EINVALID, ip_complaint_decide(NULL, w.cu, id, rev,
                                                   IP_COMPLAINT_OUTCOME_UPHELD, "2026-02-31",
                                                   NULL));
        th_field("complaint.decided_on");
        /* Forwarded today: a decision yesterday is out of order. */
        th_expect(IP_EINVALID, ip_complaint_decide(NULL, w.cu, id, rev,
                                                   IP_COMPLAINT_OUTCOME_UPHELD, "2026-03-01",
                                                   NULL));
        th_field("complaint.decided_on");
        th_ok(ip_complaint_decide(NULL, w.cu, id, rev, IP_COMPLAINT_OUTCOME_UPHELD,
                                  "2026-03-02", NULL));
    }
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint WHERE status = 5"), 6);
}
END_TEST

/* A stale revision is refused before any rule looks at the complaint. */
START_TEST(stale_revision)
{
    world w;
    char id[40];
    int64_t rev;

    world_open(&w);
    for (int op = 0; op < NOPS; op++) {
        bring_to(&w, ST_RECEIVED, id, &rev);
        th_expect(IP_ECONFLICT, do_op(w.cu, op, id, rev + 1, NULL));
        th_field("complaint.revision");
        th_expect(IP_ECONFLICT, do_op(w.cu, op, id, rev - 1, NULL));
    }
    bring_to(&w, ST_REVIEW, id, &rev);
    th_expect(IP_ECONFLICT, ip_complaint_forward(NULL, w.cu, id, 1, NULL));
    th_ok(ip_complaint_forward(NULL, w.cu, id, rev, NULL));
    th_expect(IP_ENOTFOUND, ip_complaint_review(NULL, w.cu, NO_SUCH_ID, 1, NULL));
    th_field("complaint.id");
    th_expect(IP_EINVALID, ip_complaint_review(NULL, w.cu, "nope", 1, NULL));
    th_field("complaint.id");
    th_expect(IP_EINVALID, ip_complaint_review(NULL, NULL, id, 1, NULL));
    th_expect(IP_EINVALID, ip_complaint_review(NULL, w.cu, id, 1, "\x01\x02"));
    th_field("note");
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint_step"), NOPS + 3);
}
END_TEST

/* ------------------------------------------------------------------------
 * Access */

START_TEST(access)
{
    world w;
    ip_session *adult, *stranger, *mother, *provider, *analyst, *admin, *coordinator;
    ip_complaint_fields f;
    ip_complaint *c = NULL;
    char unit[40], practitioner[40], id[40], child_id[40], child_plan[40];
    int64_t rev;

    world_open(&w);
    plan_for(&w, w.child, child_plan);
    snprintf(unit, sizeof unit, "%s",
             th_unit(w.store, "Legetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    {
        ip_session *a = th_admin(w.store);
        ip_practitioner_fields pf = IP_PRACTITIONER_FIELDS_INIT;
        ip_practitioner *p = NULL;

        pf.unit_id = unit;
        pf.given_name = "Kari";
        pf.family_name = "Koordinator";
        th_ok(ip_practitioner_create(&p, a, &pf));
        snprintf(practitioner, sizeof practitioner, "%s", ip_practitioner_id(p));
        ip_practitioner_free(p);
        ip_session_free(a);
    }
    adult = th_session(w.store, IP_ROLE_PERSON, w.adult, NULL);
    stranger = th_session(w.store, IP_ROLE_PERSON, w.stranger, NULL);
    mother = th_session(w.store, IP_ROLE_REPRESENTATIVE, w.mother, NULL);
    provider = th_session(w.store, IP_ROLE_PROVIDER, "provider-1", unit);
    analyst = th_session(w.store, IP_ROLE_ANALYST, "analyst-1", NULL);
    admin = th_admin(w.store);
    coordinator = th_session(w.store, IP_ROLE_COORDINATOR, practitioner, unit);

    /* The person files their own, in their own name. */
    f = plan_complaint(&w, "2026-02-20", NULL);
    th_ok(ip_complaint_file(&c, adult, &f));
    snprintf(id, sizeof id, "%s", ip_complaint_id(c));
    rev = ip_complaint_revision(c);
    ck_assert_str_eq(ip_complaint_step_actor_id(c, 0), w.adult);
    ip_complaint_free(c);
    f.filed_by_id = w.guardian;
    th_expect(IP_EINVALID, ip_complaint_file(NULL, adult, &f));
    th_field("complaint.filed_by_id");
    /* Another person files about the adult: denied. */
    f = plan_complaint(&w, "2026-02-20", NULL);
    f.filed_by_id = w.stranger;
    th_expect(IP_EDENIED, ip_complaint_file(NULL, stranger, &f));
    /* The mother files for her child. */
    f = plan_complaint(&w, "2026-02-20", NULL);
    f.person_id = w.child;
    f.filed_by_id = w.mother;
    f.plan_id = child_plan;
    th_ok(ip_complaint_file(&c, mother, &f));
    snprintf(child_id, sizeof child_id, "%s", ip_complaint_id(c));
    ip_complaint_free(c);
    /* Nobody else files. */
    f = plan_complaint(&w, "2026-02-20", NULL);
    th_expect(IP_EDENIED, ip_complaint_file(NULL, provider, &f));
    th_expect(IP_EDENIED, ip_complaint_file(NULL, analyst, &f));
    th_expect(IP_EDENIED, ip_complaint_file(NULL, admin, &f));
    th_expect(IP_EDENIED, ip_complaint_file(NULL, coordinator, &f));

    /* Reading: the person and representative their own. */
    th_ok(ip_complaint_get(&c, adult, id));
    ip_complaint_free(c);
    th_ok(ip_complaint_get(&c, mother, child_id));
    ip_complaint_free(c);
    th_expect(IP_EDENIED, ip_complaint_get(&c, mother, id));
    ck_assert_ptr_null(c);
    th_expect(IP_EDENIED, ip_complaint_get(&c, stranger, id));
    th_expect(IP_EDENIED, ip_complaint_get(&c, provider, id));
    th_expect(IP_EDENIED, ip_complaint_get(&c, analyst, id));
    th_expect(IP_EDENIED, ip_complaint_get(&c, admin, id));
    /* A coordinator who coordinates no plan of the person. */
    th_expect(IP_EDENIED, ip_complaint_get(&c, coordinator, id));

    /* Moving on is the coordinating unit's. */
    th_expect(IP_EDENIED, ip_complaint_review(NULL, adult, id, rev, NULL));
    th_expect(IP_EDENIED, ip_complaint_review(NULL, mother, child_id, 1, NULL));
    th_expect(IP_EDENIED, ip_complaint_review(NULL, provider, id, rev, NULL));
    th_expect(IP_EDENIED, ip_complaint_review(NULL, coordinator, id, rev, NULL));
    th_expect(IP_EDENIED, ip_complaint_review(NULL, admin, id, rev, NULL));
    th_ok(ip_complaint_review(NULL, w.cu, id, rev, NULL));

    ip_session_free(adult);
    ip_session_free(stranger);
    ip_session_free(mother);
    ip_session_free(provider);
    ip_session_free(analyst);
    ip_session_free(admin);
    ip_session_free(coordinator);
    world_close(&w);
    ck_assert_int_eq(count("SELECT COUNT(*) FROM complaint"), 2);
    /* Each denial is audited. */
    ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_event WHERE object_kind = 'complaint'"
                           " AND outcome = 'denied'"),
                     5 + 6 + 5);
}
END_TEST

/* ------------------------------------------------------------------------
 * Lists */

/* Collects the ids an iterator yields, checking each has its steps. */
static size_t list(ip_session *s, const char *person_id, int open_only, char ids[][40],
                   size_t max, int expect)
{
    ip_complaint_query q = IP_COMPLAINT_QUERY_INIT;
    ip_complaint_iterator *it = NULL;
    ip_complaint *c = NULL;
    size_t n = 0;
    int rc;

    q.person_id = person_id;
    q.open_only = open_only;
    rc = ip_complaint_iterator_new(&it, s, &q);
    ck_assert_msg(rc == expect, "iterator: %d (%s)", rc, ip_error_last()->message);
    if (rc)
        return 0;
    while ((rc = ip_complaint_next(&c, it)) == IP_OK) {
        ck_assert_uint_lt(n, max);
        ck_assert_uint_ge(ip_complaint_step_count(c), 1);
        ck_assert_int_eq(ip_complaint_step_to(c, ip_complaint_step_count(c) - 1),
                         ip_complaint_status_of(c));
        for (size_t i = 0; i < ip_complaint_step_count(c); i++)
            ck_assert_int_eq(ip_complaint_step_to(c, i) == IP_COMPLAINT_RECEIVED, i == 0);
        snprintf(ids[n++], 40, "%s", ip_complaint_id(c));
        ip_complaint_free(c);
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ip_complaint_iterator_free(it);
    return n;
}

START_TEST(lists)
{
    world w;
    char ids[8][40], closed[40], open_id[40], child_id[40], child_plan[40];
    ip_complaint_fields f;
    ip_complaint *c;
    ip_session *adult, *mother;
    int64_t rev;

    world_open(&w);
    plan_for(&w, w.child, child_plan);
    bring_to(&w, ST_CLOSED_DECIDED, closed, &rev);
    bring_to(&w, ST_FORWARDED, open_id, &rev);
    f = plan_complaint(&w, "2026-01-01", "2026-01-05");
    f.person_id = w.child;
    f.filed_by_id = w.mother;
    f.plan_id = child_plan;
    c = file(w.cu, &f);
    snprintf(child_id, sizeof child_id, "%s", ip_complaint_id(c));
    ip_complaint_free(c);

    /* All, oldest received first: the child's (5 January), then the two
     * received today in the order filed. */
    ck_assert_uint_eq(list(w.cu, NULL, 0, ids, 8, IP_OK), 3);
    ck_assert_str_eq(ids[0], child_id);
    ck_assert_str_eq(ids[1], closed);
    ck_assert_str_eq(ids[2], open_id);
    ck_assert_uint_eq(list(w.cu, NULL, 1, ids, 8, IP_OK), 2);
    ck_assert_str_eq(ids[0], child_id);
    ck_assert_str_eq(ids[1], open_id);
    ck_assert_uint_eq(list(w.cu, w.adult, 0, ids, 8, IP_OK), 2);
    ck_assert_uint_eq(list(w.cu, w.adult, 1, ids, 8, IP_OK), 1);
    ck_assert_str_eq(ids[0], open_id);
    ck_assert_uint_eq(list(w.cu, w.stranger, 0, ids, 8, IP_OK), 0);

    /* The person lists their own, never all; the mother her child's. */
    adult = th_session(w.store, IP_ROLE_PERSON, w.adult, NULL);
    mother = th_session(w.store, IP_ROLE_REPRESENTATIVE, w.mother, NULL);
    ck_assert_uint_eq(list(adult, w.adult, 0, ids, 8, IP_OK), 2);
    list(adult, NULL, 0, ids, 8, IP_EDENIED);
    list(adult, w.child, 0, ids, 8, IP_EDENIED);
    ck_assert_uint_eq(list(mother, w.child, 0, ids, 8, IP_OK), 1);
    list(mother, w.adult, 0, ids, 8, IP_EDENIED);
    ip_session_free(adult);
    ip_session_free(mother);

    {
        ip_complaint_iterator *it = (ip_complaint_iterator *)&w;
        ip_complaint_query q = IP_COMPLAINT_QUERY_INIT;

        th_expect(IP_EINVALID, ip_complaint_iterator_new(NULL, w.cu, NULL));
        th_expect(IP_EINVALID, ip_complaint_iterator_new(&it, NULL, NULL));
        ck_assert_ptr_null(it);
        q.version = 9;
        th_expect(IP_EINVALID, ip_complaint_iterator_new(&it, w.cu, &q));
        q = (ip_complaint_query)IP_COMPLAINT_QUERY_INIT;
        q.person_id = "x";
        th_expect(IP_EINVALID, ip_complaint_iterator_new(&it, w.cu, &q));
        th_field("query.person_id");
        /* NULL query: every complaint. */
        th_ok(ip_complaint_iterator_new(&it, w.cu, NULL));
        th_ok(ip_complaint_next(&c, it));
        ip_complaint_free(c);
        ip_complaint_iterator_free(it);
        ip_complaint_iterator_free(NULL);
        th_expect(IP_EINVALID, ip_complaint_next(&c, NULL));
    }
    world_close(&w);
    /* Each complaint listed is an audited read of its own. */
    ck_assert_int_gt(count("SELECT COUNT(*) FROM audit_event WHERE object_kind = 'complaint'"
                           " AND action = 'read' AND object_id IS NOT NULL"),
                     0);
}
END_TEST

/* ------------------------------------------------------------------------
 * Refused input leaves the store as it was */

START_TEST(refused_leaves_store_unchanged)
{
    world w;
    ip_session *cu;
    th_snapshot *snap;
    ip_complaint_fields f;
    char id[40], closed[40], app[40], pending[40], adult[40], plan[40], cu_unit[40];
    int64_t rev, closed_rev;

    world_open(&w);
    refused_application(&w, w.adult, w.adult, IP_REQUEST_PLAN, "2026-02-01", "2026-02-10",
                        IP_OUTCOME_FORM_DECISION, app);
    {
        ip_application_fields af = IP_APPLICATION_FIELDS_INIT;
        ip_application *a = NULL;

        af.person_id = w.adult;
        af.requests = IP_REQUEST_COORDINATOR;
        af.received_on = "2026-02-01";
        af.signed_by_id = w.adult;
        th_ok(ip_application_create(&a, w.cu, &af));
        snprintf(pending, sizeof pending, "%s", ip_application_id(a));
        ip_application_free(a);
    }
    bring_to(&w, ST_RECEIVED, id, &rev);
    bring_to(&w, ST_CLOSED_DECIDED, closed, &closed_rev);
    snprintf(adult, sizeof adult, "%s", w.adult);
    snprintf(plan, sizeof plan, "%s", w.plan);
    snprintf(cu_unit, sizeof cu_unit, "%s", w.cu_unit);
    world_close(&w);
    snap = th_snapshot_take(th_path("store.db"));

    w.store = th_store();
    cu = th_session(w.store, IP_ROLE_COORDINATING_UNIT, "case-worker-1", cu_unit);
    f = plan_complaint(&w, "2026-02-20", NULL);
    /* The choice of coordinator; a bad date; no standing; a request not
     * refused; a plan that does not exist. */
    f.ground = IP_GROUND_COORDINATOR_CHOICE;
    th_expect(IP_EINVALID, ip_complaint_file(NULL, cu, &f));
    f = plan_complaint(&w, "2026-02-30", NULL);
    th_expect(IP_EINVALID, ip_complaint_file(NULL, cu, &f));
    f = plan_complaint(&w, "2026-02-20", NULL);
    f.filed_by_id = w.stranger;
    th_expect(IP_EINVALID, ip_complaint_file(NULL, cu, &f));
    f = refusal_complaint(&w, IP_GROUND_COORDINATOR_REFUSED, pending, "2026-02-20");
    th_expect(IP_ESTATE, ip_complaint_file(NULL, cu, &f));
    f = refusal_complaint(&w, IP_GROUND_PLAN_REFUSED, app, "2026-02-01");
    th_expect(IP_EINVALID, ip_complaint_file(NULL, cu, &f));
    f = plan_complaint(&w, "2026-02-20", NULL);
    f.plan_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_complaint_file(NULL, cu, &f));
    /* Forbidden moves, a stale revision, a bad outcome, an unknown id. */
    th_expect(IP_ESTATE, ip_complaint_forward(NULL, cu, id, rev, NULL));
    th_expect(IP_ESTATE, ip_complaint_close(NULL, cu, id, rev, NULL));
    th_expect(IP_ESTATE, ip_complaint_review(NULL, cu, closed, closed_rev, NULL));
    th_expect(IP_ECONFLICT, ip_complaint_review(NULL, cu, id, rev + 1, NULL));
    th_expect(IP_EINVALID, ip_complaint_decide(NULL, cu, id, rev, (ip_complaint_outcome)0,
                                               NULL, NULL));
    th_expect(IP_ENOTFOUND, ip_complaint_review(NULL, cu, NO_SUCH_ID, 1, NULL));
    ip_session_free(cu);
    th_close(w.store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

START_TEST(names)
{
    ip_complaint_ground g;
    ip_complaint_status st;
    ip_complaint_outcome o;
    static const char *const grounds[] = {NULL, "plan_refused", "coordinator_refused",
                                          "child_coordinator_refused", "plan_content",
                                          "participation", "cooperation",
                                          "coordinator_choice"};
    static const char *const statuses[] = {NULL, "received", "municipal_review", "reversed",
                                           "forwarded", "decided", "closed"};
    static const char *const outcomes[] = {"none", "dismissed", "upheld", "partly_upheld",
                                           "not_upheld", "set_aside"};

    for (int i = 1; i <= 7; i++) {
        ck_assert_str_eq(ip_complaint_ground_name((ip_complaint_ground)i), grounds[i]);
        th_ok(ip_complaint_ground_from_name(&g, grounds[i]));
        ck_assert_int_eq(g, i);
    }
    for (int i = 1; i <= 6; i++) {
        ck_assert_str_eq(ip_complaint_status_name((ip_complaint_status)i), statuses[i]);
        th_ok(ip_complaint_status_from_name(&st, statuses[i]));
        ck_assert_int_eq(st, i);
    }
    for (int i = 0; i <= 5; i++) {
        ck_assert_str_eq(ip_complaint_outcome_name((ip_complaint_outcome)i), outcomes[i]);
        th_ok(ip_complaint_outcome_from_name(&o, outcomes[i]));
        ck_assert_int_eq(o, i);
    }
    ck_assert_ptr_null(ip_complaint_ground_name((ip_complaint_ground)0));
    ck_assert_ptr_null(ip_complaint_status_name((ip_complaint_status)7));
    ck_assert_ptr_null(ip_complaint_outcome_name((ip_complaint_outcome)6));
    th_expect(IP_EINVALID, ip_complaint_ground_from_name(&g, "klage"));
    th_field("complaint.ground");
    th_expect(IP_EINVALID, ip_complaint_status_from_name(&st, NULL));
    th_expect(IP_EINVALID, ip_complaint_outcome_from_name(NULL, "upheld"));
    /* Getters of NULL. */
    ck_assert_ptr_null(ip_complaint_id(NULL));
    ck_assert_int_eq(ip_complaint_is_late(NULL), 0);
    ck_assert_int_eq(ip_complaint_is_reversed(NULL), 0);
    ck_assert_ptr_null(ip_complaint_decided_on(NULL));
    ip_complaint_free(NULL);
    {
        ip_complaint_fields f;
        ip_complaint_query q;

        th_ok(ip_complaint_fields_init(&f, IP_COMPLAINT_FIELDS_VERSION));
        ck_assert_uint_eq(f.version, IP_COMPLAINT_FIELDS_VERSION);
        ck_assert_ptr_null(f.person_id);
        th_expect(IP_EINVALID, ip_complaint_fields_init(&f, 2));
        th_ok(ip_complaint_query_init(&q, IP_COMPLAINT_QUERY_VERSION));
        ck_assert_int_eq(q.open_only, 0);
    }
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("complaint");
    TCase *tc = tcase_create("complaint");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, deadline_month_ends);
    tcase_add_test(tc, deadline_leap_days);
    tcase_add_test(tc, deadline_across_daylight_saving);
    tcase_add_test(tc, deadline_from_setting);
    tcase_add_test(tc, late_complaint);
    tcase_add_test(tc, coordinator_choice_refused);
    tcase_add_test(tc, refused_request_grounds);
    tcase_add_test(tc, plan_grounds);
    tcase_add_test(tc, standing);
    tcase_add_test(tc, standing_on_the_day);
    tcase_add_test(tc, bad_input);
    tcase_add_test(tc, transition_table);
    tcase_add_test(tc, every_move_from_every_state);
    tcase_add_test(tc, steps_recorded);
    tcase_add_test(tc, reversal_grants_the_refused_request);
    tcase_add_test(tc, reversal_of_a_plan_complaint);
    tcase_add_test(tc, forward_appends_outbox_event);
    tcase_add_test(tc, decide_outcomes);
    tcase_add_test(tc, stale_revision);
    tcase_add_test(tc, access);
    tcase_add_test(tc, lists);
    tcase_add_test(tc, refused_leaves_store_unchanged);
    tcase_add_test(tc, names);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
