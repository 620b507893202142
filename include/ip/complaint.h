/**
 * @file ip/complaint.h
 * @brief Complaints (klage) to the municipality and on to Statsforvalteren.
 *
 * A complaint (pasient- og brukerrettighetsloven § 7-2) is about a refused
 * plan, coordinator or child coordinator request, a plan that does not
 * meet the content requirements, not being allowed to take part, or lack of
 * cooperation (::ip_complaint_ground). The *choice* of coordinator cannot
 * be complained about: appointing a coordinator is not an individual
 * decision (HOD), so ::IP_GROUND_COORDINATOR_CHOICE is always refused, with
 * a message that says so, and never reaches the store.
 *
 * **Who may file** (judged on the day received): the person from 12 (a
 * child has party rights of their own from 12); a guardian (verge); or, for
 * a child under 16, a parent (relation ::IP_RELATION_PARENT). A person
 * without a birth date counts as 12 or older. Authority given in writing to
 * others (fullmakt) is not modelled: such a complaint is filed in the
 * person's name. When the session is the person's or a representative's
 * own, they file in their own name (`filed_by_id` is the actor).
 * Whether the complaint is written and signed (§ 7-3) is recorded, not
 * required: the municipality helps the complainant put right formal
 * defects.
 *
 * **Deadline** (§ 7-5): `knew_on` (when the complainant knew or should
 * have known) plus the store setting `complaint_deadline_weeks` (four by
 * default, see ip_setting_get()), counted in calendar days: 31 January
 * plus four weeks is 28 February. A complaint received after its deadline
 * is accepted and marked late (§ 7-7 lets it still be heard).
 *
 * **States** (::ip_complaint_status):
 *
 *     received --review--> municipal_review --reverse--> reversed --> closed
 *                                           \--forward--> forwarded --decide--> decided --close--> closed
 *
 * Reversal (omgjøring) by the municipality closes the complaint in the same
 * call; for a refused request it also changes that request's outcome to
 * granted (reason "omgjort etter klage", the original form kept), an
 * audited change of the application. For the other grounds the
 * municipality records what it does in the note. Forwarding appends an
 * ::IP_OUTBOX_COMPLAINT_FORWARDED outbox event. Any other move is refused
 * with ::IP_ESTATE naming `complaint.status`. Every step is kept, oldest
 * first: who (the actor), when (the day), from and to which state, the
 * outcome when decided, and a note.
 *
 * Complaints are case handling of the coordinating unit (every call); the
 * person and representatives file and read their own; a coordinator reads
 * the complaints of the persons they coordinate.
 */
#ifndef IP_COMPLAINT_H
#define IP_COMPLAINT_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/** What a complaint is about. */
typedef enum ip_complaint_ground {
    IP_GROUND_PLAN_REFUSED = 1,              /**< a plan request refused */
    IP_GROUND_COORDINATOR_REFUSED = 2,       /**< a coordinator request refused */
    IP_GROUND_CHILD_COORDINATOR_REFUSED = 3, /**< a child coordinator request refused */
    IP_GROUND_PLAN_CONTENT = 4,  /**< the plan does not meet the content requirements */
    IP_GROUND_PARTICIPATION = 5, /**< not allowed to take part */
    IP_GROUND_COOPERATION = 6,   /**< lack of cooperation */
    /** The choice of coordinator: named so that it can be refused with its
     *  explanation. ip_complaint_file() always refuses it (::IP_EINVALID
     *  naming `complaint.ground`). */
    IP_GROUND_COORDINATOR_CHOICE = 7
} ip_complaint_ground;

/** Where a complaint stands. */
typedef enum ip_complaint_status {
    IP_COMPLAINT_RECEIVED = 1,         /**< mottatt */
    IP_COMPLAINT_MUNICIPAL_REVIEW = 2, /**< the municipality considers it */
    IP_COMPLAINT_REVERSED = 3,         /**< omgjort by the municipality (a step
                                            on the way to closed) */
    IP_COMPLAINT_FORWARDED = 4,        /**< sent on to Statsforvalteren */
    IP_COMPLAINT_DECIDED = 5,          /**< Statsforvalteren has decided */
    IP_COMPLAINT_CLOSED = 6            /**< avsluttet */
} ip_complaint_status;

