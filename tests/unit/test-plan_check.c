/*
 * The completeness check (items a–i): the pure rule function on content
 * built in memory, each item missing alone; then ip_plan_check_run on
 * plans built through the API — item c following the person's coordinator
 * assignments (none, ended, a specialist coordinator alone, a child
 * coordinator) — its one audit event, and who may run it.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#include "plan_content.h"

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"
#define S(text) ((char *)(text))

/* ---------------------------------------------------------------------
 * The pure function, on content built in memory. */

typedef struct {
    struct ip_plan plan;
    struct ip_person person;
    struct ip_participant parts[4];
    struct ip_participant *part_ptrs[4];
    struct ip_goal goals[2];
    struct ip_goal *goal_ptrs[2];
    struct ip_measure measures[2];
    struct ip_measure *measure_ptrs[2];
    /* [0] to the plan, [1] to sharing (with recipients[0..1]), [2] spare */
    struct ip_consent consents[3];
    struct ip_consent *consent_ptrs[3];
    ip__consent_recipient recipients[2];
    /* [0] the coordinator, appointed; [1] spare */
    struct ip_coordinator_assignment assignments[2];
    struct ip_coordinator_assignment *assignment_ptrs[2];
    ip__plan_content c;
} fixture;

#define PERSON_ID "01890000-0000-7000-8000-0000000000aa"

/* A complete plan: participants the person, a coordinator and a provider;
 * one goal; one measure; a consent to the plan and a sharing consent to one
 * unit, both in force today (2026-03-02); the person's coordinator,
 * appointed and not ended. */
static void fixture_complete(fixture *f)
{
    memset(f, 0, sizeof *f);
    f->plan.person_id = S(PERSON_ID);
    f->plan.status = IP_PLAN_ACTIVE;
    f->plan.period_start = S("2026-01-01");
    f->plan.next_revision_on = S("2026-09-01");
    f->plan.resources = S("Liker musikk.");
    f->plan.needs = S("Hjelp i hverdagen.");
    f->plan.cooperation = S("Samarbeid med NAV.");
    f->parts[0].role = IP_PARTICIPANT_PERSON;
    f->parts[0].participant_person_id = S(PERSON_ID);
    f->parts[0].valid_from = S("2026-01-01");
    f->parts[0].contribution = S("Møter opp.");
    f->parts[1].role = IP_PARTICIPANT_COORDINATOR;
    f->parts[1].valid_from = S("2026-01-01");
    f->parts[2].role = IP_PARTICIPANT_PROVIDER;
    f->parts[2].valid_from = S("2026-01-01");
    f->parts[2].contribution = S("Hjemmehjelp.");
    for (int i = 0; i < 3; i++)
        f->part_ptrs[i] = &f->parts[i];
    f->goals[0].status = IP_GOAL_ACTIVE;
    f->goal_ptrs[0] = &f->goals[0];
    f->measures[0].status = IP_MEASURE_PLANNED;
    f->measures[0].extent = S("2 timer per uke");
    f->measures[0].how = S("Hjemmebesøk");
    f->measure_ptrs[0] = &f->measures[0];
    f->c.plan = &f->plan;
    f->c.person = &f->person;
    f->c.participants = f->part_ptrs;
    f->c.participant_count = 3;
    f->c.goals = f->goal_ptrs;
    f->c.goal_count = 1;
    f->c.measures = f->measure_ptrs;
    f->c.measure_count = 1;
    f->consents[0].kind = IP_CONSENT_PLAN;
    f->consents[0].valid_from = S("2026-01-01");
    f->consents[1].kind = IP_CONSENT_SHARING;
    f->consents[1].valid_from = S("2026-01-01");
    f->consents[1].valid_to = S("2026-12-31");
    f->consents[1].sections = IP_SECTION_ALL;
    f->recipients[0].recipient_id = S("01890000-0000-7000-8000-0000000000bb");
    f->recipients[0].is_unit = 1;
    f->consents[1].recipients = f->recipients;
    f->consents[1].recipient_count = 1;
    for (int i = 0; i < 3; i++)
        f->consent_ptrs[i] = &f->consents[i];
    f->c.consents = f->consent_ptrs;
    f->c.consent_count = 2;
    f->assignments[0].kind = IP_COORDINATOR;
    f->assignments[0].person_id = S(PERSON_ID);
    f->assignments[0].appointed_on = S("2026-01-01");
    for (int i = 0; i < 2; i++)
        f->assignment_ptrs[i] = &f->assignments[i];
    f->c.coordinators = f->assignment_ptrs;
    f->c.coordinator_count = 1;
}

/* Asserts the check of f->c gives exactly the codes listed (in order). */
static void assert_codes(const fixture *f, const char *const *codes, size_t n)
{
    struct ip_plan_check check;

    ip__plan_check_items(&f->c, TH_TODAY, &check);
    for (size_t i = 0; check.count != n && i < check.count; i++)
        fprintf(stderr, "missing %c %s\n", check.missing[i].letter, check.missing[i].code);
    ck_assert_uint_eq(check.count, n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_str_eq(check.missing[i].code, codes[i]);
        ck_assert_int_eq(check.missing[i].letter, codes[i][0]);
        ck_assert_ptr_nonnull(check.missing[i].text);
        ck_assert_uint_gt(strlen(check.missing[i].text), 20);
    }
}

