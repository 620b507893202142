/*
 * Applications, plans and coordinators grouped by the person they are for:
 * what `plans` and `overdue` show. Every application, plan, person,
 * assignment and practitioner read here is an audited read in the caller's
 * session.
 */
#include "iplan.h"

#include <stdlib.h>
#include <string.h>

int iplan_application_pending(const ip_application *a)
{
    unsigned int requests = ip_application_requests(a);

    for (size_t i = 0; i < 3; i++) {
        ip_request_kind kind = iplan_request_kinds[i];

        if ((requests & (unsigned int)kind) &&
            ip_application_outcome(a, kind) == IP_OUTCOME_PENDING)
            return 1;
    }
    return 0;
}

int iplan_application_overdue(const ip_application *a, const char *today)
{
    const char *due = ip_application_reply_due_on(a);

    return iplan_application_pending(a) && !ip_application_interim_reply_on(a) &&
           due && strcmp(today, due) > 0;
}

static struct iplan_case *find_case(struct iplan_cases *cases, const char *person_id)
{
    for (size_t i = 0; i < cases->n; i++) {
        if (strcmp(ip_person_id(cases->items[i].person), person_id) == 0)
            return &cases->items[i];
    }
    return NULL;
}

static int add_case(struct iplan_case **out, struct iplan_cases *cases,
                    ip_session *session, const char *person_id)
{
    struct iplan_case *items;
    ip_person *person = NULL;
    int rc = ip_person_get(&person, session, person_id);

    if (rc)
        return rc;
    items = realloc(cases->items, (cases->n + 1) * sizeof *items);
    if (!items) {
        ip_person_free(person);
        return IP_ENOMEM;
    }
    cases->items = items;
    *out = &items[cases->n++];
    memset(*out, 0, sizeof **out);
    (*out)->person = person;
    return IP_OK;
}

static int add_application(struct iplan_case *c, ip_application *a)
{
    ip_application **apps = realloc(c->apps, (c->napps + 1) * sizeof *apps);

    if (!apps)
        return IP_ENOMEM;
    c->apps = apps;
    c->apps[c->napps++] = a;
    return IP_OK;
}

/* Keeps the plan worth showing for c: an open plan (there is at most one)
 * over an ended one, and of ended ones the latest (plans come oldest
 * first). Takes plan over. */
static void keep_plan(struct iplan_case *c, ip_plan *plan)
{
    if (c->plan && ip_plan_status_of(c->plan) != IP_PLAN_ENDED &&
        ip_plan_status_of(plan) == IP_PLAN_ENDED) {
        ip_plan_free(plan);
        return;
    }
    ip_plan_free(c->plan);
    c->plan = plan;
}

int iplan_cases_load_plans(struct iplan_cases *cases, ip_session *session)
{
    ip_plan_iterator *it = NULL;
    ip_plan *plan = NULL;
    int rc = ip_plan_iterator_new(&it, session, NULL);

    while (rc == IP_OK && (rc = ip_plan_next(&plan, it)) == IP_OK) {
        struct iplan_case *c = find_case(cases, ip_plan_person_id(plan));

        if (!c)
            rc = add_case(&c, cases, session, ip_plan_person_id(plan));
        if (rc == IP_OK)
            keep_plan(c, plan);
        else
            ip_plan_free(plan);
    }
    ip_plan_iterator_free(it);
    if (rc != IP_ITEROVER) {
        iplan_cases_free(cases);
        return rc;
    }
    return IP_OK;
}

int iplan_cases_load(struct iplan_cases *out, ip_session *session,
                     const char *overdue_on)
{
    ip_application_query query = IP_APPLICATION_QUERY_INIT;
    ip_application_iterator *it = NULL;
    ip_application *a = NULL;
    int rc;

    out->items = NULL;
    out->n = 0;
    query.overdue_on = overdue_on;
    rc = ip_application_iterator_new(&it, session, &query);
    if (rc)
        return rc;
    while ((rc = ip_application_next(&a, it)) == IP_OK) {
        struct iplan_case *c = find_case(out, ip_application_person_id(a));

        if (!c)
            rc = add_case(&c, out, session, ip_application_person_id(a));
        if (rc == IP_OK)
            rc = add_application(c, a);
        if (rc) {
            ip_application_free(a);
            break;
        }
    }
    ip_application_iterator_free(it);
    if (rc != IP_ITEROVER) {
        iplan_cases_free(out);
        return rc;
    }
    return IP_OK;
}

/* The practitioner's given and family name, malloc'd; NULL when it cannot
 * be read (the caller shows the assignment without a name). */
