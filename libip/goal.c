/* Goals of a plan: long-term goals with short-term sub-goals, who expressed
 * them, their lifecycle and achievement. */
#include "content.h"

#include <string.h>

#include "store/goal_queries.h"

static const ip__name status_names[] = {
    {IP_GOAL_PROPOSED, "proposed"},
    {IP_GOAL_ACTIVE, "active"},
    {IP_GOAL_ON_HOLD, "on_hold"},
    {IP_GOAL_COMPLETED, "completed"},
    {IP_GOAL_CANCELLED, "cancelled"},
    {0, NULL},
};

static const ip__name achievement_names[] = {
    {IP_GOAL_IN_PROGRESS, "in_progress"},
    {IP_GOAL_ACHIEVED, "achieved"},
    {IP_GOAL_PARTLY_ACHIEVED, "partly_achieved"},
    {IP_GOAL_NOT_ACHIEVED, "not_achieved"},
    {0, NULL},
};

IP__GET_META(ip_goal)
IP__GET_TEXT(ip_goal, plan_id)
IP__GET_TEXT(ip_goal, person_id)
IP__GET_TEXT(ip_goal, parent_id)
IP__GET_TEXT(ip_goal, text)
IP__GET_TEXT(ip_goal, expressed_by_id)
IP__GET_TEXT(ip_goal, target_date)
IP__GETTER(ip_goal, status_of, ip_goal_status, r->status)
IP__GETTER(ip_goal, achievement_of, ip_goal_achievement, r->achievement)
IP__GETTER(ip_goal, created_at, const char *, r->meta.created_at)
IP__GETTER(ip_goal, updated_at, const char *, r->meta.updated_at)

IP__ENUM_NAMES(ip_goal_status, ip_goal_status, status_names, "goal.status")
IP__ENUM_NAMES(ip_goal_achievement, ip_goal_achievement, achievement_names,
               "goal.achievement")

/* The enum numbers its states like every five-state lifecycle (names.h). */
_Static_assert(IP_GOAL_PROPOSED == 1 && IP_GOAL_ACTIVE == 2 && IP_GOAL_ON_HOLD == 3 && IP_GOAL_COMPLETED == 4 && IP_GOAL_CANCELLED == 5,
               "states numbered as ip__lifecycle_change_allowed expects");

int ip_goal_status_change_allowed(ip_goal_status from, ip_goal_status to)
{
    return ip__lifecycle_change_allowed((int)from, (int)to);
}

void ip_goal_free(ip_goal *goal)
{
    ip__record_free(&ip__goal_table, goal);
}

IP__FIELDS_INIT(ip_goal_fields_init, ip_goal_fields, IP_GOAL_FIELDS_INIT,
                IP_GOAL_FIELDS_VERSION)

/* Checks fields and fills the record's columns from them. What the ids
 * name is the store's question, asked inside the call. */
static int goal_from_fields(struct ip_goal *g, const ip_goal_fields *f)
{
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_GOAL_FIELDS_VERSION, "goal");
    rc = ip__id_check("goal.plan_id", f->plan_id);
    if (rc == IP_OK && f->parent_id && *f->parent_id)
        rc = ip__id_check("goal.parent_id", f->parent_id);
    if (rc == IP_OK)
        rc = ip__text_check("goal.text", f->text, IP__TEXT_SHORT_MAX, true);
    if (rc == IP_OK)
        rc = ip__id_check("goal.expressed_by_id", f->expressed_by_id);
    if (rc == IP_OK)
        rc = ip__date_check("goal.target_date", f->target_date, false);
    if (rc == IP_OK && f->status != 0)
        rc = ip__value_check(status_names, (int)f->status, "goal.status");
    if (rc == IP_OK && f->achievement != 0)
        rc = ip__value_check(achievement_names, (int)f->achievement, "goal.achievement");
    if (rc)
        return rc;
    ip__set_text(&g->plan_id, f->plan_id, &failed);
    ip__set_text(&g->parent_id, f->parent_id, &failed);
    ip__set_text(&g->text, f->text, &failed);
    ip__set_text(&g->expressed_by_id, f->expressed_by_id, &failed);
    ip__set_text(&g->target_date, f->target_date, &failed);
    g->status = f->status ? (int64_t)f->status : IP_GOAL_PROPOSED;
    g->achievement = f->achievement ? (int64_t)f->achievement : IP_GOAL_IN_PROGRESS;
    return failed ? ip__error_nomem() : IP_OK;
}

/* Fills a new record from fields, or returns the error. */
static int new_goal(struct ip_goal **out, const ip_goal_fields *f)
{
    struct ip_goal *g = ip__calloc(1, sizeof *g);
    int rc = g ? goal_from_fields(g, f) : IP_ENOMEM;

    if (rc) {
        ip_goal_free(g);
        g = NULL;
    }
    *out = g;
    return rc;
}

/* What the goal's ids name: a parent that is a long-term goal of the same
 * plan, and a participant of the same plan who expressed it. */
