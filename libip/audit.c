/*
 * Audit events: one per call that reads or changes personal data (or
 * store-wide data), allowed or denied, appended in the call's own
 * transaction so that a change and its event stand or fall together.
 *
 * The events form a hash chain (include/ip/audit.h): each row stores the
 * hash of the row before it and its own, the SHA-256 of a canonical
 * serialization of prev_hash and its fields. A writer reads the head of the
 * chain inside its transaction, which holds the write lock (BEGIN
 * IMMEDIATE), so handles writing one after another still form one chain.
 * Also here: the chain's verification and the person's access log.
 */
#include "record_call.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hash.h"
#include "store/audit_queries.h"
#include "store/queries.h"

static const ip__name action_names[] = {
    {IP__ACT_CREATE, "create"},
    {IP__ACT_READ, "read"},
    {IP__ACT_UPDATE, "update"},
    {IP__ACT_EXPORT, "export"},
    {0, NULL},
};

static const ip__name object_names[] = {
    {IP__OBJ_STORE, "store"},
    {IP__OBJ_UNIT, "unit"},
    {IP__OBJ_PRACTITIONER, "practitioner"},
    {IP__OBJ_PERSON, "person"},
    {IP__OBJ_RELATION, "relation"},
    {IP__OBJ_APPLICATION, "application"},
    {IP__OBJ_PLAN, "plan"},
    {IP__OBJ_PARTICIPANT, "participant"},
    {IP__OBJ_GOAL, "goal"},
    {IP__OBJ_MEASURE, "measure"},
    {IP__OBJ_MEETING, "meeting"},
    {IP__OBJ_EVALUATION, "evaluation"},
    {IP__OBJ_REVISION, "revision"},
    {IP__OBJ_CONSENT, "consent"},
    {IP__OBJ_AUDIT, "audit"},
    {IP__OBJ_OUTBOX, "outbox"},
    {IP__OBJ_COORDINATOR, "coordinator_assignment"},
    {IP__OBJ_COMPLAINT, "complaint"},
    {IP__OBJ_DUE, "due"},
    {IP__OBJ_SETTING, "setting"},
    {0, NULL},
};

/* One audit event's fields, before it is chained (row_write). */
typedef struct {
    char at[25];
    const char *actor_id;
    int64_t role;
    const char *unit_id;
    const char *action;
    const char *object_kind;
    const char *object_id;
    const char *person_id;
    int64_t purpose;
    const char *outcome;
    const char *rule;
} audit_row;

static void row_from(ip_session *s, const ip__op *op, bool allowed, audit_row *row)
{
    ip__now_instant(s->store, row->at);
    row->actor_id = s->actor_id;
    row->role = s->role;
    row->unit_id = s->unit_id;
    /* A denied call is recorded as "deny" whatever it attempted. */
    row->action = allowed ? ip__name_of(action_names, (int)op->action) : "deny";
    row->object_kind = ip__name_of(object_names, (int)op->object);
    row->object_id = op->object_id;
    row->person_id = op->person_id;
    row->purpose = s->purpose;
    row->outcome = allowed ? "allowed" : "denied";
    row->rule = op->rule ? op->rule : "default.deny";
}

/* ---- the hash chain ---------------------------------------------------- */

/* The prev_hash of the first event. */
static const char genesis[IP__SHA256_HEX_LEN + 1] =
    "0000000000000000000000000000000000000000000000000000000000000000";

/*
 * The bytes an event's hash covers: a fixed tag, then prev_hash and the
 * event's fields in column order, each as a type byte and, for a value,
 * its length and bytes:
 *   NULL     'N'
 *   integer  'I' + 8 bytes, big-endian two's complement
 *   text     'T' + 8-byte big-endian length + the UTF-8 bytes
 *   other    'X' + 8-byte big-endian length + the bytes (REAL or BLOB,
 *            which libip never writes: only a tampered row has them)
 * Every value says how long it is, so no two different rows serialize
 * alike, and NULL differs from "" and from the integer 0.
 */
