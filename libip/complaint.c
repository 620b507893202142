/* Complaints (klage): who may file, on which grounds, the deadline from a
 * store setting, and the way through the municipality to Statsforvalteren,
 * every step kept. */
#include "record_call.h"

#include <stdlib.h>
#include <string.h>

#include "outbox_append.h"
#include "settings.h"
#include "store/complaint_queries.h"
#include "store/queries.h"

/* A child has party rights of their own from 12; a parent acts for a child
 * under 16 (as for consent, pasient- og brukerrettighetsloven § 4-3). */
#define PARTY_AGE 12
#define PARENT_UNTIL_AGE 16
#define STANDING_PARENT 1
#define STANDING_GUARDIAN 2
#define DAYS_PER_WEEK 7
/* The reason a request reversed by the municipality is granted with. */
#define REVERSED_REASON "omgjort etter klage"

static const ip__name ground_names[] = {
    {IP_GROUND_PLAN_REFUSED, "plan_refused"},
    {IP_GROUND_COORDINATOR_REFUSED, "coordinator_refused"},
    {IP_GROUND_CHILD_COORDINATOR_REFUSED, "child_coordinator_refused"},
    {IP_GROUND_PLAN_CONTENT, "plan_content"},
    {IP_GROUND_PARTICIPATION, "participation"},
    {IP_GROUND_COOPERATION, "cooperation"},
    {IP_GROUND_COORDINATOR_CHOICE, "coordinator_choice"},
    {0, NULL},
};

static const ip__name status_names[] = {
    {IP_COMPLAINT_RECEIVED, "received"},
    {IP_COMPLAINT_MUNICIPAL_REVIEW, "municipal_review"},
    {IP_COMPLAINT_REVERSED, "reversed"},
    {IP_COMPLAINT_FORWARDED, "forwarded"},
    {IP_COMPLAINT_DECIDED, "decided"},
    {IP_COMPLAINT_CLOSED, "closed"},
    {0, NULL},
};

static const ip__name outcome_names[] = {
    {IP_COMPLAINT_OUTCOME_NONE, "none"},
    {IP_COMPLAINT_OUTCOME_DISMISSED, "dismissed"},
    {IP_COMPLAINT_OUTCOME_UPHELD, "upheld"},
    {IP_COMPLAINT_OUTCOME_PARTLY_UPHELD, "partly_upheld"},
    {IP_COMPLAINT_OUTCOME_NOT_UPHELD, "not_upheld"},
    {IP_COMPLAINT_OUTCOME_SET_ASIDE, "set_aside"},
    {0, NULL},
};

IP__ENUM_NAMES(ip_complaint_ground, ip_complaint_ground, ground_names, "complaint.ground")
IP__ENUM_NAMES(ip_complaint_status, ip_complaint_status, status_names, "complaint.status")
IP__ENUM_NAMES(ip_complaint_outcome, ip_complaint_outcome, outcome_names,
               "complaint.outcome")

static bool present(const char *s)
{
    return s && *s;
}

/* The request a refused ground is about; 0 for the other grounds. */
static unsigned int refused_request(int64_t ground)
{
    switch (ground) {
    case IP_GROUND_PLAN_REFUSED: return IP_REQUEST_PLAN;
    case IP_GROUND_COORDINATOR_REFUSED: return IP_REQUEST_COORDINATOR;
    case IP_GROUND_CHILD_COORDINATOR_REFUSED: return IP_REQUEST_CHILD_COORDINATOR;
    default: return 0;
    }
}

/* ------------------------------------------------------------------------
 * The state machine */

int ip_complaint_transition_allowed(ip_complaint_status from, ip_complaint_status to)
{
    switch (from) {
    case IP_COMPLAINT_RECEIVED:
        return to == IP_COMPLAINT_MUNICIPAL_REVIEW;
    case IP_COMPLAINT_MUNICIPAL_REVIEW:
        return to == IP_COMPLAINT_REVERSED || to == IP_COMPLAINT_FORWARDED;
    case IP_COMPLAINT_REVERSED:
        return to == IP_COMPLAINT_CLOSED;
    case IP_COMPLAINT_FORWARDED:
        return to == IP_COMPLAINT_DECIDED;
    case IP_COMPLAINT_DECIDED:
        return to == IP_COMPLAINT_CLOSED;
    default:
        return 0;
    }
}

/* ------------------------------------------------------------------------
 * Getters */

