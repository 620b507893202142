#include "content.h"

#include <stdio.h>
#include <string.h>

void ip__content_scope(const void *record, ip__op *op)
{
    const ip__content *c = record;

    op->plan_id = c->plan_id;
    op->person_id = c->person_id;
}

/* Loads the plan a content record belongs to. */
static int plan_load(ip_session *s, const char *plan_id, const char *field,
                     struct ip_plan *plan)
{
    int rc = ip__db_get(s->store->db, &ip__plan_table, plan_id, plan);

    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, field, "no plan with that id");
    return rc;
}

int ip__content_resolve(ip_session *s, const ip__kind *k, void *record)
{
    ip__content *c = record;
    struct ip_plan plan = {0};
    char field[64];
    bool failed = false;
    int rc;

    snprintf(field, sizeof field, "%s.plan_id", k->table->name);
    rc = ip__id_check(field, c->plan_id);
    if (rc == IP_OK)
        rc = plan_load(s, c->plan_id, field, &plan);
    if (rc == IP_OK && plan.status == IP_PLAN_ENDED)
        rc = ip__error_set(IP_ESTATE, field, "the plan has ended: its content no longer changes");
    if (rc == IP_OK) {
        ip__set_text(&c->person_id, plan.person_id, &failed);
        if (failed)
            rc = ip__error_nomem();
    }
    ip__record_clear(&ip__plan_table, &plan);
    return rc;
}

int ip__content_require_open(ip_session *s, const void *record)
{
    const ip__content *c = record;
    struct ip_plan plan = {0};
    int rc = plan_load(s, c->plan_id, "plan_id", &plan);

    if (rc == IP_OK && plan.status == IP_PLAN_ENDED)
        rc = ip__error_set(IP_ESTATE, "plan_id", "the plan has ended: its content no longer changes");
    ip__record_clear(&ip__plan_table, &plan);
    return rc;
}

int ip__content_same_plan(ip_session *s, const void *record, const ip__table *table,
                          const char *id, const char *field, bool required)
{
    const ip__content *c = record;
    ip__content *other;
    int rc;

    if (!id || !*id)
        return required ? ip__error_set(IP_EINVALID, field, "is required") : IP_OK;
    rc = ip__id_check(field, id);
    if (rc)
        return rc;
    other = ip__calloc(1, table->size);
    if (!other)
        return IP_ENOMEM;
    rc = ip__db_get(s->store->db, table, id, other);
    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, field, "no %s with that id", table->name);
    if (rc == IP_OK && strcmp(other->plan_id, c->plan_id) != 0)
        rc = ip__error_set(IP_EINVALID, field, "belongs to another plan");
    ip__record_free(table, other);
    return rc;
}

int ip__content_list(void **out, ip_session *s, const ip__kind *k,
                     const char *plan_id, const char *field, const ip__query *query,
                     const ip__arg *args, size_t nargs)
{
    ip__op op = {IP__ACT_READ, k->object, NULL, NULL, NULL, NULL, NULL};
    struct ip_plan plan = {0};
    ip__arg all[4];
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    if (nargs + 1 > sizeof all / sizeof all[0])
        return ip__error_set(IP_ERROR, NULL, "too many query arguments");
    rc = ip__id_check(field, plan_id);
    /* The plan is read first for its person, whom the authorization and
     * the audit events name. */
    if (rc == IP_OK)
        rc = plan_load(s, plan_id, field, &plan);
    if (rc == IP_OK) {
        op.plan_id = plan.meta.id;
        op.person_id = plan.person_id;
        all[0] = IP__TEXT(plan_id);
        for (size_t i = 0; i < nargs; i++)
            all[i + 1] = args[i];
        rc = ip__cursor_new(out, s, k, &op, query, all, nargs + 1);
    }
    ip__record_clear(&ip__plan_table, &plan);
    return rc;
}
