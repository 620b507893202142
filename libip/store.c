/* The public store calls: open, close, check, schema version. */
#include "internal.h"

#include <time.h>

static int64_t system_clock(void *payload)
{
    struct timespec ts;

    (void)payload;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int ip_store_options_init(ip_store_options *opts, unsigned int version)
{
    ip_store_options defaults = IP_STORE_OPTIONS_INIT;

    if (!opts)
        return ip__error_null("opts");
    if (version != IP_STORE_OPTIONS_VERSION)
        return ip__error_set(IP_EINVALID, "opts.version", "unknown version %u", version);
    *opts = defaults;
    return IP_OK;
}

int ip_store_open(ip_store **out, const char *path, const ip_store_options *opts)
{
    ip_store_options defaults = IP_STORE_OPTIONS_INIT;
    ip_store *store;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!path || !*path)
        return ip__error_null("path");
    if (!opts)
        opts = &defaults;
    IP__CHECK_VERSION(opts, IP_STORE_OPTIONS_VERSION, "opts");
    if (opts->flags & ~(IP_STORE_CREATE | IP_STORE_READONLY))
        return ip__error_set(IP_EINVALID, "opts.flags", "unknown flag");
    if ((opts->flags & IP_STORE_CREATE) && (opts->flags & IP_STORE_READONLY))
        return ip__error_set(IP_EINVALID, "opts.flags",
                             "cannot create a store read-only");
    store = ip__calloc(1, sizeof *store);
    if (!store)
        return IP_ENOMEM;
    store->clock = opts->clock ? opts->clock : system_clock;
    store->clock_payload = opts->clock_payload;
    rc = ip__db_open(&store->db, path, opts->flags & IP_STORE_CREATE,
                     opts->flags & IP_STORE_READONLY,
                     opts->busy_timeout_ms ? opts->busy_timeout_ms : 5000);
    if (rc) {
        ip_free(store);
        return rc;
    }
    *out = store;
    return IP_OK;
}

void ip_store_close(ip_store *store)
{
    if (!store)
        return;
    /* A transaction left open is rolled back; denials it held are kept. */
    while (ip__db_depth(store->db) > 0) {
        int level = ip__db_depth(store->db);
        ip__db_rollback(store->db);
        ip__audit_rolled_back(store, level);
    }
    ip__audit_forget(store);
    ip__db_close(store->db);
    ip_free(store);
}

int ip_store_check(ip_store *store)
{
    int version, rc;

    if (!store)
        return ip__error_null("store");
    rc = ip__db_user_version(store->db, &version);
    if (rc)
        return rc;
    if (version != ip__db_latest_version())
        return ip__error_set(IP_ECORRUPT, NULL, "schema is %d, expected %d",
                             version, ip__db_latest_version());
    rc = ip__db_check(store->db);
    /* Then the audit log's hash chain, over storage known to be sound. */
    if (rc == IP_OK)
        rc = ip_audit_verify(NULL, store);
    return rc;
}

int ip_store_schema_version(int *out, ip_store *store)
{
    if (!out)
        return ip__error_null("out");
    if (!store)
        return ip__error_null("store");
    return ip__db_user_version(store->db, out);
}

int ip_schema_version(void)
{
    return ip__db_latest_version();
}

int64_t ip__now_ms(const ip_store *store)
{
    return store->clock(store->clock_payload);
}

void ip__today(const ip_store *store, char out[IP__DATE_LEN + 1])
{
    ip__date_from_ms(out, ip__now_ms(store));
}

void ip__now_instant(const ip_store *store, char out[25])
{
    ip__instant_format(out, ip__now_ms(store));
}

int ip__meta_init(ip_store *store, ip__meta *meta)
{
    char id[IP__ID_LEN + 1], now[25];
    int rc = ip__id_new(store, id);

    if (rc)
        return rc;
    ip__now_instant(store, now);
    meta->revision = 1;
    meta->id = ip__strdup(id);
    meta->created_at = ip__strdup(now);
    meta->updated_at = ip__strdup(now);
    if (!meta->id || !meta->created_at || !meta->updated_at)
        return IP_ENOMEM;
    return IP_OK;
}

int ip__meta_touch(ip_store *store, ip__meta *meta)
{
    char now[25];
    char *copy;

    ip__now_instant(store, now);
    copy = ip__strdup(now);
    if (!copy)
        return IP_ENOMEM;
    ip_free(meta->updated_at);
    meta->updated_at = copy;
    return IP_OK;
}
