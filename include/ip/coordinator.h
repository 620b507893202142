/**
 * @file ip/coordinator.h
 * @brief Coordinator assignments: appointing a coordinator, child
 *        coordinator (barnekoordinator) or specialist coordinator, handing
 *        over to another practitioner, ending, and the history.
 *
 * The coordinating unit appoints a practitioner of a unit as the person's
 * coordinator of one of three kinds:
 *
 * - ::IP_COORDINATOR — in the municipality (a unit of any sector but the
 *   specialist health service);
 * - ::IP_CHILD_COORDINATOR — in the municipality only, for a child under
 *   18 on the day of appointment (computed from the birth date);
 * - ::IP_SPECIALIST_COORDINATOR — in the specialist health service;
 *   appointing one tells the home municipality's coordinating unit through
 *   the outbox (::IP_OUTBOX_SPECIALIST_COORDINATOR).
 *
 * A person may have a coordinator without a plan. At most one assignment of
 * each kind is active per person: a second is refused, and a change of
 * coordinator is a handover (ip_coordinator_handover()), which ends the old
 * assignment and starts the new one in one transaction. Ended assignments
 * are kept as history. The person's wish (who they wanted) is recorded, and
 * the reason when it was not followed; ending records why.
 *
 * An assignment is active from its appointed_on day up to, but not
 * including, its ended_on day: on the day of a handover the new coordinator
 * is the active one, and the two never overlap.
 *
 * Every appointment (of any kind, and by handover) appends
 * ::IP_OUTBOX_COORDINATOR_APPOINTED to the outbox, naming the assignment's
 * unit. The choice of coordinator cannot be appealed (see ip/complaint.h).
 */
#ifndef IP_COORDINATOR_H
#define IP_COORDINATOR_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/** The kind of a coordinator assignment. */
typedef enum ip_coordinator_kind {
    IP_COORDINATOR = 1,           /**< koordinator in the municipality */
    IP_CHILD_COORDINATOR = 2,     /**< barnekoordinator: municipality only,
                                       child under 18 */
    IP_SPECIALIST_COORDINATOR = 3 /**< koordinator in the specialist health
                                       service */
} ip_coordinator_kind;

/** A coordinator assignment. Opaque; free with ip_coordinator_free(). */
typedef struct ip_coordinator_assignment ip_coordinator_assignment;

/**
 * An appointment; strings borrowed for the call, NULL or "" means absent.
 * Fields are only appended.
 */
typedef struct ip_coordinator_fields {
    unsigned int version;        /**< ::IP_COORDINATOR_FIELDS_VERSION */
    const char *person_id;       /**< the person; required */
    ip_coordinator_kind kind;    /**< required */
    const char *practitioner_id; /**< the coordinator; required */
    const char *unit_id;         /**< the unit the practitioner coordinates
                                      for; absent: the practitioner's unit;
                                      present: must be that unit */
    const char *application_id;  /**< the application whose request granted
                                      it (the coordinator or child
                                      coordinator request of the same
                                      kind); optional; not for a specialist
                                      coordinator */
    const char *appointed_on;    /**< YYYY-MM-DD, not after today; absent:
                                      today */
    const char *wished_practitioner_id; /**< the practitioner the person
                                             wished for; optional */
    const char *wish_note;       /**< the person's wish in words; optional */
    const char *wish_not_followed_reason; /**< why the wished practitioner
                                               was not appointed; required
                                               when wished_practitioner_id
                                               is given and differs from
                                               practitioner_id */
} ip_coordinator_fields;

