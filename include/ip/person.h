/**
 * @file ip/person.h
 * @brief Persons (tjenestemottaker, representatives, next of kin) and the
 *        relations between them.
 *
 * A person has at most one national id (unique in the store). Next of kin
 * and representatives are persons too; their national id may be unknown.
 * When the national id yields a birth date, that is the person's birth
 * date; a birth date given beside it must agree.
 */
#ifndef IP_PERSON_H
#define IP_PERSON_H

#include "common.h"
#include "ident.h"
#include "session.h"

IP_BEGIN_DECL

/** A person as read from the store. Opaque; free with ip_person_free(). */
typedef struct ip_person ip_person;

/**
 * A person's fields, for ip_person_create() and ip_person_update(). Strings
 * are borrowed for the call only; NULL or "" means absent. Limits:
 * docs/limits.md. Fields are only ever appended.
 */
typedef struct ip_person_fields {
    unsigned int version;            /**< ::IP_PERSON_FIELDS_VERSION */
    const char *national_id;         /**< 11 digits; optional */
    const char *given_name;          /**< required */
    const char *family_name;         /**< required */
    const char *birth_date;          /**< YYYY-MM-DD; optional */
    const char *phone;               /**< optional */
    const char *email;               /**< optional */
    const char *address;             /**< postal address; optional */
    const char *municipality_number; /**< home municipality, 4 digits */
    const char *host_ref;            /**< the host system's own id */
} ip_person_fields;

/** The version of ::ip_person_fields these headers describe. */
#define IP_PERSON_FIELDS_VERSION 1
/** Initializer for ::ip_person_fields (all absent). */
#define IP_PERSON_FIELDS_INIT {IP_PERSON_FIELDS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_PERSON_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_person_fields_init(ip_person_fields *fields,
                                     unsigned int version);

/**
 * Registers a person.
 *
 * @param out if not NULL, receives the new person (owned by the caller;
 *        free with ip_person_free()).
 * @param session the acting session (coordinating unit).
 * @param fields the person's fields.
 * @return ::IP_OK; ::IP_EINVALID naming the field (`person.national_id`,
 *         `person.given_name`, ...); ::IP_EEXISTS (national id already
 *         registered); ::IP_EDENIED; store errors.
 */
IP_EXTERN(int) ip_person_create(ip_person **out, ip_session *session,
                                const ip_person_fields *fields);

/**
 * Reads a person by id (an audited read).
 *
 * @param out receives the person; owned by the caller.
 * @param session the acting session.
 * @param id the person's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_person_get(ip_person **out, ip_session *session,
                             const char *id);

/**
 * Finds a person by national id (an audited read).
 *
 * @param out receives the person; owned by the caller.
 * @param session the acting session.
 * @param national_id 11 digits, checked like ip_national_id_check().
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_person_find(ip_person **out, ip_session *session,
                              const char *national_id);

/**
 * Replaces a person's fields, if the person is still at expected_revision.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session the acting session.
 * @param id the person's id.
 * @param expected_revision the revision the caller read.
 * @param fields the new fields (all of them).
 * @return ::IP_OK; ::IP_ECONFLICT (stale revision); ::IP_ENOTFOUND;
 *         ::IP_EEXISTS; ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_person_update(int64_t *revision_out, ip_session *session,
                                const char *id, int64_t expected_revision,
                                const ip_person_fields *fields);

/** Frees a person; NULL is allowed. */
IP_EXTERN(void) ip_person_free(ip_person *person);

/** @name Person getters
 * Strings are borrowed, valid until the person is freed; NULL when absent.
 * @{ */
IP_EXTERN(const char *) ip_person_id(const ip_person *person);
IP_EXTERN(int64_t) ip_person_revision(const ip_person *person);
IP_EXTERN(const char *) ip_person_national_id(const ip_person *person);
/** 0 when the person has no national id. */
IP_EXTERN(ip_national_id_kind) ip_person_national_id_kind(const ip_person *person);
IP_EXTERN(const char *) ip_person_given_name(const ip_person *person);
IP_EXTERN(const char *) ip_person_family_name(const ip_person *person);
IP_EXTERN(const char *) ip_person_birth_date(const ip_person *person);
IP_EXTERN(const char *) ip_person_phone(const ip_person *person);
IP_EXTERN(const char *) ip_person_email(const ip_person *person);
IP_EXTERN(const char *) ip_person_address(const ip_person *person);
IP_EXTERN(const char *) ip_person_municipality_number(const ip_person *person);
IP_EXTERN(const char *) ip_person_host_ref(const ip_person *person);
/** When the record was created, `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
IP_EXTERN(const char *) ip_person_created_at(const ip_person *person);
/** When the record was last changed, `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
IP_EXTERN(const char *) ip_person_updated_at(const ip_person *person);
/** @} */

