/* Coordinator assignments: coordinator, child coordinator and specialist
 * coordinator; appointment by the coordinating unit, handover in one
 * transaction, ending with a reason, the history, and the fact the access
 * decision and the completeness check ask (coordinator_facts.h). */
#include "coordinator_facts.h"
#include "outbox_append.h"
#include "record_call.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/coordinator_queries.h"
#include "store/queries.h"

/* A child coordinator is for a child under this age on the day of
 * appointment (helse- og omsorgstjenesteloven § 7-2 a). */
#define CHILD_AGE_LIMIT 18

static const ip__name kind_names[] = {
    {IP_COORDINATOR, "coordinator"},
    {IP_CHILD_COORDINATOR, "child_coordinator"},
    {IP_SPECIALIST_COORDINATOR, "specialist_coordinator"},
    {0, NULL},
};

IP__ENUM_NAMES(ip_coordinator_kind, ip_coordinator_kind, kind_names, "coordinator.kind")

static bool present(const char *s)
{
    return s && *s;
}

/* ------------------------------------------------------------------------
 * Getters: the type is ip_coordinator_assignment, the prefix
 * ip_coordinator_. */

#define GETTER(name, rtype, expr)                                              \
    rtype ip_coordinator_##name(const ip_coordinator_assignment *r)            \
    {                                                                          \
        return r ? (rtype)(expr) : 0;                                          \
    }
#define GET_TEXT(field) GETTER(field, const char *, r->field)

GETTER(id, const char *, r->meta.id)
GETTER(revision, int64_t, r->meta.revision)
GETTER(created_at, const char *, r->meta.created_at)
GETTER(updated_at, const char *, r->meta.updated_at)
GETTER(kind_of, ip_coordinator_kind, r->kind)
GET_TEXT(person_id)
GET_TEXT(practitioner_id)
GET_TEXT(unit_id)
GET_TEXT(application_id)
GET_TEXT(appointed_on)
GET_TEXT(appointed_by)
GET_TEXT(wished_practitioner_id)
GET_TEXT(wish_note)
GET_TEXT(wish_not_followed_reason)
GET_TEXT(ended_on)
GET_TEXT(end_reason)

/* A well-formed YYYY-MM-DD calendar day, checked without recording an
 * error (ip_coordinator_is_active_on is a pure function). */
static bool day_ok(const char *s)
{
    int year, month, day;

    if (!s || strnlen(s, IP__DATE_LEN + 1) != IP__DATE_LEN || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < IP__DATE_LEN; i++) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    }
    year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    month = (s[5] - '0') * 10 + (s[6] - '0');
    day = (s[8] - '0') * 10 + (s[9] - '0');
    return year >= 1800 && ip__date_valid(year, month, day);
}

int ip_coordinator_is_active_on(const ip_coordinator_assignment *a, const char *day)
{
    if (!a || !a->appointed_on || !day_ok(day))
        return 0;
    if (strcmp(a->appointed_on, day) > 0)
        return 0;
    return !a->ended_on || strcmp(day, a->ended_on) < 0;
}

void ip_coordinator_free(ip_coordinator_assignment *a)
{
    ip__record_free(&ip__coordinator_assignment_table, a);
}

IP__FIELDS_INIT(ip_coordinator_fields_init, ip_coordinator_fields,
                IP_COORDINATOR_FIELDS_INIT, IP_COORDINATOR_FIELDS_VERSION)

/* ------------------------------------------------------------------------
 * Appointment */

/* The wish and its reason agree: a wished practitioner who was not
 * appointed needs a reason; a reason needs a wish that was not followed.
 * A wish in words alone names nobody the library can compare, so its
 * reason is optional. */
static int wish_check(const ip_coordinator_fields *f)
{
    bool wished = present(f->wished_practitioner_id);
    bool followed = wished && strcmp(f->wished_practitioner_id, f->practitioner_id) == 0;
    bool reason = present(f->wish_not_followed_reason);

    if (wished && !followed && !reason)
        return ip__error_set(IP_EINVALID, "coordinator.wish_not_followed_reason",
                             "is required when the wished practitioner is not the "
                             "one appointed");
    if (reason && !wished && !present(f->wish_note))
        return ip__error_set(IP_EINVALID, "coordinator.wish_not_followed_reason",
                             "no wish was recorded");
    if (reason && followed)
        return ip__error_set(IP_EINVALID, "coordinator.wish_not_followed_reason",
                             "the wished practitioner was appointed");
    return IP_OK;
}