/** The version of ::ip_coordinator_fields these headers describe. */
#define IP_COORDINATOR_FIELDS_VERSION 1
/** Initializer for ::ip_coordinator_fields (all absent). */
#define IP_COORDINATOR_FIELDS_INIT                                             \
    {IP_COORDINATOR_FIELDS_VERSION, NULL, (ip_coordinator_kind)0, NULL, NULL,  \
     NULL, NULL, NULL, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_COORDINATOR_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_coordinator_fields_init(ip_coordinator_fields *fields,
                                          unsigned int version);

/**
 * Appoints a coordinator.
 *
 * Rules, each refused with the store unchanged:
 * - the person, the practitioner, the unit, the wished practitioner and the
 *   application exist (::IP_ENOTFOUND naming the field);
 * - unit_id, when given, is the practitioner's unit (::IP_EINVALID
 *   "coordinator.unit_id");
 * - ::IP_COORDINATOR and ::IP_CHILD_COORDINATOR: the unit is not in the
 *   specialist health service; ::IP_SPECIALIST_COORDINATOR: it is
 *   (::IP_EINVALID "coordinator.unit_id");
 * - ::IP_CHILD_COORDINATOR: the person is under 18 on appointed_on
 *   (::IP_EINVALID "coordinator.kind", also when the birth date is not
 *   known). A child born on 29 February turns 18 on 1 March in years
 *   without a 29 February;
 * - the application is the person's and its request of this kind was
 *   granted (::IP_ESTATE "coordinator.application_id");
 * - the person has no active assignment of this kind (::IP_EEXISTS
 *   "coordinator.kind": use a handover), and appointed_on is not before
 *   the end of an earlier one (::IP_EINVALID "coordinator.appointed_on");
 * - a wish not followed has a reason (::IP_EINVALID
 *   "coordinator.wish_not_followed_reason"); a reason needs a wish that was
 *   not followed.
 *
 * Appends ::IP_OUTBOX_COORDINATOR_APPOINTED (unit: the assignment's unit)
 * and, for a specialist coordinator, ::IP_OUTBOX_SPECIALIST_COORDINATOR
 * (unit: the coordinating unit of the person's home municipality, or none
 * when the store has none), in the same transaction.
 *
 * @param out if not NULL, receives the assignment (owned by the caller).
 * @param session a coordinating-unit session.
 * @param fields the appointment.
 * @return ::IP_OK; ::IP_EEXISTS; ::IP_ESTATE; ::IP_ENOTFOUND;
 *         ::IP_EINVALID naming the field; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_coordinator_appoint(ip_coordinator_assignment **out,
                                      ip_session *session,
                                      const ip_coordinator_fields *fields);

/**
 * Hands an active assignment over to a new coordinator, in one
 * transaction: the old assignment ends on the new one's appointed_on with
 * reason, and the new one is appointed by the rules of
 * ip_coordinator_appoint(). If any part is refused, nothing changes (the
 * old assignment stays active).
 *
 * @param out_new if not NULL, receives the new assignment (owned by the
 *        caller).
 * @param session a coordinating-unit session.
 * @param old_id the active assignment handed over.
 * @param expected_revision the revision of the old assignment the caller
 *        read.
 * @param fields the new appointment: the same person and kind as the old
 *        one, another practitioner.
 * @param reason why the old assignment ends; required.
 * @return ::IP_OK; ::IP_ESTATE (the old one has ended); ::IP_ECONFLICT;
 *         ::IP_ENOTFOUND; ::IP_EINVALID (e.g. "coordinator.kind" when the
 *         kinds differ); ::IP_EDENIED; the codes of ip_coordinator_appoint().
 */
IP_EXTERN(int) ip_coordinator_handover(ip_coordinator_assignment **out_new,
                                       ip_session *session, const char *old_id,
                                       int64_t expected_revision,
                                       const ip_coordinator_fields *fields,
                                       const char *reason);

/**
 * Ends an active assignment.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session a coordinating-unit session.
 * @param id the assignment.
 * @param expected_revision the revision the caller read.
 * @param ended_on YYYY-MM-DD, not after today and not before appointed_on;
 *        NULL means today. The assignment is no longer active on that day.
 * @param reason why it ends; required.
 * @return ::IP_OK; ::IP_ESTATE (already ended); ::IP_ECONFLICT;
 *         ::IP_ENOTFOUND; ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_coordinator_end(int64_t *revision_out, ip_session *session,
                                  const char *id, int64_t expected_revision,
                                  const char *ended_on, const char *reason);

/**
 * Reads an assignment (an audited read).
 *
 * @param out receives the assignment; owned by the caller.
 * @param session the acting session.
 * @param id the assignment's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_coordinator_get(ip_coordinator_assignment **out,
                                  ip_session *session, const char *id);

/** An iterator over assignments. */
typedef struct ip_coordinator_iterator ip_coordinator_iterator;

/**
 * Starts iterating over one person's assignments, oldest appointment
 * first (the history). The result is read and authorized in this call,
 * and each assignment in it is an audited read.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session.
 * @param person_id the person.
 * @param active_only non-zero: only assignments not ended.
 * @return ::IP_OK; ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_coordinator_iterator_new(ip_coordinator_iterator **out,
                                           ip_session *session,
                                           const char *person_id,
                                           int active_only);

/**
 * The next assignment.
 * @param out receives the assignment; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done.
 */
IP_EXTERN(int) ip_coordinator_next(ip_coordinator_assignment **out,
                                   ip_coordinator_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_coordinator_iterator_free(ip_coordinator_iterator *it);

/** Frees an assignment; NULL is allowed. */
IP_EXTERN(void) ip_coordinator_free(ip_coordinator_assignment *assignment);

/** @name Assignment getters
 * Strings borrowed, valid until the assignment is freed; NULL when absent
 * (and for a NULL assignment).
 * @{ */
/** The assignment's own id. */
IP_EXTERN(const char *) ip_coordinator_id(const ip_coordinator_assignment *a);
IP_EXTERN(int64_t) ip_coordinator_revision(const ip_coordinator_assignment *a);
IP_EXTERN(const char *) ip_coordinator_person_id(const ip_coordinator_assignment *a);
IP_EXTERN(ip_coordinator_kind) ip_coordinator_kind_of(const ip_coordinator_assignment *a);
/** The practitioner appointed (the coordinator). */
IP_EXTERN(const char *) ip_coordinator_practitioner_id(const ip_coordinator_assignment *a);
IP_EXTERN(const char *) ip_coordinator_unit_id(const ip_coordinator_assignment *a);
IP_EXTERN(const char *) ip_coordinator_application_id(const ip_coordinator_assignment *a);
IP_EXTERN(const char *) ip_coordinator_appointed_on(const ip_coordinator_assignment *a);
/** The actor id of the session that appointed. */
IP_EXTERN(const char *) ip_coordinator_appointed_by(const ip_coordinator_assignment *a);
IP_EXTERN(const char *) ip_coordinator_wished_practitioner_id(const ip_coordinator_assignment *a);
IP_EXTERN(const char *) ip_coordinator_wish_note(const ip_coordinator_assignment *a);
IP_EXTERN(const char *) ip_coordinator_wish_not_followed_reason(const ip_coordinator_assignment *a);
/** NULL while active. */
IP_EXTERN(const char *) ip_coordinator_ended_on(const ip_coordinator_assignment *a);
/** NULL while active. */
IP_EXTERN(const char *) ip_coordinator_end_reason(const ip_coordinator_assignment *a);
IP_EXTERN(const char *) ip_coordinator_created_at(const ip_coordinator_assignment *a);
IP_EXTERN(const char *) ip_coordinator_updated_at(const ip_coordinator_assignment *a);
/** @} */

/**
 * Whether the assignment is active on day: appointed_on <= day and, when
 * ended, day < ended_on. A pure function of its arguments.
 *
 * @param a the assignment.
 * @param day YYYY-MM-DD.
 * @return non-zero when active; 0 otherwise, and for a NULL assignment or
 *         a day that is not a calendar date.
 */
IP_EXTERN(int) ip_coordinator_is_active_on(const ip_coordinator_assignment *a,
                                           const char *day);

/**
 * Stable names: "coordinator", "child_coordinator",
 * "specialist_coordinator".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_coordinator_kind_name(ip_coordinator_kind kind);
/**
 * The kind for a stable name.
 * @param out receives the kind.
 * @param name a name as returned by ip_coordinator_kind_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_coordinator_kind_from_name(ip_coordinator_kind *out,
                                             const char *name);

IP_END_DECL

#endif
