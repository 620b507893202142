/* Units: registration, reads, updates, the list by name, sector names. */
#include "internal.h"

#include <string.h>

#include "store/queries.h"

static const ip__name sector_names[] = {
    {IP_SECTOR_MUNICIPAL_HEALTH_CARE, "municipal_health_care"},
    {IP_SECTOR_SPECIALIST_HEALTH, "specialist_health"},
    {IP_SECTOR_NAV, "nav"},
    {IP_SECTOR_CHILD_WELFARE, "child_welfare"},
    {IP_SECTOR_SCHOOL, "school"},
    {IP_SECTOR_KINDERGARTEN, "kindergarten"},
    {IP_SECTOR_OTHER, "other"},
    {0, NULL},
};

struct ip_unit_iterator {
    ip__rows rows;
    size_t next;
};

IP__GET_META(ip_unit)
IP__GET_TEXT(ip_unit, name)
IP__GET_TEXT(ip_unit, organisation_number)
IP__GETTER(ip_unit, sector, ip_sector, r->sector)
IP__GET_TEXT(ip_unit, municipality_number)
IP__GETTER(ip_unit, is_coordinating, int, r->coordinating != 0)
IP__GET_TEXT(ip_unit, host_ref)

const char *ip_sector_name(ip_sector sector)
{
    return ip__name_of(sector_names, (int)sector);
}

int ip_sector_from_name(ip_sector *out, const char *name)
{
    int value;
    int rc;

    if (!out)
        return ip__error_null("out");
    rc = ip__value_of(&value, sector_names, name, "sector");
    if (rc == IP_OK)
        *out = (ip_sector)value;
    return rc;
}

void ip_unit_free(ip_unit *unit)
{
    ip__record_free(&ip__unit_table, unit);
}

int ip_unit_fields_init(ip_unit_fields *fields, unsigned int version)
{
    ip_unit_fields defaults = IP_UNIT_FIELDS_INIT;

    if (!fields)
        return ip__error_null("fields");
    if (version != IP_UNIT_FIELDS_VERSION)
        return ip__error_set(IP_EINVALID, "fields.version", "unknown version %u", version);
    *fields = defaults;
    return IP_OK;
}

/* Checks fields and fills the record's columns from them. */
static int unit_from_fields(struct ip_unit *u, const ip_unit_fields *f)
{
    bool failed = false;
    int rc;

    if (!f)
        return ip__error_null("fields");
    IP__CHECK_VERSION(f, IP_UNIT_FIELDS_VERSION, "unit");
    rc = ip__text_check("unit.name", f->name, IP__TEXT_NAME_MAX, true);
    if (rc)
        return rc;
    if (f->organisation_number && *f->organisation_number &&
        ip_orgnr_check(f->organisation_number) != IP_OK)
        return ip__error_prefix("unit");
    rc = ip__value_check(sector_names, (int)f->sector, "unit.sector");
    if (rc == IP_OK)
        rc = ip__digits_check("unit.municipality_number", f->municipality_number, 4, 4, true);
    if (rc == IP_OK && strcmp(f->municipality_number, "0000") == 0)
        rc = ip__error_set(IP_EINVALID, "unit.municipality_number",
                           "is not a municipality number");
    if (rc == IP_OK)
        rc = ip__text_check("unit.host_ref", f->host_ref, IP__TEXT_NAME_MAX, false);
    if (rc)
        return rc;
    ip__set_text(&u->name, f->name, &failed);
    ip__set_text(&u->organisation_number, f->organisation_number, &failed);
    u->sector = (int64_t)f->sector;
    ip__set_text(&u->municipality_number, f->municipality_number, &failed);
    u->coordinating = f->coordinating ? 1 : 0;
    ip__set_text(&u->host_ref, f->host_ref, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

int ip_unit_create(ip_unit **out, ip_session *s, const ip_unit_fields *f)
{
    ip__op op = {IP__ACT_CREATE, IP__OBJ_UNIT, NULL, NULL, NULL};
    struct ip_unit *u;
    int rc;

    if (out)
        *out = NULL;
    if (!s)
        return ip__error_null("session");
    u = ip__calloc(1, sizeof *u);
    if (!u)
        return IP_ENOMEM;
    rc = unit_from_fields(u, f);
    if (rc == IP_OK)
        rc = ip__call_open(s);
    if (rc) {
        ip_unit_free(u);
        return rc;
    }
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__meta_init(s->store, &u->meta);
    if (rc == IP_OK) {
        op.object_id = u->meta.id;
        rc = ip__db_insert(s->store->db, &ip__unit_table, u);
    }
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && out) {
        *out = u;
        u = NULL;
    }
    ip_unit_free(u);
    return rc;
}

int ip_unit_get(ip_unit **out, ip_session *s, const char *id)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_UNIT, id, NULL, NULL};
    struct ip_unit *u;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("unit.id", id);
    if (rc)
        return rc;
    u = ip__calloc(1, sizeof *u);
    if (!u)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        ip_unit_free(u);
        return rc;
    }
    /* Authorize before reading, so a denied actor does not learn whether
     * the unit exists. */
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__db_get(s->store->db, &ip__unit_table, id, u);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK) {
        *out = u;
        return IP_OK;
    }
    ip_unit_free(u);
    return rc;
}

int ip_unit_update(int64_t *revision_out, ip_session *s, const char *id,
                   int64_t expected_revision, const ip_unit_fields *f)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_UNIT, id, NULL, NULL};
    struct ip_unit *u;
    bool failed = false;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("unit.id", id);
    if (rc)
        return rc;
    u = ip__calloc(1, sizeof *u);
    if (!u)
        return IP_ENOMEM;
    rc = unit_from_fields(u, f);
    if (rc == IP_OK)
        rc = ip__call_open(s);
    if (rc) {
        ip_unit_free(u);
        return rc;
    }
    rc = ip__authorize(s, &op);
    if (rc == IP_OK) {
        ip__set_text(&u->meta.id, id, &failed);
        rc = failed ? ip__error_nomem() : ip__meta_touch(s->store, &u->meta);
    }
    if (rc == IP_OK)
        rc = ip__db_update(s->store->db, &ip__unit_table, u, expected_revision);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && revision_out)
        *revision_out = u->meta.revision;
    ip_unit_free(u);
    return rc;
}

int ip_unit_iterator_new(ip_unit_iterator **out, ip_session *s)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_UNIT, NULL, NULL, NULL};
    ip_unit_iterator *it;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
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
        rc = ip__db_select(s->store->db, &ip__q_units_all, NULL, 0, &it->rows);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK) {
        *out = it;
        return IP_OK;
    }
    ip_unit_iterator_free(it);
    return rc;
}

int ip_unit_next(ip_unit **out, ip_unit_iterator *it)
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

void ip_unit_iterator_free(ip_unit_iterator *it)
{
    if (!it)
        return;
    ip__rows_free(&it->rows);
    ip_free(it);
}