/** Statsforvalteren's outcome. */
typedef enum ip_complaint_outcome {
    IP_COMPLAINT_OUTCOME_NONE = 0,          /**< not decided (yet) */
    IP_COMPLAINT_OUTCOME_DISMISSED = 1,     /**< avvist (formal grounds) */
    IP_COMPLAINT_OUTCOME_UPHELD = 2,        /**< medhold */
    IP_COMPLAINT_OUTCOME_PARTLY_UPHELD = 3, /**< delvis medhold */
    IP_COMPLAINT_OUTCOME_NOT_UPHELD = 4,    /**< ikke medhold */
    IP_COMPLAINT_OUTCOME_SET_ASIDE = 5      /**< opphevet og sendt tilbake */
} ip_complaint_outcome;

/** A complaint with its steps. Opaque; free with ip_complaint_free(). */
typedef struct ip_complaint ip_complaint;

/** A complaint as filed; strings borrowed for the call. */
typedef struct ip_complaint_fields {
    unsigned int version;       /**< ::IP_COMPLAINT_FIELDS_VERSION */
    const char *person_id;      /**< whom it concerns; required */
    const char *filed_by_id;    /**< who complains: the person or one with
                                     standing (see above); required */
    int is_written;             /**< non-zero: made in writing */
    int is_signed;              /**< non-zero: signed by the complainant */
    ip_complaint_ground ground; /**< required */
    const char *application_id; /**< the refused grounds: the person's
                                     application whose matching request was
                                     refused; required for them, absent for
                                     the others */
    const char *plan_id;        /**< plan_content, participation and
                                     cooperation: the person's plan; required
                                     for them, absent for the others */
    const char *knew_on;        /**< YYYY-MM-DD the complainant knew or should
                                     have known; required; not after
                                     received_on, nor before a refusal
                                     complained about was decided */
    const char *received_on;    /**< YYYY-MM-DD; not after today; NULL: today */
    const char *note;           /**< free text; optional */
} ip_complaint_fields;

/** The version of ::ip_complaint_fields these headers describe. */
#define IP_COMPLAINT_FIELDS_VERSION 1
/** Initializer for ::ip_complaint_fields. */
#define IP_COMPLAINT_FIELDS_INIT {IP_COMPLAINT_FIELDS_VERSION, NULL, NULL, 0, 0, (ip_complaint_ground)0, NULL, NULL, NULL, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_COMPLAINT_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_complaint_fields_init(ip_complaint_fields *fields,
                                        unsigned int version);

/**
 * Registers a received complaint (status ::IP_COMPLAINT_RECEIVED) with its
 * deadline, marked late when received after it. Its first step (from 0 to
 * received, on `received_on`) names the actor who registered it; that
 * step's note is empty (the complaint's note is ip_complaint_note()).
 *
 * @param out if not NULL, receives the complaint (owned by the caller).
 * @param session a coordinating-unit session, or the person or a
 *        representative filing for themselves.
 * @param fields the complaint.
 * @return ::IP_OK; ::IP_EINVALID naming the field (`complaint.ground` for
 *         the choice of coordinator, explaining why it cannot be appealed;
 *         `complaint.filed_by_id` without standing;
 *         `complaint.application_id` of another person or without the
 *         request; `complaint.plan_id` of another person; a date out of
 *         order); ::IP_ESTATE (`complaint.application_id`: the request
 *         complained about was not refused); ::IP_ENOTFOUND (person, filer,
 *         application or plan); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_complaint_file(ip_complaint **out, ip_session *session,
                                 const ip_complaint_fields *fields);

/**
 * Reads a complaint with its steps.
 *
 * @param out receives the complaint; owned by the caller.
 * @param session the acting session.
 * @param id the complaint's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_complaint_get(ip_complaint **out, ip_session *session,
                                const char *id);

/**
 * @name Moving a complaint on
 * Each call moves one complaint from the state it must be in, appends the
 * step (the actor, today unless said otherwise, the note), and returns the
 * complaint's new revision through `revision_out` (may be NULL). Each
 * returns ::IP_OK; ::IP_ESTATE naming `complaint.status` when the
 * complaint is not in the state the move starts from; ::IP_ECONFLICT
 * (`complaint.revision`) when `expected_revision` is stale (checked
 * first); ::IP_EINVALID (malformed id or note); ::IP_ENOTFOUND;
 * ::IP_EDENIED (the coordinating unit moves complaints).
 * `note`: free text, optional (NULL).
 * @{ */

/** received → municipal review: the municipality takes it up. */
IP_EXTERN(int) ip_complaint_review(int64_t *revision_out, ip_session *session,
                                   const char *id, int64_t expected_revision,
                                   const char *note);

