/*
 * Storage of the audit log (SQL text in audit_queries.c). audit_event has
 * no meta columns, so its rows are not records of record.h: they are read
 * through ip__audit_rows, which hands each row out as the values SQLite
 * holds, storage class included, so that the hash chain can be recomputed
 * over exactly what is stored.
 */
#ifndef IP_STORE_AUDIT_QUERIES_H
#define IP_STORE_AUDIT_QUERIES_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "store/record.h"

/* The storage class of a stored value. */
typedef enum {
    IP__AUDIT_NULL,
    IP__AUDIT_INT,
    IP__AUDIT_TEXT,
    IP__AUDIT_OTHER /* REAL or BLOB: never written by libip */
} ip__audit_type;

/* One stored value. text (TEXT, OTHER) is borrowed and not NUL-safe: use
 * len. */
typedef struct {
    ip__audit_type type;
    int64_t integer;  /* INT */
    const char *text; /* TEXT and OTHER: the bytes */
    size_t len;
} ip__audit_value;

/* audit_event's columns, in the order the audit queries select them. The
 * first IP__AUDIT_FIELDS are the event; the hash covers them, after
 * prev_hash. */
enum {
    IP__AUDIT_SEQ,
    IP__AUDIT_AT,
    IP__AUDIT_ACTOR_ID,
    IP__AUDIT_ROLE,
    IP__AUDIT_UNIT_ID,
    IP__AUDIT_ACTION,
    IP__AUDIT_OBJECT_KIND,
    IP__AUDIT_OBJECT_ID,
    IP__AUDIT_PERSON_ID,
    IP__AUDIT_PURPOSE,
    IP__AUDIT_OUTCOME,
    IP__AUDIT_RULE,
    IP__AUDIT_FIELDS,
    IP__AUDIT_PREV_HASH = IP__AUDIT_FIELDS,
    IP__AUDIT_HASH,
    IP__AUDIT_COLUMNS
};

typedef struct {
    ip__audit_value col[IP__AUDIT_COLUMNS];
} ip__audit_row;

/* What a row callback returns to stop the walk early without an error. */
#define IP__AUDIT_STOP 1 /* = IP__ROW_STOP of db_internal.h */

/* Called for each row; row is borrowed for the call. Returns IP_OK to go
 * on, IP__AUDIT_STOP to stop, or an IP_E* code (returned by the walk). */
typedef int (*ip__audit_row_fn)(void *payload, const ip__audit_row *row);

/* Runs one of the row queries below with args, calling fn for each row in
 * order; all rows come from one snapshot of the store. IP_OK (also when fn
 * stopped the walk), fn's error, or a store error. */
int ip__audit_rows(ip__db *db, const ip__query *query, const ip__arg *args,
                   size_t nargs, ip__audit_row_fn fn, void *payload);

/* rows; (): the last event (the head of the chain), if any */
extern const ip__query ip__q_audit_head;
/* rows; (): every event in seq order */
extern const ip__query ip__q_audit_all;
/* rows; (person_id): the events about a person in seq order (over the
 * index audit_by_person) */
extern const ip__query ip__q_audit_of_person;
/* exec; (seq, at, actor_id, role, unit_id, action, object_kind, object_id,
 * person_id, purpose, outcome, rule, prev_hash, hash) */
extern const ip__query ip__q_audit_insert;
/* scalar; (hash, seq): 1 when an event other than seq has that hash */
extern const ip__query ip__q_audit_hash_elsewhere;

#endif