IP__GET_META(ip_complaint)
IP__GET_TEXT(ip_complaint, person_id)
IP__GET_TEXT(ip_complaint, filed_by_id)
IP__GETTER(ip_complaint, is_written, int, r->written != 0)
IP__GETTER(ip_complaint, is_signed, int, r->signed_ != 0)
IP__GETTER(ip_complaint, ground_of, ip_complaint_ground, r->ground)
IP__GET_TEXT(ip_complaint, application_id)
IP__GET_TEXT(ip_complaint, plan_id)
IP__GET_TEXT(ip_complaint, knew_on)
IP__GET_TEXT(ip_complaint, received_on)
IP__GET_TEXT(ip_complaint, deadline_on)
IP__GETTER(ip_complaint, is_late, int, r->late != 0)
IP__GETTER(ip_complaint, status_of, ip_complaint_status, r->status)
IP__GETTER(ip_complaint, outcome_of, ip_complaint_outcome, r->outcome)
IP__GET_TEXT(ip_complaint, forwarded_on)
IP__GET_TEXT(ip_complaint, closed_on)
IP__GET_TEXT(ip_complaint, note)
IP__GETTER(ip_complaint, step_count, size_t, r->step_count)

static const ip__complaint_step *step_at(const ip_complaint *c, size_t i)
{
    return c && i < c->step_count ? c->steps[i] : NULL;
}

/* The latest step into status to; NULL when there is none. */
static const ip__complaint_step *step_into(const ip_complaint *c, int64_t to)
{
    for (size_t i = c ? c->step_count : 0; i > 0; i--) {
        if (c->steps[i - 1]->to_status == to)
            return c->steps[i - 1];
    }
    return NULL;
}

int ip_complaint_is_reversed(const ip_complaint *c)
{
    return step_into(c, IP_COMPLAINT_REVERSED) != NULL;
}

const char *ip_complaint_decided_on(const ip_complaint *c)
{
    const ip__complaint_step *st = step_into(c, IP_COMPLAINT_DECIDED);

    return st ? st->step_on : NULL;
}

ip_complaint_status ip_complaint_step_from(const ip_complaint *c, size_t i)
{
    const ip__complaint_step *st = step_at(c, i);

    return st ? (ip_complaint_status)st->from_status : (ip_complaint_status)0;
}

ip_complaint_status ip_complaint_step_to(const ip_complaint *c, size_t i)
{
    const ip__complaint_step *st = step_at(c, i);

    return st ? (ip_complaint_status)st->to_status : (ip_complaint_status)0;
}

ip_complaint_outcome ip_complaint_step_outcome(const ip_complaint *c, size_t i)
{
    const ip__complaint_step *st = step_at(c, i);

    return st ? (ip_complaint_outcome)st->outcome : IP_COMPLAINT_OUTCOME_NONE;
}

const char *ip_complaint_step_on(const ip_complaint *c, size_t i)
{
    const ip__complaint_step *st = step_at(c, i);

    return st ? st->step_on : NULL;
}

const char *ip_complaint_step_actor_id(const ip_complaint *c, size_t i)
{
    const ip__complaint_step *st = step_at(c, i);

    return st ? st->actor_id : NULL;
}

const char *ip_complaint_step_note(const ip_complaint *c, size_t i)
{
    const ip__complaint_step *st = step_at(c, i);

    return st ? st->note : NULL;
}

const char *ip_complaint_step_created_at(const ip_complaint *c, size_t i)
{
    const ip__complaint_step *st = step_at(c, i);

    return st ? st->meta.created_at : NULL;
}

/* ------------------------------------------------------------------------
 * Freeing */

static void steps_clear(struct ip_complaint *c)
{
    for (size_t i = 0; i < c->step_count; i++)
        ip__record_free(&ip__complaint_step_table, c->steps[i]);
    ip_free(c->steps);
    c->steps = NULL;
    c->step_count = 0;
}

void ip_complaint_free(ip_complaint *c)
{
    if (!c)
        return;
    steps_clear(c);
    ip__record_free(&ip__complaint_table, c);
}

static void complaint_free_record(void *record)
{
    ip_complaint_free(record);
}

IP__FIELDS_INIT(ip_complaint_fields_init, ip_complaint_fields, IP_COMPLAINT_FIELDS_INIT,
                IP_COMPLAINT_FIELDS_VERSION)
