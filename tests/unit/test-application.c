/*
 * Applications: who may sign them, the outcome of each request and its
 * form, interim replies, the overdue list, access, and that refused input
 * leaves the store untouched. The test clock stands at TH_TODAY
 * (2026-03-02).
 */
#include "harness.h"

#include <string.h>

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"
#define ALL_KINDS (IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR | IP_REQUEST_CHILD_COORDINATOR)

/* Records a relation from person to related. */
static void relate(ip_session *s, const ip_person *person, const ip_person *related,
                   ip_relation_kind kind, const char *from, const char *to)
{
    ip_relation_fields f = IP_RELATION_FIELDS_INIT;

    f.person_id = ip_person_id(person);
    f.related_id = ip_person_id(related);
    f.kind = kind;
    f.valid_from = from;
    f.valid_to = to;
    th_ok(ip_relation_create(NULL, s, &f));
}

/* Fields of an application of person's, signed by the person. */
static ip_application_fields app_fields(const ip_person *person, unsigned int requests,
                                        const char *received_on)
{
    ip_application_fields f = IP_APPLICATION_FIELDS_INIT;

    f.person_id = ip_person_id(person);
    f.requests = requests;
    f.received_on = received_on;
    f.signed_by_id = ip_person_id(person);
    return f;
}

/* Creates an application signed by the person; the caller frees it. */
static ip_application *apply(ip_session *s, const ip_person *person,
                             unsigned int requests, const char *received_on)
{
    ip_application_fields f = app_fields(person, requests, received_on);
    ip_application *a = NULL;

    th_ok(ip_application_create(&a, s, &f));
    return a;
}

static ip_outcome_fields granted(void)
{
    ip_outcome_fields o = IP_OUTCOME_FIELDS_INIT;

    o.outcome = IP_OUTCOME_GRANTED;
    return o;
}

