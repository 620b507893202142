/**
 * @file ip/plan.h
 * @brief Individual plans: lifecycle, the plan's own content, listing, and
 *        the check of the nine items the regulation requires.
 *
 * A person has at most one open plan (draft or active) across all sectors;
 * opening a second is refused with ::IP_EOPENPLAN. A plan starts as a
 * draft, normally from an application whose plan request was granted (the
 * coordinating unit may also open one directly, which is recorded), becomes
 * active, and ends with a reason. An ended plan is never reopened and its
 * content no longer changes.
 *
 * The content lives in records of their own: participants
 * (ip/participant.h), goals (ip/goal.h), measures (ip/measure.h), meetings
 * (ip/meeting.h), evaluations (ip/evaluation.h) and revisions
 * (ip/revision.h). The whole plan exports as one document (ip/json.h).
 */
#ifndef IP_PLAN_H
#define IP_PLAN_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/** Where a plan is in its life. */
typedef enum ip_plan_status {
    IP_PLAN_DRAFT = 1,  /**< being made; not yet in force */
    IP_PLAN_ACTIVE = 2, /**< in force */
    IP_PLAN_ENDED = 3   /**< ended, with a reason; never reopened */
} ip_plan_status;

/** How a plan came to be. */
typedef enum ip_plan_origin {
    IP_PLAN_ORIGIN_APPLICATION = 1, /**< from a granted plan request */
    IP_PLAN_ORIGIN_DIRECT = 2       /**< opened directly by the coordinating unit */
} ip_plan_origin;

/** Why a plan ended. */
typedef enum ip_plan_end_reason {
    IP_PLAN_END_PERSONS_WISH = 1,      /**< the person no longer wants it */
    IP_PLAN_END_NEED_ENDED = 2,        /**< the need for it has ended */
    IP_PLAN_END_CONSENT_WITHDRAWN = 3, /**< consent to the plan withdrawn */
    IP_PLAN_END_MOVED = 4,             /**< moved to another municipality */
    IP_PLAN_END_DIED = 5               /**< the person died */
} ip_plan_end_reason;

/** A plan. Opaque; free with ip_plan_free(). */
typedef struct ip_plan ip_plan;

/**
 * The plan's own content (items a, g and i of the regulation); strings
 * borrowed for the call, NULL or "" means absent. Fields are only appended.
 */
typedef struct ip_plan_fields {
    unsigned int version;         /**< ::IP_PLAN_FIELDS_VERSION */
    const char *period_start;     /**< YYYY-MM-DD: the plan period (item g) */
    const char *period_end;       /**< YYYY-MM-DD, not before period_start */
    const char *next_revision_on; /**< YYYY-MM-DD: next revision (item g) */
    const char *resources;        /**< the person's resources (item a) */
    const char *needs;            /**< the person's needs for services (item a) */
    const char *cooperation;      /**< cooperation with other services,
                                       institutions and agencies (item i) */
    const char *host_ref;         /**< the host system's own id */
} ip_plan_fields;

/** The version of ::ip_plan_fields these headers describe. */
#define IP_PLAN_FIELDS_VERSION 1
/** Initializer for ::ip_plan_fields (all absent). */
#define IP_PLAN_FIELDS_INIT {IP_PLAN_FIELDS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_PLAN_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_plan_fields_init(ip_plan_fields *fields, unsigned int version);

/**
 * Opens a draft plan for the person of a granted plan request.
 *
 * @param out if not NULL, receives the plan (owned by the caller).
 * @param session a coordinating-unit session.
 * @param application_id an application of the person whose plan request
 *        was granted.
 * @param fields the plan's content so far, or NULL.
 * @return ::IP_OK; ::IP_EOPENPLAN (the person has an open plan);
 *         ::IP_ESTATE (the plan request is not granted); ::IP_ENOTFOUND;
 *         ::IP_EINVALID naming the field; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_plan_create(ip_plan **out, ip_session *session,
                              const char *application_id,
                              const ip_plan_fields *fields);

/**
 * Opens a draft plan for a person directly, without an application; the
 * plan records that it was opened so.
 *
 * @param out if not NULL, receives the plan (owned by the caller).
 * @param session a coordinating-unit session.
 * @param person_id the person.
 * @param fields the plan's content so far, or NULL.
 * @return as ip_plan_create().
 */
