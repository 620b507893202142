/* Fixed queries of the outbox module and the reader of its rows (declared
 * in outbox_queries.h). */
#include "store/db_internal.h"
#include "store/outbox_queries.h"

#include "alloc.h"
#include "error.h"

#define OUTBOX_COLUMNS                                                         \
    "SELECT seq, at, kind, person_id, object_kind, object_id, unit_id,"       \
    " acknowledged_at, acknowledged_by FROM outbox_event"

const ip__query ip__q_outbox_all = {NULL, OUTBOX_COLUMNS " ORDER BY seq"};

/* Served by the partial index outbox_pending. */
const ip__query ip__q_outbox_pending = {NULL,
    OUTBOX_COLUMNS " WHERE acknowledged_at IS NULL ORDER BY seq"};

const ip__query ip__q_outbox_by_seq = {NULL, OUTBOX_COLUMNS " WHERE seq = ?1"};

const ip__query ip__q_outbox_append = {NULL,
    "INSERT INTO outbox_event (at, kind, person_id, object_kind, object_id, unit_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"};

const ip__query ip__q_outbox_acknowledge = {NULL,
    "UPDATE outbox_event SET acknowledged_at = ?2, acknowledged_by = ?3"
    " WHERE seq = ?1 AND acknowledged_at IS NULL"};

void ip__outbox_row_free(struct ip_outbox_event *row)
{
    if (!row)
        return;
    ip_free(row->at);
    ip_free(row->person_id);
    ip_free(row->object_kind);
    ip_free(row->object_id);
    ip_free(row->unit_id);
    ip_free(row->acknowledged_at);
    ip_free(row->acknowledged_by);
    ip_free(row);
}

void ip__outbox_rows_free(ip__outbox_rows *rows)
{
    if (!rows)
        return;
    for (size_t i = 0; i < rows->count; i++)
        ip__outbox_row_free(rows->items[i]);
    ip_free(rows->items);
    rows->items = NULL;
    rows->count = 0;
}

/* A copy of text column i; NULL for SQL NULL, and *failed set when the
 * copy could not be made. */
static char *text_at(sqlite3_stmt *stmt, int i, bool *failed)
{
    const unsigned char *text = sqlite3_column_text(stmt, i);
    char *copy;

    if (!text)
        return NULL;
    copy = ip__strndup((const char *)text, (size_t)sqlite3_column_bytes(stmt, i));
    if (!copy)
        *failed = true;
    return copy;
}

/* A new row from the statement's current one; NULL when memory ran out. */
static struct ip_outbox_event *row_read(sqlite3_stmt *stmt)
{
    struct ip_outbox_event *row = ip__calloc(1, sizeof *row);
    bool failed = false;

    if (!row)
        return NULL;
    row->seq = sqlite3_column_int64(stmt, 0);
    row->at = text_at(stmt, 1, &failed);
    row->kind = sqlite3_column_int64(stmt, 2);
    row->person_id = text_at(stmt, 3, &failed);
    row->object_kind = text_at(stmt, 4, &failed);
    row->object_id = text_at(stmt, 5, &failed);
    row->unit_id = text_at(stmt, 6, &failed);
    row->acknowledged_at = text_at(stmt, 7, &failed);
    row->acknowledged_by = text_at(stmt, 8, &failed);
    if (failed) {
        ip__outbox_row_free(row);
        return NULL;
    }
    return row;
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

/* Appends row to out, growing it; false when memory ran out. */
static bool push(ip__outbox_rows *out, size_t *cap, struct ip_outbox_event *row)
{
    if (out->count == *cap) {
        size_t grown_cap = *cap ? *cap * 2 : 8;
        struct ip_outbox_event **grown =
            ip__realloc(out->items, grown_cap * sizeof *grown);
        if (!grown)
            return false;
        out->items = grown;
        *cap = grown_cap;
    }
    out->items[out->count++] = row;
    return true;
}

int ip__outbox_select(ip__db *db, const ip__query *query, const ip__arg *args,
                      size_t nargs, ip__outbox_rows *out)
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
        struct ip_outbox_event *row = row_read(stmt);
        if (!row || !push(out, &cap, row)) {
            ip__outbox_row_free(row);
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
        ip__outbox_rows_free(out);
    return code;
}