/* Checks fields and fills the new assignment's columns: appointed today
 * when no day is given, by the session's actor, not ended. What needs the
 * store is checked inside the call (appointment_check). */
static int assignment_from_fields(ip_session *s, struct ip_coordinator_assignment *a,
                                  const ip_coordinator_fields *f)
{
    char today[IP__DATE_LEN + 1];
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_COORDINATOR_FIELDS_VERSION, "coordinator");
    rc = ip__id_check("coordinator.person_id", f->person_id);
    if (rc == IP_OK)
        rc = ip__value_check(kind_names, (int)f->kind, "coordinator.kind");
    if (rc == IP_OK)
        rc = ip__id_check("coordinator.practitioner_id", f->practitioner_id);
    if (rc == IP_OK && present(f->unit_id))
        rc = ip__id_check("coordinator.unit_id", f->unit_id);
    if (rc == IP_OK && present(f->application_id))
        rc = ip__id_check("coordinator.application_id", f->application_id);
    if (rc == IP_OK)
        rc = ip__date_check("coordinator.appointed_on", f->appointed_on, false);
    if (rc == IP_OK && present(f->wished_practitioner_id))
        rc = ip__id_check("coordinator.wished_practitioner_id", f->wished_practitioner_id);
    if (rc == IP_OK)
        rc = ip__text_check("coordinator.wish_note", f->wish_note, IP__TEXT_SHORT_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("coordinator.wish_not_followed_reason",
                            f->wish_not_followed_reason, IP__TEXT_SHORT_MAX, false);
    if (rc == IP_OK)
        rc = wish_check(f);
    if (rc)
        return rc;
    ip__today(s->store, today);
    if (present(f->appointed_on) && strcmp(f->appointed_on, today) > 0)
        return ip__error_set(IP_EINVALID, "coordinator.appointed_on", "is after today");
    /* Applications to the municipality ask for a coordinator or a child
     * coordinator; the specialist health service appoints its own. */
    if (present(f->application_id) && f->kind == IP_SPECIALIST_COORDINATOR)
        return ip__error_set(IP_EINVALID, "coordinator.application_id",
                             "an application to the municipality does not grant a "
                             "specialist coordinator");
    ip__set_text(&a->person_id, f->person_id, &failed);
    a->kind = f->kind;
    ip__set_text(&a->practitioner_id, f->practitioner_id, &failed);
    ip__set_text(&a->unit_id, f->unit_id, &failed);
    ip__set_text(&a->application_id, f->application_id, &failed);
    ip__set_text(&a->appointed_on, present(f->appointed_on) ? f->appointed_on : today,
                 &failed);
    ip__set_text(&a->appointed_by, s->actor_id, &failed);
    ip__set_text(&a->wished_practitioner_id, f->wished_practitioner_id, &failed);
    ip__set_text(&a->wish_note, f->wish_note, &failed);
    ip__set_text(&a->wish_not_followed_reason, f->wish_not_followed_reason, &failed);
    a->ended_on = NULL;
    a->end_reason = NULL;
    return failed ? ip__error_nomem() : IP_OK;
}

static void assignment_scope(const void *record, ip__op *op)
{
    op->person_id = ((const struct ip_coordinator_assignment *)record)->person_id;
}

/* The practitioner's unit and its sector; found false when there is no
 * such practitioner. */
static int practitioner_load(ip_store *store, const char *id, bool *found,
                             char unit_id[IP__ID_LEN + 1], int *sector)
{
    ip__pairs row = {0};
    int rc = ip__db_pairs(store->db, &ip__q_coordinator_practitioner,
                          (ip__arg[]){IP__TEXT(id)}, 1, &row);

    *found = false;
    if (rc == IP_OK && row.count > 0) {
        *found = true;
        snprintf(unit_id, IP__ID_LEN + 1, "%s", row.first[0]);
        *sector = atoi(row.second[0]);
    }
    ip__pairs_free(&row);
    return rc;
}

/* The unit defaults to the practitioner's. Filled before authorization;
 * whether the practitioner exists is checked after it (appointment_check),
 * so a denied actor learns nothing. */
