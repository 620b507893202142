/**
 * @file ip/json.h
 * @brief The native document `ip-plan/1`: a whole plan, everything in it
 *        and its history, as one JSON document.
 *
 * The format is described key by key in docs/format-ip-plan-1.md. In
 * short: an object with the keys "format" ("ip-plan/1"), "plan", "person",
 * "goals", "measures", "participants", "meetings", "evaluations",
 * "consents", "coordinators" and "revisions"; every record with its id,
 * revision, created_at and updated_at; enums by their stable names (the
 * `*_name` functions); dates as strings; absent values as null. Arrays are
 * ordered by creation (revisions by number), so the same store gives the
 * same bytes.
 */
#ifndef IP_JSON_H
#define IP_JSON_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/**
 * Exports a plan as its `ip-plan/1` document (an audited export of the
 * plan's personal data), each revision with the document it froze nested.
 *
 * @param out receives the document, UTF-8 JSON, NUL-terminated; owned by
 *        the caller, free with ip_free().
 * @param len_out if not NULL, receives the document's length in bytes
 *        (without the NUL).
 * @param session a session that may read the plan.
 * @param plan_id the plan.
 * @return ::IP_OK; ::IP_ENOTFOUND (no such plan, naming `plan.id`);
 *         ::IP_EDENIED; ::IP_EINVALID; ::IP_ECORRUPT (a stored revision
 *         document is not JSON); ::IP_ENOMEM.
 */
IP_EXTERN(int) ip_plan_export(char **out, size_t *len_out, ip_session *session,
                              const char *plan_id);

IP_END_DECL

#endif
