/**
 * @file ip/ident.h
 * @brief Norwegian identifiers: national ids (fødselsnummer, D-nummer,
 *        felles hjelpenummer) and organisation numbers.
 *
 * These are pure functions: they touch no store and need no session. The
 * rules are those in docs/domain.md ("Identifiers"), with both mod-11 check
 * digits verified and the first check digit accepted under the rule in
 * force from 2032 (remainder 0, 1, 2 or 3) as well as the old one.
 * Gender is never derived from a national id.
 */
#ifndef IP_IDENT_H
#define IP_IDENT_H

#include "common.h"

IP_BEGIN_DECL

/** The kinds of national id a person may have. */
typedef enum ip_national_id_kind {
    IP_NATIONAL_ID_FNR = 1, /**< fødselsnummer */
    IP_NATIONAL_ID_DNR = 2, /**< D-nummer (first digit + 4) */
    IP_NATIONAL_ID_FH = 3   /**< felles hjelpenummer (first digit 8 or 9) */
} ip_national_id_kind;

/**
 * Validates a national id of any kind.
 *
 * @param kind_out if not NULL, receives the kind on success.
 * @param birth_date_out if not NULL, a buffer of at least 11 bytes that
 *        receives the birth date `YYYY-MM-DD` derived from the id, or "" when
 *        the rules do not allow one (felles hjelpenummer, or an individual
 *        number outside the published series for its year).
 * @param national_id the 11 digits, nothing else (no spaces).
 * @return ::IP_OK, or ::IP_EINVALID with field `national_id` and a message
 *         that says which rule failed (never the number itself).
 */
IP_EXTERN(int) ip_national_id_check(ip_national_id_kind *kind_out,
                                    char *birth_date_out,
                                    const char *national_id);

/**
 * Validates a Norwegian organisation number (9 digits, mod-11 with weights
 * 3 2 7 6 5 4 3 2).
 *
 * @param orgnr the 9 digits, nothing else.
 * @return ::IP_OK, or ::IP_EINVALID with field `organisation_number`.
 */
IP_EXTERN(int) ip_orgnr_check(const char *orgnr);

/**
 * The stable name of a national id kind: "fnr", "dnr" or "fh".
 *
 * @return a static string, or NULL for a value that is not a kind.
 */
IP_EXTERN(const char *) ip_national_id_kind_name(ip_national_id_kind kind);

/**
 * The kind for a stable name.
 *
 * @param out receives the kind.
 * @param name "fnr", "dnr" or "fh".
 * @return ::IP_OK or ::IP_EINVALID (unknown name).
 */
IP_EXTERN(int) ip_national_id_kind_from_name(ip_national_id_kind *out,
                                             const char *name);

IP_END_DECL

#endif