static int assignment_resolve(ip_session *s, const ip__kind *k, void *record)
{
    struct ip_coordinator_assignment *a = record;
    char unit_id[IP__ID_LEN + 1];
    bool found = false, failed = false;
    int sector = 0;
    int rc;

    (void)k;
    if (a->unit_id)
        return IP_OK;
    rc = practitioner_load(s->store, a->practitioner_id, &found, unit_id, &sector);
    if (rc == IP_OK && found) {
        ip__set_text(&a->unit_id, unit_id, &failed);
        if (failed)
            rc = ip__error_nomem();
    }
    return rc;
}

/* The practitioner exists and works in the assignment's unit, whose sector
 * fits the kind. */
static int unit_check(ip_session *s, const struct ip_coordinator_assignment *a)
{
    char unit_id[IP__ID_LEN + 1];
    bool found = false;
    int sector = 0;
    int rc = practitioner_load(s->store, a->practitioner_id, &found, unit_id, &sector);

    if (rc)
        return rc;
    if (!found)
        return ip__error_set(IP_ENOTFOUND, "coordinator.practitioner_id",
                             "no practitioner with that id");
    if (!a->unit_id || strcmp(unit_id, a->unit_id) != 0) {
        rc = ip__require(s->store, &ip__q_unit_exists, a->unit_id, IP_ENOTFOUND,
                         "coordinator.unit_id", "no unit with that id");
        return rc ? rc
                  : ip__error_set(IP_EINVALID, "coordinator.unit_id",
                                  "the practitioner does not work in that unit");
    }
    if (a->kind == IP_SPECIALIST_COORDINATOR && sector != IP_SECTOR_SPECIALIST_HEALTH)
        return ip__error_set(IP_EINVALID, "coordinator.unit_id",
                             "a specialist coordinator is appointed in the specialist "
                             "health service");
    if (a->kind != IP_SPECIALIST_COORDINATOR && sector == IP_SECTOR_SPECIALIST_HEALTH)
        return ip__error_set(IP_EINVALID, "coordinator.unit_id",
                             "a coordinator or child coordinator is appointed in the "
                             "municipality, not in the specialist health service");
    return IP_OK;
}

/* The person exists; for a child coordinator, is under 18 on the day of
 * appointment. Age is whole years (ip__age_on): a birthday is reached on
 * its month and day, so a child born on 29 February turns 18 on 1 March in
 * a year without 29 February. A child not yet born (a family expecting
 * one) is under 18. */
static int person_check(ip_session *s, const struct ip_coordinator_assignment *a)
{
    ip__pairs row = {0};
    int rc = ip__db_pairs(s->store->db, &ip__q_coordinator_person,
                          (ip__arg[]){IP__TEXT(a->person_id)}, 1, &row);

    if (rc == IP_OK && row.count == 0)
        rc = ip__error_set(IP_ENOTFOUND, "coordinator.person_id", "no person with that id");
    if (rc == IP_OK && a->kind == IP_CHILD_COORDINATOR) {
        const char *birth = row.first[0];

        if (!*birth)
            rc = ip__error_set(IP_EINVALID, "coordinator.kind",
                               "the child's birth date is not known");
        else if (ip__age_on(birth, a->appointed_on) >= CHILD_AGE_LIMIT)
            rc = ip__error_set(IP_EINVALID, "coordinator.kind",
                               "a child coordinator is for a child under 18 on the day "
                               "of appointment");
    }
    ip__pairs_free(&row);
    return rc;
}

/* The request of an application that grants each kind. */
static ip_request_kind request_for(int64_t kind)
{
    return kind == IP_CHILD_COORDINATOR ? IP_REQUEST_CHILD_COORDINATOR
                                        : IP_REQUEST_COORDINATOR;
}

static int application_check(ip_session *s, const struct ip_coordinator_assignment *a)
{
    int64_t state = 0;
    int rc;

    if (!a->application_id)
        return IP_OK;
    rc = ip__db_scalar(s->store->db, &ip__q_coordinator_application_state,
                       (ip__arg[]){IP__TEXT(a->application_id), IP__TEXT(a->person_id),
                                   IP__INT(request_for(a->kind))},
                       3, &state);
    if (rc)
        return rc;
    switch (state) {
    case 0:
        return ip__error_set(IP_ENOTFOUND, "coordinator.application_id",
                             "no application with that id");
    case 1:
        return ip__error_set(IP_ESTATE, "coordinator.application_id",
                             "the application is another person's");
    case 2:
        return ip__error_set(IP_ESTATE, "coordinator.application_id",
                             a->kind == IP_CHILD_COORDINATOR
                                 ? "the application's child coordinator request is "
                                   "not granted"
                                 : "the application's coordinator request is not "
                                   "granted");
    default:
        return IP_OK;
    }
}

