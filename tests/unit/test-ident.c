/*
 * National ids and organisation numbers. Besides the published samples,
 * valid numbers are computed here with the check-digit rules written out
 * independently of the library, so each century series, D-nummer and felles
 * hjelpenummer is covered without relying on real people's numbers.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

/* Completes the first nine digits with K1 chosen so that the K1 sum leaves
 * remainder r1 (0 = the rule before 2032, 1..3 = the added ones) and K2 by
 * the classic "11 - (sum mod 11)" rule. False when no digit fits. */
static int make_from9(char out[12], const char *nine, int r1)
{
    static const int w1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static const int w2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int s1 = 0, s2 = 0, k1, k2;

    for (int i = 0; i < 9; i++)
        s1 += (nine[i] - '0') * w1[i];
    k1 = ((r1 - s1) % 11 + 11) % 11;
    if (k1 > 9)
        return 0;
    memcpy(out, nine, 9);
    out[9] = (char)('0' + k1);
    for (int i = 0; i < 10; i++)
        s2 += (out[i] - '0') * w2[i];
    k2 = 11 - s2 % 11;
    if (k2 == 11)
        k2 = 0;
    if (k2 == 10)
        return 0;
    out[10] = (char)('0' + k2);
    out[11] = '\0';
    return 1;
}

/* A number with date digits dd mm yy (dd already +40 for a D-nummer) and the
 * first individual number in [lo, hi] that admits valid check digits. */
static void make_id(char out[12], int dd, int mm, int yy, int lo, int hi,
                    int r1)
{
    char nine[16];

    for (int iii = lo; iii <= hi; iii++) {
        snprintf(nine, sizeof nine, "%02d%02d%02d%03d", dd, mm, yy, iii);
        if (make_from9(out, nine, r1))
            return;
    }
    ck_abort_msg("no valid number for %02d%02d%02d in %d..%d", dd, mm, yy, lo,
                 hi);
}

/* Asserts id is valid with the given kind and birth date ("" = none). */
static void expect_valid(const char *id, ip_national_id_kind kind,
                         const char *birth)
{
    ip_national_id_kind got = 0;
    char date[11] = "x";

    th_ok(ip_national_id_check(&got, date, id));
    ck_assert_int_eq(got, kind);
    ck_assert_str_eq(date, birth);
}

/* Asserts id is refused on field national_id, without a half-written birth
 * date and without echoing the number (or its date part) in the message. */
static void expect_refused(const char *id, const char *rule)
{
    char date[11] = "x";
    const char *msg;

    th_expect(IP_EINVALID, ip_national_id_check(NULL, date, id));
    th_field("national_id");
    ck_assert_str_eq(date, "");
    msg = ip_error_last()->message;
    if (id && strlen(id) >= 6) {
        char head[7];

        memcpy(head, id, 6);
        head[6] = '\0';
        ck_assert_msg(strstr(msg, id) == NULL, "message echoes the number");
        ck_assert_msg(strstr(msg, head) == NULL, "message echoes the date");
    }
    if (rule)
        ck_assert_msg(strstr(msg, rule) != NULL, "'%s' does not say '%s'",
                      msg, rule);
}

START_TEST(published_samples)
{
    /* Individual number 567 with year 99 lies in the 1854-1899 series
     * (500-749); no 1900s series holds 500-899, so the date is 1899. */
    expect_valid("31129956715", IP_NATIONAL_ID_FNR, "1899-12-31");
    expect_valid("13031353453", IP_NATIONAL_ID_FNR, "2013-03-13");
    th_ok(ip_orgnr_check("123456785"));
}
END_TEST

START_TEST(null_outputs_allowed)
{
    th_ok(ip_national_id_check(NULL, NULL, "31129956715"));
    th_expect(IP_EINVALID, ip_national_id_check(NULL, NULL, "31129956716"));
}
END_TEST

