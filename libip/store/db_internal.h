/* Shared by the files under libip/store/ only. */
#ifndef IP_STORE_DB_INTERNAL_H
#define IP_STORE_DB_INTERNAL_H

#include <sqlite3.h>

#include "store/db.h"

typedef struct ip__stmt_cache ip__stmt_cache;

struct ip__db {
    sqlite3 *handle;
    ip__stmt_cache *cache;
    int depth;      /* open transactions (outermost + savepoints) */
    bool readonly;
};

/* Copies SQLite's message at once and maps rc to an IP_E* code. what says
 * which step failed ("insert", "open"...). Returns the IP_E* code. */
int ip__sqlite_error(ip__db *db, int rc, const char *what);

/* Runs SQL text that takes no parameters (pragmas, transaction control). */
int ip__db_run(ip__db *db, const char *sql, const char *what);

/* Statement cache keyed by a stable address (a query or table descriptor
 * and an operation); the statement is reset and unbound on return. */
typedef enum { IP__OP_SELECT, IP__OP_GET, IP__OP_INSERT, IP__OP_UPDATE } ip__op_kind;
int ip__stmt_get(ip__db *db, const void *key, ip__op_kind op,
                 const ip__query *query, const ip__table *table,
                 sqlite3_stmt **out);
void ip__stmt_release(sqlite3_stmt *stmt);
int ip__stmt_cache_new(ip__stmt_cache **out);
void ip__stmt_cache_free(ip__stmt_cache *cache);

int ip__migrate(ip__db *db);

/* Binds args to ?1, ?2, ... (NULL or "" text binds NULL). SQLite's code. */
int ip__bind_args(sqlite3_stmt *stmt, const ip__arg *args, size_t nargs);

/* Runs query with args and calls row for each row it yields. row returns
 * IP_OK to go on, IP__ROW_STOP to stop without error, or an IP_E* code
 * (already recorded) that stops the walk and is returned. SQLite's errors
 * are recorded naming what. Every reader of rows under store/ goes
 * through here. */
#define IP__ROW_STOP 1
typedef int (*ip__row_fn)(void *ctx, sqlite3_stmt *stmt);
int ip__db_each(ip__db *db, const ip__query *query, const ip__arg *args, size_t nargs,
                ip__row_fn row, void *ctx, const char *what);

#endif