/* One active assignment of each kind per person (the partial unique index
 * coordinator_one_active is the store's backstop), and no overlap with an
 * earlier one. */
static int one_active_check(ip_session *s, const struct ip_coordinator_assignment *a)
{
    int64_t found = 0;
    int rc = ip__db_scalar(s->store->db, &ip__q_coordinator_kind_active,
                           (ip__arg[]){IP__TEXT(a->person_id), IP__INT(a->kind)}, 2,
                           &found);

    if (rc == IP_OK && found)
        return ip__error_set(IP_EEXISTS, "coordinator.kind",
                             "the person has an active assignment of this kind: use a "
                             "handover");
    if (rc == IP_OK)
        rc = ip__db_scalar(s->store->db, &ip__q_coordinator_ended_after,
                           (ip__arg[]){IP__TEXT(a->person_id), IP__INT(a->kind),
                                       IP__TEXT(a->appointed_on)},
                           3, &found);
    if (rc == IP_OK && found)
        rc = ip__error_set(IP_EINVALID, "coordinator.appointed_on",
                           "is before an earlier assignment of this kind ended");
    return rc;
}

/* The rules of an appointment that need the store, run once the actor is
 * authorized. */
static int appointment_check(ip_session *s, const void *record)
{
    const struct ip_coordinator_assignment *a = record;
    int rc = person_check(s, a);

    if (rc == IP_OK)
        rc = unit_check(s, a);
    if (rc == IP_OK && a->wished_practitioner_id) {
        char unit_id[IP__ID_LEN + 1];
        bool found = false;
        int sector = 0;

        rc = practitioner_load(s->store, a->wished_practitioner_id, &found, unit_id,
                               &sector);
        if (rc == IP_OK && !found)
            rc = ip__error_set(IP_ENOTFOUND, "coordinator.wished_practitioner_id",
                               "no practitioner with that id");
    }
    if (rc == IP_OK)
        rc = application_check(s, a);
    if (rc == IP_OK)
        rc = one_active_check(s, a);
    return rc;
}

/* The coordinating unit of the person's home municipality (outside the
 * specialist health service) into out; "" when the person has no
 * municipality or it has no coordinating unit in the store. */
static int home_unit(ip_session *s, const char *person_id, char out[IP__ID_LEN + 1])
{
    ip__pairs person = {0};
    ip__rows units = {0};
    int rc = ip__db_pairs(s->store->db, &ip__q_coordinator_person,
                          (ip__arg[]){IP__TEXT(person_id)}, 1, &person);

    out[0] = '\0';
    if (rc == IP_OK && person.count > 0 && person.second[0][0])
        rc = ip__db_select(s->store->db, &ip__q_coordinator_home_units,
                           (ip__arg[]){IP__TEXT(person.second[0])}, 1, &units);
    if (rc == IP_OK && units.count > 0)
        snprintf(out, IP__ID_LEN + 1, "%s", ((ip__meta *)units.items[0])->id);
    ip__rows_free(&units);
    ip__pairs_free(&person);
    return rc;
}

/* The host learns of the appointment from the outbox, in the same
 * transaction; for a specialist coordinator, the home municipality's
 * coordinating unit is told. */
static int appointment_events(ip_session *s, void *record)
{
    const struct ip_coordinator_assignment *a = record;
    char unit_id[IP__ID_LEN + 1];
    int rc = ip__outbox_append(s, IP_OUTBOX_COORDINATOR_APPOINTED, a->person_id,
                               "coordinator_assignment", a->meta.id, a->unit_id);

    if (rc || a->kind != IP_SPECIALIST_COORDINATOR)
        return rc;
    rc = home_unit(s, a->person_id, unit_id);
    if (rc == IP_OK)
        rc = ip__outbox_append(s, IP_OUTBOX_SPECIALIST_COORDINATOR, a->person_id,
                               "coordinator_assignment", a->meta.id,
                               unit_id[0] ? unit_id : NULL);
    return rc;
}

static void assignment_free(void *record)
{
    ip_coordinator_free(record);
}

static const ip__kind coordinator_kind = {
    .table = &ip__coordinator_assignment_table,
    .object = IP__OBJ_COORDINATOR,
    .id_field = "coordinator.id",
    .scope = assignment_scope,
    .free = assignment_free,
};