static const char chain_tag[] = "libip audit_event v1";

typedef struct {
    unsigned char *data;
    size_t len, cap;
    unsigned char small[512]; /* most events fit without an allocation */
    bool failed;
} ser_buf;

static void ser_init(ser_buf *b)
{
    b->data = b->small;
    b->len = 0;
    b->cap = sizeof b->small;
    b->failed = false;
}

static void ser_free(ser_buf *b)
{
    if (b->data != b->small)
        ip_free(b->data);
    ser_init(b);
}

static void ser_put(ser_buf *b, const void *bytes, size_t n)
{
    if (b->failed)
        return;
    if (n > b->cap - b->len) {
        size_t cap = b->cap * 2;
        unsigned char *grown;

        while (cap - b->len < n)
            cap *= 2;
        grown = ip__malloc(cap);
        if (!grown) {
            b->failed = true;
            return;
        }
        memcpy(grown, b->data, b->len);
        if (b->data != b->small)
            ip_free(b->data);
        b->data = grown;
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, bytes, n);
    b->len += n;
}

static void ser_u64(ser_buf *b, uint64_t v)
{
    unsigned char be[8];

    for (int i = 7; i >= 0; i--) {
        be[i] = (unsigned char)(v & 0xff);
        v >>= 8;
    }
    ser_put(b, be, sizeof be);
}

static void ser_value(ser_buf *b, const ip__audit_value *v)
{
    static const unsigned char tags[] = {
        [IP__AUDIT_NULL] = 'N', [IP__AUDIT_INT] = 'I',
        [IP__AUDIT_TEXT] = 'T', [IP__AUDIT_OTHER] = 'X',
    };

    ser_put(b, &tags[v->type], 1);
    if (v->type == IP__AUDIT_INT) {
        ser_u64(b, (uint64_t)v->integer);
    } else if (v->type != IP__AUDIT_NULL) {
        ser_u64(b, (uint64_t)v->len);
        ser_put(b, v->text, v->len);
    }
}

/* The hash of row's fields chained to prev (a stored prev_hash value). */
static int chain_hash(ser_buf *b, const ip__audit_value *prev,
                      const ip__audit_row *row, char out[IP__SHA256_HEX_LEN + 1])
{
    b->len = 0;
    ser_put(b, chain_tag, sizeof chain_tag); /* with its NUL */
    ser_value(b, prev);
    for (int i = 0; i < IP__AUDIT_FIELDS; i++)
        ser_value(b, &row->col[i]);
    if (b->failed) {
        b->failed = false;
        return ip__error_nomem();
    }
    return ip__sha256_hex(b->data, b->len, out);
}

static ip__audit_value value_text(const char *s)
{
    /* The store keeps "" as NULL (store/ops.c), so the hash does too. */
    if (!s || !*s)
        return (ip__audit_value){IP__AUDIT_NULL, 0, NULL, 0};
    return (ip__audit_value){IP__AUDIT_TEXT, 0, s, strlen(s)};
}

static ip__audit_value value_int(int64_t i)
{
    return (ip__audit_value){IP__AUDIT_INT, i, NULL, 0};
}

static bool value_is_hash(const ip__audit_value *v)
{
    return v->type == IP__AUDIT_TEXT && v->len == IP__SHA256_HEX_LEN;
}

static bool value_equals(const ip__audit_value *v, const char *hash)
{
    return value_is_hash(v) && memcmp(v->text, hash, IP__SHA256_HEX_LEN) == 0;
}

/* The head of the chain: the last seq (0 when empty) and its hash. */
typedef struct {
    int64_t seq;
    char hash[IP__SHA256_HEX_LEN + 1];
    bool hash_ok; /* false when the stored hash is not one */
} chain_head;

static int head_row(void *payload, const ip__audit_row *row)
{
    chain_head *h = payload;
    const ip__audit_value *hash = &row->col[IP__AUDIT_HASH];

    h->seq = row->col[IP__AUDIT_SEQ].integer;
    h->hash_ok = value_is_hash(hash);
    if (h->hash_ok) {
        memcpy(h->hash, hash->text, IP__SHA256_HEX_LEN);
        h->hash[IP__SHA256_HEX_LEN] = '\0';
    } else {
        h->hash[0] = '\0';
    }
    return IP__AUDIT_STOP;
}

