/* Error reporting and store opening shared by the commands. */
#include "iplan.h"

#include <stdarg.h>

void iplan_fail(const char *what)
{
    iplan_fail_code(what, ip_error_last()->code);
}

void iplan_fail_code(const char *what, int rc)
{
    const ip_error *e = ip_error_last();
    const char *msg = e->code == rc && e->message && *e->message
                          ? e->message
                          : ip_strerror(rc);

    fprintf(stderr, "iplan: %s: %s\n", what, msg);
}

void iplan_errorf(const char *fmt, ...)
{
    va_list ap;

    fputs("iplan: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int iplan_store_open(ip_store **out, const char *path, unsigned int flags)
{
    ip_store_options options = IP_STORE_OPTIONS_INIT;

    options.flags = flags;
    if (ip_store_open(out, path, &options) == IP_OK)
        return IPLAN_EXIT_OK;
    if (ip_error_last()->code == IP_ENOTFOUND)
        iplan_errorf("finner ikke lageret %s (lag det med «iplan init»)", path);
    else
        iplan_fail("kunne ikke åpne lageret");
    return IPLAN_EXIT_FAIL;
}

int iplan_store_open_version(ip_store **out, int *version, const char *path,
                             unsigned int flags)
{
    int rc = iplan_store_open(out, path, flags);

    if (rc)
        return rc;
    if (ip_store_schema_version(version, *out) == IP_OK)
        return IPLAN_EXIT_OK;
    iplan_fail("kunne ikke lese skjemaversjonen");
    ip_store_close(*out);
    *out = NULL;
    return IPLAN_EXIT_FAIL;
}