static const ip__kind coordinator_appoint_kind = {
    .table = &ip__coordinator_assignment_table,
    .object = IP__OBJ_COORDINATOR,
    .id_field = "coordinator.id",
    .scope = assignment_scope,
    .resolve = assignment_resolve,
    .check = appointment_check,
    .after_insert = appointment_events,
    .free = assignment_free,
};

/* A new assignment from fields, checked as far as the store is not needed;
 * owned by the caller. */
static int assignment_new(struct ip_coordinator_assignment **out, ip_session *s,
                          const ip_coordinator_fields *f)
{
    struct ip_coordinator_assignment *a = ip__calloc(1, sizeof *a);
    int rc;

    *out = NULL;
    if (!a)
        return IP_ENOMEM;
    rc = assignment_from_fields(s, a, f);
    if (rc) {
        ip_coordinator_free(a);
        return rc;
    }
    *out = a;
    return IP_OK;
}

static int assignment_fill(ip_session *s, void *record, const void *fields)
{
    return assignment_from_fields(s, record, fields);
}

IP__RECORD_NEW(ip_coordinator_appoint, ip_coordinator_assignment, ip_coordinator_fields,
               coordinator_appoint_kind, assignment_fill)

/* ------------------------------------------------------------------------
 * Ending and handover */

typedef struct {
    const char *ended_on;
    const char *reason;
    /* For a handover: the new assignment, which must match the old. */
    const struct ip_coordinator_assignment *next;
} ending;

