/**
 * @file ip/consent.h
 * @brief Consent (samtykke): to making the plan, and to sharing
 *        confidential information with named units or persons.
 *
 * Who may give consent (docs/domain.md, "samtykke"): the person from 16;
 * for a child under 16 those with parental responsibility — every parent
 * whose parental responsibility is active on the day, when they share it —
 * or a guardian; for an adult, the person or a guardian (verge) acting for
 * an adult who lacks competence. Standing is judged on the consent's
 * `valid_from`, from the person's birth date (a person without one counts
 * as 16 or older) and the parent and guardian relations active that day. A
 * child under 16 may sign beside those with standing, never alone. A
 * consent given by someone without that standing is refused with
 * ::IP_EINVALID naming `consent.given_by_ids`.
 *
 * Sections a sharing consent opens, in a plan (IP_SECTION_*): goals (and
 * their evaluations), measures (and theirs), meetings (minutes and agreed
 * actions), participants (who takes part and their contributions), and
 * evaluations. The plan record itself (its frame: period, status) is open
 * to any recipient of a sharing consent in force.
 *
 * A consent has a validity period and may be withdrawn at once, whole or
 * for one recipient. Withdrawal is recorded (who, when, how) and deletes
 * nothing. An expired or withdrawn consent opens nothing. Withdrawing the
 * consent to the plan ends the person's open plan with the reason
 * ::IP_PLAN_END_CONSENT_WITHDRAWN.
 */
#ifndef IP_CONSENT_H
#define IP_CONSENT_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/** What the consent is to. */
typedef enum ip_consent_kind {
    IP_CONSENT_PLAN = 1,   /**< to making the individual plan */
    IP_CONSENT_SHARING = 2 /**< to sharing confidential information */
} ip_consent_kind;

/** How the consent was given, or withdrawn. */
typedef enum ip_consent_form {
    IP_CONSENT_WRITTEN = 1,         /**< in writing */
    IP_CONSENT_ORAL_DOCUMENTED = 2  /**< orally, and documented */
} ip_consent_form;

/** Where a consent stands on a given day. */
typedef enum ip_consent_state {
    IP_CONSENT_NOT_YET = 1,   /**< its period has not begun */
    IP_CONSENT_ACTIVE = 2,    /**< in force */
    IP_CONSENT_EXPIRED = 3,   /**< its period has ended */
    IP_CONSENT_WITHDRAWN = 4  /**< withdrawn (whole) */
} ip_consent_state;

/** @name Plan sections a sharing consent opens (a bit set)
 * @{ */
#define IP_SECTION_GOALS 0x01u        /**< goals and their evaluations */
#define IP_SECTION_MEASURES 0x02u     /**< measures and their evaluations */
#define IP_SECTION_MEETINGS 0x04u     /**< meetings, minutes, agreed actions */
#define IP_SECTION_PARTICIPANTS 0x08u /**< who takes part, contributions */
#define IP_SECTION_EVALUATIONS 0x10u  /**< evaluations */
#define IP_SECTION_ALL 0x1fu          /**< every section */
/** @} */

/** A consent. Opaque; free with ip_consent_free(). */
typedef struct ip_consent ip_consent;

/**
 * A consent's fields; strings and arrays borrowed for the call. Fields are
 * only appended.
 */
typedef struct ip_consent_fields {
    unsigned int version;            /**< ::IP_CONSENT_FIELDS_VERSION */
    const char *person_id;           /**< whose information; required */
    ip_consent_kind kind;            /**< required */
    ip_consent_form form;            /**< required */
    const char *const *given_by_ids; /**< the persons who gave it; 1–4 */
    size_t given_by_count;           /**< entries in given_by_ids */
    const char *const *recipient_unit_ids;   /**< sharing: units; ≤ 64 */
    size_t recipient_unit_count;             /**< entries */
    const char *const *recipient_person_ids; /**< sharing: persons (next of
                                                  kin); ≤ 16 */
    size_t recipient_person_count;           /**< entries */
    unsigned int sections;   /**< sharing: IP_SECTION_* bits; 0 = all;
                                  plan: 0 */
    const char *purpose;     /**< what it is for; required */
    const char *valid_from;  /**< YYYY-MM-DD; required */
    const char *valid_to;    /**< YYYY-MM-DD, inclusive; optional */
    const char *note;        /**< optional */
} ip_consent_fields;

