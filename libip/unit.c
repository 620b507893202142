/* Units: registration, reads, updates, the list by name, sector names. */
#include "record_call.h"

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

IP__GET_META(ip_unit)
IP__GET_TEXT(ip_unit, name)
IP__GET_TEXT(ip_unit, organisation_number)
IP__GETTER(ip_unit, sector, ip_sector, r->sector)
IP__GET_TEXT(ip_unit, municipality_number)
IP__GETTER(ip_unit, is_coordinating, int, r->coordinating != 0)
IP__GET_TEXT(ip_unit, host_ref)

IP__ENUM_NAMES(ip_sector, ip_sector, sector_names, "sector")

void ip_unit_free(ip_unit *unit)
{
    ip__record_free(&ip__unit_table, unit);
}

IP__FIELDS_INIT(ip_unit_fields_init, ip_unit_fields, IP_UNIT_FIELDS_INIT,
                IP_UNIT_FIELDS_VERSION)

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

static const ip__kind unit_kind = {
    .table = &ip__unit_table,
    .object = IP__OBJ_UNIT,
    .id_field = "unit.id",
};

/* Fills a new record from fields, or returns the error. */
static int new_unit(struct ip_unit **out, const ip_unit_fields *f)
{
    struct ip_unit *u = ip__calloc(1, sizeof *u);
    int rc = u ? unit_from_fields(u, f) : IP_ENOMEM;

    if (rc) {
        ip_unit_free(u);
        u = NULL;
    }
    *out = u;
    return rc;
}

static int unit_fill(ip_session *s, void *record, const void *fields)
{
    (void)s;
    return unit_from_fields(record, fields);
}

IP__RECORD_NEW(ip_unit_create, ip_unit, ip_unit_fields, unit_kind, unit_fill)

IP__RECORD_GET(ip_unit_get, ip_unit, unit_kind)

int ip_unit_update(int64_t *revision_out, ip_session *s, const char *id,
                   int64_t expected_revision, const ip_unit_fields *f)
{
    struct ip_unit *u;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("unit.id", id);
    if (rc == IP_OK)
        rc = new_unit(&u, f);
    if (rc)
        return rc;
    return ip__record_replace(revision_out, s, &unit_kind, id, expected_revision, u);
}

IP__ITERATOR(ip_unit)

int ip_unit_iterator_new(ip_unit_iterator **out, ip_session *s)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_UNIT, NULL, NULL, NULL};
    void *it = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__cursor_new(&it, s, &unit_kind, &op, &ip__q_units_all, NULL, 0);
    *out = it;
    return rc;
}
