/*
 * Relations between persons: parents, guardians and next of kin, their
 * periods, ending them, listing them from either side, and who may.
 */
#include "harness.h"

#include <string.h>

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"

/* Fields of a parent relation from the child to the parent. */
static ip_relation_fields parent_fields(const th_family *w, const char *from, const char *to)
{
    ip_relation_fields f = IP_RELATION_FIELDS_INIT;

    f.person_id = ip_person_id(w->child);
    f.related_id = ip_person_id(w->parent);
    f.kind = IP_RELATION_PARENT;
    f.valid_from = from;
    f.valid_to = to;
    return f;
}

/* Collects a person's relations; returns how many, up to max. */
static int list_relations(ip_session *s, const char *person_id, ip_relation **out,
                          int max)
{
    ip_relation_iterator *it = NULL;
    ip_relation *r = NULL;
    int n = 0, rc;

    th_ok(ip_relation_iterator_new(&it, s, person_id));
    while ((rc = ip_relation_next(&r, it)) == IP_OK) {
        ck_assert_int_lt(n, max);
        out[n++] = r;
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ck_assert_ptr_null(r);
    /* Past the end it stays over. */
    th_expect(IP_ITEROVER, ip_relation_next(&r, it));
    ip_relation_iterator_free(it);
    return n;
}

START_TEST(round_trip)
{
    th_family w;
    ip_relation_fields f;
    ip_relation *r = NULL, *listed[4];
    ip_person *sibling;
    ip_relation_fields kin = IP_RELATION_FIELDS_INIT;
    int64_t revision = 0;
    int n;

    th_family_open(&w);
    f = parent_fields(&w, "2015-06-01", NULL);
    th_ok(ip_relation_create(&r, w.cu, &f));
    ck_assert_ptr_nonnull(ip_relation_id(r));
    ck_assert_int_eq(strlen(ip_relation_id(r)), 36);
    ck_assert_int_eq(ip_relation_revision(r), 1);
    ck_assert_str_eq(ip_relation_person_id(r), ip_person_id(w.child));
    ck_assert_str_eq(ip_relation_related_id(r), ip_person_id(w.parent));
    ck_assert_int_eq(ip_relation_kind_of(r), IP_RELATION_PARENT);
    ck_assert_str_eq(ip_relation_valid_from(r), "2015-06-01");
    ck_assert_ptr_null(ip_relation_valid_to(r));

    /* A later next-of-kin relation where the parent is the person cared for. */
    sibling = th_person(w.cu, "1990-09-09", "Per");
    kin.person_id = ip_person_id(w.parent);
    kin.related_id = ip_person_id(sibling);
    kin.kind = IP_RELATION_NEXT_OF_KIN;
    kin.valid_from = "2020-01-01";
    th_ok(ip_relation_create(NULL, w.cu, &kin));

    /* The child sees one relation; the parent sees both, oldest first. */
    n = list_relations(w.cu, ip_person_id(w.child), listed, 4);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(ip_relation_id(listed[0]), ip_relation_id(r));
    ip_relation_free(listed[0]);
    n = list_relations(w.cu, ip_person_id(w.parent), listed, 4);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(ip_relation_id(listed[0]), ip_relation_id(r));
    ck_assert_int_eq(ip_relation_kind_of(listed[1]), IP_RELATION_NEXT_OF_KIN);
    ck_assert_str_eq(ip_relation_related_id(listed[1]), ip_person_id(sibling));
    ip_relation_free(listed[0]);
    ip_relation_free(listed[1]);

    /* Ending it on a day (inclusive) bumps the revision. */
    th_ok(ip_relation_end(&revision, w.cu, ip_relation_id(r), 1, "2025-12-31"));
    ck_assert_int_eq(revision, 2);
    n = list_relations(w.cu, ip_person_id(w.child), listed, 4);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(ip_relation_valid_to(listed[0]), "2025-12-31");
    ck_assert_str_eq(ip_relation_valid_from(listed[0]), "2015-06-01");
    ck_assert_int_eq(ip_relation_revision(listed[0]), 2);
    ip_relation_free(listed[0]);

    /* A person without relations has an empty list. */
    ip_person *alone = th_person(w.cu, "1970-03-03", "Anne");
    ck_assert_int_eq(list_relations(w.cu, ip_person_id(alone), listed, 4), 0);
    ip_person_free(alone);

    ip_person_free(sibling);
    ip_relation_free(r);
    th_family_close(&w);
}
END_TEST

START_TEST(closed_period_on_create)
{
    th_family w;
    ip_relation_fields f;
    ip_relation *r = NULL;

    th_family_open(&w);
    f = parent_fields(&w, "2015-06-01", "2015-06-01");
    th_ok(ip_relation_create(&r, w.cu, &f));
    ck_assert_str_eq(ip_relation_valid_to(r), "2015-06-01");
    /* Created already ended: ending it again is a state error. */
    th_expect(IP_ESTATE, ip_relation_end(NULL, w.cu, ip_relation_id(r), 1, "2016-01-01"));
    ip_relation_free(r);
    th_family_close(&w);
}
END_TEST

START_TEST(self_relation)
{
    th_family w;
    ip_relation_fields f;
    ip_relation *r = NULL;

    th_family_open(&w);
    f = parent_fields(&w, "2015-06-01", NULL);
    f.related_id = f.person_id;
    th_expect(IP_EINVALID, ip_relation_create(&r, w.cu, &f));
    th_field("relation.related_id");
    ck_assert_ptr_null(r);
    th_family_close(&w);
}
END_TEST

START_TEST(unknown_person)
{
    th_family w;
    ip_relation_fields f;
    ip_relation *r = NULL;

    th_family_open(&w);
    f = parent_fields(&w, "2015-06-01", NULL);
    f.person_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_relation_create(&r, w.cu, &f));
    th_field("relation.person_id");
    ck_assert_ptr_null(r);

    f = parent_fields(&w, "2015-06-01", NULL);
    f.related_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_relation_create(&r, w.cu, &f));
    th_field("relation.related_id");

    f.related_id = "not-an-id";
    th_expect(IP_EINVALID, ip_relation_create(&r, w.cu, &f));
    th_field("relation.related_id");
    f = parent_fields(&w, "2015-06-01", NULL);
    f.person_id = NULL;
    th_expect(IP_EINVALID, ip_relation_create(&r, w.cu, &f));
    th_field("relation.person_id");
    th_family_close(&w);
}
END_TEST

