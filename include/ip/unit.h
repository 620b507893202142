/**
 * @file ip/unit.h
 * @brief Units (services and organisations, tjenesteytere) and the
 *        practitioners who work in them.
 *
 * Consent is given to units, not to named employees. One unit in a
 * municipality is usually its coordinating unit (koordinerende enhet).
 * Units and practitioners are kept by ::IP_ROLE_ADMIN and
 * ::IP_ROLE_COORDINATING_UNIT and may be read by every role but
 * ::IP_ROLE_ANALYST.
 */
#ifndef IP_UNIT_H
#define IP_UNIT_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/** The sector a unit belongs to. */
typedef enum ip_sector {
    IP_SECTOR_MUNICIPAL_HEALTH_CARE = 1, /**< kommunale helse- og omsorgstjenester */
    IP_SECTOR_SPECIALIST_HEALTH = 2,     /**< spesialisthelsetjenesten */
    IP_SECTOR_NAV = 3,                   /**< NAV */
    IP_SECTOR_CHILD_WELFARE = 4,         /**< barnevern */
    IP_SECTOR_SCHOOL = 5,                /**< skole and PPT */
    IP_SECTOR_KINDERGARTEN = 6,          /**< barnehage */
    IP_SECTOR_OTHER = 7                  /**< anything else */
} ip_sector;

/** A unit. Opaque; free with ip_unit_free(). */
typedef struct ip_unit ip_unit;

/** A unit's fields; strings borrowed for the call; NULL or "" = absent. */
typedef struct ip_unit_fields {
    unsigned int version;             /**< ::IP_UNIT_FIELDS_VERSION */
    const char *name;                 /**< required */
    const char *organisation_number;  /**< 9 digits, mod-11; optional */
    ip_sector sector;                 /**< required */
    const char *municipality_number;  /**< 4 digits; required */
    int coordinating;                 /**< non-zero: the municipality's
                                           coordinating unit */
    const char *host_ref;             /**< the host system's own id */
} ip_unit_fields;

/** The version of ::ip_unit_fields these headers describe. */
#define IP_UNIT_FIELDS_VERSION 1
/** Initializer for ::ip_unit_fields. */
#define IP_UNIT_FIELDS_INIT {IP_UNIT_FIELDS_VERSION, NULL, NULL, (ip_sector)0, NULL, 0, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_UNIT_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_unit_fields_init(ip_unit_fields *fields, unsigned int version);

/**
 * Registers a unit.
 *
 * @param out if not NULL, receives the unit (owned by the caller).
 * @param session an admin or coordinating-unit session.
 * @param fields the unit.
 * @return ::IP_OK; ::IP_EINVALID naming the field; ::IP_EDENIED.
 */
IP_EXTERN(int) ip_unit_create(ip_unit **out, ip_session *session,
                              const ip_unit_fields *fields);

/**
 * Reads a unit.
 *
 * @param out receives the unit; owned by the caller.
 * @param session the acting session.
 * @param id the unit's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_unit_get(ip_unit **out, ip_session *session, const char *id);

/**
 * Replaces a unit's fields if it is still at expected_revision.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session an admin or coordinating-unit session.
 * @param id the unit's id.
 * @param expected_revision the revision the caller read.
 * @param fields the new fields (all of them).
 * @return ::IP_OK; ::IP_ECONFLICT; ::IP_ENOTFOUND; ::IP_EINVALID;
 *         ::IP_EDENIED.
 */
IP_EXTERN(int) ip_unit_update(int64_t *revision_out, ip_session *session,
                              const char *id, int64_t expected_revision,
                              const ip_unit_fields *fields);

/** An iterator over units. Free with ip_unit_iterator_free(). */
typedef struct ip_unit_iterator ip_unit_iterator;

/**
 * Starts iterating over all units, by name.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session.
 * @return ::IP_OK; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_unit_iterator_new(ip_unit_iterator **out, ip_session *session);

/**
 * The next unit.
 * @param out receives the unit; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done; store errors.
 */
