/* Consent (samtykke) to the plan and to sharing: who gave it and with what
 * standing, to whom, for which sections and period; withdrawal, whole or
 * for one recipient; and the facts the access decision and the plan ask. */
#include "record_call.h"

#include <stdlib.h>
#include <string.h>

#include "consent_facts.h"
#include "store/consent_queries.h"
#include "store/queries.h"

#define GIVERS_MAX 4
#define RECIPIENT_UNITS_MAX 64
#define RECIPIENT_PERSONS_MAX 16
/* The age from which a person consents for themselves (pasient- og
 * brukerrettighetsloven § 4-3). */
#define CONSENT_AGE 16

static const ip__name kind_names[] = {
    {IP_CONSENT_PLAN, "plan"},
    {IP_CONSENT_SHARING, "sharing"},
    {0, NULL},
};

static const ip__name form_names[] = {
    {IP_CONSENT_WRITTEN, "written"},
    {IP_CONSENT_ORAL_DOCUMENTED, "oral_documented"},
    {0, NULL},
};

static const ip__name state_names[] = {
    {IP_CONSENT_NOT_YET, "not_yet"},
    {IP_CONSENT_ACTIVE, "active"},
    {IP_CONSENT_EXPIRED, "expired"},
    {IP_CONSENT_WITHDRAWN, "withdrawn"},
    {0, NULL},
};

IP__ENUM_NAMES(ip_consent_kind, ip_consent_kind, kind_names, "consent.kind")
IP__ENUM_NAMES(ip_consent_form, ip_consent_form, form_names, "consent.form")

const char *ip_consent_state_name(ip_consent_state state)
{
    return ip__name_of(state_names, (int)state);
}

static bool present(const char *s)
{
    return s && *s;
}

/* ------------------------------------------------------------------------
 * Getters */

IP__GET_META(ip_consent)
IP__GET_TEXT(ip_consent, person_id)
IP__GETTER(ip_consent, kind_of, ip_consent_kind, r->kind)
IP__GETTER(ip_consent, form_of, ip_consent_form, r->form)
IP__GETTER(ip_consent, sections, unsigned int, r->sections)
IP__GET_TEXT(ip_consent, purpose)
IP__GET_TEXT(ip_consent, valid_from)
IP__GET_TEXT(ip_consent, valid_to)
IP__GET_TEXT(ip_consent, note)
IP__GET_TEXT(ip_consent, registered_by)
IP__GETTER(ip_consent, created_at, const char *, r->meta.created_at)
IP__GET_TEXT(ip_consent, withdrawn_on)
IP__GET_TEXT(ip_consent, withdrawn_by_id)
IP__GETTER(ip_consent, withdrawal_form, ip_consent_form, r->withdrawal_form)
IP__GETTER(ip_consent, giver_count, size_t, r->giver_count)
IP__GETTER(ip_consent, recipient_count, size_t, r->recipient_count)

const char *ip_consent_giver_id(const ip_consent *c, size_t i)
{
    return c && i < c->giver_count ? c->giver_ids[i] : NULL;
}

static const ip__consent_recipient *recipient_at(const ip_consent *c, size_t i)
{
    return c && i < c->recipient_count ? &c->recipients[i] : NULL;
}

const char *ip_consent_recipient_id(const ip_consent *c, size_t i)
{
    const ip__consent_recipient *r = recipient_at(c, i);

    return r ? r->recipient_id : NULL;
}

int ip_consent_recipient_is_unit(const ip_consent *c, size_t i)
{
    const ip__consent_recipient *r = recipient_at(c, i);

    return r ? r->is_unit : 0;
}

const char *ip_consent_recipient_withdrawn_on(const ip_consent *c, size_t i)
{
    const ip__consent_recipient *r = recipient_at(c, i);

    return r ? r->withdrawn_on : NULL;
}

const char *ip_consent_recipient_withdrawn_by_id(const ip_consent *c, size_t i)
{
    const ip__consent_recipient *r = recipient_at(c, i);

    return r ? r->withdrawn_by_id : NULL;
}

