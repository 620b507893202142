/*
 * The due list: each kind of item appearing and disappearing as the
 * records change, the settings moving the thresholds, the order (most
 * urgent first), the limit, the unit and coordinator filters, who may read
 * it and what is audited, refused queries, an index behind every query,
 * and the derived tables filled when an older store is upgraded.
 *
 * Coordinator assignments and complaints are written with raw SQL into
 * the store file: the due list reads their tables, whatever module writes
 * them.
 */
#include "harness.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "store/due_queries.h"
#include "store/migrate.h"

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"
#define INSTANT "2026-03-02T10:00:00.000Z"

/* 2026-03-02 plus days, at 10:00 UTC, as the test clock's value. */
#define DAY_MS INT64_C(86400000)

typedef struct {
    ip_store *store;
    ip_session *cu;
    ip_session *coord;        /* prac's: plan content is the coordinator's */
    char unit[40], unit2[40]; /* provider units */
    char prac[40], prac2[40]; /* a practitioner in each */
} world;

typedef struct {
    char person[40], plan[40], part[40]; /* part: the person as participant */
} case_ids;

/* Runs SQL straight on the store file (the library's connection is idle
 * between calls; the store is in WAL mode). */
static void raw(const char *fmt, ...)
{
    char sql[2048];
    sqlite3 *db = NULL;
    char *err = NULL;
    va_list ap;
    int rc;

    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    ck_assert_int_eq(sqlite3_open(th_path("store.db"), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    rc = sqlite3_exec(db, sql, NULL, NULL, &err);
    ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
}

static void world_open(world *w)
{
    memset(w, 0, sizeof *w);
    w->store = th_store();
    w->cu = th_cu_session(w->store);
    th_copy_id(w->unit, th_unit(w->store, "NAV Sentrum", IP_SECTOR_NAV, 0));
    th_copy_id(w->unit2, th_unit(w->store, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    th_practitioner(w->store, w->unit, "Ola", "Nordmann", w->prac);
    th_practitioner(w->store, w->unit2, "Ola", "Nordmann", w->prac2);
    w->coord = th_session(w->store, IP_ROLE_COORDINATOR, w->prac, w->unit);
}

static void world_close(world *w)
{
    ip_session_free(w->coord);
    th_close(w->store);
}

/* An adult person, who consents for themselves. */
static void adult(world *w, const char *birth, char out[40])
{
    ip_person *p = th_person(w->cu, birth, "Kari");

    th_copy_id(out, ip_person_id(p));
    ip_person_free(p);
}

/* A consent of kind about person_id, given by the person, valid from
 * 2026-01-01 to valid_to (NULL: open-ended); a sharing consent goes to
 * unit. */
static void consent(world *w, const char *person_id, ip_consent_kind kind,
                    const char *valid_to, const char *unit, char out[40])
{
    ip_consent_fields f = IP_CONSENT_FIELDS_INIT;
    ip_consent *c = NULL;

    f.person_id = person_id;
    f.kind = kind;
    f.form = IP_CONSENT_WRITTEN;
    f.given_by_ids = &person_id;
    f.given_by_count = 1;
    if (kind == IP_CONSENT_SHARING) {
        f.recipient_unit_ids = &unit;
        f.recipient_unit_count = 1;
    }
    f.purpose = "Samarbeid om individuell plan";
    f.valid_from = "2026-01-01";
    f.valid_to = valid_to;
    th_ok(ip_consent_create(&c, w->cu, &f));
    if (out)
        th_copy_id(out, ip_consent_id(c));
    ip_consent_free(c);
}

/* A draft plan for a new adult with the person as participant, prac (may
 * be NULL) as coordinator participant and unit (may be NULL) as provider;
 * next_revision_on may be NULL. */
static void draft_plan(world *w, const char *birth, const char *prac, const char *unit,
                       const char *next_revision_on, case_ids *c)
{
    ip_plan_fields f = IP_PLAN_FIELDS_INIT;
    ip_plan *plan = NULL;

    memset(c, 0, sizeof *c);
    adult(w, birth, c->person);
    consent(w, c->person, IP_CONSENT_PLAN, NULL, NULL, NULL);
    f.next_revision_on = next_revision_on;
    th_ok(ip_plan_create_direct(&plan, w->cu, c->person, &f));
    th_copy_id(c->plan, ip_plan_id(plan));
    ip_plan_free(plan);
    th_participant(w->cu, c->plan, IP_PARTICIPANT_PERSON, c->person, NULL, NULL, c->part);
    if (prac)
        th_participant(w->cu, c->plan, IP_PARTICIPANT_COORDINATOR, NULL, prac, NULL, NULL);
    if (unit)
        th_participant(w->cu, c->plan, IP_PARTICIPANT_PROVIDER, NULL, NULL, unit, NULL);
}

static int64_t plan_revision(world *w, const char *plan_id)
{
    ip_plan *p = NULL;
    int64_t rev;

    th_ok(ip_plan_get(&p, w->cu, plan_id));
    rev = ip_plan_revision(p);
    ip_plan_free(p);
    return rev;
}

static void activate(world *w, const case_ids *c)
{
    th_ok(ip_plan_activate(NULL, w->cu, c->plan, plan_revision(w, c->plan), NULL));
}

/* draft_plan, activated today. */
static void active_plan(world *w, const char *birth, const char *prac, const char *unit,
                        const char *next_revision_on, case_ids *c)
{
    draft_plan(w, birth, prac, unit, next_revision_on, c);
    activate(w, c);
}

/* Raw coordinator assignment of kind for person, appointed today. */
static void assignment(const char *id, const char *person_id, int kind, const char *prac,
                       const char *unit)
{
    raw("INSERT INTO coordinator_assignment (id, revision, created_at, updated_at,"
        " person_id, kind, practitioner_id, unit_id, appointed_on, appointed_by)"
        " VALUES ('%s', 1, '" INSTANT "', '" INSTANT "', '%s', %d, '%s', '%s',"
        " '" TH_TODAY "', 'test')",
        id, person_id, kind, prac, unit);
}

/* Raw complaint in status, received and due as given. */
static void complaint(const char *id, const char *person_id, const char *plan_id,
                      int status, const char *received_on, const char *deadline_on)
{
    char plan[48];

    snprintf(plan, sizeof plan, plan_id ? "'%s'" : "NULL", plan_id);
    raw("INSERT INTO complaint (id, revision, created_at, updated_at, person_id,"
        " filed_by_id, written, signed, ground, plan_id, knew_on, received_on,"
        " deadline_on, late, status, outcome)"
        " VALUES ('%s', 1, '" INSTANT "', '" INSTANT "', '%s', '%s', 1, 1, 1, %s,"
        " '2026-01-01', '%s', '%s', 0, %d, 0)",
        id, person_id, person_id, plan, received_on, deadline_on, status);
}

/* ---- reading the list ---- */

typedef struct {
    int kind;
    char due[11];
    char person[40], plan[40], object[40];
} seen;

typedef struct {
    seen items[128];
    size_t n;
} listing;

static int due_list_rc(ip_session *s, const char *unit, const char *prac, const char *as_of,
                       unsigned int limit, listing *out)
{
    ip_due_query q = IP_DUE_QUERY_INIT;
    ip_due_iterator *it = NULL;
    ip_due_item *item = NULL;
    int rc;

    memset(out, 0, sizeof *out);
    q.unit_id = unit;
    q.practitioner_id = prac;
    q.as_of = as_of;
    q.limit = limit;
    rc = ip_due_iterator_new(&it, s, &q);
    if (rc)
        return rc;
    while ((rc = ip_due_next(&item, it)) == IP_OK) {
        seen *e = &out->items[out->n++];
        ck_assert_uint_le(out->n, 128);
        e->kind = ip_due_item_kind_of(item);
        snprintf(e->due, sizeof e->due, "%s", ip_due_item_due_on(item));
        snprintf(e->person, sizeof e->person, "%s", ip_due_item_person_id(item));
        snprintf(e->plan, sizeof e->plan, "%s",
                 ip_due_item_plan_id(item) ? ip_due_item_plan_id(item) : "");
        snprintf(e->object, sizeof e->object, "%s", ip_due_item_object_id(item));
        ck_assert_ptr_nonnull(ip_due_item_text(item));
        ck_assert_str_eq(ip_due_item_text(item), ip_due_kind_text(ip_due_item_kind_of(item)));
        ck_assert_ptr_nonnull(ip_due_item_object_kind(item));
        ip_due_item_free(item);
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ip_due_iterator_free(it);
    return IP_OK;
}

static void due_list(ip_session *s, const char *unit, const char *prac, const char *as_of,
                     unsigned int limit, listing *out)
{
    th_ok(due_list_rc(s, unit, prac, as_of, limit, out));
}

/* The whole store's list on as_of, as the coordinating unit reads it. */
static void due_on(world *w, const char *as_of, listing *out)
{
    due_list(w->cu, NULL, NULL, as_of, 0, out);
}

static const seen *find(const listing *l, int kind, const char *object)
{
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i].kind == kind && strcmp(l->items[i].object, object) == 0)
            return &l->items[i];
    }
    return NULL;
}

static size_t count_kind(const listing *l, int kind)
{
    size_t n = 0;

    for (size_t i = 0; i < l->n; i++)
        n += l->items[i].kind == kind;
    return n;
}

/* Asserts the item is listed with that due date (and person, plan). */
static void assert_item(const listing *l, int kind, const char *object, const char *due,
                        const char *person, const char *plan)
{
    const seen *e = find(l, kind, object);

    ck_assert_msg(e != NULL, "no %s item for %s", ip_due_kind_name((ip_due_kind)kind), object);
    ck_assert_str_eq(e->due, due);
    ck_assert_str_eq(e->person, person);
    ck_assert_str_eq(e->plan, plan ? plan : "");
}

static void assert_absent(const listing *l, int kind, const char *object)
{
    ck_assert_msg(find(l, kind, object) == NULL, "unexpected %s item for %s",
                  ip_due_kind_name((ip_due_kind)kind), object);
}

static void set_setting(world *w, const char *name, int64_t value)
{
    ip_session *admin = th_admin(w->store);

    th_ok(ip_setting_set(admin, name, value));
    ip_session_free(admin);
}

/* ---- tests ---- */

START_TEST(names_texts_and_init)
{
    static const char *names[] = {NULL, "application_reply", "plan_revision", "group_meeting",
                                  "complaint_deadline", "complaint_review", "consent_expiry",
                                  "plan_without_coordinator", "goal_evaluation"};
    ip_due_query q;
    ip_due_kind k;

    for (int i = 1; i <= 8; i++) {
        ck_assert_str_eq(ip_due_kind_name((ip_due_kind)i), names[i]);
        th_ok(ip_due_kind_from_name(&k, names[i]));
        ck_assert_int_eq(k, i);
        ck_assert_ptr_nonnull(ip_due_kind_text((ip_due_kind)i));
        ck_assert_uint_gt(strlen(ip_due_kind_text((ip_due_kind)i)), 10);
    }
    ck_assert_ptr_null(ip_due_kind_name((ip_due_kind)0));
    ck_assert_ptr_null(ip_due_kind_name((ip_due_kind)9));
    ck_assert_ptr_null(ip_due_kind_text((ip_due_kind)9));
    th_expect(IP_EINVALID, ip_due_kind_from_name(&k, "overdue"));
    th_expect(IP_EINVALID, ip_due_kind_from_name(NULL, "plan_revision"));
    /* Texts in bokmål that name what to act on. */
    ck_assert_ptr_nonnull(strstr(ip_due_kind_text(IP_DUE_GROUP_MEETING), "Ansvarsgruppen"));
    ck_assert_ptr_nonnull(strstr(ip_due_kind_text(IP_DUE_APPLICATION_REPLY), "foreløpig svar"));

    memset(&q, 0xff, sizeof q);
    th_ok(ip_due_query_init(&q, IP_DUE_QUERY_VERSION));
    ck_assert_uint_eq(q.version, IP_DUE_QUERY_VERSION);
    ck_assert_ptr_null(q.unit_id);
    ck_assert_ptr_null(q.practitioner_id);
    ck_assert_ptr_null(q.as_of);
    ck_assert_uint_eq(q.limit, 0);
    th_expect(IP_EINVALID, ip_due_query_init(&q, 2));
    th_expect(IP_EINVALID, ip_due_query_init(NULL, IP_DUE_QUERY_VERSION));

    /* NULL-safe getters and frees. */
    ck_assert_int_eq(ip_due_item_kind_of(NULL), 0);
    ck_assert_ptr_null(ip_due_item_due_on(NULL));
    ck_assert_ptr_null(ip_due_item_person_id(NULL));
    ck_assert_ptr_null(ip_due_item_plan_id(NULL));
    ck_assert_ptr_null(ip_due_item_object_id(NULL));
    ck_assert_ptr_null(ip_due_item_object_kind(NULL));
    ck_assert_ptr_null(ip_due_item_text(NULL));
    ip_due_item_free(NULL);
    ip_due_iterator_free(NULL);
}
END_TEST

START_TEST(application_past_a_month_until_interim_reply)
{
    world w;
    char person[40], late[40], recent[40];
    ip_application_fields f = IP_APPLICATION_FIELDS_INIT;
    ip_application *a = NULL;
    listing l;

    world_open(&w);
    adult(&w, "1990-01-01", person);
    f.person_id = person;
    f.signed_by_id = person;
    f.requests = IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR;
    f.received_on = "2026-01-31"; /* one month later: 28 February */
    th_ok(ip_application_create(&a, w.cu, &f));
    th_copy_id(late, ip_application_id(a));
    ip_application_free(a);
    f.received_on = "2026-02-20";
    th_ok(ip_application_create(&a, w.cu, &f));
    th_copy_id(recent, ip_application_id(a));
    ip_application_free(a);

    due_on(&w, NULL, &l);
    assert_item(&l, IP_DUE_APPLICATION_REPLY, late, "2026-02-28", person, NULL);
    assert_absent(&l, IP_DUE_APPLICATION_REPLY, recent);
    ck_assert_uint_eq(l.n, 1);
    /* Due on 20 March: not past it that day, past it the day after. */
    due_on(&w, "2026-03-20", &l);
    assert_absent(&l, IP_DUE_APPLICATION_REPLY, recent);
    due_on(&w, "2026-03-21", &l);
    assert_item(&l, IP_DUE_APPLICATION_REPLY, recent, "2026-03-20", person, NULL);

    /* An interim reply takes it off the list. */
    th_ok(ip_application_interim_reply(NULL, w.cu, late, 1, TH_TODAY));
    due_on(&w, NULL, &l);
    ck_assert_uint_eq(l.n, 0);
    /* So does deciding every request. */
    {
        ip_outcome_fields o = IP_OUTCOME_FIELDS_INIT;
        o.outcome = IP_OUTCOME_REFUSED;
        o.reason = "Vilkårene er ikke oppfylt.";
        th_ok(ip_application_decide(NULL, w.cu, recent, 1, IP_REQUEST_PLAN, &o));
        due_on(&w, "2026-03-21", &l);
        ck_assert_ptr_nonnull(find(&l, IP_DUE_APPLICATION_REPLY, recent));
        th_ok(ip_application_decide(NULL, w.cu, recent, 2, IP_REQUEST_COORDINATOR, &o));
        due_on(&w, "2026-03-21", &l);
        assert_absent(&l, IP_DUE_APPLICATION_REPLY, recent);
    }
    world_close(&w);
}
END_TEST

START_TEST(plan_past_its_revision_date)
{
    world w;
    case_ids c, draft;
    ip_plan_fields f = IP_PLAN_FIELDS_INIT;
    listing l;

    world_open(&w);
    active_plan(&w, "1990-01-01", NULL, NULL, "2026-06-01", &c);
    /* A draft's revision date is not yet due. */
    draft_plan(&w, "1991-01-01", NULL, NULL, "2026-04-01", &draft);

    due_on(&w, "2026-06-01", &l);
    assert_absent(&l, IP_DUE_PLAN_REVISION, c.plan);
    due_on(&w, "2026-06-02", &l);
    assert_item(&l, IP_DUE_PLAN_REVISION, c.plan, "2026-06-01", c.person, c.plan);
    assert_absent(&l, IP_DUE_PLAN_REVISION, draft.plan);
    ck_assert_uint_eq(count_kind(&l, IP_DUE_PLAN_REVISION), 1);

    /* A new revision date moves it off the list. */
    f.next_revision_on = "2026-12-01";
    th_ok(ip_plan_update(NULL, w.cu, c.plan, plan_revision(&w, c.plan), &f));
    due_on(&w, "2026-06-02", &l);
    assert_absent(&l, IP_DUE_PLAN_REVISION, c.plan);
    due_on(&w, "2026-12-02", &l);
    assert_item(&l, IP_DUE_PLAN_REVISION, c.plan, "2026-12-01", c.person, c.plan);

    /* An ended plan is due nothing. */
    th_ok(ip_plan_end(NULL, w.cu, c.plan, plan_revision(&w, c.plan), IP_PLAN_END_NEED_ENDED,
                      NULL, NULL));
    due_on(&w, "2027-12-31", &l);
    assert_absent(&l, IP_DUE_PLAN_REVISION, c.plan);
    assert_absent(&l, IP_DUE_GROUP_MEETING, c.plan);
    assert_absent(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, c.plan);
    ck_assert_int_eq(th_count("SELECT count(*) FROM due_plan"), 0);
    world_close(&w);
}
END_TEST

static void meeting(world *w, const char *plan_id, const char *planned_on, const char *held_on,
                    char out[40])
{
    ip_meeting_fields f = IP_MEETING_FIELDS_INIT;
    ip_meeting *m = NULL;

    f.plan_id = plan_id;
    f.planned_on = planned_on;
    f.held_on = held_on;
    th_ok(ip_meeting_create(&m, w->coord, &f));
    if (out)
        th_copy_id(out, ip_meeting_id(m));
    ip_meeting_free(m);
}

START_TEST(group_that_has_not_met)
{
    world w;
    case_ids c;
    char planned[40];
    ip_meeting_fields f = IP_MEETING_FIELDS_INIT;
    listing l;

    world_open(&w);
    active_plan(&w, "1990-01-01", w.prac, NULL, NULL, &c);
    /* No meeting yet: six months from the day the plan became active. */
    due_on(&w, "2026-09-02", &l);
    assert_absent(&l, IP_DUE_GROUP_MEETING, c.plan);
    due_on(&w, "2026-09-03", &l);
    assert_item(&l, IP_DUE_GROUP_MEETING, c.plan, "2026-09-02", c.person, c.plan);

    /* A planned meeting is not a held one. */
    th_now_ms = TH_NOW_MS + 69 * DAY_MS; /* 2026-05-10 */
    meeting(&w, c.plan, "2026-05-10", NULL, planned);
    due_on(&w, "2026-09-03", &l);
    ck_assert_ptr_nonnull(find(&l, IP_DUE_GROUP_MEETING, c.plan));
    /* Held (the meeting updated): six months from then. */
    f.plan_id = c.plan;
    f.planned_on = "2026-05-10";
    f.held_on = "2026-05-10";
    th_ok(ip_meeting_update(NULL, w.coord, planned, 1, &f));
    due_on(&w, "2026-09-03", &l);
    assert_absent(&l, IP_DUE_GROUP_MEETING, c.plan);
    due_on(&w, "2026-11-10", &l);
    assert_absent(&l, IP_DUE_GROUP_MEETING, c.plan);
    due_on(&w, "2026-11-11", &l);
    assert_item(&l, IP_DUE_GROUP_MEETING, c.plan, "2026-11-10", c.person, c.plan);

    /* The setting: three months. */
    set_setting(&w, "due_meeting_months", 3);
    due_on(&w, "2026-08-10", &l);
    assert_absent(&l, IP_DUE_GROUP_MEETING, c.plan);
    due_on(&w, "2026-08-11", &l);
    assert_item(&l, IP_DUE_GROUP_MEETING, c.plan, "2026-08-10", c.person, c.plan);
    set_setting(&w, "due_meeting_months", 6);

    /* An older meeting recorded later changes nothing; a later one
     * counts. Month ends clamp: 31 August + 6 months is 28 February. */
    meeting(&w, c.plan, "2026-04-01", "2026-04-01", NULL);
    due_on(&w, "2026-11-11", &l);
    assert_item(&l, IP_DUE_GROUP_MEETING, c.plan, "2026-11-10", c.person, c.plan);
    th_now_ms = TH_NOW_MS + 182 * DAY_MS; /* 2026-08-31 */
    meeting(&w, c.plan, "2026-08-31", "2026-08-31", NULL);
    due_on(&w, "2027-02-28", &l);
    assert_absent(&l, IP_DUE_GROUP_MEETING, c.plan);
    due_on(&w, "2027-03-01", &l);
    assert_item(&l, IP_DUE_GROUP_MEETING, c.plan, "2027-02-28", c.person, c.plan);
    /* And a leap year: 31 August 2027 + 6 months is 29 February 2028;
     * with one month, 31 January + 1 is 29 February. */
    raw("UPDATE meeting SET held_on = '2027-08-31' WHERE held_on = '2026-08-31'");
    due_on(&w, "2028-02-29", &l);
    assert_absent(&l, IP_DUE_GROUP_MEETING, c.plan);
    due_on(&w, "2028-03-01", &l);
    assert_item(&l, IP_DUE_GROUP_MEETING, c.plan, "2028-02-29", c.person, c.plan);
    set_setting(&w, "due_meeting_months", 1);
    raw("UPDATE meeting SET held_on = '2028-01-31' WHERE held_on = '2027-08-31'");
    due_on(&w, "2028-02-29", &l);
    assert_absent(&l, IP_DUE_GROUP_MEETING, c.plan);
    due_on(&w, "2028-03-01", &l);
    assert_item(&l, IP_DUE_GROUP_MEETING, c.plan, "2028-02-29", c.person, c.plan);
    /* A meeting removed: back to the latest that remains. */
    raw("DELETE FROM meeting WHERE held_on = '2028-01-31'");
    due_on(&w, "2028-03-01", &l);
    assert_item(&l, IP_DUE_GROUP_MEETING, c.plan, "2026-06-10", c.person, c.plan);
    world_close(&w);
}
END_TEST

START_TEST(complaints_near_deadline_and_in_review)
{
    world w;
    char person[40];
    const char *soon = "01900000-0000-7000-8000-00000000c001";
    const char *later = "01900000-0000-7000-8000-00000000c002";
    const char *review = "01900000-0000-7000-8000-00000000c003";
    const char *passed = "01900000-0000-7000-8000-00000000c004";
    listing l;

    world_open(&w);
    adult(&w, "1990-01-01", person);
    complaint(soon, person, NULL, 1, "2026-03-01", "2026-03-09");   /* 7 days */
    complaint(later, person, NULL, 1, "2026-03-01", "2026-03-10");  /* 8 days */
    complaint(review, person, NULL, 2, "2026-02-10", "2026-02-20");
    complaint(passed, person, NULL, 1, "2026-02-01", "2026-02-15"); /* past */

    due_on(&w, NULL, &l);
    assert_item(&l, IP_DUE_COMPLAINT_DEADLINE, soon, "2026-03-09", person, NULL);
    assert_item(&l, IP_DUE_COMPLAINT_DEADLINE, passed, "2026-02-15", person, NULL);
    assert_absent(&l, IP_DUE_COMPLAINT_DEADLINE, later);
    assert_item(&l, IP_DUE_COMPLAINT_REVIEW, review, "2026-02-10", person, NULL);
    assert_absent(&l, IP_DUE_COMPLAINT_DEADLINE, review);
    ck_assert_uint_eq(l.n, 3);

    /* The warning setting moves the threshold. */
    set_setting(&w, "due_complaint_warning_days", 8);
    due_on(&w, NULL, &l);
    assert_item(&l, IP_DUE_COMPLAINT_DEADLINE, later, "2026-03-10", person, NULL);
    set_setting(&w, "due_complaint_warning_days", 0);
    due_on(&w, NULL, &l);
    assert_absent(&l, IP_DUE_COMPLAINT_DEADLINE, soon);
    assert_item(&l, IP_DUE_COMPLAINT_DEADLINE, passed, "2026-02-15", person, NULL);

    /* Into municipal review: a review item from the day it was received. */
    raw("UPDATE complaint SET status = 2 WHERE id = '%s'", passed);
    due_on(&w, NULL, &l);
    assert_absent(&l, IP_DUE_COMPLAINT_DEADLINE, passed);
    assert_item(&l, IP_DUE_COMPLAINT_REVIEW, passed, "2026-02-01", person, NULL);
    /* Forwarded, reversed or closed: off the list. */
    raw("UPDATE complaint SET status = 4, forwarded_on = '" TH_TODAY "' WHERE id = '%s'", review);
    raw("UPDATE complaint SET status = 3 WHERE id = '%s'", passed);
    due_on(&w, NULL, &l);
    assert_absent(&l, IP_DUE_COMPLAINT_REVIEW, review);
    assert_absent(&l, IP_DUE_COMPLAINT_REVIEW, passed);
    ck_assert_uint_eq(l.n, 0);
    world_close(&w);
}
END_TEST

START_TEST(consent_running_out)
{
    world w;
    char person[40], soon[40], later[40], open[40];
    ip_withdrawal_fields wd = IP_WITHDRAWAL_FIELDS_INIT;
    listing l;

    world_open(&w);
    adult(&w, "1990-01-01", person);
    consent(&w, person, IP_CONSENT_SHARING, "2026-04-01", w.unit, soon);   /* 30 days */
    consent(&w, person, IP_CONSENT_SHARING, "2026-04-02", w.unit, later);  /* 31 days */
    consent(&w, person, IP_CONSENT_SHARING, NULL, w.unit, open);

    due_on(&w, NULL, &l);
    assert_item(&l, IP_DUE_CONSENT_EXPIRY, soon, "2026-04-01", person, NULL);
    assert_absent(&l, IP_DUE_CONSENT_EXPIRY, later);
    assert_absent(&l, IP_DUE_CONSENT_EXPIRY, open);
    ck_assert_uint_eq(l.n, 1);
    /* Its last day still counts; the day after it has run out. */
    due_on(&w, "2026-04-01", &l);
    assert_item(&l, IP_DUE_CONSENT_EXPIRY, soon, "2026-04-01", person, NULL);
    assert_item(&l, IP_DUE_CONSENT_EXPIRY, later, "2026-04-02", person, NULL);
    due_on(&w, "2026-04-02", &l);
    assert_absent(&l, IP_DUE_CONSENT_EXPIRY, soon);

    /* The setting. */
    set_setting(&w, "due_consent_days", 31);
    due_on(&w, NULL, &l);
    assert_item(&l, IP_DUE_CONSENT_EXPIRY, later, "2026-04-02", person, NULL);
    set_setting(&w, "due_consent_days", 30);

    /* Withdrawn: off the list. */
    wd.withdrawn_by_id = person;
    wd.form = IP_CONSENT_WRITTEN;
    th_ok(ip_consent_withdraw(NULL, w.cu, soon, 1, &wd));
    due_on(&w, NULL, &l);
    assert_absent(&l, IP_DUE_CONSENT_EXPIRY, soon);
    ck_assert_uint_eq(l.n, 0);
    world_close(&w);
}
END_TEST

START_TEST(active_plan_without_coordinator)
{
    world w;
    case_ids c, draft, other;
    const char *a1 = "01900000-0000-7000-8000-0000000000a1";
    const char *a2 = "01900000-0000-7000-8000-0000000000a2";
    const char *a3 = "01900000-0000-7000-8000-0000000000a3";
    const char *a4 = "01900000-0000-7000-8000-0000000000a4";
    listing l;

    world_open(&w);
    active_plan(&w, "1990-01-01", w.prac, NULL, NULL, &c);
    draft_plan(&w, "1991-01-01", NULL, NULL, NULL, &draft);
    /* A coordinator appointed before the plan became active. */
    draft_plan(&w, "1992-01-01", NULL, NULL, NULL, &other);
    assignment(a4, other.person, 1, w.prac2, w.unit2);
    activate(&w, &other);

    /* A coordinator participant is not an appointed coordinator. */
    due_on(&w, NULL, &l);
    assert_item(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, c.plan, TH_TODAY, c.person, c.plan);
    assert_absent(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, draft.plan);
    assert_absent(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, other.plan);
    ck_assert_uint_eq(count_kind(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR), 1);

    /* A specialist coordinator does not count; a coordinator does. */
    assignment(a1, c.person, 3, w.prac2, w.unit2);
    due_on(&w, NULL, &l);
    ck_assert_ptr_nonnull(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, c.plan));
    assignment(a2, c.person, 1, w.prac, w.unit);
    due_on(&w, NULL, &l);
    assert_absent(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, c.plan);

    /* The assignment ends: without one from that day. */
    raw("UPDATE coordinator_assignment SET ended_on = '2026-03-10', end_reason = 'flyttet'"
        " WHERE id = '%s'", a2);
    due_on(&w, "2026-03-09", &l);
    assert_absent(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, c.plan);
    due_on(&w, "2026-03-10", &l);
    assert_item(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, c.plan, "2026-03-10", c.person, c.plan);

    /* A child coordinator counts (a handover: the next one starts). */
    assignment(a3, c.person, 2, w.prac, w.unit);
    due_on(&w, "2026-03-10", &l);
    assert_absent(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, c.plan);
    raw("DELETE FROM coordinator_assignment WHERE id = '%s'", a3);
    due_on(&w, "2026-03-10", &l);
    assert_item(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, c.plan, TH_TODAY, c.person, c.plan);

    /* Activating the draft without a coordinator lists it. */
    activate(&w, &draft);
    due_on(&w, NULL, &l);
    assert_item(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, draft.plan, TH_TODAY, draft.person,
                draft.plan);
    world_close(&w);
}
END_TEST

static void goal(world *w, const case_ids *c, const char *target_date, char out[40])
{
    ip_goal_fields f = IP_GOAL_FIELDS_INIT;
    ip_goal *g = NULL;

    f.plan_id = c->plan;
    f.text = "Komme i jobb";
    f.expressed_by_id = c->part;
    f.target_date = target_date;
    f.status = IP_GOAL_ACTIVE;
    th_ok(ip_goal_create(&g, w->coord, &f));
    th_copy_id(out, ip_goal_id(g));
    ip_goal_free(g);
}

static void evaluate(world *w, const case_ids *c, const char *goal_id, const char *on)
{
    ip_evaluation_fields f = IP_EVALUATION_FIELDS_INIT;

    f.plan_id = c->plan;
    f.goal_id = goal_id;
    f.evaluated_on = on;
    f.evaluated_by_id = c->part;
    f.assessment = "Godt i gang.";
    th_ok(ip_evaluation_create(NULL, w->coord, &f));
}

START_TEST(goal_past_target_without_evaluation)
{
    world w;
    case_ids c, draft;
    char g1[40], g2[40], g3[40], g4[40];
    ip_goal_fields f = IP_GOAL_FIELDS_INIT;
    listing l;

    world_open(&w);
    active_plan(&w, "1990-01-01", w.prac, NULL, NULL, &c);
    draft_plan(&w, "1991-01-01", w.prac, NULL, NULL, &draft);
    goal(&w, &c, "2026-03-10", g1);
    goal(&w, &c, "2026-03-20", g2);
    goal(&w, &c, NULL, g3);
    goal(&w, &draft, "2026-03-05", g4);

    due_on(&w, "2026-03-10", &l);
    assert_absent(&l, IP_DUE_GOAL_EVALUATION, g1);
    due_on(&w, "2026-03-11", &l);
    assert_item(&l, IP_DUE_GOAL_EVALUATION, g1, "2026-03-10", c.person, c.plan);
    assert_absent(&l, IP_DUE_GOAL_EVALUATION, g2);
    assert_absent(&l, IP_DUE_GOAL_EVALUATION, g3);
    /* The draft's goal waits for the plan to become active. */
    assert_absent(&l, IP_DUE_GOAL_EVALUATION, g4);
    activate(&w, &draft);
    due_on(&w, "2026-03-11", &l);
    assert_item(&l, IP_DUE_GOAL_EVALUATION, g4, "2026-03-05", draft.person, draft.plan);

    /* An evaluation before the target date is not one since. */
    evaluate(&w, &c, g1, TH_TODAY);
    due_on(&w, "2026-03-11", &l);
    ck_assert_ptr_nonnull(find(&l, IP_DUE_GOAL_EVALUATION, g1));
    /* One on the target date or after it is. */
    th_now_ms = TH_NOW_MS + 8 * DAY_MS; /* 2026-03-10 */
    evaluate(&w, &c, g1, "2026-03-10");
    due_on(&w, "2026-03-11", &l);
    assert_absent(&l, IP_DUE_GOAL_EVALUATION, g1);
    /* A new target date after that evaluation brings it back. */
    f.plan_id = c.plan;
    f.text = "Komme i jobb";
    f.expressed_by_id = c.part;
    f.target_date = "2026-04-01";
    f.status = IP_GOAL_ACTIVE;
    th_ok(ip_goal_update(NULL, w.coord, g1, 1, &f));
    due_on(&w, "2026-04-02", &l);
    assert_item(&l, IP_DUE_GOAL_EVALUATION, g1, "2026-04-01", c.person, c.plan);
    /* A completed goal is due nothing. */
    f.target_date = "2026-03-20";
    f.status = IP_GOAL_COMPLETED;
    f.achievement = IP_GOAL_ACHIEVED;
    th_ok(ip_goal_update(NULL, w.coord, g2, 1, &f));
    due_on(&w, "2026-04-02", &l);
    assert_absent(&l, IP_DUE_GOAL_EVALUATION, g2);
    /* Removing the evaluation that settled a goal brings it back. */
    th_ok(ip_goal_update(NULL, w.coord, g1, 2, &(ip_goal_fields){IP_GOAL_FIELDS_VERSION, c.plan, NULL,
                                                              "Komme i jobb", c.part,
                                                              "2026-03-10", IP_GOAL_ACTIVE,
                                                              (ip_goal_achievement)0}));
    due_on(&w, "2026-04-02", &l);
    assert_absent(&l, IP_DUE_GOAL_EVALUATION, g1);
    raw("DELETE FROM evaluation WHERE goal_id = '%s' AND evaluated_on = '2026-03-10'", g1);
    due_on(&w, "2026-04-02", &l);
    assert_item(&l, IP_DUE_GOAL_EVALUATION, g1, "2026-03-10", c.person, c.plan);
    /* Ending the plan ends its goals' items. */
    th_ok(ip_plan_end(NULL, w.cu, c.plan, plan_revision(&w, c.plan), IP_PLAN_END_NEED_ENDED,
                      NULL, NULL));
    due_on(&w, "2026-04-02", &l);
    assert_absent(&l, IP_DUE_GOAL_EVALUATION, g1);
    ck_assert_int_eq(count_kind(&l, IP_DUE_GOAL_EVALUATION), 1); /* g4 */
    world_close(&w);
}
END_TEST

static bool sorted(const listing *l)
{
    for (size_t i = 1; i < l->n; i++) {
        int c = strcmp(l->items[i - 1].due, l->items[i].due);
        if (c > 0 || (c == 0 && l->items[i - 1].kind > l->items[i].kind))
            return false;
    }
    return true;
}

START_TEST(most_urgent_first_and_the_limit)
{
    world w;
    case_ids c;
    char app[40], g[40], cons[40];
    const char *k1 = "01900000-0000-7000-8000-00000000c101";
    ip_application_fields f = IP_APPLICATION_FIELDS_INIT;
    ip_application *a = NULL;
    listing l, cut;

    world_open(&w);
    active_plan(&w, "1990-01-01", w.prac, NULL, "2026-03-05", &c);
    goal(&w, &c, "2026-03-05", g);
    consent(&w, c.person, IP_CONSENT_SHARING, "2026-03-20", w.unit, cons);
    f.person_id = c.person;
    f.signed_by_id = c.person;
    f.requests = IP_REQUEST_COORDINATOR;
    f.received_on = "2026-01-10";
    th_ok(ip_application_create(&a, w.cu, &f));
    th_copy_id(app, ip_application_id(a));
    ip_application_free(a);
    complaint(k1, c.person, c.plan, 2, "2026-02-20", "2026-03-01");

    due_on(&w, "2026-03-10", &l);
    /* application 02-10, complaint review 02-20, plan without coordinator
     * 03-02, revision 03-05, goal 03-05, consent 03-20. */
    ck_assert_uint_eq(l.n, 6);
    ck_assert(sorted(&l));
    ck_assert_int_eq(l.items[0].kind, IP_DUE_APPLICATION_REPLY);
    ck_assert_str_eq(l.items[0].object, app);
    ck_assert_str_eq(l.items[0].due, "2026-02-10");
    ck_assert_int_eq(l.items[1].kind, IP_DUE_COMPLAINT_REVIEW);
    ck_assert_str_eq(l.items[1].plan, c.plan);
    ck_assert_int_eq(l.items[2].kind, IP_DUE_PLAN_WITHOUT_COORDINATOR);
    /* Same day: in the order of the kinds. */
    ck_assert_int_eq(l.items[3].kind, IP_DUE_PLAN_REVISION);
    ck_assert_int_eq(l.items[4].kind, IP_DUE_GOAL_EVALUATION);
    ck_assert_str_eq(l.items[4].object, g);
    ck_assert_int_eq(l.items[5].kind, IP_DUE_CONSENT_EXPIRY);
    ck_assert_str_eq(l.items[5].object, cons);

    /* The limit keeps the most urgent. */
    for (unsigned int n = 1; n <= 6; n++) {
        due_list(w.cu, NULL, NULL, "2026-03-10", n, &cut);
        ck_assert_uint_eq(cut.n, n);
        for (unsigned int i = 0; i < n; i++) {
            ck_assert_int_eq(cut.items[i].kind, l.items[i].kind);
            ck_assert_str_eq(cut.items[i].object, l.items[i].object);
        }
    }
    due_list(w.cu, NULL, NULL, "2026-03-10", IP_DUE_LIMIT_MAX, &cut);
    ck_assert_uint_eq(cut.n, 6);
    world_close(&w);
}
END_TEST

START_TEST(the_default_limit)
{
    world w;
    char person[40];
    listing l;

    world_open(&w);
    adult(&w, "1990-01-01", person);
    for (int i = 0; i < IP_DUE_LIMIT_DEFAULT + 5; i++) {
        char id[40];
        snprintf(id, sizeof id, "01900000-0000-7000-8000-%012d", i);
        complaint(id, person, NULL, 2, "2026-02-01", "2026-02-15");
    }
    due_on(&w, NULL, &l);
    ck_assert_uint_eq(l.n, IP_DUE_LIMIT_DEFAULT);
    /* Ties within a kind: by id. */
    ck_assert_str_eq(l.items[0].object, "01900000-0000-7000-8000-000000000000");
    ck_assert_str_eq(l.items[99].object, "01900000-0000-7000-8000-000000000099");
    world_close(&w);
}
END_TEST

START_TEST(filtered_by_unit_and_coordinator)
{
    world w;
    case_ids a, b, gone;
    char loner[40], app[40];
    const char *assign = "01900000-0000-7000-8000-0000000000b1";
    ip_application_fields f = IP_APPLICATION_FIELDS_INIT;
    ip_application *ap = NULL;
    ip_session *coord, *coord2;
    listing l;

    world_open(&w);
    /* a: coordinated by prac (unit), provider unit2; b: provider unit
     * only, coordinated by prac2 (unit2). */
    active_plan(&w, "1990-01-01", w.prac, w.unit2, NULL, &a);
    active_plan(&w, "1991-01-01", w.prac2, w.unit, NULL, &b);
    /* An ended plan in unit: its person is no longer the unit's. */
    active_plan(&w, "1992-01-01", w.prac, w.unit, NULL, &gone);
    th_ok(ip_plan_end(NULL, w.cu, gone.plan, plan_revision(&w, gone.plan),
                      IP_PLAN_END_MOVED, NULL, NULL));
    /* A person with no plan, but a coordinator (prac2) and an overdue
     * application. */
    adult(&w, "1993-01-01", loner);
    f.person_id = loner;
    f.signed_by_id = loner;
    f.requests = IP_REQUEST_COORDINATOR;
    f.received_on = "2026-01-10";
    th_ok(ip_application_create(&ap, w.cu, &f));
    th_copy_id(app, ip_application_id(ap));
    ip_application_free(ap);
    assignment(assign, loner, 1, w.prac2, w.unit2);
    complaint("01900000-0000-7000-8000-00000000c201", gone.person, gone.plan, 2,
              "2026-02-20", "2026-03-01");

    due_on(&w, NULL, &l);
    ck_assert_uint_eq(l.n, 4); /* a, b without coordinator; app; complaint */

    /* unit: plans where it takes part (a as coordinator's unit, b as a
     * provider). */
    due_list(w.cu, w.unit, NULL, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_ptr_nonnull(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, a.plan));
    ck_assert_ptr_nonnull(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, b.plan));
    due_list(w.cu, w.unit2, NULL, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_ptr_nonnull(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, a.plan));
    ck_assert_ptr_nonnull(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, b.plan));
    /* The coordinating unit itself takes part in nothing here. */
    due_list(w.cu, th_cu_unit(), NULL, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 0);

    /* practitioner: coordinator participant, or an assignment. */
    due_list(w.cu, NULL, w.prac, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_ptr_nonnull(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, a.plan));
    due_list(w.cu, NULL, w.prac2, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_ptr_nonnull(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, b.plan));
    ck_assert_ptr_nonnull(find(&l, IP_DUE_APPLICATION_REPLY, app));
    /* Both: persons in both. */
    due_list(w.cu, w.unit, w.prac2, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_ptr_nonnull(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, b.plan));
    due_list(w.cu, w.unit2, w.prac, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_ptr_nonnull(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, a.plan));

    /* A coordinator reads their own list, whatever they ask for. */
    coord = th_session(w.store, IP_ROLE_COORDINATOR, w.prac2, w.unit2);
    due_list(coord, NULL, NULL, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 2);
    due_list(coord, NULL, w.prac2, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 2);
    due_list(coord, w.unit, NULL, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 1);
    th_expect(IP_EDENIED, due_list_rc(coord, NULL, w.prac, NULL, 0, &l));
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "due.own_persons"));
    coord2 = th_session(w.store, IP_ROLE_COORDINATOR, w.prac, w.unit);
    due_list(coord2, NULL, NULL, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 1);

    /* The assignment ends: the person leaves prac2's list. */
    raw("UPDATE coordinator_assignment SET ended_on = '" TH_TODAY "', end_reason = 'x'"
        " WHERE id = '%s'", assign);
    due_list(coord, NULL, NULL, NULL, 0, &l);
    ck_assert_uint_eq(l.n, 1);
    /* A participant whose period ended leaves the unit's list. */
    raw("UPDATE participant SET valid_to = '2026-03-05' WHERE plan_id = '%s' AND unit_id = '%s'",
        b.plan, w.unit);
    due_list(w.cu, w.unit, NULL, "2026-03-05", 0, &l);
    ck_assert_ptr_nonnull(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, b.plan));
    due_list(w.cu, w.unit, NULL, "2026-03-06", 0, &l);
    ck_assert_ptr_null(find(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, b.plan));
    ip_session_free(coord);
    ip_session_free(coord2);
    world_close(&w);
}
END_TEST

