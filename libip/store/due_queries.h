/*
 * The due list's storage: one fixed query per kind of due item and filter,
 * and a small reader of their rows. Due items are not records (no meta
 * columns: each row names a record of another table), so they are read
 * here, not through the record descriptors of record.h.
 *
 * Every query takes the same arguments, in this order (a query reads the
 * ones it needs; the reader binds only as many as the filter uses):
 *   ?1 as_of (YYYY-MM-DD), ?2 limit, ?3 the kind's cut-off date,
 *   ?4 unit_id, ?5 practitioner_id
 * and yields rows of (object_id, person_id, plan_id or NULL, due date)
 * ordered by due date, then id, at most ?2 of them, served by an index
 * range scan (tests/unit/test-due.c checks every plan).
 *
 * The cut-off ?3 per kind (computed by due.c):
 *   application_reply         reply_due_on < ?3 (as_of)
 *   plan_revision             next_revision_on < ?3 (as_of)
 *   group_meeting             met_on < ?3 (the first day whose meeting is
 *                             not yet overdue on as_of); the row's date is
 *                             the day of the last meeting, not the due date
 *   complaint_deadline        deadline_on <= ?3 (as_of + warning days)
 *   complaint_review          received_on <= ?3 (as_of)
 *   consent_expiry            ?1 <= valid_to <= ?3 (as_of + consent days)
 *   plan_without_coordinator  uncoordinated_since <= ?3 (as_of)
 *   goal_evaluation           target_date < ?3 (as_of)
 */
#ifndef IP_STORE_DUE_QUERIES_H
#define IP_STORE_DUE_QUERIES_H

#include <stdint.h>

#include "store/db.h"
#include "store/record.h"

/* The kinds, as ip_due_kind numbers them (1-based). */
#define IP__DUE_KINDS 8

/* Which persons' items: everyone, a unit's, a coordinator's, both. */
typedef enum {
    IP__DUE_ALL = 0,
    IP__DUE_UNIT = 1,
    IP__DUE_PRACTITIONER = 2,
    IP__DUE_UNIT_AND_PRACTITIONER = 3,
    IP__DUE_FILTERS = 4
} ip__due_filter;

/* The arguments a query of each filter binds (?1..?n). */
extern const size_t ip__due_filter_args[IP__DUE_FILTERS];

/* ip__q_due[kind - 1][filter]. */
extern const ip__query ip__q_due[IP__DUE_KINDS][IP__DUE_FILTERS];

/* One item: the struct behind the public ip_due_item. One allocation: the
 * strings follow the struct. */
struct ip_due_item {
    int kind;
    char due_on[11];
    char *object_id;
    char *person_id;
    char *plan_id; /* NULL when the item concerns no plan */
};

/* Rows read by ip__due_select, in the query's order. */
typedef struct {
    struct ip_due_item **items;
    size_t count;
} ip__due_rows;

/* Runs one of the queries above with args and returns its rows as items
 * of kind; ip__due_rows_free frees them. IP_ENOMEM, or the store's error
 * (out is then empty). */
int ip__due_select(ip__db *db, const ip__query *query, const ip__arg *args,
                   size_t nargs, int kind, ip__due_rows *out);
/* Frees what ip__due_select returned (entries set to NULL are skipped). */
void ip__due_rows_free(ip__due_rows *rows);

#endif
