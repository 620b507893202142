/* Fixed statements of the due list and the reader of their rows (declared
 * in due_queries.h). The indexes they are written for are in migration
 * 0005_due.sql. */
#include "store/db_internal.h"
#include "store/due_queries.h"

#include <string.h>

#include "alloc.h"
#include "error.h"

/* The persons a unit takes part for: participants in the unit, valid on
 * as_of, of an open plan (participant_by_unit). Found once per statement. */
#define UNIT_PERSONS                                                           \
    "unit_persons (person_id) AS MATERIALIZED ("                               \
    "SELECT pa.person_id FROM participant pa"                                  \
    " WHERE pa.unit_id = ?6 AND pa.valid_from <= ?1"                           \
    " AND (pa.valid_to IS NULL OR pa.valid_to >= ?1)"                          \
    " AND EXISTS (SELECT 1 FROM plan pl WHERE pl.id = pa.plan_id"              \
    " AND pl.status <> 3))"

/* The persons a practitioner coordinates: an active assignment of any kind
 * (coordinator_by_practitioner), or a coordinator participant valid on
 * as_of of an open plan (participant_by_practitioner). */
#define COORDINATOR_PERSONS                                                    \
    "coordinator_persons (person_id) AS MATERIALIZED ("                        \
    "SELECT ca.person_id FROM coordinator_assignment ca"                       \
    " WHERE ca.practitioner_id = ?7 AND ca.ended_on IS NULL"                   \
    " UNION ALL SELECT pa.person_id FROM participant pa"                       \
    " WHERE pa.practitioner_id = ?7 AND pa.role = 4 AND pa.valid_from <= ?1"   \
    " AND (pa.valid_to IS NULL OR pa.valid_to >= ?1)"                          \
    " AND EXISTS (SELECT 1 FROM plan pl WHERE pl.id = pa.plan_id"              \
    " AND pl.status <> 3))"

#define IN_UNIT " AND x.person_id IN unit_persons"
#define IN_COORDINATOR " AND x.person_id IN coordinator_persons"

/* One branch per kind, f the filter's terms. Each repeats the condition
 * of its partial index word for word, and orders by the index's leading
 * columns, so that the whole store's list reads the index in order and
 * stops at the limit. */

/* application_waiting; due_application_by_person */
#define APPLICATION_REPLY(f)                                                   \
    "SELECT 1, x.id, x.person_id, NULL, x.reply_due_on FROM application x"     \
    " WHERE pending <> 0 AND interim_reply_on IS NULL"                         \
    " AND x.reply_due_on < ?1" f " ORDER BY x.reply_due_on, x.id LIMIT ?2"

/* due_plan_revision; due_plan_by_person */
#define PLAN_REVISION(f)                                                       \
    "SELECT 2, x.plan_id, x.person_id, x.plan_id, x.next_revision_on"          \
    " FROM due_plan x WHERE x.next_revision_on < ?1" f                         \
    " ORDER BY x.next_revision_on, x.plan_id LIMIT ?2"

/* due_plan_meeting; due_plan_by_person */
#define GROUP_MEETING(f)                                                       \
    "SELECT 3, x.plan_id, x.person_id, x.plan_id, x.met_on FROM due_plan x"    \
    " WHERE x.met_on < ?3" f " ORDER BY x.met_on, x.plan_id LIMIT ?2"

/* complaint_received; due_complaint_by_person */
#define COMPLAINT_DEADLINE(f)                                                  \
    "SELECT 4, x.id, x.person_id, x.plan_id, x.deadline_on FROM complaint x"   \
    " WHERE status IN (1, 2) AND status = 1 AND x.deadline_on <= ?4" f         \
    " ORDER BY x.deadline_on, x.id LIMIT ?2"

/* complaint_in_review; due_complaint_by_person */
#define COMPLAINT_REVIEW(f)                                                    \
    "SELECT 5, x.id, x.person_id, x.plan_id, x.received_on FROM complaint x"   \
    " WHERE status IN (1, 2) AND status = 2 AND x.received_on <= ?1" f         \
    " ORDER BY x.received_on, x.id LIMIT ?2"

/* consent_expiry; due_consent_by_person */
#define CONSENT_EXPIRY(f)                                                      \
    "SELECT 6, x.id, x.person_id, NULL, x.valid_to FROM consent x"             \
    " WHERE withdrawn_on IS NULL AND x.valid_to >= ?1 AND x.valid_to <= ?5" f  \
    " ORDER BY x.valid_to, x.id LIMIT ?2"

/* due_plan_uncoordinated; due_plan_by_person */
#define PLAN_WITHOUT_COORDINATOR(f)                                            \
    "SELECT 7, x.plan_id, x.person_id, x.plan_id, x.uncoordinated_since"       \
    " FROM due_plan x WHERE x.uncoordinated_since <= ?1" f                     \
    " ORDER BY x.uncoordinated_since, x.plan_id LIMIT ?2"

