/*
 * Forward-only migrations: the file's PRAGMA user_version says how many of
 * the compiled-in migrations it has; the rest are applied in one
 * transaction, so a store is never left half-migrated.
 */
#include "store/db_internal.h"
#include "store/migrate.h"

#include "error.h"

int ip__db_latest_version(void)
{
    int n = 0;

    while (ip__migrations[n].sql)
        n++;
    return n;
}

static int is_libip_store(ip__db *db, int *out)
{
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(db->handle,
                                "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);

    if (rc != SQLITE_OK)
        return ip__sqlite_error(db, rc, "open");
    rc = sqlite3_step(stmt);
    *out = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? IP_OK : ip__sqlite_error(db, rc, "open");
}

int ip__migrate(ip__db *db)
{
    int current, latest = ip__db_latest_version(), objects, rc, reached = 0;

    rc = ip__db_user_version(db, &current);
    if (rc)
        return rc;
    if (current > latest)
        return ip__error_set(IP_ETOONEW, NULL,
                             "store schema %d is newer than this library's %d",
                             current, latest);
    if (current == latest)
        return IP_OK;
    if (current == 0) {
        /* An empty file becomes a store; a database with tables of its own
         * but no libip version is somebody else's and is left alone. */
        rc = is_libip_store(db, &objects);
        if (rc)
            return rc;
        if (objects > 0)
            return ip__error_set(IP_ECORRUPT, NULL, "not a libip store");
    }
    if (db->readonly)
        return ip__error_set(IP_EREADONLY, NULL,
                             "store needs migrating from schema %d to %d but is open read-only",
                             current, latest);
    rc = ip__db_begin(db);
    if (rc)
        return rc;
    for (int v = current; v < latest && rc == IP_OK; v++)
        rc = ip__db_run(db, ip__migrations[v].sql, "migration");
    /* Each migration ends by setting user_version to its own number
     * (embed_sql.py checks that), so the file says how far it got. */
    if (rc == IP_OK)
        rc = ip__db_user_version(db, &reached);
    if (rc == IP_OK && reached != latest)
        rc = ip__error_set(IP_ERROR, NULL, "migration did not reach schema %d", latest);
    if (rc) {
        ip__db_rollback(db);
        return rc;
    }
    return ip__db_commit(db);
}