/** The version of ::ip_consent_fields these headers describe. */
#define IP_CONSENT_FIELDS_VERSION 1
/** Initializer for ::ip_consent_fields. */
#define IP_CONSENT_FIELDS_INIT {IP_CONSENT_FIELDS_VERSION, NULL, (ip_consent_kind)0, (ip_consent_form)0, NULL, 0, NULL, 0, NULL, 0, 0u, NULL, NULL, NULL, NULL}

/**
 * Initializes fields for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_CONSENT_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_consent_fields_init(ip_consent_fields *fields, unsigned int version);

/**
 * Registers a consent. The session's actor is recorded as who registered
 * it.
 *
 * @param out if not NULL, receives the consent (owned by the caller).
 * @param session the person's coordinating unit or coordinator, or the
 *        person or a representative giving it themselves.
 * @param fields the consent.
 * @return ::IP_OK; ::IP_EINVALID naming the field (a giver without
 *         standing: `consent.given_by_ids`; a plan consent with
 *         recipients; a sharing consent without any); ::IP_ENOTFOUND
 *         (person, giver or recipient); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_consent_create(ip_consent **out, ip_session *session,
                                 const ip_consent_fields *fields);

/**
 * Reads a consent with its givers and recipients.
 *
 * @param out receives the consent; owned by the caller.
 * @param session the acting session.
 * @param id the consent's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_consent_get(ip_consent **out, ip_session *session, const char *id);

/** A withdrawal. Strings borrowed for the call. */
typedef struct ip_withdrawal_fields {
    unsigned int version;       /**< ::IP_WITHDRAWAL_FIELDS_VERSION */
    const char *recipient_id;   /**< one recipient (unit or person id);
                                     NULL withdraws the whole consent */
    const char *withdrawn_by_id;/**< the person who withdrew it: the person or
                                     one with standing to consent; required */
    ip_consent_form form;       /**< how it was withdrawn; required */
    const char *withdrawn_on;   /**< YYYY-MM-DD, not after today; NULL: today */
} ip_withdrawal_fields;

/** The version of ::ip_withdrawal_fields these headers describe. */
#define IP_WITHDRAWAL_FIELDS_VERSION 1
/** Initializer for ::ip_withdrawal_fields. */
#define IP_WITHDRAWAL_FIELDS_INIT {IP_WITHDRAWAL_FIELDS_VERSION, NULL, NULL, (ip_consent_form)0, NULL}

/**
 * Initializes a withdrawal for FFI callers.
 * @param fields the struct to fill.
 * @param version ::IP_WITHDRAWAL_FIELDS_VERSION.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_withdrawal_fields_init(ip_withdrawal_fields *fields,
                                         unsigned int version);

/**
 * Withdraws a consent, whole or for one recipient; it takes effect at once.
 * Withdrawing a consent to the plan ends the person's open plan (reason
 * ::IP_PLAN_END_CONSENT_WITHDRAWN) in the same transaction, and appends an
 * outbox event for each.
 *
 * @param revision_out if not NULL, receives the consent's new revision.
 * @param session the acting session (as for ip_consent_create()).
 * @param id the consent's id.
 * @param expected_revision the revision the caller read.
 * @param withdrawal who, how, when and (optionally) which recipient.
 * Who may withdraw: the person (16 or older on the day), a guardian, or for
 * a child under 16 one of those with parental responsibility — one of them
 * suffices. The day defaults to today, is not after today and not before
 * `valid_from`.
 *
 * @return ::IP_OK; ::IP_ESTATE (already withdrawn, or that recipient is);
 *         ::IP_EINVALID (no standing: `withdrawal.withdrawn_by_id`; not a
 *         recipient: `withdrawal.recipient_id`); ::IP_ECONFLICT;
 *         ::IP_ENOTFOUND (the consent, or who withdrew it); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_consent_withdraw(int64_t *revision_out, ip_session *session,
                                   const char *id, int64_t expected_revision,
                                   const ip_withdrawal_fields *withdrawal);

/** An iterator over consents. */
typedef struct ip_consent_iterator ip_consent_iterator;