static int goal_refs_check(ip_session *s, const struct ip_goal *g)
{
    int rc = ip__content_same_plan(s, g, &ip__goal_table, g->parent_id,
                                   "goal.parent_id", false);

    if (rc == IP_OK && g->parent_id) {
        int64_t nested = 0;
        rc = ip__db_scalar(s->store->db, &ip__q_goal_is_sub_goal,
                           (ip__arg[]){IP__TEXT(g->parent_id)}, 1, &nested);
        if (rc == IP_OK && nested)
            rc = ip__error_set(IP_EINVALID, "goal.parent_id",
                               "is itself a sub-goal: goals have two levels only");
    }
    if (rc == IP_OK)
        rc = ip__content_same_plan(s, g, &ip__participant_table, g->expressed_by_id,
                                   "goal.expressed_by_id", true);
    return rc;
}

/* A new goal: the person and representatives only propose. */
static int goal_check_new(ip_session *s, const void *record)
{
    const struct ip_goal *g = record;

    if ((s->role == IP_ROLE_PERSON || s->role == IP_ROLE_REPRESENTATIVE) &&
        g->status != IP_GOAL_PROPOSED)
        return ip__error_set(IP_EINVALID, "goal.status",
                             "the person and representatives propose goals: "
                             "the status must be proposed");
    return goal_refs_check(s, g);
}

static const ip__kind goal_kind = {
    .table = &ip__goal_table,
    .object = IP__OBJ_GOAL,
    .id_field = "goal.id",
    .scope = ip__content_scope,
    .resolve = ip__content_resolve,
    .check = goal_check_new,
};

static int goal_fill(ip_session *s, void *record, const void *fields)
{
    (void)s;
    return goal_from_fields(record, fields);
}

IP__RECORD_NEW(ip_goal_create, ip_goal, ip_goal_fields, goal_kind, goal_fill)

IP__RECORD_GET(ip_goal_get, ip_goal, goal_kind)

#define SWAP_TEXT(a, b, field)                                                 \
    do {                                                                       \
        char *t_ = (a)->field;                                                 \
        (a)->field = (b)->field;                                               \
        (b)->field = t_;                                                       \
    } while (0)

/* Replaces the stored goal's fields with fresh's, under the rules of a
 * change: open plan, same plan, allowed status change, two levels. fresh
 * ends up holding the old values (freed by the caller). */
static int apply_update(ip_session *s, void *stored, const void *ctx)
{
    struct ip_goal *g = stored;
    struct ip_goal *fresh = (struct ip_goal *)ctx;
    int rc = ip__content_require_open(s, g);

    if (rc)
        return rc;
    if (strcmp(fresh->plan_id, g->plan_id) != 0)
        return ip__error_set(IP_EINVALID, "goal.plan_id",
                             "cannot change: a goal stays in its plan");
    if (!ip_goal_status_change_allowed((ip_goal_status)g->status,
                                       (ip_goal_status)fresh->status))
        return ip__error_set(IP_ESTATE, "goal.status", "cannot change from %s to %s",
                             ip__name_of(status_names, (int)g->status),
                             ip__name_of(status_names, (int)fresh->status));
    if (fresh->parent_id) {
        int64_t has_children = 0;
        if (strcmp(fresh->parent_id, g->meta.id) == 0)
            return ip__error_set(IP_EINVALID, "goal.parent_id",
                                 "a goal cannot be its own sub-goal");
        rc = ip__db_scalar(s->store->db, &ip__q_goal_has_children,
                           (ip__arg[]){IP__TEXT(g->plan_id), IP__TEXT(g->meta.id)}, 2,
                           &has_children);
        if (rc == IP_OK && has_children)
            rc = ip__error_set(IP_EINVALID, "goal.parent_id",
                               "the goal has sub-goals: goals have two levels only");
    }
    if (rc == IP_OK)
        rc = goal_refs_check(s, fresh);
    if (rc)
        return rc;
    SWAP_TEXT(g, fresh, parent_id);
    SWAP_TEXT(g, fresh, text);
    SWAP_TEXT(g, fresh, expressed_by_id);
    SWAP_TEXT(g, fresh, target_date);
    g->status = fresh->status;
    g->achievement = fresh->achievement;
    return IP_OK;
}

int ip_goal_update(int64_t *revision_out, ip_session *s, const char *id,
                   int64_t expected_revision, const ip_goal_fields *f)
{
    struct ip_goal *fresh;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("goal.id", id);
    if (rc == IP_OK)
        rc = new_goal(&fresh, f);
    if (rc)
        return rc;
    rc = ip__record_change(revision_out, s, &goal_kind, IP__ACT_UPDATE, id,
                           expected_revision, apply_update, fresh);
    ip_goal_free(fresh);
    return rc;
}

IP__ITERATOR(ip_goal)

int ip_goal_iterator_new(ip_goal_iterator **out, ip_session *s, const char *plan_id)
{
    void *it = NULL;
    int rc = ip__content_list(out ? &it : NULL, s, &goal_kind, plan_id, "plan_id",
                              &ip__q_goals_of_plan, NULL, 0);

    if (out)
        *out = it;
    return rc;
}