/* Lists applications into ids (each up to 36 chars); returns the count. */
static int list_ids(ip_session *s, const char *person_id, const char *overdue_on,
                    char ids[][40], int max)
{
    ip_application_query q = IP_APPLICATION_QUERY_INIT;
    ip_application_iterator *it = NULL;
    ip_application *a = NULL;
    int n = 0, rc;

    q.person_id = person_id;
    q.overdue_on = overdue_on;
    th_ok(ip_application_iterator_new(&it, s, &q));
    while ((rc = ip_application_next(&a, it)) == IP_OK) {
        ck_assert_int_lt(n, max);
        strcpy(ids[n++], ip_application_id(a));
        ip_application_free(a);
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    th_expect(IP_ITEROVER, ip_application_next(&a, it));
    ip_application_iterator_free(it);
    return n;
}

START_TEST(create_and_read)
{
    th_family w;
    ip_application_fields f;
    ip_application *a = NULL, *b = NULL;

    th_family_open(&w);
    f = app_fields(w.child, ALL_KINDS, "2026-01-31");
    f.note = "Ønsker koordinator fra skolen";
    f.host_ref = "EPJ-123";
    th_ok(ip_application_create(&a, w.cu, &f));
    ck_assert_int_eq(strlen(ip_application_id(a)), 36);
    ck_assert_int_eq(ip_application_revision(a), 1);
    ck_assert_uint_eq(ip_application_requests(a), ALL_KINDS);
    /* A month after 31 January is the last day of February. */
    ck_assert_str_eq(ip_application_reply_due_on(a), "2026-02-28");

    th_ok(ip_application_get(&b, w.cu, ip_application_id(a)));
    ck_assert_str_eq(ip_application_id(b), ip_application_id(a));
    ck_assert_int_eq(ip_application_revision(b), 1);
    ck_assert_str_eq(ip_application_person_id(b), ip_person_id(w.child));
    ck_assert_uint_eq(ip_application_requests(b), ALL_KINDS);
    ck_assert_str_eq(ip_application_received_on(b), "2026-01-31");
    ck_assert_str_eq(ip_application_reply_due_on(b), "2026-02-28");
    ck_assert_str_eq(ip_application_signed_by_id(b), ip_person_id(w.child));
    ck_assert_ptr_null(ip_application_interim_reply_on(b));
    ck_assert_str_eq(ip_application_note(b), "Ønsker koordinator fra skolen");
    ck_assert_str_eq(ip_application_host_ref(b), "EPJ-123");
    for (unsigned int kind = 1; kind <= 4; kind <<= 1) {
        ck_assert_int_eq(ip_application_outcome(b, (ip_request_kind)kind), IP_OUTCOME_PENDING);
        ck_assert_int_eq(ip_application_outcome_form(b, (ip_request_kind)kind), 0);
        ck_assert_ptr_null(ip_application_outcome_reason(b, (ip_request_kind)kind));
        ck_assert_ptr_null(ip_application_decided_on(b, (ip_request_kind)kind));
        ck_assert_ptr_null(ip_application_decided_by(b, (ip_request_kind)kind));
    }
    ip_application_free(a);
    ip_application_free(b);

    /* Received today is fine; one request only is fine. */
    a = apply(w.cu, w.child, IP_REQUEST_COORDINATOR, TH_TODAY);
    ck_assert_uint_eq(ip_application_requests(a), IP_REQUEST_COORDINATOR);
    ck_assert_str_eq(ip_application_reply_due_on(a), "2026-04-02");
    ip_application_free(a);

    th_expect(IP_ENOTFOUND, ip_application_get(&b, w.cu, NO_SUCH_ID));
    th_field("application.id");
    ck_assert_ptr_null(b);
    th_expect(IP_EINVALID, ip_application_get(&b, w.cu, "nope"));
    th_field("application.id");
    th_family_close(&w);
}
END_TEST

START_TEST(signed_by_parent)
{
    th_family w;
    ip_application_fields f;
    ip_application *a = NULL;

    th_family_open(&w);
    relate(w.cu, w.child, w.parent, IP_RELATION_PARENT, "2015-06-01", NULL);
    f = app_fields(w.child, IP_REQUEST_PLAN | IP_REQUEST_CHILD_COORDINATOR, "2026-02-01");
    f.signed_by_id = ip_person_id(w.parent);
    th_ok(ip_application_create(&a, w.cu, &f));
    ck_assert_str_eq(ip_application_signed_by_id(a), ip_person_id(w.parent));
    ip_application_free(a);
    th_family_close(&w);
}
END_TEST

START_TEST(signed_by_guardian_on_the_day)
{
    th_family w;
    ip_application_fields f;
    ip_person *guardian;

    th_family_open(&w);
    guardian = th_person(w.cu, "1970-05-05", "Verge");
    relate(w.cu, w.child, guardian, IP_RELATION_GUARDIAN, "2026-01-10", NULL);
    f = app_fields(w.child, IP_REQUEST_PLAN, "2026-01-10");
    f.signed_by_id = ip_person_id(guardian);
    th_ok(ip_application_create(NULL, w.cu, &f));
    /* The day before the guardianship began the guardian had no authority. */
    f.received_on = "2026-01-09";
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.signed_by_id");
    ip_person_free(guardian);
    th_family_close(&w);
}
END_TEST

START_TEST(signed_by_unrelated)
{
    th_family w;
    ip_application_fields f;
    ip_application *a = NULL;
    ip_person *neighbour, *kin;

    th_family_open(&w);
    neighbour = th_person(w.cu, "1975-07-07", "Nabo");
    f = app_fields(w.child, IP_REQUEST_PLAN, "2026-02-01");
    f.signed_by_id = ip_person_id(neighbour);
    th_expect(IP_EINVALID, ip_application_create(&a, w.cu, &f));
    th_field("application.signed_by_id");
    ck_assert_str_eq(ip_error_last()->message,
                     "application.signed_by_id: is neither the person nor a "
                     "representative with authority on the day received");
    ck_assert_ptr_null(a);

    /* Next of kin is no representative. */
    kin = th_person(w.cu, "1950-08-08", "Bestemor");
    relate(w.cu, w.child, kin, IP_RELATION_NEXT_OF_KIN, "2015-06-01", NULL);
    f.signed_by_id = ip_person_id(kin);
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.signed_by_id");

    /* Nor is a signer that names no person. */
    f.signed_by_id = NO_SUCH_ID;
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.signed_by_id");
    f.signed_by_id = NULL;
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.signed_by_id");

    /* Nothing was written. */
    ck_assert_int_eq(list_ids(w.cu, ip_person_id(w.child), NULL, NULL, 0), 0);
    ip_person_free(neighbour);
    ip_person_free(kin);
    th_family_close(&w);
}
END_TEST

START_TEST(signed_by_former_parent)
{
    th_family w;
    ip_application_fields f;

    th_family_open(&w);
    relate(w.cu, w.child, w.parent, IP_RELATION_PARENT, "2015-06-01", "2025-12-31");
    f = app_fields(w.child, IP_REQUEST_PLAN, "2026-01-10");
    f.signed_by_id = ip_person_id(w.parent);
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.signed_by_id");
    /* Received on the relation's last day, it stands. */
    f.received_on = "2025-12-31";
    th_ok(ip_application_create(NULL, w.cu, &f));
    th_family_close(&w);
}
END_TEST

START_TEST(bad_fields)
{
    th_family w;
    ip_application_fields f;
    ip_application *a = (ip_application *)&w;

    th_family_open(&w);
    f = app_fields(w.child, IP_REQUEST_PLAN, "2026-03-03");
    th_expect(IP_EINVALID, ip_application_create(&a, w.cu, &f));
    th_field("application.received_on");
    ck_assert_ptr_null(a);
    f.received_on = "2026-02-30";
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.received_on");
    f.received_on = NULL;
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.received_on");

    f = app_fields(w.child, 0, "2026-02-01");
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.requests");
    f.requests = IP_REQUEST_PLAN | 8u;
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.requests");

    f = app_fields(w.child, IP_REQUEST_PLAN, "2026-02-01");
    f.person_id = NO_SUCH_ID;
    f.signed_by_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_application_create(NULL, w.cu, &f));
    th_field("application.person_id");
    f.person_id = "";
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.person_id");

    f = app_fields(w.child, IP_REQUEST_PLAN, "2026-02-01");
    f.note = "bad \x01 control";
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.note");

    f.version = 7;
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, &f));
    th_field("application.version");
    th_expect(IP_EINVALID, ip_application_create(NULL, w.cu, NULL));
    th_field("application");
    th_expect(IP_EINVALID, ip_application_create(NULL, NULL, &f));
    th_field("session");
    th_family_close(&w);
}
END_TEST

