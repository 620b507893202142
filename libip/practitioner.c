/* Practitioners: registration in a unit, reads, updates, a unit's list. */
#include "record_call.h"

#include "store/queries.h"

IP__GET_META(ip_practitioner)
IP__GET_TEXT(ip_practitioner, unit_id)
IP__GET_TEXT(ip_practitioner, given_name)
IP__GET_TEXT(ip_practitioner, family_name)
IP__GET_TEXT(ip_practitioner, hpr_number)
IP__GET_TEXT(ip_practitioner, title)
IP__GET_TEXT(ip_practitioner, phone)
IP__GET_TEXT(ip_practitioner, email)
IP__GET_TEXT(ip_practitioner, host_ref)

void ip_practitioner_free(ip_practitioner *practitioner)
{
    ip__record_free(&ip__practitioner_table, practitioner);
}

IP__FIELDS_INIT(ip_practitioner_fields_init, ip_practitioner_fields,
                IP_PRACTITIONER_FIELDS_INIT, IP_PRACTITIONER_FIELDS_VERSION)

/* Checks fields and fills the record's columns from them. */
static int practitioner_from_fields(struct ip_practitioner *p,
                                    const ip_practitioner_fields *f)
{
    bool failed = false;
    int rc;

    if (!f)
        return ip__error_null("fields");
    IP__CHECK_VERSION(f, IP_PRACTITIONER_FIELDS_VERSION, "practitioner");
    rc = ip__id_check("practitioner.unit_id", f->unit_id);
    if (rc == IP_OK)
        rc = ip__text_check("practitioner.given_name", f->given_name, IP__TEXT_NAME_MAX, true);
    if (rc == IP_OK)
        rc = ip__text_check("practitioner.family_name", f->family_name, IP__TEXT_NAME_MAX, true);
    if (rc == IP_OK)
        rc = ip__digits_check("practitioner.hpr_number", f->hpr_number, 1, 9, false);
    if (rc == IP_OK)
        rc = ip__text_check("practitioner.title", f->title, IP__TEXT_NAME_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("practitioner.phone", f->phone, IP__TEXT_NAME_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("practitioner.email", f->email, IP__TEXT_NAME_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("practitioner.host_ref", f->host_ref, IP__TEXT_NAME_MAX, false);
    if (rc)
        return rc;
    ip__set_text(&p->unit_id, f->unit_id, &failed);
    ip__set_text(&p->given_name, f->given_name, &failed);
    ip__set_text(&p->family_name, f->family_name, &failed);
    ip__set_text(&p->hpr_number, f->hpr_number, &failed);
    ip__set_text(&p->title, f->title, &failed);
    ip__set_text(&p->phone, f->phone, &failed);
    ip__set_text(&p->email, f->email, &failed);
    ip__set_text(&p->host_ref, f->host_ref, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* A practitioner works in a unit that is in the store. */
static int unit_exists(ip_session *s, const void *record)
{
    return ip__require(s->store, &ip__q_unit_exists,
                       ((const struct ip_practitioner *)record)->unit_id, IP_ENOTFOUND,
                       "practitioner.unit_id", "no unit with that id");
}

static const ip__kind practitioner_kind = {
    .table = &ip__practitioner_table,
    .object = IP__OBJ_PRACTITIONER,
    .id_field = "practitioner.id",
    .check = unit_exists,
};

/* Fills a new record from fields, or returns the error. */
static int new_practitioner(struct ip_practitioner **out, const ip_practitioner_fields *f)
{
    struct ip_practitioner *p = ip__calloc(1, sizeof *p);
    int rc = p ? practitioner_from_fields(p, f) : IP_ENOMEM;

    if (rc) {
        ip_practitioner_free(p);
        p = NULL;
    }
    *out = p;
    return rc;
}

static int practitioner_fill(ip_session *s, void *record, const void *fields)
{
    (void)s;
    return practitioner_from_fields(record, fields);
}

IP__RECORD_NEW(ip_practitioner_create, ip_practitioner, ip_practitioner_fields,
               practitioner_kind, practitioner_fill)

IP__RECORD_GET(ip_practitioner_get, ip_practitioner, practitioner_kind)

int ip_practitioner_update(int64_t *revision_out, ip_session *s, const char *id,
                           int64_t expected_revision, const ip_practitioner_fields *f)
{
    struct ip_practitioner *p;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("practitioner.id", id);
    if (rc == IP_OK)
        rc = new_practitioner(&p, f);
    if (rc)
        return rc;
    return ip__record_replace(revision_out, s, &practitioner_kind, id, expected_revision, p);
}

IP__ITERATOR(ip_practitioner)

/* A unit's practitioners are read as the unit's master data. */
int ip_practitioner_iterator_new(ip_practitioner_iterator **out, ip_session *s,
                                 const char *unit_id)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_UNIT, unit_id, NULL, NULL};
    void *it = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("practitioner.unit_id", unit_id);
    if (rc == IP_OK)
        rc = ip__cursor_new(&it, s, &practitioner_kind, &op, &ip__q_practitioners_of_unit,
                            (ip__arg[]){IP__TEXT(unit_id)}, 1);
    *out = it;
    return rc;
}