IP__FIELDS_INIT(ip_complaint_query_init, ip_complaint_query, IP_COMPLAINT_QUERY_INIT,
                IP_COMPLAINT_QUERY_VERSION)

/* ------------------------------------------------------------------------
 * Steps */

/* Appends one step to c's steps (already written), taking st. */
static int steps_push(struct ip_complaint *c, ip__complaint_step *st)
{
    ip__complaint_step **grown = ip__realloc(c->steps, (c->step_count + 1) * sizeof *grown);

    if (!grown)
        return IP_ENOMEM;
    c->steps = grown;
    c->steps[c->step_count++] = st;
    return IP_OK;
}

/* Writes the step from → to of c, on day, by the session's actor, and
 * keeps it in c's steps. */
static int step_append(ip_session *s, struct ip_complaint *c, int64_t from, int64_t to,
                       int64_t outcome, const char *day, const char *note)
{
    ip__complaint_step *st = ip__calloc(1, sizeof *st);
    bool failed = false;
    int rc;

    if (!st)
        return IP_ENOMEM;
    rc = ip__meta_init(s->store, &st->meta);
    if (rc == IP_OK) {
        ip__set_text(&st->complaint_id, c->meta.id, &failed);
        ip__set_text(&st->person_id, c->person_id, &failed);
        ip__set_text(&st->step_on, day, &failed);
        ip__set_text(&st->actor_id, s->actor_id, &failed);
        ip__set_text(&st->note, note, &failed);
        st->from_status = from;
        st->to_status = to;
        st->outcome = outcome;
        rc = failed ? ip__error_nomem() : IP_OK;
    }
    if (rc == IP_OK)
        rc = ip__db_insert(s->store->db, &ip__complaint_step_table, st);
    if (rc == IP_OK)
        rc = steps_push(c, st);
    if (rc)
        ip__record_free(&ip__complaint_step_table, st);
    return rc;
}

/* Where the steps of complaint c lie in rows (ordered by complaint id,
 * then oldest first): from *first, *n of them. */