/* Audit events after seq base matching the condition. */
static int count_since(int base, const char *where)
{
    char sql[768];

    snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_event WHERE seq > %d AND %s", base,
             where);
    return th_count(sql);
}

START_TEST(who_reads_and_what_is_audited)
{
    world w;
    case_ids c;
    ip_session *provider, *person, *admin;
    listing l;
    char sql[512];
    int base;

    world_open(&w);
    active_plan(&w, "1990-01-01", NULL, NULL, "2026-03-01", &c);
    base = th_count("SELECT max(seq) FROM audit_event");

    due_on(&w, NULL, &l);
    ck_assert_uint_eq(l.n, 2); /* revision, without coordinator */
    /* One event for the call, one per item naming its record and person. */
    ck_assert_int_eq(count_since(base, "object_kind = 'due'"), 3);
    ck_assert_int_eq(count_since(base, "object_kind = 'due'"
                              " AND object_id IS NULL AND person_id IS NULL"
                              " AND outcome = 'allowed' AND rule = 'due.case_handling'"),
                     1);
    snprintf(sql, sizeof sql,
             "object_kind = 'due' AND object_id = '%s' AND person_id = '%s' AND action = 'read'",
             c.plan, c.person);
    ck_assert_int_eq(count_since(base, sql), 2);

    provider = th_session(w.store, IP_ROLE_PROVIDER, "nav-1", w.unit);
    person = th_session(w.store, IP_ROLE_PERSON, c.person, NULL);
    admin = th_admin(w.store);
    th_expect(IP_EDENIED, due_list_rc(provider, NULL, NULL, NULL, 0, &l));
    th_expect(IP_EDENIED, due_list_rc(person, NULL, NULL, NULL, 0, &l));
    th_expect(IP_EDENIED, due_list_rc(admin, NULL, NULL, NULL, 0, &l));
    ck_assert_int_eq(count_since(base, "object_kind = 'due'"
                              " AND outcome = 'denied'"),
                     3);
    /* A denied coordinator's call leaves its own denial. */
    {
        ip_session *coord = th_session(w.store, IP_ROLE_COORDINATOR, w.prac, w.unit);
        th_expect(IP_EDENIED, due_list_rc(coord, NULL, w.prac2, NULL, 0, &l));
        ck_assert_int_eq(count_since(base, "object_kind = 'due'"
                                  " AND outcome = 'denied' AND rule = 'due.own_persons'"),
                         1);
        ip_session_free(coord);
    }
    ck_assert_int_eq(count_since(base, "object_kind = 'due'"
                              " AND outcome = 'denied' AND object_id IS NOT NULL"),
                     0);
    ip_session_free(provider);
    ip_session_free(person);
    ip_session_free(admin);
    world_close(&w);
}
END_TEST

