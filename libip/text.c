#include "text.h"
#include "error.h"

#include <stdio.h>
#include <string.h>

bool ip__utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + len;

    while (p < end) {
        unsigned char c = *p;
        uint32_t cp;
        int extra;

        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                return false;
            if (c == 0x7f)
                return false;
            p++;
            continue;
        }
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; i++) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        /* Overlong forms, surrogates and code points past U+10FFFF. */
        if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
            (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
            return false;
        p += extra + 1;
    }
    return true;
}

int ip__text_check(const char *field, const char *s, size_t max, bool required)
{
    size_t len;

    if (!s || !*s) {
        if (required)
            return ip__error_set(IP_EINVALID, field, "is required");
        return IP_OK;
    }
    len = strnlen(s, max + 1);
    if (len > max)
        return ip__error_set(IP_EINVALID, field, "longer than %zu bytes", max);
    if (!ip__utf8_valid(s, len))
        return ip__error_set(IP_EINVALID, field,
                             "not valid UTF-8 text (or contains control characters)");
    return IP_OK;
}

int ip__digits_check(const char *field, const char *s, size_t min, size_t max,
                     bool required)
{
    size_t len;

    if (!s || !*s) {
        if (required)
            return ip__error_set(IP_EINVALID, field, "is required");
        return IP_OK;
    }
    len = strnlen(s, max + 1);
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return ip__error_set(IP_EINVALID, field, "must be digits only");
    }
    if (len < min || len > max) {
        if (min == max)
            return ip__error_set(IP_EINVALID, field, "must be %zu digits", min);
        return ip__error_set(IP_EINVALID, field, "must be %zu to %zu digits", min, max);
    }
    return IP_OK;
}

bool ip__date_valid(int year, int month, int day)
{
    static const int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max;

    if (month < 1 || month > 12 || day < 1)
        return false;
    max = days_in[month - 1];
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        max = 29;
    return day <= max;
}

int ip__date_check(const char *field, const char *s, bool required)
{
    int year, month, day;

    if (!s || !*s) {
        if (required)
            return ip__error_set(IP_EINVALID, field, "is required");
        return IP_OK;
    }
    if (strnlen(s, IP__DATE_LEN + 1) != IP__DATE_LEN || s[4] != '-' || s[7] != '-')
        return ip__error_set(IP_EINVALID, field, "not a date (expected YYYY-MM-DD)");
    for (int i = 0; i < IP__DATE_LEN; i++) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return ip__error_set(IP_EINVALID, field,
                                 "not a date (expected YYYY-MM-DD)");
    }
    year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    month = (s[5] - '0') * 10 + (s[6] - '0');
    day = (s[8] - '0') * 10 + (s[9] - '0');
    if (year < 1800)
        return ip__error_set(IP_EINVALID, field, "year before 1800");
    if (!ip__date_valid(year, month, day))
        return ip__error_set(IP_EINVALID, field, "not a calendar date");
    return IP_OK;
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar. */
static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yoe + era * 400 + (*m <= 2);
}

static void date_parts(const char *s, int *y, int *m, int *d)
{
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
}

int32_t ip__date_days(const char *date)
{
    int y, m, d;

    date_parts(date, &y, &m, &d);
    return days_from_civil(y, m, d);
}

void ip__date_format(char out[IP__DATE_LEN + 1], int32_t days)
{
    int y, m, d;

    civil_from_days(days, &y, &m, &d);
    snprintf(out, IP__DATE_LEN + 1, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
}

void ip__date_add_months(char out[IP__DATE_LEN + 1], const char *date, int months)
{
    int y, m, d, total;

    date_parts(date, &y, &m, &d);
    total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    while (!ip__date_valid(y, m, d))
        d--;
    snprintf(out, IP__DATE_LEN + 1, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
}

int ip__age_on(const char *birth, const char *on)
{
    int by, bm, bd, oy, om, od, age;

    date_parts(birth, &by, &bm, &bd);
    date_parts(on, &oy, &om, &od);
    age = oy - by;
    if (om < bm || (om == bm && od < bd))
        age--;
    return age;
}

void ip__date_from_ms(char out[IP__DATE_LEN + 1], int64_t ms)
{
    int64_t days = ms / 86400000;

    if (ms % 86400000 < 0)
        days--;
    ip__date_format(out, (int32_t)days);
}

void ip__instant_format(char out[25], int64_t ms)
{
    int64_t days = ms / 86400000, rem = ms % 86400000;
    char date[IP__DATE_LEN + 1];

    if (rem < 0) {
        rem += 86400000;
        days--;
    }
    ip__date_format(date, (int32_t)days);
    snprintf(out, 25, "%sT%02u:%02u:%02u.%03uZ", date, (unsigned)(rem / 3600000) % 24u,
             (unsigned)(rem / 60000 % 60), (unsigned)(rem / 1000 % 60),
             (unsigned)(rem % 1000));
}
