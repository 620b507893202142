/* Fixed queries of the due list and the reader of their rows (declared in
 * due_queries.h). The indexes each query is written for are in
 * migrations 0001-0005; a query repeats the WHERE terms of a partial index
 * word for word so that SQLite can use it. */
#include "store/db_internal.h"
#include "store/due_queries.h"

#include <string.h>

#include "alloc.h"
#include "error.h"

/* The persons a unit takes part for: participants in the unit of an open
 * plan, valid on as_of (participant_by_unit). */
#define UNIT_PERSONS                                                           \
    " AND x.person_id IN (SELECT pa.person_id FROM participant pa"             \
    " JOIN plan pl ON pl.id = pa.plan_id"                                      \
    " WHERE pa.unit_id = ?4 AND pl.status <> 3 AND pa.valid_from <= ?1"        \
    " AND (pa.valid_to IS NULL OR pa.valid_to >= ?1))"

/* The persons a practitioner coordinates: an active assignment of any kind
 * (coordinator_by_practitioner), or a coordinator participant of the open
 * plan valid on as_of (participant_by_practitioner). */
#define COORDINATOR_PERSONS                                                    \
    " AND x.person_id IN (SELECT ca.person_id FROM coordinator_assignment ca"  \
    " WHERE ca.practitioner_id = ?5 AND ca.ended_on IS NULL"                   \
    " UNION ALL SELECT pa.person_id FROM participant pa"                       \
    " JOIN plan pl ON pl.id = pa.plan_id"                                      \
    " WHERE pa.practitioner_id = ?5 AND pa.role = 4 AND pl.status <> 3"        \
    " AND pa.valid_from <= ?1 AND (pa.valid_to IS NULL OR pa.valid_to >= ?1))"

/* application_waiting (reply_due_on) WHERE pending <> 0 AND
 * interim_reply_on IS NULL */
#define APPLICATION_REPLY(f)                                                   \
    "SELECT x.id, x.person_id, NULL, x.reply_due_on FROM application x"        \
    " WHERE pending <> 0 AND interim_reply_on IS NULL"                         \
    " AND x.reply_due_on < ?3" f " ORDER BY x.reply_due_on, x.id LIMIT ?2"

/* plan_revision_due (next_revision_on) WHERE status = 2 */
#define PLAN_REVISION(f)                                                       \
    "SELECT x.id, x.person_id, x.id, x.next_revision_on FROM plan x"           \
    " WHERE status = 2 AND x.next_revision_on < ?3" f                          \
    " ORDER BY x.next_revision_on, x.id LIMIT ?2"

/* due_plan_meeting (met_on) */
#define GROUP_MEETING(f)                                                       \
    "SELECT x.plan_id, x.person_id, x.plan_id, x.met_on FROM due_plan x"       \
    " WHERE x.met_on < ?3" f " ORDER BY x.met_on, x.plan_id LIMIT ?2"

/* complaint_received (deadline_on) WHERE status = 1 */
#define COMPLAINT_DEADLINE(f)                                                  \
    "SELECT x.id, x.person_id, x.plan_id, x.deadline_on FROM complaint x"      \
    " WHERE status = 1 AND x.deadline_on <= ?3" f                              \
    " ORDER BY x.deadline_on, x.id LIMIT ?2"

/* complaint_in_review (received_on) WHERE status = 2 */
#define COMPLAINT_REVIEW(f)                                                    \
    "SELECT x.id, x.person_id, x.plan_id, x.received_on FROM complaint x"      \
    " WHERE status = 2 AND x.received_on <= ?3" f                              \
    " ORDER BY x.received_on, x.id LIMIT ?2"

/* consent_expiry (valid_to) WHERE withdrawn_on IS NULL */
#define CONSENT_EXPIRY(f)                                                      \
    "SELECT x.id, x.person_id, NULL, x.valid_to FROM consent x"                \
    " WHERE withdrawn_on IS NULL AND x.valid_to >= ?1 AND x.valid_to <= ?3" f  \
    " ORDER BY x.valid_to, x.id LIMIT ?2"

/* due_plan_uncoordinated (uncoordinated_since) WHERE uncoordinated_since
 * IS NOT NULL */
