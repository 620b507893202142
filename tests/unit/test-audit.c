/* The audit log: its hash chain, verification of a tampered copy of a
 * store (raw SQL through SQLite's own API), the chain across two handles,
 * and the person's access log. */
#include "harness.h"

#include <openssl/evp.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#define ZEROS "0000000000000000000000000000000000000000000000000000000000000000"

/* ---- helpers ------------------------------------------------------------ */

/* Runs SQL on a store file straight through SQLite, as a tamperer would. */
static void raw_sql(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    char *err = NULL;
    int rc;

    ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    rc = sqlite3_exec(db, sql, NULL, NULL, &err);
    ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, err ? err : "?");
    sqlite3_free(err);
    sqlite3_close(db);
}

/* Copies the (closed) test store to name and returns the copy's path. */
static const char *copy_store(const char *name)
{
    const char *dest = th_path(name);
    size_t len = 0;
    char *bytes = th_slurp(th_path("store.db"), &len);
    FILE *f = fopen(dest, "wb");

    ck_assert_ptr_nonnull(bytes);
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(bytes, 1, len, f), len);
    fclose(f);
    free(bytes);
    return dest;
}

static ip_store *open_at(const char *path)
{
    ip_store_options opts = th_store_options(0);
    ip_store *store = NULL;

    th_ok(ip_store_open(&store, path, &opts));
    return store;
}

static char person_id[40];

/* A closed test store with a log of a few dozen events: a person created
 * and read, a relation, denials. Returns the number of events. */
static int make_log(void)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_session *analyst = th_session(store, IP_ROLE_ANALYST, "analyst-1", NULL);
    ip_person *p = th_person(cu, "1980-01-02", "Ola"), *read = NULL;
    int events;

    snprintf(person_id, sizeof person_id, "%s", ip_person_id(p));
    for (int i = 0; i < 5; i++) {
        th_ok(ip_person_get(&read, cu, person_id));
        ip_person_free(read);
        th_expect(IP_EDENIED, ip_person_get(&read, analyst, person_id));
    }
    ip_person_free(p);
    ip_session_free(analyst);
    th_close(store);
    events = th_count("SELECT count(*) FROM audit_event");
    ck_assert_int_ge(events, 12);
    return events;
}

/* Verifies the store at path: the code, and the first bad seq. */
static int verify_at(const char *path, int64_t *bad)
{
    ip_store *store = open_at(path);
    int rc = ip_audit_verify(bad, store);

    ip_store_close(store);
    return rc;
}

/* Tampers with a fresh copy of the test store and asserts that
 * verification names event seq and says what happened. */
static void assert_tamper(const char *sql, int64_t seq, const char *what)
{
    const char *copy = copy_store("tampered.db");
    char named[40];
    int64_t bad = -1;

    raw_sql(copy, sql);
    th_expect(IP_ECORRUPT, verify_at(copy, &bad));
    th_field("audit_event");
    ck_assert_msg(bad == seq, "%s: first bad event %lld, expected %lld (%s)", sql,
                  (long long)bad, (long long)seq, ip_error_last()->message);
    snprintf(named, sizeof named, "event %lld ", (long long)seq);
    ck_assert_msg(strstr(ip_error_last()->message, named), "%s", ip_error_last()->message);
    ck_assert_msg(strstr(ip_error_last()->message, what), "%s: expected \"%s\" in: %s",
                  sql, what, ip_error_last()->message);
    th_not_echoed(person_id);
}

/* ---- the chain ---------------------------------------------------------- */