START_TEST(test_pure_complete)
{
    fixture f;
    struct ip_plan_check check;

    fixture_complete(&f);
    assert_codes(&f, NULL, 0);
    ip__plan_check_items(&f.c, TH_TODAY, &check);
    ck_assert(ip_plan_check_is_complete(&check));
}
END_TEST

START_TEST(test_pure_nothing)
{
    fixture f;
    const char *codes[] = {"a.no_goals", "b.no_participants", "c.no_coordinator",
                           "d.no_person_contribution", "e.no_measures", "f.no_measures",
                           "g.no_period", "h.no_plan_consent", "i.no_cooperation"};

    fixture_complete(&f);
    memset(&f.plan, 0, sizeof f.plan);
    f.c.participant_count = 0;
    f.c.goal_count = 0;
    f.c.measure_count = 0;
    f.c.consent_count = 0;
    f.c.coordinator_count = 0;
    assert_codes(&f, codes, 9);
}
END_TEST

/* One item missing alone: what to take away, and the codes the check then
 * gives (none: the change leaves the plan complete). Item b cannot miss
 * alone: a contributing provider (d) takes part themselves. */
typedef struct {
    void (*knock_out)(fixture *f);
    const char *codes[4];
} knockout;

#define NO_PLAN "h.no_plan_consent"
#define NO_SHARING "h.no_sharing_consent"

static void no_goal(fixture *f) { f->c.goal_count = 0; }
static void only_cancelled_goal(fixture *f) { f->goals[0].status = IP_GOAL_CANCELLED; }
static void no_resources(fixture *f) { f->plan.resources = NULL; }
static void empty_needs(fixture *f) { f->plan.needs = S(""); }
static void only_the_person(fixture *f)
{
    f->parts[1].valid_to = S("2026-03-01"); /* the coordinator left yesterday */
    f->parts[2].valid_from = S("2026-03-03"); /* the provider starts tomorrow */
}
/* Item c: an assignment of kind coordinator or child coordinator, active
 * today; a coordinator participant alone is no appointment, and an
 * appointment needs no coordinator participant. */
static void no_assignment(fixture *f) { f->c.coordinator_count = 0; }
static void no_assignment_no_coordinator_participant(fixture *f)
{
    f->c.coordinator_count = 0;
    f->parts[1].role = IP_PARTICIPANT_NEXT_OF_KIN;
}
static void no_coordinator_participant(fixture *f)
{
    f->parts[1].role = IP_PARTICIPANT_NEXT_OF_KIN;
}
static void coordinator_participation_ended(fixture *f)
{
    f->parts[1].valid_to = S("2026-03-01");
}
static void assignment_ended(fixture *f)
{
    f->assignments[0].ended_on = S("2026-02-01");
    f->assignments[0].end_reason = S("Sluttet.");
}
static void assignment_ends_today(fixture *f)
{
    /* Active up to, not including, the day it ends. */
    f->assignments[0].ended_on = S(TH_TODAY);
    f->assignments[0].end_reason = S("Sluttet.");
}
static void assignment_ends_tomorrow(fixture *f)
{
    f->assignments[0].ended_on = S("2026-03-03");
    f->assignments[0].end_reason = S("Sluttet.");
}
static void assignment_from_today(fixture *f) { f->assignments[0].appointed_on = S(TH_TODAY); }
static void assignment_from_tomorrow(fixture *f)
{
    f->assignments[0].appointed_on = S("2026-03-03");
}
static void specialist_coordinator_alone(fixture *f)
{
    f->assignments[0].kind = IP_SPECIALIST_COORDINATOR;
}
static void child_coordinator(fixture *f)
{
    f->person.birth_date = S("2019-05-05");
    f->assignments[0].kind = IP_CHILD_COORDINATOR;
}
static void handed_over(fixture *f)
{
    /* The first ended on the day the second began: the second counts. */
    f->assignments[0].ended_on = S("2026-02-01");
    f->assignments[0].end_reason = S("Overlevert.");
    f->assignments[1] = f->assignments[0];
    f->assignments[1].ended_on = NULL;
    f->assignments[1].end_reason = NULL;
    f->assignments[1].appointed_on = S("2026-02-01");
    f->c.coordinator_count = 2;
}
static void specialist_beside_ended_coordinator(fixture *f)
{
    f->assignments[0].ended_on = S("2026-02-01");
    f->assignments[0].end_reason = S("Sluttet.");
    f->assignments[1].kind = IP_SPECIALIST_COORDINATOR;
    f->assignments[1].appointed_on = S("2026-01-15");
    f->c.coordinator_count = 2;
}
static void specialist_beside_coordinator(fixture *f)
{
    f->assignments[1].kind = IP_SPECIALIST_COORDINATOR;
    f->assignments[1].appointed_on = S("2026-01-15");
    f->c.coordinator_count = 2;
}
static void no_person_contribution(fixture *f) { f->parts[0].contribution = NULL; }
static void person_not_a_participant(fixture *f)
{
    f->part_ptrs[0] = &f->parts[3];
    f->parts[3].role = IP_PARTICIPANT_NEXT_OF_KIN;
    f->parts[3].valid_from = S("2026-01-01");
    f->parts[3].contribution = S("Kjører til trening.");
}
static void no_provider_contribution(fixture *f) { f->parts[2].contribution = NULL; }
static void contribution_of_ended_provider(fixture *f)
{
    /* The provider left; a coordinator's contribution does not count. */
    f->parts[2].valid_to = S("2026-02-01");
    f->parts[1].contribution = S("Kaller inn til møter.");
}
static void measure_without_extent(fixture *f)
{
    f->measures[1] = f->measures[0];
    f->measures[1].extent = NULL;
    f->measure_ptrs[1] = &f->measures[1];
    f->c.measure_count = 2;
}
static void measure_without_how(fixture *f)
{
    f->measures[1] = f->measures[0];
    f->measures[1].how = S("");
    f->measure_ptrs[1] = &f->measures[1];
    f->c.measure_count = 2;
}
static void cancelled_measure_without_extent_or_how(fixture *f)
{
    /* A cancelled measure is not held to it: nothing is missing. */
    f->measures[1].status = IP_MEASURE_CANCELLED;
    f->measure_ptrs[1] = &f->measures[1];
    f->c.measure_count = 2;
}
static void no_period(fixture *f) { f->plan.period_start = NULL; }
static void no_revision_date(fixture *f) { f->plan.next_revision_on = NULL; }
static void no_cooperation(fixture *f) { f->plan.cooperation = NULL; }

