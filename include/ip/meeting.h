/**
 * @file ip/meeting.h
 * @brief Meetings of the responsibility group (ansvarsgruppemøter): when,
 *        who attended, the minutes (referat), the actions agreed (who does
 *        what by when, optionally becoming measures) and the next meeting.
 *
 * A meeting belongs to one plan and changes only while the plan is open;
 * every change on an ended plan is refused with ::IP_ESTATE and leaves the
 * store as it was. Meetings are kept by the plan's coordinator; the
 * coordinating unit, the person and representatives read them.
 *
 * A meeting is read whole: its attendees and its agreed actions come with
 * it (ip_meeting_attendee_id(), ip_meeting_action_at()).
 */
#ifndef IP_MEETING_H
#define IP_MEETING_H

#include "common.h"
#include "measure.h"
#include "session.h"

IP_BEGIN_DECL

/** A meeting, with its attendees and actions. Opaque; free with
 *  ip_meeting_free(). */
typedef struct ip_meeting ip_meeting;

/** An action agreed in a meeting. Opaque; free with ip_meeting_action_free()
 *  when it came through an `**out` parameter. */
typedef struct ip_meeting_action ip_meeting_action;

/**
 * A meeting's fields, for ip_meeting_create() and ip_meeting_update().
 * Strings are borrowed for the call only; NULL or "" means absent. Limits:
 * docs/limits.md. Fields are only ever appended.
 */
typedef struct ip_meeting_fields {
    unsigned int version;        /**< ::IP_MEETING_FIELDS_VERSION */
    const char *plan_id;         /**< the plan; required, and never changes */
    const char *planned_on;      /**< YYYY-MM-DD: when it is (or was) planned;
                                      required */
    const char *held_on;         /**< YYYY-MM-DD: when it was held, not after
                                      today; absent until it is held */
    const char *minutes;         /**< the minutes (referat); optional */
    const char *next_meeting_on; /**< YYYY-MM-DD: the next meeting, after
                                      planned_on and held_on; optional */
} ip_meeting_fields;

/** The version of ::ip_meeting_fields these headers describe. */
#define IP_MEETING_FIELDS_VERSION 1
/** Initializer for ::ip_meeting_fields (all absent). */
#define IP_MEETING_FIELDS_INIT {IP_MEETING_FIELDS_VERSION, NULL, NULL, NULL, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_MEETING_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_meeting_fields_init(ip_meeting_fields *fields,
                                      unsigned int version);

/**
 * Records a meeting of a plan's responsibility group.
 *
 * @param out if not NULL, receives the new meeting (owned by the caller;
 *        free with ip_meeting_free()); it has no attendees or actions yet.
 * @param session the plan's coordinator.
 * @param fields the meeting's fields.
 * @return ::IP_OK; ::IP_EINVALID naming the field (`meeting.planned_on`,
 *         `meeting.held_on`, ...); ::IP_ENOTFOUND (`meeting.plan_id`: no
 *         such plan); ::IP_ESTATE (the plan has ended); ::IP_EDENIED;
 *         store errors.
 */
IP_EXTERN(int) ip_meeting_create(ip_meeting **out, ip_session *session,
                                 const ip_meeting_fields *fields);