/**
 * municipal review → reversed → closed: the municipality changes its own
 * outcome (two steps). For a refused request the request becomes granted
 * (see above); ::IP_ESTATE naming `complaint.application_id` when it is no
 * longer refused (another complaint reversed it).
 */
IP_EXTERN(int) ip_complaint_reverse(int64_t *revision_out, ip_session *session,
                                    const char *id, int64_t expected_revision,
                                    const char *note);

/** municipal review → forwarded to Statsforvalteren, with an outbox event
 *  (::IP_OUTBOX_COMPLAINT_FORWARDED, object_kind "complaint"). */
IP_EXTERN(int) ip_complaint_forward(int64_t *revision_out, ip_session *session,
                                    const char *id, int64_t expected_revision,
                                    const char *note);

/**
 * forwarded → decided: records Statsforvalteren's outcome.
 * @param revision_out if not NULL, receives the complaint's new revision.
 * @param session the coordinating unit's session.
 * @param id the complaint.
 * @param expected_revision the revision the caller read (else
 *        ::IP_ECONFLICT).
 * @param outcome one of the outcomes other than ::IP_COMPLAINT_OUTCOME_NONE
 *        (else ::IP_EINVALID naming `complaint.outcome`).
 * @param decided_on YYYY-MM-DD, not after today nor before the complaint
 *        was forwarded (`complaint.decided_on`); NULL: today. The step's
 *        day.
 * @param note free text on the step, optional (NULL).
 */
IP_EXTERN(int) ip_complaint_decide(int64_t *revision_out, ip_session *session,
                                   const char *id, int64_t expected_revision,
                                   ip_complaint_outcome outcome,
                                   const char *decided_on, const char *note);

/** decided → closed. */
IP_EXTERN(int) ip_complaint_close(int64_t *revision_out, ip_session *session,
                                  const char *id, int64_t expected_revision,
                                  const char *note);
/** @} */

/**
 * The state machine, for callers that show only the moves allowed.
 * @return 1 when a complaint may move from `from` to `to`, else 0.
 */
IP_EXTERN(int) ip_complaint_transition_allowed(ip_complaint_status from,
                                               ip_complaint_status to);

/** Which complaints an iterator yields. */
typedef struct ip_complaint_query {
    unsigned int version;  /**< ::IP_COMPLAINT_QUERY_VERSION */
    const char *person_id; /**< only this person's; NULL: every complaint
                                (the coordinating unit) */
    int open_only;         /**< non-zero: only those not closed */
} ip_complaint_query;

/** The version of ::ip_complaint_query these headers describe. */
#define IP_COMPLAINT_QUERY_VERSION 1
/** Initializer for ::ip_complaint_query (every complaint). */
#define IP_COMPLAINT_QUERY_INIT {IP_COMPLAINT_QUERY_VERSION, NULL, 0}

/**
 * Initializes a query for FFI callers.
 * @param query the struct to fill.
 * @param version ::IP_COMPLAINT_QUERY_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_complaint_query_init(ip_complaint_query *query,
                                       unsigned int version);

/** An iterator over complaints. */
typedef struct ip_complaint_iterator ip_complaint_iterator;

/**
 * Starts iterating over complaints with their steps, oldest received
 * first. The whole result is read and authorized in this call, and each
 * complaint in it is recorded as an audited read. Listing every complaint
 * is case handling (the coordinating unit); the person, a representative
 * or a coordinator list one person's by setting `query->person_id`.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session.
 * @param query which complaints; NULL means all.
 * @return ::IP_OK; ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_complaint_iterator_new(ip_complaint_iterator **out,
                                         ip_session *session,
                                         const ip_complaint_query *query);

/**
 * The next complaint.
 * @param out receives the complaint; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done.
 */