/* Item h: the consent to the plan and a sharing consent, in force today. */
static void no_consents(fixture *f) { f->c.consent_count = 0; }
static void only_sharing(fixture *f) { f->consent_ptrs[0] = &f->consents[1]; }
static void only_plan(fixture *f) { f->c.consent_count = 1; }
static void plan_consent_expired(fixture *f) { f->consents[0].valid_to = S("2026-03-01"); }
static void plan_consent_ends_today(fixture *f) { f->consents[0].valid_to = S(TH_TODAY); }
static void plan_consent_not_yet(fixture *f) { f->consents[0].valid_from = S("2026-03-03"); }
static void plan_consent_withdrawn(fixture *f)
{
    f->consents[0].withdrawn_on = S(TH_TODAY); /* withdrawal takes effect at once */
}
static void plan_consent_withdrawn_and_given_again(fixture *f)
{
    f->consents[0].withdrawn_on = S("2026-02-01");
    f->consents[2].kind = IP_CONSENT_PLAN;
    f->consents[2].valid_from = S("2026-02-15");
    f->c.consent_count = 3;
}
static void sharing_expired(fixture *f) { f->consents[1].valid_to = S("2026-02-28"); }
static void sharing_not_yet(fixture *f) { f->consents[1].valid_from = S("2026-04-01"); }
static void sharing_withdrawn(fixture *f) { f->consents[1].withdrawn_on = S("2026-02-20"); }
static void sharing_recipient_withdrawn(fixture *f)
{
    f->recipients[0].withdrawn_on = S(TH_TODAY);
}
static void sharing_one_of_two_recipients_withdrawn(fixture *f)
{
    /* The other recipient (next of kin) still holds it: h is met. */
    f->recipients[0].withdrawn_on = S("2026-02-20");
    f->recipients[1].recipient_id = S("01890000-0000-7000-8000-0000000000cc");
    f->consents[1].recipient_count = 2;
}
static void sharing_without_recipients(fixture *f) { f->consents[1].recipient_count = 0; }
static void two_plan_consents(fixture *f)
{
    /* Two consents to the plan but none to sharing. */
    f->consents[1].kind = IP_CONSENT_PLAN;
}

static const knockout knockouts[] = {
    {no_goal, {"a.no_goals"}},
    {only_cancelled_goal, {"a.no_goals"}},
    {no_resources, {"a.no_resources"}},
    {empty_needs, {"a.no_needs"}},
    {only_the_person, {"b.no_participants", "d.no_provider_contribution"}},
    {no_assignment, {"c.no_coordinator"}},
    {no_assignment_no_coordinator_participant, {"c.no_coordinator"}},
    {no_coordinator_participant, {NULL}},
    {coordinator_participation_ended, {NULL}},
    {assignment_ended, {"c.no_coordinator"}},
    {assignment_ends_today, {"c.no_coordinator"}},
    {assignment_ends_tomorrow, {NULL}},
    {assignment_from_today, {NULL}},
    {assignment_from_tomorrow, {"c.no_coordinator"}},
    {specialist_coordinator_alone, {"c.no_coordinator"}},
    {child_coordinator, {NULL}},
    {handed_over, {NULL}},
    {specialist_beside_ended_coordinator, {"c.no_coordinator"}},
    {specialist_beside_coordinator, {NULL}},
    {no_person_contribution, {"d.no_person_contribution"}},
    {person_not_a_participant, {"d.no_person_contribution"}},
    {no_provider_contribution, {"d.no_provider_contribution"}},
    {contribution_of_ended_provider, {"d.no_provider_contribution"}},
    {measure_without_extent, {"e.measure_without_extent"}},
    {measure_without_how, {"f.measure_without_how"}},
    {cancelled_measure_without_extent_or_how, {NULL}},
    {no_period, {"g.no_period"}},
    {no_revision_date, {"g.no_revision_date"}},
    {no_cooperation, {"i.no_cooperation"}},
    {no_consents, {NO_PLAN}},
    {only_sharing, {NO_PLAN}},
    {only_plan, {NO_SHARING}},
    {plan_consent_expired, {NO_PLAN}},
    {plan_consent_ends_today, {NULL}},
    {plan_consent_not_yet, {NO_PLAN}},
    {plan_consent_withdrawn, {NO_PLAN}},
    {plan_consent_withdrawn_and_given_again, {NULL}},
    {sharing_expired, {NO_SHARING}},
    {sharing_not_yet, {NO_SHARING}},
    {sharing_withdrawn, {NO_SHARING}},
    {sharing_recipient_withdrawn, {NO_SHARING}},
    {sharing_one_of_two_recipients_withdrawn, {NULL}},
    {sharing_without_recipients, {NO_SHARING}},
    {two_plan_consents, {NO_SHARING}},
};

