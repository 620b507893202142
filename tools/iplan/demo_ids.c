/*
 * Synthetic identifiers for the demo that pass libip's checks.
 *
 * Fødselsnummer: DDMMYY, a three-digit individual number, and two mod-11
 * check digits: K1 over the first nine digits with weights 3 7 6 1 8 9 4 5 2,
 * K2 over the first ten with weights 5 4 3 2 7 6 5 4 3 2; k = 11 - sum % 11,
 * 11 becomes 0 and 10 means the individual number cannot be used, so the
 * next one is tried. Individual numbers 000-499 belong to births 1900-1999,
 * 500-999 to births 2000-2039.
 *
 * Organisation number: eight digits and a mod-11 check digit with weights
 * 3 2 7 6 5 4 3 2; a base whose check digit would be 10 is skipped.
 */
#include "iplan.h"

#include <stdio.h>

/* The mod-11 check digit for n digits, or -1 when it would be 10. */
static int mod11(const int *digits, const int *weights, int n)
{
    int sum = 0, k;

    for (int i = 0; i < n; i++)
        sum += digits[i] * weights[i];
    k = 11 - sum % 11;
    if (k == 11)
        return 0;
    return k == 10 ? -1 : k;
}

int iplan_fnr_make(char out[12], const char *birth_date, int individual)
{
    static const int k1_weights[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static const int k2_weights[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    long days;
    int year, month, day, low, d[11];
    char date[IPLAN_DATE_LEN];

    if (iplan_date_days(&days, birth_date) != 0)
        return -1;
    iplan_date_from_days(date, days);
    if (sscanf(date, "%4d-%2d-%2d", &year, &month, &day) != 3)
        return -1;
    if (year >= 1900 && year <= 1999)
        low = 0;
    else if (year >= 2000 && year <= 2039)
        low = 500;
    else
        return -1;
    if (individual < 0)
        individual = -individual;
    d[0] = day / 10;
    d[1] = day % 10;
    d[2] = month / 10;
    d[3] = month % 10;
    d[4] = year % 100 / 10;
    d[5] = year % 10;
    for (int i = 0; i < 500; i++) {
        int number = low + (individual + i) % 500;

        d[6] = number / 100;
        d[7] = number / 10 % 10;
        d[8] = number % 10;
        d[9] = mod11(d, k1_weights, 9);
        if (d[9] < 0)
            continue;
        d[10] = mod11(d, k2_weights, 10);
        if (d[10] < 0)
            continue;
        for (int j = 0; j < 11; j++)
            out[j] = (char)('0' + d[j]);
        out[11] = '\0';
        return 0;
    }
    return -1;
}

int iplan_orgnr_make(char out[10], long base)
{
    static const int weights[] = {3, 2, 7, 6, 5, 4, 3, 2};
    int d[8], k;

    if (base < 10000000L || base > 99999999L)
        return -1;
    for (; base <= 99999999L; base++) {
        long rest = base;

        for (int i = 7; i >= 0; i--) {
            d[i] = (int)(rest % 10);
            rest /= 10;
        }
        k = mod11(d, weights, 8);
        if (k < 0)
            continue;
        for (int i = 0; i < 8; i++)
            out[i] = (char)('0' + d[i]);
        out[8] = (char)('0' + k);
        out[9] = '\0';
        return 0;
    }
    return -1;
}
