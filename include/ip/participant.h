/**
 * @file ip/participant.h
 * @brief Who takes part in the work on a plan (item b of the regulation),
 *        with a role, membership of the responsibility group, a period and
 *        what each will contribute (item d).
 *
 * A participant belongs to one plan. The person, representatives and next
 * of kin are persons in the store; the coordinator is a practitioner (in
 * a unit); a provider is a unit, optionally with a named practitioner;
 * another contributor is a person in the store or just a name. Participants
 * are added and changed while the plan is open (draft or active); once the
 * plan has ended they no longer change. A participant is never deleted: its
 * participation ends with ip_participant_end().
 *
 * The coordinating unit names who takes part; the plan's coordinator (an
 * active coordinator participant) keeps them too.
 */
#ifndef IP_PARTICIPANT_H
#define IP_PARTICIPANT_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/** The part someone plays in the plan. */
typedef enum ip_participant_role {
    IP_PARTICIPANT_PERSON = 1,           /**< the person the plan is for */
    IP_PARTICIPANT_REPRESENTATIVE = 2,   /**< a parent or guardian (verge) */
    IP_PARTICIPANT_NEXT_OF_KIN = 3,      /**< next of kin (pårørende) */
    IP_PARTICIPANT_COORDINATOR = 4,      /**< the coordinator (koordinator) */
    IP_PARTICIPANT_PROVIDER = 5,         /**< a service provider (tjenesteyter) */
    IP_PARTICIPANT_OTHER_CONTRIBUTOR = 6 /**< anyone else who contributes */
} ip_participant_role;

/** A participant of a plan. Opaque; free with ip_participant_free(). */
typedef struct ip_participant ip_participant;

/**
 * A participant's content; strings borrowed for the call, NULL or "" means
 * absent. Fields are only appended.
 *
 * Which references a role needs:
 * | role | person_id | practitioner_id | unit_id | name |
 * |---|---|---|---|---|
 * | person | required: the plan's person | — | — | optional |
 * | representative, next of kin | required | — | — | optional |
 * | coordinator | — | required | the practitioner's unit (derived when absent) | optional |
 * | provider | — | optional, works in unit_id | required | optional |
 * | other contributor | optional | — | — | required without person_id |
 *
 * A "—" reference is refused (::IP_EINVALID naming the field).
 */
typedef struct ip_participant_fields {
    unsigned int version;        /**< ::IP_PARTICIPANT_FIELDS_VERSION */
    const char *plan_id;         /**< the plan; cannot change */
    ip_participant_role role;    /**< the role; cannot change */
    const char *person_id;       /**< the participant as a person in the store */
    const char *practitioner_id; /**< the participant as a practitioner */
    const char *unit_id;         /**< the participant's unit */
    const char *name;            /**< a name, for a contributor not in the store
                                      (or a label for the others) */
    int responsibility_group;    /**< non-zero: a member of the
                                      responsibility group (ansvarsgruppe) */
    const char *valid_from;      /**< YYYY-MM-DD: takes part from; required */
    const char *valid_to;        /**< YYYY-MM-DD, not before valid_from;
                                      optional */
    const char *contribution;    /**< what the participant will contribute
                                      (item d) */
} ip_participant_fields;

