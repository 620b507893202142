/* Persons: registration, reads by id and national id, updates. */
#include "internal.h"

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

int ip_person_fields_init(ip_person_fields *fields, unsigned int version)
{
    ip_person_fields defaults = IP_PERSON_FIELDS_INIT;

    if (!fields)
        return ip__error_null("fields");
    if (version != IP_PERSON_FIELDS_VERSION)
        return ip__error_set(IP_EINVALID, "fields.version", "unknown version %u", version);
    *fields = defaults;
    return IP_OK;
}

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
static int national_id_free(ip_session *s, const char *national_id, const char *self)
{
    int64_t taken;
    ip__arg args[] = {IP__TEXT(national_id), IP__TEXT(self)};
    int rc;

    if (!national_id)
        return IP_OK;
    rc = ip__db_scalar(s->store->db, &ip__q_national_id_taken, args, 2, &taken);
    if (rc == IP_OK && taken)
        rc = ip__error_set(IP_EEXISTS, "person.national_id",
                           "another person has this national id");
    return rc;
}

static int person_exists(ip_session *s, const char *id)
{
    int64_t found;
    int rc = ip__db_scalar(s->store->db, &ip__q_person_exists,
                           (ip__arg[]){IP__TEXT(id)}, 1, &found);

    if (rc == IP_OK && !found)
        rc = ip__error_set(IP_ENOTFOUND, "person.id", "no person with that id");
    return rc;
}

int ip_person_create(ip_person **out, ip_session *s, const ip_person_fields *f)
{
    ip__op op = {IP__ACT_CREATE, IP__OBJ_PERSON, NULL, NULL, NULL};
    struct ip_person *p;
    int rc;

    if (out)
        *out = NULL;
    if (!s)
        return ip__error_null("session");
    p = ip__calloc(1, sizeof *p);
    if (!p)
        return IP_ENOMEM;
    rc = person_from_fields(p, f);
    if (rc == IP_OK)
        rc = ip__call_open(s);
    if (rc) {
        ip_person_free(p);
        return rc;
    }
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = national_id_free(s, p->national_id, NULL);
    if (rc == IP_OK)
        rc = ip__meta_init(s->store, &p->meta);
    if (rc == IP_OK) {
        op.object_id = op.person_id = p->meta.id;
        rc = ip__db_insert(s->store->db, &ip__person_table, p);
    }
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && out) {
        *out = p;
        p = NULL;
    }
    ip_person_free(p);
    return rc;
}

/* Reads one person found by the query and authorizes the read. */
static int person_read(ip_person **out, ip_session *s, const char *id,
                       const char *national_id)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_PERSON, NULL, NULL, NULL};
    struct ip_person *p = NULL;
    ip__rows rows = {0};
    int rc = ip__call_open(s);

    if (rc)
        return rc;
    if (id) {
        p = ip__calloc(1, sizeof *p);
        rc = p ? ip__db_get(s->store->db, &ip__person_table, id, p) : IP_ENOMEM;
        if (rc == IP_ENOTFOUND)
            rc = ip__error_set(IP_ENOTFOUND, "person.id", "no person with that id");
    } else {
        rc = ip__db_select(s->store->db, &ip__q_person_by_national_id,
                           (ip__arg[]){IP__TEXT(national_id)}, 1, &rows);
        if (rc == IP_OK && rows.count == 0)
            rc = ip__error_set(IP_ENOTFOUND, "person.national_id",
                               "no person with that national id");
        if (rc == IP_OK)
            p = ip__rows_take(&rows, 0);
        ip__rows_free(&rows);
    }
    if (rc == IP_OK) {
        op.object_id = op.person_id = p->meta.id;
        rc = ip__authorize(s, &op);
    }
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK) {
        *out = p;
        return IP_OK;
    }
    ip_person_free(p);
    return rc;
}

int ip_person_get(ip_person **out, ip_session *s, const char *id)
{
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("person.id", id);
    return rc ? rc : person_read(out, s, id, NULL);
}

int ip_person_find(ip_person **out, ip_session *s, const char *national_id)
{
    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    if (ip_national_id_check(NULL, NULL, national_id) != IP_OK)
        return ip__error_prefix("person");
    return person_read(out, s, NULL, national_id);
}

int ip_person_update(int64_t *revision_out, ip_session *s, const char *id,
                     int64_t expected_revision, const ip_person_fields *f)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_PERSON, id, id, NULL};
    struct ip_person *p;
    bool failed = false;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("person.id", id);
    if (rc)
        return rc;
    p = ip__calloc(1, sizeof *p);
    if (!p)
        return IP_ENOMEM;
    rc = person_from_fields(p, f);
    if (rc == IP_OK)
        rc = ip__call_open(s);
    if (rc) {
        ip_person_free(p);
        return rc;
    }
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = person_exists(s, id);
    if (rc == IP_OK)
        rc = national_id_free(s, p->national_id, id);
    if (rc == IP_OK) {
        ip__set_text(&p->meta.id, id, &failed);
        rc = failed ? ip__error_nomem() : ip__meta_touch(s->store, &p->meta);
    }
    if (rc == IP_OK)
        rc = ip__db_update(s->store->db, &ip__person_table, p, expected_revision);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && revision_out)
        *revision_out = p->meta.revision;
    ip_person_free(p);
    return rc;
}
