/*
 * The due list's storage: one fixed statement per filter, and a small
 * reader of its rows. Due items are not records (no meta columns: each row
 * names a record of another table), so they are read here, not through
 * the record descriptors of record.h.
 *
 * A statement is a UNION ALL of one branch per kind; each branch reads an
 * index range in due-date order and stops at the limit (the whole store),
 * or looks up the persons of the filter in an index by person and sorts
 * what it finds (a unit's or a coordinator's list; the persons are found
 * once per statement). tests/unit/test-due.c checks every plan.
 *
 * Arguments, in this order (the reader binds as many as the filter uses):
 *   ?1 as_of (YYYY-MM-DD), ?2 the limit per kind,
 *   ?3 group meeting: the first day of a last meeting not yet overdue
 *      (met_on < ?3 is overdue),
 *   ?4 complaint deadline: as_of + warning days (deadline_on <= ?4),
 *   ?5 consent expiry: as_of + consent days (as_of <= valid_to <= ?5),
 *   ?6 unit_id, ?7 practitioner_id.
 * The other kinds compare with as_of: application_reply reply_due_on < ?1,
 * plan_revision next_revision_on < ?1, complaint_review received_on <= ?1,
 * plan_without_coordinator uncoordinated_since <= ?1, goal_evaluation
 * target_date < ?1.
 *
 * Rows: (kind, object_id, person_id, plan_id or NULL, date), where date is
 * the due date except for group_meeting, whose date is the day the group
 * last met (due.c adds the months).
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

/* The arguments the statement of each filter binds (?1..?n). */
extern const size_t ip__due_filter_args[IP__DUE_FILTERS];

/* ip__q_due[filter]. */
extern const ip__query ip__q_due[IP__DUE_FILTERS];

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

/* Runs one of the statements above with args and returns its rows as
 * items, one list per kind (out[kind], out[0] unused), each in the order
 * the statement gave them; ip__due_rows_free frees each. IP_ENOMEM, or the
 * store's error (the lists are then empty). */
int ip__due_select(ip__db *db, const ip__query *query, const ip__arg *args,
                   size_t nargs, ip__due_rows out[IP__DUE_KINDS + 1]);
/* Frees what ip__due_select returned (entries set to NULL are skipped). */
void ip__due_rows_free(ip__due_rows *rows);

#endif
