/*
 * Calendar dates as YYYY-MM-DD in UTC, the way libip's system clock counts
 * them, so that "today" here is the library's today. The day counts use
 * Howard Hinnant's days_from_civil / civil_from_days.
 */
#include "iplan.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static long days_from_civil(int y, int m, int d)
{
    long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    long era, doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return m == 2 && leap(y) ? 29 : days[m - 1];
}

static int parse(const char *s, int *y, int *m, int *d)
{
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return -1;
        } else if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
    }
    if (s[10] != '\0')
        return -1;
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    if (*m < 1 || *m > 12 || *d < 1 || *d > month_days(*y, *m))
        return -1;
    return 0;
}

static void format(char out[IPLAN_DATE_LEN], int y, int m, int d)
{
    snprintf(out, IPLAN_DATE_LEN, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}

void iplan_today(char out[IPLAN_DATE_LEN])
{
    iplan_date_from_days(out, (long)(time(NULL) / 86400));
}

int iplan_date_days(long *out, const char *date)
{
    int y, m, d;

    if (!date || parse(date, &y, &m, &d) != 0)
        return -1;
    *out = days_from_civil(y, m, d);
    return 0;
}

void iplan_date_from_days(char out[IPLAN_DATE_LEN], long days)
{
    int y, m, d;

    civil_from_days(days, &y, &m, &d);
    format(out, y, m, d);
}

int iplan_date_add(char out[IPLAN_DATE_LEN], const char *date, long days)
{
    long base;

    if (iplan_date_days(&base, date) != 0)
        return -1;
    iplan_date_from_days(out, base + days);
    return 0;
}

int iplan_date_years_before(char out[IPLAN_DATE_LEN], const char *date,
                            int years, long days)
{
    int y, m, d;

    if (!date || parse(date, &y, &m, &d) != 0)
        return -1;
    y -= years;
    if (d > month_days(y, m))
        d = month_days(y, m);
    iplan_date_from_days(out, days_from_civil(y, m, d) - days);
    return 0;
}

void iplan_date_display(char out[IPLAN_DATE_LEN], const char *date)
{
    int y, m, d;

    if (!date || parse(date, &y, &m, &d) != 0) {
        snprintf(out, IPLAN_DATE_LEN, "%s", date ? date : "");
        return;
    }
    snprintf(out, IPLAN_DATE_LEN, "%02u.%02u.%04u", (unsigned)d % 100u,
             (unsigned)m % 100u, (unsigned)y % 10000u);
}