START_TEST(untouched_store_verifies)
{
    int events = make_log();
    ip_store *store = open_at(th_path("store.db"));
    char hash[IP_AUDIT_HASH_LEN + 1];
    int64_t bad = -1, seq = -1;

    th_ok(ip_audit_verify(&bad, store));
    ck_assert_int_eq(bad, 0);
    th_ok(ip_store_check(store));
    th_ok(ip_audit_head(&seq, hash, store));
    ck_assert_int_eq(seq, events);
    ck_assert_uint_eq(strlen(hash), IP_AUDIT_HASH_LEN);
    th_ok(ip_audit_verify(NULL, store));
    th_expect(IP_EINVALID, ip_audit_verify(&bad, NULL));
    th_expect(IP_EINVALID, ip_audit_head(&seq, hash, NULL));
    th_ok(ip_audit_head(NULL, NULL, store));
    ip_store_close(store);

    /* Numbered 1..n, the first links to zeros, each to the one before. */
    ck_assert_int_eq(th_count("SELECT min(seq) = 1 AND max(seq) = count(*) FROM audit_event"), 1);
    ck_assert_int_eq(th_count("SELECT prev_hash = '" ZEROS "' FROM audit_event WHERE seq = 1"), 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event a JOIN audit_event b"
                              " ON b.seq = a.seq + 1 WHERE b.prev_hash <> a.hash"), 0);
    ck_assert_int_eq(th_count("SELECT count(DISTINCT hash) FROM audit_event"), events);
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event"
                              " WHERE length(hash) <> 64 OR hash GLOB '*[^0-9a-f]*'"), 0);
}
END_TEST

START_TEST(empty_log_verifies)
{
    ip_store *store = th_store();
    char hash[IP_AUDIT_HASH_LEN + 1];
    int64_t bad = -1, seq = -1;

    raw_sql(th_path("store.db"), "DELETE FROM audit_event");
    th_ok(ip_audit_verify(&bad, store));
    ck_assert_int_eq(bad, 0);
    th_ok(ip_audit_head(&seq, hash, store));
    ck_assert_int_eq(seq, 0);
    ck_assert_str_eq(hash, ZEROS);
    ip_store_close(store);
}
END_TEST

/* Big-endian length (or value) in 8 bytes. */
static void put_u64(EVP_MD_CTX *ctx, uint64_t v)
{
    unsigned char be[8];

    for (int i = 7; i >= 0; i--, v >>= 8)
        be[i] = (unsigned char)(v & 0xff);
    EVP_DigestUpdate(ctx, be, 8);
}

static void put_text(EVP_MD_CTX *ctx, const unsigned char *s)
{
    if (!s) {
        EVP_DigestUpdate(ctx, "N", 1);
        return;
    }
    EVP_DigestUpdate(ctx, "T", 1);
    put_u64(ctx, strlen((const char *)s));
    EVP_DigestUpdate(ctx, s, strlen((const char *)s));
}

static void put_int(EVP_MD_CTX *ctx, int64_t i)
{
    EVP_DigestUpdate(ctx, "I", 1);
    put_u64(ctx, (uint64_t)i);
}

/* The serialization the hash covers is part of the store format: stores
 * written today must verify tomorrow. Recompute each stored hash from the
 * documented layout with libcrypto directly. */