ip_consent_form ip_consent_recipient_withdrawal_form(const ip_consent *c, size_t i)
{
    const ip__consent_recipient *r = recipient_at(c, i);

    return r ? (ip_consent_form)r->withdrawal_form : (ip_consent_form)0;
}

/* A well-formed YYYY-MM-DD calendar day, checked without recording an
 * error (ip_consent_state_on is a pure function of its arguments). */
static bool day_ok(const char *s)
{
    int year, month, day;

    if (!s || strnlen(s, IP__DATE_LEN + 1) != IP__DATE_LEN || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < IP__DATE_LEN; i++) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    }
    year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    month = (s[5] - '0') * 10 + (s[6] - '0');
    day = (s[8] - '0') * 10 + (s[9] - '0');
    return year >= 1800 && ip__date_valid(year, month, day);
}

ip_consent_state ip_consent_state_on(const ip_consent *c, const char *day)
{
    if (!c || !c->valid_from || !day_ok(day))
        return (ip_consent_state)0;
    if (c->withdrawn_on && strcmp(c->withdrawn_on, day) <= 0)
        return IP_CONSENT_WITHDRAWN;
    if (strcmp(day, c->valid_from) < 0)
        return IP_CONSENT_NOT_YET;
    if (c->valid_to && strcmp(c->valid_to, day) < 0)
        return IP_CONSENT_EXPIRED;
    return IP_CONSENT_ACTIVE;
}

/* ------------------------------------------------------------------------
 * Freeing */

static void givers_clear(struct ip_consent *c)
{
    for (size_t i = 0; i < c->giver_count; i++)
        ip_free(c->giver_ids[i]);
    ip_free(c->giver_ids);
    c->giver_ids = NULL;
    c->giver_count = 0;
}

static void recipients_clear(struct ip_consent *c)
{
    for (size_t i = 0; i < c->recipient_count; i++) {
        ip_free(c->recipients[i].recipient_id);
        ip_free(c->recipients[i].withdrawn_on);
        ip_free(c->recipients[i].withdrawn_by_id);
    }
    ip_free(c->recipients);
    c->recipients = NULL;
    c->recipient_count = 0;
}

void ip_consent_free(ip_consent *c)
{
    if (!c)
        return;
    givers_clear(c);
    recipients_clear(c);
    ip__record_free(&ip__consent_table, c);
}

static void consent_free_record(void *record)
{
    ip_consent_free(record);
}

IP__FIELDS_INIT(ip_consent_fields_init, ip_consent_fields, IP_CONSENT_FIELDS_INIT,
                IP_CONSENT_FIELDS_VERSION)
IP__FIELDS_INIT(ip_withdrawal_fields_init, ip_withdrawal_fields,
                IP_WITHDRAWAL_FIELDS_INIT, IP_WITHDRAWAL_FIELDS_VERSION)

/* ------------------------------------------------------------------------
 * Checking fields */

/* ids[0..count) are well-formed ids, none repeated within the list nor
 * found in seen[0..nseen) (the lists checked before it). */
static int id_list_check(const char *field, const char *const *ids, size_t count,
                         size_t max, const char *const *seen, size_t nseen)
{
    int rc;

    if (count > max)
        return ip__error_set(IP_EINVALID, field, "more than %zu entries", max);
    if (count && !ids)
        return ip__error_null(field);
    for (size_t i = 0; i < count; i++) {
        rc = ip__id_check(field, ids[i]);
        if (rc)
            return rc;
        for (size_t j = 0; j < i; j++) {
            if (strcmp(ids[i], ids[j]) == 0)
                return ip__error_set(IP_EINVALID, field, "entry %zu repeats entry %zu",
                                     i + 1, j + 1);
        }
        for (size_t j = 0; j < nseen; j++) {
            if (strcmp(ids[i], seen[j]) == 0)
                return ip__error_set(IP_EINVALID, field,
                                     "entry %zu is a recipient already", i + 1);
        }
    }
    return IP_OK;
}

static int cmp_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The order the store reads recipients in: units first, then persons, each
 * in id order. */