static int head_read(ip__db *db, chain_head *h)
{
    h->seq = 0;
    memcpy(h->hash, genesis, sizeof genesis);
    h->hash_ok = true;
    return ip__audit_rows(db, &ip__q_audit_head, NULL, 0, head_row, h);
}

/* Appends row at the head of the chain. Runs inside a transaction, whose
 * write lock keeps the head from moving between the read and the insert. */
static int row_write(ip__db *db, const audit_row *row)
{
    chain_head head;
    ip__audit_row r;
    ser_buf buf;
    char hash[IP__SHA256_HEX_LEN + 1];
    int rc = head_read(db, &head);

    if (rc)
        return rc;
    if (head.seq == INT64_MAX)
        return ip__error_set(IP_ECORRUPT, "audit_event", "the audit log's numbering is exhausted");
    /* A damaged head (not a hash) is chained from as from an empty log;
     * ip_audit_verify() reports the damage where it is. */
    if (!head.hash_ok)
        memcpy(head.hash, genesis, sizeof genesis);
    r.col[IP__AUDIT_SEQ] = value_int(head.seq + 1);
    r.col[IP__AUDIT_AT] = value_text(row->at);
    r.col[IP__AUDIT_ACTOR_ID] = value_text(row->actor_id);
    r.col[IP__AUDIT_ROLE] = value_int(row->role);
    r.col[IP__AUDIT_UNIT_ID] = value_text(row->unit_id);
    r.col[IP__AUDIT_ACTION] = value_text(row->action);
    r.col[IP__AUDIT_OBJECT_KIND] = value_text(row->object_kind);
    r.col[IP__AUDIT_OBJECT_ID] = value_text(row->object_id);
    r.col[IP__AUDIT_PERSON_ID] = value_text(row->person_id);
    r.col[IP__AUDIT_PURPOSE] = value_int(row->purpose);
    r.col[IP__AUDIT_OUTCOME] = value_text(row->outcome);
    r.col[IP__AUDIT_RULE] = value_text(row->rule);
    r.col[IP__AUDIT_PREV_HASH] = value_text(head.hash);
    ser_init(&buf);
    rc = chain_hash(&buf, &r.col[IP__AUDIT_PREV_HASH], &r, hash);
    ser_free(&buf);
    if (rc)
        return rc;
    {
        ip__arg args[] = {
            IP__INT(head.seq + 1),    IP__TEXT(row->at),        IP__TEXT(row->actor_id),
            IP__INT(row->role),       IP__TEXT(row->unit_id),   IP__TEXT(row->action),
            IP__TEXT(row->object_kind), IP__TEXT(row->object_id), IP__TEXT(row->person_id),
            IP__INT(row->purpose),    IP__TEXT(row->outcome),   IP__TEXT(row->rule),
            IP__TEXT(head.hash),      IP__TEXT(hash),
        };

        return ip__db_exec(db, &ip__q_audit_insert, args, sizeof args / sizeof args[0], NULL);
    }
}

int ip__audit_append(ip_session *s, const ip__op *op, bool allowed)
{
    audit_row row;

    row_from(s, op, allowed, &row);
    return row_write(s->store->db, &row);
}

/*
 * A denial inside a host transaction is written in that transaction, and
 * the host may roll it back. The store keeps a copy of each such event
 * with the depth it was written at; a rollback that undoes it writes it
 * again at the level that remains, so a denied call always leaves its
 * event, whatever the host does with its transaction.
 */
struct ip__denial {
    audit_row row;
    char *copies[4]; /* the row's strings that are not static */
    int depth;
};

static void denial_free(ip__denial *d)
{
    for (int i = 0; i < 4; i++)
        ip_free(d->copies[i]);
}