START_TEST(chain_format_is_stable)
{
    static const char tag[] = "libip audit_event v1";
    static const int ints[] = {0, 3, 9}; /* seq, role, purpose */
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    int rows = 0;

    make_log();
    ck_assert_int_eq(sqlite3_open_v2(th_path("store.db"), &db, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db,
        "SELECT seq, at, actor_id, role, unit_id, action, object_kind, object_id,"
        " person_id, purpose, outcome, rule, prev_hash, hash FROM audit_event ORDER BY seq",
        -1, &stmt, NULL), SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        unsigned char md[32];
        unsigned int md_len = 0;
        char hex[65];

        ck_assert_ptr_nonnull(ctx);
        ck_assert_int_eq(EVP_DigestInit_ex(ctx, EVP_sha256(), NULL), 1);
        EVP_DigestUpdate(ctx, tag, sizeof tag);
        put_text(ctx, sqlite3_column_text(stmt, 12));
        for (int col = 0; col < 12; col++) {
            int is_int = col == ints[0] || col == ints[1] || col == ints[2];
            if (is_int)
                put_int(ctx, sqlite3_column_int64(stmt, col));
            else
                put_text(ctx, sqlite3_column_text(stmt, col));
        }
        ck_assert_int_eq(EVP_DigestFinal_ex(ctx, md, &md_len), 1);
        EVP_MD_CTX_free(ctx);
        for (unsigned int i = 0; i < md_len; i++)
            snprintf(hex + 2 * i, 3, "%02x", md[i]);
        ck_assert_str_eq(hex, (const char *)sqlite3_column_text(stmt, 13));
        rows++;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    ck_assert_int_ge(rows, 12);
}
END_TEST

/* ---- tampering ---------------------------------------------------------- */

START_TEST(changed_event_is_named)
{
    make_log();
    assert_tamper("UPDATE audit_event SET purpose = 5 WHERE seq = 7", 7, "was changed");
    assert_tamper("UPDATE audit_event SET actor_id = 'someone-else' WHERE seq = 9", 9,
                  "was changed");
    assert_tamper("UPDATE audit_event SET outcome = 'allowed', action = 'read'"
                  " WHERE outcome = 'denied' AND seq = (SELECT min(seq) FROM audit_event"
                  " WHERE outcome = 'denied')",
                  th_count("SELECT min(seq) FROM audit_event WHERE outcome = 'denied'"),
                  "was changed");
    /* NULL and "" are different values. */
    assert_tamper("UPDATE audit_event SET unit_id = '' WHERE seq ="
                  " (SELECT min(seq) FROM audit_event WHERE unit_id IS NULL)",
                  th_count("SELECT min(seq) FROM audit_event WHERE unit_id IS NULL"),
                  "was changed");
    /* A value of another type that reads the same as a number. */
    assert_tamper("UPDATE audit_event SET at = 1 WHERE seq = 2", 2, "was changed");
    assert_tamper("UPDATE audit_event SET role = 2.5 WHERE seq = 3", 3, "was changed");
    /* The last event, with nothing after it. */
    assert_tamper("UPDATE audit_event SET rule = 'x' WHERE seq = (SELECT max(seq) FROM audit_event)",
                  th_count("SELECT max(seq) FROM audit_event"), "was changed");
    /* A hash recomputed wrongly, or an altered link. */
    assert_tamper("UPDATE audit_event SET hash = '" ZEROS "' WHERE seq = 5", 5, "was changed");
    assert_tamper("UPDATE audit_event SET prev_hash = '" ZEROS "' WHERE seq = 6", 6,
                  "was changed: its link");
    assert_tamper("UPDATE audit_event SET prev_hash = NULL WHERE seq = 1", 1,
                  "was changed: its link");
}
END_TEST

START_TEST(removed_event_is_named)
{
    make_log();
    assert_tamper("DELETE FROM audit_event WHERE seq = 4", 4, "was removed");
    assert_tamper("DELETE FROM audit_event WHERE seq = 1", 1, "was removed");
    assert_tamper("DELETE FROM audit_event WHERE seq BETWEEN 5 AND 8", 5, "was removed");
    /* Removed and the rest renumbered to hide the gap. */
    assert_tamper("DELETE FROM audit_event WHERE seq = 4;"
                  "UPDATE audit_event SET seq = -(seq - 1) WHERE seq > 4;"
                  "UPDATE audit_event SET seq = -seq WHERE seq < 0",
                  4, "were removed");
}
END_TEST

/* Shifts the events from seq on one place up, leaving seq free. */
#define SHIFT_FROM(seq)                                                        \
    "UPDATE audit_event SET seq = -(seq + 1) WHERE seq >= " #seq ";"           \
    "UPDATE audit_event SET seq = -seq WHERE seq < 0;"

#define COLUMNS "at, actor_id, role, unit_id, action, object_kind, object_id," \
                " person_id, purpose, outcome, rule"

START_TEST(inserted_event_is_named)
{
    int events = make_log();
    char sql[1024];

    /* Made up, linked to the event before it. */
    assert_tamper(SHIFT_FROM(4)
                  "INSERT INTO audit_event (seq, " COLUMNS ", prev_hash, hash)"
                  " SELECT 4, " COLUMNS ", hash, '" ZEROS "' FROM audit_event WHERE seq = 3",
                  4, "was inserted");
    /* Made up with any link at all. */
    assert_tamper(SHIFT_FROM(6)
                  "INSERT INTO audit_event (seq, " COLUMNS ", prev_hash, hash)"
                  " SELECT 6, " COLUMNS ", NULL, NULL FROM audit_event WHERE seq = 2",
                  6, "was inserted");
    /* A copy of a later event, hash and all. */
    assert_tamper(SHIFT_FROM(4)
                  "INSERT INTO audit_event (seq, " COLUMNS ", prev_hash, hash)"
                  " SELECT 4, " COLUMNS ", prev_hash, hash FROM audit_event WHERE seq = 9",
                  4, "was inserted");
    /* Appended after the last event, linked to it. */
    snprintf(sql, sizeof sql,
             "INSERT INTO audit_event (seq, " COLUMNS ", prev_hash, hash)"
             " SELECT seq + 1, " COLUMNS ", hash, '" ZEROS "' FROM audit_event"
             " WHERE seq = %d", events);
    assert_tamper(sql, events + 1, "event");
    /* Before the first. */
    assert_tamper("INSERT INTO audit_event (seq, " COLUMNS ", prev_hash, hash)"
                  " SELECT 0, " COLUMNS ", prev_hash, hash FROM audit_event WHERE seq = 1",
                  0, "was inserted");
}
END_TEST

/* Swaps the seqs of two events. */
#define SWAP(a, b)                                                             \
    "UPDATE audit_event SET seq = -1 WHERE seq = " #a ";"                      \
    "UPDATE audit_event SET seq = " #a " WHERE seq = " #b ";"                  \
    "UPDATE audit_event SET seq = " #b " WHERE seq = -1;"

START_TEST(reordered_event_is_named)
{
    make_log();
    assert_tamper(SWAP(3, 6), 3, "was reordered");
    assert_tamper(SWAP(3, 4), 3, "was reordered");
    assert_tamper(SWAP(1, 2), 1, "was reordered");
    assert_tamper(SWAP(10, 5), 5, "was reordered");
}
END_TEST

START_TEST(store_check_includes_the_chain)
{
    const char *copy;
    ip_store *store;

    make_log();
    copy = copy_store("tampered.db");
    raw_sql(copy, "UPDATE audit_event SET person_id = NULL WHERE seq = 8");
    store = open_at(copy);
    th_expect(IP_ECORRUPT, ip_store_check(store));
    th_field("audit_event");
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "event 8 "));
    ip_store_close(store);
    /* Read-only, as `iplan check` opens it. */
    {
        ip_store_options opts = th_store_options(IP_STORE_READONLY);
        int64_t bad = 0;

        th_ok(ip_store_open(&store, copy, &opts));
        th_expect(IP_ECORRUPT, ip_store_check(store));
        th_expect(IP_ECORRUPT, ip_audit_verify(&bad, store));
        ck_assert_int_eq(bad, 8);
        ip_store_close(store);
    }
    /* The original is untouched and still whole. */
    store = open_at(th_path("store.db"));
    th_ok(ip_store_check(store));
    ip_store_close(store);
}
END_TEST