IP_EXTERN(int) ip_complaint_next(ip_complaint **out, ip_complaint_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_complaint_iterator_free(ip_complaint_iterator *it);

/** Frees a complaint; NULL is allowed. */
IP_EXTERN(void) ip_complaint_free(ip_complaint *complaint);

/** @name Complaint getters
 * Strings borrowed, valid until the complaint is freed; NULL when absent.
 * @{ */
IP_EXTERN(const char *) ip_complaint_id(const ip_complaint *c);
IP_EXTERN(int64_t) ip_complaint_revision(const ip_complaint *c);
IP_EXTERN(const char *) ip_complaint_person_id(const ip_complaint *c);
IP_EXTERN(const char *) ip_complaint_filed_by_id(const ip_complaint *c);
/** 1 when made in writing, else 0. */
IP_EXTERN(int) ip_complaint_is_written(const ip_complaint *c);
/** 1 when signed, else 0. */
IP_EXTERN(int) ip_complaint_is_signed(const ip_complaint *c);
IP_EXTERN(ip_complaint_ground) ip_complaint_ground_of(const ip_complaint *c);
IP_EXTERN(const char *) ip_complaint_application_id(const ip_complaint *c);
IP_EXTERN(const char *) ip_complaint_plan_id(const ip_complaint *c);
IP_EXTERN(const char *) ip_complaint_knew_on(const ip_complaint *c);
IP_EXTERN(const char *) ip_complaint_received_on(const ip_complaint *c);
/** The last day to complain in time: knew_on plus the deadline setting
 *  in force when the complaint was filed. */
IP_EXTERN(const char *) ip_complaint_deadline_on(const ip_complaint *c);
/** 1 when received after the deadline, else 0. */
IP_EXTERN(int) ip_complaint_is_late(const ip_complaint *c);
IP_EXTERN(ip_complaint_status) ip_complaint_status_of(const ip_complaint *c);
/** Statsforvalteren's outcome; ::IP_COMPLAINT_OUTCOME_NONE until decided
 *  (and for a complaint reversed by the municipality). */
IP_EXTERN(ip_complaint_outcome) ip_complaint_outcome_of(const ip_complaint *c);
/** 1 when the municipality reversed its outcome, else 0. */
IP_EXTERN(int) ip_complaint_is_reversed(const ip_complaint *c);
IP_EXTERN(const char *) ip_complaint_forwarded_on(const ip_complaint *c);
/** The day of Statsforvalteren's decision; NULL until decided. */
IP_EXTERN(const char *) ip_complaint_decided_on(const ip_complaint *c);
IP_EXTERN(const char *) ip_complaint_closed_on(const ip_complaint *c);
IP_EXTERN(const char *) ip_complaint_note(const ip_complaint *c);
/** @} */

/** @name Step getters
 * Steps oldest first, index 0 the filing. An index out of range gives 0
 * or NULL.
 * @{ */
IP_EXTERN(size_t) ip_complaint_step_count(const ip_complaint *c);
/** The state before the step; 0 for the filing. */
IP_EXTERN(ip_complaint_status) ip_complaint_step_from(const ip_complaint *c, size_t i);
IP_EXTERN(ip_complaint_status) ip_complaint_step_to(const ip_complaint *c, size_t i);
/** The outcome the step recorded (the decision); 0 for the others. */
IP_EXTERN(ip_complaint_outcome) ip_complaint_step_outcome(const ip_complaint *c, size_t i);
/** The day of the step (YYYY-MM-DD). */
IP_EXTERN(const char *) ip_complaint_step_on(const ip_complaint *c, size_t i);
/** The actor id that made the step. */
IP_EXTERN(const char *) ip_complaint_step_actor_id(const ip_complaint *c, size_t i);
IP_EXTERN(const char *) ip_complaint_step_note(const ip_complaint *c, size_t i);
/** When the step was recorded (an instant, UTC). */
IP_EXTERN(const char *) ip_complaint_step_created_at(const ip_complaint *c, size_t i);
/** @} */

/**
 * Stable names: "plan_refused", "coordinator_refused",
 * "child_coordinator_refused", "plan_content", "participation",
 * "cooperation", "coordinator_choice".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_complaint_ground_name(ip_complaint_ground ground);
/**
 * The ground for a stable name.
 * @param out receives the ground.
 * @param name a name as returned by ip_complaint_ground_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_complaint_ground_from_name(ip_complaint_ground *out,
                                             const char *name);
/**
 * Stable names: "received", "municipal_review", "reversed", "forwarded",
 * "decided", "closed".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_complaint_status_name(ip_complaint_status status);
/**
 * The status for a stable name.
 * @param out receives the status.
 * @param name a name as returned by ip_complaint_status_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_complaint_status_from_name(ip_complaint_status *out,
                                             const char *name);
/**
 * Stable names: "none", "dismissed", "upheld", "partly_upheld",
 * "not_upheld", "set_aside".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_complaint_outcome_name(ip_complaint_outcome outcome);
/**
 * The outcome for a stable name.
 * @param out receives the outcome.
 * @param name a name as returned by ip_complaint_outcome_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_complaint_outcome_from_name(ip_complaint_outcome *out,
                                              const char *name);

IP_END_DECL

#endif
