/* Plans: opening (from a granted plan request or directly), the one open
 * plan per person, the lifecycle and its forbidden transitions, activation
 * under the person's consent to the plan and the end of the plan when that
 * consent is withdrawn, the plan's own content, lists, names, and who may
 * do what. */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"

static ip_plan_fields full_fields(void)
{
    ip_plan_fields f = IP_PLAN_FIELDS_INIT;

    f.period_start = "2026-03-01";
    f.period_end = "2027-02-28";
    f.next_revision_on = "2026-09-01";
    f.resources = "Liker å tegne; god støtte fra besteforeldre.";
    f.needs = "Hjelp med overgang til ungdomsskole; fysioterapi.";
    f.cooperation = "Samarbeid med PPT og fastlege.";
    f.host_ref = "EPJ-PLAN-17";
    return f;
}

/* A draft plan opened directly for person; returns it (caller frees). */
static ip_plan *direct_plan(ip_session *cu, const ip_person *person)
{
    ip_plan *plan = NULL;

    th_ok(ip_plan_create_direct(&plan, cu, ip_person_id(person), NULL));
    return plan;
}

/* A consent to the plan about person_id, given by giver (the person from
 * 16, else a parent), valid from..to (to may be NULL). */
static ip_consent *plan_consent(ip_session *cu, const char *person_id, const char *giver,
                                const char *from, const char *to)
{
    ip_consent_fields f = IP_CONSENT_FIELDS_INIT;
    ip_consent *c = NULL;

    f.person_id = person_id;
    f.kind = IP_CONSENT_PLAN;
    f.form = IP_CONSENT_WRITTEN;
    f.given_by_ids = &giver;
    f.given_by_count = 1;
    f.purpose = "Utarbeide individuell plan";
    f.valid_from = from;
    f.valid_to = to;
    th_ok(ip_consent_create(&c, cu, &f));
    return c;
}

/* The test persons born 2012–2014 are children: their one parent with
 * parental responsibility (from birth) consents to the plan, from
 * 2026-01-01. */
static void child_consents(ip_session *cu, const ip_person *child)
{
    ip_person *parent = th_person(cu, "1980-06-06", "Forelder");
    ip_relation_fields r = IP_RELATION_FIELDS_INIT;

    r.person_id = ip_person_id(child);
    r.related_id = ip_person_id(parent);
    r.kind = IP_RELATION_PARENT;
    r.valid_from = ip_person_birth_date(child);
    th_ok(ip_relation_create(NULL, cu, &r));
    ip_consent_free(plan_consent(cu, ip_person_id(child), ip_person_id(parent),
                                 "2026-01-01", NULL));
    ip_person_free(parent);
}

/* A practitioner in unit_id; returns its id (static, 4 slots). */
static const char *practitioner(ip_store *store, const char *unit_id, const char *name)
{
    static char ids[4][40];
    static int next;
    ip_session *admin = th_admin(store);
    ip_practitioner_fields f = IP_PRACTITIONER_FIELDS_INIT;
    ip_practitioner *p = NULL;
    char *slot = ids[next++ % 4];

    f.unit_id = unit_id;
    f.given_name = name;
    f.family_name = "Koordinatorsen";
    th_ok(ip_practitioner_create(&p, admin, &f));
    snprintf(slot, 40, "%s", ip_practitioner_id(p));
    ip_practitioner_free(p);
    ip_session_free(admin);
    return slot;
}

/* Makes practitioner_id (in unit_id) the coordinator of plan_id from
 * 2026-01-01 and returns a coordinator session for them. */
static ip_session *coordinator_of(ip_store *store, const char *plan_id,
                                  const char *practitioner_id, const char *unit_id)
{
    ip_participant_fields f = IP_PARTICIPANT_FIELDS_INIT;

    f.plan_id = plan_id;
    f.role = IP_PARTICIPANT_COORDINATOR;
    f.practitioner_id = practitioner_id;
    f.responsibility_group = 1;
    f.valid_from = "2026-01-01";
    th_ok(ip_participant_create(NULL, th_cu_session(store), &f));
    return th_session(store, IP_ROLE_COORDINATOR, practitioner_id, unit_id);
}

/* An application for person asking for kinds, received on 2026-02-01 and
 * signed by the person; returns its id (static, 4 slots). */
static const char *application(ip_session *cu, const ip_person *person,
                               unsigned int kinds)
{
    static char ids[4][40];
    static int next;
    ip_application_fields f = IP_APPLICATION_FIELDS_INIT;
    ip_application *a = NULL;
    char *slot = ids[next++ % 4];

    f.person_id = ip_person_id(person);
    f.requests = kinds;
    f.received_on = "2026-02-01";
    f.signed_by_id = ip_person_id(person);
    th_ok(ip_application_create(&a, cu, &f));
    snprintf(slot, 40, "%s", ip_application_id(a));
    ip_application_free(a);
    return slot;
}

/* Records outcome for the plan request of application id at revision. */
static void decide_plan_request(ip_session *cu, const char *id, int64_t revision,
                                ip_outcome outcome)
{
    ip_outcome_fields o = IP_OUTCOME_FIELDS_INIT;

    o.outcome = outcome;
    o.reason = outcome == IP_OUTCOME_REFUSED ? "Vilkårene er ikke oppfylt." : NULL;
    th_ok(ip_application_decide(NULL, cu, id, revision, IP_REQUEST_PLAN, &o));
}