/* due_goal_target; due_goal_by_person */
#define GOAL_EVALUATION(f)                                                     \
    "SELECT 8, x.goal_id, x.person_id, x.plan_id, x.target_date FROM due_goal x" \
    " WHERE x.target_date < ?1" f " ORDER BY x.target_date, x.goal_id LIMIT ?2"

#define ALL_KINDS(f)                                                           \
    "SELECT * FROM (" APPLICATION_REPLY(f) ")"                                 \
    " UNION ALL SELECT * FROM (" PLAN_REVISION(f) ")"                          \
    " UNION ALL SELECT * FROM (" GROUP_MEETING(f) ")"                          \
    " UNION ALL SELECT * FROM (" COMPLAINT_DEADLINE(f) ")"                     \
    " UNION ALL SELECT * FROM (" COMPLAINT_REVIEW(f) ")"                       \
    " UNION ALL SELECT * FROM (" CONSENT_EXPIRY(f) ")"                         \
    " UNION ALL SELECT * FROM (" PLAN_WITHOUT_COORDINATOR(f) ")"               \
    " UNION ALL SELECT * FROM (" GOAL_EVALUATION(f) ")"

const size_t ip__due_filter_args[IP__DUE_FILTERS] = {5, 6, 7, 7};

const ip__query ip__q_due[IP__DUE_FILTERS] = {
    {NULL, ALL_KINDS("")},
    {NULL, "WITH " UNIT_PERSONS " " ALL_KINDS(IN_UNIT)},
    {NULL, "WITH " COORDINATOR_PERSONS " " ALL_KINDS(IN_COORDINATOR)},
    {NULL, "WITH " UNIT_PERSONS ", " COORDINATOR_PERSONS " "
           ALL_KINDS(IN_UNIT IN_COORDINATOR)},
};

void ip__due_rows_free(ip__due_rows *rows)
{
    if (!rows)
        return;
    for (size_t i = 0; i < rows->count; i++)
        ip_free(rows->items[i]);
    ip_free(rows->items);
    rows->items = NULL;
    rows->count = 0;
}

/* A new item from the statement's current row (kind, object, person,
 * plan, date), its strings in the same allocation; NULL when memory ran
 * out. */
static struct ip_due_item *row_read(sqlite3_stmt *stmt)
{
    const char *text[3];
    size_t len[3], total = 0;
    struct ip_due_item *item;
    char *p, **dest[3];
    const unsigned char *due;

    for (int i = 0; i < 3; i++) {
        text[i] = (const char *)sqlite3_column_text(stmt, i + 1);
        len[i] = text[i] ? (size_t)sqlite3_column_bytes(stmt, i + 1) : 0;
        total += text[i] ? len[i] + 1 : 0;
    }
    item = ip__calloc(1, sizeof *item + total);
    if (!item)
        return NULL;
    item->kind = sqlite3_column_int(stmt, 0);
    due = sqlite3_column_text(stmt, 4);
    if (due)
        memcpy(item->due_on, due, strnlen((const char *)due, sizeof item->due_on - 1));
    dest[0] = &item->object_id;
    dest[1] = &item->person_id;
    dest[2] = &item->plan_id;
    p = (char *)(item + 1);
    for (int i = 0; i < 3; i++) {
        if (!text[i])
            continue;
        memcpy(p, text[i], len[i]);
        p[len[i]] = '\0';
        *dest[i] = p;
        p += len[i] + 1;
    }
    return item;
}


/* Appends item to out, growing it; false when memory ran out. */
static bool push(ip__due_rows *out, size_t *cap, struct ip_due_item *item)
{
    if (out->count == *cap) {
        size_t grown_cap = *cap ? *cap * 2 : 16;
        struct ip_due_item **grown = ip__realloc(out->items, grown_cap * sizeof *grown);
        if (!grown)
            return false;
        out->items = grown;
        *cap = grown_cap;
    }
    out->items[out->count++] = item;
    return true;
}

typedef struct {
    ip__due_rows *out;
    size_t cap[IP__DUE_KINDS + 1];
} due_ctx;

/* Sorts each row into its kind's list. */
static int due_row(void *ctx, sqlite3_stmt *stmt)
{
    due_ctx *c = ctx;
    struct ip_due_item *item = row_read(stmt);
    int kind = item ? item->kind : 0;

    if (item && (kind < 1 || kind > IP__DUE_KINDS)) {
        ip_free(item); /* the statements yield no other kinds */
        return IP_OK;
    }
    if (!item || !push(&c->out[kind], &c->cap[kind], item)) {
        ip_free(item);
        return ip__error_nomem();
    }
    return IP_OK;
}

int ip__due_select(ip__db *db, const ip__query *query, const ip__arg *args,
                   size_t nargs, ip__due_rows out[IP__DUE_KINDS + 1])
{
    due_ctx c = {out, {0}};
    int rc;

    for (int k = 0; k <= IP__DUE_KINDS; k++) {
        out[k].items = NULL;
        out[k].count = 0;
    }
    rc = ip__db_each(db, query, args, nargs, due_row, &c, "query");
    if (rc) {
        for (int k = 0; k <= IP__DUE_KINDS; k++)
            ip__due_rows_free(&out[k]);
    }
    return rc;
}
