/* Relations between persons: parents with parental responsibility,
 * guardians (verge) and next of kin (pårørende), each for a period. */
#include "internal.h"

#include <string.h>

#include "store/queries.h"

struct ip_relation_iterator {
    ip__rows rows;
    size_t next;
};

static const ip__name relation_kind_names[] = {
    {IP_RELATION_PARENT, "parent"},
    {IP_RELATION_GUARDIAN, "guardian"},
    {IP_RELATION_NEXT_OF_KIN, "next_of_kin"},
    {0, NULL},
};

IP__GET_META(ip_relation)
IP__GET_TEXT(ip_relation, person_id)
IP__GET_TEXT(ip_relation, related_id)
IP__GETTER(ip_relation, kind_of, ip_relation_kind, r->kind)
IP__GET_TEXT(ip_relation, valid_from)
IP__GET_TEXT(ip_relation, valid_to)

const char *ip_relation_kind_name(ip_relation_kind kind)
{
    return ip__name_of(relation_kind_names, (int)kind);
}

int ip_relation_kind_from_name(ip_relation_kind *out, const char *name)
{
    int value;
    int rc;

    if (!out)
        return ip__error_null("out");
    rc = ip__value_of(&value, relation_kind_names, name, "relation.kind");
    if (rc == IP_OK)
        *out = (ip_relation_kind)value;
    return rc;
}

void ip_relation_free(ip_relation *relation)
{
    ip__record_free(&ip__relation_table, relation);
}

int ip_relation_fields_init(ip_relation_fields *fields, unsigned int version)
{
    ip_relation_fields defaults = IP_RELATION_FIELDS_INIT;

    if (!fields)
        return ip__error_null("fields");
    if (version != IP_RELATION_FIELDS_VERSION)
        return ip__error_set(IP_EINVALID, "fields.version", "unknown version %u", version);
    *fields = defaults;
    return IP_OK;
}

/* Checks fields and fills the record's columns from them. Whether the two
 * persons exist is the store's question, asked inside the call. */
static int relation_from_fields(struct ip_relation *r, const ip_relation_fields *f)
{
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_RELATION_FIELDS_VERSION, "relation");
    rc = ip__id_check("relation.person_id", f->person_id);
    if (rc == IP_OK)
        rc = ip__id_check("relation.related_id", f->related_id);
    if (rc == IP_OK)
        rc = ip__value_check(relation_kind_names, (int)f->kind, "relation.kind");
    if (rc == IP_OK)
        rc = ip__date_check("relation.valid_from", f->valid_from, true);
    if (rc == IP_OK)
        rc = ip__date_check("relation.valid_to", f->valid_to, false);
    if (rc)
        return rc;
    if (strcmp(f->person_id, f->related_id) == 0)
        return ip__error_set(IP_EINVALID, "relation.related_id",
                             "a person cannot be related to itself");
    if (f->valid_to && *f->valid_to && strcmp(f->valid_to, f->valid_from) < 0)
        return ip__error_set(IP_EINVALID, "relation.valid_to", "is before valid_from");
    ip__set_text(&r->person_id, f->person_id, &failed);
    ip__set_text(&r->related_id, f->related_id, &failed);
    r->kind = f->kind;
    ip__set_text(&r->valid_from, f->valid_from, &failed);
    ip__set_text(&r->valid_to, f->valid_to, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* IP_ENOTFOUND naming field when no person has that id. */
static int person_exists(ip_session *s, const char *id, const char *field)
{
    int64_t found;
    int rc = ip__db_scalar(s->store->db, &ip__q_person_exists,
                           (ip__arg[]){IP__TEXT(id)}, 1, &found);

    if (rc == IP_OK && !found)
        rc = ip__error_set(IP_ENOTFOUND, field, "no person with that id");
    return rc;
}

int ip_relation_create(ip_relation **out, ip_session *s, const ip_relation_fields *f)
{
    ip__op op = {IP__ACT_CREATE, IP__OBJ_RELATION, NULL, NULL, NULL};
    struct ip_relation *r;
    int rc;

    if (out)
        *out = NULL;
    if (!s)
        return ip__error_null("session");
    r = ip__calloc(1, sizeof *r);
    if (!r)
        return IP_ENOMEM;
    rc = relation_from_fields(r, f);
    if (rc == IP_OK)
        rc = ip__call_open(s);
    if (rc) {
        ip_relation_free(r);
        return rc;
    }
    op.person_id = r->person_id;
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = person_exists(s, r->person_id, "relation.person_id");
    if (rc == IP_OK)
        rc = person_exists(s, r->related_id, "relation.related_id");
    if (rc == IP_OK)
        rc = ip__meta_init(s->store, &r->meta);
    if (rc == IP_OK) {
        op.object_id = r->meta.id;
        rc = ip__db_insert(s->store->db, &ip__relation_table, r);
    }
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && out) {
        *out = r;
        r = NULL;
    }
    ip_relation_free(r);
    return rc;
}

int ip_relation_end(int64_t *revision_out, ip_session *s, const char *id,
                    int64_t expected_revision, const char *valid_to)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_RELATION, id, NULL, NULL};
    struct ip_relation *r;
    bool failed = false;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("relation.id", id);
    if (rc == IP_OK)
        rc = ip__date_check("relation.valid_to", valid_to, true);
    if (rc)
        return rc;
    r = ip__calloc(1, sizeof *r);
    if (!r)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        ip_relation_free(r);
        return rc;
    }
    /* The relation is read first: its person decides who may end it. */
    rc = ip__db_get(s->store->db, &ip__relation_table, id, r);
    if (rc == IP_OK) {
        op.person_id = r->person_id;
        rc = ip__authorize(s, &op);
    }
    if (rc == IP_OK && r->valid_to)
        rc = ip__error_set(IP_ESTATE, "relation.valid_to", "already ended");
    if (rc == IP_OK && strcmp(valid_to, r->valid_from) < 0)
        rc = ip__error_set(IP_EINVALID, "relation.valid_to", "is before valid_from");
    if (rc == IP_OK) {
        ip__set_text(&r->valid_to, valid_to, &failed);
        rc = failed ? ip__error_nomem() : ip__meta_touch(s->store, &r->meta);
    }
    if (rc == IP_OK)
        rc = ip__db_update(s->store->db, &ip__relation_table, r, expected_revision);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && revision_out)
        *revision_out = r->meta.revision;
    ip_relation_free(r);
    return rc;
}

/* The relations are read in one query inside the audited call; the
 * iterator hands them out one by one without touching the store again. */
int ip_relation_iterator_new(ip_relation_iterator **out, ip_session *s,
                             const char *person_id)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_RELATION, NULL, person_id, NULL};
    struct ip_relation_iterator *it;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("person_id", person_id);
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
        rc = ip__db_select(s->store->db, &ip__q_relations_of_person,
                           (ip__arg[]){IP__TEXT(person_id)}, 1, &it->rows);
    rc = ip__call_close(s, &op, rc);
    if (rc) {
        ip_relation_iterator_free(it);
        return rc;
    }
    *out = it;
    return IP_OK;
}

int ip_relation_next(ip_relation **out, ip_relation_iterator *it)
{
    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!it)
        return ip__error_null("it");
    if (it->next >= it->rows.count)
        return IP_ITEROVER;
    *out = ip__rows_take(&it->rows, it->next++);
    return IP_OK;
}

void ip_relation_iterator_free(ip_relation_iterator *it)
{
    if (!it)
        return;
    ip__rows_free(&it->rows);
    ip_free(it);
}
