/*
 * What the rest of libip asks of consent records (consent.c): the access
 * decision, plan activation and the completeness check.
 */
#ifndef IP_INTERNAL_CONSENT_FACTS_H
#define IP_INTERNAL_CONSENT_FACTS_H

#include "internal.h"

/* True when the person has a consent to the plan in force on day. */
int ip__consent_plan_active(ip_store *store, const char *person_id, const char *day,
                            bool *out);

/* The same, counting only consents other than except_id (NULL: any). */
int ip__consent_plan_active_other(ip_store *store, const char *person_id,
                                  const char *day, const char *except_id, bool *out);

/* True when the person has a sharing consent in force on day whose
 * recipient (a unit's or a person's id) is not withdrawn and whose
 * sections include every bit of sections. */
int ip__consent_sharing_active(ip_store *store, const char *person_id,
                               const char *recipient_id, unsigned int sections,
                               const char *day, bool *out);

/* True when the person has any sharing consent in force on day. */
int ip__consent_any_sharing_active(ip_store *store, const char *person_id,
                                   const char *day, bool *out);

/* Implemented in plan.c: consequences of a withdrawal, run inside the
 * withdrawal's call — an outbox event, and for a consent to the plan
 * withdrawn whole, the end of the person's open plan. */
int ip__consent_withdrawn(ip_session *s, const struct ip_consent *c);

#endif