START_TEST(direct_plan_round_trip)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_plan_fields f = full_fields();
    ip_plan *plan = NULL, *got = NULL, *bare = NULL;
    ip_person *other = th_person(cu, "1990-01-01", "Other");

    th_ok(ip_plan_create_direct(&plan, cu, ip_person_id(person), &f));
    ck_assert_int_eq(strlen(ip_plan_id(plan)), 36);
    ck_assert_int_eq(ip_plan_revision(plan), 1);
    th_ok(ip_plan_get(&got, cu, ip_plan_id(plan)));
    ck_assert_str_eq(ip_plan_id(got), ip_plan_id(plan));
    ck_assert_str_eq(ip_plan_person_id(got), ip_person_id(person));
    ck_assert_int_eq(ip_plan_status_of(got), IP_PLAN_DRAFT);
    ck_assert_int_eq(ip_plan_origin_of(got), IP_PLAN_ORIGIN_DIRECT);
    ck_assert_ptr_null(ip_plan_application_id(got));
    ck_assert_str_eq(ip_plan_period_start(got), "2026-03-01");
    ck_assert_str_eq(ip_plan_period_end(got), "2027-02-28");
    ck_assert_str_eq(ip_plan_next_revision_on(got), "2026-09-01");
    ck_assert_str_eq(ip_plan_resources(got), f.resources);
    ck_assert_str_eq(ip_plan_needs(got), f.needs);
    ck_assert_str_eq(ip_plan_cooperation(got), f.cooperation);
    ck_assert_str_eq(ip_plan_host_ref(got), "EPJ-PLAN-17");
    ck_assert_ptr_null(ip_plan_activated_on(got));
    ck_assert_ptr_null(ip_plan_ended_on(got));
    ck_assert_int_eq(ip_plan_end_reason_of(got), 0);
    ck_assert_ptr_null(ip_plan_end_note(got));
    ck_assert_str_eq(ip_plan_created_at(got), "2026-03-02T10:00:00.000Z");
    ck_assert_str_eq(ip_plan_updated_at(got), "2026-03-02T10:00:00.000Z");
    ck_assert_ptr_null(ip_plan_id(NULL));
    ck_assert_int_eq(ip_plan_status_of(NULL), 0);
    ip_plan_free(got);

    /* NULL fields: every content field absent. */
    th_ok(ip_plan_create_direct(&bare, cu, ip_person_id(other), NULL));
    ck_assert_ptr_null(ip_plan_period_start(bare));
    ck_assert_ptr_null(ip_plan_resources(bare));
    ck_assert_ptr_null(ip_plan_host_ref(bare));
    ck_assert_int_eq(ip_plan_status_of(bare), IP_PLAN_DRAFT);
    /* The open plan is found by its person. */
    th_ok(ip_plan_find_open(&got, cu, ip_person_id(person)));
    ck_assert_str_eq(ip_plan_id(got), ip_plan_id(plan));
    ip_plan_free(got);
    ck_assert_int_eq(th_count("SELECT count(*) FROM plan"), 2);
    ip_plan_free(bare);
    ip_plan_free(plan);
    ip_person_free(person);
    ip_person_free(other);
    th_close(store);
}
END_TEST

START_TEST(one_open_plan_per_person)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_person *sibling = th_person(cu, "2014-04-05", "Even");
    const char *app = application(cu, person, IP_REQUEST_PLAN);
    ip_plan *first, *second = NULL, *found = NULL, *out = (ip_plan *)1;
    char first_id[40];

    decide_plan_request(cu, app, 1, IP_OUTCOME_GRANTED);
    child_consents(cu, person);
    first = direct_plan(cu, person);
    snprintf(first_id, sizeof first_id, "%s", ip_plan_id(first));
    /* A second direct plan, and one from a granted application, are both
     * refused while the first is open (draft)... */
    th_expect(IP_EOPENPLAN, ip_plan_create_direct(&out, cu, ip_person_id(person), NULL));
    th_field("plan.person_id");
    ck_assert_str_eq(ip_error_last()->message, "plan.person_id: the person already has an open plan");
    ck_assert_ptr_null(out);
    th_expect(IP_EOPENPLAN, ip_plan_create(NULL, cu, app, NULL));
    th_field("plan.person_id");
    /* ...and while it is active. */
    th_ok(ip_plan_activate(NULL, cu, first_id, 1, NULL));
    th_expect(IP_EOPENPLAN, ip_plan_create_direct(NULL, cu, ip_person_id(person), NULL));
    th_expect(IP_EOPENPLAN, ip_plan_create(NULL, cu, app, NULL));
    ck_assert_int_eq(th_count("SELECT count(*) FROM plan"), 1);
    /* Another person is not affected. */
    ip_plan_free(direct_plan(cu, sibling));
    /* Once the first has ended, a new one may be opened. */
    th_ok(ip_plan_end(NULL, cu, first_id, 2, IP_PLAN_END_MOVED, NULL, NULL));
    th_expect(IP_ENOTFOUND, ip_plan_find_open(&found, cu, ip_person_id(person)));
    th_field("plan.person_id");
    th_ok(ip_plan_create(&second, cu, app, NULL));
    th_ok(ip_plan_find_open(&found, cu, ip_person_id(person)));
    ck_assert_str_eq(ip_plan_id(found), ip_plan_id(second));
    th_expect(IP_EOPENPLAN, ip_plan_create_direct(NULL, cu, ip_person_id(person), NULL));
    ck_assert_int_eq(th_count("SELECT count(*) FROM plan WHERE status <> 3"), 2);
    ip_plan_free(found);
    ip_plan_free(second);
    ip_plan_free(first);
    ip_person_free(person);
    ip_person_free(sibling);
    th_close(store);
}
END_TEST

START_TEST(from_application)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *granted = th_person(cu, "2012-04-05", "Ella");
    ip_person *refused = th_person(cu, "2011-04-05", "Rolf");
    ip_person *pending = th_person(cu, "2010-04-05", "Per");
    const char *app_granted = application(cu, granted, IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR);
    const char *app_refused = application(cu, refused, IP_REQUEST_PLAN);
    const char *app_pending = application(cu, pending, IP_REQUEST_PLAN);
    const char *app_no_plan = application(cu, pending, IP_REQUEST_COORDINATOR);
    ip_plan_fields f = full_fields();
    ip_plan *plan = NULL, *out = (ip_plan *)1;

    decide_plan_request(cu, app_granted, 1, IP_OUTCOME_GRANTED);
    decide_plan_request(cu, app_refused, 1, IP_OUTCOME_REFUSED);
    th_ok(ip_plan_create(&plan, cu, app_granted, &f));
    ck_assert_int_eq(ip_plan_origin_of(plan), IP_PLAN_ORIGIN_APPLICATION);
    ck_assert_str_eq(ip_plan_application_id(plan), app_granted);
    /* The plan's person is the application's. */
    ck_assert_str_eq(ip_plan_person_id(plan), ip_person_id(granted));
    ck_assert_int_eq(ip_plan_status_of(plan), IP_PLAN_DRAFT);
    ck_assert_str_eq(ip_plan_needs(plan), f.needs);

    th_expect(IP_ESTATE, ip_plan_create(&out, cu, app_refused, NULL));
    th_field("plan.application_id");
    ck_assert_ptr_null(out);
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "not granted"));
    th_expect(IP_ESTATE, ip_plan_create(NULL, cu, app_pending, NULL));
    th_field("plan.application_id");
    th_expect(IP_ESTATE, ip_plan_create(NULL, cu, app_no_plan, NULL));
    th_field("plan.application_id");
    th_expect(IP_ENOTFOUND, ip_plan_create(NULL, cu, NO_SUCH_ID, NULL));
    th_field("plan.application_id");
    th_expect(IP_ENOTFOUND, ip_plan_create_direct(NULL, cu, NO_SUCH_ID, NULL));
    th_field("plan.person_id");
    ck_assert_int_eq(th_count("SELECT count(*) FROM plan"), 1);
    ip_plan_free(plan);
    ip_person_free(granted);
    ip_person_free(refused);
    ip_person_free(pending);
    th_close(store);
}
END_TEST

