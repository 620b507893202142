/* Relations between persons: parents with parental responsibility,
 * guardians (verge) and next of kin (pårørende), each for a period. */
#include "record_call.h"

#include <string.h>

#include "store/queries.h"


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

IP__ENUM_NAMES(ip_relation_kind, ip_relation_kind, relation_kind_names, "relation.kind")

void ip_relation_free(ip_relation *relation)
{
    ip__record_free(&ip__relation_table, relation);
}

IP__FIELDS_INIT(ip_relation_fields_init, ip_relation_fields, IP_RELATION_FIELDS_INIT,
                IP_RELATION_FIELDS_VERSION)

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

static void relation_scope(const void *record, ip__op *op)
{
    op->person_id = ((const struct ip_relation *)record)->person_id;
}

/* Both persons are in the store. */
static int persons_exist(ip_session *s, const void *record)
{
    const struct ip_relation *r = record;
    int rc = ip__require(s->store, &ip__q_person_exists, r->person_id, IP_ENOTFOUND,
                         "relation.person_id", "no person with that id");

    if (rc == IP_OK)
        rc = ip__require(s->store, &ip__q_person_exists, r->related_id, IP_ENOTFOUND,
                         "relation.related_id", "no person with that id");
    return rc;
}

static const ip__kind relation_kind = {
    .table = &ip__relation_table,
    .object = IP__OBJ_RELATION,
    .id_field = "relation.id",
    .scope = relation_scope,
    .check = persons_exist,
};

static int relation_fill(ip_session *s, void *record, const void *fields)
{
    (void)s;
    return relation_from_fields(record, fields);
}

IP__RECORD_NEW(ip_relation_create, ip_relation, ip_relation_fields,
               relation_kind, relation_fill)

static int apply_end(ip_session *s, void *stored, const void *ctx)
{
    struct ip_relation *r = stored;
    const char *valid_to = ctx;
    bool failed = false;

    (void)s;
    if (r->valid_to)
        return ip__error_set(IP_ESTATE, "relation.valid_to", "already ended");
    if (strcmp(valid_to, r->valid_from) < 0)
        return ip__error_set(IP_EINVALID, "relation.valid_to", "is before valid_from");
    ip__set_text(&r->valid_to, valid_to, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

int ip_relation_end(int64_t *revision_out, ip_session *s, const char *id,
                    int64_t expected_revision, const char *valid_to)
{
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("relation.id", id);
    if (rc == IP_OK)
        rc = ip__date_check("relation.valid_to", valid_to, true);
    if (rc)
        return rc;
    return ip__record_change(revision_out, s, &relation_kind, IP__ACT_UPDATE, id,
                             expected_revision, apply_end, valid_to);
}

IP__ITERATOR(ip_relation)

int ip_relation_iterator_new(ip_relation_iterator **out, ip_session *s,
                             const char *person_id)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_RELATION, NULL, person_id, NULL};
    void *it = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("person_id", person_id);
    if (rc == IP_OK)
        rc = ip__cursor_new(&it, s, &relation_kind, &op, &ip__q_relations_of_person,
                            (ip__arg[]){IP__TEXT(person_id)}, 1);
    *out = it;
    return rc;
}