static char *practitioner_name(ip_session *session, const char *id)
{
    ip_practitioner *p = NULL;
    char *name = NULL;

    if (ip_practitioner_get(&p, session, id) == IP_OK) {
        size_t size = strlen(ip_practitioner_given_name(p)) +
                      strlen(ip_practitioner_family_name(p)) + 2;

        name = malloc(size);
        if (name)
            snprintf(name, size, "%s %s", ip_practitioner_given_name(p),
                     ip_practitioner_family_name(p));
    }
    ip_practitioner_free(p);
    return name;
}

/* Keeps in c the active assignment to show: of the lowest kind (a
 * coordinator before a child coordinator before a specialist coordinator),
 * the earliest listed of that kind. Takes a over. */
static void keep_coordinator(struct iplan_case *c, ip_coordinator_assignment *a,
                             const char *today)
{
    if (!ip_coordinator_is_active_on(a, today) ||
        (c->coordinator && ip_coordinator_kind_of(c->coordinator) <= ip_coordinator_kind_of(a))) {
        ip_coordinator_free(a);
        return;
    }
    ip_coordinator_free(c->coordinator);
    c->coordinator = a;
}

/* The person's active assignment and the coordinator's name. */
static int load_coordinator(struct iplan_case *c, ip_session *session, const char *today)
{
    ip_coordinator_iterator *it = NULL;
    ip_coordinator_assignment *a = NULL;
    int rc = ip_coordinator_iterator_new(&it, session, ip_person_id(c->person), 1);

    if (rc == IP_EDENIED)
        return IP_OK;
    while (rc == IP_OK && (rc = ip_coordinator_next(&a, it)) == IP_OK)
        keep_coordinator(c, a, today);
    ip_coordinator_iterator_free(it);
    if (rc != IP_ITEROVER)
        return rc;
    if (c->coordinator)
        c->coordinator_name =
            practitioner_name(session, ip_coordinator_practitioner_id(c->coordinator));
    return IP_OK;
}

int iplan_cases_load_coordinators(struct iplan_cases *cases, ip_session *session,
                                  const char *today)
{
    int rc = IP_OK;

    for (size_t i = 0; rc == IP_OK && i < cases->n; i++)
        rc = load_coordinator(&cases->items[i], session, today);
    if (rc != IP_OK)
        iplan_cases_free(cases);
    return rc;
}

void iplan_cases_free(struct iplan_cases *cases)
{
    for (size_t i = 0; i < cases->n; i++) {
        for (size_t j = 0; j < cases->items[i].napps; j++)
            ip_application_free(cases->items[i].apps[j]);
        free(cases->items[i].apps);
        ip_person_free(cases->items[i].person);
        ip_plan_free(cases->items[i].plan);
        ip_coordinator_free(cases->items[i].coordinator);
        free(cases->items[i].coordinator_name);
    }
    free(cases->items);
    cases->items = NULL;
    cases->n = 0;
}

int iplan_cases_show(const struct iplan_opts *opts, int only_overdue,
                     iplan_cases_text_fn *print_text, iplan_cases_json_fn *print_json)
{
    ip_store *store = NULL;
    ip_session *session = NULL;
    struct iplan_cases cases;
    char today[IPLAN_DATE_LEN];
    int rc;

    iplan_today(today);
    rc = iplan_store_open(&store, opts->store, 0);
    if (rc == IPLAN_EXIT_OK)
        rc = iplan_session_open(&session, store, opts);
    if (rc == IPLAN_EXIT_OK) {
        int status = iplan_cases_load(&cases, session, only_overdue ? today : NULL);

        if (status != IP_OK) {
            iplan_fail_code("kunne ikke lese søknadene", status);
            rc = IPLAN_EXIT_FAIL;
        } else if (!only_overdue &&
                   (status = iplan_cases_load_plans(&cases, session)) != IP_OK) {
            iplan_fail_code("kunne ikke lese planene", status);
            rc = IPLAN_EXIT_FAIL;
        } else if (!only_overdue &&
                   (status = iplan_cases_load_coordinators(&cases, session, today)) !=
                       IP_OK) {
            iplan_fail_code("kunne ikke lese koordinatorene", status);
            rc = IPLAN_EXIT_FAIL;
        } else {
            if (opts->json)
                rc = print_json(&cases, today);
            else
                print_text(&cases, today);
            iplan_cases_free(&cases);
        }
    }
    ip_session_free(session);
    ip_store_close(store);
    return rc;
}
