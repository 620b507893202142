/* Storage of the audit log (declared in audit_queries.h). */
#include "store/db_internal.h"

#include "error.h"
#include "store/audit_queries.h"

#define AUDIT_COLUMNS                                                          \
    "seq, at, actor_id, role, unit_id, action, object_kind, object_id,"       \
    " person_id, purpose, outcome, rule, prev_hash, hash"

const ip__query ip__q_audit_head = {NULL,
    "SELECT " AUDIT_COLUMNS " FROM audit_event ORDER BY seq DESC LIMIT 1"};

const ip__query ip__q_audit_all = {NULL,
    "SELECT " AUDIT_COLUMNS " FROM audit_event ORDER BY seq"};

const ip__query ip__q_audit_of_person = {NULL,
    "SELECT " AUDIT_COLUMNS " FROM audit_event WHERE person_id = ?1 ORDER BY seq"};

const ip__query ip__q_audit_insert = {NULL,
    "INSERT INTO audit_event (" AUDIT_COLUMNS ")"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"};

const ip__query ip__q_audit_hash_elsewhere = {NULL,
    "SELECT EXISTS (SELECT 1 FROM audit_event WHERE hash = ?1 AND seq <> ?2)"};


/* SQLITE_OK, or SQLITE_NOMEM when SQLite could not hand the text out. */
static int read_value(sqlite3_stmt *stmt, int i, ip__audit_value *v)
{
    v->integer = 0;
    v->text = NULL;
    v->len = 0;
    switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_NULL:
        v->type = IP__AUDIT_NULL;
        break;
    case SQLITE_INTEGER:
        v->type = IP__AUDIT_INT;
        v->integer = sqlite3_column_int64(stmt, i);
        break;
    case SQLITE_TEXT:
        v->type = IP__AUDIT_TEXT;
        v->text = (const char *)sqlite3_column_text(stmt, i);
        v->len = (size_t)sqlite3_column_bytes(stmt, i);
        break;
    default:
        v->type = IP__AUDIT_OTHER;
        v->text = sqlite3_column_blob(stmt, i);
        v->len = (size_t)sqlite3_column_bytes(stmt, i);
        break;
    }
    /* Text is never a NULL pointer, not even when empty, unless SQLite ran
     * out of memory; a zero-length BLOB is. */
    if (v->type == IP__AUDIT_TEXT && !v->text)
        return SQLITE_NOMEM;
    if (!v->text)
        v->len = 0;
    return SQLITE_OK;
}

_Static_assert(IP__AUDIT_STOP == IP__ROW_STOP, "a row callback stops the walk alike");

typedef struct {
    ip__audit_row_fn fn;
    void *payload;
} audit_ctx;

static int audit_row(void *ctx, sqlite3_stmt *stmt)
{
    audit_ctx *c = ctx;
    ip__audit_row row;

    for (int i = 0; i < IP__AUDIT_COLUMNS; i++) {
        if (read_value(stmt, i, &row.col[i]) != SQLITE_OK)
            return ip__error_nomem();
    }
    return c->fn(c->payload, &row);
}

int ip__audit_rows(ip__db *db, const ip__query *query, const ip__arg *args,
                   size_t nargs, ip__audit_row_fn fn, void *payload)
{
    audit_ctx c = {fn, payload};

    return ip__db_each(db, query, args, nargs, audit_row, &c, "read of the audit log");
}
