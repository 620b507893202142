/**
 * @file ip/due.h
 * @brief The due list: what needs attention, most urgent first.
 *
 * One call reads everything in the store that is waiting for someone to
 * act, for the whole store, for one unit or for one coordinator:
 *
 * | kind                                 | an item while                                                    | due date                          |
 * |--------------------------------------|------------------------------------------------------------------|-----------------------------------|
 * | ::IP_DUE_APPLICATION_REPLY           | an application has a request undecided and no interim reply past its reply date (one month after receipt) | the reply date |
 * | ::IP_DUE_PLAN_REVISION               | an active plan is past its next revision date                    | the revision date                 |
 * | ::IP_DUE_GROUP_MEETING               | an active plan's responsibility group has not met for `due_meeting_months` months (default 6) | the last meeting held (or, before the first, the day the plan became active) plus those months |
 * | ::IP_DUE_COMPLAINT_DEADLINE          | a received complaint, not yet in municipal review, is `due_complaint_warning_days` days (default 7) or fewer before its deadline, or past it | the complaint deadline |
 * | ::IP_DUE_COMPLAINT_REVIEW            | a complaint waits in municipal review                            | the day it was received           |
 * | ::IP_DUE_CONSENT_EXPIRY              | a consent not withdrawn runs out within `due_consent_days` days (default 30), counting the day asked about | the last day it is valid |
 * | ::IP_DUE_PLAN_WITHOUT_COORDINATOR    | an active plan's person has no active coordinator or child coordinator (a specialist coordinator does not count) | the day the plan became active, or the day the last coordinator's assignment ended |
 * | ::IP_DUE_GOAL_EVALUATION             | an open goal (proposed, active, on hold) of an active plan is past its target date with no evaluation of the goal on or after that date | the target date |
 *
 * "Past" a date means the day asked about is after it. The three settings
 * are store settings (ip_setting_get(), ip_setting_set()), read anew by
 * every call, so a changed setting applies at once.
 *
 * Items come earliest due date first; items due the same day in the order
 * of the kinds above, and within a kind by the record's id. The list is
 * cut at the query's limit: the most urgent items are the ones kept.
 *
 * Every kind is read from an index in due-date order and stops at the
 * limit, so the cost of a call follows the limit (and the size of a unit
 * or coordinator's caseload when filtering), not the size of the store.
 */
#ifndef IP_DUE_H
#define IP_DUE_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/** What an item of the due list is about. Values are fixed for the whole
 *  major version; new kinds may be added. */
typedef enum ip_due_kind {
    /** An application without outcome or interim reply within one month
     *  (object: the application). */
    IP_DUE_APPLICATION_REPLY = 1,
    /** An active plan past its revision date (object: the plan). */
    IP_DUE_PLAN_REVISION = 2,
    /** An active plan whose responsibility group has not met for the
     *  configured time (object: the plan). */
    IP_DUE_GROUP_MEETING = 3,
    /** A received complaint near or past its deadline (object: the
     *  complaint). */
    IP_DUE_COMPLAINT_DEADLINE = 4,
    /** A complaint waiting in municipal review (object: the complaint). */
    IP_DUE_COMPLAINT_REVIEW = 5,
    /** A consent that runs out soon (object: the consent). */
    IP_DUE_CONSENT_EXPIRY = 6,
    /** An active plan whose person has no active coordinator (object: the
     *  plan). */
    IP_DUE_PLAN_WITHOUT_COORDINATOR = 7,
    /** A goal past its target date, not evaluated since (object: the
     *  goal). */
    IP_DUE_GOAL_EVALUATION = 8
} ip_due_kind;

/** The limit a query with `limit` 0 gets. */
#define IP_DUE_LIMIT_DEFAULT 100
/** The largest limit a query may ask for. */
#define IP_DUE_LIMIT_MAX 10000

/**
 * Whose due list, on which day, how long. Fields are only appended.
 *
 * - `unit_id`: only what concerns persons whose open (draft or active)
 *   plan the unit takes part in on `as_of` (a participant of the plan in
 *   that unit: a provider, or a practitioner of the unit); NULL: no unit
 *   filter.
 * - `practitioner_id`: only what concerns persons the practitioner
 *   coordinates: an active coordinator assignment of any kind, or a
 *   coordinator participant of the person's open plan on `as_of`. NULL: no
 *   coordinator filter. A coordinator's session (::IP_ROLE_COORDINATOR)
 *   always reads its own list: NULL means the session's practitioner, and
 *   another practitioner is refused.
 * - Both set: what concerns persons in both.
 * - `as_of`: the day asked about, YYYY-MM-DD; NULL: today (the store's
 *   clock).
 * - `limit`: at most this many items; 0 means ::IP_DUE_LIMIT_DEFAULT, and
 *   more than ::IP_DUE_LIMIT_MAX is refused.
 */
