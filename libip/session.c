/* Sessions: the actor, its checks, and host transactions. */
#include "internal.h"

#include "store/queries.h"

static const ip__name role_names[] = {
    {IP_ROLE_ADMIN, "admin"},
    {IP_ROLE_COORDINATING_UNIT, "coordinating_unit"},
    {IP_ROLE_COORDINATOR, "coordinator"},
    {IP_ROLE_PROVIDER, "provider"},
    {IP_ROLE_PERSON, "person"},
    {IP_ROLE_REPRESENTATIVE, "representative"},
    {IP_ROLE_NEXT_OF_KIN, "next_of_kin"},
    {IP_ROLE_ANALYST, "analyst"},
    {0, NULL},
};

static const ip__name purpose_names[] = {
    {IP_PURPOSE_CARE, "care"},
    {IP_PURPOSE_ADMINISTRATION, "administration"},
    {IP_PURPOSE_OWN_ACCESS, "own_access"},
    {IP_PURPOSE_STATISTICS, "statistics"},
    {IP_PURPOSE_RESEARCH, "research"},
    {IP_PURPOSE_TRANSFER, "transfer"},
    {IP_PURPOSE_MAINTENANCE, "maintenance"},
    {0, NULL},
};

const char *ip_role_name(ip_role role)
{
    return ip__name_of(role_names, (int)role);
}

int ip_role_from_name(ip_role *out, const char *name)
{
    int value, rc = out ? ip__value_of(&value, role_names, name, "role")
                        : ip__error_null("out");

    if (rc == IP_OK)
        *out = (ip_role)value;
    return rc;
}

const char *ip_purpose_name(ip_purpose purpose)
{
    return ip__name_of(purpose_names, (int)purpose);
}

int ip_purpose_from_name(ip_purpose *out, const char *name)
{
    int value, rc = out ? ip__value_of(&value, purpose_names, name, "purpose")
                        : ip__error_null("out");

    if (rc == IP_OK)
        *out = (ip_purpose)value;
    return rc;
}

int ip_actor_init(ip_actor *actor, unsigned int version)
{
    ip_actor defaults = IP_ACTOR_INIT;

    if (!actor)
        return ip__error_null("actor");
    if (version != IP_ACTOR_VERSION)
        return ip__error_set(IP_EINVALID, "actor.version", "unknown version %u", version);
    *actor = defaults;
    return IP_OK;
}

static int exists(ip_store *store, const ip__query *q, const ip__arg *args,
                  size_t nargs, const char *field, const char *what)
{
    int64_t found;
    int rc = ip__db_scalar(store->db, q, args, nargs, &found);

    if (rc)
        return rc;
    return found ? IP_OK : ip__error_set(IP_EINVALID, field, "%s", what);
}

static bool role_has_unit(ip_role role)
{
    return role == IP_ROLE_COORDINATING_UNIT || role == IP_ROLE_COORDINATOR ||
           role == IP_ROLE_PROVIDER;
}

/* The role decides what the actor's id and unit must name. */
static int check_actor(ip_store *store, const ip_actor *a)
{
    int rc;

    IP__CHECK_VERSION(a, IP_ACTOR_VERSION, "actor");
    rc = ip__value_check(role_names, (int)a->role, "actor.role");
    if (rc == IP_OK)
        rc = ip__value_check(purpose_names, (int)a->purpose, "actor.purpose");
    if (rc == IP_OK)
        rc = ip__text_check("actor.id", a->id, IP__ACTOR_ID_MAX, true);
    if (rc)
        return rc;
    /* The actor id lands in every audit event and in host logs: refuse one
     * that is a national id rather than record it. */
    if (ip_national_id_check(NULL, NULL, a->id) == IP_OK)
        return ip__error_set(IP_EINVALID, "actor.id",
                             "must not be a national id; use the person's id");
    switch (a->role) {
    case IP_ROLE_PERSON:
    case IP_ROLE_REPRESENTATIVE:
    case IP_ROLE_NEXT_OF_KIN:
        rc = ip__id_check("actor.id", a->id);
        if (rc == IP_OK)
            rc = exists(store, &ip__q_person_exists, (ip__arg[]){IP__TEXT(a->id)}, 1,
                        "actor.id", "names no person in the store");
        return rc;
    case IP_ROLE_COORDINATING_UNIT:
    case IP_ROLE_COORDINATOR:
    case IP_ROLE_PROVIDER:
        rc = ip__id_check("actor.unit_id", a->unit_id);
        if (rc)
            return rc;
        if (a->role == IP_ROLE_COORDINATING_UNIT)
            return exists(store, &ip__q_unit_is_coordinating,
                          (ip__arg[]){IP__TEXT(a->unit_id)}, 1, "actor.unit_id",
                          "names no coordinating unit in the store");
        rc = exists(store, &ip__q_unit_exists, (ip__arg[]){IP__TEXT(a->unit_id)}, 1,
                    "actor.unit_id", "names no unit in the store");
        if (rc == IP_OK && a->role == IP_ROLE_COORDINATOR) {
            rc = ip__id_check("actor.id", a->id);
            if (rc == IP_OK)
                rc = exists(store, &ip__q_practitioner_in_unit,
                            (ip__arg[]){IP__TEXT(a->id), IP__TEXT(a->unit_id)}, 2,
                            "actor.id", "names no practitioner in that unit");
        }
        return rc;
    default:
        return IP_OK;
    }
}

