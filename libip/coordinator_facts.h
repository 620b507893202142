/*
 * What the rest of libip asks of coordinator assignments (coordinator.c):
 * the access decision (a coordinator reads what concerns the persons they
 * coordinate) and the plan's completeness check (item c).
 */
#ifndef IP_INTERNAL_COORDINATOR_FACTS_H
#define IP_INTERNAL_COORDINATOR_FACTS_H

#include "internal.h"

/* True when the person has an assignment of any kind active on day
 * (appointed_on <= day < ended_on), of practitioner_id when it is not NULL
 * (NULL: anyone). A NULL person_id or day gives false. No authorization
 * and no audit: the caller's call decides and records. */
int ip__coordinator_active(ip_store *store, const char *person_id,
                           const char *practitioner_id /* NULL: anyone */,
                           const char *day, bool *out);

#endif
