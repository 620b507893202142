/* The call path shared by every module: open, authorize, close. */
#include "internal.h"

int ip__call_open(ip_session *s)
{
    if (ip__db_readonly(s->store->db))
        return ip__error_set(IP_EREADONLY, NULL,
                             "store is open read-only: the call's audit event cannot be written");
    return ip__db_begin(s->store->db);
}

int ip__call_close(ip_session *s, ip__op *op, int rc)
{
    ip__db *db = s->store->db;
    ip__error_saved saved;
    int end;

    if (rc == IP_OK) {
        rc = ip__audit_append(s, op, true);
        if (rc == IP_OK)
            return ip__db_commit(db);
        ip__db_rollback(db);
        return rc;
    }
    ip__error_save(&saved);
    ip__db_rollback(db);
    if (rc != IP_EDENIED)
        return ip__error_restore(&saved);
    /* The denial is itself recorded, at the level the call ran at. */
    end = ip__audit_deny(s, op);
    return end != IP_OK ? end : ip__error_restore(&saved);
}