START_TEST(decide_each_request)
{
    th_family w;
    ip_application *a, *b = NULL;
    ip_outcome_fields o = granted();
    int64_t revision = 0;
    const char *id;

    th_family_open(&w);
    a = apply(w.cu, w.child, ALL_KINDS, "2026-01-15");
    id = ip_application_id(a);

    th_ok(ip_application_decide(&revision, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    ck_assert_int_eq(revision, 2);

    o.outcome = IP_OUTCOME_REFUSED;
    o.form = IP_OUTCOME_FORM_INDIVIDUAL_DECISION;
    o.reason = "Behovet dekkes av eksisterende tjenester";
    o.decided_on = "2026-01-15";
    th_ok(ip_application_decide(&revision, w.cu, id, 2, IP_REQUEST_COORDINATOR, &o));
    ck_assert_int_eq(revision, 3);

    o = granted();
    o.outcome = IP_OUTCOME_WITHDRAWN;
    o.decided_on = "2026-02-20";
    th_ok(ip_application_decide(&revision, w.cu, id, 3, IP_REQUEST_CHILD_COORDINATOR, &o));
    ck_assert_int_eq(revision, 4);

    th_ok(ip_application_get(&b, w.cu, id));
    ck_assert_int_eq(ip_application_revision(b), 4);
    ck_assert_int_eq(ip_application_outcome(b, IP_REQUEST_PLAN), IP_OUTCOME_GRANTED);
    ck_assert_int_eq(ip_application_outcome_form(b, IP_REQUEST_PLAN), IP_OUTCOME_FORM_DECISION);
    ck_assert_ptr_null(ip_application_outcome_reason(b, IP_REQUEST_PLAN));
    ck_assert_str_eq(ip_application_decided_on(b, IP_REQUEST_PLAN), TH_TODAY);
    ck_assert_str_eq(ip_application_decided_by(b, IP_REQUEST_PLAN), "case-worker-1");

    ck_assert_int_eq(ip_application_outcome(b, IP_REQUEST_COORDINATOR), IP_OUTCOME_REFUSED);
    ck_assert_int_eq(ip_application_outcome_form(b, IP_REQUEST_COORDINATOR),
                     IP_OUTCOME_FORM_INDIVIDUAL_DECISION);
    ck_assert_str_eq(ip_application_outcome_reason(b, IP_REQUEST_COORDINATOR),
                     "Behovet dekkes av eksisterende tjenester");
    ck_assert_str_eq(ip_application_decided_on(b, IP_REQUEST_COORDINATOR), "2026-01-15");

    ck_assert_int_eq(ip_application_outcome(b, IP_REQUEST_CHILD_COORDINATOR),
                     IP_OUTCOME_WITHDRAWN);
    ck_assert_str_eq(ip_application_decided_on(b, IP_REQUEST_CHILD_COORDINATOR), "2026-02-20");
    /* A combination of bits is not one request. */
    ck_assert_int_eq(ip_application_outcome(b, (ip_request_kind)3), IP_OUTCOME_PENDING);
    ck_assert_ptr_null(ip_application_decided_by(b, (ip_request_kind)3));

    /* Nothing is pending any more: no interim reply is due. */
    th_expect(IP_ESTATE, ip_application_interim_reply(NULL, w.cu, id, 4, TH_TODAY));
    ip_application_free(b);
    ip_application_free(a);
    th_family_close(&w);
}
END_TEST

START_TEST(decide_rules)
{
    th_family w;
    ip_application *a, *b = NULL;
    ip_outcome_fields o = granted();
    int64_t revision = 0;
    const char *id;

    th_family_open(&w);
    a = apply(w.cu, w.child, IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR, "2026-01-15");
    id = ip_application_id(a);

    /* A kind not requested, or not one kind. */
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1,
                                                 IP_REQUEST_CHILD_COORDINATOR, &o));
    th_field("kind");
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, (ip_request_kind)3, &o));
    th_field("kind");
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, (ip_request_kind)0, &o));
    th_field("kind");

    /* A refusal needs a reason. */
    o.outcome = IP_OUTCOME_REFUSED;
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    th_field("outcome.reason");
    o.reason = "";
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    th_field("outcome.reason");

    /* Pending is no outcome; unknown outcomes and forms are refused. */
    o = granted();
    o.outcome = IP_OUTCOME_PENDING;
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    th_field("outcome.outcome");
    o.outcome = (ip_outcome)9;
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    th_field("outcome.outcome");
    o = granted();
    o.form = (ip_outcome_form)3;
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    th_field("outcome.form");

    /* Decision dates: not before receipt, not after today. */
    o = granted();
    o.decided_on = "2026-01-14";
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    th_field("outcome.decided_on");
    o.decided_on = "2026-03-03";
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    th_field("outcome.decided_on");
    o.decided_on = "2026-1-20";
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    th_field("outcome.decided_on");

    /* Arguments. */
    o = granted();
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, IP_REQUEST_PLAN, NULL));
    th_field("outcome");
    o.version = 0;
    th_expect(IP_EINVALID, ip_application_decide(NULL, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    th_field("outcome.version");
    o = granted();
    th_expect(IP_EINVALID, ip_application_decide(NULL, NULL, id, 1, IP_REQUEST_PLAN, &o));
    th_field("session");
    th_expect(IP_ENOTFOUND, ip_application_decide(NULL, w.cu, NO_SUCH_ID, 1,
                                                  IP_REQUEST_PLAN, &o));
    th_field("application.id");

    /* Still untouched. */
    th_ok(ip_application_get(&b, w.cu, id));
    ck_assert_int_eq(ip_application_revision(b), 1);
    ck_assert_int_eq(ip_application_outcome(b, IP_REQUEST_PLAN), IP_OUTCOME_PENDING);
    ip_application_free(b);

    /* Decided once; a second decision is a state error, whatever the revision. */
    th_ok(ip_application_decide(&revision, w.cu, id, 1, IP_REQUEST_PLAN, &o));
    ck_assert_int_eq(revision, 2);
    o.outcome = IP_OUTCOME_REFUSED;
    o.reason = "Ombestemt";
    th_expect(IP_ESTATE, ip_application_decide(NULL, w.cu, id, 2, IP_REQUEST_PLAN, &o));
    th_field("kind");
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "complaint"));

    /* A stale revision on the other request. */
    o = granted();
    th_expect(IP_ECONFLICT, ip_application_decide(&revision, w.cu, id, 1,
                                                  IP_REQUEST_COORDINATOR, &o));
    th_field("application.revision");
    ck_assert_int_eq(revision, 2);
    th_ok(ip_application_get(&b, w.cu, id));
    ck_assert_int_eq(ip_application_outcome(b, IP_REQUEST_COORDINATOR), IP_OUTCOME_PENDING);
    ck_assert_int_eq(ip_application_outcome(b, IP_REQUEST_PLAN), IP_OUTCOME_GRANTED);
    ip_application_free(b);
    th_ok(ip_application_decide(&revision, w.cu, id, 2, IP_REQUEST_COORDINATOR, &o));
    ck_assert_int_eq(revision, 3);

    ip_application_free(a);
    th_family_close(&w);
}
END_TEST