/* Writing to a log whose head is damaged goes on (no event is lost), and
 * verification still names the damaged event. */
START_TEST(writes_after_tampering_still_name_it)
{
    int events = make_log();
    ip_store *store;
    int64_t bad = 0;
    char sql[128];

    snprintf(sql, sizeof sql, "UPDATE audit_event SET hash = 'not a hash' WHERE seq = %d",
             events);
    raw_sql(th_path("store.db"), sql);
    store = open_at(th_path("store.db"));
    th_unit(store, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0);
    ck_assert_int_gt(th_count("SELECT max(seq) FROM audit_event"), events);
    th_expect(IP_ECORRUPT, ip_audit_verify(&bad, store));
    ck_assert_int_eq(bad, events);
    ip_store_close(store);
}
END_TEST

/* ---- concurrency ------------------------------------------------------- */

/* Two handles on one file, writing in turn: one chain, whole. */
START_TEST(two_handles_form_one_chain)
{
    ip_store *a = th_store(), *b;
    ip_session *cu_a = th_cu_session(a), *cu_b;
    ip_person *p = th_person(cu_a, "1980-01-02", "Ola"), *read = NULL;
    ip_session *analyst;
    int64_t bad = -1, seq_a = 0, seq_b = 0;
    char head_a[IP_AUDIT_HASH_LEN + 1], head_b[IP_AUDIT_HASH_LEN + 1];

    b = open_at(th_path("store.db"));
    cu_b = th_session(b, IP_ROLE_COORDINATING_UNIT, "case-worker-2", th_cu_unit());
    analyst = th_session(b, IP_ROLE_ANALYST, "analyst-1", NULL);
    for (int i = 0; i < 10; i++) {
        th_ok(ip_person_get(&read, i % 2 ? cu_a : cu_b, ip_person_id(p)));
        ip_person_free(read);
        if (i % 3 == 0)
            th_expect(IP_EDENIED, ip_person_get(&read, analyst, ip_person_id(p)));
    }
    /* A host transaction on one handle, then the other writes. */
    th_ok(ip_session_begin(cu_a));
    th_ok(ip_person_get(&read, cu_a, ip_person_id(p)));
    ip_person_free(read);
    th_ok(ip_session_commit(cu_a));
    th_ok(ip_person_get(&read, cu_b, ip_person_id(p)));
    ip_person_free(read);

    th_ok(ip_audit_verify(&bad, a));
    ck_assert_int_eq(bad, 0);
    th_ok(ip_audit_verify(&bad, b));
    th_ok(ip_audit_head(&seq_a, head_a, a));
    th_ok(ip_audit_head(&seq_b, head_b, b));
    ck_assert_int_eq(seq_a, seq_b);
    ck_assert_str_eq(head_a, head_b);
    ck_assert_int_eq(seq_a, th_count("SELECT count(*) FROM audit_event"));
    ck_assert_int_eq(th_count("SELECT count(DISTINCT actor_id) FROM audit_event"
                              " WHERE object_kind = 'person' AND action = 'read'"), 2);
    ip_session_free(analyst);
    ip_session_free(cu_b);
    ip_store_close(b);
    ip_person_free(p);
    th_close(a);
}
END_TEST

