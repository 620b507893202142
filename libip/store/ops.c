/* The generic record operations of db.h over the descriptors of record.h. */
#include "store/db_internal.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

static int bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
    if (!s || !*s)
        return sqlite3_bind_null(stmt, i);
    return sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC);
}

int ip__bind_args(sqlite3_stmt *stmt, const ip__arg *args, size_t nargs)
{
    int rc = SQLITE_OK;

    for (size_t i = 0; i < nargs && rc == SQLITE_OK; i++) {
        if (args[i].type == IP__COL_TEXT)
            rc = bind_text(stmt, (int)i + 1, args[i].text);
        else
            rc = sqlite3_bind_int64(stmt, (int)i + 1, args[i].integer);
    }
    return rc;
}

/* Binds the table's own columns from ?first onwards. */
static int bind_columns(sqlite3_stmt *stmt, const ip__table *t,
                        const void *record, int first)
{
    int rc = SQLITE_OK, i = first;

    for (const ip__column *c = t->columns; c->name && rc == SQLITE_OK; c++, i++) {
        if (c->type == IP__COL_TEXT)
            rc = bind_text(stmt, i, IP__TEXT_AT(record, c));
        else
            rc = sqlite3_bind_int64(stmt, i, IP__INT_AT(record, c));
    }
    return rc;
}

static char *column_text(sqlite3_stmt *stmt, int i, int *failed)
{
    const unsigned char *text = sqlite3_column_text(stmt, i);
    char *copy;

    if (!text)
        return NULL;
    copy = ip__strndup((const char *)text, (size_t)sqlite3_column_bytes(stmt, i));
    if (!copy)
        *failed = 1;
    return copy;
}

/* Fills record from the current row (meta columns, then the table's). */
static int read_row(sqlite3_stmt *stmt, const ip__table *t, void *record)
{
    ip__meta *meta = record;
    int failed = 0, i = 4;

    meta->id = column_text(stmt, 0, &failed);
    meta->revision = sqlite3_column_int64(stmt, 1);
    meta->created_at = column_text(stmt, 2, &failed);
    meta->updated_at = column_text(stmt, 3, &failed);
    for (const ip__column *c = t->columns; c->name; c++, i++) {
        if (c->type == IP__COL_TEXT)
            IP__TEXT_AT(record, c) = column_text(stmt, i, &failed);
        else
            IP__INT_AT(record, c) = sqlite3_column_int64(stmt, i);
    }
    if (failed) {
        ip__record_clear(t, record);
        return IP_ENOMEM;
    }
    return IP_OK;
}

/* Finishes a statement: maps a final step code, resets, unbinds. */
static int finish(ip__db *db, sqlite3_stmt *stmt, int rc, const char *what)
{
    int code = IP_OK;

    if (rc != SQLITE_DONE && rc != SQLITE_ROW && rc != SQLITE_OK)
        code = ip__sqlite_error(db, rc, what);
    ip__stmt_release(stmt);
    return code;
}

static int not_found(const ip__table *table)
{
    char field[64];

    snprintf(field, sizeof field, "%s.id", table->name);
    return ip__error_set(IP_ENOTFOUND, field, "no %s with that id", table->name);
}

int ip__db_insert(ip__db *db, const ip__table *table, const void *record)
{
    const ip__meta *meta = record;
    sqlite3_stmt *stmt;
    int rc = ip__stmt_get(db, table, IP__OP_INSERT, NULL, table, &stmt);

    if (rc)
        return rc;
    rc = bind_text(stmt, 1, meta->id);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 2, meta->revision);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 3, meta->created_at);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 4, meta->updated_at);
    if (rc == SQLITE_OK)
        rc = bind_columns(stmt, table, record, 5);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    return finish(db, stmt, rc, "insert");
}

int ip__db_get(ip__db *db, const ip__table *table, const char *id, void *record)
{
    sqlite3_stmt *stmt;
    int rc = ip__stmt_get(db, table, IP__OP_GET, NULL, table, &stmt);

    if (rc)
        return rc;
    rc = bind_text(stmt, 1, id);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        int code = read_row(stmt, table, record);
        ip__stmt_release(stmt);
        return code;
    }
    if (rc == SQLITE_DONE) {
        ip__stmt_release(stmt);
        return not_found(table);
    }
    return finish(db, stmt, rc, "read");
}

int ip__db_update(ip__db *db, const ip__table *table, void *record,
                  int64_t expected_revision)
{
    ip__meta *meta = record;
    sqlite3_stmt *stmt;
    int n = 0, rc;
    int64_t exists = 0;
    char field[64];

    while (table->columns[n].name)
        n++;
    rc = ip__stmt_get(db, table, IP__OP_UPDATE, NULL, table, &stmt);
    if (rc)
        return rc;
    rc = bind_columns(stmt, table, record, 1);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, n + 1, meta->updated_at);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, n + 2, meta->id);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, n + 3, expected_revision);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        meta->revision = sqlite3_column_int64(stmt, 0);
        rc = sqlite3_step(stmt);
        return finish(db, stmt, rc, "update");
    }
    rc = finish(db, stmt, rc, "update");
    if (rc)
        return rc;
    /* Nothing matched: tell a missing record from a stale revision. */
    rc = ip__stmt_get(db, table, IP__OP_GET, NULL, table, &stmt);
    if (rc)
        return rc;
    rc = bind_text(stmt, 1, meta->id);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    exists = rc == SQLITE_ROW;
    rc = finish(db, stmt, rc, "read");
    if (rc)
        return rc;
    if (!exists)
        return not_found(table);
    snprintf(field, sizeof field, "%s.revision", table->name);
    return ip__error_set(IP_ECONFLICT, field, "the %s was changed since it was read",
                         table->name);
}

