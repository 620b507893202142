/**
 * @file ip/goal.h
 * @brief Goals (mål) of a plan: in the person's own words, long-term goals
 *        (hovedmål) with short-term sub-goals (delmål), their lifecycle and
 *        achievement.
 *
 * A goal belongs to one plan and names the participant who expressed it.
 * A goal with a parent is a sub-goal of that (long-term) goal: the parent
 * is a goal of the same plan and has no parent itself, so there are at most
 * two levels. The person and their representatives may propose goals (the
 * goal is then ::IP_GOAL_PROPOSED); the plan's coordinator keeps them. Goals
 * of an ended plan no longer change (::IP_ESTATE).
 *
 * Status changes follow one rule (ip_goal_status_change_allowed()):
 * proposed → active or cancelled; active → on hold, completed or
 * cancelled; on hold → active or cancelled; completed and cancelled are
 * final. Keeping the status as it is, is always allowed.
 */
#ifndef IP_GOAL_H
#define IP_GOAL_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/** Where a goal is in its life. */
typedef enum ip_goal_status {
    IP_GOAL_PROPOSED = 1,  /**< proposed; not yet agreed */
    IP_GOAL_ACTIVE = 2,    /**< agreed and worked towards */
    IP_GOAL_ON_HOLD = 3,   /**< paused */
    IP_GOAL_COMPLETED = 4, /**< finished (see the achievement); final */
    IP_GOAL_CANCELLED = 5  /**< dropped; final */
} ip_goal_status;

/** How far a goal has been reached. */
typedef enum ip_goal_achievement {
    IP_GOAL_IN_PROGRESS = 1,     /**< not yet assessed as reached */
    IP_GOAL_ACHIEVED = 2,        /**< reached */
    IP_GOAL_PARTLY_ACHIEVED = 3, /**< partly reached */
    IP_GOAL_NOT_ACHIEVED = 4     /**< not reached */
} ip_goal_achievement;

/** A goal. Opaque; free with ip_goal_free(). */
typedef struct ip_goal ip_goal;

/**
 * A goal's fields, for ip_goal_create() and ip_goal_update(). Strings are
 * borrowed for the call only; NULL or "" means absent. Fields are only
 * ever appended.
 */
typedef struct ip_goal_fields {
    unsigned int version;            /**< ::IP_GOAL_FIELDS_VERSION */
    const char *plan_id;             /**< the plan; required, never changes */
    const char *parent_id;           /**< the long-term goal this is a
                                          sub-goal of (same plan, itself
                                          without a parent); optional */
    const char *text;                /**< the goal in the person's own words;
                                          required */
    const char *expressed_by_id;     /**< the participant (of the same plan)
                                          who expressed it; required */
    const char *target_date;         /**< YYYY-MM-DD; optional */
    ip_goal_status status;           /**< 0 means ::IP_GOAL_PROPOSED */
    ip_goal_achievement achievement; /**< 0 means ::IP_GOAL_IN_PROGRESS */
} ip_goal_fields;

/** The version of ::ip_goal_fields these headers describe. */
#define IP_GOAL_FIELDS_VERSION 1
/** Initializer for ::ip_goal_fields (all absent, defaults). */
#define IP_GOAL_FIELDS_INIT                                                    \
    {IP_GOAL_FIELDS_VERSION, NULL, NULL, NULL, NULL, NULL,                     \
     (ip_goal_status)0, (ip_goal_achievement)0}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_GOAL_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_goal_fields_init(ip_goal_fields *fields, unsigned int version);