/* Denials written again after a host rollback join the chain where it
 * then ends. */
START_TEST(denials_rewritten_after_rollback_keep_the_chain)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_session *analyst = th_session(store, IP_ROLE_ANALYST, "analyst-1", NULL);
    ip_person *p = th_person(cu, "1980-01-02", "Ola"), *read = NULL;

    th_ok(ip_session_begin(cu));
    th_ok(ip_person_get(&read, cu, ip_person_id(p)));
    ip_person_free(read);
    th_expect(IP_EDENIED, ip_person_get(&read, analyst, ip_person_id(p)));
    th_ok(ip_session_begin(cu));
    th_expect(IP_EDENIED, ip_person_get(&read, analyst, ip_person_id(p)));
    th_ok(ip_session_rollback(cu));
    th_ok(ip_person_get(&read, cu, ip_person_id(p)));
    ip_person_free(read);
    th_ok(ip_session_rollback(cu));
    th_ok(ip_audit_verify(NULL, store));
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'"), 2);
    /* And once more, left open when the store closes. */
    th_ok(ip_session_begin(cu));
    th_expect(IP_EDENIED, ip_person_get(&read, analyst, ip_person_id(p)));
    ip_session_free(analyst);
    ip_person_free(p);
    th_close(store);
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'"), 3);
    store = open_at(th_path("store.db"));
    th_ok(ip_audit_verify(NULL, store));
    th_ok(ip_store_check(store));
    ip_store_close(store);
}
END_TEST

/* ---- the person's access log ------------------------------------------- */

/* Every event of the person's access log, freed by free_events. */
typedef struct {
    ip_audit_event *items[256];
    int n;
} events;

