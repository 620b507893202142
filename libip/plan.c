/* Plans: opening (from a granted plan request, or directly), the plan's own
 * content, activation, ending, reads and lists. The completeness check is
 * in plan_check.c; the content records have modules of their own. */
#include "consent_facts.h"
#include "outbox_append.h"
#include "record_call.h"

#include <string.h>

#include "store/plan_queries.h"
#include "store/queries.h"

static const ip__name status_names[] = {
    {IP_PLAN_DRAFT, "draft"},
    {IP_PLAN_ACTIVE, "active"},
    {IP_PLAN_ENDED, "ended"},
    {0, NULL},
};

static const ip__name origin_names[] = {
    {IP_PLAN_ORIGIN_APPLICATION, "application"},
    {IP_PLAN_ORIGIN_DIRECT, "direct"},
    {0, NULL},
};

static const ip__name end_reason_names[] = {
    {IP_PLAN_END_PERSONS_WISH, "persons_wish"},
    {IP_PLAN_END_NEED_ENDED, "need_ended"},
    {IP_PLAN_END_CONSENT_WITHDRAWN, "consent_withdrawn"},
    {IP_PLAN_END_MOVED, "moved"},
    {IP_PLAN_END_DIED, "died"},
    {0, NULL},
};

IP__GET_META(ip_plan)
IP__GET_TEXT(ip_plan, person_id)
IP__GETTER(ip_plan, status_of, ip_plan_status, r->status)
IP__GETTER(ip_plan, origin_of, ip_plan_origin, r->origin)
IP__GET_TEXT(ip_plan, application_id)
IP__GET_TEXT(ip_plan, period_start)
IP__GET_TEXT(ip_plan, period_end)
IP__GET_TEXT(ip_plan, next_revision_on)
IP__GET_TEXT(ip_plan, resources)
IP__GET_TEXT(ip_plan, needs)
IP__GET_TEXT(ip_plan, cooperation)
IP__GET_TEXT(ip_plan, activated_on)
IP__GET_TEXT(ip_plan, ended_on)
IP__GETTER(ip_plan, end_reason_of, ip_plan_end_reason, r->end_reason)
IP__GET_TEXT(ip_plan, end_note)
IP__GET_TEXT(ip_plan, host_ref)
IP__GETTER(ip_plan, created_at, const char *, r->meta.created_at)
IP__GETTER(ip_plan, updated_at, const char *, r->meta.updated_at)

IP__ENUM_NAMES(ip_plan_status, ip_plan_status, status_names, "plan.status")
IP__ENUM_NAMES(ip_plan_origin, ip_plan_origin, origin_names, "plan.origin")
IP__ENUM_NAMES(ip_plan_end_reason, ip_plan_end_reason, end_reason_names,
               "plan.end_reason")

void ip_plan_free(ip_plan *plan)
{
    ip__record_free(&ip__plan_table, plan);
}

IP__FIELDS_INIT(ip_plan_fields_init, ip_plan_fields, IP_PLAN_FIELDS_INIT,
                IP_PLAN_FIELDS_VERSION)
IP__FIELDS_INIT(ip_plan_query_init, ip_plan_query, IP_PLAN_QUERY_INIT,
                IP_PLAN_QUERY_VERSION)

/* Checks the plan's own content and fills those columns from it; NULL
 * fields (allowed only when optional) mean everything absent. */
