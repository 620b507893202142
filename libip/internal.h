/*
 * What the module layer shares: the store and session structs, the clock,
 * ids, and the one call path every public call that touches personal data
 * follows (open → authorize → rules and write → audit → commit).
 */
#ifndef IP_INTERNAL_H
#define IP_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "ip/ip.h"
#include "alloc.h"
#include "error.h"
#include "names.h"
#include "records.h"
#include "store/db.h"
#include "text.h"

#define IP__ID_LEN 36
#define IP__ACTOR_ID_MAX 128

typedef struct ip__denial ip__denial;

struct ip_store {
    ip__db *db;
    /* Denials written inside host transactions (audit.c). */
    ip__denial *denials;
    size_t denial_count, denial_cap;
    ip_clock_fn clock;
    void *clock_payload;
    /* Time-ordered ids: the last millisecond used and a counter within it,
     * so ids made in the same millisecond still sort in creation order. */
    int64_t id_ms;
    uint32_t id_seq;
};

struct ip_session {
    ip_store *store;
    char *actor_id;
    ip_role role;
    char *unit_id;
    ip_purpose purpose;
    int host_depth; /* transactions the host opened through this session */
};

/* Milliseconds since the epoch from the store's clock. */
int64_t ip__now_ms(const ip_store *store);
/* Today (UTC) as YYYY-MM-DD and now as an instant, from the store's clock. */
void ip__today(const ip_store *store, char out[IP__DATE_LEN + 1]);
void ip__now_instant(const ip_store *store, char out[25]);

/* A new time-ordered UUID (version 7) in out[37]. */
int ip__id_new(ip_store *store, char out[IP__ID_LEN + 1]);
/* IP_OK when s looks like a libip id (36 chars, UUID layout, lowercase). */
int ip__id_check(const char *field, const char *s);

/* Fills a new record's meta: fresh id, revision 1, created = updated = now.
 * Allocates the strings; ip__record_clear frees them. */
int ip__meta_init(ip_store *store, ip__meta *meta);
/* Sets updated_at to now before an update. */
int ip__meta_touch(ip_store *store, ip__meta *meta);

/* The checks every fields/options struct gets. Fields are only appended,
 * so every version up to the current one is understood: a program built
 * against older headers keeps working. */
#define IP__CHECK_VERSION(ptr, expected, field)                                \
    do {                                                                       \
        if (!(ptr))                                                            \
            return ip__error_null(field);                                      \
        if ((ptr)->version < 1 || (ptr)->version > (expected))                 \
            return ip__error_set(IP_EINVALID, field ".version",                \
                                 "unknown version %u", (ptr)->version);        \
    } while (0)

/* Defines the FFI initializer of a versioned fields struct. */
#define IP__FIELDS_INIT(fn, type, initializer, current)                        \
    int fn(type *fields, unsigned int version)                                 \
    {                                                                          \
        type defaults = initializer;                                           \
        if (!fields)                                                           \
            return ip__error_null("fields");                                   \
        if (version != (current))                                              \
            return ip__error_set(IP_EINVALID, "fields.version",                \
                                 "unknown version %u", version);               \
        *fields = defaults;                                                    \
        return IP_OK;                                                          \
    }

/* What a call does, to whom: the input of authorization and audit. */
typedef enum {
    IP__ACT_CREATE = 1,
    IP__ACT_READ,
    IP__ACT_UPDATE,
    IP__ACT_EXPORT
} ip__action;

typedef enum {
    IP__OBJ_STORE = 1,
    IP__OBJ_UNIT,
    IP__OBJ_PRACTITIONER,
    IP__OBJ_PERSON,
    IP__OBJ_RELATION,
    IP__OBJ_APPLICATION,
    IP__OBJ_PLAN,
    IP__OBJ_PARTICIPANT,
    IP__OBJ_GOAL,
    IP__OBJ_MEASURE,
    IP__OBJ_MEETING,
    IP__OBJ_EVALUATION,
    IP__OBJ_REVISION,
    IP__OBJ_CONSENT,
    IP__OBJ_AUDIT,
    IP__OBJ_OUTBOX,
    IP__OBJ_COORDINATOR,
    IP__OBJ_COMPLAINT,
    IP__OBJ_DUE,
    IP__OBJ_SETTING
} ip__object;

typedef struct {
    ip__action action;
    ip__object object;
    const char *object_id; /* NULL until known (creation) */
    const char *person_id; /* the person the data is about, if any */
    const char *rule;      /* set by ip__authorize: which rule decided */
    const char *plan_id;   /* the plan a content record belongs to */
    const char *unit_id;   /* the unit responsible for the record (measures) */
} ip__op;

/* Opens the call's transaction (a savepoint inside a host transaction).
 * Refuses read-only stores: every call here writes at least its audit
 * event. */
int ip__call_open(ip_session *s);

/* Decides whether the session's actor may do op (deny by default). On
 * IP_EDENIED the message names the rule, never personal data. */
int ip__authorize(ip_session *s, ip__op *op);

/* Ends the call opened by ip__call_open. rc == IP_OK: appends the audit
 * event and commits. rc == IP_EDENIED: rolls the call back, then records
 * the denial in an audit event of its own. Otherwise rolls back. Returns rc,
 * or the error that ending the call met. The last error is kept. */
int ip__call_close(ip_session *s, ip__op *op, int rc);

/* Audit: appends one event for op with outcome "allowed" or "denied". */
int ip__audit_append(ip_session *s, const ip__op *op, bool allowed);

/* Records a denial in a transaction level of its own, and remembers it
 * when that level sits inside a host transaction, so that the host's
 * rollback cannot remove it. */
int ip__audit_deny(ip_session *s, const ip__op *op);
/* Tell audit that transaction level (the depth before the call) was
 * committed or rolled back; a rollback writes the remembered denials it
 * undid again. */
void ip__audit_committed(ip_store *store, int level);
int ip__audit_rolled_back(ip_store *store, int level);
/* Frees what audit remembers (store close). */
void ip__audit_forget(ip_store *store);

/* Facts the access decision needs (access.c, over store/queries.c). */
int ip__fact_coordinates_person(ip_store *store, const char *practitioner_id,
                                const char *person_id, bool *out);
int ip__fact_is_representative(ip_store *store, const char *actor_person_id,
                               const char *person_id, const char *on,
                               bool *out);

/* Getters: NULL-safe accessors of a record's fields. */
#define IP__GETTER(type, name, rtype, expr)                                    \
    rtype type##_##name(const struct type *r) { return r ? (rtype)(expr) : 0; }
#define IP__GET_META(type)                                                     \
    IP__GETTER(type, id, const char *, r->meta.id)                             \
    IP__GETTER(type, revision, int64_t, r->meta.revision)
#define IP__GET_TEXT(type, field) IP__GETTER(type, field, const char *, r->field)

#endif