static void steps_range(const struct ip_complaint *c, const ip__rows *rows, size_t *first,
                        size_t *n)
{
    size_t lo = 0, hi = rows->count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ip__complaint_step *st = rows->items[mid];

        if (strcmp(st->complaint_id, c->meta.id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    *n = 0;
    while (lo + *n < rows->count &&
           strcmp(((const ip__complaint_step *)rows->items[lo + *n])->complaint_id,
                  c->meta.id) == 0)
        (*n)++;
}

/* Moves rows[first, first + n) into c's steps, leaving NULL behind. */
static int steps_take(struct ip_complaint *c, ip__rows *rows, size_t first, size_t n)
{
    if (n == 0)
        return IP_OK;
    c->steps = ip__calloc(n, sizeof *c->steps);
    if (!c->steps)
        return IP_ENOMEM;
    for (size_t i = 0; i < n; i++)
        c->steps[c->step_count++] = ip__rows_take(rows, first + i);
    return IP_OK;
}

static int steps_load(ip_session *s, void *record)
{
    struct ip_complaint *c = record;
    ip__rows rows = {0};
    int rc = ip__db_select(s->store->db, &ip__q_complaint_steps,
                           (ip__arg[]){IP__TEXT(c->meta.id)}, 1, &rows);

    if (rc == IP_OK)
        rc = steps_take(c, &rows, 0, rows.count);
    ip__rows_free(&rows);
    return rc;
}

/* The steps of every complaint of a list in one query: those of the
 * person when the list is one person's, of the open complaints when every
 * one is open, else of all. */
static int steps_load_all(ip_session *s, ip__rows *list)
{
    const struct ip_complaint *first;
    bool one_person = true, all_open = true;
    ip__rows rows = {0};
    struct {
        size_t first, n;
    } *range = NULL;
    int rc;

    if (list->count == 0)
        return IP_OK;
    first = list->items[0];
    for (size_t i = 0; i < list->count; i++) {
        const struct ip_complaint *c = list->items[i];

        one_person = one_person && strcmp(c->person_id, first->person_id) == 0;
        all_open = all_open && c->status != IP_COMPLAINT_CLOSED;
    }
    if (one_person)
        rc = ip__db_select(s->store->db, &ip__q_complaint_steps_of_person,
                           (ip__arg[]){IP__TEXT(first->person_id)}, 1, &rows);
    else
        rc = ip__db_select(s->store->db,
                           all_open ? &ip__q_complaint_steps_open : &ip__q_complaint_steps_all,
                           NULL, 0, &rows);
    /* Every range is found before any step is taken out of rows. */
    if (rc == IP_OK) {
        range = ip__calloc(list->count, sizeof *range);
        rc = range ? IP_OK : IP_ENOMEM;
    }
    for (size_t i = 0; rc == IP_OK && i < list->count; i++)
        steps_range(list->items[i], &rows, &range[i].first, &range[i].n);
    for (size_t i = 0; rc == IP_OK && i < list->count; i++)
        rc = steps_take(list->items[i], &rows, range[i].first, range[i].n);
    ip_free(range);
    ip__rows_free(&rows);
    return rc;
}

/* ------------------------------------------------------------------------
 * Filing */

/* The choice of coordinator is not an individual decision and cannot be
 * appealed; the rest of the grounds are checked by the table. */
static int ground_check(int ground)
{
    if (ground == IP_GROUND_COORDINATOR_CHOICE)
        return ip__error_set(IP_EINVALID, "complaint.ground",
                             "the choice of coordinator cannot be appealed: appointing a "
                             "coordinator is not an individual decision (enkeltvedtak); "
                             "a refused coordinator request can be");
    if (!ip__name_of(ground_names, ground))
        return ip__error_set(IP_EINVALID, "complaint.ground", "is not a ground of complaint");
    return IP_OK;
}

/* Checks the fields and fills the complaint from them, status received.
 * The deadline (a store setting) is filled inside the call. */
static int complaint_from_fields(ip_session *s, struct ip_complaint *c,
                                 const ip_complaint_fields *f)
{
    char today[IP__DATE_LEN + 1];
    const char *received_on;
    bool refused, failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_COMPLAINT_FIELDS_VERSION, "complaint");
    rc = ground_check((int)f->ground);
    if (rc == IP_OK)
        rc = ip__id_check("complaint.person_id", f->person_id);
    if (rc == IP_OK)
        rc = ip__id_check("complaint.filed_by_id", f->filed_by_id);
    if (rc)
        return rc;
    refused = refused_request(f->ground) != 0;
    if (refused) {
        if (!present(f->application_id))
            return ip__error_set(IP_EINVALID, "complaint.application_id",
                                 "a complaint about a refused request names the application");
        if (present(f->plan_id))
            return ip__error_set(IP_EINVALID, "complaint.plan_id",
                                 "a complaint about a refused request names the "
                                 "application, not a plan");
        rc = ip__id_check("complaint.application_id", f->application_id);
    } else {
        if (!present(f->plan_id))
            return ip__error_set(IP_EINVALID, "complaint.plan_id",
                                 "a complaint about the plan's content, participation or "
                                 "cooperation names the plan");
        if (present(f->application_id))
            return ip__error_set(IP_EINVALID, "complaint.application_id",
                                 "only a complaint about a refused request names an "
                                 "application");
        rc = ip__id_check("complaint.plan_id", f->plan_id);
    }
    if (rc == IP_OK)
        rc = ip__date_check("complaint.knew_on", f->knew_on, true);
    if (rc == IP_OK)
        rc = ip__date_check("complaint.received_on", f->received_on, false);
    if (rc == IP_OK)
        rc = ip__text_check("complaint.note", f->note, IP__TEXT_LONG_MAX, false);
    if (rc)
        return rc;
    ip__today(s->store, today);
    received_on = present(f->received_on) ? f->received_on : today;
    if (strcmp(received_on, today) > 0)
        return ip__error_set(IP_EINVALID, "complaint.received_on", "is after today");
    if (strcmp(f->knew_on, received_on) > 0)
        return ip__error_set(IP_EINVALID, "complaint.knew_on",
                             "is after the complaint was received");
    if ((s->role == IP_ROLE_PERSON || s->role == IP_ROLE_REPRESENTATIVE) &&
        strcmp(f->filed_by_id, s->actor_id) != 0)
        return ip__error_set(IP_EINVALID, "complaint.filed_by_id",
                             "the person or a representative files a complaint in their "
                             "own name");
    ip__set_text(&c->person_id, f->person_id, &failed);
    ip__set_text(&c->filed_by_id, f->filed_by_id, &failed);
    c->written = f->is_written ? 1 : 0;
    c->signed_ = f->is_signed ? 1 : 0;
    c->ground = f->ground;
    ip__set_text(&c->application_id, refused ? f->application_id : NULL, &failed);
    ip__set_text(&c->plan_id, refused ? NULL : f->plan_id, &failed);
    ip__set_text(&c->knew_on, f->knew_on, &failed);
    ip__set_text(&c->received_on, received_on, &failed);
    c->status = IP_COMPLAINT_RECEIVED;
    c->outcome = IP_COMPLAINT_OUTCOME_NONE;
    ip__set_text(&c->note, f->note, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* The deadline: knew_on plus the setting's weeks, in calendar days (no
 * clock time, so no daylight-saving drift); late when received after it. */
static int deadline_fill(ip_session *s, const ip__kind *k, void *record)
{
    struct ip_complaint *c = record;
    char deadline[IP__DATE_LEN + 1];
    int64_t weeks = 0;
    bool failed = false;
    int rc = ip__setting(s->store, IP__SETTING_COMPLAINT_DEADLINE_WEEKS, &weeks);

    (void)k;
    if (rc)
        return rc;
    ip__date_format(deadline, ip__date_days(c->knew_on) + (int32_t)(weeks * DAYS_PER_WEEK));
    ip__set_text(&c->deadline_on, deadline, &failed);
    c->late = strcmp(c->received_on, deadline) > 0;
    return failed ? ip__error_nomem() : IP_OK;
}

/* Who may file for the person on the day received: the person from 12, a
 * guardian, or a parent of a child under 16. */
static int standing_check(ip_session *s, const struct ip_complaint *c)
{
    const char *field = "complaint.filed_by_id";
    ip__pairs birth = {0};
    int64_t held = 0;
    int age = -1, rc;

    rc = ip__db_pairs(s->store->db, &ip__q_complaint_person_birth,
                      (ip__arg[]){IP__TEXT(c->person_id)}, 1, &birth);
    if (rc)
        return rc;
    if (birth.count == 0)
        rc = ip__error_set(IP_ENOTFOUND, "complaint.person_id", "no person with that id");
    else if (birth.second[0][0])
        age = ip__age_on(birth.second[0], c->received_on);
    ip__pairs_free(&birth);
    if (rc)
        return rc;
    if (strcmp(c->filed_by_id, c->person_id) == 0) {
        if (age < 0 || age >= PARTY_AGE)
            return IP_OK;
        return ip__error_set(IP_EINVALID, field,
                             "a child under 12 cannot complain alone: a parent or "
                             "guardian files for them");
    }
    rc = ip__require(s->store, &ip__q_person_exists, c->filed_by_id, IP_ENOTFOUND, field,
                     "no person with that id");
    if (rc == IP_OK)
        rc = ip__db_scalar(s->store->db, &ip__q_complaint_standing,
                           (ip__arg[]){IP__TEXT(c->person_id), IP__TEXT(c->filed_by_id),
                                       IP__TEXT(c->received_on)},
                           3, &held);
    if (rc)
        return rc;
    if ((held & STANDING_GUARDIAN) ||
        ((held & STANDING_PARENT) && age >= 0 && age < PARENT_UNTIL_AGE))
        return IP_OK;
    if (held & STANDING_PARENT)
        return ip__error_set(IP_EINVALID, field,
                             "a parent files for a child under 16 only; from 16 the person "
                             "or a guardian files");
    return ip__error_set(IP_EINVALID, field,
                         "is neither the person nor a parent or guardian with standing on "
                         "the day received");
}

/* The refused request the complaint is about: the person's application
 * asks for it, it was refused, and not after the complainant knew. */
static int application_check(ip_session *s, const struct ip_complaint *c)
{
    const char *field = "complaint.application_id";
    unsigned int kind = refused_request(c->ground);
    struct ip_application *a = ip__calloc(1, sizeof *a);
    const ip__application_request *req = NULL;
    ip__rows rows = {0};
    int rc;

    if (!a)
        return IP_ENOMEM;
    rc = ip__db_get(s->store->db, &ip__application_table, c->application_id, a);
    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, field, "no application with that id");
    if (rc == IP_OK && strcmp(a->person_id, c->person_id) != 0)
        rc = ip__error_set(IP_EINVALID, field, "is an application of another person");
    if (rc == IP_OK && !((unsigned int)a->requests & kind))
        rc = ip__error_set(IP_EINVALID, field, "does not ask for what the ground names");
    if (rc == IP_OK)
        rc = ip__db_select(s->store->db, &ip__q_requests_of_application,
                           (ip__arg[]){IP__TEXT(a->meta.id)}, 1, &rows);
    for (size_t i = 0; rc == IP_OK && i < rows.count; i++) {
        const ip__application_request *r = rows.items[i];

        if ((unsigned int)r->kind == kind)
            req = r;
    }
    if (rc == IP_OK && (!req || req->outcome != IP_OUTCOME_REFUSED))
        rc = ip__error_set(IP_ESTATE, field,
                           req && req->outcome == IP_OUTCOME_PENDING
                               ? "the request is not decided yet: only a refusal can be "
                                 "complained about"
                               : "the request was not refused: only a refusal can be "
                                 "complained about");
    if (rc == IP_OK && req->decided_on && strcmp(c->knew_on, req->decided_on) < 0)
        rc = ip__error_set(IP_EINVALID, "complaint.knew_on",
                           "is before the refusal was decided");
    ip__rows_free(&rows);
    ip__record_free(&ip__application_table, a);
    return rc;
}

/* The plan complained about is the person's. */
static int plan_check(ip_session *s, const struct ip_complaint *c)
{
    struct ip_plan *p = ip__calloc(1, sizeof *p);
    int rc;

    if (!p)
        return IP_ENOMEM;
    rc = ip__db_get(s->store->db, &ip__plan_table, c->plan_id, p);
    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, "complaint.plan_id", "no plan with that id");
    if (rc == IP_OK && strcmp(p->person_id, c->person_id) != 0)
        rc = ip__error_set(IP_EINVALID, "complaint.plan_id", "is a plan of another person");
    ip__record_free(&ip__plan_table, p);
    return rc;
}

