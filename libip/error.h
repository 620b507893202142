/*
 * The thread-local last error. Every failure inside libip ends in
 * ip__error_set(), which records code, field and message and returns the
 * code, so that a failing path reads `return ip__error_set(...)`.
 *
 * Messages must never contain personal data: name the field and the rule,
 * never the value.
 */
#ifndef IP_INTERNAL_ERROR_H
#define IP_INTERNAL_ERROR_H

#include "ip/common.h"

#if defined(__GNUC__)
#define IP__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define IP__PRINTF(fmt, args)
#endif

/* Records an error and returns code. field may be NULL. */
int ip__error_set(int code, const char *field, const char *fmt, ...)
    IP__PRINTF(3, 4);

/* Records an error that came from SQLite, keeping its extended code. */
int ip__error_set_sqlite(int code, int sqlite_code, const char *fmt, ...)
    IP__PRINTF(3, 4);

/* Shorthand for the most common failure: a NULL or missing argument. */
int ip__error_null(const char *field);

/* Shorthand for an allocation failure. */
int ip__error_nomem(void);

/* Puts prefix before the last error's field ("national_id" becomes
 * "person.national_id"), so errors from shared checks name the record. */
int ip__error_prefix(const char *prefix);

/* Keeps the last error across cleanup that may overwrite it. */
typedef struct {
    int code;
    int sqlite_code;
    char message[256];
    char field[96];
} ip__error_saved;

void ip__error_save(ip__error_saved *out);
int ip__error_restore(const ip__error_saved *saved); /* returns saved->code */

#endif