static int cmp_recipient(const void *a, const void *b)
{
    const ip__consent_recipient *x = a, *y = b;

    if (x->is_unit != y->is_unit)
        return x->is_unit ? -1 : 1;
    return strcmp(x->recipient_id, y->recipient_id);
}

/* Copies the givers and recipients into c, in the order they are read
 * back, so a created consent looks like the one ip_consent_get returns. */
static int children_from_fields(struct ip_consent *c, const ip_consent_fields *f)
{
    size_t nrec = f->recipient_unit_count + f->recipient_person_count;
    bool failed = false;

    c->giver_ids = ip__calloc(f->given_by_count, sizeof *c->giver_ids);
    if (!c->giver_ids)
        return IP_ENOMEM;
    for (size_t i = 0; i < f->given_by_count; i++, c->giver_count++)
        ip__set_text(&c->giver_ids[i], f->given_by_ids[i], &failed);
    if (failed)
        return ip__error_nomem();
    qsort(c->giver_ids, c->giver_count, sizeof *c->giver_ids, cmp_text);
    if (nrec == 0)
        return IP_OK;
    c->recipients = ip__calloc(nrec, sizeof *c->recipients);
    if (!c->recipients)
        return IP_ENOMEM;
    for (size_t i = 0; i < nrec; i++, c->recipient_count++) {
        bool unit = i < f->recipient_unit_count;
        const char *id = unit ? f->recipient_unit_ids[i]
                              : f->recipient_person_ids[i - f->recipient_unit_count];

        c->recipients[i].is_unit = unit;
        ip__set_text(&c->recipients[i].recipient_id, id, &failed);
    }
    if (failed)
        return ip__error_nomem();
    qsort(c->recipients, c->recipient_count, sizeof *c->recipients, cmp_recipient);
    return IP_OK;
}

/* Checks fields and fills the consent from them. Whether the persons and
 * units exist, and whether the givers have standing, is the store's
 * question, asked inside the call. */