static int content_from_fields(struct ip_plan *p, const ip_plan_fields *f,
                               bool optional)
{
    bool failed = false;
    int rc;

    if (!f && optional)
        return IP_OK;
    IP__CHECK_VERSION(f, IP_PLAN_FIELDS_VERSION, "plan");
    rc = ip__date_check("plan.period_start", f->period_start, false);
    if (rc == IP_OK)
        rc = ip__date_check("plan.period_end", f->period_end, false);
    if (rc == IP_OK)
        rc = ip__date_check("plan.next_revision_on", f->next_revision_on, false);
    if (rc == IP_OK)
        rc = ip__text_check("plan.resources", f->resources, IP__TEXT_LONG_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("plan.needs", f->needs, IP__TEXT_LONG_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("plan.cooperation", f->cooperation, IP__TEXT_LONG_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("plan.host_ref", f->host_ref, IP__TEXT_NAME_MAX, false);
    if (rc)
        return rc;
    if (f->period_start && *f->period_start && f->period_end && *f->period_end &&
        strcmp(f->period_end, f->period_start) < 0)
        return ip__error_set(IP_EINVALID, "plan.period_end", "is before period_start");
    ip__set_text(&p->period_start, f->period_start, &failed);
    ip__set_text(&p->period_end, f->period_end, &failed);
    ip__set_text(&p->next_revision_on, f->next_revision_on, &failed);
    ip__set_text(&p->resources, f->resources, &failed);
    ip__set_text(&p->needs, f->needs, &failed);
    ip__set_text(&p->cooperation, f->cooperation, &failed);
    ip__set_text(&p->host_ref, f->host_ref, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* A plan is about its person; content records name the plan too. */
static void plan_scope(const void *record, ip__op *op)
{
    const struct ip_plan *p = record;

    op->plan_id = p->meta.id;
    op->person_id = p->person_id;
}

/* A plan from an application is the application's person's. */
static int plan_resolve(ip_session *s, const ip__kind *k, void *record)
{
    struct ip_plan *p = record;
    struct ip_application a = {0};
    bool failed = false;
    int rc;

    (void)k;
    if (p->origin != IP_PLAN_ORIGIN_APPLICATION)
        return IP_OK;
    rc = ip__db_get(s->store->db, &ip__application_table, p->application_id, &a);
    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, "plan.application_id",
                           "no application with that id");
    if (rc == IP_OK) {
        ip__set_text(&p->person_id, a.person_id, &failed);
        if (failed)
            rc = ip__error_nomem();
    }
    ip__record_clear(&ip__application_table, &a);
    return rc;
}

/* The rules of opening a plan: the person exists, the plan request was
 * granted, and the person has no open plan. The partial unique index
 * plan_one_open is the store's backstop for the last. */
static int plan_check_new(ip_session *s, const void *record)
{
    const struct ip_plan *p = record;
    int64_t value = 0;
    int rc;

    if (p->origin == IP_PLAN_ORIGIN_DIRECT) {
        rc = ip__require(s->store, &ip__q_person_exists, p->person_id, IP_ENOTFOUND,
                         "plan.person_id", "no person with that id");
        if (rc)
            return rc;
    } else {
        rc = ip__db_scalar(s->store->db, &ip__q_plan_request_outcome,
                           (ip__arg[]){IP__TEXT(p->application_id)}, 1, &value);
        if (rc)
            return rc;
        if (value == 0)
            return ip__error_set(IP_ESTATE, "plan.application_id",
                                 "the application does not ask for a plan");
        if (value != IP_OUTCOME_GRANTED)
            return ip__error_set(IP_ESTATE, "plan.application_id",
                                 "the plan request is not granted");
    }
    rc = ip__db_scalar(s->store->db, &ip__q_plan_open_exists,
                       (ip__arg[]){IP__TEXT(p->person_id)}, 1, &value);
    if (rc == IP_OK && value)
        rc = ip__error_set(IP_EOPENPLAN, "plan.person_id",
                           "the person already has an open plan");
    return rc;
}

static const ip__kind plan_kind = {
    .table = &ip__plan_table,
    .object = IP__OBJ_PLAN,
    .id_field = "plan.id",
    .scope = plan_scope,
};

static const ip__kind plan_create_kind = {
    .table = &ip__plan_table,
    .object = IP__OBJ_PLAN,
    .id_field = "plan.id",
    .scope = plan_scope,
    .resolve = plan_resolve,
    .check = plan_check_new,
};

/* A new draft of origin, naming the person (direct) or the application. */
static int plan_open(ip_plan **out, ip_session *s, ip_plan_origin origin,
                     const char *ref, const ip_plan_fields *f)
{
    struct ip_plan *p;
    void *created = NULL;
    bool failed = false;
    int rc;

    if (out)
        *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check(origin == IP_PLAN_ORIGIN_DIRECT ? "plan.person_id"
                                                      : "plan.application_id",
                      ref);
    if (rc)
        return rc;
    p = ip__calloc(1, sizeof *p);
    if (!p)
        return IP_ENOMEM;
    rc = content_from_fields(p, f, true);
    if (rc) {
        ip_plan_free(p);
        return rc;
    }
    p->status = IP_PLAN_DRAFT;
    p->origin = origin;
    p->end_reason = 0;
    if (origin == IP_PLAN_ORIGIN_DIRECT)
        ip__set_text(&p->person_id, ref, &failed);
    else
        ip__set_text(&p->application_id, ref, &failed);
    if (failed) {
        ip_plan_free(p);
        return ip__error_nomem();
    }
    rc = ip__record_create(out ? &created : NULL, s, &plan_create_kind, p);
    if (out)
        *out = created;
    return rc;
}

int ip_plan_create(ip_plan **out, ip_session *s, const char *application_id,
                   const ip_plan_fields *f)
{
    return plan_open(out, s, IP_PLAN_ORIGIN_APPLICATION, application_id, f);
}

int ip_plan_create_direct(ip_plan **out, ip_session *s, const char *person_id,
                          const ip_plan_fields *f)
{
    return plan_open(out, s, IP_PLAN_ORIGIN_DIRECT, person_id, f);
}

IP__RECORD_GET(ip_plan_get, ip_plan, plan_kind)

int ip_plan_find_open(ip_plan **out, ip_session *s, const char *person_id)
{
    void *plan = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("plan.person_id", person_id);
    if (rc == IP_OK)
        rc = ip__record_find(&plan, s, &plan_kind, &ip__q_plan_open_of_person,
                             (ip__arg[]){IP__TEXT(person_id)}, 1, "plan.person_id");
    *out = plan;
    return rc;
}

static int refuse_ended(const struct ip_plan *p)
{
    if (p->status == IP_PLAN_ENDED)
        return ip__error_set(IP_ESTATE, "plan.status",
                             "the plan has ended: its content no longer changes");
    return IP_OK;
}

/* Swaps the plan's own content with fresh's (which then frees the old);
 * status, origin and the lifecycle dates stay as they are. */
static int apply_content(ip_session *s, void *stored, const void *ctx)
{
    struct ip_plan *p = stored;
    struct ip_plan *fresh = (struct ip_plan *)ctx;
    char **mine[] = {&p->period_start, &p->period_end, &p->next_revision_on,
                     &p->resources, &p->needs, &p->cooperation, &p->host_ref};
    char **theirs[] = {&fresh->period_start, &fresh->period_end,
                       &fresh->next_revision_on, &fresh->resources, &fresh->needs,
                       &fresh->cooperation, &fresh->host_ref};
    int rc = refuse_ended(p);

    (void)s;
    if (rc)
        return rc;
    for (size_t i = 0; i < sizeof mine / sizeof *mine; i++) {
        char *t = *mine[i];
        *mine[i] = *theirs[i];
        *theirs[i] = t;
    }
    return IP_OK;
}

int ip_plan_update(int64_t *revision_out, ip_session *s, const char *id,
                   int64_t expected_revision, const ip_plan_fields *f)
{
    struct ip_plan *fresh;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("plan.id", id);
    if (rc)
        return rc;
    fresh = ip__calloc(1, sizeof *fresh);
    if (!fresh)
        return IP_ENOMEM;
    rc = content_from_fields(fresh, f, false);
    if (rc == IP_OK)
        rc = ip__record_change(revision_out, s, &plan_kind, IP__ACT_UPDATE, id,
                               expected_revision, apply_content, fresh);
    ip_plan_free(fresh);
    return rc;
}

/* A lifecycle date: checked, not after today; NULL or "" means today. */
static int lifecycle_date(ip_session *s, const char *field, const char *given,
                          char out[IP__DATE_LEN + 1])
{
    char today[IP__DATE_LEN + 1];
    int rc = ip__date_check(field, given, false);

    if (rc)
        return rc;
    ip__today(s->store, today);
    if (!given || !*given) {
        memcpy(out, today, IP__DATE_LEN + 1);
        return IP_OK;
    }
    if (strcmp(given, today) > 0)
        return ip__error_set(IP_EINVALID, field, "is after today");
    memcpy(out, given, IP__DATE_LEN + 1);
    return IP_OK;
}

/* IP_EINVALID naming field when day is before the day the plan was made. */
static int not_before_creation(const struct ip_plan *p, const char *day,
                               const char *field)
{
    if (strncmp(day, p->meta.created_at, IP__DATE_LEN) < 0)
        return ip__error_set(IP_EINVALID, field, "is before the plan was created");
    return IP_OK;
}

static int apply_activate(ip_session *s, void *stored, const void *ctx)
{
    struct ip_plan *p = stored;
    const char *activated_on = ctx;
    bool failed = false, consented = false;
    int rc;

    /* An ended plan is never reopened: it is refused here like an active
     * one. */
    if (p->status != IP_PLAN_DRAFT)
        return ip__error_set(IP_ESTATE, "plan.status",
                             "only a draft plan can be activated");
    rc = not_before_creation(p, activated_on, "plan.activated_on");
    if (rc)
        return rc;
    rc = ip__consent_plan_active(s->store, p->person_id, activated_on, &consented);
    if (rc)
        return rc;
    if (!consented)
        return ip__error_set(IP_ESTATE, "plan.consent",
                             "activation needs the person's consent to the plan, "
                             "in force on the day of activation");
    p->status = IP_PLAN_ACTIVE;
    ip__set_text(&p->activated_on, activated_on, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

int ip_plan_activate(int64_t *revision_out, ip_session *s, const char *id,
                     int64_t expected_revision, const char *activated_on)
{
    char day[IP__DATE_LEN + 1];
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("plan.id", id);
    if (rc == IP_OK)
        rc = lifecycle_date(s, "plan.activated_on", activated_on, day);
    if (rc)
        return rc;
    return ip__record_change(revision_out, s, &plan_kind, IP__ACT_UPDATE, id,
                             expected_revision, apply_activate, day);
}

typedef struct {
    ip_plan_end_reason reason;
    const char *ended_on;
    const char *note;
} ending;

static int apply_end(ip_session *s, void *stored, const void *ctx)
{
    struct ip_plan *p = stored;
    const ending *e = ctx;
    bool failed = false;
    int rc;

    (void)s;
    if (p->status == IP_PLAN_ENDED)
        return ip__error_set(IP_ESTATE, "plan.status", "the plan has ended already");
    if (p->activated_on && strcmp(e->ended_on, p->activated_on) < 0)
        return ip__error_set(IP_EINVALID, "plan.ended_on",
                             "is before the plan was activated");
    rc = not_before_creation(p, e->ended_on, "plan.ended_on");
    if (rc)
        return rc;
    p->status = IP_PLAN_ENDED;
    p->end_reason = e->reason;
    ip__set_text(&p->ended_on, e->ended_on, &failed);
    ip__set_text(&p->end_note, e->note, &failed);
    if (failed)
        return ip__error_nomem();
    /* The host learns of it from the outbox, in the same transaction. */
    return ip__outbox_append(s, IP_OUTBOX_PLAN_ENDED, p->person_id, "plan", p->meta.id, NULL);
}

/* Called by the consent module inside its withdrawal call: a consent to
 * the plan withdrawn whole ends the person's open plan (the withdrawal was
 * authorized; the ending is audited as part of it). */
int ip__consent_withdrawn(ip_session *s, const struct ip_consent *c)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_PLAN, NULL, c->person_id, "consent.withdrawn",
                 NULL, NULL};
    ending e = {IP_PLAN_END_CONSENT_WITHDRAWN, c->withdrawn_on, NULL};
    char first_day[IP__DATE_LEN + 1];
    struct ip_plan *p = NULL;
    ip__rows rows = {0};
    bool still = false;
    int rc = ip__outbox_append(s, IP_OUTBOX_CONSENT_WITHDRAWN, c->person_id, "consent",
                               c->meta.id, NULL);

    if (rc || c->kind != IP_CONSENT_PLAN || !c->withdrawn_on)
        return rc;
    /* Another consent to the plan still in force (given again) keeps it. */
    rc = ip__consent_plan_active_other(s->store, c->person_id, c->withdrawn_on, c->meta.id,
                                       &still);
    if (rc || still)
        return rc;
    rc = ip__db_select(s->store->db, &ip__q_plan_open_of_person,
                       (ip__arg[]){IP__TEXT(c->person_id)}, 1, &rows);
    if (rc == IP_OK && rows.count == 1) {
        p = ip__rows_take(&rows, 0);
        op.object_id = op.plan_id = p->meta.id;
        /* A plan opened or activated after the withdrawal day (consent
         * recorded late) ends on the latest of those days, never before. */
        memcpy(first_day, p->meta.created_at, IP__DATE_LEN);
        first_day[IP__DATE_LEN] = '\0';
        if (p->activated_on && strcmp(p->activated_on, first_day) > 0)
            memcpy(first_day, p->activated_on, IP__DATE_LEN + 1);
        if (strcmp(e.ended_on, first_day) < 0)
            e.ended_on = first_day;
        rc = apply_end(s, p, &e);
        if (rc == IP_OK)
            rc = ip__meta_touch(s->store, &p->meta);
        if (rc == IP_OK)
            rc = ip__db_update(s->store->db, &ip__plan_table, p, p->meta.revision);
        if (rc == IP_OK)
            rc = ip__audit_append(s, &op, true);
    }
    ip__rows_free(&rows);
    ip__record_free(&ip__plan_table, p);
    return rc;
}

int ip_plan_end(int64_t *revision_out, ip_session *s, const char *id,
                int64_t expected_revision, ip_plan_end_reason reason,
                const char *ended_on, const char *note)
{
    char day[IP__DATE_LEN + 1];
    ending e = {reason, day, note};
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("plan.id", id);
    if (rc == IP_OK)
        rc = ip__value_check(end_reason_names, (int)reason, "plan.end_reason");
    if (rc == IP_OK)
        rc = lifecycle_date(s, "plan.ended_on", ended_on, day);
    if (rc == IP_OK)
        rc = ip__text_check("plan.end_note", note, IP__TEXT_SHORT_MAX, false);
    if (rc)
        return rc;
    return ip__record_change(revision_out, s, &plan_kind, IP__ACT_UPDATE, id,
                             expected_revision, apply_end, &e);
}

IP__ITERATOR(ip_plan)

/*
 * Authorized once for the whole call with the query's person as the person
 * concerned: the coordinating unit lists every plan; the person and
 * representatives list one person's plans (query->person_id); listing all
 * as anyone else is denied (audited) rather than filtered.
 */
int ip_plan_iterator_new(ip_plan_iterator **out, ip_session *s,
                         const ip_plan_query *query)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_PLAN, NULL, NULL, NULL, NULL, NULL};
    const char *person_id = NULL;
    int status = 0;
    const ip__query *q;
    ip__arg args[2];
    size_t nargs = 0;
    void *it = NULL;
    int rc = IP_OK;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    if (query) {
        IP__CHECK_VERSION(query, IP_PLAN_QUERY_VERSION, "query");
        if (query->person_id && *query->person_id) {
            rc = ip__id_check("query.person_id", query->person_id);
            person_id = query->person_id;
        }
        if (rc == IP_OK && query->status != 0) {
            rc = ip__value_check(status_names, (int)query->status, "query.status");
            status = (int)query->status;
        }
        if (rc)
            return rc;
    }
    if (person_id)
        args[nargs++] = IP__TEXT(person_id);
    if (status)
        args[nargs++] = IP__INT(status);
    q = person_id ? (status ? &ip__q_plans_of_person_with_status : &ip__q_plans_of_person)
                  : (status ? &ip__q_plans_with_status : &ip__q_plans_all);
    op.person_id = person_id;
    rc = ip__cursor_new(&it, s, &plan_kind, &op, q, args, nargs);
    *out = it;
    return rc;
}