IP_EXTERN(int) ip_plan_create_direct(ip_plan **out, ip_session *session,
                                     const char *person_id,
                                     const ip_plan_fields *fields);

/**
 * Reads a plan (an audited read).
 *
 * @param out receives the plan; owned by the caller.
 * @param session the acting session.
 * @param id the plan's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_plan_get(ip_plan **out, ip_session *session, const char *id);

/**
 * Reads the person's open (draft or active) plan.
 *
 * @param out receives the plan; owned by the caller.
 * @param session the acting session.
 * @param person_id the person.
 * @return ::IP_OK; ::IP_ENOTFOUND (no open plan); ::IP_EDENIED;
 *         ::IP_EINVALID.
 */
IP_EXTERN(int) ip_plan_find_open(ip_plan **out, ip_session *session,
                                 const char *person_id);

/**
 * Replaces the plan's own content, if the plan is still at
 * expected_revision and not ended.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session the plan's coordinator.
 * @param id the plan's id.
 * @param expected_revision the revision the caller read.
 * @param fields the new content (all of it).
 * @return ::IP_OK; ::IP_ECONFLICT; ::IP_ESTATE (ended); ::IP_ENOTFOUND;
 *         ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_plan_update(int64_t *revision_out, ip_session *session,
                              const char *id, int64_t expected_revision,
                              const ip_plan_fields *fields);

/**
 * Puts a draft plan in force.
 *
 * Activation requires the person's consent to the plan (ip/consent.h) in
 * force on the day of activation.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session the plan's coordinator or the coordinating unit.
 * @param id the plan's id.
 * @param expected_revision the revision the caller read.
 * @param activated_on YYYY-MM-DD, not after today; NULL means today.
 * @return ::IP_OK; ::IP_ESTATE (not a draft: field `plan.status`; no
 *         consent to the plan in force: field `plan.consent`);
 *         ::IP_ECONFLICT; ::IP_ENOTFOUND; ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_plan_activate(int64_t *revision_out, ip_session *session,
                                const char *id, int64_t expected_revision,
                                const char *activated_on);

/**
 * Ends a draft or active plan.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session the plan's coordinator or the coordinating unit.
 * @param id the plan's id.
 * @param expected_revision the revision the caller read.
 * @param reason why it ends.
 * @param ended_on YYYY-MM-DD, not after today; NULL means today.
 * @param note free text; optional.
 * @return ::IP_OK; ::IP_ESTATE (already ended); ::IP_ECONFLICT;
 *         ::IP_ENOTFOUND; ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_plan_end(int64_t *revision_out, ip_session *session,
                           const char *id, int64_t expected_revision,
                           ip_plan_end_reason reason, const char *ended_on,
                           const char *note);

/** Which plans an iterator yields. */
typedef struct ip_plan_query {
    unsigned int version;  /**< ::IP_PLAN_QUERY_VERSION */
    const char *person_id; /**< only this person's plans; NULL: all */
    ip_plan_status status; /**< only plans with this status; 0: any */
} ip_plan_query;

/** The version of ::ip_plan_query these headers describe. */
#define IP_PLAN_QUERY_VERSION 1
/** Initializer for ::ip_plan_query (every plan). */
#define IP_PLAN_QUERY_INIT {IP_PLAN_QUERY_VERSION, NULL, (ip_plan_status)0}

/**
 * Initializes a query for FFI callers.
 * @param query the struct to fill.
 * @param version ::IP_PLAN_QUERY_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_plan_query_init(ip_plan_query *query, unsigned int version);

/** An iterator over plans. */
typedef struct ip_plan_iterator ip_plan_iterator;

/**
 * Starts iterating over plans, oldest first. The result is read and
 * authorized in this call, and each plan in it is an audited read. Listing
 * every plan is the coordinating unit's; the person and representatives
 * list one person's plans with `query->person_id`.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session.
 * @param query which plans; NULL means all.
 * @return ::IP_OK; ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_plan_iterator_new(ip_plan_iterator **out, ip_session *session,
                                    const ip_plan_query *query);

/**
 * The next plan.
 * @param out receives the plan; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done.
 */