START_TEST(refused_queries)
{
    world w;
    ip_due_iterator *it = NULL;
    ip_due_item *item = NULL;
    ip_due_query q = IP_DUE_QUERY_INIT;
    listing l;

    world_open(&w);
    th_expect(IP_EINVALID, ip_due_iterator_new(NULL, w.cu, NULL));
    th_expect(IP_EINVALID, ip_due_iterator_new(&it, NULL, NULL));
    ck_assert_ptr_null(it);
    q.version = 2;
    th_expect(IP_EINVALID, ip_due_iterator_new(&it, w.cu, &q));
    th_field("query.version");
    th_expect(IP_EINVALID, due_list_rc(w.cu, "not-an-id", NULL, NULL, 0, &l));
    th_field("query.unit_id");
    th_expect(IP_EINVALID, due_list_rc(w.cu, NULL, "12345678901", NULL, 0, &l));
    th_field("query.practitioner_id");
    th_not_echoed("12345678901");
    th_expect(IP_EINVALID, due_list_rc(w.cu, NULL, NULL, "2026-02-30", 0, &l));
    th_field("query.as_of");
    th_expect(IP_EINVALID, due_list_rc(w.cu, NULL, NULL, "02.03.2026", 0, &l));
    th_field("query.as_of");
    th_expect(IP_EINVALID, due_list_rc(w.cu, NULL, NULL, NULL, IP_DUE_LIMIT_MAX + 1, &l));
    th_field("query.limit");
    th_expect(IP_ENOTFOUND, due_list_rc(w.cu, NO_SUCH_ID, NULL, NULL, 0, &l));
    th_field("query.unit_id");
    th_expect(IP_ENOTFOUND, due_list_rc(w.cu, NULL, NO_SUCH_ID, NULL, 0, &l));
    th_field("query.practitioner_id");
    /* A unit is not a practitioner. */
    th_expect(IP_ENOTFOUND, due_list_rc(w.cu, NULL, w.unit, NULL, 0, &l));

    /* NULL query: the whole store today; next and free on NULL. */
    th_ok(ip_due_iterator_new(&it, w.cu, NULL));
    th_expect(IP_ITEROVER, ip_due_next(&item, it));
    th_expect(IP_EINVALID, ip_due_next(NULL, it));
    th_expect(IP_EINVALID, ip_due_next(&item, NULL));
    ip_due_iterator_free(it);
    world_close(&w);
}
END_TEST