static int apply_end(ip_session *s, void *stored, const void *ctx)
{
    struct ip_coordinator_assignment *a = stored;
    const ending *e = ctx;
    bool failed = false;

    (void)s;
    if (a->ended_on)
        return ip__error_set(IP_ESTATE, "coordinator.ended_on",
                             "the assignment has ended already");
    if (e->next) {
        if (e->next->kind != a->kind)
            return ip__error_set(IP_EINVALID, "coordinator.kind",
                                 "a handover keeps the kind of the assignment");
        if (strcmp(e->next->person_id, a->person_id) != 0)
            return ip__error_set(IP_EINVALID, "coordinator.person_id",
                                 "a handover keeps the person of the assignment");
        if (strcmp(e->next->practitioner_id, a->practitioner_id) == 0)
            return ip__error_set(IP_EINVALID, "coordinator.practitioner_id",
                                 "a handover is to another practitioner");
        if (strcmp(e->ended_on, a->appointed_on) < 0)
            return ip__error_set(IP_EINVALID, "coordinator.appointed_on",
                                 "is before the assignment handed over began");
    } else if (strcmp(e->ended_on, a->appointed_on) < 0) {
        return ip__error_set(IP_EINVALID, "coordinator.ended_on", "is before appointed_on");
    }
    ip__set_text(&a->ended_on, e->ended_on, &failed);
    ip__set_text(&a->end_reason, e->reason, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

int ip_coordinator_end(int64_t *revision_out, ip_session *s, const char *id,
                       int64_t expected_revision, const char *ended_on,
                       const char *reason)
{
    char today[IP__DATE_LEN + 1];
    ending e = {ended_on, reason, NULL};
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("coordinator.id", id);
    if (rc == IP_OK)
        rc = ip__date_check("coordinator.ended_on", ended_on, false);
    if (rc == IP_OK)
        rc = ip__text_check("coordinator.end_reason", reason, IP__TEXT_SHORT_MAX, true);
    if (rc)
        return rc;
    ip__today(s->store, today);
    if (!present(ended_on))
        e.ended_on = today;
    else if (strcmp(ended_on, today) > 0)
        return ip__error_set(IP_EINVALID, "coordinator.ended_on", "is after today");
    return ip__record_change(revision_out, s, &coordinator_kind, IP__ACT_UPDATE, id,
                             expected_revision, apply_end, &e);
}

/* Ends a group of calls opened with ip__call_open at depth level: commits
 * when rc is IP_OK, else rolls the whole group back. Denials recorded
 * inside the group are written again after a rollback (as for a host
 * transaction, session.c). Returns rc or the error ending met. */
static int group_close(ip_session *s, int level, int rc)
{
    ip_store *store = s->store;
    ip__error_saved saved;
    int end;

    if (rc == IP_OK) {
        rc = ip__db_commit(store->db);
        if (rc == IP_OK) {
            ip__audit_committed(store, level);
            return IP_OK;
        }
        ip__error_save(&saved);
        /* A savepoint that could not be released is still open. */
        if (ip__db_depth(store->db) >= level)
            ip__db_rollback(store->db);
    } else {
        ip__error_save(&saved);
        ip__db_rollback(store->db);
    }
    end = ip__audit_rolled_back(store, level);
    return end != IP_OK ? end : ip__error_restore(&saved);
}

/*
 * Two calls on the generic path in one transaction: the change that ends
 * the old assignment (audited as an update), then the appointment of the
 * new one (audited as a creation). The old one is ended first, so that the
 * one-active rule sees the new one alone; if the appointment is refused,
 * the group is rolled back and the old one stays active.
 */
int ip_coordinator_handover(ip_coordinator_assignment **out_new, ip_session *s,
                            const char *old_id, int64_t expected_revision,
                            const ip_coordinator_fields *f, const char *reason)
{
    struct ip_coordinator_assignment *next = NULL;
    void *created = NULL;
    ending e;
    int rc, level;

    if (out_new)
        *out_new = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("coordinator.id", old_id);
    if (rc == IP_OK)
        rc = ip__text_check("coordinator.end_reason", reason, IP__TEXT_SHORT_MAX, true);
    if (rc == IP_OK)
        rc = assignment_new(&next, s, f);
    if (rc)
        return rc;
    rc = ip__call_open(s);
    if (rc) {
        ip_coordinator_free(next);
        return rc;
    }
    level = ip__db_depth(s->store->db);
    e = (ending){next->appointed_on, reason, next};
    rc = ip__record_change(NULL, s, &coordinator_kind, IP__ACT_UPDATE, old_id,
                           expected_revision, apply_end, &e);
    if (rc == IP_OK) {
        /* The creation owns next from here, on every path. */
        rc = ip__record_create(&created, s, &coordinator_appoint_kind, next);
        next = NULL;
    }
    ip_coordinator_free(next);
    rc = group_close(s, level, rc);
    if (rc == IP_OK && out_new)
        *out_new = created;
    else
        ip_coordinator_free(created);
    return rc;
}

/* ------------------------------------------------------------------------
 * Reads */

IP__RECORD_GET(ip_coordinator_get, ip_coordinator_assignment, coordinator_kind)

struct ip_coordinator_iterator {
    ip__cursor cursor;
};

int ip_coordinator_next(ip_coordinator_assignment **out, ip_coordinator_iterator *it)
{
    void *item = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    rc = ip__cursor_next(&item, it ? &it->cursor : NULL);
    *out = item;
    return rc;
}

void ip_coordinator_iterator_free(ip_coordinator_iterator *it)
{
    ip__cursor_free(it ? &it->cursor : NULL);
}

/* Authorized once for the person, each assignment an audited read. */
int ip_coordinator_iterator_new(ip_coordinator_iterator **out, ip_session *s,
                                const char *person_id, int active_only)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_COORDINATOR, NULL, person_id, NULL};
    void *it = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("person_id", person_id);
    if (rc == IP_OK)
        rc = ip__cursor_new(&it, s, &coordinator_kind, &op,
                            active_only ? &ip__q_coordinators_of_person_active
                                        : &ip__q_coordinators_of_person,
                            (ip__arg[]){IP__TEXT(person_id)}, 1);
    *out = it;
    return rc;
}

/* ------------------------------------------------------------------------
 * Facts for the rest of libip (coordinator_facts.h) */

int ip__coordinator_active(ip_store *store, const char *person_id,
                           const char *practitioner_id, const char *day, bool *out)
{
    char today[IP__DATE_LEN + 1];
    int64_t found = 0;
    int rc;

    *out = false;
    if (!person_id || !day)
        return IP_OK;
    /* Nothing ends after today, so for today and later the assignments not
     * ended (an indexed read) are all that can be active. */
    ip__today(store, today);
    rc = ip__db_scalar(store->db,
                       strcmp(day, today) >= 0 ? &ip__q_coordinator_active_current
                                               : &ip__q_coordinator_active_on,
                       (ip__arg[]){IP__TEXT(person_id), IP__TEXT(practitioner_id),
                                   IP__TEXT(day)},
                       3, &found);
    *out = rc == IP_OK && found != 0;
    return rc;
}
