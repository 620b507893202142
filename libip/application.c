/* Applications (henvendelse / søknad) for a plan, a coordinator and/or a
 * child coordinator; the outcome of each request; interim replies; and the
 * list of applications waiting past their reply date. */
#include "record_call.h"

#include <string.h>

#include "store/application_queries.h"
#include "store/queries.h"

#define REQUEST_KINDS 3
#define ALL_REQUESTS                                                           \
    ((unsigned int)(IP_REQUEST_PLAN | IP_REQUEST_COORDINATOR |                 \
                    IP_REQUEST_CHILD_COORDINATOR))


static const ip__name request_kind_names[] = {
    {IP_REQUEST_PLAN, "plan"},
    {IP_REQUEST_COORDINATOR, "coordinator"},
    {IP_REQUEST_CHILD_COORDINATOR, "child_coordinator"},
    {0, NULL},
};

static const ip__name outcome_names[] = {
    {IP_OUTCOME_PENDING, "pending"},
    {IP_OUTCOME_GRANTED, "granted"},
    {IP_OUTCOME_REFUSED, "refused"},
    {IP_OUTCOME_WITHDRAWN, "withdrawn"},
    {0, NULL},
};

static const ip__name outcome_form_names[] = {
    {IP_OUTCOME_FORM_DECISION, "decision"},
    {IP_OUTCOME_FORM_INDIVIDUAL_DECISION, "individual_decision"},
    {0, NULL},
};

/* The slot of request[] for one kind bit; -1 for anything else. */
static int request_index(unsigned int kind)
{
    switch (kind) {
    case IP_REQUEST_PLAN: return 0;
    case IP_REQUEST_COORDINATOR: return 1;
    case IP_REQUEST_CHILD_COORDINATOR: return 2;
    default: return -1;
    }
}

static const ip__application_request *request_of(const struct ip_application *a,
                                                 ip_request_kind kind)
{
    int i = request_index((unsigned int)kind);

    return a && i >= 0 ? a->request[i] : NULL;
}

IP__GET_META(ip_application)
IP__GET_TEXT(ip_application, person_id)
IP__GETTER(ip_application, requests, unsigned int, r->requests)
IP__GET_TEXT(ip_application, received_on)
IP__GET_TEXT(ip_application, signed_by_id)
IP__GET_TEXT(ip_application, interim_reply_on)
IP__GET_TEXT(ip_application, note)
IP__GET_TEXT(ip_application, host_ref)
IP__GET_TEXT(ip_application, reply_due_on)

ip_outcome ip_application_outcome(const ip_application *a, ip_request_kind kind)
{
    const ip__application_request *req = request_of(a, kind);

    return req ? (ip_outcome)req->outcome : IP_OUTCOME_PENDING;
}

ip_outcome_form ip_application_outcome_form(const ip_application *a,
                                            ip_request_kind kind)
{
    const ip__application_request *req = request_of(a, kind);

    return req ? (ip_outcome_form)req->form : (ip_outcome_form)0;
}

const char *ip_application_outcome_reason(const ip_application *a,
                                          ip_request_kind kind)
{
    const ip__application_request *req = request_of(a, kind);

    return req ? req->reason : NULL;
}

const char *ip_application_decided_on(const ip_application *a, ip_request_kind kind)
{
    const ip__application_request *req = request_of(a, kind);

    return req ? req->decided_on : NULL;
}

const char *ip_application_decided_by(const ip_application *a, ip_request_kind kind)
{
    const ip__application_request *req = request_of(a, kind);

    return req ? req->decided_by : NULL;
}

/* A combination of kinds has no name: only single bits are in the table. */
IP__ENUM_NAMES(ip_request_kind, ip_request_kind, request_kind_names, "request_kind")
IP__ENUM_NAMES(ip_outcome, ip_outcome, outcome_names, "outcome")
IP__ENUM_NAMES(ip_outcome_form, ip_outcome_form, outcome_form_names, "outcome_form")

void ip_application_free(ip_application *a)
{
    if (!a)
        return;
    for (int i = 0; i < REQUEST_KINDS; i++)
        ip__record_free(&ip__application_request_table, a->request[i]);
    ip__record_free(&ip__application_table, a);
}

IP__FIELDS_INIT(ip_application_fields_init, ip_application_fields,
                IP_APPLICATION_FIELDS_INIT, IP_APPLICATION_FIELDS_VERSION)
IP__FIELDS_INIT(ip_outcome_fields_init, ip_outcome_fields, IP_OUTCOME_FIELDS_INIT,
                IP_OUTCOME_FIELDS_VERSION)
