/* iplan demo STORE: fill an empty (or new) store with the demo scenarios. */
#include "iplan.h"

int iplan_cmd_demo(const struct iplan_opts *opts)
{
    ip_store *store = NULL;
    int rc = iplan_store_open(&store, opts->store, IP_STORE_CREATE);

    if (rc)
        return rc;
    rc = iplan_demo_run(store, opts);
    ip_store_close(store);
    return rc;
}
