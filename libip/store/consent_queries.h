/*
 * Fixed queries of the consent module (SQL text in consent_queries.c).
 * Consents are written through the generic record operations of db.h; these
 * keep and read their givers (consent_giver) and recipients
 * (consent_recipient), which have no record of their own, read what the
 * standing rules need, and answer the facts of consent_facts.h.
 */
#ifndef IP_STORE_CONSENT_QUERIES_H
#define IP_STORE_CONSENT_QUERIES_H

#include "store/db.h"
#include "store/record.h"

/* consent rows; (person_id) oldest first */
extern const ip__query ip__q_consents_of_person;

/* exec; (consent_id, person_id) */
extern const ip__query ip__q_consent_giver_insert;
/* exec; (consent_id, recipient_id, is_unit) */
extern const ip__query ip__q_consent_recipient_insert;
/* exec; (consent_id, recipient_id, withdrawn_on, withdrawn_by_id,
 * withdrawal_form): changes 0 when it is not a recipient still in force */
extern const ip__query ip__q_consent_recipient_withdraw;

/* pairs (consent_id, person_id); (consent_id): a consent's givers in id
 * order */
extern const ip__query ip__q_consent_givers;
/* pairs (consent_id, person_id); (person_id): the givers of every consent
 * of the person, by consent, then in id order */
extern const ip__query ip__q_consent_givers_of_person;
/* recipient rows; (consent_id): units first, then persons, in id order */
extern const ip__query ip__q_consent_recipients;
/* recipient rows; (person_id): the recipients of every consent of the
 * person, by consent, then as ip__q_consent_recipients */
extern const ip__query ip__q_consent_recipients_of_person;

/* pairs (id, birth_date or ""); (person_id): one row when the person
 * exists */
extern const ip__query ip__q_consent_person_birth;
/* pairs (related_id, kind as text "1" parent / "2" guardian);
 * (person_id, day): the person's parents and guardians whose relation is
 * active on day */
extern const ip__query ip__q_consent_standing_relations;

/* scalar; (person_id, day, except_id or NULL): 1 when a consent to the plan
 * other than except_id is in force */
extern const ip__query ip__q_consent_plan_active;
/* scalar; (person_id, recipient_id, sections, day): 1 when a sharing
 * consent in force gives that recipient, itself not withdrawn on day, every
 * bit of sections */
extern const ip__query ip__q_consent_sharing_active;
/* scalar; (person_id, day): 1 when a sharing consent is in force with at
 * least one recipient not withdrawn on day */
extern const ip__query ip__q_consent_any_sharing_active;

/* Recipient rows, each with the id of its consent (consent_recipient has
 * no meta columns, so it is read here rather than by ip__db_select). The
 * entries of items are struct ip__consent_recipient (records.h). */
typedef struct {
    char **consent_ids;
    struct ip__consent_recipient *items;
    size_t count;
} ip__consent_recipient_rows;

/* Runs a recipient-rows query (table NULL; columns consent_id,
 * recipient_id, is_unit, withdrawn_on, withdrawn_by_id, withdrawal_form)
 * with args. ip__consent_recipient_rows_free frees what it returns. */
int ip__consent_recipients_select(ip__db *db, const ip__query *query,
                                  const ip__arg *args, size_t nargs,
                                  ip__consent_recipient_rows *out);
/* Frees the rows (entries whose strings were taken and set to NULL are
 * skipped). */
void ip__consent_recipient_rows_free(ip__consent_recipient_rows *rows);

#endif