static void complaint_scope(const void *record, ip__op *op)
{
    op->person_id = ((const struct ip_complaint *)record)->person_id;
}

/* Inside the call, once the actor may file for the person: the person,
 * the filer's standing, and what the complaint is about. */
static int complaint_check(ip_session *s, const void *record)
{
    const struct ip_complaint *c = record;
    int rc = standing_check(s, c);

    if (rc == IP_OK)
        rc = c->application_id ? application_check(s, c) : plan_check(s, c);
    return rc;
}

/* The first step: from nothing to received, on the day received. */
static int filing_step(ip_session *s, void *record)
{
    struct ip_complaint *c = record;

    return step_append(s, c, 0, IP_COMPLAINT_RECEIVED, IP_COMPLAINT_OUTCOME_NONE,
                       c->received_on, NULL);
}

static const ip__kind complaint_kind = {
    .table = &ip__complaint_table,
    .object = IP__OBJ_COMPLAINT,
    .id_field = "complaint.id",
    .scope = complaint_scope,
    .after_load = steps_load,
    .after_load_all = steps_load_all,
    .free = complaint_free_record,
};

/* Filing alone fills the deadline (resolve: a column derived from a store
 * setting, before authorization, reading nothing personal), checks the
 * store, and writes the first step. Complaints are never replaced. */