START_TEST(test_pure_one_item_missing)
{
    const knockout *k = &knockouts[_i];
    fixture f;
    size_t n = 0;

    while (n < 4 && k->codes[n])
        n++;
    fixture_complete(&f);
    k->knock_out(&f);
    assert_codes(&f, k->codes, n);
}
END_TEST

START_TEST(test_pure_one_entry_per_letter)
{
    fixture f;
    const char *codes[] = {"a.no_resources", "e.measure_without_extent",
                           "f.measure_without_how", "g.no_period", "h.no_plan_consent"};

    /* Several sub-rules of a, e, f, g and h fail: one entry per letter, the
     * first failing sub-rule's code (for h, the consent to the plan). */
    fixture_complete(&f);
    f.c.consent_count = 0;
    f.plan.resources = NULL;
    f.plan.needs = NULL;
    f.measures[0].extent = NULL;
    f.measures[0].how = NULL;
    f.plan.period_start = NULL;
    f.plan.next_revision_on = NULL;
    assert_codes(&f, codes, 5);
}
END_TEST

START_TEST(test_pure_no_measures_fails_e_and_f)
{
    fixture f;
    const char *codes[] = {"e.no_measures", "f.no_measures"};

    fixture_complete(&f);
    f.measures[0].status = IP_MEASURE_CANCELLED;
    assert_codes(&f, codes, 2);
}
END_TEST

START_TEST(test_pure_texts)
{
    fixture f;
    struct ip_plan_check check;

    fixture_complete(&f);
    memset(&f.plan, 0, sizeof f.plan);
    f.c.participant_count = 0;
    f.c.goal_count = 0;
    f.c.measure_count = 0;
    f.c.consent_count = 0;
    f.c.coordinator_count = 0;
    ip__plan_check_items(&f.c, TH_TODAY, &check);
    ck_assert_uint_eq(check.count, 9);
    /* Item c asks the coordinating unit to appoint a coordinator, and says
     * a specialist coordinator alone is not enough. */
    ck_assert_ptr_nonnull(strstr(check.missing[2].text, "Planen mangler koordinator: "
                                                        "koordinerende enhet må oppnevne"));
    ck_assert_ptr_nonnull(strstr(check.missing[2].text, "barnekoordinator"));
    ck_assert_ptr_nonnull(strstr(check.missing[2].text, "spesialistkoordinator alene er "
                                                        "ikke nok"));
    /* Item h names the consent that is missing, and who gives it. */
    ck_assert_ptr_nonnull(strstr(check.missing[7].text, "mangler samtykke til planen"));
    ck_assert_ptr_nonnull(strstr(check.missing[7].text, "foreldreansvar"));
    ck_assert_ptr_null(strstr(check.missing[7].text, "libip"));
    for (size_t i = 0; i < 9; i++) {
        ck_assert_int_eq(check.missing[i].letter, 'a' + (int)i);
        /* Every text says what is missing and, after the colon, what to do. */
        ck_assert_ptr_nonnull(strstr(check.missing[i].text, ": "));
    }
    /* With the consent to the plan given, the sharing consent is asked for. */
    fixture_complete(&f);
    f.c.consent_count = 1;
    ip__plan_check_items(&f.c, TH_TODAY, &check);
    ck_assert_uint_eq(check.count, 1);
    ck_assert_ptr_nonnull(strstr(check.missing[0].text, "mangler samtykke til deling"));
    ck_assert_ptr_nonnull(strstr(check.missing[0].text, ": registrer hvilke tjenesteytere"));
}
END_TEST

/* Item c's code is the same whether or not a coordinator takes part; the
 * text says what to do: with a coordinator participant, the appointment is
 * what is missing. */
START_TEST(test_pure_c_texts)
{
    fixture f;
    struct ip_plan_check with, without;

    fixture_complete(&f);
    f.c.coordinator_count = 0;
    ip__plan_check_items(&f.c, TH_TODAY, &with);
    f.parts[1].role = IP_PARTICIPANT_NEXT_OF_KIN;
    ip__plan_check_items(&f.c, TH_TODAY, &without);
    ck_assert_uint_eq(with.count, 1);
    ck_assert_uint_eq(without.count, 1);
    ck_assert_str_eq(with.missing[0].code, "c.no_coordinator");
    ck_assert_str_eq(without.missing[0].code, "c.no_coordinator");
    ck_assert_str_ne(with.missing[0].text, without.missing[0].text);
    ck_assert_ptr_nonnull(strstr(with.missing[0].text,
                                 "Planen mangler oppnevning av koordinator: planen har en "
                                 "deltaker med rollen koordinator"));
    ck_assert_ptr_nonnull(strstr(with.missing[0].text, "Registrer oppnevningen."));
    ck_assert_ptr_nonnull(strstr(without.missing[0].text, "må oppnevne en koordinator"));
    /* Both say that a specialist coordinator alone is not enough. */
    ck_assert_ptr_nonnull(strstr(with.missing[0].text, "spesialistkoordinator alene er ikke nok"));
    ck_assert_ptr_nonnull(strstr(without.missing[0].text,
                                 "spesialistkoordinator alene er ikke nok"));
    /* A coordinator participant whose participation has ended is not one. */
    f.parts[1].role = IP_PARTICIPANT_COORDINATOR;
    f.parts[1].valid_to = S("2026-03-01");
    ip__plan_check_items(&f.c, TH_TODAY, &with);
    ck_assert_str_eq(with.missing[0].text, without.missing[0].text);
}
END_TEST