static int list_log(events *out, ip_session *s, const char *person)
{
    ip_audit_iterator *it = NULL;
    ip_audit_event *e = NULL;
    int rc = ip_audit_iterator_new(&it, s, person);

    out->n = 0;
    if (rc) {
        ck_assert_ptr_null(it);
        return rc;
    }
    while ((rc = ip_audit_next(&e, it)) == IP_OK) {
        ck_assert_int_lt(out->n, 256);
        out->items[out->n++] = e;
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ck_assert_ptr_null(e);
    ip_audit_iterator_free(it);
    return IP_OK;
}

static void free_events(events *ev)
{
    for (int i = 0; i < ev->n; i++)
        ip_audit_event_free(ev->items[i]);
    ev->n = 0;
}

static ip_session *person_session(ip_store *store, const ip_person *p, ip_role role)
{
    return th_session(store, role, ip_person_id(p), NULL);
}

START_TEST(access_log_lists_reads_and_denials_in_order)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store), *own, *analyst;
    ip_person *p = th_person(cu, "1980-01-02", "Ola");
    ip_person *other = th_person(cu, "1975-03-04", "Per"), *read = NULL;
    const char *id = ip_person_id(p);
    char sql[256];
    events ev;
    int about;

    analyst = th_session(store, IP_ROLE_ANALYST, "analyst-1", NULL);
    th_ok(ip_session_set_purpose(cu, IP_PURPOSE_CARE));
    th_ok(ip_person_get(&read, cu, id));
    ip_person_free(read);
    th_expect(IP_EDENIED, ip_person_get(&read, analyst, id));
    th_ok(ip_person_get(&read, cu, ip_person_id(other))); /* not about p */
    ip_person_free(read);

    snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_event WHERE person_id = '%s'", id);
    about = th_count(sql);
    own = person_session(store, p, IP_ROLE_PERSON);
    th_ok(list_log(&ev, own, id));
    ck_assert_int_eq(ev.n, about);
    ck_assert_int_ge(ev.n, 3);
    for (int i = 1; i < ev.n; i++)
        ck_assert_int_gt(ip_audit_event_seq(ev.items[i]), ip_audit_event_seq(ev.items[i - 1]));
    /* The creation first, the read, then the denial, last. */
    ck_assert_str_eq(ip_audit_event_action(ev.items[0]), "create");
    ck_assert_str_eq(ip_audit_event_object_kind(ev.items[0]), "person");
    ck_assert_str_eq(ip_audit_event_object_id(ev.items[0]), id);
    {
        const ip_audit_event *r = ev.items[ev.n - 2], *d = ev.items[ev.n - 1];

        ck_assert_str_eq(ip_audit_event_action(r), "read");
        ck_assert_str_eq(ip_audit_event_outcome(r), "allowed");
        ck_assert_str_eq(ip_audit_event_actor_id(r), "case-worker-1");
        ck_assert_int_eq(ip_audit_event_role(r), IP_ROLE_COORDINATING_UNIT);
        ck_assert_str_eq(ip_audit_event_unit_id(r), th_cu_unit());
        ck_assert_int_eq(ip_audit_event_purpose(r), IP_PURPOSE_CARE);
        ck_assert_str_eq(ip_audit_event_object_kind(r), "person");
        ck_assert_str_eq(ip_audit_event_rule(r), "coordinating_unit.case_handling");
        ck_assert_uint_eq(strlen(ip_audit_event_at(r)), 24);

        ck_assert_str_eq(ip_audit_event_action(d), "deny");
        ck_assert_str_eq(ip_audit_event_outcome(d), "denied");
        ck_assert_str_eq(ip_audit_event_actor_id(d), "analyst-1");
        ck_assert_int_eq(ip_audit_event_role(d), IP_ROLE_ANALYST);
        ck_assert_ptr_null(ip_audit_event_unit_id(d));
        ck_assert_str_eq(ip_audit_event_rule(d), "analyst.aggregates_only");
    }
    free_events(&ev);

    /* Reading the log is itself an event about the person, listed next. */
    th_ok(list_log(&ev, own, id));
    ck_assert_int_eq(ev.n, about + 1);
    {
        const ip_audit_event *a = ev.items[ev.n - 1];

        ck_assert_str_eq(ip_audit_event_object_kind(a), "audit");
        ck_assert_str_eq(ip_audit_event_action(a), "read");
        ck_assert_str_eq(ip_audit_event_outcome(a), "allowed");
        ck_assert_str_eq(ip_audit_event_actor_id(a), id);
        ck_assert_int_eq(ip_audit_event_role(a), IP_ROLE_PERSON);
        ck_assert_int_eq(ip_audit_event_purpose(a), IP_PURPOSE_OWN_ACCESS);
        ck_assert_str_eq(ip_audit_event_rule(a), "person.own_records");
    }
    free_events(&ev);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_event WHERE person_id = '%s'"
             " AND object_kind = 'audit' AND action = 'read'", id);
    ck_assert_int_eq(th_count(sql), 2);

    /* The coordinating unit reads it too, to hand it over. */
    th_ok(list_log(&ev, cu, id));
    ck_assert_int_eq(ev.n, about + 2);
    free_events(&ev);
    th_ok(ip_audit_verify(NULL, store));

    ip_session_free(own);
    ip_session_free(analyst);
    ip_person_free(p);
    ip_person_free(other);
    th_close(store);
}
END_TEST