/**
 * Starts iterating over a person's consents, in the order they
 * were registered (an audited read).
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session.
 * @param person_id the person.
 * @return ::IP_OK; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_consent_iterator_new(ip_consent_iterator **out,
                                       ip_session *session, const char *person_id);

/**
 * The next consent.
 * @param out receives the consent; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done.
 */
IP_EXTERN(int) ip_consent_next(ip_consent **out, ip_consent_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_consent_iterator_free(ip_consent_iterator *it);

/** Frees a consent; NULL is allowed. */
IP_EXTERN(void) ip_consent_free(ip_consent *consent);

/** @name Consent getters
 * Strings borrowed, valid until the consent is freed; NULL when absent.
 * Givers are listed in id order; recipients units first, then persons,
 * each in id order. An index out of range gives NULL (or 0).
 * @{ */
IP_EXTERN(const char *) ip_consent_id(const ip_consent *c);
IP_EXTERN(int64_t) ip_consent_revision(const ip_consent *c);
IP_EXTERN(const char *) ip_consent_person_id(const ip_consent *c);
IP_EXTERN(ip_consent_kind) ip_consent_kind_of(const ip_consent *c);
IP_EXTERN(ip_consent_form) ip_consent_form_of(const ip_consent *c);
IP_EXTERN(unsigned int) ip_consent_sections(const ip_consent *c);
IP_EXTERN(const char *) ip_consent_purpose(const ip_consent *c);
IP_EXTERN(const char *) ip_consent_valid_from(const ip_consent *c);
IP_EXTERN(const char *) ip_consent_valid_to(const ip_consent *c);
IP_EXTERN(const char *) ip_consent_note(const ip_consent *c);
/** The actor id that registered it. */
IP_EXTERN(const char *) ip_consent_registered_by(const ip_consent *c);
IP_EXTERN(const char *) ip_consent_created_at(const ip_consent *c);
/** When the whole consent was withdrawn; NULL while it is not. */
IP_EXTERN(const char *) ip_consent_withdrawn_on(const ip_consent *c);
IP_EXTERN(const char *) ip_consent_withdrawn_by_id(const ip_consent *c);
IP_EXTERN(ip_consent_form) ip_consent_withdrawal_form(const ip_consent *c);
/** The state on a day (YYYY-MM-DD); 0 for a malformed day. */
IP_EXTERN(ip_consent_state) ip_consent_state_on(const ip_consent *c, const char *day);
IP_EXTERN(size_t) ip_consent_giver_count(const ip_consent *c);
IP_EXTERN(const char *) ip_consent_giver_id(const ip_consent *c, size_t i);
IP_EXTERN(size_t) ip_consent_recipient_count(const ip_consent *c);
/** A recipient's id: a unit's or a person's. */
IP_EXTERN(const char *) ip_consent_recipient_id(const ip_consent *c, size_t i);
/** Non-zero when recipient i is a unit, zero when a person. */
IP_EXTERN(int) ip_consent_recipient_is_unit(const ip_consent *c, size_t i);
/** When recipient i was withdrawn; NULL while it is not. */
IP_EXTERN(const char *) ip_consent_recipient_withdrawn_on(const ip_consent *c, size_t i);
/** Who withdrew recipient i; NULL while it is not withdrawn. */
IP_EXTERN(const char *) ip_consent_recipient_withdrawn_by_id(const ip_consent *c, size_t i);
/** How recipient i was withdrawn; 0 while it is not. */
IP_EXTERN(ip_consent_form) ip_consent_recipient_withdrawal_form(const ip_consent *c,
                                                                size_t i);
/** @} */

/**
 * Stable names: "plan", "sharing".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_consent_kind_name(ip_consent_kind kind);
/**
 * The kind for a stable name.
 * @param out receives the kind.
 * @param name a name as returned by ip_consent_kind_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_consent_kind_from_name(ip_consent_kind *out, const char *name);
/**
 * Stable names: "written", "oral_documented".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_consent_form_name(ip_consent_form form);
/**
 * The form for a stable name.
 * @param out receives the form.
 * @param name a name as returned by ip_consent_form_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_consent_form_from_name(ip_consent_form *out, const char *name);
/**
 * Stable names: "not_yet", "active", "expired", "withdrawn".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_consent_state_name(ip_consent_state state);

IP_END_DECL

#endif
