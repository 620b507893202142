/*
 * The generic calls on records: create, read, change, list. A module
 * describes its record kind once (an ip__kind) and its public functions
 * become thin wrappers, so every kind follows the same path: check
 * arguments → open the call → authorize → the module's rules → write →
 * audit → commit, and frees what it took on every path.
 */
#ifndef IP_INTERNAL_RECORD_CALL_H
#define IP_INTERNAL_RECORD_CALL_H

#include "internal.h"

typedef struct ip__kind {
    const ip__table *table;
    ip__object object;
    const char *id_field; /* e.g. "unit.id": the field an unknown id names */
    /* Fills op->person_id (and plan_id, unit_id where they apply) from the
     * record; NULL for master data. Master data is authorized before it is
     * read; personal data after, since the record says whose it is. */
    void (*scope)(const void *record, ip__op *op);
    /* Fills columns derived from other records (a content record's person
     * from its plan) before a new record is authorized. May be NULL. */
    int (*resolve)(ip_session *s, const struct ip__kind *k, void *record);
    /* Rules needing the store, run inside the call once the actor is
     * authorized (references exist, uniqueness, state). May be NULL. */
    int (*check)(ip_session *s, const void *record);
    /* Rows that belong to the record (written with it, read with it). */
    int (*after_insert)(ip_session *s, void *record);
    int (*after_load)(ip_session *s, void *record);
    /* The same for every record of a list at once, in a fixed number of
     * queries; lists use it instead of after_load when set. */
    int (*after_load_all)(ip_session *s, ip__rows *rows);
    /* Frees the record with what belongs to it. */
    void (*free)(void *record);
} ip__kind;

/* IP_OK when the one-id existence query q finds id, else code naming field
 * with message. */
int ip__require(ip_store *store, const ip__query *q, const char *id, int code,
                const char *field, const char *message);

/* Creates record (filled and checked by the module; owned by this call,
 * freed on failure or when out is NULL). */
int ip__record_create(void **out, ip_session *s, const ip__kind *k, void *record);

/* Fills a new, zeroed record from the module's fields (fields may be
 * NULL: the fill says what that means); the record is freed on failure. */
typedef int (*ip__fill_fn)(ip_session *s, void *record, const void *fields);

/* Allocates a record of k, fills it and creates it as ip__record_create. */
int ip__record_new(void **out, ip_session *s, const ip__kind *k, ip__fill_fn fill,
                   const void *fields);

/* Defines the public create of a record kind over ip__record_new. */
#define IP__RECORD_NEW(fn, type, fields_type, kind, fill)                      \
    int fn(type **out, ip_session *s, const fields_type *f)                    \
    {                                                                          \
        void *record = NULL;                                                   \
        int rc = ip__record_new(out ? &record : NULL, s, &(kind), fill, f);    \
        if (out)                                                               \
            *out = record;                                                     \
        return rc;                                                             \
    }

/* Reads one record by id. */
int ip__record_read(void **out, ip_session *s, const ip__kind *k, const char *id);

/* Defines the public get of a record kind over ip__record_read. */
#define IP__RECORD_GET(fn, type, kind)                                         \
    int fn(type **out, ip_session *s, const char *id)                          \
    {                                                                          \
        void *record = NULL;                                                   \
        int rc = ip__record_read(out ? &record : NULL, s, &(kind), id);        \
        if (out)                                                               \
            *out = record;                                                     \
        return rc;                                                             \
    }

/* Reads the one record query finds with args; IP_ENOTFOUND naming
 * not_found_field when there is none. */
int ip__record_find(void **out, ip_session *s, const ip__kind *k,
                    const ip__query *query, const ip__arg *args, size_t nargs,
                    const char *not_found_field);

/* Applies a change to the stored record at expected_revision: apply gets
 * the loaded record after authorization and changes it in place. */
typedef int (*ip__apply_fn)(ip_session *s, void *stored, const void *ctx);
int ip__record_change(int64_t *revision_out, ip_session *s, const ip__kind *k,
                      ip__action action, const char *id, int64_t expected_revision,
                      ip__apply_fn apply, const void *ctx);

/* Replaces every column of the stored record with fresh's (fresh filled
 * and checked by the module; always freed here). */
int ip__record_replace(int64_t *revision_out, ip_session *s, const ip__kind *k,
                       const char *id, int64_t expected_revision, void *fresh);

/* A list read in one audited call and handed out one record at a time.
 * Every public iterator is a struct whose only member is a cursor, defined
 * with IP__ITERATOR. */
typedef struct {
    ip__rows rows;
    size_t next;
    const ip__kind *kind;
} ip__cursor;

/* Allocates a cursor (returned as void * for the module's iterator type),
 * runs query inside one call authorized as op. */
int ip__cursor_new(void **out, ip_session *s, const ip__kind *k, ip__op *op,
                   const ip__query *query, const ip__arg *args, size_t nargs);
int ip__cursor_next(void **out, ip__cursor *cursor);
void ip__cursor_free(ip__cursor *cursor);

/* Defines struct <prefix>_iterator, <prefix>_next and
 * <prefix>_iterator_free for records of type struct <prefix>. */
#define IP__ITERATOR(prefix)                                                   \
    struct prefix##_iterator {                                                 \
        ip__cursor cursor;                                                     \
    };                                                                         \
    int prefix##_next(struct prefix **out, struct prefix##_iterator *it)       \
    {                                                                          \
        void *item = NULL;                                                     \
        int rc;                                                                \
        if (!out)                                                              \
            return ip__error_null("out");                                      \
        rc = ip__cursor_next(&item, it ? &it->cursor : NULL);                  \
        *out = item;                                                           \
        return rc;                                                             \
    }                                                                          \
    void prefix##_iterator_free(struct prefix##_iterator *it)                  \
    {                                                                          \
        ip__cursor_free(it ? &it->cursor : NULL);                              \
    }

#endif