/**
 * Reads a meeting with its attendees and actions (an audited read).
 *
 * @param out receives the meeting; owned by the caller.
 * @param session the acting session.
 * @param id the meeting's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_meeting_get(ip_meeting **out, ip_session *session,
                              const char *id);

/**
 * Replaces a meeting's fields, if the meeting is still at
 * expected_revision and its plan has not ended. The plan cannot change:
 * fields->plan_id must be the meeting's plan. Attendees and actions are
 * not touched.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session the plan's coordinator.
 * @param id the meeting's id.
 * @param expected_revision the revision the caller read.
 * @param fields the new fields (all of them).
 * @return ::IP_OK; ::IP_ECONFLICT (stale revision); ::IP_ESTATE (the plan
 *         has ended); ::IP_ENOTFOUND; ::IP_EINVALID naming the field
 *         (`meeting.plan_id` when it differs); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_meeting_update(int64_t *revision_out, ip_session *session,
                                 const char *id, int64_t expected_revision,
                                 const ip_meeting_fields *fields);

/**
 * Records that a participant of the plan attended the meeting (an audited
 * update of the meeting). The attendees are a set, changed one member at a
 * time, so this takes no revision and leaves the meeting's revision as it
 * is.
 *
 * @param session the plan's coordinator.
 * @param meeting_id the meeting.
 * @param participant_id a participant of the meeting's plan
 *        (ip/participant.h).
 * @return ::IP_OK; ::IP_EEXISTS (already listed as attending);
 *         ::IP_EINVALID (`meeting_attendee.participant_id`: a participant
 *         of another plan, or not an id); ::IP_ENOTFOUND (no such meeting
 *         or participant); ::IP_ESTATE (the plan has ended); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_meeting_add_attendee(ip_session *session,
                                       const char *meeting_id,
                                       const char *participant_id);

/**
 * Takes a participant off the meeting's attendees (an audited update of
 * the meeting).
 *
 * @param session the plan's coordinator.
 * @param meeting_id the meeting.
 * @param participant_id an attendee of the meeting.
 * @return ::IP_OK; ::IP_ENOTFOUND (no such meeting, or
 *         `meeting_attendee.participant_id`: not listed as attending);
 *         ::IP_ESTATE (the plan has ended); ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_meeting_remove_attendee(ip_session *session,
                                          const char *meeting_id,
                                          const char *participant_id);

/** An iterator over a plan's meetings. */
typedef struct ip_meeting_iterator ip_meeting_iterator;

/**
 * Starts iterating over a plan's meetings, earliest planned first, each
 * with its attendees and actions. The result is read and authorized in
 * this call, and each meeting in it is an audited read. The whole list is
 * read with a fixed number of queries, however many meetings there are.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session (one that may read the plan).
 * @param plan_id the plan.
 * @return ::IP_OK; ::IP_ENOTFOUND (`plan_id`: no such plan);
 *         ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_meeting_iterator_new(ip_meeting_iterator **out,
                                       ip_session *session,
                                       const char *plan_id);

/**
 * The next meeting.
 * @param out receives the meeting; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done.
 */
IP_EXTERN(int) ip_meeting_next(ip_meeting **out, ip_meeting_iterator *it);

/** Frees an iterator and the meetings it did not hand out; NULL is
 *  allowed. */
IP_EXTERN(void) ip_meeting_iterator_free(ip_meeting_iterator *it);

/** Frees a meeting with its attendees and actions; NULL is allowed. */
IP_EXTERN(void) ip_meeting_free(ip_meeting *meeting);

/** @name Meeting getters
 * Strings are borrowed, valid until the meeting is freed; NULL when absent.
 * @{ */
IP_EXTERN(const char *) ip_meeting_id(const ip_meeting *meeting);
IP_EXTERN(int64_t) ip_meeting_revision(const ip_meeting *meeting);
IP_EXTERN(const char *) ip_meeting_plan_id(const ip_meeting *meeting);
IP_EXTERN(const char *) ip_meeting_planned_on(const ip_meeting *meeting);
IP_EXTERN(const char *) ip_meeting_held_on(const ip_meeting *meeting);
IP_EXTERN(const char *) ip_meeting_minutes(const ip_meeting *meeting);
IP_EXTERN(const char *) ip_meeting_next_meeting_on(const ip_meeting *meeting);
/** When the record was created, `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
IP_EXTERN(const char *) ip_meeting_created_at(const ip_meeting *meeting);
/** When the record was last changed, `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
IP_EXTERN(const char *) ip_meeting_updated_at(const ip_meeting *meeting);
/** How many participants attended (0 for NULL). */
IP_EXTERN(size_t) ip_meeting_attendee_count(const ip_meeting *meeting);
/** The participant id of attendee i (0-based, in the order the participants
 *  were created), or NULL when i is out of range. */
IP_EXTERN(const char *) ip_meeting_attendee_id(const ip_meeting *meeting,
                                               size_t i);
/** How many actions were agreed in the meeting (0 for NULL). */
IP_EXTERN(size_t) ip_meeting_action_count(const ip_meeting *meeting);
/**
 * Action i (0-based, in the order they were recorded), or NULL when i is
 * out of range. Borrowed: valid until the meeting is freed; never pass it
 * to ip_meeting_action_free().
 */
IP_EXTERN(const ip_meeting_action *) ip_meeting_action_at(const ip_meeting *meeting,
                                                          size_t i);
/** @} */

/**
 * An agreed action's fields, for ip_meeting_action_create(). Strings are
 * borrowed for the call only; NULL or "" means absent. Fields are only ever
 * appended.
 */