static int denial_keep(ip_store *store, const audit_row *row, int depth)
{
    ip__denial *d;
    bool failed = false;

    if (store->denial_count == store->denial_cap) {
        size_t cap = store->denial_cap ? store->denial_cap * 2 : 4;
        ip__denial *grown = ip__realloc(store->denials, cap * sizeof *grown);
        if (!grown)
            return IP_ENOMEM;
        store->denials = grown;
        store->denial_cap = cap;
    }
    d = &store->denials[store->denial_count];
    memset(d, 0, sizeof *d);
    d->row = *row;
    ip__set_text(&d->copies[0], row->actor_id, &failed);
    ip__set_text(&d->copies[1], row->unit_id, &failed);
    ip__set_text(&d->copies[2], row->object_id, &failed);
    ip__set_text(&d->copies[3], row->person_id, &failed);
    if (failed) {
        denial_free(d);
        return ip__error_nomem();
    }
    d->row.actor_id = d->copies[0];
    d->row.unit_id = d->copies[1];
    d->row.object_id = d->copies[2];
    d->row.person_id = d->copies[3];
    d->depth = depth;
    store->denial_count++;
    return IP_OK;
}

int ip__audit_deny(ip_session *s, const ip__op *op)
{
    ip__db *db = s->store->db;
    audit_row row;
    int rc;

    row_from(s, op, false, &row);
    rc = ip__db_begin(db);
    if (rc)
        return rc;
    rc = row_write(db, &row);
    if (rc == IP_OK && ip__db_depth(db) > 1)
        rc = denial_keep(s->store, &row, ip__db_depth(db) - 1);
    if (rc) {
        ip__db_rollback(db);
        return rc;
    }
    return ip__db_commit(db);
}

/* Drops the kept denials that are now durable (their level is 0). */
static void forget_durable(ip_store *store)
{
    size_t kept = 0;

    for (size_t i = 0; i < store->denial_count; i++) {
        if (store->denials[i].depth == 0)
            denial_free(&store->denials[i]);
        else
            store->denials[kept++] = store->denials[i];
    }
    store->denial_count = kept;
}

void ip__audit_committed(ip_store *store, int level)
{
    for (size_t i = 0; i < store->denial_count; i++) {
        if (store->denials[i].depth >= level)
            store->denials[i].depth = level - 1;
    }
    forget_durable(store);
}

int ip__audit_rolled_back(ip_store *store, int level)
{
    ip__db *db = store->db;
    bool own = ip__db_depth(db) == 0; /* the outermost level was undone */
    bool any = false;
    int rc = IP_OK;

    for (size_t i = 0; i < store->denial_count; i++)
        any = any || store->denials[i].depth >= level;
    if (!any)
        return IP_OK;
    if (own)
        rc = ip__db_begin(db);
    for (size_t i = 0; rc == IP_OK && i < store->denial_count; i++) {
        if (store->denials[i].depth < level)
            continue;
        rc = row_write(db, &store->denials[i].row);
        store->denials[i].depth = level - 1;
    }
    if (own && rc == IP_OK)
        rc = ip__db_commit(db);
    else if (own)
        ip__db_rollback(db);
    forget_durable(store);
    return rc;
}

void ip__audit_forget(ip_store *store)
{
    for (size_t i = 0; i < store->denial_count; i++)
        denial_free(&store->denials[i]);
    ip_free(store->denials);
    store->denials = NULL;
    store->denial_count = store->denial_cap = 0;
}

/* ---- verification ------------------------------------------------------ */

/* What the walk found at the first bad event, when it needs to see the
 * event after it to say what happened. */
typedef enum {
    PENDING_NONE,
    PENDING_HASH, /* links to the event before it, but its hash is wrong */
    PENDING_LINK  /* does not link to the event before it */
} pending_kind;

