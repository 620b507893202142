/* Evaluations of a plan's goals and measures. Made once, never changed. */
#include "content.h"

#include <string.h>

#include "store/goal_queries.h"

static const ip__name achievement_names[] = {
    {IP_GOAL_IN_PROGRESS, "in_progress"},
    {IP_GOAL_ACHIEVED, "achieved"},
    {IP_GOAL_PARTLY_ACHIEVED, "partly_achieved"},
    {IP_GOAL_NOT_ACHIEVED, "not_achieved"},
    {0, NULL},
};

IP__GET_META(ip_evaluation)
IP__GET_TEXT(ip_evaluation, plan_id)
IP__GET_TEXT(ip_evaluation, person_id)
IP__GET_TEXT(ip_evaluation, goal_id)
IP__GET_TEXT(ip_evaluation, measure_id)
IP__GET_TEXT(ip_evaluation, evaluated_on)
IP__GET_TEXT(ip_evaluation, evaluated_by_id)
IP__GET_TEXT(ip_evaluation, assessment)
IP__GETTER(ip_evaluation, achievement, ip_goal_achievement, r->achievement)
IP__GET_TEXT(ip_evaluation, note)
IP__GET_TEXT(ip_evaluation, meeting_id)
IP__GETTER(ip_evaluation, created_at, const char *, r->meta.created_at)

void ip_evaluation_free(ip_evaluation *evaluation)
{
    ip__record_free(&ip__evaluation_table, evaluation);
}

IP__FIELDS_INIT(ip_evaluation_fields_init, ip_evaluation_fields,
                IP_EVALUATION_FIELDS_INIT, IP_EVALUATION_FIELDS_VERSION)
IP__FIELDS_INIT(ip_evaluation_query_init, ip_evaluation_query,
                IP_EVALUATION_QUERY_INIT, IP_EVALUATION_QUERY_VERSION)

static bool given(const char *s)
{
    return s && *s;
}

/* Checks fields and fills the record's columns from them. What the ids
 * name is the store's question, asked inside the call. */
static int evaluation_from_fields(ip_session *s, struct ip_evaluation *e,
                                  const ip_evaluation_fields *f)
{
    char today[IP__DATE_LEN + 1];
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_EVALUATION_FIELDS_VERSION, "evaluation");
    rc = ip__id_check("evaluation.plan_id", f->plan_id);
    if (rc == IP_OK && given(f->goal_id) == given(f->measure_id))
        rc = ip__error_set(IP_EINVALID, "evaluation.goal_id",
                           "give exactly one of goal_id and measure_id");
    if (rc == IP_OK && given(f->goal_id))
        rc = ip__id_check("evaluation.goal_id", f->goal_id);
    if (rc == IP_OK && given(f->measure_id))
        rc = ip__id_check("evaluation.measure_id", f->measure_id);
    if (rc == IP_OK)
        rc = ip__date_check("evaluation.evaluated_on", f->evaluated_on, true);
    if (rc == IP_OK)
        rc = ip__id_check("evaluation.evaluated_by_id", f->evaluated_by_id);
    if (rc == IP_OK)
        rc = ip__text_check("evaluation.assessment", f->assessment, IP__TEXT_LONG_MAX,
                            true);
    if (rc == IP_OK && f->achievement != 0) {
        if (given(f->measure_id))
            rc = ip__error_set(IP_EINVALID, "evaluation.achievement",
                               "only a goal is assessed as achieved or not");
        else
            rc = ip__value_check(achievement_names, (int)f->achievement,
                                 "evaluation.achievement");
    }
    if (rc == IP_OK)
        rc = ip__text_check("evaluation.note", f->note, IP__TEXT_LONG_MAX, false);
    if (rc == IP_OK && given(f->meeting_id))
        rc = ip__id_check("evaluation.meeting_id", f->meeting_id);
    if (rc)
        return rc;
    ip__today(s->store, today);
    if (strcmp(f->evaluated_on, today) > 0)
        return ip__error_set(IP_EINVALID, "evaluation.evaluated_on", "is after today");
    ip__set_text(&e->plan_id, f->plan_id, &failed);
    ip__set_text(&e->goal_id, f->goal_id, &failed);
    ip__set_text(&e->measure_id, f->measure_id, &failed);
    ip__set_text(&e->evaluated_on, f->evaluated_on, &failed);
    ip__set_text(&e->evaluated_by_id, f->evaluated_by_id, &failed);
    ip__set_text(&e->assessment, f->assessment, &failed);
    e->achievement = (int64_t)f->achievement;
    ip__set_text(&e->note, f->note, &failed);
    ip__set_text(&e->meeting_id, f->meeting_id, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* The goal or measure, the evaluator and the meeting are of the same
 * plan. */
static int evaluation_check(ip_session *s, const void *record)
{
    const struct ip_evaluation *e = record;
    int rc = e->goal_id ? ip__content_same_plan(s, e, &ip__goal_table, e->goal_id,
                                                "evaluation.goal_id", true)
                        : ip__content_same_plan(s, e, &ip__measure_table, e->measure_id,
                                                "evaluation.measure_id", true);

    if (rc == IP_OK)
        rc = ip__content_same_plan(s, e, &ip__participant_table, e->evaluated_by_id,
                                   "evaluation.evaluated_by_id", true);
    if (rc == IP_OK)
        rc = ip__content_same_plan(s, e, &ip__meeting_table, e->meeting_id,
                                   "evaluation.meeting_id", false);
    return rc;
}

static const ip__kind evaluation_kind = {
    .table = &ip__evaluation_table,
    .object = IP__OBJ_EVALUATION,
    .id_field = "evaluation.id",
    .scope = ip__content_scope,
    .resolve = ip__content_resolve,
    .check = evaluation_check,
};

static int evaluation_fill(ip_session *s, void *record, const void *fields)
{
    return evaluation_from_fields(s, record, fields);
}

IP__RECORD_NEW(ip_evaluation_create, ip_evaluation, ip_evaluation_fields,
               evaluation_kind, evaluation_fill)

IP__RECORD_GET(ip_evaluation_get, ip_evaluation, evaluation_kind)

IP__ITERATOR(ip_evaluation)

/* The query, checked; goal_id and measure_id NULL when absent. */
static int query_check(const ip_evaluation_query *q, const char **goal_id,
                       const char **measure_id)
{
    int rc;

    *goal_id = *measure_id = NULL;
    IP__CHECK_VERSION(q, IP_EVALUATION_QUERY_VERSION, "query");
    rc = ip__id_check("query.plan_id", q->plan_id);
    if (rc == IP_OK && given(q->goal_id)) {
        rc = ip__id_check("query.goal_id", q->goal_id);
        *goal_id = q->goal_id;
    }
    if (rc == IP_OK && given(q->measure_id)) {
        rc = ip__id_check("query.measure_id", q->measure_id);
        *measure_id = q->measure_id;
    }
    return rc;
}

int ip_evaluation_iterator_new(ip_evaluation_iterator **out, ip_session *s,
                               const ip_evaluation_query *query)
{
    const char *goal_id, *measure_id;
    void *it = NULL;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    rc = query_check(query, &goal_id, &measure_id);
    if (rc == IP_OK)
        rc = ip__content_list(&it, s, &evaluation_kind, query->plan_id, "query.plan_id",
                              &ip__q_evaluations_of_plan,
                              (ip__arg[]){IP__TEXT(goal_id), IP__TEXT(measure_id)}, 2);
    *out = it;
    return rc;
}