typedef struct ip_meeting_action_fields {
    unsigned int version;   /**< ::IP_MEETING_ACTION_FIELDS_VERSION */
    const char *meeting_id; /**< the meeting it was agreed in; required */
    const char *who_id;     /**< who does it: a participant of the meeting's
                                 plan; required */
    const char *what;       /**< what is to be done; required */
    const char *due_on;     /**< YYYY-MM-DD: by when; optional */
} ip_meeting_action_fields;

/** The version of ::ip_meeting_action_fields these headers describe. */
#define IP_MEETING_ACTION_FIELDS_VERSION 1
/** Initializer for ::ip_meeting_action_fields (all absent). */
#define IP_MEETING_ACTION_FIELDS_INIT {IP_MEETING_ACTION_FIELDS_VERSION, NULL, NULL, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_MEETING_ACTION_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_meeting_action_fields_init(ip_meeting_action_fields *fields,
                                             unsigned int version);

/**
 * Records an action agreed in a meeting: who does what by when.
 *
 * @param out if not NULL, receives the new action (owned by the caller;
 *        free with ip_meeting_action_free()).
 * @param session the plan's coordinator.
 * @param fields the action's fields.
 * @return ::IP_OK; ::IP_EINVALID naming the field
 *         (`meeting_action.who_id` of another plan, `meeting_action.what`,
 *         ...); ::IP_ENOTFOUND (`meeting_action.meeting_id` or
 *         `meeting_action.who_id`); ::IP_ESTATE (the plan has ended);
 *         ::IP_EDENIED.
 */
IP_EXTERN(int) ip_meeting_action_create(ip_meeting_action **out,
                                        ip_session *session,
                                        const ip_meeting_action_fields *fields);

/**
 * Reads an agreed action (an audited read).
 *
 * @param out receives the action; owned by the caller.
 * @param session the acting session.
 * @param id the action's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_meeting_action_get(ip_meeting_action **out,
                                     ip_session *session, const char *id);

/**
 * Turns an agreed action into a measure of the plan, in one transaction:
 * creates the measure as ip_measure_create() does (its rules, its
 * authorization and its audit event), and links the action to it (an
 * update of the action). An action becomes at most one measure.
 *
 * @param out if not NULL, receives the new measure (owned by the caller;
 *        free with ip_measure_free()).
 * @param session the plan's coordinator.
 * @param action_id the action.
 * @param expected_revision the action's revision the caller read.
 * @param fields the measure's fields; fields->plan_id must be the action's
 *        plan.
 * @return ::IP_OK; ::IP_ESTATE (`meeting_action.measure_id`: the action has
 *         a measure already; or the plan has ended); ::IP_ECONFLICT (stale
 *         revision); ::IP_EINVALID (`measure.plan_id` of another plan, or
 *         any error of ip_measure_create()); ::IP_ENOTFOUND; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_meeting_action_to_measure(ip_measure **out,
                                            ip_session *session,
                                            const char *action_id,
                                            int64_t expected_revision,
                                            const ip_measure_fields *fields);

/** Frees an action that came through an `**out` parameter; NULL is
 *  allowed. */
IP_EXTERN(void) ip_meeting_action_free(ip_meeting_action *action);

/** @name Meeting action getters
 * Strings are borrowed, valid until the action (or the meeting it came
 * with) is freed; NULL when absent.
 * @{ */
IP_EXTERN(const char *) ip_meeting_action_id(const ip_meeting_action *action);
IP_EXTERN(int64_t) ip_meeting_action_revision(const ip_meeting_action *action);
IP_EXTERN(const char *) ip_meeting_action_meeting_id(const ip_meeting_action *action);
IP_EXTERN(const char *) ip_meeting_action_plan_id(const ip_meeting_action *action);
/** The participant who does it. */
IP_EXTERN(const char *) ip_meeting_action_who_id(const ip_meeting_action *action);
IP_EXTERN(const char *) ip_meeting_action_what(const ip_meeting_action *action);
IP_EXTERN(const char *) ip_meeting_action_due_on(const ip_meeting_action *action);
/** The measure the action became (ip_meeting_action_to_measure()), or
 *  NULL. */
IP_EXTERN(const char *) ip_meeting_action_measure_id(const ip_meeting_action *action);
/** @} */

IP_END_DECL

#endif