IP__FIELDS_INIT(ip_application_query_init, ip_application_query,
                IP_APPLICATION_QUERY_INIT, IP_APPLICATION_QUERY_VERSION)

/* Checks fields and fills the record's columns from them, with the reply
 * date (one month after receipt) and every request still pending. */
static int application_from_fields(ip_store *store, struct ip_application *a,
                                   const ip_application_fields *f)
{
    char today[IP__DATE_LEN + 1], due[IP__DATE_LEN + 1];
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_APPLICATION_FIELDS_VERSION, "application");
    rc = ip__id_check("application.person_id", f->person_id);
    if (rc == IP_OK && (f->requests == 0 || (f->requests & ~ALL_REQUESTS) != 0))
        rc = ip__error_set(IP_EINVALID, "application.requests",
                           "must ask for one or more of plan, coordinator and "
                           "child coordinator, and nothing else");
    if (rc == IP_OK)
        rc = ip__date_check("application.received_on", f->received_on, true);
    if (rc == IP_OK)
        rc = ip__id_check("application.signed_by_id", f->signed_by_id);
    if (rc == IP_OK)
        rc = ip__text_check("application.note", f->note, IP__TEXT_LONG_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("application.host_ref", f->host_ref, IP__TEXT_NAME_MAX, false);
    if (rc)
        return rc;
    ip__today(store, today);
    if (strcmp(f->received_on, today) > 0)
        return ip__error_set(IP_EINVALID, "application.received_on", "is after today");
    ip__date_add_months(due, f->received_on, 1);
    ip__set_text(&a->person_id, f->person_id, &failed);
    a->requests = f->requests;
    ip__set_text(&a->received_on, f->received_on, &failed);
    ip__set_text(&a->reply_due_on, due, &failed);
    ip__set_text(&a->signed_by_id, f->signed_by_id, &failed);
    a->interim_reply_on = NULL;
    a->pending = f->requests;
    ip__set_text(&a->note, f->note, &failed);
    ip__set_text(&a->host_ref, f->host_ref, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* The person signs for themselves, or a parent or guardian whose relation
 * held on the day the application was received. */
static int signer_check(ip_session *s, const struct ip_application *a)
{
    bool represents = false;
    int rc;

    if (strcmp(a->signed_by_id, a->person_id) == 0)
        return IP_OK;
    rc = ip__fact_is_representative(s->store, a->signed_by_id, a->person_id,
                                    a->received_on, &represents);
    if (rc == IP_OK && !represents)
        rc = ip__error_set(IP_EINVALID, "application.signed_by_id",
                           "is neither the person nor a representative with "
                           "authority on the day received");
    return rc;
}

/* Inserts one pending request per bit of a->requests, keeping each in
 * a->request[]. */
static int requests_insert(ip_session *s, struct ip_application *a)
{
    int rc = IP_OK;

    for (int i = 0; i < REQUEST_KINDS && rc == IP_OK; i++) {
        unsigned int kind = 1u << i;
        ip__application_request *req;

        if (!((unsigned int)a->requests & kind))
            continue;
        req = ip__calloc(1, sizeof *req);
        if (!req)
            return IP_ENOMEM;
        a->request[i] = req;
        rc = ip__meta_init(s->store, &req->meta);
        if (rc == IP_OK) {
            req->application_id = ip__strdup(a->meta.id);
            rc = req->application_id ? IP_OK : IP_ENOMEM;
        }
        if (rc == IP_OK) {
            req->kind = kind;
            req->outcome = IP_OUTCOME_PENDING;
            req->form = 0;
            rc = ip__db_insert(s->store->db, &ip__application_request_table, req);
        }
    }
    return rc;
}

/* Loads the requests of a into a->request[] by kind: one query. */
static int requests_load(ip_session *s, struct ip_application *a)
{
    ip__rows rows = {0};
    int rc = ip__db_select(s->store->db, &ip__q_requests_of_application,
                           (ip__arg[]){IP__TEXT(a->meta.id)}, 1, &rows);

    for (size_t i = 0; rc == IP_OK && i < rows.count; i++) {
        const ip__application_request *req = rows.items[i];
        int slot = request_index((unsigned int)req->kind);

        if (slot >= 0 && !a->request[slot])
            a->request[slot] = ip__rows_take(&rows, i);
    }
    ip__rows_free(&rows);
    return rc;
}

static void application_scope(const void *record, ip__op *op)
{
    op->person_id = ((const struct ip_application *)record)->person_id;
}

/* The person exists and the signer had standing on the day received. */
static int application_check(ip_session *s, const void *record)
{
    const struct ip_application *a = record;
    int rc = ip__require(s->store, &ip__q_person_exists, a->person_id, IP_ENOTFOUND,
                         "application.person_id", "no person with that id");

    return rc ? rc : signer_check(s, a);
}

static int application_requests_insert(ip_session *s, void *record)
{
    return requests_insert(s, record);
}

static int application_requests_load(ip_session *s, void *record)
{
    return requests_load(s, record);
}

static void application_free(void *record)
{
    ip_application_free(record);
}

static const ip__kind application_kind = {
    .table = &ip__application_table,
    .object = IP__OBJ_APPLICATION,
    .id_field = "application.id",
    .scope = application_scope,
    .after_load = application_requests_load,
    .free = application_free,
};

/* Creation alone checks the person and the signer, and writes requests. */
static const ip__kind application_create_kind = {
    .table = &ip__application_table,
    .object = IP__OBJ_APPLICATION,
    .id_field = "application.id",
    .scope = application_scope,
    .check = application_check,
    .after_insert = application_requests_insert,
    .after_load = application_requests_load,
    .free = application_free,
};

static int application_fill(ip_session *s, void *record, const void *fields)
{
    return application_from_fields(s->store, record, fields);
}

/* The checks need the store, so they run inside the call; creation is the
 * only change that checks them. */
IP__RECORD_NEW(ip_application_create, ip_application, ip_application_fields,
               application_create_kind, application_fill)

IP__RECORD_GET(ip_application_get, ip_application, application_kind)

/* The checks of an outcome that need no store. */
static int outcome_check(ip_session *s, unsigned int kind, const ip_outcome_fields *o,
                         char decided_on[IP__DATE_LEN + 1])
{
    char today[IP__DATE_LEN + 1];
    int rc;

    if (request_index(kind) < 0)
        return ip__error_set(IP_EINVALID, "kind", "must be exactly one request kind");
    IP__CHECK_VERSION(o, IP_OUTCOME_FIELDS_VERSION, "outcome");
    if (o->outcome == IP_OUTCOME_PENDING || !ip__name_of(outcome_names, (int)o->outcome))
        return ip__error_set(IP_EINVALID, "outcome.outcome",
                             "must be granted, refused or withdrawn");
    if (o->form != 0)
        rc = ip__value_check(outcome_form_names, (int)o->form, "outcome.form");
    else
        rc = IP_OK;
    if (rc == IP_OK)
        rc = ip__text_check("outcome.reason", o->reason, IP__TEXT_SHORT_MAX,
                            o->outcome == IP_OUTCOME_REFUSED);
    if (rc == IP_OK)
        rc = ip__date_check("outcome.decided_on", o->decided_on, false);
    if (rc)
        return rc;
    ip__today(s->store, today);
    if (o->decided_on && *o->decided_on) {
        if (strcmp(o->decided_on, today) > 0)
            return ip__error_set(IP_EINVALID, "outcome.decided_on", "is after today");
        memcpy(decided_on, o->decided_on, IP__DATE_LEN + 1);
    } else {
        memcpy(decided_on, today, IP__DATE_LEN + 1);
    }
    return IP_OK;
}

/* Writes the outcome into the (pending) request and clears its bit. */
static int outcome_apply(ip_session *s, struct ip_application *a, unsigned int kind,
                         const ip_outcome_fields *o, const char *decided_on)
{
    ip__application_request *req = a->request[request_index(kind)];
    bool failed = false;
    int rc;

    if (!req)
        return ip__error_set(IP_ECORRUPT, "application_request",
                             "a requested kind has no request record");
    if (req->outcome != IP_OUTCOME_PENDING || !((unsigned int)a->pending & kind))
        return ip__error_set(IP_ESTATE, "kind",
                             "the request was decided already; a complaint is the "
                             "way to change it");
    if (strcmp(decided_on, a->received_on) < 0)
        return ip__error_set(IP_EINVALID, "outcome.decided_on",
                             "is before the application was received");
    req->outcome = o->outcome;
    req->form = o->form ? o->form : IP_OUTCOME_FORM_DECISION;
    ip__set_text(&req->reason, o->reason, &failed);
    ip__set_text(&req->decided_on, decided_on, &failed);
    ip__set_text(&req->decided_by, s->actor_id, &failed);
    if (failed)
        return ip__error_nomem();
    a->pending = (int64_t)((unsigned int)a->pending & ~kind);
    rc = ip__meta_touch(s->store, &req->meta);
    if (rc == IP_OK)
        rc = ip__meta_touch(s->store, &a->meta);
    return rc;
}

typedef struct {
    unsigned int kind;
    const ip_outcome_fields *outcome;
    const char *decided_on;
} decision;

/* Records the outcome in the stored request (the application's own
 * columns are written by the generic change). */
static int apply_decision(ip_session *s, void *stored, const void *ctx)
{
    const decision *d = ctx;
    struct ip_application *a = stored;
    ip__application_request *req;
    int rc;

    if (!((unsigned int)a->requests & d->kind))
        return ip__error_set(IP_EINVALID, "kind", "the application does not ask for this");
    rc = outcome_apply(s, a, d->kind, d->outcome, d->decided_on);
    if (rc)
        return rc;
    req = a->request[request_index(d->kind)];
    return ip__db_update(s->store->db, &ip__application_request_table, req,
                         req->meta.revision);
}

int ip_application_decide(int64_t *revision_out, ip_session *s, const char *id,
                          int64_t expected_revision, ip_request_kind kind,
                          const ip_outcome_fields *o)
{
    char decided_on[IP__DATE_LEN + 1];
    decision d = {(unsigned int)kind, o, decided_on};
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("application.id", id);
    if (rc == IP_OK)
        rc = outcome_check(s, (unsigned int)kind, o, decided_on);
    if (rc)
        return rc;
    return ip__record_change(revision_out, s, &application_kind, IP__ACT_UPDATE, id,
                             expected_revision, apply_decision, &d);
}

static int apply_interim_reply(ip_session *s, void *stored, const void *ctx)
{
    struct ip_application *a = stored;
    const char *replied_on = ctx;
    bool failed = false;

    (void)s;
    if (a->interim_reply_on)
        return ip__error_set(IP_ESTATE, "application.interim_reply_on",
                             "an interim reply was recorded already");
    if (a->pending == 0)
        return ip__error_set(IP_ESTATE, "application.interim_reply_on",
                             "every request is decided: no interim reply is due");
    if (strcmp(replied_on, a->received_on) < 0)
        return ip__error_set(IP_EINVALID, "replied_on",
                             "is before the application was received");
    ip__set_text(&a->interim_reply_on, replied_on, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

int ip_application_interim_reply(int64_t *revision_out, ip_session *s, const char *id,
                                 int64_t expected_revision, const char *replied_on)
{
    char today[IP__DATE_LEN + 1];
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("application.id", id);
    if (rc == IP_OK)
        rc = ip__date_check("replied_on", replied_on, true);
    if (rc)
        return rc;
    ip__today(s->store, today);
    if (strcmp(replied_on, today) > 0)
        return ip__error_set(IP_EINVALID, "replied_on", "is after today");
    return ip__record_change(revision_out, s, &application_kind, IP__ACT_UPDATE, id,
                             expected_revision, apply_interim_reply, replied_on);
}

/* The query, checked; person_id and overdue_on NULL when absent. */
static int query_check(const ip_application_query *q, const char **person_id,
                       const char **overdue_on)
{
    int rc;

    *person_id = *overdue_on = NULL;
    if (!q)
        return IP_OK;
    IP__CHECK_VERSION(q, IP_APPLICATION_QUERY_VERSION, "query");
    if (q->person_id && *q->person_id) {
        rc = ip__id_check("query.person_id", q->person_id);
        if (rc)
            return rc;
        *person_id = q->person_id;
    }
    if (q->overdue_on && *q->overdue_on) {
        rc = ip__date_check("query.overdue_on", q->overdue_on, true);
        if (rc)
            return rc;
        *overdue_on = q->overdue_on;
    }
    return IP_OK;
}

IP__ITERATOR(ip_application)

/*
 * Authorization is decided once for the whole call, with the query's
 * person as the person concerned: a coordinating unit may list every
 * application, a person or representative only one person's (passing
 * query->person_id); listing all as a person or representative is denied
 * (IP_EDENIED, audited) rather than filtered.
 */
int ip_application_iterator_new(ip_application_iterator **out, ip_session *s,
                                const ip_application_query *query)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_APPLICATION, NULL, NULL, NULL};
    const char *person_id, *overdue_on;
    const ip__query *q;
    ip__arg args[2];
    size_t nargs = 0;
    void *it = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = query_check(query, &person_id, &overdue_on);
    if (rc)
        return rc;
    if (person_id)
        args[nargs++] = IP__TEXT(person_id);
    if (overdue_on)
        args[nargs++] = IP__TEXT(overdue_on);
    q = person_id ? (overdue_on ? &ip__q_applications_of_person_overdue
                                : &ip__q_applications_of_person)
                  : (overdue_on ? &ip__q_applications_overdue : &ip__q_applications_all);
    op.person_id = person_id;
    rc = ip__cursor_new(&it, s, &application_kind, &op, q, args, nargs);
    *out = it;
    return rc;
}