int ip_session_open(ip_session **out, ip_store *store, const ip_actor *actor)
{
    ip_session *s;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!store)
        return ip__error_null("store");
    rc = check_actor(store, actor);
    if (rc)
        return rc;
    s = ip__calloc(1, sizeof *s);
    if (!s)
        return IP_ENOMEM;
    s->store = store;
    s->role = actor->role;
    s->purpose = actor->purpose;
    s->actor_id = ip__strdup(actor->id);
    if (role_has_unit(actor->role))
        s->unit_id = ip__strdup(actor->unit_id);
    if (!s->actor_id || (role_has_unit(actor->role) && !s->unit_id)) {
        ip_session_free(s);
        return IP_ENOMEM;
    }
    *out = s;
    return IP_OK;
}

static int end_host_transaction(ip_session *s, bool commit);

void ip_session_free(ip_session *s)
{
    if (!s)
        return;
    while (s->host_depth > 0)
        end_host_transaction(s, false);
    ip_free(s->actor_id);
    ip_free(s->unit_id);
    ip_free(s);
}

int ip_session_set_purpose(ip_session *s, ip_purpose purpose)
{
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__value_check(purpose_names, (int)purpose, "purpose");
    if (rc == IP_OK)
        s->purpose = purpose;
    return rc;
}

int ip_session_begin(ip_session *s)
{
    int rc;

    if (!s)
        return ip__error_null("session");
    if (ip__db_readonly(s->store->db))
        return ip__error_set(IP_EREADONLY, NULL, "store is open read-only");
    rc = ip__db_begin(s->store->db);
    if (rc == IP_OK)
        s->host_depth++;
    return rc;
}

static int end_host_transaction(ip_session *s, bool commit)
{
    int rc, rc2 = IP_OK, level;

    if (!s)
        return ip__error_null("session");
    if (s->host_depth == 0)
        return ip__error_set(IP_ESTATE, NULL,
                             "no transaction was begun through this session");
    level = ip__db_depth(s->store->db);
    rc = commit ? ip__db_commit(s->store->db) : ip__db_rollback(s->store->db);
    if (rc == IP_OK && commit)
        ip__audit_committed(s->store, level);
    else if (ip__db_depth(s->store->db) < level)
        /* Rolled back, or a failed outermost commit that ended the
         * transaction all the same: denials it held are written again. */
        rc2 = ip__audit_rolled_back(s->store, level);
    if (rc == IP_OK || ip__db_depth(s->store->db) < level)
        s->host_depth--;
    return rc ? rc : rc2;
}

int ip_session_commit(ip_session *s)
{
    return end_host_transaction(s, true);
}

int ip_session_rollback(ip_session *s)
{
    return end_host_transaction(s, false);
}

int ip_store_backup(ip_session *s, const char *dest_path)
{
    ip__op op = {IP__ACT_EXPORT, IP__OBJ_STORE, NULL, NULL, NULL};
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__text_check("dest_path", dest_path, 4096, true);
    if (rc)
        return rc;
    rc = ip__call_open(s);
    if (rc)
        return rc;
    rc = ip__authorize(s, &op);
    /* The backup copies what is committed: it runs outside the call's own
     * transaction, after the decision, so a denied actor copies nothing. */
    if (rc == IP_OK && ip__db_depth(s->store->db) == 1 && s->host_depth == 0) {
        rc = ip__call_close(s, &op, IP_OK);
        return rc ? rc : ip__db_backup(s->store->db, dest_path);
    }
    if (rc == IP_OK)
        rc = ip__error_set(IP_ESTATE, NULL, "a backup cannot run inside a transaction");
    return ip__call_close(s, &op, rc);
}
