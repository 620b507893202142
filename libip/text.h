/*
 * Checks of caller-supplied text and dates. Each returns IP_OK or records
 * IP_EINVALID naming the field (never the value) and returns it.
 */
#ifndef IP_INTERNAL_TEXT_H
#define IP_INTERNAL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length limits in bytes (documented in docs/limits.md). */
#define IP__TEXT_NAME_MAX 200      /* names, titles, short labels */
#define IP__TEXT_SHORT_MAX 1000    /* reasons, addresses, one-line notes */
#define IP__TEXT_LONG_MAX 65536    /* minutes, free-text assessments */
#define IP__DATE_LEN 10            /* YYYY-MM-DD */

/* True when s[0..len) is well-formed UTF-8 without NUL or C0 controls other
 * than tab, line feed and carriage return. */
bool ip__utf8_valid(const char *s, size_t len);

/* Text that may be NULL (absent) when !required; "" counts as absent. */
int ip__text_check(const char *field, const char *s, size_t max, bool required);

/* A string of ASCII digits, min..max long. */
int ip__digits_check(const char *field, const char *s, size_t min, size_t max,
                     bool required);

/* A calendar date YYYY-MM-DD between 1800-01-01 and 9999-12-31. */
int ip__date_check(const char *field, const char *s, bool required);

/* Days since 1970-01-01 of a date already checked. */
int32_t ip__date_days(const char *date);

/* Formats days since 1970-01-01 as YYYY-MM-DD into out[11]. */
void ip__date_format(char out[IP__DATE_LEN + 1], int32_t days);

/* The date months later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
void ip__date_add_months(char out[IP__DATE_LEN + 1], const char *date, int months);

/* Whole years from birth to on (age on a day). Both checked dates. */
int ip__age_on(const char *birth, const char *on);

/* True when year/month/day is a real calendar day. */
bool ip__date_valid(int year, int month, int day);

/* Today's date (UTC) and an instant YYYY-MM-DDTHH:MM:SS.mmmZ from ms since epoch. */
void ip__date_from_ms(char out[IP__DATE_LEN + 1], int64_t ms);
void ip__instant_format(char out[25], int64_t ms);

#endif