/** The version of ::ip_participant_fields these headers describe. */
#define IP_PARTICIPANT_FIELDS_VERSION 1
/** Initializer for ::ip_participant_fields (all absent). */
#define IP_PARTICIPANT_FIELDS_INIT                                             \
    {IP_PARTICIPANT_FIELDS_VERSION, NULL, (ip_participant_role)0, NULL, NULL,  \
     NULL, NULL, 0, NULL, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_PARTICIPANT_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_participant_fields_init(ip_participant_fields *fields,
                                          unsigned int version);

/**
 * Adds a participant to an open plan.
 *
 * @param out if not NULL, receives the participant (owned by the caller).
 * @param session the coordinating unit or the plan's coordinator.
 * @param fields the participant (see ::ip_participant_fields for what each
 *        role needs).
 * @return ::IP_OK; ::IP_ESTATE (the plan has ended); ::IP_ENOTFOUND (the
 *         plan or a referenced person, practitioner or unit, naming the
 *         field); ::IP_EINVALID naming the field; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_participant_create(ip_participant **out, ip_session *session,
                                     const ip_participant_fields *fields);

/**
 * Reads a participant (an audited read).
 *
 * @param out receives the participant; owned by the caller.
 * @param session the acting session.
 * @param id the participant's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_participant_get(ip_participant **out, ip_session *session,
                                  const char *id);

/**
 * Replaces a participant's content, if it is still at expected_revision
 * and its plan has not ended. The plan and the role cannot change
 * (::IP_EINVALID naming "participant.plan_id" or "participant.role").
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session the coordinating unit or the plan's coordinator.
 * @param id the participant's id.
 * @param expected_revision the revision the caller read.
 * @param fields the new content (all of it).
 * @return ::IP_OK; ::IP_ECONFLICT; ::IP_ESTATE (the plan has ended);
 *         ::IP_ENOTFOUND; ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_participant_update(int64_t *revision_out, ip_session *session,
                                     const char *id, int64_t expected_revision,
                                     const ip_participant_fields *fields);

/**
 * Ends a participation.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session the coordinating unit or the plan's coordinator.
 * @param id the participant's id.
 * @param expected_revision the revision the caller read.
 * @param valid_to YYYY-MM-DD, the last day of participation; not before
 *        valid_from.
 * @return ::IP_OK; ::IP_ESTATE (ended already, or the plan has ended);
 *         ::IP_ECONFLICT; ::IP_ENOTFOUND; ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_participant_end(int64_t *revision_out, ip_session *session,
                                  const char *id, int64_t expected_revision,
                                  const char *valid_to);

/** An iterator over a plan's participants. */
typedef struct ip_participant_iterator ip_participant_iterator;

/**
 * Starts iterating over the participants of a plan, by role, then oldest
 * first (ended participations included). The result is read and authorized
 * in this call.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session a session that may read the plan.
 * @param plan_id the plan.
 * @return ::IP_OK; ::IP_ENOTFOUND (no such plan); ::IP_EINVALID;
 *         ::IP_EDENIED.
 */
IP_EXTERN(int) ip_participant_iterator_new(ip_participant_iterator **out,
                                           ip_session *session,
                                           const char *plan_id);

/**
 * The next participant.
 * @param out receives the participant; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done.
 */
IP_EXTERN(int) ip_participant_next(ip_participant **out,
                                   ip_participant_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_participant_iterator_free(ip_participant_iterator *it);

/** Frees a participant; NULL is allowed. */
IP_EXTERN(void) ip_participant_free(ip_participant *participant);

/** @name Participant getters
 * Strings borrowed, valid until the participant is freed; NULL when absent.
 * @{ */
IP_EXTERN(const char *) ip_participant_id(const ip_participant *participant);
IP_EXTERN(int64_t) ip_participant_revision(const ip_participant *participant);
IP_EXTERN(const char *) ip_participant_plan_id(const ip_participant *participant);
IP_EXTERN(ip_participant_role) ip_participant_role_of(const ip_participant *participant);
/** The participant as a person in the store (not the plan's person). */
IP_EXTERN(const char *) ip_participant_person_id(const ip_participant *participant);
IP_EXTERN(const char *) ip_participant_practitioner_id(const ip_participant *participant);
IP_EXTERN(const char *) ip_participant_unit_id(const ip_participant *participant);
IP_EXTERN(const char *) ip_participant_name(const ip_participant *participant);
/** Non-zero for a member of the responsibility group. */
IP_EXTERN(int) ip_participant_in_responsibility_group(const ip_participant *participant);
IP_EXTERN(const char *) ip_participant_valid_from(const ip_participant *participant);
IP_EXTERN(const char *) ip_participant_valid_to(const ip_participant *participant);
IP_EXTERN(const char *) ip_participant_contribution(const ip_participant *participant);
/** @} */

/**
 * Stable names: "person", "representative", "next_of_kin", "coordinator",
 * "provider", "other_contributor".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_participant_role_name(ip_participant_role role);
/**
 * The role for a stable name.
 * @param out receives the role.
 * @param name a name as returned by ip_participant_role_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_participant_role_from_name(ip_participant_role *out,
                                             const char *name);

IP_END_DECL

#endif