START_TEST(interim_reply)
{
    th_family w;
    ip_application *a, *b = NULL;
    int64_t revision = 0;
    const char *id;

    th_family_open(&w);
    a = apply(w.cu, w.child, IP_REQUEST_PLAN, "2026-01-15");
    id = ip_application_id(a);

    th_expect(IP_EINVALID, ip_application_interim_reply(NULL, w.cu, id, 1, "2026-01-14"));
    th_field("replied_on");
    th_expect(IP_EINVALID, ip_application_interim_reply(NULL, w.cu, id, 1, "2026-03-03"));
    th_field("replied_on");
    th_expect(IP_EINVALID, ip_application_interim_reply(NULL, w.cu, id, 1, NULL));
    th_field("replied_on");
    th_expect(IP_ECONFLICT, ip_application_interim_reply(NULL, w.cu, id, 2, "2026-02-10"));
    th_expect(IP_ENOTFOUND, ip_application_interim_reply(NULL, w.cu, NO_SUCH_ID, 1,
                                                         "2026-02-10"));

    th_ok(ip_application_interim_reply(&revision, w.cu, id, 1, "2026-02-10"));
    ck_assert_int_eq(revision, 2);
    th_ok(ip_application_get(&b, w.cu, id));
    ck_assert_str_eq(ip_application_interim_reply_on(b), "2026-02-10");
    ck_assert_int_eq(ip_application_revision(b), 2);
    ip_application_free(b);

    th_expect(IP_ESTATE, ip_application_interim_reply(NULL, w.cu, id, 2, "2026-02-11"));
    th_field("application.interim_reply_on");

    /* Deciding still works after an interim reply. */
    ip_outcome_fields o = granted();
    th_ok(ip_application_decide(&revision, w.cu, id, 2, IP_REQUEST_PLAN, &o));
    ck_assert_int_eq(revision, 3);
    ip_application_free(a);
    th_family_close(&w);
}
END_TEST