static const ip__kind complaint_file_kind = {
    .table = &ip__complaint_table,
    .object = IP__OBJ_COMPLAINT,
    .id_field = "complaint.id",
    .scope = complaint_scope,
    .resolve = deadline_fill,
    .check = complaint_check,
    .after_insert = filing_step,
    .after_load = steps_load,
    .free = complaint_free_record,
};

static int complaint_fill(ip_session *s, void *record, const void *fields)
{
    return complaint_from_fields(s, record, fields);
}

IP__RECORD_NEW(ip_complaint_file, ip_complaint, ip_complaint_fields,
               complaint_file_kind, complaint_fill)

IP__RECORD_GET(ip_complaint_get, ip_complaint, complaint_kind)

/* ------------------------------------------------------------------------
 * Moving on */

typedef struct {
    ip_complaint_status to;
    ip_complaint_outcome outcome; /* decide */
    const char *day;              /* the step's day */
    const char *note;
} move;

/* The refused request c is about becomes granted, in the same call, as an
 * audited change of its application. */
static int reverse_request(ip_session *s, const struct ip_complaint *c, const char *day)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_APPLICATION, c->application_id, c->person_id,
                 "complaint.reversed", NULL, NULL};
    const char *field = "complaint.application_id";
    unsigned int kind = refused_request(c->ground);
    struct ip_application *a = ip__calloc(1, sizeof *a);
    ip__application_request *req = NULL;
    ip__rows rows = {0};
    bool failed = false;
    int rc;

    if (!a)
        return IP_ENOMEM;
    rc = ip__db_get(s->store->db, &ip__application_table, c->application_id, a);
    if (rc == IP_OK)
        rc = ip__db_select(s->store->db, &ip__q_requests_of_application,
                           (ip__arg[]){IP__TEXT(a->meta.id)}, 1, &rows);
    for (size_t i = 0; rc == IP_OK && i < rows.count; i++) {
        ip__application_request *r = rows.items[i];

        if ((unsigned int)r->kind == kind)
            req = r;
    }
    if (rc == IP_OK && (!req || req->outcome != IP_OUTCOME_REFUSED))
        rc = ip__error_set(IP_ESTATE, field,
                           "the request is no longer refused: there is nothing to reverse");
    if (rc == IP_OK) {
        req->outcome = IP_OUTCOME_GRANTED;
        if (!req->form)
            req->form = IP_OUTCOME_FORM_DECISION;
        ip__set_text(&req->reason, REVERSED_REASON, &failed);
        ip__set_text(&req->decided_on, day, &failed);
        ip__set_text(&req->decided_by, s->actor_id, &failed);
        rc = failed ? ip__error_nomem() : IP_OK;
    }
    if (rc == IP_OK)
        rc = ip__meta_touch(s->store, &req->meta);
    if (rc == IP_OK)
        rc = ip__db_update(s->store->db, &ip__application_request_table, req,
                           req->meta.revision);
    /* The application's revision covers its requests. */
    if (rc == IP_OK)
        rc = ip__meta_touch(s->store, &a->meta);
    if (rc == IP_OK)
        rc = ip__db_update(s->store->db, &ip__application_table, a, a->meta.revision);
    if (rc == IP_OK)
        rc = ip__audit_append(s, &op, true);
    ip__rows_free(&rows);
    ip__record_free(&ip__application_table, a);
    return rc;
}