START_TEST(lifecycle_and_forbidden_transitions)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_plan *plan = direct_plan(cu, person), *got = NULL;
    const char *id = ip_plan_id(plan);
    ip_plan_fields f = full_fields();
    int64_t rev = 0;

    child_consents(cu, person);
    th_now_ms += 60000;
    th_ok(ip_plan_activate(&rev, cu, id, 1, NULL));
    ck_assert_int_eq(rev, 2);
    th_ok(ip_plan_get(&got, cu, id));
    ck_assert_int_eq(ip_plan_status_of(got), IP_PLAN_ACTIVE);
    ck_assert_str_eq(ip_plan_activated_on(got), TH_TODAY);
    ck_assert_str_eq(ip_plan_updated_at(got), "2026-03-02T10:01:00.000Z");
    ck_assert_str_eq(ip_plan_created_at(got), "2026-03-02T10:00:00.000Z");
    ip_plan_free(got);
    /* Activating an active plan is refused. */
    th_expect(IP_ESTATE, ip_plan_activate(NULL, cu, id, 2, NULL));
    th_field("plan.status");
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "only a draft plan can be activated"));

    th_ok(ip_plan_end(&rev, cu, id, 2, IP_PLAN_END_NEED_ENDED, NULL, "Målene er nådd."));
    ck_assert_int_eq(rev, 3);
    th_ok(ip_plan_get(&got, cu, id));
    ck_assert_int_eq(ip_plan_status_of(got), IP_PLAN_ENDED);
    ck_assert_int_eq(ip_plan_end_reason_of(got), IP_PLAN_END_NEED_ENDED);
    ck_assert_str_eq(ip_plan_ended_on(got), TH_TODAY);
    ck_assert_str_eq(ip_plan_end_note(got), "Målene er nådd.");
    ck_assert_str_eq(ip_plan_activated_on(got), TH_TODAY);
    ip_plan_free(got);

    /* An ended plan is never reopened, ended again or changed. */
    th_expect(IP_ESTATE, ip_plan_activate(NULL, cu, id, 3, NULL));
    th_field("plan.status");
    th_expect(IP_ESTATE, ip_plan_end(NULL, cu, id, 3, IP_PLAN_END_DIED, NULL, NULL));
    th_field("plan.status");
    th_expect(IP_ESTATE, ip_plan_update(NULL, cu, id, 3, &f));
    th_field("plan.status");
    th_ok(ip_plan_get(&got, cu, id));
    ck_assert_int_eq(ip_plan_revision(got), 3);
    ck_assert_int_eq(ip_plan_end_reason_of(got), IP_PLAN_END_NEED_ENDED);
    ck_assert_ptr_null(ip_plan_resources(got));
    ip_plan_free(got);
    ip_plan_free(plan);

    /* A draft may end without ever being active. */
    plan = direct_plan(cu, person);
    th_ok(ip_plan_end(NULL, cu, ip_plan_id(plan), 1, IP_PLAN_END_PERSONS_WISH, NULL, NULL));
    th_ok(ip_plan_get(&got, cu, ip_plan_id(plan)));
    ck_assert_int_eq(ip_plan_status_of(got), IP_PLAN_ENDED);
    ck_assert_ptr_null(ip_plan_activated_on(got));
    ck_assert_ptr_null(ip_plan_end_note(got));
    ip_plan_free(got);
    ip_plan_free(plan);
    ip_person_free(person);
    th_close(store);
}
END_TEST

START_TEST(lifecycle_dates)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_plan *plan = direct_plan(cu, person), *got = NULL;
    const char *id = ip_plan_id(plan);

    child_consents(cu, person);
    /* Today is 2026-03-02 and the plan was made today. */
    th_expect(IP_EINVALID, ip_plan_activate(NULL, cu, id, 1, "2026-03-03"));
    th_field("plan.activated_on");
    th_expect(IP_EINVALID, ip_plan_activate(NULL, cu, id, 1, "2026-03-01"));
    th_field("plan.activated_on");
    th_expect(IP_EINVALID, ip_plan_activate(NULL, cu, id, 1, "2026-02-30"));
    th_field("plan.activated_on");
    th_now_ms += INT64_C(10) * 86400000; /* 2026-03-12 */
    th_ok(ip_plan_activate(NULL, cu, id, 1, "2026-03-05"));
    th_expect(IP_EINVALID, ip_plan_end(NULL, cu, id, 2, IP_PLAN_END_MOVED, "2026-03-04", NULL));
    th_field("plan.ended_on");
    th_expect(IP_EINVALID, ip_plan_end(NULL, cu, id, 2, IP_PLAN_END_MOVED, "2026-03-13", NULL));
    th_field("plan.ended_on");
    th_ok(ip_plan_end(NULL, cu, id, 2, IP_PLAN_END_MOVED, "2026-03-05", NULL));
    th_ok(ip_plan_get(&got, cu, id));
    ck_assert_str_eq(ip_plan_activated_on(got), "2026-03-05");
    ck_assert_str_eq(ip_plan_ended_on(got), "2026-03-05");
    ip_plan_free(got);
    ip_plan_free(plan);

    /* A draft cannot end before it was made either. */
    plan = direct_plan(cu, person);
    th_expect(IP_EINVALID, ip_plan_end(NULL, cu, ip_plan_id(plan), 1, IP_PLAN_END_DIED,
                                       "2026-03-11", NULL));
    th_field("plan.ended_on");
    th_ok(ip_plan_end(NULL, cu, ip_plan_id(plan), 1, IP_PLAN_END_DIED, "2026-03-12", NULL));
    ip_plan_free(plan);
    ip_person_free(person);
    th_close(store);
}
END_TEST

