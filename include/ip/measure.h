/**
 * @file ip/measure.h
 * @brief Measures (tiltak) of a plan: what is done, its extent, how and
 *        when, who is responsible, the goals it serves, and its status.
 *
 * A measure belongs to one plan and has a responsible unit (and optionally
 * a responsible practitioner working in that unit). A measure does not
 * grant a service: the decision that does is the host system's, and the
 * measure may refer to it by the host's own id (decision_ref).
 *
 * The plan's coordinator keeps measures; a provider whose unit takes part
 * in the plan may update the measures its unit is responsible for (and
 * link them to goals), but not hand them to another unit. Measures of an
 * ended plan no longer change (::IP_ESTATE).
 *
 * Status changes follow one rule (ip_measure_status_change_allowed()):
 * planned → in progress or cancelled; in progress → on hold, completed or
 * cancelled; on hold → in progress or cancelled; completed and cancelled
 * are final. Keeping the status as it is, is always allowed.
 */
#ifndef IP_MEASURE_H
#define IP_MEASURE_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/** Where a measure is in its life. */
typedef enum ip_measure_status {
    IP_MEASURE_PLANNED = 1,     /**< agreed, not started */
    IP_MEASURE_IN_PROGRESS = 2, /**< being carried out */
    IP_MEASURE_ON_HOLD = 3,     /**< paused */
    IP_MEASURE_COMPLETED = 4,   /**< carried out; final */
    IP_MEASURE_CANCELLED = 5    /**< dropped; final */
} ip_measure_status;

/** A measure. Opaque; free with ip_measure_free(). */
typedef struct ip_measure ip_measure;

/**
 * A measure's fields, for ip_measure_create() and ip_measure_update().
 * Strings are borrowed for the call only; NULL or "" means absent. Fields
 * are only ever appended.
 */
typedef struct ip_measure_fields {
    unsigned int version;                    /**< ::IP_MEASURE_FIELDS_VERSION */
    const char *plan_id;                     /**< the plan; required, never
                                                  changes */
    const char *what;                        /**< what is done; required */
    const char *extent;                      /**< extent (omfang), e.g. "2
                                                  timer per uke"; optional */
    const char *how;                         /**< how it is carried out
                                                  (gjennomføring); optional */
    const char *start_on;                    /**< YYYY-MM-DD; optional */
    const char *end_on;                      /**< YYYY-MM-DD, not before
                                                  start_on; optional */
    const char *frequency;                   /**< how often, in words; optional */
    const char *responsible_unit_id;         /**< the unit responsible;
                                                  required */
    const char *responsible_practitioner_id; /**< a practitioner working in
                                                  that unit; optional */
    ip_measure_status status;                /**< 0 means ::IP_MEASURE_PLANNED */
    const char *decision_ref;                /**< the host system's own id of
                                                  the service decision; optional */
} ip_measure_fields;