static int consent_from_fields(ip_session *s, struct ip_consent *c,
                               const ip_consent_fields *f)
{
    const unsigned int all = IP_SECTION_ALL;
    size_t nrec;
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_CONSENT_FIELDS_VERSION, "consent");
    rc = ip__id_check("consent.person_id", f->person_id);
    if (rc == IP_OK)
        rc = ip__value_check(kind_names, (int)f->kind, "consent.kind");
    if (rc == IP_OK)
        rc = ip__value_check(form_names, (int)f->form, "consent.form");
    if (rc == IP_OK && (f->given_by_count < 1 || f->given_by_count > GIVERS_MAX))
        rc = ip__error_set(IP_EINVALID, "consent.given_by_ids",
                           "needs 1 to %d persons who gave the consent", GIVERS_MAX);
    if (rc == IP_OK)
        rc = id_list_check("consent.given_by_ids", f->given_by_ids, f->given_by_count,
                           GIVERS_MAX, NULL, 0);
    if (rc == IP_OK)
        rc = id_list_check("consent.recipient_unit_ids", f->recipient_unit_ids,
                           f->recipient_unit_count, RECIPIENT_UNITS_MAX, NULL, 0);
    if (rc == IP_OK)
        rc = id_list_check("consent.recipient_person_ids", f->recipient_person_ids,
                           f->recipient_person_count, RECIPIENT_PERSONS_MAX,
                           f->recipient_unit_ids, f->recipient_unit_count);
    if (rc)
        return rc;
    nrec = f->recipient_unit_count + f->recipient_person_count;
    if (f->kind == IP_CONSENT_PLAN) {
        if (f->recipient_unit_count)
            return ip__error_set(IP_EINVALID, "consent.recipient_unit_ids",
                                 "a consent to the plan has no recipients");
        if (f->recipient_person_count)
            return ip__error_set(IP_EINVALID, "consent.recipient_person_ids",
                                 "a consent to the plan has no recipients");
        if (f->sections)
            return ip__error_set(IP_EINVALID, "consent.sections",
                                 "a consent to the plan opens no sections");
    } else {
        if (nrec == 0)
            return ip__error_set(IP_EINVALID, "consent.recipient_unit_ids",
                                 "a sharing consent needs at least one recipient unit or person");
        if (f->sections & ~all)
            return ip__error_set(IP_EINVALID, "consent.sections",
                                 "has bits that name no plan section");
    }
    for (size_t i = 0; i < f->recipient_person_count; i++) {
        if (strcmp(f->recipient_person_ids[i], f->person_id) == 0)
            return ip__error_set(IP_EINVALID, "consent.recipient_person_ids",
                                 "entry %zu is the person the consent is about", i + 1);
    }
    rc = ip__text_check("consent.purpose", f->purpose, IP__TEXT_SHORT_MAX, true);
    if (rc == IP_OK)
        rc = ip__date_check("consent.valid_from", f->valid_from, true);
    if (rc == IP_OK)
        rc = ip__date_check("consent.valid_to", f->valid_to, false);
    if (rc == IP_OK)
        rc = ip__text_check("consent.note", f->note, IP__TEXT_LONG_MAX, false);
    if (rc)
        return rc;
    if (present(f->valid_to) && strcmp(f->valid_to, f->valid_from) < 0)
        return ip__error_set(IP_EINVALID, "consent.valid_to", "is before valid_from");
    ip__set_text(&c->person_id, f->person_id, &failed);
    c->kind = f->kind;
    c->form = f->form;
    c->sections = f->kind == IP_CONSENT_PLAN ? 0 : f->sections ? f->sections : all;
    ip__set_text(&c->purpose, f->purpose, &failed);
    ip__set_text(&c->valid_from, f->valid_from, &failed);
    ip__set_text(&c->valid_to, f->valid_to, &failed);
    ip__set_text(&c->note, f->note, &failed);
    ip__set_text(&c->registered_by, s->actor_id, &failed);
    c->withdrawn_on = NULL;
    c->withdrawn_by_id = NULL;
    c->withdrawal_form = 0;
    if (failed)
        return ip__error_nomem();
    return children_from_fields(c, f);
}

/* ------------------------------------------------------------------------
 * Standing: who may consent for the person on a day */

typedef struct {
    bool adult;       /* 16 or older on the day, or birth date unknown */
    ip__pairs rel;    /* (related_id, "1" parent | "2" guardian), active on the day */
} standing;

/* Loads the person's age and active parents and guardians on day.
 * IP_ENOTFOUND naming field when there is no such person. */
static int standing_load(ip_store *store, const char *person_id, const char *day,
                         const char *field, standing *out)
{
    ip__pairs birth = {0};
    int rc;

    out->adult = true;
    out->rel = (ip__pairs){0};
    rc = ip__db_pairs(store->db, &ip__q_consent_person_birth,
                      (ip__arg[]){IP__TEXT(person_id)}, 1, &birth);
    if (rc)
        return rc;
    if (birth.count == 0)
        rc = ip__error_set(IP_ENOTFOUND, field, "no person with that id");
    else if (birth.second[0][0])
        out->adult = ip__age_on(birth.second[0], day) >= CONSENT_AGE;
    ip__pairs_free(&birth);
    if (rc == IP_OK)
        rc = ip__db_pairs(store->db, &ip__q_consent_standing_relations,
                          (ip__arg[]){IP__TEXT(person_id), IP__TEXT(day)}, 2, &out->rel);
    return rc;
}

/* Does who hold a relation of kind ('1' parent, '2' guardian)? */
static bool holds(const standing *st, const char *who, char kind)
{
    for (size_t i = 0; i < st->rel.count; i++) {
        if (st->rel.second[i][0] == kind && strcmp(st->rel.first[i], who) == 0)
            return true;
    }
    return false;
}

static size_t count_parents(const standing *st)
{
    size_t n = 0;

    for (size_t i = 0; i < st->rel.count; i++) {
        /* Rows are ordered by related_id: count each parent once. */
        if (st->rel.second[i][0] == '1' &&
            (i == 0 || strcmp(st->rel.first[i], st->rel.first[i - 1]) != 0 ||
             st->rel.second[i - 1][0] != '1'))
            n++;
    }
    return n;
}

