/*
 * Prepared statements, prepared once per handle and reused: the write path
 * of a whole plan must not pay for parsing SQL again. SQL for the generic
 * record operations is derived from the compile-time descriptors in
 * record.h; no caller data ever becomes SQL text.
 */
#include "store/db_internal.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

typedef struct {
    const void *key;
    int op;
    sqlite3_stmt *stmt;
} cache_slot;

struct ip__stmt_cache {
    cache_slot *slots;
    size_t size; /* a power of two */
    size_t used;
};

int ip__stmt_cache_new(ip__stmt_cache **out)
{
    ip__stmt_cache *cache = ip__calloc(1, sizeof *cache);

    if (!cache)
        return IP_ENOMEM;
    cache->size = 64;
    cache->slots = ip__calloc(cache->size, sizeof *cache->slots);
    if (!cache->slots) {
        ip_free(cache);
        return IP_ENOMEM;
    }
    *out = cache;
    return IP_OK;
}

void ip__stmt_cache_free(ip__stmt_cache *cache)
{
    if (!cache)
        return;
    for (size_t i = 0; i < cache->size; i++)
        sqlite3_finalize(cache->slots[i].stmt);
    ip_free(cache->slots);
    ip_free(cache);
}

static size_t slot_index(const ip__stmt_cache *cache, const void *key, int op)
{
    uintptr_t h = (uintptr_t)key * 2654435761u + (uintptr_t)op * 40503u;

    return (size_t)(h ^ (h >> 16)) & (cache->size - 1);
}

static cache_slot *cache_find(ip__stmt_cache *cache, const void *key, int op)
{
    size_t i = slot_index(cache, key, op);

    while (cache->slots[i].key) {
        if (cache->slots[i].key == key && cache->slots[i].op == op)
            return &cache->slots[i];
        i = (i + 1) & (cache->size - 1);
    }
    return &cache->slots[i];
}

static int cache_grow(ip__stmt_cache *cache)
{
    cache_slot *old = cache->slots;
    size_t old_size = cache->size;
    cache_slot *fresh = ip__calloc(old_size * 2, sizeof *fresh);

    if (!fresh)
        return IP_ENOMEM;
    cache->slots = fresh;
    cache->size = old_size * 2;
    for (size_t i = 0; i < old_size; i++) {
        if (old[i].key)
            *cache_find(cache, old[i].key, old[i].op) = old[i];
    }
    ip_free(old);
    return IP_OK;
}

/* A growing string for deriving SQL from descriptors. */
typedef struct {
    char *text;
    size_t len, cap;
    int failed;
} sql_buf;

static void put(sql_buf *b, const char *s)
{
    size_t n = strlen(s);

    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        char *grown;
        while (cap < b->len + n + 1)
            cap *= 2;
        grown = ip__realloc(b->text, cap);
        if (!grown) {
            b->failed = 1;
            return;
        }
        b->text = grown;
        b->cap = cap;
    }
    memcpy(b->text + b->len, s, n + 1);
    b->len += n;
}

static void put_param(sql_buf *b, int n)
{
    char num[16];
    int i = sizeof num - 1;

    num[i] = '\0';
    do {
        num[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    put(b, "?");
    put(b, num + i);
}

static const char *const meta_names[] = {"id", "revision", "created_at", "updated_at"};

static void put_columns(sql_buf *b, const ip__table *t, int qualified)
{
    for (size_t i = 0; i < 4; i++) {
        if (i)
            put(b, ", ");
        if (qualified) {
            put(b, t->name);
            put(b, ".");
        }
        put(b, meta_names[i]);
    }
    for (const ip__column *c = t->columns; c->name; c++) {
        put(b, ", ");
        if (qualified) {
            put(b, t->name);
            put(b, ".");
        }
        put(b, c->name);
    }
}

static int column_count(const ip__table *t)
{
    int n = 0;

    while (t->columns[n].name)
        n++;
    return n;
}

static void derive_sql(sql_buf *b, ip__op_kind op, const ip__query *query,
                       const ip__table *t)
{
    int n;

    switch (op) {
    case IP__OP_SELECT:
        if (!query->table) {
            put(b, query->clause);
            return;
        }
        put(b, "SELECT ");
        put_columns(b, query->table, 1);
        put(b, " FROM ");
        put(b, query->table->name);
        put(b, " ");
        put(b, query->clause);
        return;
    case IP__OP_GET:
        put(b, "SELECT ");
        put_columns(b, t, 0);
        put(b, " FROM ");
        put(b, t->name);
        put(b, " WHERE id = ?1");
        return;
    case IP__OP_INSERT:
        put(b, "INSERT INTO ");
        put(b, t->name);
        put(b, " (");
        put_columns(b, t, 0);
        put(b, ") VALUES (");
        n = column_count(t) + 4;
        for (int i = 1; i <= n; i++) {
            if (i > 1)
                put(b, ", ");
            put_param(b, i);
        }
        put(b, ")");
        return;
    case IP__OP_UPDATE:
        put(b, "UPDATE ");
        put(b, t->name);
        put(b, " SET ");
        n = 0;
        for (const ip__column *c = t->columns; c->name; c++) {
            put(b, c->name);
            put(b, " = ");
            put_param(b, ++n);
            put(b, ", ");
        }
        put(b, "revision = revision + 1, updated_at = ");
        put_param(b, n + 1);
        put(b, " WHERE id = ");
        put_param(b, n + 2);
        put(b, " AND revision = ");
        put_param(b, n + 3);
        put(b, " RETURNING revision");
        return;
    }
}

int ip__stmt_get(ip__db *db, const void *key, ip__op_kind op,
                 const ip__query *query, const ip__table *table,
                 sqlite3_stmt **out)
{
    cache_slot *slot;
    sql_buf sql = {0};
    int rc;

    slot = cache_find(db->cache, key, (int)op);
    /* Every operation steps its statement to the end (or resets it) before
     * returning, so a cached statement is never found mid-step. */
    if (slot->key) {
        *out = slot->stmt;
        return IP_OK;
    }
    derive_sql(&sql, op, query, table);
    if (sql.failed) {
        ip_free(sql.text);
        return IP_ENOMEM;
    }
    rc = sqlite3_prepare_v3(db->handle, sql.text, -1, SQLITE_PREPARE_PERSISTENT,
                            out, NULL);
    ip_free(sql.text);
    if (rc != SQLITE_OK)
        return ip__sqlite_error(db, rc, "prepare");
    if ((db->cache->used + 1) * 4 > db->cache->size * 3) {
        rc = cache_grow(db->cache);
        if (rc) {
            sqlite3_finalize(*out);
            return rc;
        }
        slot = cache_find(db->cache, key, (int)op);
    }
    slot->key = key;
    slot->op = (int)op;
    slot->stmt = *out;
    db->cache->used++;
    return IP_OK;
}

void ip__stmt_release(sqlite3_stmt *stmt)
{
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
}