IP_EXTERN(int) ip_unit_next(ip_unit **out, ip_unit_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_unit_iterator_free(ip_unit_iterator *it);

/** Frees a unit; NULL is allowed. */
IP_EXTERN(void) ip_unit_free(ip_unit *unit);

/** @name Unit getters
 * Strings borrowed, valid until the unit is freed; NULL when absent.
 * @{ */
/** The unit's id. */
IP_EXTERN(const char *) ip_unit_id(const ip_unit *unit);
/** The revision, for ip_unit_update(). */
IP_EXTERN(int64_t) ip_unit_revision(const ip_unit *unit);
/** The unit's name. */
IP_EXTERN(const char *) ip_unit_name(const ip_unit *unit);
/** The organisation number (9 digits), or NULL. */
IP_EXTERN(const char *) ip_unit_organisation_number(const ip_unit *unit);
/** The sector the unit belongs to. */
IP_EXTERN(ip_sector) ip_unit_sector(const ip_unit *unit);
/** The municipality number (4 digits), or NULL. */
IP_EXTERN(const char *) ip_unit_municipality_number(const ip_unit *unit);
/** 1 for a coordinating unit (koordinerende enhet), else 0. */
IP_EXTERN(int) ip_unit_is_coordinating(const ip_unit *unit);
/** The host system's own id, or NULL. */
IP_EXTERN(const char *) ip_unit_host_ref(const ip_unit *unit);
/** @} */

/**
 * The stable name of a sector: "municipal_health_care",
 * "specialist_health", "nav", "child_welfare", "school", "kindergarten",
 * "other".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_sector_name(ip_sector sector);

/**
 * The sector for a stable name.
 * @param out receives the sector.
 * @param name a name as returned by ip_sector_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_sector_from_name(ip_sector *out, const char *name);

/** A practitioner. Opaque; free with ip_practitioner_free(). */
typedef struct ip_practitioner ip_practitioner;

/** A practitioner's fields; strings borrowed for the call. */
typedef struct ip_practitioner_fields {
    unsigned int version;     /**< ::IP_PRACTITIONER_FIELDS_VERSION */
    const char *unit_id;      /**< the unit worked in; required */
    const char *given_name;   /**< required */
    const char *family_name;  /**< required */
    const char *hpr_number;   /**< Helsepersonellregisteret, 1–9 digits;
                                   optional (no check digit exists) */
    const char *title;        /**< e.g. "vernepleier"; optional */
    const char *phone;        /**< optional */
    const char *email;        /**< optional */
    const char *host_ref;     /**< the host system's own id */
} ip_practitioner_fields;

/** The version of ::ip_practitioner_fields these headers describe. */
#define IP_PRACTITIONER_FIELDS_VERSION 1
/** Initializer for ::ip_practitioner_fields. */
#define IP_PRACTITIONER_FIELDS_INIT {IP_PRACTITIONER_FIELDS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_PRACTITIONER_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_practitioner_fields_init(ip_practitioner_fields *fields,
                                           unsigned int version);

/**
 * Registers a practitioner in a unit.
 *
 * @param out if not NULL, receives the practitioner (owned by the caller).
 * @param session an admin or coordinating-unit session.
 * @param fields the practitioner.
 * @return ::IP_OK; ::IP_EINVALID; ::IP_ENOTFOUND (no such unit);
 *         ::IP_EDENIED.
 */
IP_EXTERN(int) ip_practitioner_create(ip_practitioner **out,
                                      ip_session *session,
                                      const ip_practitioner_fields *fields);

/**
 * Reads a practitioner.
 *
 * @param out receives the practitioner; owned by the caller.
 * @param session the acting session.
 * @param id the practitioner's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_practitioner_get(ip_practitioner **out, ip_session *session,
                                   const char *id);

/**
 * Replaces a practitioner's fields if still at expected_revision.
 *
 * @param revision_out if not NULL, receives the new revision.
 * @param session an admin or coordinating-unit session.
 * @param id the practitioner's id.
 * @param expected_revision the revision the caller read.
 * @param fields the new fields (all of them).
 * @return ::IP_OK; ::IP_ECONFLICT; ::IP_ENOTFOUND; ::IP_EINVALID;
 *         ::IP_EDENIED.
 */
IP_EXTERN(int) ip_practitioner_update(int64_t *revision_out,
                                      ip_session *session, const char *id,
                                      int64_t expected_revision,
                                      const ip_practitioner_fields *fields);

/** An iterator over practitioners. */
typedef struct ip_practitioner_iterator ip_practitioner_iterator;

/**
 * Starts iterating over a unit's practitioners, by family name.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session.
 * @param unit_id the unit.
 * @return ::IP_OK; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_practitioner_iterator_new(ip_practitioner_iterator **out,
                                            ip_session *session,
                                            const char *unit_id);

/**
 * The next practitioner.
 * @param out receives the practitioner; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done; store errors.
 */
IP_EXTERN(int) ip_practitioner_next(ip_practitioner **out,
                                    ip_practitioner_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_practitioner_iterator_free(ip_practitioner_iterator *it);

/** Frees a practitioner; NULL is allowed. */
IP_EXTERN(void) ip_practitioner_free(ip_practitioner *practitioner);

/** @name Practitioner getters
 * Strings borrowed, valid until the practitioner is freed.
 * @{ */
/** The practitioner's id. */
IP_EXTERN(const char *) ip_practitioner_id(const ip_practitioner *p);
/** The revision, for ip_practitioner_update(). */
IP_EXTERN(int64_t) ip_practitioner_revision(const ip_practitioner *p);
/** The unit the practitioner works for. */
IP_EXTERN(const char *) ip_practitioner_unit_id(const ip_practitioner *p);
/** Given name. */
IP_EXTERN(const char *) ip_practitioner_given_name(const ip_practitioner *p);
/** Family name. */
IP_EXTERN(const char *) ip_practitioner_family_name(const ip_practitioner *p);
/** HPR number (Helsepersonellregisteret), or NULL. */
IP_EXTERN(const char *) ip_practitioner_hpr_number(const ip_practitioner *p);
/** Title or profession, or NULL. */
IP_EXTERN(const char *) ip_practitioner_title(const ip_practitioner *p);
/** Phone, or NULL. */
IP_EXTERN(const char *) ip_practitioner_phone(const ip_practitioner *p);
/** E-mail, or NULL. */
IP_EXTERN(const char *) ip_practitioner_email(const ip_practitioner *p);
/** The host system's own id, or NULL. */
IP_EXTERN(const char *) ip_practitioner_host_ref(const ip_practitioner *p);
/** @} */

IP_END_DECL

#endif