/* The givers of c have standing on valid_from: each is the person (16 or
 * older), a guardian, or a parent of a child; for a child, every parent
 * sharing parental responsibility gives it unless a guardian does. A child
 * may sign beside those who have standing, never alone. */
static int givers_have_standing(const struct ip_consent *c, const standing *st)
{
    const char *field = "consent.given_by_ids";
    size_t parents_given = 0, active_parents;
    bool guardian_given = false;

    for (size_t i = 0; i < c->giver_count; i++) {
        const char *g = c->giver_ids[i];
        bool guardian = holds(st, g, '2'), parent = holds(st, g, '1');

        if (strcmp(g, c->person_id) == 0)
            continue; /* standing of their own from 16; a child co-signs */
        if (guardian)
            guardian_given = true;
        if (parent && !st->adult)
            parents_given++;
        if (!guardian && !(parent && !st->adult))
            return ip__error_set(IP_EINVALID, field,
                                 "entry %zu is neither the person nor someone with "
                                 "standing to consent for them on valid_from",
                                 i + 1);
    }
    if (st->adult || guardian_given)
        return IP_OK;
    active_parents = count_parents(st);
    if (parents_given == 0)
        return ip__error_set(IP_EINVALID, field,
                             "a person under 16 cannot consent alone: those with "
                             "parental responsibility must");
    if (parents_given < active_parents)
        return ip__error_set(IP_EINVALID, field,
                             active_parents == 2
                                 ? "both parents share parental responsibility: both must consent"
                                 : "those who share parental responsibility must all consent");
    return IP_OK;
}

/* May who withdraw a consent about the person on day? The person (16 or
 * older), a guardian, or a parent of a child: one of them suffices. */
static int withdrawer_has_standing(const char *person_id, const char *who,
                                   const standing *st)
{
    const char *field = "withdrawal.withdrawn_by_id";

    if (strcmp(who, person_id) == 0) {
        if (st->adult)
            return IP_OK;
        return ip__error_set(IP_EINVALID, field,
                             "a person under 16 cannot withdraw alone: one with "
                             "parental responsibility must");
    }
    if (holds(st, who, '2') || (!st->adult && holds(st, who, '1')))
        return IP_OK;
    return ip__error_set(IP_EINVALID, field,
                         "is neither the person nor someone with standing to "
                         "withdraw for them on the day");
}

/* ------------------------------------------------------------------------
 * The record kind */

static void consent_scope(const void *record, ip__op *op)
{
    op->person_id = ((const struct ip_consent *)record)->person_id;
}

/* Inside the call: the person, givers and recipients exist, and the givers
 * have standing on valid_from. */
static int consent_check(ip_session *s, const void *record)
{
    const struct ip_consent *c = record;
    standing st;
    int rc = standing_load(s->store, c->person_id, c->valid_from, "consent.person_id", &st);

    for (size_t i = 0; rc == IP_OK && i < c->giver_count; i++)
        rc = ip__require(s->store, &ip__q_person_exists, c->giver_ids[i], IP_ENOTFOUND,
                         "consent.given_by_ids", "no person with that id");
    if (rc == IP_OK)
        rc = givers_have_standing(c, &st);
    ip__pairs_free(&st.rel);
    for (size_t i = 0; rc == IP_OK && i < c->recipient_count; i++) {
        const ip__consent_recipient *r = &c->recipients[i];

        rc = r->is_unit ? ip__require(s->store, &ip__q_unit_exists, r->recipient_id,
                                      IP_ENOTFOUND, "consent.recipient_unit_ids",
                                      "no unit with that id")
                        : ip__require(s->store, &ip__q_person_exists, r->recipient_id,
                                      IP_ENOTFOUND, "consent.recipient_person_ids",
                                      "no person with that id");
    }
    return rc;
}