START_TEST(an_iterator_freed_early_frees_its_items)
{
    world w;
    char person[40];
    ip_due_iterator *it = NULL;
    ip_due_item *item = NULL;

    world_open(&w);
    adult(&w, "1990-01-01", person);
    complaint("01900000-0000-7000-8000-00000000c301", person, NULL, 2, "2026-02-01",
              "2026-02-15");
    complaint("01900000-0000-7000-8000-00000000c302", person, NULL, 2, "2026-02-02",
              "2026-02-15");
    th_ok(ip_due_iterator_new(&it, w.cu, NULL));
    th_ok(ip_due_next(&item, it));
    ck_assert_str_eq(ip_due_item_object_kind(item), "complaint");
    ip_due_iterator_free(it); /* the second is freed here */
    ck_assert_str_eq(ip_due_item_due_on(item), "2026-02-01");
    ip_due_item_free(item);
    world_close(&w);
}
END_TEST

/* The plan SQLite makes for sql, one line per step. */
static void query_plan(sqlite3 *db, const char *sql, char *out, size_t size)
{
    char explain[16384];
    sqlite3_stmt *stmt = NULL;
    size_t used = 0;
    int n;

    n = snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", sql);
    ck_assert(n > 0 && (size_t)n < sizeof explain);
    ck_assert_msg(sqlite3_prepare_v2(db, explain, -1, &stmt, NULL) == SQLITE_OK, "%s: %s",
                  sql, sqlite3_errmsg(db));
    out[0] = '\0';
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const char *detail = (const char *)sqlite3_column_text(stmt, 3);
        n = snprintf(out + used, size - used, "%s\n", detail ? detail : "");
        ck_assert(n > 0 && (size_t)n < size - used);
        used += (size_t)n;
    }
    sqlite3_finalize(stmt);
}

