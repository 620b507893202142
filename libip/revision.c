/* Revisions: the plan's ip-plan/1 document frozen under the next number,
 * with reason, author and meeting. The store refuses to change or remove a
 * revision (triggers in 0002_plans.sql); nothing here tries to. */
#include "content.h"

#include <string.h>

#include "json/native.h"
#include "plan_content.h"
#include "store/content_queries.h"

/* The public type is ip_revision (ip_plan_revision names the plan's own
 * revision getter), so the getters are written out rather than made with
 * IP__GETTER, which names the struct after the prefix. */
#define REVISION_GETTER(name, rtype, expr)                                     \
    rtype ip_revision_##name(const ip_revision *r) { return r ? (rtype)(expr) : 0; }

REVISION_GETTER(id, const char *, r->meta.id)
REVISION_GETTER(plan_id, const char *, r->plan_id)
REVISION_GETTER(number, int64_t, r->number)
REVISION_GETTER(reason, const char *, r->reason)
REVISION_GETTER(author_id, const char *, r->author_id)
REVISION_GETTER(meeting_id, const char *, r->meeting_id)
REVISION_GETTER(made_at, const char *, r->meta.created_at)
REVISION_GETTER(document, const char *, r->document)

void ip_revision_free(ip_revision *revision)
{
    ip__record_free(&ip__plan_revision_table, revision);
}

static const ip__kind revision_kind = {
    .table = &ip__plan_revision_table,
    .object = IP__OBJ_REVISION,
    .id_field = "plan_revision.id",
    .scope = ip__content_scope,
};

/* Checks the arguments and fills what the caller gives of the record. */
static int revision_from_args(struct ip_plan_revision *r, ip_session *s,
                              const char *plan_id, const char *reason,
                              const char *meeting_id)
{
    bool failed = false;
    int rc = ip__id_check("plan_revision.plan_id", plan_id);

    if (rc == IP_OK)
        rc = ip__text_check("plan_revision.reason", reason, IP__TEXT_SHORT_MAX, true);
    if (rc == IP_OK && meeting_id && *meeting_id)
        rc = ip__id_check("plan_revision.meeting_id", meeting_id);
    if (rc)
        return rc;
    ip__set_text(&r->plan_id, plan_id, &failed);
    ip__set_text(&r->reason, reason, &failed);
    ip__set_text(&r->author_id, s->actor_id, &failed);
    ip__set_text(&r->meeting_id, meeting_id, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* The rules and the frozen document, once the actor is authorized: the
 * plan is open, the meeting is the plan's, the number follows the last. */
static int revision_freeze(ip_session *s, struct ip_plan_revision *r,
                           const ip__plan_content *c)
{
    int rc;

    if (c->plan->status == IP_PLAN_ENDED)
        return ip__error_set(IP_ESTATE, "plan_revision.plan_id",
                             "the plan has ended: it is no longer revised");
    rc = ip__content_same_plan(s, r, &ip__meeting_table, r->meeting_id,
                               "plan_revision.meeting_id", false);
    if (rc)
        return rc;
    r->number = c->revision_count ? c->revisions[c->revision_count - 1]->number + 1 : 1;
    return ip__native_document(&r->document, NULL, c, IP__NATIVE_FROZEN);
}

int ip_plan_revise(ip_revision **out, ip_session *s, const char *plan_id,
                   const char *reason, const char *meeting_id)
{
    ip__op op = {IP__ACT_CREATE, IP__OBJ_REVISION, NULL, NULL, NULL};
    ip__plan_content *content = NULL;
    struct ip_plan_revision *r;
    bool failed = false;
    int rc;

    if (out)
        *out = NULL;
    if (!s)
        return ip__error_null("session");
    r = ip__calloc(1, sizeof *r);
    if (!r)
        return IP_ENOMEM;
    rc = revision_from_args(r, s, plan_id, reason, meeting_id);
    if (rc) {
        ip_revision_free(r);
        return rc;
    }
    rc = ip__call_open(s);
    if (rc) {
        ip_revision_free(r);
        return rc;
    }
    rc = ip__plan_content_load(s, plan_id, &content);
    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, "plan_revision.plan_id", "no plan with that id");
    if (rc == IP_OK) {
        ip__set_text(&r->person_id, content->plan->person_id, &failed);
        rc = failed ? ip__error_nomem() : IP_OK;
    }
    if (rc == IP_OK) {
        ip__content_scope(r, &op);
        rc = ip__authorize(s, &op);
    }
    if (rc == IP_OK)
        rc = revision_freeze(s, r, content);
    if (rc == IP_OK)
        rc = ip__meta_init(s->store, &r->meta);
    if (rc == IP_OK) {
        op.object_id = r->meta.id;
        rc = ip__db_insert(s->store->db, &ip__plan_revision_table, r);
    }
    rc = ip__call_close(s, &op, rc);
    ip__plan_content_free(content);
    if (rc == IP_OK && out) {
        *out = r;
        return IP_OK;
    }
    ip_revision_free(r);
    return rc;
}

IP__RECORD_GET(ip_revision_get, ip_revision, revision_kind)

/* IP__ITERATOR, spelt out for the type's name. */
struct ip_revision_iterator {
    ip__cursor cursor;
};

int ip_revision_next(ip_revision **out, ip_revision_iterator *it)
{
    void *item = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    rc = ip__cursor_next(&item, it ? &it->cursor : NULL);
    *out = item;
    return rc;
}

void ip_revision_iterator_free(ip_revision_iterator *it)
{
    ip__cursor_free(it ? &it->cursor : NULL);
}

int ip_revision_iterator_new(ip_revision_iterator **out, ip_session *s,
                             const char *plan_id)
{
    void *it = NULL;
    int rc = ip__content_list(out ? &it : NULL, s, &revision_kind, plan_id, "plan_revision.plan_id",
                              &ip__q_content_revisions, NULL, 0);

    if (out)
        *out = it;
    return rc;
}