/** How one person stands to another. */
typedef enum ip_relation_kind {
    IP_RELATION_PARENT = 1,      /**< parent with parental responsibility
                                      (foreldreansvar); a representative */
    IP_RELATION_GUARDIAN = 2,    /**< guardian (verge); a representative */
    IP_RELATION_NEXT_OF_KIN = 3  /**< next of kin (pårørende) */
} ip_relation_kind;

/** A relation as read from the store. Opaque; free with ip_relation_free(). */
typedef struct ip_relation ip_relation;

/** A relation's fields. Strings borrowed for the call. */
typedef struct ip_relation_fields {
    unsigned int version;       /**< ::IP_RELATION_FIELDS_VERSION */
    const char *person_id;      /**< the person represented or cared for */
    const char *related_id;     /**< the representative or next of kin */
    ip_relation_kind kind;      /**< how they stand */
    const char *valid_from;     /**< YYYY-MM-DD; required */
    const char *valid_to;       /**< YYYY-MM-DD, inclusive; optional */
} ip_relation_fields;

/** The version of ::ip_relation_fields these headers describe. */
#define IP_RELATION_FIELDS_VERSION 1
/** Initializer for ::ip_relation_fields. */
#define IP_RELATION_FIELDS_INIT {IP_RELATION_FIELDS_VERSION, NULL, NULL, (ip_relation_kind)0, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_RELATION_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_relation_fields_init(ip_relation_fields *fields,
                                       unsigned int version);

/**
 * Records a relation between two persons.
 *
 * @param out if not NULL, receives the relation (owned by the caller).
 * @param session the acting session (coordinating unit).
 * @param fields the relation.
 * @return ::IP_OK; ::IP_EINVALID (a person related to itself, valid_to
 *         before valid_from, ...); ::IP_ENOTFOUND (no such person);
 *         ::IP_EDENIED.
 */
IP_EXTERN(int) ip_relation_create(ip_relation **out, ip_session *session,
                                  const ip_relation_fields *fields);

/**
 * Ends a relation on a date (inclusive).
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session the acting session.
 * @param id the relation's id.
 * @param expected_revision the revision the caller read.
 * @param valid_to the last day the relation holds.
 * @return ::IP_OK; ::IP_ECONFLICT; ::IP_ENOTFOUND; ::IP_ESTATE (already
 *         ended); ::IP_EINVALID; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_relation_end(int64_t *revision_out, ip_session *session,
                               const char *id, int64_t expected_revision,
                               const char *valid_to);

/** An iterator over relations. Free with ip_relation_iterator_free(). */
typedef struct ip_relation_iterator ip_relation_iterator;

/**
 * Starts iterating over a person's relations (both those where the person
 * is represented or cared for, and those where the person is the related
 * one), oldest first.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session.
 * @param person_id the person.
 * @return ::IP_OK; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_relation_iterator_new(ip_relation_iterator **out,
                                        ip_session *session,
                                        const char *person_id);

/**
 * The next relation.
 *
 * @param out receives the relation; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done; store errors.
 */
IP_EXTERN(int) ip_relation_next(ip_relation **out, ip_relation_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_relation_iterator_free(ip_relation_iterator *it);

/** Frees a relation; NULL is allowed. */
IP_EXTERN(void) ip_relation_free(ip_relation *relation);

/** @name Relation getters
 * Strings borrowed, valid until the relation is freed.
 * @{ */
IP_EXTERN(const char *) ip_relation_id(const ip_relation *relation);
IP_EXTERN(int64_t) ip_relation_revision(const ip_relation *relation);
IP_EXTERN(const char *) ip_relation_person_id(const ip_relation *relation);
IP_EXTERN(const char *) ip_relation_related_id(const ip_relation *relation);
IP_EXTERN(ip_relation_kind) ip_relation_kind_of(const ip_relation *relation);
IP_EXTERN(const char *) ip_relation_valid_from(const ip_relation *relation);
/** NULL while open-ended. */
IP_EXTERN(const char *) ip_relation_valid_to(const ip_relation *relation);
/** @} */

/**
 * The stable name of a relation kind: "parent", "guardian", "next_of_kin".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_relation_kind_name(ip_relation_kind kind);

/**
 * The relation kind for a stable name.
 * @param out receives the kind.
 * @param name a name as returned by ip_relation_kind_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_relation_kind_from_name(ip_relation_kind *out,
                                          const char *name);

IP_END_DECL

#endif
