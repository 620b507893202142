/**
 * @file ip/evaluation.h
 * @brief Evaluations of a plan's goals and measures: when, by whom, the
 *        assessment, and optionally the meeting they were made in.
 *
 * An evaluation is of exactly one goal or one measure of the same plan.
 * Evaluations are never changed once made: there is no update, and a later
 * view is a new evaluation. The plan's coordinator and providers whose unit
 * takes part in the plan may evaluate; evaluations of an ended plan can no
 * longer be made (::IP_ESTATE).
 */
#ifndef IP_EVALUATION_H
#define IP_EVALUATION_H

#include "common.h"
#include "goal.h"
#include "session.h"

IP_BEGIN_DECL

/** An evaluation. Opaque; free with ip_evaluation_free(). */
typedef struct ip_evaluation ip_evaluation;

/**
 * An evaluation's fields, for ip_evaluation_create(). Strings are borrowed
 * for the call only; NULL or "" means absent. Fields are only ever
 * appended.
 */
typedef struct ip_evaluation_fields {
    unsigned int version;            /**< ::IP_EVALUATION_FIELDS_VERSION */
    const char *plan_id;             /**< the plan; required */
    const char *goal_id;             /**< the goal evaluated; exactly one of
                                          goal_id and measure_id */
    const char *measure_id;          /**< the measure evaluated */
    const char *evaluated_on;        /**< YYYY-MM-DD, not after today;
                                          required */
    const char *evaluated_by_id;     /**< the participant (of the same plan)
                                          who evaluated; required */
    const char *assessment;          /**< the assessment; required */
    ip_goal_achievement achievement; /**< how far the goal is reached; only
                                          for a goal; 0 means not assessed */
    const char *note;                /**< optional */
    const char *meeting_id;          /**< the meeting (of the same plan) it
                                          was made in; optional */
} ip_evaluation_fields;

/** The version of ::ip_evaluation_fields these headers describe. */
#define IP_EVALUATION_FIELDS_VERSION 1
/** Initializer for ::ip_evaluation_fields (all absent). */
#define IP_EVALUATION_FIELDS_INIT                                              \
    {IP_EVALUATION_FIELDS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL,         \
     (ip_goal_achievement)0, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_EVALUATION_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_evaluation_fields_init(ip_evaluation_fields *fields,
                                         unsigned int version);

/**
 * Records an evaluation. It cannot be changed afterwards.
 *
 * @param out if not NULL, receives the evaluation (owned by the caller;
 *        free with ip_evaluation_free()).
 * @param session the plan's coordinator, or a provider whose unit takes
 *        part in the plan.
 * @param fields the evaluation.
 * @return ::IP_OK; ::IP_EINVALID naming the field (`evaluation.goal_id`
 *         when both or neither of goal and measure are given,
 *         `evaluation.evaluated_on` after today, `evaluation.achievement`
 *         for a measure, a goal, measure, participant or meeting of another
 *         plan, ...); ::IP_ENOTFOUND (no such plan, goal, measure,
 *         participant or meeting, naming the field); ::IP_ESTATE (the plan
 *         has ended); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_evaluation_create(ip_evaluation **out, ip_session *session,
                                    const ip_evaluation_fields *fields);

/**
 * Reads an evaluation (an audited read).
 *
 * @param out receives the evaluation; owned by the caller.
 * @param session the acting session.
 * @param id the evaluation's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_evaluation_get(ip_evaluation **out, ip_session *session,
                                 const char *id);

/** Which evaluations an iterator yields. */
typedef struct ip_evaluation_query {
    unsigned int version;   /**< ::IP_EVALUATION_QUERY_VERSION */
    const char *plan_id;    /**< the plan; required */
    const char *goal_id;    /**< only this goal's; NULL: any */
    const char *measure_id; /**< only this measure's; NULL: any */
} ip_evaluation_query;

/** The version of ::ip_evaluation_query these headers describe. */
#define IP_EVALUATION_QUERY_VERSION 1
/** Initializer for ::ip_evaluation_query (plan still to be set). */
#define IP_EVALUATION_QUERY_INIT {IP_EVALUATION_QUERY_VERSION, NULL, NULL, NULL}

/**
 * Initializes a query for FFI callers.
 * @param query the struct to fill.
 * @param version ::IP_EVALUATION_QUERY_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_evaluation_query_init(ip_evaluation_query *query,
                                        unsigned int version);

/** An iterator over evaluations. Free with ip_evaluation_iterator_free(). */
typedef struct ip_evaluation_iterator ip_evaluation_iterator;

/**
 * Starts iterating over a plan's evaluations, oldest evaluated_on first
 * (then in the order they were recorded). The list is read and authorized
 * in this call, and each evaluation in it is an audited read.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session (one that may read the plan).
 * @param query which evaluations; plan_id is required.
 * @return ::IP_OK; ::IP_ENOTFOUND (no such plan, naming `query.plan_id`);
 *         ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_evaluation_iterator_new(ip_evaluation_iterator **out,
                                          ip_session *session,
                                          const ip_evaluation_query *query);

/**
 * The next evaluation.
 * @param out receives the evaluation; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done.
 */
IP_EXTERN(int) ip_evaluation_next(ip_evaluation **out, ip_evaluation_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_evaluation_iterator_free(ip_evaluation_iterator *it);

/** Frees an evaluation; NULL is allowed. */
IP_EXTERN(void) ip_evaluation_free(ip_evaluation *evaluation);

/** @name Evaluation getters
 * Strings borrowed, valid until the evaluation is freed; NULL when absent.
 * @{ */
IP_EXTERN(const char *) ip_evaluation_id(const ip_evaluation *evaluation);
IP_EXTERN(int64_t) ip_evaluation_revision(const ip_evaluation *evaluation);
IP_EXTERN(const char *) ip_evaluation_plan_id(const ip_evaluation *evaluation);
/** The plan's person. */
IP_EXTERN(const char *) ip_evaluation_person_id(const ip_evaluation *evaluation);
/** NULL for an evaluation of a measure. */
IP_EXTERN(const char *) ip_evaluation_goal_id(const ip_evaluation *evaluation);
/** NULL for an evaluation of a goal. */
IP_EXTERN(const char *) ip_evaluation_measure_id(const ip_evaluation *evaluation);
IP_EXTERN(const char *) ip_evaluation_evaluated_on(const ip_evaluation *evaluation);
IP_EXTERN(const char *) ip_evaluation_evaluated_by_id(const ip_evaluation *evaluation);
IP_EXTERN(const char *) ip_evaluation_assessment(const ip_evaluation *evaluation);
/** 0 when not assessed (always for a measure). */
IP_EXTERN(ip_goal_achievement) ip_evaluation_achievement(const ip_evaluation *evaluation);
IP_EXTERN(const char *) ip_evaluation_note(const ip_evaluation *evaluation);
IP_EXTERN(const char *) ip_evaluation_meeting_id(const ip_evaluation *evaluation);
/** When the evaluation was recorded, `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
IP_EXTERN(const char *) ip_evaluation_created_at(const ip_evaluation *evaluation);
/** @} */

IP_END_DECL

#endif
