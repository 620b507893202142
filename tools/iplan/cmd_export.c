/*
 * iplan export STORE PLAN_ID [--format ip-plan/1]: the plan's native
 * document (docs/format-ip-plan-1.md) on stdout, as ip_plan_export() writes
 * it. An audited export of the plan's personal data. main.c has checked
 * --format already: ip-plan/1 is the only format for now.
 */
#include "iplan.h"

int iplan_cmd_export(const struct iplan_opts *opts)
{
    ip_store *store = NULL;
    ip_session *session = NULL;
    char *doc = NULL;
    size_t len = 0;
    int rc, status;

    rc = iplan_store_open(&store, opts->store, 0);
    if (rc == IPLAN_EXIT_OK)
        rc = iplan_session_open(&session, store, opts);
    if (rc == IPLAN_EXIT_OK) {
        status = ip_plan_export(&doc, &len, session, opts->plan_id);
        if (status != IP_OK) {
            iplan_fail_code("kunne ikke eksportere planen", status);
            rc = IPLAN_EXIT_FAIL;
        } else if (fwrite(doc, 1, len, stdout) != len || fputc('\n', stdout) == EOF ||
                   fflush(stdout) != 0) {
            iplan_errorf("kunne ikke skrive dokumentet");
            rc = IPLAN_EXIT_FAIL;
        }
        ip_free(doc);
    }
    ip_session_free(session);
    ip_store_close(store);
    return rc;
}
