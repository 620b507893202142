/* Practitioners: registration in a unit, reads, updates, a unit's list. */
#include "internal.h"

#include "store/queries.h"

struct ip_practitioner_iterator {
    ip__rows rows;
    size_t next;
};

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

int ip_practitioner_fields_init(ip_practitioner_fields *fields, unsigned int version)
{
    ip_practitioner_fields defaults = IP_PRACTITIONER_FIELDS_INIT;

    if (!fields)
        return ip__error_null("fields");
    if (version != IP_PRACTITIONER_FIELDS_VERSION)
        return ip__error_set(IP_EINVALID, "fields.version", "unknown version %u", version);
    *fields = defaults;
    return IP_OK;
}

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
static int unit_exists(ip_session *s, const char *unit_id)
{
    int64_t found;
    int rc = ip__db_scalar(s->store->db, &ip__q_unit_exists,
                           (ip__arg[]){IP__TEXT(unit_id)}, 1, &found);

    if (rc == IP_OK && !found)
        rc = ip__error_set(IP_ENOTFOUND, "practitioner.unit_id", "no unit with that id");
    return rc;
}

int ip_practitioner_create(ip_practitioner **out, ip_session *s,
                           const ip_practitioner_fields *f)
{
    ip__op op = {IP__ACT_CREATE, IP__OBJ_PRACTITIONER, NULL, NULL, NULL};
    struct ip_practitioner *p;
    int rc;

    if (out)
        *out = NULL;
    if (!s)
        return ip__error_null("session");
    p = ip__calloc(1, sizeof *p);
    if (!p)
        return IP_ENOMEM;
    rc = practitioner_from_fields(p, f);
    if (rc == IP_OK)
        rc = ip__call_open(s);
    if (rc) {
        ip_practitioner_free(p);
        return rc;
    }
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = unit_exists(s, p->unit_id);
    if (rc == IP_OK)
        rc = ip__meta_init(s->store, &p->meta);
    if (rc == IP_OK) {
        op.object_id = p->meta.id;
        rc = ip__db_insert(s->store->db, &ip__practitioner_table, p);
    }
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && out) {
        *out = p;
        p = NULL;
    }
    ip_practitioner_free(p);
    return rc;
}

int ip_practitioner_get(ip_practitioner **out, ip_session *s, const char *id)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_PRACTITIONER, id, NULL, NULL};
    struct ip_practitioner *p;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("practitioner.id", id);
    if (rc)
        return rc;
    p = ip__calloc(1, sizeof *p);
    if (!p)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        ip_practitioner_free(p);
        return rc;
    }
    /* Authorize before reading, so a denied actor does not learn whether
     * the practitioner exists. */
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__db_get(s->store->db, &ip__practitioner_table, id, p);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK) {
        *out = p;
        return IP_OK;
    }
    ip_practitioner_free(p);
    return rc;
}

int ip_practitioner_update(int64_t *revision_out, ip_session *s, const char *id,
                           int64_t expected_revision, const ip_practitioner_fields *f)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_PRACTITIONER, id, NULL, NULL};
    struct ip_practitioner *p;
    bool failed = false;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("practitioner.id", id);
    if (rc)
        return rc;
    p = ip__calloc(1, sizeof *p);
    if (!p)
        return IP_ENOMEM;
    rc = practitioner_from_fields(p, f);
    if (rc == IP_OK)
        rc = ip__call_open(s);
    if (rc) {
        ip_practitioner_free(p);
        return rc;
    }
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = unit_exists(s, p->unit_id);
    if (rc == IP_OK) {
        ip__set_text(&p->meta.id, id, &failed);
        rc = failed ? ip__error_nomem() : ip__meta_touch(s->store, &p->meta);
    }
    if (rc == IP_OK)
        rc = ip__db_update(s->store->db, &ip__practitioner_table, p, expected_revision);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && revision_out)
        *revision_out = p->meta.revision;
    ip_practitioner_free(p);
    return rc;
}

int ip_practitioner_iterator_new(ip_practitioner_iterator **out, ip_session *s,
                                 const char *unit_id)
{
    /* The list is read through the unit: the audit event names it. */
    ip__op op = {IP__ACT_READ, IP__OBJ_UNIT, unit_id, NULL, NULL};
    ip_practitioner_iterator *it;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("practitioner.unit_id", unit_id);
    if (rc)
        return rc;
    it = ip__calloc(1, sizeof *it);
    if (!it)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        ip_free(it);
        return rc;
    }
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__db_select(s->store->db, &ip__q_practitioners_of_unit,
                           (ip__arg[]){IP__TEXT(unit_id)}, 1, &it->rows);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK) {
        *out = it;
        return IP_OK;
    }
    ip_practitioner_iterator_free(it);
    return rc;
}

int ip_practitioner_next(ip_practitioner **out, ip_practitioner_iterator *it)
{
    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!it)
        return ip__error_null("iterator");
    if (it->next >= it->rows.count)
        return IP_ITEROVER;
    *out = ip__rows_take(&it->rows, it->next++);
    return IP_OK;
}

void ip_practitioner_iterator_free(ip_practitioner_iterator *it)
{
    if (!it)
        return;
    ip__rows_free(&it->rows);
    ip_free(it);
}