static int occurrences(const char *text, const char *what)
{
    int n = 0;

    for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

START_TEST(every_query_reads_an_index)
{
    /* Each kind's index in due-date order, for the whole store. */
    static const char *ordered[IP__DUE_KINDS] = {
        "COVERING INDEX application_waiting (reply_due_on<?)",
        "COVERING INDEX due_plan_revision (next_revision_on<?)",
        "COVERING INDEX due_plan_meeting (met_on<?)",
        "COVERING INDEX complaint_received (deadline_on<?)",
        "COVERING INDEX complaint_in_review (received_on<?)",
        "COVERING INDEX consent_expiry (valid_to>? AND valid_to<?)",
        "COVERING INDEX due_plan_uncoordinated (uncoordinated_since<?)",
        "COVERING INDEX due_goal_target (target_date<?)",
    };
    /* Each kind's index by person, for a unit or a coordinator. */
    static const char *by_person[IP__DUE_KINDS] = {
        "COVERING INDEX due_application_by_person (person_id=? AND reply_due_on<?)",
        "COVERING INDEX due_plan_by_person (person_id=? AND next_revision_on<?)",
        "COVERING INDEX due_plan_by_person (person_id=?)",
        "COVERING INDEX due_complaint_by_person (person_id=? AND status=?)",
        "COVERING INDEX due_complaint_by_person (person_id=? AND status=? AND received_on<?)",
        "COVERING INDEX due_consent_by_person (person_id=? AND valid_to>? AND valid_to<?)",
        "COVERING INDEX due_plan_by_person (person_id=?)",
        "COVERING INDEX due_goal_by_person (person_id=? AND target_date<?)",
    };
    ip_store *store = th_store();
    sqlite3 *db = NULL;
    static char plan[32768];

    th_close(store);
    ck_assert_int_eq(sqlite3_open_v2(th_path("store.db"), &db, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    for (int f = 0; f < IP__DUE_FILTERS; f++) {
        const char *sql = ip__q_due[f].clause;
        const char *line = plan;

        query_plan(db, sql, plan, sizeof plan);
        /* Nothing of the store is scanned: a SCAN step only ever reads a
         * kind's rows already found, or the persons already found. */
        while (line && *line) {
            if (strncmp(line, "SCAN ", 5) == 0)
                ck_assert_msg(strncmp(line + 5, "(subquery-", 10) == 0 ||
                                  strncmp(line + 5, "unit_persons\n", 13) == 0 ||
                                  strncmp(line + 5, "coordinator_persons\n", 20) == 0,
                              "filter %d scans: %.60s\n%s", f, line, plan);
            line = strchr(line, '\n');
            line = line ? line + 1 : NULL;
        }
        ck_assert_int_eq(occurrences(plan, "SEARCH x USING COVERING INDEX"), IP__DUE_KINDS);
        for (int k = 0; k < IP__DUE_KINDS; k++)
            ck_assert_msg(strstr(plan, f == IP__DUE_ALL ? ordered[k] : by_person[k]) != NULL,
                          "filter %d kind %d:\n%s", f, k + 1, plan);
        if (f == IP__DUE_ALL) {
            /* No sort: each kind's read stops at the limit. */
            ck_assert_msg(strstr(plan, "TEMP B-TREE") == NULL, "%s", plan);
            ck_assert_ptr_null(strstr(plan, "MATERIALIZE"));
        }
        /* The persons are found once, through an index. */
        ck_assert_int_eq(occurrences(plan, "MATERIALIZE unit_persons"), (f & IP__DUE_UNIT) != 0);
        ck_assert_int_eq(occurrences(plan, "MATERIALIZE coordinator_persons"),
                         (f & IP__DUE_PRACTITIONER) != 0);
        if (f & IP__DUE_UNIT)
            ck_assert_ptr_nonnull(
                strstr(plan, "SEARCH pa USING COVERING INDEX participant_by_unit (unit_id=?)"));
        if (f & IP__DUE_PRACTITIONER) {
            ck_assert_ptr_nonnull(strstr(
                plan, "SEARCH ca USING COVERING INDEX coordinator_by_practitioner (practitioner_id=?)"));
            ck_assert_ptr_nonnull(strstr(
                plan, "SEARCH pa USING COVERING INDEX participant_by_practitioner (practitioner_id=?)"));
        }
        if (f != IP__DUE_ALL)
            ck_assert_ptr_nonnull(strstr(plan, "SEARCH pl USING PRIMARY KEY (id=?)"));
    }
    sqlite3_close(db);
}
END_TEST

#define OLD_UNIT "01900000-0000-7000-8000-0000000000e1"

START_TEST(upgrade_fills_the_derived_tables)
{
    const char *path = th_path("old.db");
    sqlite3 *db = NULL;
    ip_store_options opts = th_store_options(0);
    ip_store *store = NULL;
    ip_session *cu;
    listing l;
    int version = 0;

    /* A store at schema 4 with an active plan, a goal past its target and
     * an old meeting, written as schema 4 knew them. */
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(ip__migrations[i].version, i + 1);
        ck_assert_int_eq(sqlite3_exec(db, ip__migrations[i].sql, NULL, NULL, NULL), SQLITE_OK);
    }
    ck_assert_int_eq(
        sqlite3_exec(
            db,
            "INSERT INTO unit (id, revision, created_at, updated_at, name, sector,"
            " municipality_number, coordinating) VALUES ('" OLD_UNIT "', 1, '" INSTANT "',"
            " '" INSTANT "', 'Koordinerende enhet', 1, '0301', 1);"
            "INSERT INTO person (id, revision, created_at, updated_at, national_id_kind,"
            " given_name, family_name) VALUES ('p1', 1, '" INSTANT "', '" INSTANT "', 0, 'A', 'B');"
            "INSERT INTO plan (id, revision, created_at, updated_at, person_id, status, origin,"
            " activated_on, end_reason) VALUES ('pl1', 2, '2025-01-01T00:00:00.000Z',"
            " '" INSTANT "', 'p1', 2, 2, '2025-01-02', 0);"
            "INSERT INTO participant (id, revision, created_at, updated_at, plan_id, person_id,"
            " role, participant_person_id, responsibility_group, valid_from) VALUES ('pa1', 1,"
            " '" INSTANT "', '" INSTANT "', 'pl1', 'p1', 1, 'p1', 0, '2025-01-02');"
            "INSERT INTO meeting (id, revision, created_at, updated_at, plan_id, person_id,"
            " planned_on, held_on) VALUES ('m1', 1, '" INSTANT "', '" INSTANT "', 'pl1', 'p1',"
            " '2025-06-01', '2025-06-01');"
            "INSERT INTO goal (id, revision, created_at, updated_at, plan_id, person_id, text,"
            " expressed_by_id, target_date, status, achievement) VALUES ('g1', 1,"
            " '" INSTANT "', '" INSTANT "', 'pl1', 'p1', 'Mål', 'pa1', '2025-12-01', 2, 1);",
            NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db);

    th_ok(ip_store_open(&store, path, &opts));
    th_ok(ip_store_schema_version(&version, store));
    ck_assert_int_ge(version, 5);
    cu = th_session(store, IP_ROLE_COORDINATING_UNIT, "cu", OLD_UNIT);
    due_list(cu, NULL, NULL, NULL, 0, &l);
    assert_item(&l, IP_DUE_GROUP_MEETING, "pl1", "2025-12-01", "p1", "pl1");
    assert_item(&l, IP_DUE_GOAL_EVALUATION, "g1", "2025-12-01", "p1", "pl1");
    assert_item(&l, IP_DUE_PLAN_WITHOUT_COORDINATOR, "pl1", "2025-01-02", "p1", "pl1");
    ck_assert_uint_eq(l.n, 3);
    ip_session_free(cu);
    ip_store_close(store);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("due");
    TCase *tc = tcase_create("due");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, names_texts_and_init);
    tcase_add_test(tc, application_past_a_month_until_interim_reply);
    tcase_add_test(tc, plan_past_its_revision_date);
    tcase_add_test(tc, group_that_has_not_met);
    tcase_add_test(tc, complaints_near_deadline_and_in_review);
    tcase_add_test(tc, consent_running_out);
    tcase_add_test(tc, active_plan_without_coordinator);
    tcase_add_test(tc, goal_past_target_without_evaluation);
    tcase_add_test(tc, most_urgent_first_and_the_limit);
    tcase_add_test(tc, the_default_limit);
    tcase_add_test(tc, filtered_by_unit_and_coordinator);
    tcase_add_test(tc, who_reads_and_what_is_audited);
    tcase_add_test(tc, refused_queries);
    tcase_add_test(tc, an_iterator_freed_early_frees_its_items);
    tcase_add_test(tc, every_query_reads_an_index);
    tcase_add_test(tc, upgrade_fills_the_derived_tables);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