typedef struct ip_due_query {
    unsigned int version;        /**< ::IP_DUE_QUERY_VERSION */
    const char *unit_id;         /**< one unit's list, or NULL */
    const char *practitioner_id; /**< one coordinator's list, or NULL */
    const char *as_of;           /**< YYYY-MM-DD, or NULL for today */
    unsigned int limit;          /**< at most this many items; 0: default */
} ip_due_query;

/** The version of ::ip_due_query these headers describe. */
#define IP_DUE_QUERY_VERSION 1
/** Initializer for ::ip_due_query (the whole store, today, the default
 *  limit). */
#define IP_DUE_QUERY_INIT {IP_DUE_QUERY_VERSION, NULL, NULL, NULL, 0u}

/**
 * Initializes a query for FFI callers.
 * @param query the struct to fill.
 * @param version ::IP_DUE_QUERY_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_due_query_init(ip_due_query *query, unsigned int version);

/** One item of the due list. Opaque; free with ip_due_item_free(). */
typedef struct ip_due_item ip_due_item;

/** An iterator over the due list. */
typedef struct ip_due_iterator ip_due_iterator;

/**
 * Reads the due list. The whole list is read and authorized in this call,
 * which is audited (object `due`), as is each item handed out (a read
 * event naming the item's record and person, so the person's access log
 * shows the listing).
 *
 * The due list is for the coordinating unit (::IP_ROLE_COORDINATING_UNIT:
 * the whole store, a unit, or a coordinator's persons) and coordinators
 * (::IP_ROLE_COORDINATOR: their own persons); other roles are denied.
 *
 * @param out receives the iterator; owned by the caller, free with
 *        ip_due_iterator_free().
 * @param session the acting session.
 * @param query whose list, which day, how many; NULL means
 *        ::IP_DUE_QUERY_INIT.
 * @return ::IP_OK; ::IP_EINVALID (`query.version`, `query.unit_id`,
 *         `query.practitioner_id`, `query.as_of`, `query.limit`, NULL
 *         arguments); ::IP_ENOTFOUND (`query.unit_id` or
 *         `query.practitioner_id`: no such unit or practitioner);
 *         ::IP_EDENIED; ::IP_EREADONLY.
 */
IP_EXTERN(int) ip_due_iterator_new(ip_due_iterator **out, ip_session *session,
                                   const ip_due_query *query);

/**
 * The next item, most urgent first.
 * @param out receives the item; owned by the caller, free with
 *        ip_due_item_free().
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_due_next(ip_due_item **out, ip_due_iterator *it);

/** Frees an iterator (and the items it has not handed out); NULL is
 *  allowed. */
IP_EXTERN(void) ip_due_iterator_free(ip_due_iterator *it);

/** Frees an item; NULL is allowed. */
IP_EXTERN(void) ip_due_item_free(ip_due_item *item);

/** @name Due item getters
 * Strings borrowed, valid until the item is freed; NULL when absent (and
 * every getter returns 0 or NULL for a NULL item).
 * @{ */
IP_EXTERN(ip_due_kind) ip_due_item_kind_of(const ip_due_item *item);
/** The due date, YYYY-MM-DD (see the table above for each kind). */
IP_EXTERN(const char *) ip_due_item_due_on(const ip_due_item *item);
/** The person the item is about; never NULL for an item. */
IP_EXTERN(const char *) ip_due_item_person_id(const ip_due_item *item);
/** The plan the item is about: the plan itself, a goal's plan, or the
 *  plan a complaint is about; NULL for applications, consents and
 *  complaints about no plan. */
IP_EXTERN(const char *) ip_due_item_plan_id(const ip_due_item *item);
/** The id of the record that needs attention (see ip_due_item_object_kind()). */
IP_EXTERN(const char *) ip_due_item_object_id(const ip_due_item *item);
/** The kind of record ip_due_item_object_id() names: "application",
 *  "plan", "complaint", "consent" or "goal". Static string. */
IP_EXTERN(const char *) ip_due_item_object_kind(const ip_due_item *item);
/** What needs doing, one short sentence in Norwegian bokmål, the same
 *  for every item of a kind. Static string. */
IP_EXTERN(const char *) ip_due_item_text(const ip_due_item *item);
/** @} */

/**
 * Stable names: "application_reply", "plan_revision", "group_meeting",
 * "complaint_deadline", "complaint_review", "consent_expiry",
 * "plan_without_coordinator", "goal_evaluation".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_due_kind_name(ip_due_kind kind);

/**
 * The kind for a stable name.
 * @param out receives the kind.
 * @param name a name as returned by ip_due_kind_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_due_kind_from_name(ip_due_kind *out, const char *name);

/**
 * The text of a kind's items (as ip_due_item_text()).
 * @return a static string in Norwegian bokmål, or NULL for an unknown
 *         value.
 */
IP_EXTERN(const char *) ip_due_kind_text(ip_due_kind kind);

IP_END_DECL

#endif