/* The plan's status, revision and (when ended) reason, read back. */
static void assert_plan(ip_session *cu, const char *id, ip_plan_status status,
                        int64_t revision)
{
    ip_plan *got = NULL;

    th_ok(ip_plan_get(&got, cu, id));
    ck_assert_int_eq(ip_plan_status_of(got), status);
    ck_assert_int_eq(ip_plan_revision(got), revision);
    ip_plan_free(got);
}

/* Activation is refused with IP_ESTATE naming plan.consent, and changes
 * nothing. */
static void activation_refused(ip_session *cu, const char *id)
{
    int before = th_count("SELECT count(*) FROM audit_event");

    th_expect(IP_ESTATE, ip_plan_activate(NULL, cu, id, 1, NULL));
    th_field("plan.consent");
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "consent to the plan"));
    assert_plan(cu, id, IP_PLAN_DRAFT, 1);
    /* Only the read just made is audited; the refusal wrote nothing. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event"), before + 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM plan WHERE activated_on IS NOT NULL"), 0);
}

static ip_withdrawal_fields whole_withdrawal(const char *by)
{
    ip_withdrawal_fields w = IP_WITHDRAWAL_FIELDS_INIT;

    w.withdrawn_by_id = by;
    w.form = IP_CONSENT_ORAL_DOCUMENTED;
    return w;
}

/* Activation needs the person's consent to the plan, in force on the day:
 * none, a sharing consent only, an expired one, one not yet begun and a
 * withdrawn one are all refused. */
START_TEST(activation_needs_plan_consent)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "1980-02-02", "Anne");
    const char *pid = ip_person_id(person);
    const char *unit = th_unit(store, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0);
    ip_consent_fields sf = IP_CONSENT_FIELDS_INIT;
    ip_withdrawal_fields w = whole_withdrawal(pid);
    ip_consent *withdrawn, *c;
    ip_plan *plan;
    char id[40];

    /* Given and withdrawn before the plan was opened. */
    withdrawn = plan_consent(cu, pid, pid, "2026-01-01", NULL);
    th_ok(ip_consent_withdraw(NULL, cu, ip_consent_id(withdrawn), 1, &w));
    plan = direct_plan(cu, person);
    snprintf(id, sizeof id, "%s", ip_plan_id(plan));

    /* A withdrawn consent opens nothing... */
    activation_refused(cu, id);
    /* ...nor a sharing consent, which is not a consent to the plan... */
    sf.person_id = pid;
    sf.kind = IP_CONSENT_SHARING;
    sf.form = IP_CONSENT_WRITTEN;
    sf.given_by_ids = &pid;
    sf.given_by_count = 1;
    sf.recipient_unit_ids = &unit;
    sf.recipient_unit_count = 1;
    sf.purpose = "Samarbeid i ansvarsgruppen";
    sf.valid_from = "2026-01-01";
    th_ok(ip_consent_create(NULL, cu, &sf));
    activation_refused(cu, id);
    /* ...nor one that expired yesterday... */
    ip_consent_free(plan_consent(cu, pid, pid, "2025-01-01", "2026-03-01"));
    activation_refused(cu, id);
    /* ...nor one that begins tomorrow. */
    ip_consent_free(plan_consent(cu, pid, pid, "2026-03-03", NULL));
    activation_refused(cu, id);
    ck_assert_int_eq(th_count("SELECT count(*) FROM consent WHERE kind = 1"), 3);

    /* One in force today: the plan is activated. */
    c = plan_consent(cu, pid, pid, TH_TODAY, "2026-03-02");
    th_ok(ip_plan_activate(NULL, cu, id, 1, NULL));
    assert_plan(cu, id, IP_PLAN_ACTIVE, 2);
    ip_consent_free(c);
    ip_consent_free(withdrawn);
    ip_plan_free(plan);
    ip_person_free(person);
    th_close(store);
}
END_TEST

/* An outbox event of kind about object_id, concerning person_id. */
static int outbox_has(ip_session *cu, ip_outbox_kind kind, const char *object_kind,
                      const char *object_id, const char *person_id)
{
    ip_outbox_iterator *it = NULL;
    ip_outbox_event *e = NULL;
    int found = 0, rc;

    th_ok(ip_outbox_iterator_new(&it, cu, 1));
    while ((rc = ip_outbox_next(&e, it)) == IP_OK) {
        found += ip_outbox_event_kind_of(e) == kind &&
                 strcmp(ip_outbox_event_object_kind(e), object_kind) == 0 &&
                 strcmp(ip_outbox_event_object_id(e), object_id) == 0 &&
                 strcmp(ip_outbox_event_person_id(e), person_id) == 0;
        ip_outbox_event_free(e);
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ip_outbox_iterator_free(it);
    return found;
}

/* Withdrawing the consent to the plan ends the active plan at once, with
 * the reason consent_withdrawn, and tells the host through the outbox. */
START_TEST(withdrawing_plan_consent_ends_plan)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "1980-02-02", "Anne");
    const char *pid = ip_person_id(person);
    ip_withdrawal_fields w = whole_withdrawal(pid);
    ip_consent *c = plan_consent(cu, pid, pid, "2026-01-01", NULL);
    ip_plan *plan = direct_plan(cu, person), *got = NULL;
    const char *id = ip_plan_id(plan);

    th_ok(ip_plan_activate(NULL, cu, id, 1, NULL));
    ck_assert_int_eq(th_count("SELECT count(*) FROM outbox_event"), 0);
    th_now_ms += 60000;
    th_ok(ip_consent_withdraw(NULL, cu, ip_consent_id(c), 1, &w));
    th_ok(ip_plan_get(&got, cu, id));
    ck_assert_int_eq(ip_plan_status_of(got), IP_PLAN_ENDED);
    ck_assert_int_eq(ip_plan_end_reason_of(got), IP_PLAN_END_CONSENT_WITHDRAWN);
    ck_assert_str_eq(ip_plan_ended_on(got), TH_TODAY);
    ck_assert_str_eq(ip_plan_activated_on(got), TH_TODAY);
    ck_assert_int_eq(ip_plan_revision(got), 3);
    ck_assert_str_eq(ip_plan_updated_at(got), "2026-03-02T10:01:00.000Z");
    ip_plan_free(got);
    /* The host learns of both. */
    ck_assert_int_eq(outbox_has(cu, IP_OUTBOX_CONSENT_WITHDRAWN, "consent",
                                ip_consent_id(c), pid), 1);
    ck_assert_int_eq(outbox_has(cu, IP_OUTBOX_PLAN_ENDED, "plan", id, pid), 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM outbox_event"), 2);
    /* The person has no open plan; a new one cannot be put in force
     * without a new consent. */
    th_expect(IP_ENOTFOUND, ip_plan_find_open(&got, cu, pid));
    ip_plan_free(plan);
    plan = direct_plan(cu, person);
    th_expect(IP_ESTATE, ip_plan_activate(NULL, cu, ip_plan_id(plan), 1, NULL));
    th_field("plan.consent");
    ip_plan_free(plan);
    ip_consent_free(c);
    ip_person_free(person);
    th_close(store);
}
END_TEST

