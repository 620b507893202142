/* Persons: registration, reads by id and national id, updates. */
#include "record_call.h"

#include <string.h>

#include "store/queries.h"

IP__GET_META(ip_person)
IP__GET_TEXT(ip_person, national_id)
IP__GETTER(ip_person, national_id_kind, ip_national_id_kind, r->national_id_kind)
IP__GET_TEXT(ip_person, given_name)
IP__GET_TEXT(ip_person, family_name)
IP__GET_TEXT(ip_person, birth_date)
IP__GET_TEXT(ip_person, phone)
IP__GET_TEXT(ip_person, email)
IP__GET_TEXT(ip_person, address)
IP__GET_TEXT(ip_person, municipality_number)
IP__GET_TEXT(ip_person, host_ref)
IP__GETTER(ip_person, created_at, const char *, r->meta.created_at)
IP__GETTER(ip_person, updated_at, const char *, r->meta.updated_at)

void ip_person_free(ip_person *person)
{
    ip__record_free(&ip__person_table, person);
}

IP__FIELDS_INIT(ip_person_fields_init, ip_person_fields, IP_PERSON_FIELDS_INIT,
                IP_PERSON_FIELDS_VERSION)

/* Checks fields and fills the record's columns from them. */
static int person_from_fields(struct ip_person *p, const ip_person_fields *f)
{
    ip_national_id_kind kind = 0;
    char derived[IP__DATE_LEN + 1] = "";
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_PERSON_FIELDS_VERSION, "person");
    if (f->national_id && *f->national_id &&
        ip_national_id_check(&kind, derived, f->national_id) != IP_OK)
        return ip__error_prefix("person");
    rc = ip__text_check("person.given_name", f->given_name, IP__TEXT_NAME_MAX, true);
    if (rc == IP_OK)
        rc = ip__text_check("person.family_name", f->family_name, IP__TEXT_NAME_MAX, true);
    if (rc == IP_OK)
        rc = ip__date_check("person.birth_date", f->birth_date, false);
    if (rc == IP_OK)
        rc = ip__text_check("person.phone", f->phone, IP__TEXT_NAME_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("person.email", f->email, IP__TEXT_NAME_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("person.address", f->address, IP__TEXT_SHORT_MAX, false);
    if (rc == IP_OK)
        rc = ip__digits_check("person.municipality_number", f->municipality_number, 4, 4, false);
    if (rc == IP_OK)
        rc = ip__text_check("person.host_ref", f->host_ref, IP__TEXT_NAME_MAX, false);
    if (rc)
        return rc;
    if (derived[0] && f->birth_date && *f->birth_date && strcmp(derived, f->birth_date) != 0)
        return ip__error_set(IP_EINVALID, "person.birth_date",
                             "does not agree with the national id");
    ip__set_text(&p->national_id, f->national_id, &failed);
    p->national_id_kind = kind;
    ip__set_text(&p->given_name, f->given_name, &failed);
    ip__set_text(&p->family_name, f->family_name, &failed);
    ip__set_text(&p->birth_date, derived[0] ? derived : f->birth_date, &failed);
    ip__set_text(&p->phone, f->phone, &failed);
    ip__set_text(&p->email, f->email, &failed);
    ip__set_text(&p->address, f->address, &failed);
    ip__set_text(&p->municipality_number, f->municipality_number, &failed);
    ip__set_text(&p->host_ref, f->host_ref, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* A national id belongs to one person only. */
static int national_id_free(ip_session *s, const void *record)
{
    const struct ip_person *p = record;
    int64_t taken;
    ip__arg args[] = {IP__TEXT(p->national_id), IP__TEXT(p->meta.id)};
    int rc;

    if (!p->national_id)
        return IP_OK;
    rc = ip__db_scalar(s->store->db, &ip__q_national_id_taken, args, 2, &taken);
    if (rc == IP_OK && taken)
        rc = ip__error_set(IP_EEXISTS, "person.national_id",
                           "another person has this national id");
    return rc;
}

/* A person's records are about that person. */
static void person_scope(const void *record, ip__op *op)
{
    op->person_id = ((const ip__meta *)record)->id;
}

static const ip__kind person_kind = {
    .table = &ip__person_table,
    .object = IP__OBJ_PERSON,
    .id_field = "person.id",
    .scope = person_scope,
    .check = national_id_free,
};

/* Fills a new record from fields, or returns the error. */
static int new_person(struct ip_person **out, const ip_person_fields *f)
{
    struct ip_person *p = ip__calloc(1, sizeof *p);
    int rc = p ? person_from_fields(p, f) : IP_ENOMEM;

    if (rc) {
        ip_person_free(p);
        p = NULL;
    }
    *out = p;
    return rc;
}

static int person_fill(ip_session *s, void *record, const void *fields)
{
    (void)s;
    return person_from_fields(record, fields);
}

IP__RECORD_NEW(ip_person_create, ip_person, ip_person_fields, person_kind, person_fill)

IP__RECORD_GET(ip_person_get, ip_person, person_kind)

int ip_person_find(ip_person **out, ip_session *s, const char *national_id)
{
    void *person = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    if (ip_national_id_check(NULL, NULL, national_id) != IP_OK)
        return ip__error_prefix("person");
    rc = ip__record_find(&person, s, &person_kind, &ip__q_person_by_national_id,
                         (ip__arg[]){IP__TEXT(national_id)}, 1, "person.national_id");
    *out = person;
    return rc;
}

int ip_person_update(int64_t *revision_out, ip_session *s, const char *id,
                     int64_t expected_revision, const ip_person_fields *f)
{
    struct ip_person *p;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("person.id", id);
    if (rc == IP_OK)
        rc = new_person(&p, f);
    if (rc)
        return rc;
    return ip__record_replace(revision_out, s, &person_kind, id, expected_revision, p);
}