int ip__db_select(ip__db *db, const ip__query *query, const ip__arg *args,
                  size_t nargs, ip__rows *out)
{
    sqlite3_stmt *stmt;
    size_t cap = 0;
    int rc;

    out->items = NULL;
    out->count = 0;
    out->table = query->table;
    rc = ip__stmt_get(db, query, IP__OP_SELECT, query, NULL, &stmt);
    if (rc)
        return rc;
    rc = ip__bind_args(stmt, args, nargs);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        void *record;
        if (out->count == cap) {
            void **grown;
            cap = cap ? cap * 2 : 8;
            grown = ip__realloc(out->items, cap * sizeof *grown);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            out->items = grown;
        }
        record = ip__calloc(1, query->table->size);
        if (!record || read_row(stmt, query->table, record) != IP_OK) {
            ip_free(record);
            rc = SQLITE_NOMEM;
            break;
        }
        out->items[out->count++] = record;
        rc = SQLITE_OK;
    }
    rc = finish(db, stmt, rc, "query");
    if (rc)
        ip__rows_free(out);
    return rc;
}

int ip__db_scalar(ip__db *db, const ip__query *query, const ip__arg *args,
                  size_t nargs, int64_t *out)
{
    sqlite3_stmt *stmt;
    int rc = ip__stmt_get(db, query, IP__OP_SELECT, query, NULL, &stmt);

    *out = 0;
    if (rc)
        return rc;
    rc = ip__bind_args(stmt, args, nargs);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(stmt, 0);
    return finish(db, stmt, rc, "query");
}

int ip__db_exec(ip__db *db, const ip__query *query, const ip__arg *args,
                size_t nargs, int *changes_out)
{
    sqlite3_stmt *stmt;
    int rc = ip__stmt_get(db, query, IP__OP_SELECT, query, NULL, &stmt);

    if (rc)
        return rc;
    rc = ip__bind_args(stmt, args, nargs);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (changes_out)
        *changes_out = sqlite3_changes(db->handle);
    return finish(db, stmt, rc, "write");
}


typedef struct {
    ip__pairs *out;
    size_t cap;
} pairs_ctx;

/* Appends one row to out; SQLITE_NOMEM when memory runs out. */
static int pairs_push(ip__pairs *out, size_t *cap, sqlite3_stmt *stmt)
{
    char *first, *second;

    if (out->count == *cap) {
        size_t grown_cap = *cap ? *cap * 2 : 16;
        char **f = ip__realloc(out->first, grown_cap * sizeof *f);
        char **s;

        if (!f)
            return SQLITE_NOMEM;
        out->first = f;
        s = ip__realloc(out->second, grown_cap * sizeof *s);
        if (!s)
            return SQLITE_NOMEM;
        out->second = s;
        *cap = grown_cap;
    }
    /* The link columns are NOT NULL, so a NULL here is only ever a failed
     * allocation. */
    first = column_text(stmt, 0, &(int){0});
    second = column_text(stmt, 1, &(int){0});
    if (!first || !second) {
        ip_free(first);
        ip_free(second);
        return SQLITE_NOMEM;
    }
    out->first[out->count] = first;
    out->second[out->count] = second;
    out->count++;
    return SQLITE_OK;
}

static int pair_row(void *ctx, sqlite3_stmt *stmt)
{
    pairs_ctx *c = ctx;

    return pairs_push(c->out, &c->cap, stmt) == SQLITE_OK ? IP_OK : ip__error_nomem();
}

int ip__db_pairs(ip__db *db, const ip__query *query, const ip__arg *args,
                 size_t nargs, ip__pairs *out)
{
    pairs_ctx c = {out, 0};
    int rc;

    out->first = NULL;
    out->second = NULL;
    out->count = 0;
    rc = ip__db_each(db, query, args, nargs, pair_row, &c, "query");
    if (rc)
        ip__pairs_free(out);
    return rc;
}

int ip__db_each(ip__db *db, const ip__query *query, const ip__arg *args, size_t nargs,
                ip__row_fn row, void *ctx, const char *what)
{
    sqlite3_stmt *stmt;
    int rc, code = IP_OK;

    rc = ip__stmt_get(db, query, IP__OP_SELECT, query, NULL, &stmt);
    if (rc)
        return rc;
    rc = ip__bind_args(stmt, args, nargs);
    /* One statement steps through every row, so they all come from one
     * snapshot even while other handles write. */
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        code = row(ctx, stmt);
        if (code != IP_OK)
            break;
        rc = SQLITE_OK;
    }
    if (code == IP_OK && rc != SQLITE_DONE && rc != SQLITE_OK)
        code = ip__sqlite_error(db, rc, what);
    ip__stmt_release(stmt);
    return code == IP__ROW_STOP ? IP_OK : code;
}

void ip__pairs_free(ip__pairs *pairs)
{
    if (!pairs)
        return;
    for (size_t i = 0; i < pairs->count; i++) {
        ip_free(pairs->first[i]);
        ip_free(pairs->second[i]);
    }
    ip_free(pairs->first);
    ip_free(pairs->second);
    pairs->first = NULL;
    pairs->second = NULL;
    pairs->count = 0;
}
