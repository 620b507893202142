/**
 * @file ip/application.h
 * @brief Applications (henvendelse / søknad) for a plan, a coordinator
 *        and/or a child coordinator, and the outcome of each request.
 *
 * Each request in an application gets its own outcome: granted, refused
 * (with a reason) or withdrawn, in the form of an *avgjørelse* (the default
 * in health law) or an *enkeltvedtak*. A request decided once cannot be
 * decided again here; a complaint is the way to change it. When a month
 * passes from receipt without an outcome, an interim reply (foreløpig
 * svar) is due; ip_application_iterator_new() with `overdue_on` lists
 * those still waiting.
 */
#ifndef IP_APPLICATION_H
#define IP_APPLICATION_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/** What an application asks for. A bit set: values may be OR'd. */
typedef enum ip_request_kind {
    IP_REQUEST_PLAN = 1,              /**< an individual plan */
    IP_REQUEST_COORDINATOR = 2,       /**< a coordinator */
    IP_REQUEST_CHILD_COORDINATOR = 4  /**< a child coordinator (barnekoordinator) */
} ip_request_kind;

/** The outcome of one request. */
typedef enum ip_outcome {
    IP_OUTCOME_PENDING = 0,   /**< not decided yet */
    IP_OUTCOME_GRANTED = 1,   /**< innvilget */
    IP_OUTCOME_REFUSED = 2,   /**< avslått; a reason is required */
    IP_OUTCOME_WITHDRAWN = 3  /**< trukket by the applicant */
} ip_outcome;

/** The legal form of an outcome. */
typedef enum ip_outcome_form {
    IP_OUTCOME_FORM_DECISION = 1,            /**< avgjørelse (the default) */
    IP_OUTCOME_FORM_INDIVIDUAL_DECISION = 2  /**< enkeltvedtak */
} ip_outcome_form;

/** An application. Opaque; free with ip_application_free(). */
typedef struct ip_application ip_application;

/** An application's fields; strings borrowed for the call. */
typedef struct ip_application_fields {
    unsigned int version;        /**< ::IP_APPLICATION_FIELDS_VERSION */
    const char *person_id;       /**< whom it is for; required */
    unsigned int requests;       /**< ::ip_request_kind bits; at least one */
    const char *received_on;     /**< YYYY-MM-DD; not after today */
    const char *signed_by_id;    /**< the person, or a representative of the
                                      person on received_on; required */
    const char *note;            /**< free text; optional */
    const char *host_ref;        /**< the host system's own id */
} ip_application_fields;

/** The version of ::ip_application_fields these headers describe. */
#define IP_APPLICATION_FIELDS_VERSION 1
/** Initializer for ::ip_application_fields. */
#define IP_APPLICATION_FIELDS_INIT {IP_APPLICATION_FIELDS_VERSION, NULL, 0u, NULL, NULL, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_APPLICATION_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_application_fields_init(ip_application_fields *fields,
                                          unsigned int version);

/** An outcome to record with ip_application_decide(). */
typedef struct ip_outcome_fields {
    unsigned int version;   /**< ::IP_OUTCOME_FIELDS_VERSION */
    ip_outcome outcome;     /**< granted, refused or withdrawn */
    ip_outcome_form form;   /**< 0 means ::IP_OUTCOME_FORM_DECISION */
    const char *reason;     /**< required when refused */
    const char *decided_on; /**< YYYY-MM-DD, not before receipt nor after
                                 today; NULL means today */
} ip_outcome_fields;

/** The version of ::ip_outcome_fields these headers describe. */
#define IP_OUTCOME_FIELDS_VERSION 1
/** Initializer for ::ip_outcome_fields. */
#define IP_OUTCOME_FIELDS_INIT {IP_OUTCOME_FIELDS_VERSION, IP_OUTCOME_PENDING, (ip_outcome_form)0, NULL, NULL}

/**
 * Initializes an outcome for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_OUTCOME_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_outcome_fields_init(ip_outcome_fields *fields,
                                      unsigned int version);

/**
 * Registers a received application.
 *
 * @param out if not NULL, receives the application (owned by the caller).
 * @param session a coordinating-unit session, or the person or a
 *        representative submitting for themselves.
 * @param fields the application.
 * @return ::IP_OK; ::IP_EINVALID naming the field (e.g.
 *         `application.signed_by_id` when the signer has no standing);
 *         ::IP_ENOTFOUND (no such person); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_application_create(ip_application **out,
                                     ip_session *session,
                                     const ip_application_fields *fields);

/**
 * Reads an application with the outcomes of its requests.
 *
 * @param out receives the application; owned by the caller.
 * @param session the acting session.
 * @param id the application's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_application_get(ip_application **out, ip_session *session,
                                  const char *id);

/**
 * Records the outcome of one request. The actor is recorded as the one who
 * decided.
 *
 * @param revision_out if not NULL, receives the application's new revision.
 * @param session a coordinating-unit session.
 * @param id the application's id.
 * @param expected_revision the revision the caller read.
 * @param kind which request (exactly one bit).
 * @param outcome the outcome.
 * @return ::IP_OK; ::IP_ESTATE (already decided); ::IP_EINVALID (the
 *         application does not ask for kind; a refusal without reason; a
 *         date before receipt); ::IP_ECONFLICT; ::IP_ENOTFOUND;
 *         ::IP_EDENIED.
 */
IP_EXTERN(int) ip_application_decide(int64_t *revision_out,
                                     ip_session *session, const char *id,
                                     int64_t expected_revision,
                                     ip_request_kind kind,
                                     const ip_outcome_fields *outcome);