START_TEST(bad_dates)
{
    th_family w;
    ip_relation_fields f;

    th_family_open(&w);
    f = parent_fields(&w, NULL, NULL);
    th_expect(IP_EINVALID, ip_relation_create(NULL, w.cu, &f));
    th_field("relation.valid_from");
    f = parent_fields(&w, "2015-02-30", NULL);
    th_expect(IP_EINVALID, ip_relation_create(NULL, w.cu, &f));
    th_field("relation.valid_from");
    f = parent_fields(&w, "01.06.2015", NULL);
    th_expect(IP_EINVALID, ip_relation_create(NULL, w.cu, &f));
    th_field("relation.valid_from");
    f = parent_fields(&w, "2015-06-01", "2015-13-01");
    th_expect(IP_EINVALID, ip_relation_create(NULL, w.cu, &f));
    th_field("relation.valid_to");
    f = parent_fields(&w, "2015-06-01", "2015-05-31");
    th_expect(IP_EINVALID, ip_relation_create(NULL, w.cu, &f));
    th_field("relation.valid_to");
    /* Messages name the rule, not the value. */
    ck_assert_ptr_null(strstr(ip_error_last()->message, "2015-05-31"));
    th_family_close(&w);
}
END_TEST

START_TEST(unknown_kind)
{
    th_family w;
    ip_relation_fields f;

    th_family_open(&w);
    f = parent_fields(&w, "2015-06-01", NULL);
    f.kind = (ip_relation_kind)0;
    th_expect(IP_EINVALID, ip_relation_create(NULL, w.cu, &f));
    th_field("relation.kind");
    f.kind = (ip_relation_kind)4;
    th_expect(IP_EINVALID, ip_relation_create(NULL, w.cu, &f));
    th_field("relation.kind");
    th_family_close(&w);
}
END_TEST