START_TEST(access_log_is_the_persons_own)
{
    th_family fam;
    ip_session *child, *parent, *other, *analyst, *provider, *kin, *admin;
    ip_relation_fields rf = IP_RELATION_FIELDS_INIT;
    ip_person *stranger, *kin_person;
    ip_audit_iterator *it = NULL;
    const char *child_id;
    const char *unit;
    events ev;
    char sql[256];

    th_family_open(&fam);
    child_id = ip_person_id(fam.child);
    stranger = th_person(fam.cu, "1970-05-06", "Siv");
    kin_person = th_person(fam.cu, "1990-05-06", "Tor");
    rf.person_id = child_id;
    rf.related_id = ip_person_id(fam.parent);
    rf.kind = IP_RELATION_PARENT;
    rf.valid_from = "2015-06-01";
    th_ok(ip_relation_create(NULL, fam.cu, &rf));
    rf.related_id = ip_person_id(kin_person);
    rf.kind = IP_RELATION_NEXT_OF_KIN;
    th_ok(ip_relation_create(NULL, fam.cu, &rf));
    unit = th_unit(fam.store, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0);

    child = person_session(fam.store, fam.child, IP_ROLE_PERSON);
    parent = person_session(fam.store, fam.parent, IP_ROLE_REPRESENTATIVE);
    other = person_session(fam.store, stranger, IP_ROLE_PERSON);
    kin = person_session(fam.store, kin_person, IP_ROLE_NEXT_OF_KIN);
    analyst = th_session(fam.store, IP_ROLE_ANALYST, "analyst-1", NULL);
    provider = th_session(fam.store, IP_ROLE_PROVIDER, "home-worker", unit);
    admin = th_session(fam.store, IP_ROLE_ADMIN, "it-1", NULL);

    /* The person, a representative, the coordinating unit. */
    th_ok(list_log(&ev, child, child_id));
    free_events(&ev);
    th_ok(list_log(&ev, parent, child_id));
    free_events(&ev);
    th_ok(list_log(&ev, fam.cu, child_id));
    free_events(&ev);

    /* Nobody else: another person, the representative as a person, next of
     * kin, an analyst, a provider, an administrator. */
    th_expect(IP_EDENIED, list_log(&ev, other, child_id));
    th_not_echoed(child_id);
    th_expect(IP_EDENIED, ip_audit_iterator_new(&it, analyst, child_id));
    ck_assert_ptr_null(it);
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "analyst.aggregates_only"));
    th_not_echoed(child_id);
    th_expect(IP_EDENIED, list_log(&ev, kin, child_id));
    th_expect(IP_EDENIED, list_log(&ev, provider, child_id));
    th_expect(IP_EDENIED, list_log(&ev, admin, child_id));
    /* The parent's own log is not the child's to read. */
    th_expect(IP_EDENIED, list_log(&ev, child, ip_person_id(fam.parent)));

    /* Each attempt is in the child's log, as a denial of its log. */
    snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_event WHERE person_id = '%s'"
             " AND object_kind = 'audit' AND outcome = 'denied'", child_id);
    ck_assert_int_eq(th_count(sql), 5);
    th_ok(list_log(&ev, child, child_id));
    {
        int denied = 0, read = 0;

        for (int i = 0; i < ev.n; i++) {
            const ip_audit_event *e = ev.items[i];

            if (strcmp(ip_audit_event_object_kind(e), "audit") != 0)
                continue;
            if (strcmp(ip_audit_event_outcome(e), "denied") == 0) {
                ck_assert_str_eq(ip_audit_event_action(e), "deny");
                denied++;
            } else {
                read++;
            }
        }
        ck_assert_int_eq(denied, 5);
        ck_assert_int_eq(read, 3);
        /* The latest denial was the administrator's. */
        ck_assert_str_eq(ip_audit_event_actor_id(ev.items[ev.n - 1]), "it-1");
        ck_assert_str_eq(ip_audit_event_rule(ev.items[ev.n - 1]), "admin.no_personal_data");
    }
    free_events(&ev);

    ip_session_free(child);
    ip_session_free(parent);
    ip_session_free(other);
    ip_session_free(kin);
    ip_session_free(analyst);
    ip_session_free(provider);
    ip_session_free(admin);
    ip_person_free(stranger);
    ip_person_free(kin_person);
    th_family_close(&fam);
}
END_TEST