START_TEST(century_series)
{
    char id[12];

    make_id(id, 17, 4, 85, 0, 499, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "1985-04-17");
    make_id(id, 1, 1, 0, 400, 499, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "1900-01-01");
    make_id(id, 9, 6, 70, 500, 749, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "1870-06-09");
    make_id(id, 2, 3, 54, 700, 749, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "1854-03-02");
    make_id(id, 11, 11, 10, 500, 999, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "2010-11-11");
    make_id(id, 31, 12, 39, 900, 999, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "2039-12-31");
    make_id(id, 20, 8, 55, 900, 999, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "1955-08-20");
}
END_TEST

START_TEST(outside_series_valid_without_date)
{
    char id[12];

    /* 500-749 covers only 1854-1899 and 2000-2039, not years 40-53. */
    make_id(id, 5, 5, 45, 500, 749, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "");
    /* 750-899 has no series for 40-99. */
    make_id(id, 5, 5, 80, 750, 899, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "");
    /* The year is unknown, so 29 February cannot be ruled out... */
    make_id(id, 29, 2, 45, 500, 749, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "");
    /* ...but 30 February can. */
    make_id(id, 30, 2, 45, 500, 749, 0);
    expect_refused(id, "calendar date");
}
END_TEST

START_TEST(d_nummer)
{
    char id[12];

    make_id(id, 57, 4, 85, 0, 499, 0);
    ck_assert_int_eq(id[0], '5');
    expect_valid(id, IP_NATIONAL_ID_DNR, "1985-04-17");
    make_id(id, 71, 1, 5, 500, 999, 0);
    expect_valid(id, IP_NATIONAL_ID_DNR, "2005-01-31");
    make_id(id, 41, 7, 60, 0, 499, 0);
    expect_valid(id, IP_NATIONAL_ID_DNR, "1960-07-01");
    make_id(id, 72, 4, 85, 0, 499, 0);
    expect_refused(id, NULL);
    make_id(id, 40, 4, 85, 0, 499, 0);
    expect_refused(id, NULL);
    make_id(id, 71, 4, 85, 0, 499, 0); /* 31 April */
    expect_refused(id, "calendar date");
}
END_TEST

START_TEST(felles_hjelpenummer)
{
    char nine[10], id[12];
    int found[2] = {0, 0};

    for (int first = 8; first <= 9; first++) {
        /* No date rules: month 99 and day 99 are fine. */
        for (int n = 99990000; n < 99999999 && !found[first - 8]; n++) {
            snprintf(nine, sizeof nine, "%d%08d", first, n);
            if (make_from9(id, nine, 0)) {
                found[first - 8] = 1;
                expect_valid(id, IP_NATIONAL_ID_FH, "");
                id[10] = (char)('0' + (id[10] - '0' + 1) % 10);
                expect_refused(id, "second check digit");
            }
        }
    }
    ck_assert(found[0] && found[1]);
}
END_TEST

START_TEST(rule_2032)
{
    char id[12];

    for (int r1 = 1; r1 <= 3; r1++) {
        make_id(id, 1, 1, 32, 500, 999, r1);
        expect_valid(id, IP_NATIONAL_ID_FNR, "2032-01-01");
        make_id(id, 57, 4, 85, 0, 499, r1);
        expect_valid(id, IP_NATIONAL_ID_DNR, "1985-04-17");
    }
    for (int r1 = 4; r1 <= 10; r1++) {
        make_id(id, 1, 1, 32, 500, 999, r1);
        expect_refused(id, "first check digit does not match");
    }
}
END_TEST

