#include "content.h"

#include <stdio.h>
#include <string.h>

static void record_free(const ip__kind *k, void *record)
{
    if (k->free)
        k->free(record);
    else
        ip__record_free(k->table, record);
}

int ip__require(ip_store *store, const ip__query *q, const char *id, int code,
                const char *field, const char *message)
{
    int64_t found;
    int rc = ip__db_scalar(store->db, q, (ip__arg[]){IP__TEXT(id)}, 1, &found);

    if (rc == IP_OK && !found)
        rc = ip__error_set(code, field, "%s", message);
    return rc;
}

int ip__record_create(void **out, ip_session *s, const ip__kind *k, void *record)
{
    ip__op op = {IP__ACT_CREATE, k->object, NULL, NULL, NULL};
    int rc;

    if (out)
        *out = NULL;
    rc = ip__call_open(s);
    if (rc) {
        record_free(k, record);
        return rc;
    }
    rc = k->resolve ? k->resolve(s, k, record) : IP_OK;
    if (rc == IP_OK && k->scope)
        k->scope(record, &op);
    if (rc == IP_OK)
        rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__meta_init(s->store, record);
    if (rc == IP_OK && k->check)
        rc = k->check(s, record);
    if (rc == IP_OK) {
        op.object_id = ((ip__meta *)record)->id;
        /* A record that is its own subject (a person) is named once it
         * has an id. */
        if (k->scope)
            k->scope(record, &op);
        rc = ip__db_insert(s->store->db, k->table, record);
    }
    if (rc == IP_OK && k->after_insert)
        rc = k->after_insert(s, record);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && out) {
        *out = record;
        return IP_OK;
    }
    record_free(k, record);
    return rc;
}

int ip__record_new(void **out, ip_session *s, const ip__kind *k, ip__fill_fn fill,
                   const void *fields)
{
    void *record;
    int rc;

    if (out)
        *out = NULL;
    if (!s)
        return ip__error_null("session");
    record = ip__calloc(1, k->table->size);
    if (!record)
        return IP_ENOMEM;
    rc = fill(s, record, fields);
    if (rc) {
        record_free(k, record);
        return rc;
    }
    return ip__record_create(out, s, k, record);
}

/* Loads the record and authorizes op on it, in the order the kind needs. */
static int load_authorized(ip_session *s, const ip__kind *k, ip__op *op,
                           const char *id, void *record)
{
    int rc = IP_OK;

    if (!k->scope)
        rc = ip__authorize(s, op);
    if (rc == IP_OK)
        rc = ip__db_get(s->store->db, k->table, id, record);
    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, k->id_field, "no record with that id");
    if (rc == IP_OK && k->scope) {
        k->scope(record, op);
        rc = ip__authorize(s, op);
    }
    if (rc == IP_OK && k->after_load)
        rc = k->after_load(s, record);
    return rc;
}

int ip__record_read(void **out, ip_session *s, const ip__kind *k, const char *id)
{
    ip__op op = {IP__ACT_READ, k->object, id, NULL, NULL};
    void *record;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check(k->id_field, id);
    if (rc)
        return rc;
    record = ip__calloc(1, k->table->size);
    if (!record)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc == IP_OK)
        rc = ip__call_close(s, &op, load_authorized(s, k, &op, id, record));
    if (rc == IP_OK) {
        *out = record;
        return IP_OK;
    }
    record_free(k, record);
    return rc;
}

int ip__record_find(void **out, ip_session *s, const ip__kind *k,
                    const ip__query *query, const ip__arg *args, size_t nargs,
                    const char *not_found_field)
{
    ip__op op = {IP__ACT_READ, k->object, NULL, NULL, NULL};
    ip__rows rows = {0};
    void *record = NULL;
    int rc = ip__call_open(s);

    *out = NULL;
    if (rc)
        return rc;
    if (!k->scope)
        rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__db_select(s->store->db, query, args, nargs, &rows);
    if (rc == IP_OK && rows.count == 0)
        rc = ip__error_set(IP_ENOTFOUND, not_found_field, "no record found");
    if (rc == IP_OK) {
        record = ip__rows_take(&rows, 0);
        op.object_id = ((ip__meta *)record)->id;
        if (k->scope) {
            k->scope(record, &op);
            rc = ip__authorize(s, &op);
        }
    }
    if (rc == IP_OK && k->after_load)
        rc = k->after_load(s, record);
    ip__rows_free(&rows);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK) {
        *out = record;
        return IP_OK;
    }
    if (record)
        record_free(k, record);
    return rc;
}

