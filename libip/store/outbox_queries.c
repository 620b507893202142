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

typedef struct {
    ip__outbox_rows *out;
    size_t cap;
} outbox_ctx;

static int outbox_row(void *ctx, sqlite3_stmt *stmt)
{
    outbox_ctx *c = ctx;
    struct ip_outbox_event *row = row_read(stmt);

    if (!row || !push(c->out, &c->cap, row)) {
        ip__outbox_row_free(row);
        return ip__error_nomem();
    }
    return IP_OK;
}

int ip__outbox_select(ip__db *db, const ip__query *query, const ip__arg *args,
                      size_t nargs, ip__outbox_rows *out)
{
    outbox_ctx c = {out, 0};
    int rc;

    out->items = NULL;
    out->count = 0;
    rc = ip__db_each(db, query, args, nargs, outbox_row, &c, "query");
    if (rc)
        ip__outbox_rows_free(out);
    return rc;
}