START_TEST(single_digit_corruption)
{
    char ids[5][12];

    strcpy(ids[0], "31129956715");
    strcpy(ids[1], "13031353453");
    make_id(ids[2], 57, 4, 85, 0, 499, 0);
    make_id(ids[3], 1, 1, 32, 500, 999, 2);
    for (int n = 12345678; n < 100000000; n++) {
        char nine[10];

        snprintf(nine, sizeof nine, "8%08d", n);
        if (make_from9(ids[4], nine, 0))
            break;
    }
    for (int k = 0; k < 5; k++) {
        th_ok(ip_national_id_check(NULL, NULL, ids[k]));
        for (int pos = 0; pos < 11; pos++) {
            for (char c = '0'; c <= '9'; c++) {
                char bad[12];

                if (c == ids[k][pos])
                    continue;
                strcpy(bad, ids[k]);
                bad[pos] = c;
                expect_refused(bad, NULL);
            }
        }
    }
}
END_TEST

START_TEST(check_digit_messages)
{
    expect_refused("31129956755", "first check digit does not match");
    expect_refused("31129956716", "second check digit does not match");
}
END_TEST

START_TEST(format)
{
    expect_refused("", "11 digits");
    expect_refused("3112995671", "11 digits");
    expect_refused("311299567150", "11 digits");
    expect_refused("3112995671a", "11 digits");
    expect_refused("311299 56715", "11 digits");
    expect_refused(" 31129956715", "11 digits");
    expect_refused("31129956715 ", "11 digits");
    expect_refused("+3112995671", "11 digits");
    expect_refused("3112995671\xd9\xa5", "11 digits"); /* Arabic-Indic five */
    expect_refused(NULL, NULL);
}
END_TEST

START_TEST(calendar)
{
    char id[12];

    make_id(id, 30, 2, 85, 0, 499, 0);
    expect_refused(id, "date part is not a calendar date");
    make_id(id, 31, 2, 85, 0, 499, 0);
    expect_refused(id, "date part is not a calendar date");
    make_id(id, 29, 2, 87, 0, 499, 0);
    expect_refused(id, "date part is not a calendar date");
    make_id(id, 29, 2, 88, 0, 499, 0);
    expect_valid(id, IP_NATIONAL_ID_FNR, "1988-02-29");
    make_id(id, 29, 2, 0, 0, 499, 0); /* 1900: not a leap year */
    expect_refused(id, "date part is not a calendar date");
    make_id(id, 29, 2, 0, 500, 999, 0); /* 2000: a leap year */
    expect_valid(id, IP_NATIONAL_ID_FNR, "2000-02-29");
    make_id(id, 0, 5, 85, 0, 499, 0);
    expect_refused(id, "date part is not a calendar date");
    make_id(id, 32, 5, 85, 0, 499, 0);
    expect_refused(id, "date part is not a calendar date");
    make_id(id, 31, 4, 85, 0, 499, 0);
    expect_refused(id, "date part is not a calendar date");
}
END_TEST

START_TEST(month)
{
    char id[12];

    make_id(id, 15, 13, 85, 0, 499, 0);
    expect_refused(id, "month is not 01-12");
    make_id(id, 15, 0, 85, 0, 499, 0);
    expect_refused(id, "month is not 01-12");
    make_id(id, 15, 45, 85, 0, 499, 0); /* H-nummer */
    expect_refused(id, "month is not 01-12");
    make_id(id, 15, 85, 85, 0, 499, 0); /* synthetic test number */
    expect_refused(id, "month is not 01-12");
    make_id(id, 55, 52, 85, 0, 499, 0); /* D-nummer with month + 40 */
    expect_refused(id, "month is not 01-12");
}
END_TEST

START_TEST(failure_keeps_kind)
{
    ip_national_id_kind kind = IP_NATIONAL_ID_DNR;

    th_expect(IP_EINVALID, ip_national_id_check(&kind, NULL, "31129956716"));
    ck_assert_int_eq(kind, IP_NATIONAL_ID_DNR);
}
END_TEST