/* The giver and recipient rows, written with the consent. */
static int children_insert(ip_session *s, void *record)
{
    const struct ip_consent *c = record;
    int rc = IP_OK;

    for (size_t i = 0; rc == IP_OK && i < c->giver_count; i++)
        rc = ip__db_exec(s->store->db, &ip__q_consent_giver_insert,
                         (ip__arg[]){IP__TEXT(c->meta.id), IP__TEXT(c->giver_ids[i])}, 2,
                         NULL);
    for (size_t i = 0; rc == IP_OK && i < c->recipient_count; i++)
        rc = ip__db_exec(s->store->db, &ip__q_consent_recipient_insert,
                         (ip__arg[]){IP__TEXT(c->meta.id),
                                     IP__TEXT(c->recipients[i].recipient_id),
                                     IP__INT(c->recipients[i].is_unit)},
                         3, NULL);
    return rc;
}

/* Moves the givers of every consent in items out of pairs (consent_id,
 * person_id), leaving NULL behind. */
static int attach_givers(struct ip_consent **items, size_t n, ip__pairs *pairs)
{
    for (size_t k = 0; k < n; k++) {
        struct ip_consent *c = items[k];
        size_t count = 0;

        for (size_t i = 0; i < pairs->count; i++)
            count += pairs->first[i] && strcmp(pairs->first[i], c->meta.id) == 0;
        if (count == 0)
            continue;
        c->giver_ids = ip__calloc(count, sizeof *c->giver_ids);
        if (!c->giver_ids)
            return IP_ENOMEM;
        for (size_t i = 0; i < pairs->count; i++) {
            if (pairs->first[i] && strcmp(pairs->first[i], c->meta.id) == 0) {
                c->giver_ids[c->giver_count++] = pairs->second[i];
                pairs->second[i] = NULL;
            }
        }
    }
    return IP_OK;
}

/* Moves the recipients of every consent in items out of rows. */
static int attach_recipients(struct ip_consent **items, size_t n,
                             ip__consent_recipient_rows *rows)
{
    for (size_t k = 0; k < n; k++) {
        struct ip_consent *c = items[k];
        size_t count = 0;

        for (size_t i = 0; i < rows->count; i++)
            count += strcmp(rows->consent_ids[i], c->meta.id) == 0;
        if (count == 0)
            continue;
        c->recipients = ip__calloc(count, sizeof *c->recipients);
        if (!c->recipients)
            return IP_ENOMEM;
        for (size_t i = 0; i < rows->count; i++) {
            if (strcmp(rows->consent_ids[i], c->meta.id) == 0) {
                c->recipients[c->recipient_count++] = rows->items[i];
                rows->items[i] = (ip__consent_recipient){0};
            }
        }
    }
    return IP_OK;
}

/* The givers and recipients of the consents in items, read with query
 * pair (givers, recipients) over arg: two queries however many consents. */
static int children_load_into(ip_session *s, struct ip_consent **items, size_t n,
                              const ip__query *givers, const ip__query *recipients,
                              const char *arg)
{
    ip__pairs who = {0};
    ip__consent_recipient_rows to = {0};
    ip__arg a = IP__TEXT(arg);
    int rc = ip__db_pairs(s->store->db, givers, &a, 1, &who);

    if (rc == IP_OK)
        rc = ip__consent_recipients_select(s->store->db, recipients, &a, 1, &to);
    if (rc == IP_OK)
        rc = attach_givers(items, n, &who);
    if (rc == IP_OK)
        rc = attach_recipients(items, n, &to);
    ip__pairs_free(&who);
    ip__consent_recipient_rows_free(&to);
    return rc;
}

static int children_load(ip_session *s, void *record)
{
    struct ip_consent *c = record;

    return children_load_into(s, &c, 1, &ip__q_consent_givers, &ip__q_consent_recipients,
                              c->meta.id);
}

/* A list holds one person's consents: their children in two queries. */
static int children_load_all(ip_session *s, ip__rows *rows)
{
    if (rows->count == 0)
        return IP_OK;
    return children_load_into(s, (struct ip_consent **)rows->items, rows->count,
                              &ip__q_consent_givers_of_person,
                              &ip__q_consent_recipients_of_person,
                              ((struct ip_consent *)rows->items[0])->person_id);
}