START_TEST(overdue)
{
    th_family w;
    ip_application *waiting, *recent, *replied, *decided, *half, *other_app;
    ip_outcome_fields o = granted();
    ip_person *other;
    char ids[8][40];
    int n;

    th_family_open(&w);
    other = th_person(w.cu, "2012-12-12", "Siri");
    decided = apply(w.cu, w.child, IP_REQUEST_PLAN, "2026-01-05");
    replied = apply(w.cu, w.child, IP_REQUEST_PLAN, "2026-01-10");
    waiting = apply(w.cu, w.child, IP_REQUEST_PLAN, "2026-01-15");
    half = apply(w.cu, w.child, IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR, "2026-01-20");
    recent = apply(w.cu, w.child, IP_REQUEST_PLAN, "2026-02-15");
    other_app = apply(w.cu, other, IP_REQUEST_COORDINATOR, "2026-01-25");

    th_ok(ip_application_decide(NULL, w.cu, ip_application_id(decided), 1,
                                IP_REQUEST_PLAN, &o));
    th_ok(ip_application_interim_reply(NULL, w.cu, ip_application_id(replied), 1,
                                       "2026-02-01"));
    th_ok(ip_application_decide(NULL, w.cu, ip_application_id(half), 1,
                                IP_REQUEST_COORDINATOR, &o));

    /* Overdue on today: waiting and half of the child's, and the other's. */
    n = list_ids(w.cu, NULL, TH_TODAY, ids, 8);
    ck_assert_int_eq(n, 3);
    ck_assert_str_eq(ids[0], ip_application_id(waiting));
    ck_assert_str_eq(ids[1], ip_application_id(half));
    ck_assert_str_eq(ids[2], ip_application_id(other_app));

    n = list_ids(w.cu, ip_person_id(w.child), TH_TODAY, ids, 8);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(ids[0], ip_application_id(waiting));
    ck_assert_str_eq(ids[1], ip_application_id(half));

    /* On the reply day itself nothing is overdue yet; the day after it is. */
    ck_assert_int_eq(list_ids(w.cu, ip_person_id(w.child), "2026-02-15", ids, 8), 0);
    n = list_ids(w.cu, ip_person_id(w.child), "2026-02-16", ids, 8);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(ids[0], ip_application_id(waiting));

    /* Without overdue_on every application is listed, oldest received first. */
    n = list_ids(w.cu, NULL, NULL, ids, 8);
    ck_assert_int_eq(n, 6);
    ck_assert_str_eq(ids[0], ip_application_id(decided));
    ck_assert_str_eq(ids[5], ip_application_id(recent));
    n = list_ids(w.cu, ip_person_id(other), NULL, ids, 8);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(ids[0], ip_application_id(other_app));

    ip_application_free(waiting);
    ip_application_free(recent);
    ip_application_free(replied);
    ip_application_free(decided);
    ip_application_free(half);
    ip_application_free(other_app);
    ip_person_free(other);
    th_family_close(&w);
}
END_TEST

START_TEST(iterator_yields_requests)
{
    th_family w;
    ip_application *a, *listed = NULL;
    ip_application_iterator *it = NULL;
    ip_outcome_fields o = granted();

    th_family_open(&w);
    a = apply(w.cu, w.child, IP_REQUEST_PLAN | IP_REQUEST_CHILD_COORDINATOR, "2026-01-15");
    th_ok(ip_application_decide(NULL, w.cu, ip_application_id(a), 1,
                                IP_REQUEST_CHILD_COORDINATOR, &o));
    th_ok(ip_application_iterator_new(&it, w.cu, NULL));
    th_ok(ip_application_next(&listed, it));
    ck_assert_int_eq(ip_application_outcome(listed, IP_REQUEST_CHILD_COORDINATOR),
                     IP_OUTCOME_GRANTED);
    ck_assert_int_eq(ip_application_outcome(listed, IP_REQUEST_PLAN), IP_OUTCOME_PENDING);
    ck_assert_str_eq(ip_application_decided_by(listed, IP_REQUEST_CHILD_COORDINATOR),
                     "case-worker-1");
    ip_application_free(listed);
    th_expect(IP_ITEROVER, ip_application_next(&listed, it));
    ck_assert_ptr_null(listed);
    ip_application_iterator_free(it);

    /* Freeing an iterator that still holds applications frees them too. */
    th_ok(ip_application_iterator_new(&it, w.cu, NULL));
    ip_application_iterator_free(it);
    ip_application_free(a);
    th_family_close(&w);
}
END_TEST

