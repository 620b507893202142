/*
 * Norwegian national ids and organisation numbers.
 *
 * Every check digit here is a mod-11 rule. Writing each one as "the weighted
 * sum of all digits, including the check digit with weight 1, leaves
 * remainder r" gives one helper for all three: the published form
 * "k = 11 - (sum mod 11), 11 -> 0, 10 -> invalid" is exactly r == 0, since a
 * digit can never make up a remainder of 10. The rule in force from 2032
 * only widens the accepted remainders of the first check digit to 0..3.
 *
 * Error messages name the rule that failed and never echo the number: they
 * may end up in logs, and a national id is personal data.
 */
#include "ip/ident.h"

#include "error.h"
#include "names.h"
#include "text.h"

#include <stdio.h>

#define NATIONAL_ID_LEN 11
#define ORGNR_LEN 9

static const ip__name national_id_kind_names[] = {
    {IP_NATIONAL_ID_FNR, "fnr"},
    {IP_NATIONAL_ID_DNR, "dnr"},
    {IP_NATIONAL_ID_FH, "fh"},
    {0, NULL},
};

/* Copies exactly len ASCII digits into d; false when s is anything else,
 * so that a longer string or one with spaces or signs is refused too. */
static int digits_parse(int *d, const char *s, int len)
{
    for (int i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        d[i] = s[i] - '0';
    }
    return s[len] == '\0';
}

static int weighted_mod11(const int *d, const int *weights, int n)
{
    int sum = 0;

    for (int i = 0; i < n; i++)
        sum += d[i] * weights[i];
    return sum % 11;
}

/* The birth year from the individual number series (interop.md section 2),
 * or 0 when the id falls outside every published series for its year. */
static int century_year(int individual, int yy)
{
    if (individual <= 499)
        return 1900 + yy;
    if (individual <= 749 && yy >= 54)
        return 1800 + yy;
    if (yy <= 39)
        return 2000 + yy;
    if (individual >= 900)
        return 1900 + yy;
    return 0;
}

int ip_national_id_check(ip_national_id_kind *kind_out, char *birth_date_out,
                         const char *national_id)
{
    static const int k1_weights[] = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1};
    static const int k2_weights[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    int d[NATIONAL_ID_LEN];
    ip_national_id_kind kind;
    int day, month, yy, year;

    if (birth_date_out)
        birth_date_out[0] = '\0';
    if (!national_id)
        return ip__error_null("national_id");
    if (!digits_parse(d, national_id, NATIONAL_ID_LEN))
        return ip__error_set(IP_EINVALID, "national_id", "must be 11 digits");

    /* Both remainders 0..3 must stay accepted side by side: numbers issued
     * before and after 1 January 2032 will coexist indefinitely. */
    if (weighted_mod11(d, k1_weights, 10) > 3)
        return ip__error_set(IP_EINVALID, "national_id",
                             "first check digit does not match");
    if (weighted_mod11(d, k2_weights, 11) != 0)
        return ip__error_set(IP_EINVALID, "national_id",
                             "second check digit does not match");

    if (d[0] >= 8) {
        /* Felles hjelpenummer: the other digits are random, so there is no
         * date to check or derive. */
        if (kind_out)
            *kind_out = IP_NATIONAL_ID_FH;
        return IP_OK;
    }

    kind = d[0] >= 4 ? IP_NATIONAL_ID_DNR : IP_NATIONAL_ID_FNR;
    day = d[0] * 10 + d[1];
    if (kind == IP_NATIONAL_ID_DNR)
        day -= 40;
    month = d[2] * 10 + d[3];
    yy = d[4] * 10 + d[5];

    /* H-numbers (month + 40) are local to one institution and synthetic test
     * numbers (month + 80) have no published rule: neither belongs in a
     * person's record. */
    if (month < 1 || month > 12)
        return ip__error_set(IP_EINVALID, "national_id",
                             "month is not 01-12");
    if (kind == IP_NATIONAL_ID_DNR && (day < 1 || day > 31))
        return ip__error_set(IP_EINVALID, "national_id",
                             "D-nummer day is not 41-71");

    year = century_year(d[6] * 100 + d[7] * 10 + d[8], yy);
    /* Without a known century 29 February may be real, so judge the day
     * against a leap year rather than refuse a number that may be valid. */
    if (!ip__date_valid(year ? year : 2000, month, day))
        return ip__error_set(IP_EINVALID, "national_id",
                             "date part is not a calendar date");

    if (kind_out)
        *kind_out = kind;
    /* The remainders change no checked value; they let the compiler prove
     * that the date fits the caller's 11 bytes. */
    if (birth_date_out && year)
        snprintf(birth_date_out, IP__DATE_LEN + 1, "%04u-%02u-%02u",
                 (unsigned)year % 10000u, (unsigned)month % 100u,
                 (unsigned)day % 100u);
    return IP_OK;
}

int ip_orgnr_check(const char *orgnr)
{
    static const int weights[] = {3, 2, 7, 6, 5, 4, 3, 2, 1};
    int d[ORGNR_LEN];

    if (!orgnr)
        return ip__error_null("organisation_number");
    if (!digits_parse(d, orgnr, ORGNR_LEN))
        return ip__error_set(IP_EINVALID, "organisation_number",
                             "must be 9 digits");
    if (weighted_mod11(d, weights, ORGNR_LEN) != 0)
        return ip__error_set(IP_EINVALID, "organisation_number",
                             "check digit does not match");
    return IP_OK;
}

const char *ip_national_id_kind_name(ip_national_id_kind kind)
{
    return ip__name_of(national_id_kind_names, (int)kind);
}

int ip_national_id_kind_from_name(ip_national_id_kind *out, const char *name)
{
    int value;
    int rc;

    if (!out)
        return ip__error_null("out");
    rc = ip__value_of(&value, national_id_kind_names, name,
                      "national_id_kind");
    if (rc == IP_OK)
        *out = (ip_national_id_kind)value;
    return rc;
}