START_TEST(update_replaces_content)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_plan_fields f = full_fields();
    ip_plan *plan = NULL, *got = NULL;
    const char *id;
    int64_t rev = 0;

    th_ok(ip_plan_create_direct(&plan, cu, ip_person_id(person), &f));
    id = ip_plan_id(plan);
    child_consents(cu, person);
    th_ok(ip_plan_activate(NULL, cu, id, 1, NULL));
    f = (ip_plan_fields)IP_PLAN_FIELDS_INIT;
    f.needs = "Nye behov.";
    f.period_start = "2026-04-01";
    th_now_ms += 1000;
    th_ok(ip_plan_update(&rev, cu, id, 2, &f));
    ck_assert_int_eq(rev, 3);
    th_ok(ip_plan_get(&got, cu, id));
    ck_assert_str_eq(ip_plan_needs(got), "Nye behov.");
    ck_assert_str_eq(ip_plan_period_start(got), "2026-04-01");
    /* Replaced, not merged: what is absent now is absent. */
    ck_assert_ptr_null(ip_plan_period_end(got));
    ck_assert_ptr_null(ip_plan_resources(got));
    ck_assert_ptr_null(ip_plan_host_ref(got));
    /* The lifecycle is untouched. */
    ck_assert_int_eq(ip_plan_status_of(got), IP_PLAN_ACTIVE);
    ck_assert_int_eq(ip_plan_origin_of(got), IP_PLAN_ORIGIN_DIRECT);
    ck_assert_str_eq(ip_plan_activated_on(got), TH_TODAY);
    ck_assert_str_eq(ip_plan_person_id(got), ip_person_id(person));
    ck_assert_str_eq(ip_plan_updated_at(got), "2026-03-02T10:00:01.000Z");
    ip_plan_free(got);

    /* A writer holding an old revision is refused, not ignored. */
    f.needs = "Gammel visning.";
    th_expect(IP_ECONFLICT, ip_plan_update(NULL, cu, id, 2, &f));
    th_field("plan.revision");
    th_expect(IP_ECONFLICT, ip_plan_activate(NULL, cu, id, 2, NULL));
    th_field("plan.revision");
    th_expect(IP_ECONFLICT, ip_plan_end(NULL, cu, id, 1, IP_PLAN_END_DIED, NULL, NULL));
    th_field("plan.revision");
    th_ok(ip_plan_get(&got, cu, id));
    ck_assert_str_eq(ip_plan_needs(got), "Nye behov.");
    ck_assert_int_eq(ip_plan_revision(got), 3);
    ck_assert_int_eq(ip_plan_status_of(got), IP_PLAN_ACTIVE);
    ip_plan_free(got);
    th_expect(IP_ENOTFOUND, ip_plan_update(NULL, cu, NO_SUCH_ID, 1, &f));
    th_field("plan.id");
    th_expect(IP_ENOTFOUND, ip_plan_get(&got, cu, NO_SUCH_ID));
    th_field("plan.id");
    ck_assert_ptr_null(got);
    ip_plan_free(plan);
    ip_person_free(person);
    th_close(store);
}
END_TEST

/* Each bad input is refused with its code and field, and the store file is
 * byte for byte what it was. */