START_TEST(end_rules)
{
    th_family w;
    ip_relation_fields f;
    ip_relation *r = NULL;
    int64_t revision = 0;

    th_family_open(&w);
    f = parent_fields(&w, "2015-06-01", NULL);
    th_ok(ip_relation_create(&r, w.cu, &f));

    /* Stale revision: nothing written. */
    th_expect(IP_ECONFLICT, ip_relation_end(&revision, w.cu, ip_relation_id(r), 2,
                                            "2025-12-31"));
    th_field("relation.revision");
    ck_assert_int_eq(revision, 0);
    /* Before the relation began. */
    th_expect(IP_EINVALID, ip_relation_end(NULL, w.cu, ip_relation_id(r), 1, "2015-05-31"));
    th_field("relation.valid_to");
    th_expect(IP_EINVALID, ip_relation_end(NULL, w.cu, ip_relation_id(r), 1, NULL));
    th_field("relation.valid_to");
    th_expect(IP_EINVALID, ip_relation_end(NULL, w.cu, ip_relation_id(r), 1, "2025-02-29"));
    th_field("relation.valid_to");
    th_expect(IP_ENOTFOUND, ip_relation_end(NULL, w.cu, NO_SUCH_ID, 1, "2025-12-31"));
    th_field("relation.id");
    th_expect(IP_EINVALID, ip_relation_end(NULL, w.cu, "x", 1, "2025-12-31"));
    th_field("relation.id");

    /* Ending on the first day is allowed; a second end is a state error. */
    th_ok(ip_relation_end(&revision, w.cu, ip_relation_id(r), 1, "2015-06-01"));
    ck_assert_int_eq(revision, 2);
    th_expect(IP_ESTATE, ip_relation_end(NULL, w.cu, ip_relation_id(r), 2, "2025-12-31"));
    th_field("relation.valid_to");
    ck_assert_str_eq(ip_error_last()->message, "relation.valid_to: already ended");
    ip_relation_free(r);
    th_family_close(&w);
}
END_TEST

START_TEST(access)
{
    th_family w;
    ip_relation_fields f;
    ip_relation *r = NULL, *listed[2];
    ip_session *child, *parent, *stranger;
    ip_person *other;
    ip_relation_iterator *it = (ip_relation_iterator *)&w;

    th_family_open(&w);
    other = th_person(w.cu, "1960-01-01", "Nils");
    f = parent_fields(&w, "2015-06-01", NULL);
    th_ok(ip_relation_create(&r, w.cu, &f));

    /* The person reads their own relations. */
    child = th_session(w.store, IP_ROLE_PERSON, ip_person_id(w.child), NULL);
    ck_assert_int_eq(list_relations(child, ip_person_id(w.child), listed, 2), 1);
    ip_relation_free(listed[0]);
    /* ...not another person's. */
    th_expect(IP_EDENIED, ip_relation_iterator_new(&it, child, ip_person_id(other)));
    ck_assert_ptr_null(it);
    /* ...and does not register or end relations. */
    th_expect(IP_EDENIED, ip_relation_create(NULL, child, &f));
    th_expect(IP_EDENIED, ip_relation_end(NULL, child, ip_relation_id(r), 1, "2025-12-31"));

    /* The parent, as a representative, reads the child's relations. */
    parent = th_session(w.store, IP_ROLE_REPRESENTATIVE, ip_person_id(w.parent), NULL);
    ck_assert_int_eq(list_relations(parent, ip_person_id(w.child), listed, 2), 1);
    ip_relation_free(listed[0]);

    /* Someone who is not a representative of the child is denied. */
    stranger = th_session(w.store, IP_ROLE_REPRESENTATIVE, ip_person_id(other), NULL);
    th_expect(IP_EDENIED, ip_relation_iterator_new(&it, stranger, ip_person_id(w.child)));

    /* The end still works for the coordinating unit (nothing was written). */
    th_ok(ip_relation_end(NULL, w.cu, ip_relation_id(r), 1, "2025-12-31"));

    ip_session_free(child);
    ip_session_free(parent);
    ip_session_free(stranger);
    ip_person_free(other);
    ip_relation_free(r);
    th_family_close(&w);
}
END_TEST