int ip__record_change(int64_t *revision_out, ip_session *s, const ip__kind *k,
                      ip__action action, const char *id, int64_t expected_revision,
                      ip__apply_fn apply, const void *ctx)
{
    ip__op op = {action, k->object, id, NULL, NULL};
    void *stored;
    int rc;

    stored = ip__calloc(1, k->table->size);
    if (!stored)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        record_free(k, stored);
        return rc;
    }
    rc = load_authorized(s, k, &op, id, stored);
    /* A stale revision is refused before any rule looks at the record. */
    if (rc == IP_OK && ((ip__meta *)stored)->revision != expected_revision) {
        char field[64];
        snprintf(field, sizeof field, "%s.revision", k->table->name);
        rc = ip__error_set(IP_ECONFLICT, field, "the %s was changed since it was read",
                           k->table->name);
    }
    if (rc == IP_OK)
        rc = apply(s, stored, ctx);
    if (rc == IP_OK)
        rc = ip__meta_touch(s->store, stored);
    if (rc == IP_OK)
        rc = ip__db_update(s->store->db, k->table, stored, expected_revision);
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && revision_out)
        *revision_out = ((ip__meta *)stored)->revision;
    record_free(k, stored);
    return rc;
}

typedef struct {
    const ip__kind *kind;
    void *fresh;
} replacement;

/* Swaps every column (not the meta) of stored with fresh's, so fresh ends
 * up holding the old values and frees them. */
static int apply_replacement(ip_session *s, void *stored, const void *ctx)
{
    const replacement *r = ctx;
    const ip__kind *k = r->kind;

    /* A content record stays in its plan: its plan and person are not
     * fields the caller replaces. */
    if (k->resolve) {
        ip__content *old = stored, *fresh = r->fresh;
        char field[64];

        if (fresh->plan_id && strcmp(fresh->plan_id, old->plan_id) != 0) {
            snprintf(field, sizeof field, "%s.plan_id", k->table->name);
            return ip__error_set(IP_EINVALID, field, "cannot move to another plan");
        }
    }
    for (const ip__column *c = k->table->columns; c->name; c++) {
        if (k->resolve && (c->offset == offsetof(ip__content, plan_id) ||
                           c->offset == offsetof(ip__content, person_id)))
            continue;
        if (c->type == IP__COL_TEXT) {
            char *t = IP__TEXT_AT(stored, c);
            IP__TEXT_AT(stored, c) = IP__TEXT_AT(r->fresh, c);
            IP__TEXT_AT(r->fresh, c) = t;
        } else {
            int64_t v = IP__INT_AT(stored, c);
            IP__INT_AT(stored, c) = IP__INT_AT(r->fresh, c);
            IP__INT_AT(r->fresh, c) = v;
        }
    }
    if (k->resolve) {
        int rc = ip__content_require_open(s, stored);
        if (rc)
            return rc;
    }
    return k->check ? k->check(s, stored) : IP_OK;
}

int ip__record_replace(int64_t *revision_out, ip_session *s, const ip__kind *k,
                       const char *id, int64_t expected_revision, void *fresh)
{
    replacement r = {k, fresh};
    int rc = ip__record_change(revision_out, s, k, IP__ACT_UPDATE, id,
                               expected_revision, apply_replacement, &r);

    record_free(k, fresh);
    return rc;
}

int ip__cursor_new(void **out, ip_session *s, const ip__kind *k, ip__op *op,
                   const ip__query *query, const ip__arg *args, size_t nargs)
{
    ip__cursor *c;
    int rc;

    *out = NULL;
    c = ip__calloc(1, sizeof *c);
    if (!c)
        return IP_ENOMEM;
    c->kind = k;
    c->rows.table = k->table;
    rc = ip__call_open(s);
    if (rc) {
        ip_free(c);
        return rc;
    }
    rc = ip__authorize(s, op);
    if (rc == IP_OK)
        rc = ip__db_select(s->store->db, query, args, nargs, &c->rows);
    if (rc == IP_OK && k->after_load_all)
        rc = k->after_load_all(s, &c->rows);
    for (size_t i = 0; !k->after_load_all && rc == IP_OK && k->after_load &&
                       i < c->rows.count; i++)
        rc = k->after_load(s, c->rows.items[i]);
    /* Each record about a person gets a read event of its own beside the
     * call's, so the person's access log shows the listing. */
    for (size_t i = 0; rc == IP_OK && k->scope && i < c->rows.count; i++) {
        ip__op row = {IP__ACT_READ, k->object, ((ip__meta *)c->rows.items[i])->id,
                      NULL, op->rule, NULL, NULL};
        k->scope(c->rows.items[i], &row);
        rc = ip__audit_append(s, &row, true);
    }
    rc = ip__call_close(s, op, rc);
    if (rc) {
        ip__cursor_free(c);
        return rc;
    }
    *out = c;
    return IP_OK;
}

int ip__cursor_next(void **out, ip__cursor *c)
{
    *out = NULL;
    if (!c)
        return ip__error_null("iterator");
    if (c->next >= c->rows.count)
        return IP_ITEROVER;
    *out = ip__rows_take(&c->rows, c->next++);
    return IP_OK;
}

void ip__cursor_free(ip__cursor *c)
{
    if (!c)
        return;
    while (c->next < c->rows.count)
        record_free(c->kind, ip__rows_take(&c->rows, c->next++));
    ip__rows_free(&c->rows);
    ip_free(c);
}