START_TEST(bad_input_changes_nothing)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_person *other = th_person(cu, "1980-01-01", "Other");
    const char *refused_app = application(cu, other, IP_REQUEST_PLAN);
    ip_plan *plan = direct_plan(cu, person);
    char id[40], person_id[40], other_id[40], app_id[40];
    static char long_text[65536 + 2]; /* one byte over the longest text */
    th_snapshot *snap;
    struct {
        const char *field;
        ip_plan_fields f;
    } cases[12];
    int n = 0;

    decide_plan_request(cu, refused_app, 1, IP_OUTCOME_REFUSED);
    snprintf(id, sizeof id, "%s", ip_plan_id(plan));
    snprintf(person_id, sizeof person_id, "%s", ip_person_id(person));
    snprintf(other_id, sizeof other_id, "%s", ip_person_id(other));
    snprintf(app_id, sizeof app_id, "%s", refused_app);
    ip_plan_free(plan);
    ip_person_free(person);
    ip_person_free(other);
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';

    cases[n].field = "plan.period_start"; cases[n].f = full_fields(); cases[n].f.period_start = "2026-13-01"; n++;
    cases[n].field = "plan.period_end"; cases[n].f = full_fields(); cases[n].f.period_end = "2026-02-28"; n++;
    cases[n].field = "plan.period_end"; cases[n].f = full_fields(); cases[n].f.period_end = "28.02.2027"; n++;
    cases[n].field = "plan.next_revision_on"; cases[n].f = full_fields(); cases[n].f.next_revision_on = "2026-02-29"; n++;
    cases[n].field = "plan.resources"; cases[n].f = full_fields(); cases[n].f.resources = "bad \xc3"; n++;
    cases[n].field = "plan.needs"; cases[n].f = full_fields(); cases[n].f.needs = long_text; n++;
    cases[n].field = "plan.cooperation"; cases[n].f = full_fields(); cases[n].f.cooperation = "ctl\x01"; n++;
    cases[n].field = "plan.host_ref"; cases[n].f = full_fields(); cases[n].f.host_ref = long_text; n++;
    cases[n].field = "plan.version"; cases[n].f = full_fields(); cases[n].f.version = 9; n++;
    cases[n].field = "plan.version"; cases[n].f = full_fields(); cases[n].f.version = 0; n++;

    th_close(store);
    snap = th_snapshot_take(th_path("store.db"));
    store = th_store();
    cu = th_session(store, IP_ROLE_COORDINATING_UNIT, "case-worker-1", th_cu_unit());
    for (int i = 0; i < n; i++) {
        ip_plan *out = (ip_plan *)1;

        th_expect(IP_EINVALID, ip_plan_create_direct(&out, cu, other_id, &cases[i].f));
        ck_assert_msg(strcmp(ip_error_last()->field, cases[i].field) == 0,
                      "case %d: field %s, expected %s", i, ip_error_last()->field,
                      cases[i].field);
        ck_assert_ptr_null(out);
        th_expect(IP_EINVALID, ip_plan_update(NULL, cu, id, 1, &cases[i].f));
        ck_assert_str_eq(ip_error_last()->field, cases[i].field);
    }
    th_expect(IP_EINVALID, ip_plan_update(NULL, cu, id, 1, NULL));
    th_field("plan");
    th_expect(IP_EINVALID, ip_plan_create_direct(NULL, NULL, other_id, NULL));
    th_field("session");
    th_expect(IP_EINVALID, ip_plan_create_direct(NULL, cu, "not-an-id", NULL));
    th_field("plan.person_id");
    th_expect(IP_EINVALID, ip_plan_create(NULL, cu, NULL, NULL));
    th_field("plan.application_id");
    th_expect(IP_EINVALID, ip_plan_get(NULL, cu, id));
    th_expect(IP_EINVALID, ip_plan_find_open(NULL, cu, person_id));
    th_expect(IP_EINVALID, ip_plan_activate(NULL, cu, "x", 1, NULL));
    th_field("plan.id");
    th_expect(IP_EINVALID, ip_plan_activate(NULL, cu, id, 1, "2026-3-1"));
    th_field("plan.activated_on");
    th_expect(IP_EINVALID, ip_plan_end(NULL, cu, id, 1, (ip_plan_end_reason)0, NULL, NULL));
    th_field("plan.end_reason");
    th_expect(IP_EINVALID, ip_plan_end(NULL, cu, id, 1, (ip_plan_end_reason)6, NULL, NULL));
    th_field("plan.end_reason");
    th_expect(IP_EINVALID, ip_plan_end(NULL, cu, id, 1, IP_PLAN_END_DIED, "i morgen", NULL));
    th_field("plan.ended_on");
    th_expect(IP_EINVALID, ip_plan_end(NULL, cu, id, 1, IP_PLAN_END_DIED, NULL, "\xff"));
    th_field("plan.end_note");
    /* Refusals decided inside the call roll back as well. */
    th_expect(IP_EOPENPLAN, ip_plan_create_direct(NULL, cu, person_id, NULL));
    th_expect(IP_ESTATE, ip_plan_create(NULL, cu, app_id, NULL));
    th_expect(IP_ENOTFOUND, ip_plan_create_direct(NULL, cu, NO_SUCH_ID, NULL));
    th_expect(IP_ECONFLICT, ip_plan_activate(NULL, cu, id, 7, NULL));
    th_expect(IP_EINVALID, ip_plan_activate(NULL, cu, id, 1, "2026-03-01"));
    ip_session_free(cu);
    th_close(store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

START_TEST(iterate_by_person_and_status)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *a = th_person(cu, "2012-04-05", "Anna");
    ip_person *b = th_person(cu, "2013-04-05", "Bror");
    ip_plan *a1 = direct_plan(cu, a), *a2, *b1, *got = NULL;
    ip_plan_query q = IP_PLAN_QUERY_INIT;
    ip_plan_iterator *it = NULL;
    ip_session *as_a;
    const char *expect[3];
    int count;

    th_ok(ip_plan_end(NULL, cu, ip_plan_id(a1), 1, IP_PLAN_END_PERSONS_WISH, NULL, NULL));
    th_now_ms += 1000;
    a2 = direct_plan(cu, a);
    th_now_ms += 1000;
    b1 = direct_plan(cu, b);
    child_consents(cu, a);
    th_ok(ip_plan_activate(NULL, cu, ip_plan_id(a2), 1, NULL));

    /* Everything, oldest first. */
    expect[0] = ip_plan_id(a1);
    expect[1] = ip_plan_id(a2);
    expect[2] = ip_plan_id(b1);
    th_ok(ip_plan_iterator_new(&it, cu, NULL));
    for (count = 0; ip_plan_next(&got, it) == IP_OK; count++) {
        ck_assert_int_lt(count, 3);
        ck_assert_str_eq(ip_plan_id(got), expect[count]);
        ip_plan_free(got);
    }
    ck_assert_int_eq(count, 3);
    th_expect(IP_ITEROVER, ip_plan_next(&got, it));
    ck_assert_ptr_null(got);
    ip_plan_iterator_free(it);

    q.person_id = ip_person_id(a);
    th_ok(ip_plan_iterator_new(&it, cu, &q));
    th_ok(ip_plan_next(&got, it));
    ck_assert_str_eq(ip_plan_id(got), ip_plan_id(a1));
    ip_plan_free(got);
    th_ok(ip_plan_next(&got, it));
    ck_assert_str_eq(ip_plan_id(got), ip_plan_id(a2));
    ip_plan_free(got);
    th_expect(IP_ITEROVER, ip_plan_next(&got, it));
    ip_plan_iterator_free(it);

    q.status = IP_PLAN_ACTIVE;
    th_ok(ip_plan_iterator_new(&it, cu, &q));
    th_ok(ip_plan_next(&got, it));
    ck_assert_str_eq(ip_plan_id(got), ip_plan_id(a2));
    ip_plan_free(got);
    th_expect(IP_ITEROVER, ip_plan_next(&got, it));
    ip_plan_iterator_free(it);

    q.status = IP_PLAN_DRAFT;
    th_ok(ip_plan_iterator_new(&it, cu, &q));
    th_expect(IP_ITEROVER, ip_plan_next(&got, it));
    ip_plan_iterator_free(it);

    q.person_id = NULL;
    th_ok(ip_plan_iterator_new(&it, cu, &q));
    th_ok(ip_plan_next(&got, it));
    ck_assert_str_eq(ip_plan_id(got), ip_plan_id(b1));
    ip_plan_free(got);
    th_expect(IP_ITEROVER, ip_plan_next(&got, it));
    ip_plan_iterator_free(it);

    q.status = IP_PLAN_ENDED;
    th_ok(ip_plan_iterator_new(&it, cu, &q));
    th_ok(ip_plan_next(&got, it));
    ck_assert_str_eq(ip_plan_id(got), ip_plan_id(a1));
    ip_plan_free(got);
    th_expect(IP_ITEROVER, ip_plan_next(&got, it));
    ip_plan_iterator_free(it);

    /* The person lists their own plans, not all and not another's. */
    as_a = th_session(store, IP_ROLE_PERSON, ip_person_id(a), NULL);
    q = (ip_plan_query)IP_PLAN_QUERY_INIT;
    q.person_id = ip_person_id(a);
    th_ok(ip_plan_iterator_new(&it, as_a, &q));
    th_ok(ip_plan_next(&got, it));
    ip_plan_free(got);
    th_ok(ip_plan_next(&got, it));
    ip_plan_free(got);
    th_expect(IP_ITEROVER, ip_plan_next(&got, it));
    ip_plan_iterator_free(it);
    it = (ip_plan_iterator *)1;
    th_expect(IP_EDENIED, ip_plan_iterator_new(&it, as_a, NULL));
    ck_assert_ptr_null(it);
    q.person_id = ip_person_id(b);
    th_expect(IP_EDENIED, ip_plan_iterator_new(&it, as_a, &q));

    /* Bad queries name their field. */
    q = (ip_plan_query)IP_PLAN_QUERY_INIT;
    q.status = (ip_plan_status)4;
    th_expect(IP_EINVALID, ip_plan_iterator_new(&it, cu, &q));
    th_field("query.status");
    q = (ip_plan_query)IP_PLAN_QUERY_INIT;
    q.person_id = "nobody";
    th_expect(IP_EINVALID, ip_plan_iterator_new(&it, cu, &q));
    th_field("query.person_id");
    q = (ip_plan_query)IP_PLAN_QUERY_INIT;
    q.version = 2;
    th_expect(IP_EINVALID, ip_plan_iterator_new(&it, cu, &q));
    th_field("query.version");
    th_expect(IP_EINVALID, ip_plan_iterator_new(NULL, cu, NULL));
    th_expect(IP_EINVALID, ip_plan_next(NULL, NULL));
    ip_plan_iterator_free(NULL);

    ip_session_free(as_a);
    ip_plan_free(a1);
    ip_plan_free(a2);
    ip_plan_free(b1);
    ip_person_free(a);
    ip_person_free(b);
    th_close(store);
}
END_TEST