/**
 * Records that an interim reply (foreløpig svar) was sent.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session a coordinating-unit session.
 * @param id the application's id.
 * @param expected_revision the revision the caller read.
 * @param replied_on YYYY-MM-DD, not before receipt nor after today.
 * @return ::IP_OK; ::IP_ESTATE (already replied, or every request decided);
 *         ::IP_EINVALID; ::IP_ECONFLICT; ::IP_ENOTFOUND; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_application_interim_reply(int64_t *revision_out,
                                            ip_session *session,
                                            const char *id,
                                            int64_t expected_revision,
                                            const char *replied_on);

/** Which applications an iterator yields. */
typedef struct ip_application_query {
    unsigned int version;   /**< ::IP_APPLICATION_QUERY_VERSION */
    const char *person_id;  /**< only this person's; NULL: all */
    const char *overdue_on; /**< YYYY-MM-DD: only those received more than a
                                 month before this day with a request still
                                 pending and no interim reply; NULL: all */
} ip_application_query;

/** The version of ::ip_application_query these headers describe. */
#define IP_APPLICATION_QUERY_VERSION 1
/** Initializer for ::ip_application_query (every application). */
#define IP_APPLICATION_QUERY_INIT {IP_APPLICATION_QUERY_VERSION, NULL, NULL}

/**
 * Initializes a query for FFI callers.
 * @param query the struct to fill.
 * @param version ::IP_APPLICATION_QUERY_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_application_query_init(ip_application_query *query,
                                         unsigned int version);

/** An iterator over applications. */
typedef struct ip_application_iterator ip_application_iterator;

/**
 * Starts iterating over applications, oldest received first. The whole
 * result is read and authorized in this call, and each application in it is
 * recorded as an audited read. Listing every application is case handling
 * (the coordinating unit); the person and a representative list one
 * person's applications by setting `query->person_id`.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session.
 * @param query which applications; NULL means all.
 * @return ::IP_OK; ::IP_EINVALID; ::IP_EDENIED (the actor may not read
 *         the applications asked for).
 */
IP_EXTERN(int) ip_application_iterator_new(ip_application_iterator **out,
                                           ip_session *session,
                                           const ip_application_query *query);

/**
 * The next application.
 * @param out receives the application; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done; store errors.
 */
IP_EXTERN(int) ip_application_next(ip_application **out,
                                   ip_application_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_application_iterator_free(ip_application_iterator *it);

/** Frees an application; NULL is allowed. */
IP_EXTERN(void) ip_application_free(ip_application *application);

/** @name Application getters
 * Strings borrowed, valid until the application is freed; NULL when absent.
 * The per-request getters take one ::ip_request_kind bit; for a kind the
 * application does not ask for they return ::IP_OUTCOME_PENDING / 0 / NULL.
 * @{ */
IP_EXTERN(const char *) ip_application_id(const ip_application *a);
IP_EXTERN(int64_t) ip_application_revision(const ip_application *a);
IP_EXTERN(const char *) ip_application_person_id(const ip_application *a);
IP_EXTERN(unsigned int) ip_application_requests(const ip_application *a);
IP_EXTERN(const char *) ip_application_received_on(const ip_application *a);
IP_EXTERN(const char *) ip_application_signed_by_id(const ip_application *a);
IP_EXTERN(const char *) ip_application_interim_reply_on(const ip_application *a);
IP_EXTERN(const char *) ip_application_note(const ip_application *a);
IP_EXTERN(const char *) ip_application_host_ref(const ip_application *a);
/** The last day an outcome or interim reply is due (one month after receipt). */
IP_EXTERN(const char *) ip_application_reply_due_on(const ip_application *a);
IP_EXTERN(ip_outcome) ip_application_outcome(const ip_application *a,
                                             ip_request_kind kind);
IP_EXTERN(ip_outcome_form) ip_application_outcome_form(const ip_application *a,
                                                       ip_request_kind kind);
IP_EXTERN(const char *) ip_application_outcome_reason(const ip_application *a,
                                                      ip_request_kind kind);
IP_EXTERN(const char *) ip_application_decided_on(const ip_application *a,
                                                  ip_request_kind kind);
/** The actor id that recorded the outcome. */
IP_EXTERN(const char *) ip_application_decided_by(const ip_application *a,
                                                  ip_request_kind kind);
/** @} */

/**
 * Stable names: "plan", "coordinator", "child_coordinator".
 * @return a static string, or NULL for a value that is not one kind.
 */
IP_EXTERN(const char *) ip_request_kind_name(ip_request_kind kind);
/**
 * The request kind for a stable name.
 * @param out receives the kind.
 * @param name a name as returned by ip_request_kind_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_request_kind_from_name(ip_request_kind *out, const char *name);
/**
 * Stable names: "pending", "granted", "refused", "withdrawn".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_outcome_name(ip_outcome outcome);
/**
 * The outcome for a stable name.
 * @param out receives the outcome.
 * @param name a name as returned by ip_outcome_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_outcome_from_name(ip_outcome *out, const char *name);
/**
 * Stable names: "decision" (avgjørelse), "individual_decision" (enkeltvedtak).
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_outcome_form_name(ip_outcome_form form);
/**
 * The outcome form for a stable name.
 * @param out receives the form.
 * @param name a name as returned by ip_outcome_form_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_outcome_form_from_name(ip_outcome_form *out, const char *name);

IP_END_DECL

#endif