typedef struct {
    ip__db *db;
    ser_buf buf;
    int64_t expect;                  /* the seq the next event must have */
    char good[IP__SHA256_HEX_LEN + 1]; /* the hash of the last good event */
    pending_kind pending;
    int64_t bad_seq;                 /* 0 while the chain holds */
    char bad_hash[IP__SHA256_HEX_LEN + 1]; /* the pending event's stored hash */
    bool bad_hash_ok;
    int code;                        /* IP_ECORRUPT once an error is set */
} verify_state;

static int corrupt(verify_state *v, int64_t seq, const char *fmt, ...) IP__PRINTF(3, 4);

/* Records the verdict: IP_ECORRUPT naming audit_event, the walk stops. */
static int corrupt(verify_state *v, int64_t seq, const char *fmt, ...)
{
    char what[200];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    v->bad_seq = seq;
    v->pending = PENDING_NONE;
    v->code = ip__error_set(IP_ECORRUPT, "audit_event", "event %lld %s", (long long)seq,
                            what);
    return IP__AUDIT_STOP;
}

/* Says what the pending bad event is, seeing the event after it (next is
 * NULL at the end of the log). */
static int settle(verify_state *v, const ip__audit_row *next)
{
    const ip__audit_value *next_prev = next ? &next->col[IP__AUDIT_PREV_HASH] : NULL;
    bool next_skips = next_prev && value_equals(next_prev, v->good);

    if (v->pending == PENDING_HASH) {
        if (next_skips)
            return corrupt(v, v->bad_seq,
                           "was inserted: the event after it links to the one before it");
        return corrupt(v, v->bad_seq, "was changed: its hash does not match its contents");
    }
    if (next_skips)
        return corrupt(v, v->bad_seq,
                       "was inserted: it does not link to the event before it, "
                       "and the event after it does");
    if (next)
        return corrupt(v, v->bad_seq,
                       "does not link to the event before it: events before it were "
                       "removed and the rest renumbered");
    return corrupt(v, v->bad_seq,
                   "does not link to the event before it: events before it were "
                   "removed, or it was inserted");
}

static int exists_elsewhere(verify_state *v, const ip__audit_value *hash, int64_t seq,
                            bool *out)
{
    char text[IP__SHA256_HEX_LEN + 1];
    ip__arg args[2];
    int64_t found = 0;
    int rc;

    *out = false;
    if (!value_is_hash(hash))
        return IP_OK;
    memcpy(text, hash->text, IP__SHA256_HEX_LEN);
    text[IP__SHA256_HEX_LEN] = '\0';
    args[0] = IP__TEXT(text);
    args[1] = IP__INT(seq);
    rc = ip__db_scalar(v->db, &ip__q_audit_hash_elsewhere, args, 2, &found);
    *out = found != 0;
    return rc;
}

/* An event that does not link to the good one before it: say at once what
 * can be said from it alone, else wait for the event after it. */
static int link_broken(verify_state *v, const ip__audit_row *row, int64_t seq)
{
    const ip__audit_value good = value_text(v->good);
    char rehash[IP__SHA256_HEX_LEN + 1];
    bool copy = false, moved = false;
    int rc = chain_hash(&v->buf, &good, row, rehash);

    /* Its contents hash right when chained to the event before it: only
     * the stored link was altered. */
    if (rc == IP_OK && value_equals(&row->col[IP__AUDIT_HASH], rehash))
        return corrupt(v, seq, "was changed: its link to the event before it was altered");
    /* Its hash is another event's: a copy of that event. */
    if (rc == IP_OK)
        rc = exists_elsewhere(v, &row->col[IP__AUDIT_HASH], seq, &copy);
    if (rc == IP_OK && copy)
        return corrupt(v, seq, "was inserted: it repeats another event");
    /* It links to another event of the log: it was moved. */
    if (rc == IP_OK)
        rc = exists_elsewhere(v, &row->col[IP__AUDIT_PREV_HASH], -1, &moved);
    if (rc == IP_OK && moved)
        return corrupt(v, seq, "was reordered: it links to another event than the one before it");
    if (rc)
        return v->code = rc;
    v->pending = PENDING_LINK;
    v->bad_seq = seq;
    return IP_OK;
}