START_TEST(enum_names_round_trip)
{
    static const char *statuses[] = {"draft", "active", "ended"};
    static const char *origins[] = {"application", "direct"};
    static const char *reasons[] = {"persons_wish", "need_ended", "consent_withdrawn",
                                    "moved", "died"};
    ip_plan_status status;
    ip_plan_origin origin;
    ip_plan_end_reason reason;

    for (int i = 0; i < 3; i++) {
        ck_assert_str_eq(ip_plan_status_name((ip_plan_status)(i + 1)), statuses[i]);
        th_ok(ip_plan_status_from_name(&status, statuses[i]));
        ck_assert_int_eq(status, i + 1);
    }
    for (int i = 0; i < 2; i++) {
        ck_assert_str_eq(ip_plan_origin_name((ip_plan_origin)(i + 1)), origins[i]);
        th_ok(ip_plan_origin_from_name(&origin, origins[i]));
        ck_assert_int_eq(origin, i + 1);
    }
    for (int i = 0; i < 5; i++) {
        ck_assert_str_eq(ip_plan_end_reason_name((ip_plan_end_reason)(i + 1)), reasons[i]);
        th_ok(ip_plan_end_reason_from_name(&reason, reasons[i]));
        ck_assert_int_eq(reason, i + 1);
    }
    ck_assert_ptr_null(ip_plan_status_name((ip_plan_status)0));
    ck_assert_ptr_null(ip_plan_origin_name((ip_plan_origin)3));
    ck_assert_ptr_null(ip_plan_end_reason_name((ip_plan_end_reason)6));
    th_expect(IP_EINVALID, ip_plan_status_from_name(&status, "Draft"));
    th_expect(IP_EINVALID, ip_plan_origin_from_name(&origin, NULL));
    th_expect(IP_EINVALID, ip_plan_end_reason_from_name(&reason, "dead"));
    th_expect(IP_EINVALID, ip_plan_end_reason_from_name(NULL, "died"));
}
END_TEST

START_TEST(fields_and_query_init)
{
    ip_plan_fields f;
    ip_plan_query q;

    memset(&f, 0xff, sizeof f);
    th_ok(ip_plan_fields_init(&f, IP_PLAN_FIELDS_VERSION));
    ck_assert_uint_eq(f.version, IP_PLAN_FIELDS_VERSION);
    ck_assert_ptr_null(f.period_start);
    ck_assert_ptr_null(f.host_ref);
    th_expect(IP_EINVALID, ip_plan_fields_init(&f, 2));
    th_expect(IP_EINVALID, ip_plan_fields_init(NULL, IP_PLAN_FIELDS_VERSION));
    memset(&q, 0xff, sizeof q);
    th_ok(ip_plan_query_init(&q, IP_PLAN_QUERY_VERSION));
    ck_assert_uint_eq(q.version, IP_PLAN_QUERY_VERSION);
    ck_assert_ptr_null(q.person_id);
    ck_assert_int_eq(q.status, 0);
    th_expect(IP_EINVALID, ip_plan_query_init(&q, 0));
}
END_TEST