START_TEST(query_checks)
{
    th_family w;
    ip_application_query q = IP_APPLICATION_QUERY_INIT;
    ip_application_iterator *it = (ip_application_iterator *)&w;
    ip_application *a = NULL;

    th_family_open(&w);
    q.person_id = "someone";
    th_expect(IP_EINVALID, ip_application_iterator_new(&it, w.cu, &q));
    th_field("query.person_id");
    ck_assert_ptr_null(it);
    q.person_id = NULL;
    q.overdue_on = "2026-02-29";
    th_expect(IP_EINVALID, ip_application_iterator_new(&it, w.cu, &q));
    th_field("query.overdue_on");
    q.overdue_on = NULL;
    q.version = 2;
    th_expect(IP_EINVALID, ip_application_iterator_new(&it, w.cu, &q));
    th_field("query.version");
    th_expect(IP_EINVALID, ip_application_iterator_new(NULL, w.cu, NULL));
    th_field("out");
    th_expect(IP_EINVALID, ip_application_iterator_new(&it, NULL, NULL));
    th_field("session");
    th_expect(IP_EINVALID, ip_application_next(&a, NULL));
    th_field("iterator");
    th_expect(IP_EINVALID, ip_application_next(NULL, NULL));
    th_field("out");

    th_expect(IP_EINVALID, ip_application_query_init(NULL, IP_APPLICATION_QUERY_VERSION));
    th_expect(IP_EINVALID, ip_application_query_init(&q, 9));
    th_ok(ip_application_query_init(&q, IP_APPLICATION_QUERY_VERSION));
    ck_assert_uint_eq(q.version, IP_APPLICATION_QUERY_VERSION);
    ck_assert_ptr_null(q.person_id);
    ck_assert_ptr_null(q.overdue_on);
    th_family_close(&w);
}
END_TEST

START_TEST(access)
{
    th_family w;
    ip_application *mine, *theirs, *got = NULL;
    ip_application_iterator *it = NULL;
    ip_session *child, *parent, *stranger;
    ip_person *other;
    ip_application_fields f;
    ip_outcome_fields o = granted();
    char ids[4][40];

    th_family_open(&w);
    other = th_person(w.cu, "1999-09-19", "Lise");
    relate(w.cu, w.child, w.parent, IP_RELATION_PARENT, "2015-06-01", NULL);
    mine = apply(w.cu, w.child, IP_REQUEST_PLAN, "2026-02-01");
    theirs = apply(w.cu, other, IP_REQUEST_PLAN, "2026-02-01");

    child = th_session(w.store, IP_ROLE_PERSON, ip_person_id(w.child), NULL);
    th_ok(ip_application_get(&got, child, ip_application_id(mine)));
    ck_assert_str_eq(ip_application_person_id(got), ip_person_id(w.child));
    ip_application_free(got);
    th_expect(IP_EDENIED, ip_application_get(&got, child, ip_application_id(theirs)));
    ck_assert_ptr_null(got);
    th_expect(IP_EDENIED, ip_application_decide(NULL, child, ip_application_id(mine), 1,
                                                IP_REQUEST_PLAN, &o));
    th_expect(IP_EDENIED, ip_application_interim_reply(NULL, child, ip_application_id(mine),
                                                       1, TH_TODAY));
    /* Own list yes; everyone's or another's no. */
    ck_assert_int_eq(list_ids(child, ip_person_id(w.child), NULL, ids, 4), 1);
    th_expect(IP_EDENIED, ip_application_iterator_new(&it, child, NULL));
    ck_assert_ptr_null(it);
    ip_application_query q = IP_APPLICATION_QUERY_INIT;
    q.person_id = ip_person_id(other);
    th_expect(IP_EDENIED, ip_application_iterator_new(&it, child, &q));
    /* The person applies for themselves, not for others. */
    f = app_fields(w.child, IP_REQUEST_COORDINATOR, TH_TODAY);
    th_ok(ip_application_create(NULL, child, &f));
    f = app_fields(other, IP_REQUEST_COORDINATOR, TH_TODAY);
    th_expect(IP_EDENIED, ip_application_create(NULL, child, &f));

    /* The parent reads and applies for the child. */
    parent = th_session(w.store, IP_ROLE_REPRESENTATIVE, ip_person_id(w.parent), NULL);
    th_ok(ip_application_get(&got, parent, ip_application_id(mine)));
    ck_assert_str_eq(ip_application_id(got), ip_application_id(mine));
    ip_application_free(got);
    ck_assert_int_eq(list_ids(parent, ip_person_id(w.child), NULL, ids, 4), 2);
    f = app_fields(w.child, IP_REQUEST_CHILD_COORDINATOR, TH_TODAY);
    f.signed_by_id = ip_person_id(w.parent);
    th_ok(ip_application_create(NULL, parent, &f));
    th_expect(IP_EDENIED, ip_application_get(&got, parent, ip_application_id(theirs)));
    th_expect(IP_EDENIED, ip_application_decide(NULL, parent, ip_application_id(mine), 1,
                                                IP_REQUEST_PLAN, &o));

    /* A representative of nobody reads nothing. */
    stranger = th_session(w.store, IP_ROLE_REPRESENTATIVE, ip_person_id(other), NULL);
    th_expect(IP_EDENIED, ip_application_get(&got, stranger, ip_application_id(mine)));

    /* The denied decisions wrote nothing. */
    th_ok(ip_application_get(&got, w.cu, ip_application_id(mine)));
    ck_assert_int_eq(ip_application_revision(got), 1);
    ip_application_free(got);

    ip_session_free(child);
    ip_session_free(parent);
    ip_session_free(stranger);
    ip_application_free(mine);
    ip_application_free(theirs);
    ip_person_free(other);
    th_family_close(&w);
}
END_TEST