static const ip__kind consent_kind = {
    .table = &ip__consent_table,
    .object = IP__OBJ_CONSENT,
    .id_field = "consent.id",
    .scope = consent_scope,
    .check = consent_check,
    .after_insert = children_insert,
    .after_load = children_load,
    .after_load_all = children_load_all,
    .free = consent_free_record,
};

/* ------------------------------------------------------------------------
 * Public calls */

static int consent_fill(ip_session *s, void *record, const void *fields)
{
    return consent_from_fields(s, record, fields);
}

IP__RECORD_NEW(ip_consent_create, ip_consent, ip_consent_fields,
               consent_kind, consent_fill)

IP__RECORD_GET(ip_consent_get, ip_consent, consent_kind)

typedef struct {
    const ip_withdrawal_fields *w;
    const char *withdrawn_on; /* the day, defaulted to today */
} withdrawal;

static ip__consent_recipient *find_recipient(struct ip_consent *c, const char *id)
{
    for (size_t i = 0; i < c->recipient_count; i++) {
        if (strcmp(c->recipients[i].recipient_id, id) == 0)
            return &c->recipients[i];
    }
    return NULL;
}

/* Records the withdrawal on the loaded consent (whole) or on one of its
 * recipient rows, then lets the plan act on it in the same transaction. */
static int apply_withdrawal(ip_session *s, void *stored, const void *ctx)
{
    struct ip_consent *c = stored;
    const withdrawal *wd = ctx;
    const ip_withdrawal_fields *w = wd->w;
    ip__consent_recipient *r = NULL;
    bool failed = false;
    standing st;
    int changed = 0, rc;

    if (c->withdrawn_on)
        return ip__error_set(IP_ESTATE, "consent.withdrawn_on", "the consent is withdrawn already");
    if (present(w->recipient_id)) {
        r = find_recipient(c, w->recipient_id);
        if (!r)
            return ip__error_set(IP_EINVALID, "withdrawal.recipient_id",
                                 "is not a recipient of the consent");
        if (r->withdrawn_on)
            return ip__error_set(IP_ESTATE, "withdrawal.recipient_id",
                                 "that recipient is withdrawn already");
    }
    if (strcmp(wd->withdrawn_on, c->valid_from) < 0)
        return ip__error_set(IP_EINVALID, "withdrawal.withdrawn_on", "is before valid_from");
    rc = ip__require(s->store, &ip__q_person_exists, w->withdrawn_by_id, IP_ENOTFOUND,
                     "withdrawal.withdrawn_by_id", "no person with that id");
    if (rc)
        return rc;
    rc = standing_load(s->store, c->person_id, wd->withdrawn_on, "consent.person_id", &st);
    if (rc == IP_OK)
        rc = withdrawer_has_standing(c->person_id, w->withdrawn_by_id, &st);
    ip__pairs_free(&st.rel);
    if (rc)
        return rc;
    if (r) {
        rc = ip__db_exec(s->store->db, &ip__q_consent_recipient_withdraw,
                         (ip__arg[]){IP__TEXT(c->meta.id), IP__TEXT(r->recipient_id),
                                     IP__TEXT(wd->withdrawn_on),
                                     IP__TEXT(w->withdrawn_by_id), IP__INT(w->form)},
                         5, &changed);
        if (rc == IP_OK && changed != 1)
            rc = ip__error_set(IP_ESTATE, "withdrawal.recipient_id",
                               "that recipient is withdrawn already");
        if (rc)
            return rc;
        ip__set_text(&r->withdrawn_on, wd->withdrawn_on, &failed);
        ip__set_text(&r->withdrawn_by_id, w->withdrawn_by_id, &failed);
        r->withdrawal_form = w->form;
    } else {
        ip__set_text(&c->withdrawn_on, wd->withdrawn_on, &failed);
        ip__set_text(&c->withdrawn_by_id, w->withdrawn_by_id, &failed);
        c->withdrawal_form = w->form;
    }
    if (failed)
        return ip__error_nomem();
    /* The outbox event, and for a consent to the plan withdrawn whole the
     * end of the person's open plan (plan.c). */
    return ip__consent_withdrawn(s, c);
}