/* ---------------------------------------------------------------------
 * ip_plan_check_run, on plans built through the API. */

typedef struct {
    ip_store *store;
    ip_session *cu;          /* the harness's; freed with the store */
    ip_session *coordinator; /* the plan's coordinator */
    ip_person *person;
    char plan_id[40];
    char unit_id[40];         /* the provider (and the coordinator's unit) */
    char practitioner_id[40]; /* the coordinator */
    char coordinator_pid[40];
    char person_pid[40];
    char provider_pid[40];
    char plan_consent[40];    /* the person's consent to the plan */
    char sharing_consent[40]; /* and to sharing, with the provider unit */
    char assignment[40];      /* the coordinator's appointment, if made */
} world;

static void practitioner_add(ip_store *store, const char *unit_id, const char *given,
                             char out[40])
{
    ip_practitioner_fields f = IP_PRACTITIONER_FIELDS_INIT;
    ip_practitioner *p = NULL;
    ip_session *admin = th_admin(store);

    f.unit_id = unit_id;
    f.given_name = given;
    f.family_name = "Hansen";
    th_ok(ip_practitioner_create(&p, admin, &f));
    snprintf(out, 40, "%s", ip_practitioner_id(p));
    ip_practitioner_free(p);
    ip_session_free(admin);
}

static void participant_add(ip_session *s, const char *plan_id, ip_participant_role role,
                            const char *person_id, const char *practitioner_id,
                            const char *unit_id, const char *contribution, char out[40])
{
    ip_participant_fields f = IP_PARTICIPANT_FIELDS_INIT;
    ip_participant *p = NULL;

    f.plan_id = plan_id;
    f.role = role;
    f.person_id = person_id;
    f.practitioner_id = practitioner_id;
    f.unit_id = unit_id;
    f.responsibility_group = 1;
    f.valid_from = "2026-01-01";
    f.contribution = contribution;
    th_ok(ip_participant_create(&p, s, &f));
    snprintf(out, 40, "%s", ip_participant_id(p));
    ip_participant_free(p);
}

static ip_plan_fields complete_fields(void)
{
    ip_plan_fields f = IP_PLAN_FIELDS_INIT;

    f.period_start = "2026-01-01";
    f.next_revision_on = "2026-09-01";
    f.resources = "Liker musikk og turer.";
    f.needs = "Hjelp til personlig stell.";
    f.cooperation = "Samarbeid med NAV og fastlege.";
    return f;
}

/* The person's consent of kind, given by the person themselves (an adult)
 * from 2026-01-01; sharing with unit_id. Its id into out. */
static void consent_add(world *w, ip_consent_kind kind, const char *unit_id, char out[40])
{
    ip_consent_fields f = IP_CONSENT_FIELDS_INIT;
    const char *giver = ip_person_id(w->person);
    ip_consent *c = NULL;

    f.person_id = giver;
    f.kind = kind;
    f.form = IP_CONSENT_WRITTEN;
    f.given_by_ids = &giver;
    f.given_by_count = 1;
    f.recipient_unit_ids = unit_id ? &unit_id : NULL;
    f.recipient_unit_count = unit_id ? 1 : 0;
    f.purpose = kind == IP_CONSENT_PLAN ? "Utarbeide individuell plan"
                                        : "Samarbeid i ansvarsgruppen";
    f.valid_from = "2026-01-01";
    th_ok(ip_consent_create(&c, w->cu, &f));
    snprintf(out, 40, "%s", ip_consent_id(c));
    ip_consent_free(c);
}

/* Withdraws consent id (at revision 1) whole, or for recipient. */
static void consent_withdraw(world *w, const char *id, const char *recipient)
{
    ip_withdrawal_fields f = IP_WITHDRAWAL_FIELDS_INIT;

    f.recipient_id = recipient;
    f.withdrawn_by_id = ip_person_id(w->person);
    f.form = IP_CONSENT_ORAL_DOCUMENTED;
    th_ok(ip_consent_withdraw(NULL, w->cu, id, 1, &f));
}

/* The coordinating unit appoints practitioner_id as the person's
 * coordinator of kind, from today; the assignment's id into out. */
static void appoint(world *w, ip_coordinator_kind kind, const char *practitioner_id,
                    char out[40])
{
    ip_coordinator_fields f = IP_COORDINATOR_FIELDS_INIT;
    ip_coordinator_assignment *a = NULL;

    f.person_id = ip_person_id(w->person);
    f.kind = kind;
    f.practitioner_id = practitioner_id;
    th_ok(ip_coordinator_appoint(&a, w->cu, &f));
    snprintf(out, 40, "%s", ip_coordinator_id(a));
    ip_coordinator_free(a);
}

/* A plan for a person born on birth; complete (every item a–i, consents
 * included, the coordinator taking part and appointed with kind) when
 * complete is set, else empty. With kind 0, the coordinator takes part but
 * nobody is appointed: all but item c. */