START_TEST(refused_input_leaves_store_unchanged)
{
    ip_store *store = th_store();
    const char *unit = th_unit(store, "Koordinerende enhet", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 1);
    char unit_id[40], child_id[40], app_id[40];
    ip_session *cu = th_session(store, IP_ROLE_COORDINATING_UNIT, "case-worker-1", unit);
    ip_person *child = th_person(cu, "2015-06-01", "Kari");
    ip_person *neighbour = th_person(cu, "1975-07-07", "Nabo");
    ip_application *a = apply(cu, child, IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR, "2026-01-15");
    ip_application_fields f;
    ip_outcome_fields o = IP_OUTCOME_FIELDS_INIT;
    ip_relation_fields rf = IP_RELATION_FIELDS_INIT;
    th_snapshot *snap;

    strcpy(unit_id, unit);
    strcpy(child_id, ip_person_id(child));
    strcpy(app_id, ip_application_id(a));
    th_ok(ip_application_decide(NULL, cu, app_id, 1, IP_REQUEST_PLAN, &(ip_outcome_fields){
        IP_OUTCOME_FIELDS_VERSION, IP_OUTCOME_GRANTED, (ip_outcome_form)0, NULL, NULL}));
    ip_application_free(a);
    ip_session_free(cu);
    th_close(store);
    snap = th_snapshot_take(th_path("store.db"));

    store = th_store();
    cu = th_session(store, IP_ROLE_COORDINATING_UNIT, "case-worker-1", unit_id);
    /* Refused before the store is touched. */
    f = app_fields(child, IP_REQUEST_PLAN, "2026-03-03");
    th_expect(IP_EINVALID, ip_application_create(NULL, cu, &f));
    o.outcome = IP_OUTCOME_REFUSED;
    th_expect(IP_EINVALID, ip_application_decide(NULL, cu, app_id, 2,
                                                 IP_REQUEST_COORDINATOR, &o));
    /* Refused inside the call, which is rolled back. */
    f = app_fields(child, IP_REQUEST_PLAN, "2026-02-01");
    f.signed_by_id = ip_person_id(neighbour);
    th_expect(IP_EINVALID, ip_application_create(NULL, cu, &f));
    o = (ip_outcome_fields)IP_OUTCOME_FIELDS_INIT;
    o.outcome = IP_OUTCOME_GRANTED;
    th_expect(IP_ESTATE, ip_application_decide(NULL, cu, app_id, 2, IP_REQUEST_PLAN, &o));
    th_expect(IP_EINVALID, ip_application_decide(NULL, cu, app_id, 2,
                                                 IP_REQUEST_CHILD_COORDINATOR, &o));
    th_expect(IP_ECONFLICT, ip_application_decide(NULL, cu, app_id, 1,
                                                  IP_REQUEST_COORDINATOR, &o));
    th_expect(IP_ECONFLICT, ip_application_interim_reply(NULL, cu, app_id, 1, TH_TODAY));
    rf.person_id = child_id;
    rf.related_id = NO_SUCH_ID;
    rf.kind = IP_RELATION_PARENT;
    rf.valid_from = "2015-06-01";
    th_expect(IP_ENOTFOUND, ip_relation_create(NULL, cu, &rf));
    rf.related_id = child_id;
    th_expect(IP_EINVALID, ip_relation_create(NULL, cu, &rf));
    ip_session_free(cu);
    th_close(store);
    th_snapshot_assert_same(snap, th_path("store.db"));
    ip_person_free(child);
    ip_person_free(neighbour);
}
END_TEST

