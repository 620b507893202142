/* iplan check STORE: is the store consistent? Reads no personal data. */
#include "iplan.h"

int iplan_cmd_check(const struct iplan_opts *opts)
{
    ip_store *store = NULL;
    int version = 0, rc;

    /* Read-only: a check must not change the file, not even migrate it. */
    rc = iplan_store_open_version(&store, &version, opts->store, IP_STORE_READONLY);
    if (rc)
        return rc;
    if (ip_store_check(store) != IP_OK) {
        iplan_fail("lageret er ikke i orden");
        ip_store_close(store);
        return IPLAN_EXIT_FAIL;
    }
    ip_store_close(store);
    printf("Lageret er i orden: %s\n", opts->store);
    printf("  Skjemaversjon %d (libip %s skriver versjon %d)\n", version,
           ip_version(NULL, NULL, NULL), ip_schema_version());
    printf("  Integritetssjekk og fremmednøkler: ingen feil\n");
    return IPLAN_EXIT_OK;
}