#define PLAN_WITHOUT_COORDINATOR(f)                                            \
    "SELECT x.plan_id, x.person_id, x.plan_id, x.uncoordinated_since"          \
    " FROM due_plan x WHERE x.uncoordinated_since <= ?3" f                     \
    " ORDER BY x.uncoordinated_since, x.plan_id LIMIT ?2"

/* due_goal_target (target_date) */
#define GOAL_EVALUATION(f)                                                     \
    "SELECT x.goal_id, x.person_id, x.plan_id, x.target_date FROM due_goal x"  \
    " WHERE x.target_date < ?3" f " ORDER BY x.target_date, x.goal_id LIMIT ?2"

#define FILTERED(kind)                                                         \
    {                                                                          \
        {NULL, kind("")},                                                      \
        {NULL, kind(UNIT_PERSONS)},                                            \
        {NULL, kind(COORDINATOR_PERSONS)},                                     \
        {NULL, kind(UNIT_PERSONS COORDINATOR_PERSONS)},                        \
    }

const size_t ip__due_filter_args[IP__DUE_FILTERS] = {3, 4, 5, 5};

const ip__query ip__q_due[IP__DUE_KINDS][IP__DUE_FILTERS] = {
    FILTERED(APPLICATION_REPLY),
    FILTERED(PLAN_REVISION),
    FILTERED(GROUP_MEETING),
    FILTERED(COMPLAINT_DEADLINE),
    FILTERED(COMPLAINT_REVIEW),
    FILTERED(CONSENT_EXPIRY),
    FILTERED(PLAN_WITHOUT_COORDINATOR),
    FILTERED(GOAL_EVALUATION),
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

/* A new item from the statement's current row, its strings in the same
 * allocation; NULL when memory ran out. */
static struct ip_due_item *row_read(sqlite3_stmt *stmt, int kind)
{
    const char *text[3];
    size_t len[3], total = 0;
    struct ip_due_item *item;
    char *p, **dest[3];
    const unsigned char *due;

    for (int i = 0; i < 3; i++) {
        text[i] = (const char *)sqlite3_column_text(stmt, i);
        len[i] = text[i] ? (size_t)sqlite3_column_bytes(stmt, i) : 0;
        total += text[i] ? len[i] + 1 : 0;
    }
    item = ip__calloc(1, sizeof *item + total);
    if (!item)
        return NULL;
    item->kind = kind;
    due = sqlite3_column_text(stmt, 3);
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

static int bind(sqlite3_stmt *stmt, const ip__arg *args, size_t nargs)
{
    int rc = SQLITE_OK;

    for (size_t i = 0; i < nargs && rc == SQLITE_OK; i++) {
        if (args[i].type == IP__COL_INT)
            rc = sqlite3_bind_int64(stmt, (int)i + 1, args[i].integer);
        else if (args[i].text && *args[i].text)
            rc = sqlite3_bind_text(stmt, (int)i + 1, args[i].text, -1, SQLITE_STATIC);
        else
            rc = sqlite3_bind_null(stmt, (int)i + 1);
    }
    return rc;
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

int ip__due_select(ip__db *db, const ip__query *query, const ip__arg *args,
                   size_t nargs, int kind, ip__due_rows *out)
{
    sqlite3_stmt *stmt;
    size_t cap = 0;
    int rc, code = IP_OK;

    out->items = NULL;
    out->count = 0;
    rc = ip__stmt_get(db, query, IP__OP_SELECT, query, NULL, &stmt);
    if (rc)
        return rc;
    rc = bind(stmt, args, nargs);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct ip_due_item *item = row_read(stmt, kind);
        if (!item || !push(out, &cap, item)) {
            ip_free(item);
            rc = SQLITE_NOMEM;
            break;
        }
        rc = SQLITE_OK;
    }
    if (rc == SQLITE_NOMEM)
        code = ip__error_nomem();
    else if (rc != SQLITE_DONE && rc != SQLITE_OK)
        code = ip__sqlite_error(db, rc, "query");
    ip__stmt_release(stmt);
    if (code)
        ip__due_rows_free(out);
    return code;
}