static int verify_row(void *payload, const ip__audit_row *row)
{
    verify_state *v = payload;
    const ip__audit_value *stored = &row->col[IP__AUDIT_HASH];
    int64_t seq = row->col[IP__AUDIT_SEQ].integer;
    char computed[IP__SHA256_HEX_LEN + 1];
    int rc;

    if (v->pending != PENDING_NONE)
        return settle(v, row);
    if (seq > v->expect) {
        if (v->expect == 1)
            return corrupt(v, v->expect, "was removed: the log starts at event %lld",
                           (long long)seq);
        return corrupt(v, v->expect, "was removed: the log goes from event %lld to %lld",
                       (long long)(v->expect - 1), (long long)seq);
    }
    if (seq < v->expect) /* only a first event numbered 0 or below */
        return corrupt(v, seq, "was inserted: events are numbered from 1");
    if (!value_equals(&row->col[IP__AUDIT_PREV_HASH], v->good))
        return link_broken(v, row, seq);
    rc = chain_hash(&v->buf, &row->col[IP__AUDIT_PREV_HASH], row, computed);
    if (rc)
        return v->code = rc;
    if (!value_equals(stored, computed)) {
        v->pending = PENDING_HASH;
        v->bad_seq = seq;
        return IP_OK;
    }
    memcpy(v->good, computed, sizeof computed);
    v->expect++;
    return IP_OK;
}

int ip_audit_verify(int64_t *first_bad_seq_out, ip_store *store)
{
    verify_state v;
    int rc;

    if (first_bad_seq_out)
        *first_bad_seq_out = 0;
    if (!store)
        return ip__error_null("store");
    memset(&v, 0, sizeof v);
    v.db = store->db;
    ser_init(&v.buf);
    v.expect = 1;
    memcpy(v.good, genesis, sizeof genesis);
    rc = ip__audit_rows(store->db, &ip__q_audit_all, NULL, 0, verify_row, &v);
    if (rc == IP_OK && v.code == IP_OK && v.pending != PENDING_NONE)
        settle(&v, NULL);
    ser_free(&v.buf);
    if (rc == IP_OK)
        rc = v.code;
    if (rc == IP_ECORRUPT && first_bad_seq_out)
        *first_bad_seq_out = v.bad_seq;
    return rc;
}

int ip_audit_head(int64_t *seq_out, char *hash_out, ip_store *store)
{
    chain_head head;
    int rc;

    if (seq_out)
        *seq_out = 0;
    if (hash_out)
        hash_out[0] = '\0';
    if (!store)
        return ip__error_null("store");
    rc = head_read(store->db, &head);
    if (rc)
        return rc;
    if (seq_out)
        *seq_out = head.seq;
    if (hash_out)
        memcpy(hash_out, head.hash, sizeof head.hash);
    return IP_OK;
}

/* ---- the person's access log ------------------------------------------- */

struct ip_audit_event {
    int64_t seq;
    char *at;
    char *actor_id;
    int64_t role;
    char *unit_id;
    char *action;
    char *object_kind;
    char *object_id;
    int64_t purpose;
    char *outcome;
    char *rule;
};

struct ip_audit_iterator {
    ip_audit_event **items;
    size_t count, cap, next;
};

IP__GETTER(ip_audit_event, seq, int64_t, r->seq)
IP__GET_TEXT(ip_audit_event, at)
IP__GET_TEXT(ip_audit_event, actor_id)
IP__GETTER(ip_audit_event, role, ip_role, r->role)
IP__GET_TEXT(ip_audit_event, unit_id)
IP__GET_TEXT(ip_audit_event, action)
IP__GET_TEXT(ip_audit_event, object_kind)
IP__GET_TEXT(ip_audit_event, object_id)
IP__GETTER(ip_audit_event, purpose, ip_purpose, r->purpose)
IP__GET_TEXT(ip_audit_event, outcome)
IP__GET_TEXT(ip_audit_event, rule)