static int apply_move(ip_session *s, void *stored, const void *ctx)
{
    struct ip_complaint *c = stored;
    const move *m = ctx;
    int64_t from = c->status;
    bool failed = false;
    int rc;

    if (!ip_complaint_transition_allowed((ip_complaint_status)from, m->to))
        return ip__error_set(IP_ESTATE, "complaint.status", "a complaint cannot move from %s to %s",
                             ip__name_of(status_names, (int)from),
                             ip__name_of(status_names, (int)m->to));
    switch (m->to) {
    case IP_COMPLAINT_REVERSED:
        rc = refused_request(c->ground) ? reverse_request(s, c, m->day) : IP_OK;
        if (rc == IP_OK)
            rc = step_append(s, c, from, IP_COMPLAINT_REVERSED, IP_COMPLAINT_OUTCOME_NONE,
                             m->day, m->note);
        if (rc == IP_OK)
            rc = step_append(s, c, IP_COMPLAINT_REVERSED, IP_COMPLAINT_CLOSED,
                             IP_COMPLAINT_OUTCOME_NONE, m->day, NULL);
        if (rc)
            return rc;
        c->status = IP_COMPLAINT_CLOSED;
        ip__set_text(&c->closed_on, m->day, &failed);
        return failed ? ip__error_nomem() : IP_OK;
    case IP_COMPLAINT_FORWARDED:
        ip__set_text(&c->forwarded_on, m->day, &failed);
        if (failed)
            return ip__error_nomem();
        rc = ip__outbox_append(s, IP_OUTBOX_COMPLAINT_FORWARDED, c->person_id, "complaint",
                               c->meta.id, NULL);
        break;
    case IP_COMPLAINT_DECIDED:
        if (c->forwarded_on && strcmp(m->day, c->forwarded_on) < 0)
            return ip__error_set(IP_EINVALID, "complaint.decided_on",
                                 "is before the complaint was forwarded");
        c->outcome = m->outcome;
        rc = IP_OK;
        break;
    case IP_COMPLAINT_CLOSED:
        ip__set_text(&c->closed_on, m->day, &failed);
        rc = failed ? ip__error_nomem() : IP_OK;
        break;
    default:
        rc = IP_OK;
        break;
    }
    if (rc == IP_OK)
        rc = step_append(s, c, from, m->to,
                         m->to == IP_COMPLAINT_DECIDED ? m->outcome : IP_COMPLAINT_OUTCOME_NONE,
                         m->day, m->note);
    if (rc == IP_OK)
        c->status = m->to;
    return rc;
}