IP_EXTERN(int) ip_plan_next(ip_plan **out, ip_plan_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_plan_iterator_free(ip_plan_iterator *it);

/** Frees a plan; NULL is allowed. */
IP_EXTERN(void) ip_plan_free(ip_plan *plan);

/** @name Plan getters
 * Strings borrowed, valid until the plan is freed; NULL when absent.
 * @{ */
IP_EXTERN(const char *) ip_plan_id(const ip_plan *plan);
IP_EXTERN(int64_t) ip_plan_revision(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_person_id(const ip_plan *plan);
IP_EXTERN(ip_plan_status) ip_plan_status_of(const ip_plan *plan);
IP_EXTERN(ip_plan_origin) ip_plan_origin_of(const ip_plan *plan);
/** NULL for a plan opened directly. */
IP_EXTERN(const char *) ip_plan_application_id(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_period_start(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_period_end(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_next_revision_on(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_resources(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_needs(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_cooperation(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_activated_on(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_ended_on(const ip_plan *plan);
/** 0 while the plan is open. */
IP_EXTERN(ip_plan_end_reason) ip_plan_end_reason_of(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_end_note(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_host_ref(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_created_at(const ip_plan *plan);
IP_EXTERN(const char *) ip_plan_updated_at(const ip_plan *plan);
/** @} */

/**
 * Stable names: "draft", "active", "ended".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_plan_status_name(ip_plan_status status);
/**
 * The status for a stable name.
 * @param out receives the status.
 * @param name a name as returned by ip_plan_status_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_plan_status_from_name(ip_plan_status *out, const char *name);
/**
 * Stable names: "application", "direct".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_plan_origin_name(ip_plan_origin origin);
/**
 * The origin for a stable name.
 * @param out receives the origin.
 * @param name a name as returned by ip_plan_origin_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_plan_origin_from_name(ip_plan_origin *out, const char *name);
/**
 * Stable names: "persons_wish", "need_ended", "consent_withdrawn", "moved",
 * "died".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_plan_end_reason_name(ip_plan_end_reason reason);
/**
 * The end reason for a stable name.
 * @param out receives the reason.
 * @param name a name as returned by ip_plan_end_reason_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_plan_end_reason_from_name(ip_plan_end_reason *out,
                                            const char *name);

/** The result of checking a plan against the nine required items. */
typedef struct ip_plan_check ip_plan_check;

/**
 * Checks a plan against items a–i of the regulation (docs/domain.md, "The
 * nine required items"), as it stands now. An audited read of the plan.
 *
 * @param out receives the result; owned by the caller, free with
 *        ip_plan_check_free().
 * @param session the acting session (one that may read the plan).
 * @param plan_id the plan.
 * @return ::IP_OK (whether or not items are missing); ::IP_ENOTFOUND;
 *         ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_plan_check_run(ip_plan_check **out, ip_session *session,
                                 const char *plan_id);

/** Non-zero when no item is missing. */
IP_EXTERN(int) ip_plan_check_is_complete(const ip_plan_check *check);

/** How many items are missing (0 to 9). */
IP_EXTERN(size_t) ip_plan_check_missing_count(const ip_plan_check *check);

/**
 * The letter ('a' to 'i') of missing item i (0-based, in letter order), or
 * 0 when i is out of range.
 */
IP_EXTERN(char) ip_plan_check_missing_letter(const ip_plan_check *check,
                                             size_t i);

/**
 * A stable code for missing item i, e.g. "c.no_coordinator"; NULL when i is
 * out of range. Static string.
 */
IP_EXTERN(const char *) ip_plan_check_missing_code(const ip_plan_check *check,
                                                   size_t i);

/**
 * A short explanation of missing item i in Norwegian bokmål that a
 * coordinator can act on; NULL when i is out of range. Static string.
 */
IP_EXTERN(const char *) ip_plan_check_missing_text(const ip_plan_check *check,
                                                   size_t i);

/** Frees a check result; NULL is allowed. */
IP_EXTERN(void) ip_plan_check_free(ip_plan_check *check);

IP_END_DECL

#endif