/** The version of ::ip_measure_fields these headers describe. */
#define IP_MEASURE_FIELDS_VERSION 1
/** Initializer for ::ip_measure_fields (all absent, defaults). */
#define IP_MEASURE_FIELDS_INIT                                                 \
    {IP_MEASURE_FIELDS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL,      \
     NULL, NULL, (ip_measure_status)0, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_MEASURE_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_measure_fields_init(ip_measure_fields *fields,
                                      unsigned int version);

/**
 * Adds a measure to a plan.
 *
 * @param out if not NULL, receives the measure (owned by the caller; free
 *        with ip_measure_free()).
 * @param session the plan's coordinator.
 * @param fields the measure.
 * @return ::IP_OK; ::IP_EINVALID naming the field (`measure.what`,
 *         `measure.end_on`, `measure.responsible_practitioner_id` for a
 *         practitioner of another unit, ...); ::IP_ENOTFOUND (no such plan,
 *         unit or practitioner, naming the field); ::IP_ESTATE (the plan
 *         has ended); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_measure_create(ip_measure **out, ip_session *session,
                                 const ip_measure_fields *fields);

/**
 * Reads a measure with the ids of the goals it serves (an audited read).
 *
 * @param out receives the measure; owned by the caller.
 * @param session the acting session.
 * @param id the measure's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_measure_get(ip_measure **out, ip_session *session,
                              const char *id);

/**
 * Replaces a measure's fields, if the measure is still at
 * expected_revision and its plan has not ended. The plan cannot change;
 * the status may change only as the header's rule allows, from the stored
 * status to the new one. The goals it serves are kept (see
 * ip_measure_link_goal()). The actor must be allowed to update the measure
 * both as it was and as it becomes: a provider cannot hand a measure to
 * another unit.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session the plan's coordinator, or a provider of the responsible
 *        unit.
 * @param id the measure's id.
 * @param expected_revision the revision the caller read.
 * @param fields the new fields (all of them).
 * @return ::IP_OK; ::IP_ECONFLICT (stale revision); ::IP_ESTATE (a status
 *         change the rule forbids, naming `measure.status`; or the plan has
 *         ended); ::IP_EINVALID naming the field (`measure.plan_id` when it
 *         differs); ::IP_ENOTFOUND; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_measure_update(int64_t *revision_out, ip_session *session,
                                 const char *id, int64_t expected_revision,
                                 const ip_measure_fields *fields);

/**
 * Records that a measure serves a goal of the same plan. An update of the
 * measure (authorized and audited as such), refused when the plan has
 * ended. The link is not a field of the measure: the measure's revision
 * does not change.
 *
 * @param session the plan's coordinator, or a provider of the responsible
 *        unit.
 * @param measure_id the measure.
 * @param goal_id a goal of the measure's plan.
 * @return ::IP_OK; ::IP_EEXISTS (linked already); ::IP_EINVALID (a goal of
 *         another plan, naming `goal_id`); ::IP_ENOTFOUND (no such measure or
 *         goal); ::IP_ESTATE (the plan has ended); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_measure_link_goal(ip_session *session, const char *measure_id,
                                    const char *goal_id);

/**
 * Removes the record that a measure serves a goal. As
 * ip_measure_link_goal(): an update of the measure.
 *
 * @param session the plan's coordinator, or a provider of the responsible
 *        unit.
 * @param measure_id the measure.
 * @param goal_id the goal.
 * @return ::IP_OK; ::IP_ENOTFOUND (no such measure, or the two are not
 *         linked, naming `goal_id`); ::IP_ESTATE (the plan has ended);
 *         ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_measure_unlink_goal(ip_session *session, const char *measure_id,
                                      const char *goal_id);

/**
 * Whether the lifecycle rule allows a measure's status to go from one
 * status to another. Needs no store.
 *
 * @param from the current status.
 * @param to the new status.
 * @return non-zero when allowed (also when from equals to and is a valid
 *         status); 0 otherwise, and for unknown values.
 */
IP_EXTERN(int) ip_measure_status_change_allowed(ip_measure_status from,
                                                ip_measure_status to);

/** An iterator over measures. Free with ip_measure_iterator_free(). */
typedef struct ip_measure_iterator ip_measure_iterator;

/**
 * Starts iterating over a plan's measures, in the order they were created,
 * each with the ids of the goals it serves. The list is read and
 * authorized in this call, and each measure in it is an audited read.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session (one that may read the plan).
 * @param plan_id the plan.
 * @return ::IP_OK; ::IP_ENOTFOUND (no such plan, naming `plan_id`);
 *         ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_measure_iterator_new(ip_measure_iterator **out,
                                       ip_session *session, const char *plan_id);

/**
 * The next measure.
 * @param out receives the measure; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done.
 */
IP_EXTERN(int) ip_measure_next(ip_measure **out, ip_measure_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_measure_iterator_free(ip_measure_iterator *it);

/** Frees a measure; NULL is allowed. */
IP_EXTERN(void) ip_measure_free(ip_measure *measure);

/** @name Measure getters
 * Strings borrowed, valid until the measure is freed; NULL when absent.
 * @{ */
IP_EXTERN(const char *) ip_measure_id(const ip_measure *measure);
IP_EXTERN(int64_t) ip_measure_revision(const ip_measure *measure);
IP_EXTERN(const char *) ip_measure_plan_id(const ip_measure *measure);
/** The plan's person. */
IP_EXTERN(const char *) ip_measure_person_id(const ip_measure *measure);
IP_EXTERN(const char *) ip_measure_what(const ip_measure *measure);
IP_EXTERN(const char *) ip_measure_extent(const ip_measure *measure);
IP_EXTERN(const char *) ip_measure_how(const ip_measure *measure);
IP_EXTERN(const char *) ip_measure_start_on(const ip_measure *measure);
IP_EXTERN(const char *) ip_measure_end_on(const ip_measure *measure);
IP_EXTERN(const char *) ip_measure_frequency(const ip_measure *measure);
IP_EXTERN(const char *) ip_measure_responsible_unit_id(const ip_measure *measure);
IP_EXTERN(const char *) ip_measure_responsible_practitioner_id(const ip_measure *measure);
IP_EXTERN(ip_measure_status) ip_measure_status_of(const ip_measure *measure);
IP_EXTERN(const char *) ip_measure_decision_ref(const ip_measure *measure);
/** When the record was created, `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
IP_EXTERN(const char *) ip_measure_created_at(const ip_measure *measure);
/** When the record was last changed, `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
IP_EXTERN(const char *) ip_measure_updated_at(const ip_measure *measure);
/** How many goals the measure serves (as read). */
IP_EXTERN(size_t) ip_measure_goal_count(const ip_measure *measure);
/** The id of goal i (0-based, in the order the goals were created), or
 *  NULL when i is out of range. */
IP_EXTERN(const char *) ip_measure_goal_id(const ip_measure *measure, size_t i);
/** @} */

/**
 * Stable names: "planned", "in_progress", "on_hold", "completed",
 * "cancelled".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_measure_status_name(ip_measure_status status);
/**
 * The status for a stable name.
 * @param out receives the status.
 * @param name a name as returned by ip_measure_status_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_measure_status_from_name(ip_measure_status *out,
                                           const char *name);

IP_END_DECL

#endif
