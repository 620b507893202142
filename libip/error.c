/*
 * The last error lives in thread-local storage: it is the only mutable
 * global state in libip (see docs/threading.md).
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define IP__MESSAGE_MAX sizeof(((ip__error_saved *)0)->message)
#define IP__FIELD_MAX sizeof(((ip__error_saved *)0)->field)

typedef struct {
    ip_error pub;
    char message[IP__MESSAGE_MAX];
    char field[IP__FIELD_MAX];
} error_state;

static _Thread_local error_state last_error = {
    {IP_OK, "", "", 0}, "", ""};

static void error_record(int code, int sqlite_code, const char *field,
                         const char *fmt, va_list ap)
{
    size_t used = 0;
    error_state *e = &last_error;

    e->field[0] = '\0';
    e->message[0] = '\0';
    if (field) {
        snprintf(e->field, sizeof e->field, "%s", field);
        used = (size_t)snprintf(e->message, sizeof e->message, "%s: ", field);
        if (used >= sizeof e->message)
            used = sizeof e->message - 1;
    }
    vsnprintf(e->message + used, sizeof e->message - used, fmt, ap);
    e->pub.code = code;
    e->pub.sqlite_code = sqlite_code;
    e->pub.message = e->message;
    e->pub.field = e->field;
}

int ip__error_set(int code, const char *field, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_record(code, 0, field, fmt, ap);
    va_end(ap);
    return code;
}

int ip__error_set_sqlite(int code, int sqlite_code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_record(code, sqlite_code, NULL, fmt, ap);
    va_end(ap);
    return code;
}

int ip__error_null(const char *field)
{
    return ip__error_set(IP_EINVALID, field, "must not be NULL");
}

int ip__error_nomem(void)
{
    return ip__error_set(IP_ENOMEM, NULL, "out of memory");
}

const ip_error *ip_error_last(void)
{
    error_state *e = &last_error;

    e->pub.message = e->message;
    e->pub.field = e->field;
    return &e->pub;
}

void ip_error_clear(void)
{
    last_error.pub.code = IP_OK;
    last_error.pub.sqlite_code = 0;
    last_error.message[0] = '\0';
    last_error.field[0] = '\0';
}

const char *ip_strerror(int code)
{
    switch (code) {
    case IP_OK: return "success";
    case IP_ERROR: return "generic failure";
    case IP_EINVALID: return "invalid argument";
    case IP_ENOTFOUND: return "not found";
    case IP_EEXISTS: return "already exists";
    case IP_ECONFLICT: return "conflict: the record was changed by someone else";
    case IP_EDENIED: return "access denied";
    case IP_ESTATE: return "change not allowed in the record's current state";
    case IP_EBUSY: return "store is busy";
    case IP_EIO: return "input/output error";
    case IP_ECORRUPT: return "store is corrupt or not a libip store";
    case IP_ETOONEW: return "store was written by a newer version of libip";
    case IP_ENOMEM: return "out of memory";
    case IP_EREADONLY: return "store is open read-only";
    case IP_EOPENPLAN: return "the person already has an open plan";
    case IP_ITEROVER: return "no more items";
    default: return "unknown error";
    }
}

const char *ip_version(int *major, int *minor, int *patch)
{
    if (major)
        *major = IP_VERSION_MAJOR;
    if (minor)
        *minor = IP_VERSION_MINOR;
    if (patch)
        *patch = IP_VERSION_PATCH;
    return IP_VERSION;
}

void ip__error_save(ip__error_saved *out)
{
    out->code = last_error.pub.code;
    out->sqlite_code = last_error.pub.sqlite_code;
    memcpy(out->message, last_error.message, sizeof out->message);
    memcpy(out->field, last_error.field, sizeof out->field);
}

int ip__error_restore(const ip__error_saved *saved)
{
    last_error.pub.code = saved->code;
    last_error.pub.sqlite_code = saved->sqlite_code;
    memcpy(last_error.message, saved->message, sizeof last_error.message);
    memcpy(last_error.field, saved->field, sizeof last_error.field);
    return saved->code;
}

int ip__error_prefix(const char *prefix)
{
    ip__error_saved saved;
    char field[sizeof saved.field + 32];
    const char *rest;

    ip__error_save(&saved);
    if (!saved.field[0])
        return saved.code;
    snprintf(field, sizeof field, "%s.%s", prefix, saved.field);
    rest = saved.message + strlen(saved.field);
    if (rest[0] == ':' && rest[1] == ' ')
        rest += 2;
    return ip__error_set(saved.code, field, "%s", rest);
}
