/*
 * Appending to the outbox (ip/outbox.h), for the modules whose changes the
 * host may need to act on: plan.c (a plan ended), consent.c (a consent
 * withdrawn), later the coordinator and complaint modules.
 */
#ifndef IP_INTERNAL_OUTBOX_APPEND_H
#define IP_INTERNAL_OUTBOX_APPEND_H

#include "internal.h"

/*
 * Appends one event, stamped with the store's now, inside the caller's open
 * call (between ip__call_open and ip__call_close, after ip__authorize), so
 * the event stands or falls with the caller's change. No authorization of
 * its own: the caller's call was authorized. Ids only, never names:
 * - kind: one of ip_outbox_kind (IP_EINVALID "outbox_event.kind" otherwise);
 * - person_id: the person concerned; NULL allowed; must exist;
 * - object_kind: the kind of record object_id names ("plan", "consent"...);
 *   required, a short fixed word from the caller, never data;
 * - object_id: the record; NULL allowed;
 * - unit_id: the unit to notify; NULL allowed; must exist.
 * IP_ENOTFOUND when person_id or unit_id names no record (a foreign key);
 * IP_ERROR when no call is open.
 */
int ip__outbox_append(ip_session *s, ip_outbox_kind kind, const char *person_id,
                      const char *object_kind, const char *object_id,
                      const char *unit_id);

#endif