START_TEST(orgnr)
{
    /* Prefixes whose sum leaves remainder 1 would need check digit 10. */
    static const int w[] = {3, 2, 7, 6, 5, 4, 3, 2};
    char buf[10];
    int found = 0;

    th_ok(ip_orgnr_check("123456785"));
    for (char c = '0'; c <= '9'; c++) {
        strcpy(buf, "123456785");
        if (c == '5')
            continue;
        buf[8] = c;
        th_expect(IP_EINVALID, ip_orgnr_check(buf));
        th_field("organisation_number");
        ck_assert_ptr_null(strstr(ip_error_last()->message, buf));
    }
    for (int n = 10000000; n < 10001000 && !found; n++) {
        int sum = 0;

        snprintf(buf, sizeof buf, "%08d", n);
        for (int i = 0; i < 8; i++)
            sum += (buf[i] - '0') * w[i];
        if (sum % 11 != 1)
            continue;
        found = 1;
        buf[9] = '\0';
        for (char c = '0'; c <= '9'; c++) {
            buf[8] = c;
            th_expect(IP_EINVALID, ip_orgnr_check(buf));
            th_field("organisation_number");
        }
    }
    ck_assert(found);

    th_expect(IP_EINVALID, ip_orgnr_check("12345678"));
    th_field("organisation_number");
    th_expect(IP_EINVALID, ip_orgnr_check("1234567850"));
    th_field("organisation_number");
    th_expect(IP_EINVALID, ip_orgnr_check("12345678a"));
    th_field("organisation_number");
    th_expect(IP_EINVALID, ip_orgnr_check(""));
    th_field("organisation_number");
    th_expect(IP_EINVALID, ip_orgnr_check(NULL));
    th_field("organisation_number");
}
END_TEST

START_TEST(kind_names)
{
    static const ip_national_id_kind kinds[] = {
        IP_NATIONAL_ID_FNR, IP_NATIONAL_ID_DNR, IP_NATIONAL_ID_FH};
    ip_national_id_kind back;

    ck_assert_str_eq(ip_national_id_kind_name(IP_NATIONAL_ID_FNR), "fnr");
    ck_assert_str_eq(ip_national_id_kind_name(IP_NATIONAL_ID_DNR), "dnr");
    ck_assert_str_eq(ip_national_id_kind_name(IP_NATIONAL_ID_FH), "fh");
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        th_ok(ip_national_id_kind_from_name(
            &back, ip_national_id_kind_name(kinds[i])));
        ck_assert_int_eq(back, kinds[i]);
    }
    ck_assert_ptr_null(ip_national_id_kind_name((ip_national_id_kind)0));
    ck_assert_ptr_null(ip_national_id_kind_name((ip_national_id_kind)4));

    th_expect(IP_EINVALID, ip_national_id_kind_from_name(&back, "FNR"));
    th_field("national_id_kind");
    th_expect(IP_EINVALID, ip_national_id_kind_from_name(&back, "hnr"));
    th_field("national_id_kind");
    th_expect(IP_EINVALID, ip_national_id_kind_from_name(&back, ""));
    th_field("national_id_kind");
    th_expect(IP_EINVALID, ip_national_id_kind_from_name(&back, NULL));
    th_field("national_id_kind");
    th_expect(IP_EINVALID, ip_national_id_kind_from_name(NULL, "fnr"));
}
END_TEST

Suite *suite(void);

Suite *suite(void)
{
    Suite *s = suite_create("ident");
    TCase *tc = tcase_create("ident");

    tcase_add_test(tc, published_samples);
    tcase_add_test(tc, null_outputs_allowed);
    tcase_add_test(tc, century_series);
    tcase_add_test(tc, outside_series_valid_without_date);
    tcase_add_test(tc, d_nummer);
    tcase_add_test(tc, felles_hjelpenummer);
    tcase_add_test(tc, rule_2032);
    tcase_add_test(tc, single_digit_corruption);
    tcase_add_test(tc, check_digit_messages);
    tcase_add_test(tc, format);
    tcase_add_test(tc, calendar);
    tcase_add_test(tc, month);
    tcase_add_test(tc, failure_keeps_kind);
    tcase_add_test(tc, orgnr);
    tcase_add_test(tc, kind_names);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