static int move_on(int64_t *revision_out, ip_session *s, const char *id,
                   int64_t expected_revision, move *m)
{
    char today[IP__DATE_LEN + 1];
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("complaint.id", id);
    if (rc == IP_OK)
        rc = ip__text_check("note", m->note, IP__TEXT_LONG_MAX, false);
    if (rc)
        return rc;
    ip__today(s->store, today);
    if (!m->day)
        m->day = today;
    return ip__record_change(revision_out, s, &complaint_kind, IP__ACT_UPDATE, id,
                             expected_revision, apply_move, m);
}

int ip_complaint_review(int64_t *revision_out, ip_session *s, const char *id,
                        int64_t expected_revision, const char *note)
{
    move m = {IP_COMPLAINT_MUNICIPAL_REVIEW, IP_COMPLAINT_OUTCOME_NONE, NULL, note};

    return move_on(revision_out, s, id, expected_revision, &m);
}

int ip_complaint_reverse(int64_t *revision_out, ip_session *s, const char *id,
                         int64_t expected_revision, const char *note)
{
    move m = {IP_COMPLAINT_REVERSED, IP_COMPLAINT_OUTCOME_NONE, NULL, note};

    return move_on(revision_out, s, id, expected_revision, &m);
}

int ip_complaint_forward(int64_t *revision_out, ip_session *s, const char *id,
                         int64_t expected_revision, const char *note)
{
    move m = {IP_COMPLAINT_FORWARDED, IP_COMPLAINT_OUTCOME_NONE, NULL, note};

    return move_on(revision_out, s, id, expected_revision, &m);
}

int ip_complaint_decide(int64_t *revision_out, ip_session *s, const char *id,
                        int64_t expected_revision, ip_complaint_outcome outcome,
                        const char *decided_on, const char *note)
{
    char today[IP__DATE_LEN + 1];
    move m = {IP_COMPLAINT_DECIDED, outcome, NULL, note};
    int rc;

    if (!s)
        return ip__error_null("session");
    if (outcome == IP_COMPLAINT_OUTCOME_NONE || !ip__name_of(outcome_names, (int)outcome))
        return ip__error_set(IP_EINVALID, "complaint.outcome",
                             "must be dismissed, upheld, partly upheld, not upheld or "
                             "set aside");
    rc = ip__date_check("complaint.decided_on", decided_on, false);
    if (rc)
        return rc;
    ip__today(s->store, today);
    if (present(decided_on)) {
        if (strcmp(decided_on, today) > 0)
            return ip__error_set(IP_EINVALID, "complaint.decided_on", "is after today");
        m.day = decided_on;
    }
    return move_on(revision_out, s, id, expected_revision, &m);
}

int ip_complaint_close(int64_t *revision_out, ip_session *s, const char *id,
                       int64_t expected_revision, const char *note)
{
    move m = {IP_COMPLAINT_CLOSED, IP_COMPLAINT_OUTCOME_NONE, NULL, note};

    return move_on(revision_out, s, id, expected_revision, &m);
}

/* ------------------------------------------------------------------------
 * Lists */

IP__ITERATOR(ip_complaint)

/*
 * Authorized once for the whole call, with the query's person as the
 * person concerned: the coordinating unit lists every complaint; the
 * person, a representative or a coordinator one person's; listing all as
 * anyone else is denied (audited) rather than filtered.
 */
int ip_complaint_iterator_new(ip_complaint_iterator **out, ip_session *s,
                              const ip_complaint_query *query)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_COMPLAINT, NULL, NULL, NULL, NULL, NULL};
    const char *person_id = NULL;
    bool open_only = false;
    const ip__query *q;
    void *it = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    if (query) {
        IP__CHECK_VERSION(query, IP_COMPLAINT_QUERY_VERSION, "query");
        if (present(query->person_id)) {
            rc = ip__id_check("query.person_id", query->person_id);
            if (rc)
                return rc;
            person_id = query->person_id;
        }
        open_only = query->open_only != 0;
    }
    q = person_id ? (open_only ? &ip__q_complaints_of_person_open : &ip__q_complaints_of_person)
                  : (open_only ? &ip__q_complaints_open : &ip__q_complaints_all);
    op.person_id = person_id;
    rc = ip__cursor_new(&it, s, &complaint_kind, &op, q,
                        person_id ? (ip__arg[]){IP__TEXT(person_id)} : NULL,
                        person_id ? 1 : 0);
    *out = it;
    return rc;
}