int ip_consent_withdraw(int64_t *revision_out, ip_session *s, const char *id,
                        int64_t expected_revision, const ip_withdrawal_fields *w)
{
    char today[IP__DATE_LEN + 1];
    withdrawal wd = {w, NULL};
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("consent.id", id);
    if (rc)
        return rc;
    IP__CHECK_VERSION(w, IP_WITHDRAWAL_FIELDS_VERSION, "withdrawal");
    if (present(w->recipient_id))
        rc = ip__id_check("withdrawal.recipient_id", w->recipient_id);
    if (rc == IP_OK)
        rc = ip__id_check("withdrawal.withdrawn_by_id", w->withdrawn_by_id);
    if (rc == IP_OK)
        rc = ip__value_check(form_names, (int)w->form, "withdrawal.form");
    if (rc == IP_OK)
        rc = ip__date_check("withdrawal.withdrawn_on", w->withdrawn_on, false);
    if (rc)
        return rc;
    ip__today(s->store, today);
    wd.withdrawn_on = present(w->withdrawn_on) ? w->withdrawn_on : today;
    if (strcmp(wd.withdrawn_on, today) > 0)
        return ip__error_set(IP_EINVALID, "withdrawal.withdrawn_on", "is after today");
    return ip__record_change(revision_out, s, &consent_kind, IP__ACT_UPDATE, id,
                             expected_revision, apply_withdrawal, &wd);
}

IP__ITERATOR(ip_consent)

int ip_consent_iterator_new(ip_consent_iterator **out, ip_session *s,
                            const char *person_id)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_CONSENT, NULL, person_id, NULL};
    void *it = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("person_id", person_id);
    if (rc == IP_OK)
        rc = ip__cursor_new(&it, s, &consent_kind, &op, &ip__q_consents_of_person,
                            (ip__arg[]){IP__TEXT(person_id)}, 1);
    *out = it;
    return rc;
}

/* ------------------------------------------------------------------------
 * Facts for the rest of libip (consent_facts.h) */

static int fact(ip_store *store, const ip__query *q, const ip__arg *args, size_t nargs,
                bool *out)
{
    int64_t found = 0;
    int rc = ip__db_scalar(store->db, q, args, nargs, &found);

    *out = rc == IP_OK && found != 0;
    return rc;
}

int ip__consent_plan_active_other(ip_store *store, const char *person_id,
                                  const char *day, const char *except_id, bool *out)
{
    *out = false;
    if (!person_id || !day)
        return IP_OK;
    return fact(store, &ip__q_consent_plan_active,
                (ip__arg[]){IP__TEXT(person_id), IP__TEXT(day), IP__TEXT(except_id)}, 3,
                out);
}

int ip__consent_plan_active(ip_store *store, const char *person_id, const char *day,
                            bool *out)
{
    return ip__consent_plan_active_other(store, person_id, day, NULL, out);
}

int ip__consent_sharing_active(ip_store *store, const char *person_id,
                               const char *recipient_id, unsigned int sections,
                               const char *day, bool *out)
{
    *out = false;
    if (!person_id || !recipient_id || !day)
        return IP_OK;
    return fact(store, &ip__q_consent_sharing_active,
                (ip__arg[]){IP__TEXT(person_id), IP__TEXT(recipient_id),
                            IP__INT(sections), IP__TEXT(day)},
                4, out);
}

int ip__consent_any_sharing_active(ip_store *store, const char *person_id,
                                   const char *day, bool *out)
{
    *out = false;
    if (!person_id || !day)
        return IP_OK;
    return fact(store, &ip__q_consent_any_sharing_active,
                (ip__arg[]){IP__TEXT(person_id), IP__TEXT(day)}, 2, out);
}