START_TEST(access_log_arguments)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *p = th_person(cu, "1980-01-02", "Ola");
    ip_audit_iterator *it = NULL;
    ip_audit_event *e = NULL;
    int before;

    th_expect(IP_EINVALID, ip_audit_iterator_new(NULL, cu, ip_person_id(p)));
    th_expect(IP_EINVALID, ip_audit_iterator_new(&it, NULL, ip_person_id(p)));
    th_expect(IP_EINVALID, ip_audit_iterator_new(&it, cu, NULL));
    th_field("person_id");
    th_expect(IP_EINVALID, ip_audit_iterator_new(&it, cu, "not an id"));
    th_field("person_id");
    before = th_count("SELECT count(*) FROM audit_event");
    th_expect(IP_ENOTFOUND, ip_audit_iterator_new(&it, cu, "01890000-0000-7000-8000-000000000000"));
    th_field("person_id");
    ck_assert_ptr_null(it);
    /* A refused call writes nothing, not even its read event. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event"), before);

    th_expect(IP_EINVALID, ip_audit_next(NULL, it));
    th_expect(IP_EINVALID, ip_audit_next(&e, NULL));
    ck_assert_ptr_null(e);
    ck_assert_int_eq(ip_audit_event_seq(NULL), 0);
    ck_assert_ptr_null(ip_audit_event_at(NULL));
    ck_assert_ptr_null(ip_audit_event_actor_id(NULL));
    ck_assert_int_eq(ip_audit_event_role(NULL), 0);
    ck_assert_ptr_null(ip_audit_event_unit_id(NULL));
    ck_assert_ptr_null(ip_audit_event_action(NULL));
    ck_assert_ptr_null(ip_audit_event_object_kind(NULL));
    ck_assert_ptr_null(ip_audit_event_object_id(NULL));
    ck_assert_int_eq(ip_audit_event_purpose(NULL), 0);
    ck_assert_ptr_null(ip_audit_event_outcome(NULL));
    ck_assert_ptr_null(ip_audit_event_rule(NULL));
    ip_audit_iterator_free(NULL);
    ip_audit_event_free(NULL);

    /* An iterator freed before its events are taken frees them. */
    th_ok(ip_audit_iterator_new(&it, cu, ip_person_id(p)));
    th_ok(ip_audit_next(&e, it));
    ip_audit_event_free(e);
    ip_audit_iterator_free(it);

    /* A read-only store cannot record the read, so it is refused. */
    ip_person_free(p);
    th_close(store);
    {
        ip_store_options opts = th_store_options(IP_STORE_READONLY);
        ip_session *ro_cu;

        th_ok(ip_store_open(&store, th_path("store.db"), &opts));
        ro_cu = th_session(store, IP_ROLE_COORDINATING_UNIT, "case-worker-1", th_cu_unit());
        th_expect(IP_EREADONLY, ip_audit_iterator_new(&it, ro_cu, "01890000-0000-7000-8000-000000000000"));
        ip_session_free(ro_cu);
        ip_store_close(store);
    }
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("audit");
    TCase *chain = tcase_create("chain");
    TCase *tamper = tcase_create("tamper");
    TCase *log = tcase_create("access_log");

    tcase_add_checked_fixture(chain, th_setup, th_teardown);
    tcase_add_test(chain, untouched_store_verifies);
    tcase_add_test(chain, empty_log_verifies);
    tcase_add_test(chain, chain_format_is_stable);
    tcase_add_test(chain, two_handles_form_one_chain);
    tcase_add_test(chain, denials_rewritten_after_rollback_keep_the_chain);
    suite_add_tcase(s, chain);

    tcase_add_checked_fixture(tamper, th_setup, th_teardown);
    tcase_add_test(tamper, changed_event_is_named);
    tcase_add_test(tamper, removed_event_is_named);
    tcase_add_test(tamper, inserted_event_is_named);
    tcase_add_test(tamper, reordered_event_is_named);
    tcase_add_test(tamper, store_check_includes_the_chain);
    tcase_add_test(tamper, writes_after_tampering_still_name_it);
    suite_add_tcase(s, tamper);

    tcase_add_checked_fixture(log, th_setup, th_teardown);
    tcase_add_test(log, access_log_lists_reads_and_denials_in_order);
    tcase_add_test(log, access_log_is_the_persons_own);
    tcase_add_test(log, access_log_arguments);
    suite_add_tcase(s, log);
    return s;
}

TH_MAIN()