START_TEST(names)
{
    ip_request_kind kind;
    ip_outcome outcome;
    ip_outcome_form form;

    ck_assert_str_eq(ip_request_kind_name(IP_REQUEST_PLAN), "plan");
    ck_assert_str_eq(ip_request_kind_name(IP_REQUEST_COORDINATOR), "coordinator");
    ck_assert_str_eq(ip_request_kind_name(IP_REQUEST_CHILD_COORDINATOR), "child_coordinator");
    ck_assert_ptr_null(ip_request_kind_name((ip_request_kind)3));
    ck_assert_ptr_null(ip_request_kind_name((ip_request_kind)0));
    for (unsigned int k = 1; k <= 4; k <<= 1) {
        th_ok(ip_request_kind_from_name(&kind, ip_request_kind_name((ip_request_kind)k)));
        ck_assert_int_eq(kind, (int)k);
    }
    th_expect(IP_EINVALID, ip_request_kind_from_name(&kind, "plan,coordinator"));
    th_field("request_kind");
    th_expect(IP_EINVALID, ip_request_kind_from_name(NULL, "plan"));

    ck_assert_str_eq(ip_outcome_name(IP_OUTCOME_PENDING), "pending");
    ck_assert_str_eq(ip_outcome_name(IP_OUTCOME_GRANTED), "granted");
    ck_assert_str_eq(ip_outcome_name(IP_OUTCOME_REFUSED), "refused");
    ck_assert_str_eq(ip_outcome_name(IP_OUTCOME_WITHDRAWN), "withdrawn");
    ck_assert_ptr_null(ip_outcome_name((ip_outcome)4));
    for (int v = IP_OUTCOME_PENDING; v <= IP_OUTCOME_WITHDRAWN; v++) {
        th_ok(ip_outcome_from_name(&outcome, ip_outcome_name((ip_outcome)v)));
        ck_assert_int_eq(outcome, v);
    }
    th_expect(IP_EINVALID, ip_outcome_from_name(&outcome, "innvilget"));
    th_field("outcome");

    ck_assert_str_eq(ip_outcome_form_name(IP_OUTCOME_FORM_DECISION), "decision");
    ck_assert_str_eq(ip_outcome_form_name(IP_OUTCOME_FORM_INDIVIDUAL_DECISION),
                     "individual_decision");
    ck_assert_ptr_null(ip_outcome_form_name((ip_outcome_form)0));
    th_ok(ip_outcome_form_from_name(&form, "individual_decision"));
    ck_assert_int_eq(form, IP_OUTCOME_FORM_INDIVIDUAL_DECISION);
    th_ok(ip_outcome_form_from_name(&form, "decision"));
    ck_assert_int_eq(form, IP_OUTCOME_FORM_DECISION);
    th_expect(IP_EINVALID, ip_outcome_form_from_name(&form, "enkeltvedtak"));
    th_field("outcome_form");
}
END_TEST

START_TEST(inits_and_null_getters)
{
    ip_application_fields f;
    ip_outcome_fields o;

    th_ok(ip_application_fields_init(&f, IP_APPLICATION_FIELDS_VERSION));
    ck_assert_uint_eq(f.version, IP_APPLICATION_FIELDS_VERSION);
    ck_assert_uint_eq(f.requests, 0);
    ck_assert_ptr_null(f.person_id);
    th_expect(IP_EINVALID, ip_application_fields_init(&f, 0));
    th_field("fields.version");
    th_expect(IP_EINVALID, ip_application_fields_init(NULL, IP_APPLICATION_FIELDS_VERSION));
    th_ok(ip_outcome_fields_init(&o, IP_OUTCOME_FIELDS_VERSION));
    ck_assert_int_eq(o.outcome, IP_OUTCOME_PENDING);
    ck_assert_int_eq(o.form, 0);
    ck_assert_ptr_null(o.reason);
    th_expect(IP_EINVALID, ip_outcome_fields_init(&o, 2));
    th_expect(IP_EINVALID, ip_outcome_fields_init(NULL, IP_OUTCOME_FIELDS_VERSION));

    ck_assert_ptr_null(ip_application_id(NULL));
    ck_assert_int_eq(ip_application_revision(NULL), 0);
    ck_assert_uint_eq(ip_application_requests(NULL), 0);
    ck_assert_ptr_null(ip_application_reply_due_on(NULL));
    ck_assert_int_eq(ip_application_outcome(NULL, IP_REQUEST_PLAN), IP_OUTCOME_PENDING);
    ck_assert_int_eq(ip_application_outcome_form(NULL, IP_REQUEST_PLAN), 0);
    ck_assert_ptr_null(ip_application_decided_by(NULL, IP_REQUEST_PLAN));
    ip_application_free(NULL);
    ip_application_iterator_free(NULL);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("application");
    TCase *tc = tcase_create("application");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, create_and_read);
    tcase_add_test(tc, signed_by_parent);
    tcase_add_test(tc, signed_by_guardian_on_the_day);
    tcase_add_test(tc, signed_by_unrelated);
    tcase_add_test(tc, signed_by_former_parent);
    tcase_add_test(tc, bad_fields);
    tcase_add_test(tc, decide_each_request);
    tcase_add_test(tc, decide_rules);
    tcase_add_test(tc, interim_reply);
    tcase_add_test(tc, overdue);
    tcase_add_test(tc, iterator_yields_requests);
    tcase_add_test(tc, query_checks);
    tcase_add_test(tc, access);
    tcase_add_test(tc, refused_input_leaves_store_unchanged);
    tcase_add_test(tc, names);
    tcase_add_test(tc, inits_and_null_getters);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
