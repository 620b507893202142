/*
 * What every plan content record (participant, goal, measure, meeting,
 * meeting action, evaluation, revision) shares: it belongs to one plan, is
 * about that plan's person, and changes only while the plan is open.
 */
#ifndef IP_INTERNAL_CONTENT_H
#define IP_INTERNAL_CONTENT_H

#include "record_call.h"

/* ip__kind.scope for content records: the plan and its person. */
void ip__content_scope(const void *record, ip__op *op);

/* ip__kind.resolve for new content records: the plan (named by the
 * record's plan_id) must exist (IP_ENOTFOUND, field "<table>.plan_id") and
 * not be ended (IP_ESTATE); copies the plan's person into the record. */
int ip__content_resolve(ip_session *s, const ip__kind *k, void *record);

/* For changes: IP_ESTATE when the record's plan has ended. */
int ip__content_require_open(ip_session *s, const void *record);

/* IP_OK when id names a record of table in the same plan as record, else
 * IP_ENOTFOUND (no such record) or IP_EINVALID (another plan's), naming
 * field. NULL or "" id is IP_OK when !required. */
int ip__content_same_plan(ip_session *s, const void *record, const ip__table *table,
                          const char *id, const char *field, bool required);

/* Lists one plan's records of kind k with query (its first argument the
 * plan id, then args): an audited read of the plan's content, authorized
 * for the plan's person. field names the plan argument in errors. */
int ip__content_list(void **out, ip_session *s, const ip__kind *k,
                     const char *plan_id, const char *field, const ip__query *query,
                     const ip__arg *args, size_t nargs);

#endif
