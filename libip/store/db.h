/*
 * The storage engine boundary. Everything that speaks SQL, and everything
 * that includes sqlite3.h, lives under libip/store/; the module layer sees
 * only these functions and the record descriptors of record.h, so that a
 * second engine can be added beside SQLite without touching the modules.
 */
#ifndef IP_STORE_DB_H
#define IP_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "record.h"

typedef struct ip__db ip__db;

/* Opens the file: WAL, foreign keys, busy timeout, then migrations. */
int ip__db_open(ip__db **out, const char *path, bool create, bool readonly,
                int busy_timeout_ms);
void ip__db_close(ip__db *db);
bool ip__db_readonly(const ip__db *db);

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are
 * savepoints. Every begin is matched by exactly one commit or rollback. */
int ip__db_begin(ip__db *db);
int ip__db_commit(ip__db *db);
int ip__db_rollback(ip__db *db);
int ip__db_depth(const ip__db *db);

/* The schema version in the file, and the one this library writes. */
int ip__db_user_version(ip__db *db, int *out);
int ip__db_latest_version(void);

/* integrity_check + foreign_key_check; IP_ECORRUPT with what failed. */
int ip__db_check(ip__db *db);

/* Online backup into dest (replaced). */
int ip__db_backup(ip__db *db, const char *dest);

/* Generic record access through the descriptors of record.h. */
int ip__db_insert(ip__db *db, const ip__table *table, const void *record);
/* IP_ENOTFOUND, or the record filled (fields allocated; ip__record_clear). */
int ip__db_get(ip__db *db, const ip__table *table, const char *id, void *record);
/* Writes every column of record where id matches and revision equals
 * expected; bumps the revision. IP_ENOTFOUND or IP_ECONFLICT otherwise.
 * record->revision and updated_at are set to the stored values. */
int ip__db_update(ip__db *db, const ip__table *table, void *record,
                  int64_t expected_revision);

/* Runs a select of query's table columns with args; returns an array of
 * records (each ip__record_free'd by ip__rows_free). */
int ip__db_select(ip__db *db, const ip__query *query, const ip__arg *args,
                  size_t nargs, ip__rows *out);

/* Runs a statement that yields one integer (COUNT, EXISTS); *out = 0 when
 * no row. */
int ip__db_scalar(ip__db *db, const ip__query *query, const ip__arg *args,
                  size_t nargs, int64_t *out);

/* Runs a statement that yields no rows (UPDATE, INSERT); *changes_out (may
 * be NULL) receives the number of rows changed. */
int ip__db_exec(ip__db *db, const ip__query *query, const ip__arg *args,
                size_t nargs, int *changes_out);

/* Rows of two text columns (link tables, which have no meta columns). */
typedef struct {
    char **first;
    char **second;
    size_t count;
} ip__pairs;

/* Runs query (table NULL; a statement yielding two text columns, neither
 * NULL) with args and returns its rows. ip__pairs_free frees them. */
int ip__db_pairs(ip__db *db, const ip__query *query, const ip__arg *args,
                 size_t nargs, ip__pairs *out);
/* Frees what ip__db_pairs returned (entries set to NULL are skipped). */
void ip__pairs_free(ip__pairs *pairs);

#endif