static void world_make(world *w, bool complete, const char *birth, ip_coordinator_kind kind)
{
    ip_plan_fields pf = complete_fields();
    ip_plan *plan = NULL;

    memset(w, 0, sizeof *w);
    w->store = th_store();
    w->cu = th_cu_session(w->store);
    snprintf(w->unit_id, sizeof w->unit_id, "%s",
             th_unit(w->store, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    practitioner_add(w->store, w->unit_id, "Tone", w->practitioner_id);
    w->person = th_person(w->cu, birth, "Kari");
    th_ok(ip_plan_create_direct(&plan, w->cu, ip_person_id(w->person),
                                complete ? &pf : NULL));
    snprintf(w->plan_id, sizeof w->plan_id, "%s", ip_plan_id(plan));
    ip_plan_free(plan);
    w->coordinator = th_session(w->store, IP_ROLE_COORDINATOR, w->practitioner_id,
                                w->unit_id);
    if (!complete)
        return;
    participant_add(w->cu, w->plan_id, IP_PARTICIPANT_COORDINATOR, NULL,
                    w->practitioner_id, NULL, NULL, w->coordinator_pid);
    participant_add(w->cu, w->plan_id, IP_PARTICIPANT_PERSON, ip_person_id(w->person),
                    NULL, NULL, "Sier fra når noe ikke fungerer.", w->person_pid);
    participant_add(w->cu, w->plan_id, IP_PARTICIPANT_PROVIDER, NULL, NULL, w->unit_id,
                    "Hjemmehjelp to ganger i uka.", w->provider_pid);
    {
        ip_goal_fields g = IP_GOAL_FIELDS_INIT;
        ip_measure_fields m = IP_MEASURE_FIELDS_INIT;

        g.plan_id = w->plan_id;
        g.text = "Klare meg selv hjemme.";
        g.expressed_by_id = w->person_pid;
        g.status = IP_GOAL_ACTIVE;
        th_ok(ip_goal_create(NULL, w->coordinator, &g));
        m.plan_id = w->plan_id;
        m.what = "Hjemmehjelp";
        m.extent = "2 timer per uke";
        m.how = "Besøk tirsdag og fredag";
        m.responsible_unit_id = w->unit_id;
        th_ok(ip_measure_create(NULL, w->coordinator, &m));
    }
    consent_add(w, IP_CONSENT_PLAN, NULL, w->plan_consent);
    consent_add(w, IP_CONSENT_SHARING, w->unit_id, w->sharing_consent);
    if (kind)
        appoint(w, kind, w->practitioner_id, w->assignment);
}

/* An adult's plan; complete, with the coordinator appointed, when complete
 * is set, else empty. */
static void world_open(world *w, bool complete)
{
    world_make(w, complete, "1980-04-04", complete ? IP_COORDINATOR : (ip_coordinator_kind)0);
}

static void world_close(world *w)
{
    ip_session_free(w->coordinator);
    ip_person_free(w->person);
    th_close(w->store);
}

static void assert_missing(ip_plan_check *check, const char *letters)
{
    size_t n = strlen(letters);

    ck_assert_uint_eq(ip_plan_check_missing_count(check), n);
    ck_assert_int_eq(ip_plan_check_is_complete(check), n == 0);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(ip_plan_check_missing_letter(check, i), letters[i]);
}

START_TEST(test_run_complete_plan)
{
    world w;
    ip_plan_check *check = NULL;

    world_open(&w, true);
    th_ok(ip_plan_check_run(&check, w.coordinator, w.plan_id));
    assert_missing(check, "");
    ck_assert(ip_plan_check_is_complete(check));
    ip_plan_check_free(check);
    world_close(&w);
}
END_TEST

/* Item h follows the consents the store holds: withdrawn, they no longer
 * count, at once. */
START_TEST(test_run_item_h_follows_consent)
{
    world w;
    ip_plan_check *check = NULL;
    char again[40];

    world_open(&w, true);
    /* The only recipient of the sharing consent is withdrawn. */
    consent_withdraw(&w, w.sharing_consent, w.unit_id);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "h");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 0), "h.no_sharing_consent");
    ip_plan_check_free(check);
    /* Shared again: complete. */
    consent_add(&w, IP_CONSENT_SHARING, w.unit_id, again);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "");
    ip_plan_check_free(check);
    /* The consent to the plan is withdrawn: h again, whatever is shared. */
    consent_withdraw(&w, w.plan_consent, NULL);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "h");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 0), "h.no_plan_consent");
    ip_plan_check_free(check);
    world_close(&w);
}
END_TEST

START_TEST(test_run_empty_plan_misses_all)
{
    world w;
    ip_plan_check *check = NULL;

    world_open(&w, false);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "abcdefghi");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 0), "a.no_goals");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 2), "c.no_coordinator");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 4), "e.no_measures");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 5), "f.no_measures");
    ip_plan_check_free(check);
    world_close(&w);
}
END_TEST