void ip_audit_event_free(ip_audit_event *e)
{
    if (!e)
        return;
    ip_free(e->at);
    ip_free(e->actor_id);
    ip_free(e->unit_id);
    ip_free(e->action);
    ip_free(e->object_kind);
    ip_free(e->object_id);
    ip_free(e->outcome);
    ip_free(e->rule);
    ip_free(e);
}

void ip_audit_iterator_free(ip_audit_iterator *it)
{
    if (!it)
        return;
    for (size_t i = it->next; i < it->count; i++)
        ip_audit_event_free(it->items[i]);
    ip_free(it->items);
    ip_free(it);
}

int ip_audit_next(ip_audit_event **out, ip_audit_iterator *it)
{
    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!it)
        return ip__error_null("iterator");
    if (it->next >= it->count)
        return IP_ITEROVER;
    *out = it->items[it->next];
    it->items[it->next++] = NULL;
    return IP_OK;
}

/* A copy of a stored text value; NULL for NULL (or a value of another
 * type, which only a damaged log holds). */
static char *text_copy(const ip__audit_value *v, bool *failed)
{
    char *copy;

    if (v->type != IP__AUDIT_TEXT)
        return NULL;
    copy = ip__strndup(v->text, v->len);
    if (!copy)
        *failed = true;
    return copy;
}

static int collect_row(void *payload, const ip__audit_row *row)
{
    ip_audit_iterator *it = payload;
    ip_audit_event *e;
    bool failed = false;

    if (it->count == it->cap) {
        size_t cap = it->cap ? it->cap * 2 : 16;
        ip_audit_event **grown = ip__realloc(it->items, cap * sizeof *grown);

        if (!grown)
            return IP_ENOMEM;
        it->items = grown;
        it->cap = cap;
    }
    e = ip__calloc(1, sizeof *e);
    if (!e)
        return IP_ENOMEM;
    e->seq = row->col[IP__AUDIT_SEQ].integer;
    e->at = text_copy(&row->col[IP__AUDIT_AT], &failed);
    e->actor_id = text_copy(&row->col[IP__AUDIT_ACTOR_ID], &failed);
    e->role = row->col[IP__AUDIT_ROLE].integer;
    e->unit_id = text_copy(&row->col[IP__AUDIT_UNIT_ID], &failed);
    e->action = text_copy(&row->col[IP__AUDIT_ACTION], &failed);
    e->object_kind = text_copy(&row->col[IP__AUDIT_OBJECT_KIND], &failed);
    e->object_id = text_copy(&row->col[IP__AUDIT_OBJECT_ID], &failed);
    e->purpose = row->col[IP__AUDIT_PURPOSE].integer;
    e->outcome = text_copy(&row->col[IP__AUDIT_OUTCOME], &failed);
    e->rule = text_copy(&row->col[IP__AUDIT_RULE], &failed);
    if (failed) {
        ip_audit_event_free(e);
        return IP_ENOMEM;
    }
    it->items[it->count++] = e;
    return IP_OK;
}

int ip_audit_iterator_new(ip_audit_iterator **out, ip_session *s, const char *person_id)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_AUDIT, NULL, person_id, NULL, NULL, NULL};
    ip_audit_iterator *it;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("person_id", person_id);
    if (rc)
        return rc;
    it = ip__calloc(1, sizeof *it);
    if (!it)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        ip_free(it);
        return rc;
    }
    /* The log is about the person: the person, a representative and the
     * coordinating unit read it (access.c decides, as for the person's own
     * records), then the person must exist. */
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__require(s->store, &ip__q_person_exists, person_id, IP_ENOTFOUND,
                         "person_id", "no person with that id");
    if (rc == IP_OK)
        rc = ip__audit_rows(s->store->db, &ip__q_audit_of_person,
                            (ip__arg[]){IP__TEXT(person_id)}, 1, collect_row, it);
    /* The read event is appended after the listing: the next one shows it. */
    rc = ip__call_close(s, &op, rc);
    if (rc) {
        ip_audit_iterator_free(it);
        return rc;
    }
    *out = it;
    return IP_OK;
}