START_TEST(null_arguments)
{
    th_family w;
    ip_relation_fields f;
    ip_relation_fields bad = IP_RELATION_FIELDS_INIT;
    ip_relation_iterator *it = NULL;
    ip_relation *r = (ip_relation *)&w;

    th_family_open(&w);
    f = parent_fields(&w, "2015-06-01", NULL);
    th_expect(IP_EINVALID, ip_relation_create(&r, NULL, &f));
    th_field("session");
    ck_assert_ptr_null(r);
    th_expect(IP_EINVALID, ip_relation_create(NULL, w.cu, NULL));
    th_field("relation");
    bad.version = 99;
    th_expect(IP_EINVALID, ip_relation_create(NULL, w.cu, &bad));
    th_field("relation.version");
    th_expect(IP_EINVALID, ip_relation_end(NULL, NULL, NO_SUCH_ID, 1, "2025-01-01"));
    th_field("session");
    th_expect(IP_EINVALID, ip_relation_iterator_new(NULL, w.cu, ip_person_id(w.child)));
    th_field("out");
    th_expect(IP_EINVALID, ip_relation_iterator_new(&it, NULL, ip_person_id(w.child)));
    th_field("session");
    th_expect(IP_EINVALID, ip_relation_iterator_new(&it, w.cu, NULL));
    th_field("person_id");
    th_expect(IP_EINVALID, ip_relation_next(NULL, NULL));
    th_field("out");
    th_expect(IP_EINVALID, ip_relation_next(&r, NULL));
    th_field("iterator");

    th_expect(IP_EINVALID, ip_relation_fields_init(NULL, IP_RELATION_FIELDS_VERSION));
    th_expect(IP_EINVALID, ip_relation_fields_init(&bad, 2));
    th_ok(ip_relation_fields_init(&bad, IP_RELATION_FIELDS_VERSION));
    ck_assert_uint_eq(bad.version, IP_RELATION_FIELDS_VERSION);
    ck_assert_ptr_null(bad.person_id);
    ck_assert_int_eq(bad.kind, 0);

    /* NULL-safe getters and frees. */
    ck_assert_ptr_null(ip_relation_id(NULL));
    ck_assert_int_eq(ip_relation_revision(NULL), 0);
    ck_assert_int_eq(ip_relation_kind_of(NULL), 0);
    ip_relation_free(NULL);
    ip_relation_iterator_free(NULL);
    th_family_close(&w);
}
END_TEST

START_TEST(kind_names)
{
    static const ip_relation_kind kinds[] = {IP_RELATION_PARENT, IP_RELATION_GUARDIAN,
                                             IP_RELATION_NEXT_OF_KIN};
    ip_relation_kind kind;

    ck_assert_str_eq(ip_relation_kind_name(IP_RELATION_PARENT), "parent");
    ck_assert_str_eq(ip_relation_kind_name(IP_RELATION_GUARDIAN), "guardian");
    ck_assert_str_eq(ip_relation_kind_name(IP_RELATION_NEXT_OF_KIN), "next_of_kin");
    ck_assert_ptr_null(ip_relation_kind_name((ip_relation_kind)0));
    ck_assert_ptr_null(ip_relation_kind_name((ip_relation_kind)4));
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        th_ok(ip_relation_kind_from_name(&kind, ip_relation_kind_name(kinds[i])));
        ck_assert_int_eq(kind, kinds[i]);
    }
    th_expect(IP_EINVALID, ip_relation_kind_from_name(&kind, "verge"));
    th_field("relation.kind");
    th_expect(IP_EINVALID, ip_relation_kind_from_name(&kind, NULL));
    th_expect(IP_EINVALID, ip_relation_kind_from_name(NULL, "parent"));
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("relation");
    TCase *tc = tcase_create("relation");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, closed_period_on_create);
    tcase_add_test(tc, self_relation);
    tcase_add_test(tc, unknown_person);
    tcase_add_test(tc, bad_dates);
    tcase_add_test(tc, unknown_kind);
    tcase_add_test(tc, end_rules);
    tcase_add_test(tc, access);
    tcase_add_test(tc, null_arguments);
    tcase_add_test(tc, kind_names);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
