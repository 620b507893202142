/*
 * Audit events: one per call that reads or changes personal data (or
 * store-wide data), allowed or denied, appended in the call's own
 * transaction so that a change and its event stand or fall together.
 */
#include "internal.h"

#include <string.h>

#include "store/queries.h"

static const ip__name action_names[] = {
    {IP__ACT_CREATE, "create"},
    {IP__ACT_READ, "read"},
    {IP__ACT_UPDATE, "update"},
    {IP__ACT_EXPORT, "export"},
    {0, NULL},
};

static const ip__name object_names[] = {
    {IP__OBJ_STORE, "store"},
    {IP__OBJ_UNIT, "unit"},
    {IP__OBJ_PRACTITIONER, "practitioner"},
    {IP__OBJ_PERSON, "person"},
    {IP__OBJ_RELATION, "relation"},
    {IP__OBJ_APPLICATION, "application"},
    {IP__OBJ_PLAN, "plan"},
    {IP__OBJ_PARTICIPANT, "participant"},
    {IP__OBJ_GOAL, "goal"},
    {IP__OBJ_MEASURE, "measure"},
    {IP__OBJ_MEETING, "meeting"},
    {IP__OBJ_EVALUATION, "evaluation"},
    {IP__OBJ_REVISION, "revision"},
    {0, NULL},
};

/* One audit_event row, as bound to ip__q_audit_append. */
typedef struct {
    char at[25];
    const char *actor_id;
    int64_t role;
    const char *unit_id;
    const char *action;
    const char *object_kind;
    const char *object_id;
    const char *person_id;
    int64_t purpose;
    const char *outcome;
    const char *rule;
} audit_row;

static void row_from(ip_session *s, const ip__op *op, bool allowed, audit_row *row)
{
    ip__now_instant(s->store, row->at);
    row->actor_id = s->actor_id;
    row->role = s->role;
    row->unit_id = s->unit_id;
    /* A denied call is recorded as "deny" whatever it attempted. */
    row->action = allowed ? ip__name_of(action_names, (int)op->action) : "deny";
    row->object_kind = ip__name_of(object_names, (int)op->object);
    row->object_id = op->object_id;
    row->person_id = op->person_id;
    row->purpose = s->purpose;
    row->outcome = allowed ? "allowed" : "denied";
    row->rule = op->rule ? op->rule : "default.deny";
}

static int row_write(ip__db *db, const audit_row *row)
{
    ip__arg args[] = {
        IP__TEXT(row->at),        IP__TEXT(row->actor_id), IP__INT(row->role),
        IP__TEXT(row->unit_id),   IP__TEXT(row->action),   IP__TEXT(row->object_kind),
        IP__TEXT(row->object_id), IP__TEXT(row->person_id), IP__INT(row->purpose),
        IP__TEXT(row->outcome),   IP__TEXT(row->rule),
    };

    return ip__db_exec(db, &ip__q_audit_append, args, sizeof args / sizeof args[0], NULL);
}

int ip__audit_append(ip_session *s, const ip__op *op, bool allowed)
{
    audit_row row;

    row_from(s, op, allowed, &row);
    return row_write(s->store->db, &row);
}

/*
 * A denial inside a host transaction is written in that transaction, and
 * the host may roll it back. The store keeps a copy of each such event
 * with the depth it was written at; a rollback that undoes it writes it
 * again at the level that remains, so a denied call always leaves its
 * event, whatever the host does with its transaction.
 */
struct ip__denial {
    audit_row row;
    char *copies[4]; /* the row's strings that are not static */
    int depth;
};

static void denial_free(ip__denial *d)
{
    for (int i = 0; i < 4; i++)
        ip_free(d->copies[i]);
}

static int denial_keep(ip_store *store, const audit_row *row, int depth)
{
    ip__denial *d;
    bool failed = false;

    if (store->denial_count == store->denial_cap) {
        size_t cap = store->denial_cap ? store->denial_cap * 2 : 4;
        ip__denial *grown = ip__realloc(store->denials, cap * sizeof *grown);
        if (!grown)
            return IP_ENOMEM;
        store->denials = grown;
        store->denial_cap = cap;
    }
    d = &store->denials[store->denial_count];
    memset(d, 0, sizeof *d);
    d->row = *row;
    ip__set_text(&d->copies[0], row->actor_id, &failed);
    ip__set_text(&d->copies[1], row->unit_id, &failed);
    ip__set_text(&d->copies[2], row->object_id, &failed);
    ip__set_text(&d->copies[3], row->person_id, &failed);
    if (failed) {
        denial_free(d);
        return ip__error_nomem();
    }
    d->row.actor_id = d->copies[0];
    d->row.unit_id = d->copies[1];
    d->row.object_id = d->copies[2];
    d->row.person_id = d->copies[3];
    d->depth = depth;
    store->denial_count++;
    return IP_OK;
}

int ip__audit_deny(ip_session *s, const ip__op *op)
{
    ip__db *db = s->store->db;
    audit_row row;
    int rc;

    row_from(s, op, false, &row);
    rc = ip__db_begin(db);
    if (rc)
        return rc;
    rc = row_write(db, &row);
    if (rc == IP_OK && ip__db_depth(db) > 1)
        rc = denial_keep(s->store, &row, ip__db_depth(db) - 1);
    if (rc) {
        ip__db_rollback(db);
        return rc;
    }
    return ip__db_commit(db);
}

/* Drops the kept denials that are now durable (their level is 0). */
static void forget_durable(ip_store *store)
{
    size_t kept = 0;

    for (size_t i = 0; i < store->denial_count; i++) {
        if (store->denials[i].depth == 0)
            denial_free(&store->denials[i]);
        else
            store->denials[kept++] = store->denials[i];
    }
    store->denial_count = kept;
}

void ip__audit_committed(ip_store *store, int level)
{
    for (size_t i = 0; i < store->denial_count; i++) {
        if (store->denials[i].depth >= level)
            store->denials[i].depth = level - 1;
    }
    forget_durable(store);
}

int ip__audit_rolled_back(ip_store *store, int level)
{
    ip__db *db = store->db;
    bool own = ip__db_depth(db) == 0; /* the outermost level was undone */
    bool any = false;
    int rc = IP_OK;

    for (size_t i = 0; i < store->denial_count; i++)
        any = any || store->denials[i].depth >= level;
    if (!any)
        return IP_OK;
    if (own)
        rc = ip__db_begin(db);
    for (size_t i = 0; rc == IP_OK && i < store->denial_count; i++) {
        if (store->denials[i].depth < level)
            continue;
        rc = row_write(db, &store->denials[i].row);
        store->denials[i].depth = level - 1;
    }
    if (own && rc == IP_OK)
        rc = ip__db_commit(db);
    else if (own)
        ip__db_rollback(db);
    forget_durable(store);
    return rc;
}

void ip__audit_forget(ip_store *store)
{
    for (size_t i = 0; i < store->denial_count; i++)
        denial_free(&store->denials[i]);
    ip_free(store->denials);
    store->denials = NULL;
    store->denial_count = store->denial_cap = 0;
}