/**
 * Adds a goal to a plan.
 *
 * @param out if not NULL, receives the goal (owned by the caller; free with
 *        ip_goal_free()).
 * @param session the plan's coordinator; or the person or a representative,
 *        who may only propose (status ::IP_GOAL_PROPOSED).
 * @param fields the goal.
 * @return ::IP_OK; ::IP_EINVALID naming the field (`goal.text`,
 *         `goal.parent_id` for a parent in another plan or a parent that is
 *         itself a sub-goal, `goal.status` when the person or a
 *         representative gives a status other than proposed, ...);
 *         ::IP_ENOTFOUND (no such plan, parent or participant, naming the
 *         field); ::IP_ESTATE (the plan has ended); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_goal_create(ip_goal **out, ip_session *session,
                              const ip_goal_fields *fields);

/**
 * Reads a goal (an audited read).
 *
 * @param out receives the goal; owned by the caller.
 * @param session the acting session.
 * @param id the goal's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_goal_get(ip_goal **out, ip_session *session, const char *id);

/**
 * Replaces a goal's fields, if the goal is still at expected_revision and
 * its plan has not ended. The plan cannot change; the status may change
 * only as the header's rule allows, from the stored status to the new one.
 * A goal that has sub-goals cannot itself become a sub-goal.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session the plan's coordinator.
 * @param id the goal's id.
 * @param expected_revision the revision the caller read.
 * @param fields the new fields (all of them).
 * @return ::IP_OK; ::IP_ECONFLICT (stale revision); ::IP_ESTATE (a status
 *         change the rule forbids, naming `goal.status`; or the plan has
 *         ended); ::IP_EINVALID naming the field (`goal.plan_id` when it
 *         differs); ::IP_ENOTFOUND; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_goal_update(int64_t *revision_out, ip_session *session,
                              const char *id, int64_t expected_revision,
                              const ip_goal_fields *fields);

/**
 * Whether the lifecycle rule allows a goal's status to go from one status
 * to another. Needs no store.
 *
 * @param from the current status.
 * @param to the new status.
 * @return non-zero when allowed (also when from equals to and is a valid
 *         status); 0 otherwise, and for unknown values.
 */
IP_EXTERN(int) ip_goal_status_change_allowed(ip_goal_status from,
                                             ip_goal_status to);

/** An iterator over goals. Free with ip_goal_iterator_free(). */
typedef struct ip_goal_iterator ip_goal_iterator;

/**
 * Starts iterating over a plan's goals, in the order they were created
 * (long-term goals and sub-goals alike; see ip_goal_parent_id()). The list
 * is read and authorized in this call, and each goal in it is an audited
 * read.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session (one that may read the plan).
 * @param plan_id the plan.
 * @return ::IP_OK; ::IP_ENOTFOUND (no such plan, naming `plan_id`);
 *         ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_goal_iterator_new(ip_goal_iterator **out, ip_session *session,
                                    const char *plan_id);

/**
 * The next goal.
 * @param out receives the goal; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done.
 */
IP_EXTERN(int) ip_goal_next(ip_goal **out, ip_goal_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_goal_iterator_free(ip_goal_iterator *it);

/** Frees a goal; NULL is allowed. */
IP_EXTERN(void) ip_goal_free(ip_goal *goal);

/** @name Goal getters
 * Strings borrowed, valid until the goal is freed; NULL when absent.
 * @{ */
IP_EXTERN(const char *) ip_goal_id(const ip_goal *goal);
IP_EXTERN(int64_t) ip_goal_revision(const ip_goal *goal);
IP_EXTERN(const char *) ip_goal_plan_id(const ip_goal *goal);
/** The plan's person. */
IP_EXTERN(const char *) ip_goal_person_id(const ip_goal *goal);
/** NULL for a long-term goal. */
IP_EXTERN(const char *) ip_goal_parent_id(const ip_goal *goal);
IP_EXTERN(const char *) ip_goal_text(const ip_goal *goal);
IP_EXTERN(const char *) ip_goal_expressed_by_id(const ip_goal *goal);
IP_EXTERN(const char *) ip_goal_target_date(const ip_goal *goal);
IP_EXTERN(ip_goal_status) ip_goal_status_of(const ip_goal *goal);
IP_EXTERN(ip_goal_achievement) ip_goal_achievement_of(const ip_goal *goal);
/** When the record was created, `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
IP_EXTERN(const char *) ip_goal_created_at(const ip_goal *goal);
/** When the record was last changed, `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
IP_EXTERN(const char *) ip_goal_updated_at(const ip_goal *goal);
/** @} */

/**
 * Stable names: "proposed", "active", "on_hold", "completed", "cancelled".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_goal_status_name(ip_goal_status status);
/**
 * The status for a stable name.
 * @param out receives the status.
 * @param name a name as returned by ip_goal_status_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_goal_status_from_name(ip_goal_status *out, const char *name);
/**
 * Stable names: "in_progress", "achieved", "partly_achieved",
 * "not_achieved".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_goal_achievement_name(ip_goal_achievement achievement);
/**
 * The achievement for a stable name.
 * @param out receives the achievement.
 * @param name a name as returned by ip_goal_achievement_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_goal_achievement_from_name(ip_goal_achievement *out,
                                             const char *name);

IP_END_DECL

#endif