START_TEST(test_run_follows_changes)
{
    world w;
    ip_plan_check *check = NULL;
    ip_plan *plan = NULL;
    ip_participant *coordinator = NULL;
    ip_coordinator_assignment *assignment = NULL;
    ip_plan_fields pf = complete_fields();

    world_open(&w, true);
    /* The cooperation is cleared: i. */
    th_ok(ip_plan_get(&plan, w.cu, w.plan_id));
    pf.cooperation = NULL;
    th_ok(ip_plan_update(NULL, w.coordinator, w.plan_id, ip_plan_revision(plan), &pf));
    ip_plan_free(plan);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "i");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 0), "i.no_cooperation");
    ip_plan_check_free(check);
    /* The coordinator's participation ended yesterday: the appointment
     * still says who coordinates. */
    th_ok(ip_participant_get(&coordinator, w.cu, w.coordinator_pid));
    th_ok(ip_participant_end(NULL, w.cu, w.coordinator_pid,
                             ip_participant_revision(coordinator), "2026-03-01"));
    ip_participant_free(coordinator);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "i");
    ip_plan_check_free(check);
    /* The assignment ends today: c as well, with the text that asks for an
     * appointment (no coordinator takes part any longer). */
    th_ok(ip_coordinator_get(&assignment, w.cu, w.assignment));
    th_ok(ip_coordinator_end(NULL, w.cu, w.assignment, ip_coordinator_revision(assignment),
                             NULL, "Sluttet i stillingen."));
    ip_coordinator_free(assignment);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "ci");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 0), "c.no_coordinator");
    ck_assert_ptr_nonnull(strstr(ip_plan_check_missing_text(check, 0),
                                 "må oppnevne en koordinator"));
    ip_plan_check_free(check);
    world_close(&w);
}
END_TEST

/* Item c through the API: a coordinator who takes part but is not
 * appointed does not meet it; the appointment does. */
START_TEST(test_run_c_no_assignment)
{
    world w;
    ip_plan_check *check = NULL;

    world_make(&w, true, "1980-04-04", (ip_coordinator_kind)0);
    th_ok(ip_plan_check_run(&check, w.coordinator, w.plan_id));
    assert_missing(check, "c");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 0), "c.no_coordinator");
    ck_assert_ptr_nonnull(strstr(ip_plan_check_missing_text(check, 0),
                                 "mangler oppnevning av koordinator"));
    ip_plan_check_free(check);
    appoint(&w, IP_COORDINATOR, w.practitioner_id, w.assignment);
    th_ok(ip_plan_check_run(&check, w.coordinator, w.plan_id));
    assert_missing(check, "");
    ip_plan_check_free(check);
    world_close(&w);
}
END_TEST

/* An ended assignment is history: c is missing until a new one. */
START_TEST(test_run_c_assignment_ended)
{
    world w;
    ip_plan_check *check = NULL;
    ip_coordinator_assignment *a = NULL;
    char again[40];

    world_open(&w, true);
    th_ok(ip_coordinator_get(&a, w.cu, w.assignment));
    th_ok(ip_coordinator_end(NULL, w.cu, w.assignment, ip_coordinator_revision(a), TH_TODAY,
                             "Personen ønsket en annen."));
    ip_coordinator_free(a);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "c");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 0), "c.no_coordinator");
    ip_plan_check_free(check);
    appoint(&w, IP_COORDINATOR, w.practitioner_id, again);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "");
    ip_plan_check_free(check);
    world_close(&w);
}
END_TEST

/* A specialist coordinator coordinates the specialist health service's
 * services, not the plan: alone, c is missing. */
START_TEST(test_run_c_specialist_alone)
{
    world w;
    ip_plan_check *check = NULL;
    char hospital[40], doctor[40], specialist[40];

    world_make(&w, true, "1980-04-04", (ip_coordinator_kind)0);
    snprintf(hospital, sizeof hospital, "%s",
             th_unit(w.store, "Rehabiliteringsavdelingen", IP_SECTOR_SPECIALIST_HEALTH, 0));
    practitioner_add(w.store, hospital, "Lege", doctor);
    appoint(&w, IP_SPECIALIST_COORDINATOR, doctor, specialist);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "c");
    ck_assert_str_eq(ip_plan_check_missing_code(check, 0), "c.no_coordinator");
    ck_assert_ptr_nonnull(strstr(ip_plan_check_missing_text(check, 0),
                                 "spesialistkoordinator alene er ikke nok"));
    ip_plan_check_free(check);
    /* Beside a coordinator in the municipality, it is no hindrance. */
    appoint(&w, IP_COORDINATOR, w.practitioner_id, w.assignment);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    assert_missing(check, "");
    ip_plan_check_free(check);
    world_close(&w);
}
END_TEST

/* A child coordinator for a child (16, who consents herself) meets c. */
START_TEST(test_run_c_child_coordinator)
{
    world w;
    ip_plan_check *check = NULL;
    ip_coordinator_assignment *a = NULL;

    world_make(&w, true, "2009-06-01", IP_CHILD_COORDINATOR);
    th_ok(ip_coordinator_get(&a, w.cu, w.assignment));
    ck_assert_int_eq(ip_coordinator_kind_of(a), IP_CHILD_COORDINATOR);
    ip_coordinator_free(a);
    th_ok(ip_plan_check_run(&check, w.coordinator, w.plan_id));
    assert_missing(check, "");
    ip_plan_check_free(check);
    world_close(&w);
}
END_TEST

START_TEST(test_run_is_one_audited_read)
{
    world w;
    ip_plan_check *check = NULL;
    int before;
    char sql[512];

    world_open(&w, true);
    before = th_count("SELECT count(*) FROM audit_event");
    th_ok(ip_plan_check_run(&check, w.coordinator, w.plan_id));
    ip_plan_check_free(check);
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event"), before + 1);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)"
             " AND action = 'read' AND object_kind = 'plan' AND object_id = '%s'"
             " AND person_id = '%s' AND outcome = 'allowed'",
             w.plan_id, ip_person_id(w.person));
    ck_assert_int_eq(th_count(sql), 1);
    world_close(&w);
}
END_TEST

