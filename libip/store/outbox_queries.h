/*
 * The outbox's storage: its fixed queries and a small reader of
 * outbox_event rows. Outbox rows have no meta columns (no id, no revision:
 * they are numbered by seq and never rewritten but for the acknowledgement),
 * so they are read here, not through the record descriptors of record.h.
 */
#ifndef IP_STORE_OUTBOX_QUERIES_H
#define IP_STORE_OUTBOX_QUERIES_H

#include <stdint.h>

#include "store/db.h"
#include "store/record.h"

/* One outbox_event row: the struct behind the public ip_outbox_event. */
struct ip_outbox_event {
    int64_t seq;
    char *at;
    int64_t kind;
    char *person_id;
    char *object_kind;
    char *object_id;
    char *unit_id;
    char *acknowledged_at;
    char *acknowledged_by;
};

/* Rows read by ip__outbox_select, oldest first. */
typedef struct {
    struct ip_outbox_event **items;
    size_t count;
} ip__outbox_rows;

/* Every event, oldest first (no arguments). */
extern const ip__query ip__q_outbox_all;
/* Events not yet acknowledged, oldest first (no arguments). */
extern const ip__query ip__q_outbox_pending;
/* The event with seq ?1 (zero or one row). */
extern const ip__query ip__q_outbox_by_seq;
/* Appends an event: ?1 at, ?2 kind, ?3 person_id, ?4 object_kind,
 * ?5 object_id, ?6 unit_id (exec). */
extern const ip__query ip__q_outbox_append;
/* Acknowledges event ?1 if still pending: ?2 at, ?3 by (exec; one change
 * when it was pending, none otherwise). */
extern const ip__query ip__q_outbox_acknowledge;

/* Runs one of the selects above (query's table is NULL; its columns are
 * the struct's, in order) and returns its rows; ip__outbox_rows_free frees
 * them. IP_ENOMEM, or the store's error. */
int ip__outbox_select(ip__db *db, const ip__query *query, const ip__arg *args,
                      size_t nargs, ip__outbox_rows *out);
/* Frees what ip__outbox_select returned (entries set to NULL are skipped). */
void ip__outbox_rows_free(ip__outbox_rows *rows);
/* Frees one row and what it holds; NULL is allowed. */
void ip__outbox_row_free(struct ip_outbox_event *row);

#endif