START_TEST(who_may_do_what)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_person *other = th_person(cu, "2011-04-05", "Ola");
    ip_plan *plan = direct_plan(cu, person), *other_plan = direct_plan(cu, other);
    ip_plan *got = NULL;
    const char *unit = th_unit(store, "Helsestasjon", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0);
    const char *school = th_unit(store, "Skolen", IP_SECTOR_SCHOOL, 0);
    const char *kari = practitioner(store, unit, "Kari");
    const char *per = practitioner(store, unit, "Per");
    ip_session *coordinator = coordinator_of(store, ip_plan_id(plan), kari, unit);
    ip_session *stranger = coordinator_of(store, ip_plan_id(other_plan), per, unit);
    ip_session *as_person = th_session(store, IP_ROLE_PERSON, ip_person_id(person), NULL);
    ip_session *as_other = th_session(store, IP_ROLE_PERSON, ip_person_id(other), NULL);
    ip_session *provider = th_session(store, IP_ROLE_PROVIDER, "teacher-1", school);
    ip_session *admin = th_admin(store);
    ip_participant_fields pf = IP_PARTICIPANT_FIELDS_INIT;
    ip_plan_fields f = full_fields();
    const char *id = ip_plan_id(plan);
    int64_t rev = 0;

    /* The school takes part as a provider: that alone lets it read nothing
     * (reading needs a sharing consent). */
    pf.plan_id = id;
    pf.role = IP_PARTICIPANT_PROVIDER;
    pf.unit_id = school;
    pf.valid_from = "2026-01-01";
    th_ok(ip_participant_create(NULL, cu, &pf));

    /* The plan's coordinator keeps it. */
    child_consents(cu, person);
    th_ok(ip_plan_get(&got, coordinator, id));
    ip_plan_free(got);
    th_ok(ip_plan_update(&rev, coordinator, id, 1, &f));
    th_ok(ip_plan_activate(&rev, coordinator, id, rev, NULL));
    /* A coordinator of another plan reaches nothing here. */
    th_expect(IP_EDENIED, ip_plan_get(&got, stranger, id));
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "coordinator.active"));
    ck_assert_ptr_null(got);
    th_expect(IP_EDENIED, ip_plan_update(NULL, stranger, id, rev, &f));
    th_expect(IP_EDENIED, ip_plan_end(NULL, stranger, id, rev, IP_PLAN_END_DIED, NULL, NULL));
    th_expect(IP_EDENIED, ip_plan_iterator_new((ip_plan_iterator **)&got, stranger, NULL));
    /* Only the coordinating unit opens plans. */
    th_expect(IP_EDENIED, ip_plan_create_direct(NULL, coordinator, ip_person_id(other), NULL));
    /* The person reads their own plan but does not change it; another
     * person reads nothing of it. */
    th_ok(ip_plan_get(&got, as_person, id));
    ip_plan_free(got);
    th_ok(ip_plan_find_open(&got, as_person, ip_person_id(person)));
    ip_plan_free(got);
    th_expect(IP_EDENIED, ip_plan_update(NULL, as_person, id, rev, &f));
    th_expect(IP_EDENIED, ip_plan_get(&got, as_other, id));
    th_expect(IP_EDENIED, ip_plan_find_open(&got, as_other, ip_person_id(person)));
    /* A provider taking part still reads nothing without consent. */
    th_expect(IP_EDENIED, ip_plan_get(&got, provider, id));
    th_expect(IP_EDENIED, ip_plan_get(&got, admin, id));
    /* Each denial on the plan is audited. */
    {
        char sql[200];

        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM audit_event WHERE outcome = 'denied'"
                 " AND object_kind = 'plan' AND object_id = '%s'", id);
        ck_assert_int_eq(th_count(sql), 8);
    }
    /* The coordinating unit ends it. */
    th_ok(ip_plan_end(NULL, cu, id, rev, IP_PLAN_END_PERSONS_WISH, NULL, NULL));

    ip_session_free(coordinator);
    ip_session_free(stranger);
    ip_session_free(as_person);
    ip_session_free(as_other);
    ip_session_free(provider);
    ip_session_free(admin);
    ip_plan_free(plan);
    ip_plan_free(other_plan);
    ip_person_free(person);
    ip_person_free(other);
    th_close(store);
}
END_TEST

START_TEST(ended_coordinator_is_denied)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_plan *plan = direct_plan(cu, person), *got = NULL;
    const char *unit = th_unit(store, "Helsestasjon", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0);
    const char *kari = practitioner(store, unit, "Kari");
    ip_participant_fields pf = IP_PARTICIPANT_FIELDS_INIT;
    ip_participant *part = NULL;
    ip_session *as_kari = th_session(store, IP_ROLE_COORDINATOR, kari, unit);

    pf.plan_id = ip_plan_id(plan);
    pf.role = IP_PARTICIPANT_COORDINATOR;
    pf.practitioner_id = kari;
    pf.valid_from = "2025-01-01";
    th_ok(ip_participant_create(&part, cu, &pf));
    th_ok(ip_plan_get(&got, as_kari, ip_plan_id(plan)));
    ip_plan_free(got);
    th_ok(ip_participant_end(NULL, cu, ip_participant_id(part), 1, "2026-03-01"));
    th_expect(IP_EDENIED, ip_plan_get(&got, as_kari, ip_plan_id(plan)));
    th_expect(IP_EDENIED, ip_plan_activate(NULL, as_kari, ip_plan_id(plan), 1, NULL));
    ip_participant_free(part);
    ip_session_free(as_kari);
    ip_plan_free(plan);
    ip_person_free(person);
    th_close(store);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("plan");
    TCase *tc = tcase_create("plan");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, direct_plan_round_trip);
    tcase_add_test(tc, one_open_plan_per_person);
    tcase_add_test(tc, from_application);
    tcase_add_test(tc, lifecycle_and_forbidden_transitions);
    tcase_add_test(tc, lifecycle_dates);
    tcase_add_test(tc, activation_needs_plan_consent);
    tcase_add_test(tc, withdrawing_plan_consent_ends_plan);
    tcase_add_test(tc, update_replaces_content);
    tcase_add_test(tc, bad_input_changes_nothing);
    tcase_add_test(tc, iterate_by_person_and_status);
    tcase_add_test(tc, enum_names_round_trip);
    tcase_add_test(tc, fields_and_query_init);
    tcase_add_test(tc, who_may_do_what);
    tcase_add_test(tc, ended_coordinator_is_denied);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
