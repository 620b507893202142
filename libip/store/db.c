#include "store/db_internal.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"

int ip__sqlite_error(ip__db *db, int rc, const char *what)
{
    int code;
    int ext = db && db->handle ? sqlite3_extended_errcode(db->handle) : rc;

    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: code = IP_EBUSY; break;
    case SQLITE_NOMEM: code = IP_ENOMEM; break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: code = IP_EIO; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: code = IP_ECORRUPT; break;
    case SQLITE_READONLY: code = IP_EREADONLY; break;
    case SQLITE_CONSTRAINT:
        code = rc == SQLITE_CONSTRAINT_FOREIGNKEY ? IP_ENOTFOUND
             : rc == SQLITE_CONSTRAINT_CHECK ? IP_EINVALID
                                             : IP_EEXISTS;
        break;
    default: code = IP_ERROR; break;
    }
    /* SQLite's message may quote schema names but never row values; still,
     * only its fixed error string is kept, so nothing from the data leaks. */
    return ip__error_set_sqlite(code, ext, "store %s failed: %s", what,
                                sqlite3_errstr(rc));
}

int ip__db_run(ip__db *db, const char *sql, const char *what)
{
    int rc = sqlite3_exec(db->handle, sql, NULL, NULL, NULL);

    return rc == SQLITE_OK ? IP_OK : ip__sqlite_error(db, rc, what);
}

int ip__db_open(ip__db **out, const char *path, bool create, bool readonly,
                int busy_timeout_ms)
{
    ip__db *db;
    int flags, rc;

    *out = NULL;
    if (!create && access(path, F_OK) != 0)
        return ip__error_set(IP_ENOTFOUND, "path", "no store at that path");
    db = ip__calloc(1, sizeof *db);
    if (!db)
        return IP_ENOMEM;
    db->readonly = readonly;
    flags = readonly ? SQLITE_OPEN_READONLY
                     : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    /* One connection per handle, used by one thread at a time. */
    flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    rc = sqlite3_open_v2(path, &db->handle, flags, NULL);
    if (rc != SQLITE_OK) {
        rc = ip__sqlite_error(db, rc, "open");
        goto fail;
    }
    sqlite3_busy_timeout(db->handle, busy_timeout_ms < 0 ? 0 : busy_timeout_ms);
    rc = ip__stmt_cache_new(&db->cache);
    if (rc)
        goto fail;
    /* Foreign keys are off by default in SQLite and must be set per
     * connection. WAL lets readers work while one writer commits. */
    rc = ip__db_run(db, "PRAGMA foreign_keys = ON", "configuration");
    if (rc == IP_OK && !readonly)
        rc = ip__db_run(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL",
                        "configuration");
    if (rc == IP_OK)
        rc = ip__migrate(db);
    if (rc)
        goto fail;
    *out = db;
    return IP_OK;
fail:
    ip__db_close(db);
    return rc;
}

void ip__db_close(ip__db *db)
{
    if (!db)
        return;
    if (db->depth > 0 && db->handle)
        sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
    ip__stmt_cache_free(db->cache);
    sqlite3_close_v2(db->handle);
    ip_free(db);
}

bool ip__db_readonly(const ip__db *db)
{
    return db->readonly;
}

int ip__db_depth(const ip__db *db)
{
    return db->depth;
}

int ip__db_begin(ip__db *db)
{
    int rc;

    if (db->depth == 0)
        /* IMMEDIATE takes the write lock up front, so two writers wait on
         * the busy timeout instead of failing halfway with a deadlock. */
        rc = ip__db_run(db, db->readonly ? "BEGIN" : "BEGIN IMMEDIATE", "begin");
    else
        rc = ip__db_run(db, "SAVEPOINT ip_nested", "begin");
    if (rc == IP_OK)
        db->depth++;
    return rc;
}

int ip__db_commit(ip__db *db)
{
    int rc;

    if (db->depth == 0)
        return ip__error_set(IP_ESTATE, NULL, "no transaction is open");
    if (db->depth == 1) {
        rc = ip__db_run(db, "COMMIT", "commit");
        if (rc != IP_OK) {
            /* A failed COMMIT may leave the transaction open: end it so the
             * handle stays usable, and report the commit's error. */
            if (!sqlite3_get_autocommit(db->handle))
                sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
            db->depth = 0;
            return rc;
        }
    } else {
        rc = ip__db_run(db, "RELEASE ip_nested", "commit");
        if (rc != IP_OK)
            return rc;
    }
    db->depth--;
    return IP_OK;
}

int ip__db_rollback(ip__db *db)
{
    if (db->depth == 0)
        return ip__error_set(IP_ESTATE, NULL, "no transaction is open");
    if (db->depth == 1) {
        if (!sqlite3_get_autocommit(db->handle))
            sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
    } else {
        sqlite3_exec(db->handle, "ROLLBACK TO ip_nested; RELEASE ip_nested",
                     NULL, NULL, NULL);
    }
    db->depth--;
    return IP_OK;
}

int ip__db_user_version(ip__db *db, int *out)
{
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(db->handle, "PRAGMA user_version", -1, &stmt, NULL);

    if (rc != SQLITE_OK)
        return ip__sqlite_error(db, rc, "read of the schema version");
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int(stmt, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_OK ? IP_OK
                           : ip__sqlite_error(db, rc, "read of the schema version");
}

/* Runs a pragma whose healthy answer is exactly one row "ok" (integrity
 * check) or no rows at all (foreign key check). */
static int check_pragma(ip__db *db, const char *sql, const char *healthy,
                        const char *what)
{
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(db->handle, sql, -1, &stmt, NULL);
    int problems = 0;

    if (rc != SQLITE_OK)
        return ip__sqlite_error(db, rc, what);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(stmt, 0);
        if (!healthy || !text || strcmp(text, healthy) != 0)
            problems++;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return ip__sqlite_error(db, rc, what);
    if (problems)
        return ip__error_set(IP_ECORRUPT, NULL, "%s found %d problem%s", what,
                             problems, problems == 1 ? "" : "s");
    return IP_OK;
}

int ip__db_check(ip__db *db)
{
    int rc = check_pragma(db, "PRAGMA integrity_check", "ok", "integrity check");

    if (rc == IP_OK)
        rc = check_pragma(db, "PRAGMA foreign_key_check", NULL, "foreign key check");
    return rc;
}

int ip__db_backup(ip__db *db, const char *dest)
{
    sqlite3 *target;
    sqlite3_backup *backup;
    int rc;

    rc = sqlite3_open_v2(dest, &target,
                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_close(target);
        return ip__error_set_sqlite(IP_EIO, rc, "dest_path: cannot open for writing: %s",
                                    sqlite3_errstr(rc));
    }
    backup = sqlite3_backup_init(target, "main", db->handle, "main");
    if (!backup) {
        rc = sqlite3_extended_errcode(target);
        sqlite3_close(target);
        return ip__error_set_sqlite(IP_EIO, rc, "backup could not start: %s",
                                    sqlite3_errstr(rc));
    }
    /* Copy in steps so writers on other handles are not shut out for the
     * whole copy; a change meanwhile restarts the copy automatically. */
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(10);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    sqlite3_close(target);
    if (rc != SQLITE_DONE)
        return ip__error_set_sqlite(rc == SQLITE_NOMEM ? IP_ENOMEM : IP_EIO, rc,
                                    "backup failed: %s", sqlite3_errstr(rc));
    return IP_OK;
}