START_TEST(test_run_who_may)
{
    world w;
    ip_plan_check *check = NULL;
    ip_session *person, *provider, *stranger;
    char other_practitioner[40], sql[512];

    world_open(&w, true);
    person = th_session(w.store, IP_ROLE_PERSON, ip_person_id(w.person), NULL);
    th_ok(ip_plan_check_run(&check, person, w.plan_id));
    ip_plan_check_free(check);
    /* A provider that takes part in the plan reads it under the sharing
     * consent for its unit... */
    provider = th_session(w.store, IP_ROLE_PROVIDER, "nurse-7", w.unit_id);
    th_ok(ip_plan_check_run(&check, provider, w.plan_id));
    ip_plan_check_free(check);
    /* ...and not once the consent is withdrawn for its unit. */
    consent_withdraw(&w, w.sharing_consent, w.unit_id);
    check = (ip_plan_check *)&w; /* must be reset to NULL */
    th_expect(IP_EDENIED, ip_plan_check_run(&check, provider, w.plan_id));
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "provider.sharing_consent"));
    ck_assert_ptr_null(check);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_event WHERE outcome = 'denied'"
             " AND object_kind = 'plan' AND object_id = '%s'", w.plan_id);
    ck_assert_int_eq(th_count(sql), 1);
    /* A coordinator of no part in this plan. */
    practitioner_add(w.store, w.unit_id, "Per", other_practitioner);
    stranger = th_session(w.store, IP_ROLE_COORDINATOR, other_practitioner, w.unit_id);
    th_expect(IP_EDENIED, ip_plan_check_run(&check, stranger, w.plan_id));
    ck_assert_int_eq(th_count(sql), 2);
    ip_session_free(stranger);
    ip_session_free(provider);
    ip_session_free(person);
    world_close(&w);
}
END_TEST

START_TEST(test_run_bad_arguments)
{
    world w;
    ip_plan_check *check = NULL;

    world_open(&w, false);
    th_expect(IP_EINVALID, ip_plan_check_run(NULL, w.cu, w.plan_id));
    th_expect(IP_EINVALID, ip_plan_check_run(&check, NULL, w.plan_id));
    th_expect(IP_EINVALID, ip_plan_check_run(&check, w.cu, "not-an-id"));
    th_field("plan.id");
    th_expect(IP_EINVALID, ip_plan_check_run(&check, w.cu, NULL));
    th_field("plan.id");
    th_expect(IP_ENOTFOUND, ip_plan_check_run(&check, w.cu, NO_SUCH_ID));
    th_field("plan.id");
    ck_assert_ptr_null(check);
    world_close(&w);
}
END_TEST

START_TEST(test_getters_out_of_range)
{
    world w;
    ip_plan_check *check = NULL;

    world_open(&w, false);
    th_ok(ip_plan_check_run(&check, w.cu, w.plan_id));
    ck_assert_uint_eq(ip_plan_check_missing_count(check), 9);
    ck_assert_int_eq(ip_plan_check_missing_letter(check, 8), 'i');
    ck_assert_int_eq(ip_plan_check_missing_letter(check, 9), 0);
    ck_assert_ptr_null(ip_plan_check_missing_code(check, 9));
    ck_assert_ptr_null(ip_plan_check_missing_text(check, 9));
    ip_plan_check_free(check);
    ck_assert_uint_eq(ip_plan_check_missing_count(NULL), 0);
    ck_assert_int_eq(ip_plan_check_is_complete(NULL), 0);
    ck_assert_int_eq(ip_plan_check_missing_letter(NULL, 0), 0);
    ck_assert_ptr_null(ip_plan_check_missing_code(NULL, 0));
    ip_plan_check_free(NULL);
    world_close(&w);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("plan_check");
    TCase *pure = tcase_create("pure");
    TCase *run = tcase_create("run");

    tcase_add_test(pure, test_pure_complete);
    tcase_add_test(pure, test_pure_nothing);
    tcase_add_loop_test(pure, test_pure_one_item_missing, 0,
                        (int)(sizeof knockouts / sizeof knockouts[0]));
    tcase_add_test(pure, test_pure_one_entry_per_letter);
    tcase_add_test(pure, test_pure_no_measures_fails_e_and_f);
    tcase_add_test(pure, test_pure_texts);
    tcase_add_test(pure, test_pure_c_texts);
    suite_add_tcase(s, pure);

    tcase_add_checked_fixture(run, th_setup, th_teardown);
    tcase_add_test(run, test_run_complete_plan);
    tcase_add_test(run, test_run_item_h_follows_consent);
    tcase_add_test(run, test_run_empty_plan_misses_all);
    tcase_add_test(run, test_run_follows_changes);
    tcase_add_test(run, test_run_c_no_assignment);
    tcase_add_test(run, test_run_c_assignment_ended);
    tcase_add_test(run, test_run_c_specialist_alone);
    tcase_add_test(run, test_run_c_child_coordinator);
    tcase_add_test(run, test_run_is_one_audited_read);
    tcase_add_test(run, test_run_who_may);
    tcase_add_test(run, test_run_bad_arguments);
    tcase_add_test(run, test_getters_out_of_range);
    suite_add_tcase(s, run);
    return s;
}

TH_MAIN()
