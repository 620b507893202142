/* iplan init STORE: create an empty store. */
#include "iplan.h"

#include <unistd.h>

int iplan_cmd_init(const struct iplan_opts *opts)
{
    ip_store *store = NULL;
    int version = 0, rc;

    if (access(opts->store, F_OK) == 0) {
        iplan_errorf("%s finnes allerede; init lager bare nye lagre", opts->store);
        return IPLAN_EXIT_FAIL;
    }
    rc = iplan_store_open_version(&store, &version, opts->store, IP_STORE_CREATE);
    if (rc)
        return rc;
    ip_store_close(store);
    printf("Opprettet et tomt lager: %s (skjemaversjon %d)\n", opts->store, version);
    return IPLAN_EXIT_OK;
}
