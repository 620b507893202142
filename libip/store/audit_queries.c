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

static int bind_args(sqlite3_stmt *stmt, const ip__arg *args, size_t nargs)
{
    int rc = SQLITE_OK;

    for (size_t i = 0; i < nargs && rc == SQLITE_OK; i++) {
        if (args[i].type != IP__COL_TEXT)
            rc = sqlite3_bind_int64(stmt, (int)i + 1, args[i].integer);
        else if (args[i].text && *args[i].text)
            rc = sqlite3_bind_text(stmt, (int)i + 1, args[i].text, -1, SQLITE_STATIC);
        else
            rc = sqlite3_bind_null(stmt, (int)i + 1);
    }
    return rc;
}

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

int ip__audit_rows(ip__db *db, const ip__query *query, const ip__arg *args,
                   size_t nargs, ip__audit_row_fn fn, void *payload)
{
    sqlite3_stmt *stmt;
    ip__audit_row row;
    int rc, code = IP_OK;

    rc = ip__stmt_get(db, query, IP__OP_SELECT, query, NULL, &stmt);
    if (rc)
        return rc;
    rc = bind_args(stmt, args, nargs);
    /* One statement steps through every row, so they all come from one
     * snapshot even while other handles write. */
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int i = 0; i < IP__AUDIT_COLUMNS && rc == SQLITE_ROW; i++) {
            if (read_value(stmt, i, &row.col[i]) != SQLITE_OK)
                rc = SQLITE_NOMEM;
        }
        if (rc != SQLITE_ROW)
            break;
        code = fn(payload, &row);
        if (code != IP_OK)
            break;
        rc = SQLITE_OK;
    }
    if (code == IP_OK && rc != SQLITE_DONE && rc != SQLITE_OK)
        code = ip__sqlite_error(db, rc, "read of the audit log");
    ip__stmt_release(stmt);
    return code == IP__AUDIT_STOP ? IP_OK : code;
}
