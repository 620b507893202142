/* Store settings: values the law or local practice may change, kept in
 * the store (table store_setting), read by every session and by the
 * modules, changed by an administrator. The names, defaults and ranges are
 * documented in include/ip/store.h. */
#include "settings.h"

#include <string.h>

#include "store/complaint_queries.h"

typedef struct {
    const char *name;
    int64_t fallback; /* when the store has no row (migration 0004 adds them) */
    int64_t min, max;
} setting_def;

static const setting_def settings[] = {
    {IP__SETTING_COMPLAINT_DEADLINE_WEEKS, 4, 1, 52},
    {IP__SETTING_DUE_MEETING_MONTHS, 6, 1, 36},
    {IP__SETTING_DUE_CONSENT_DAYS, 30, 1, 365},
    {IP__SETTING_DUE_COMPLAINT_WARNING_DAYS, 7, 0, 60},
};

/* The setting called name; IP_EINVALID "setting.name" when there is none.
 * The name is not repeated in the message: it is the caller's text. */
static int setting_find(const char *name, const setting_def **out)
{
    *out = NULL;
    if (!name)
        return ip__error_null("setting.name");
    for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
        if (strcmp(settings[i].name, name) == 0) {
            *out = &settings[i];
            return IP_OK;
        }
    }
    return ip__error_set(IP_EINVALID, "setting.name", "is not a store setting");
}

/* The stored value; the default when the store has no row, or holds a
 * value outside the range (only a hand-edited store can). */
static int setting_read(ip_store *store, const setting_def *def, int64_t *out)
{
    int rc = ip__db_scalar(store->db, &ip__q_setting_value,
                           (ip__arg[]){IP__TEXT(def->name), IP__INT(def->fallback)}, 2,
                           out);

    if (rc == IP_OK && (*out < def->min || *out > def->max))
        *out = def->fallback;
    return rc;
}

int ip__setting(ip_store *store, const char *name, int64_t *out)
{
    const setting_def *def;
    int rc = setting_find(name, &def);

    if (rc)
        return rc;
    return setting_read(store, def, out);
}

int ip_setting_get(int64_t *out, ip_session *s, const char *name)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_SETTING, name, NULL, NULL, NULL, NULL};
    const setting_def *def;
    int64_t value = 0;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = 0;
    if (!s)
        return ip__error_null("session");
    rc = setting_find(name, &def);
    if (rc)
        return rc;
    op.object_id = def->name;
    rc = ip__call_open(s);
    if (rc)
        return rc;
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = setting_read(s->store, def, &value);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK)
        *out = value;
    return rc;
}

int ip_setting_set(ip_session *s, const char *name, int64_t value)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_SETTING, NULL, NULL, NULL, NULL, NULL};
    const setting_def *def;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = setting_find(name, &def);
    if (rc)
        return rc;
    if (value < def->min || value > def->max)
        return ip__error_set(IP_EINVALID, "setting.value",
                             "must be between %lld and %lld for %s",
                             (long long)def->min, (long long)def->max, def->name);
    op.object_id = def->name;
    rc = ip__call_open(s);
    if (rc)
        return rc;
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__db_exec(s->store->db, &ip__q_setting_set,
                         (ip__arg[]){IP__TEXT(def->name), IP__INT(value)}, 2, NULL);
    return ip__call_close(s, &op, rc);
}
