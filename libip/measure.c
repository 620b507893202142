/* Measures (tiltak) of a plan: what, extent, how and when, the responsible
 * unit and practitioner, status, and the goals each serves. */
#include "content.h"
#include "plan_content.h"
#include "store/content_queries.h"

#include <string.h>

#include "store/goal_queries.h"
#include "store/queries.h"

static const ip__name status_names[] = {
    {IP_MEASURE_PLANNED, "planned"},
    {IP_MEASURE_IN_PROGRESS, "in_progress"},
    {IP_MEASURE_ON_HOLD, "on_hold"},
    {IP_MEASURE_COMPLETED, "completed"},
    {IP_MEASURE_CANCELLED, "cancelled"},
    {0, NULL},
};

IP__GET_META(ip_measure)
IP__GET_TEXT(ip_measure, plan_id)
IP__GET_TEXT(ip_measure, person_id)
IP__GET_TEXT(ip_measure, what)
IP__GET_TEXT(ip_measure, extent)
IP__GET_TEXT(ip_measure, how)
IP__GET_TEXT(ip_measure, start_on)
IP__GET_TEXT(ip_measure, end_on)
IP__GET_TEXT(ip_measure, frequency)
IP__GET_TEXT(ip_measure, responsible_unit_id)
IP__GET_TEXT(ip_measure, responsible_practitioner_id)
IP__GETTER(ip_measure, status_of, ip_measure_status, r->status)
IP__GET_TEXT(ip_measure, decision_ref)
IP__GETTER(ip_measure, created_at, const char *, r->meta.created_at)
IP__GETTER(ip_measure, updated_at, const char *, r->meta.updated_at)
IP__GETTER(ip_measure, goal_count, size_t, r->goal_count)

const char *ip_measure_goal_id(const ip_measure *m, size_t i)
{
    return m && i < m->goal_count ? m->goal_ids[i] : NULL;
}

IP__ENUM_NAMES(ip_measure_status, ip_measure_status, status_names, "measure.status")

/* The enum numbers its states like every five-state lifecycle (names.h). */
_Static_assert(IP_MEASURE_PLANNED == 1 && IP_MEASURE_IN_PROGRESS == 2 && IP_MEASURE_ON_HOLD == 3 && IP_MEASURE_COMPLETED == 4 && IP_MEASURE_CANCELLED == 5,
               "states numbered as ip__lifecycle_change_allowed expects");

int ip_measure_status_change_allowed(ip_measure_status from, ip_measure_status to)
{
    return ip__lifecycle_change_allowed((int)from, (int)to);
}

static void goal_ids_free(struct ip_measure *m)
{
    for (size_t i = 0; i < m->goal_count; i++)
        ip_free(m->goal_ids[i]);
    ip_free(m->goal_ids);
    m->goal_ids = NULL;
    m->goal_count = 0;
}

void ip_measure_free(ip_measure *m)
{
    if (!m)
        return;
    goal_ids_free(m);
    ip__record_free(&ip__measure_table, m);
}

IP__FIELDS_INIT(ip_measure_fields_init, ip_measure_fields, IP_MEASURE_FIELDS_INIT,
                IP_MEASURE_FIELDS_VERSION)

/* Checks fields and fills the record's columns from them. What the ids
 * name is the store's question, asked inside the call. */
static int measure_from_fields(struct ip_measure *m, const ip_measure_fields *f)
{
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_MEASURE_FIELDS_VERSION, "measure");
    rc = ip__id_check("measure.plan_id", f->plan_id);
    if (rc == IP_OK)
        rc = ip__text_check("measure.what", f->what, IP__TEXT_SHORT_MAX, true);
    if (rc == IP_OK)
        rc = ip__text_check("measure.extent", f->extent, IP__TEXT_SHORT_MAX, false);
    if (rc == IP_OK)
        rc = ip__text_check("measure.how", f->how, IP__TEXT_LONG_MAX, false);
    if (rc == IP_OK)
        rc = ip__date_check("measure.start_on", f->start_on, false);
    if (rc == IP_OK)
        rc = ip__date_check("measure.end_on", f->end_on, false);
    if (rc == IP_OK)
        rc = ip__text_check("measure.frequency", f->frequency, IP__TEXT_SHORT_MAX, false);
    if (rc == IP_OK)
        rc = ip__id_check("measure.responsible_unit_id", f->responsible_unit_id);
    if (rc == IP_OK && f->responsible_practitioner_id && *f->responsible_practitioner_id)
        rc = ip__id_check("measure.responsible_practitioner_id",
                          f->responsible_practitioner_id);
    if (rc == IP_OK && f->status != 0)
        rc = ip__value_check(status_names, (int)f->status, "measure.status");
    if (rc == IP_OK)
        rc = ip__text_check("measure.decision_ref", f->decision_ref, IP__TEXT_NAME_MAX,
                            false);
    if (rc)
        return rc;
    if (f->start_on && *f->start_on && f->end_on && *f->end_on &&
        strcmp(f->end_on, f->start_on) < 0)
        return ip__error_set(IP_EINVALID, "measure.end_on", "is before start_on");
    ip__set_text(&m->plan_id, f->plan_id, &failed);
    ip__set_text(&m->what, f->what, &failed);
    ip__set_text(&m->extent, f->extent, &failed);
    ip__set_text(&m->how, f->how, &failed);
    ip__set_text(&m->start_on, f->start_on, &failed);
    ip__set_text(&m->end_on, f->end_on, &failed);
    ip__set_text(&m->frequency, f->frequency, &failed);
    ip__set_text(&m->responsible_unit_id, f->responsible_unit_id, &failed);
    ip__set_text(&m->responsible_practitioner_id, f->responsible_practitioner_id, &failed);
    m->status = f->status ? (int64_t)f->status : IP_MEASURE_PLANNED;
    ip__set_text(&m->decision_ref, f->decision_ref, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* Fills a new record from fields, or returns the error. */
static int new_measure(struct ip_measure **out, const ip_measure_fields *f)
{
    struct ip_measure *m = ip__calloc(1, sizeof *m);
    int rc = m ? measure_from_fields(m, f) : IP_ENOMEM;

    if (rc) {
        ip_measure_free(m);
        m = NULL;
    }
    *out = m;
    return rc;
}

/* The plan and its person, and the responsible unit: a provider of that
 * unit may update the measure. */
static void measure_scope(const void *record, ip__op *op)
{
    ip__content_scope(record, op);
    op->unit_id = ((const struct ip_measure *)record)->responsible_unit_id;
}

/* The responsible unit exists, and the responsible practitioner (if any)
 * works in it. */
static int responsible_check(ip_session *s, const void *record)
{
    const struct ip_measure *m = record;
    struct ip_practitioner p = {0};
    int rc = ip__require(s->store, &ip__q_unit_exists, m->responsible_unit_id,
                         IP_ENOTFOUND, "measure.responsible_unit_id",
                         "no unit with that id");

    if (rc || !m->responsible_practitioner_id)
        return rc;
    rc = ip__db_get(s->store->db, &ip__practitioner_table,
                    m->responsible_practitioner_id, &p);
    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, "measure.responsible_practitioner_id",
                           "no practitioner with that id");
    if (rc == IP_OK && (!p.unit_id || strcmp(p.unit_id, m->responsible_unit_id) != 0))
        rc = ip__error_set(IP_EINVALID, "measure.responsible_practitioner_id",
                           "does not work in the responsible unit");
    ip__record_clear(&ip__practitioner_table, &p);
    return rc;
}

/* The ids of the goals a measure serves: one query. */
static int goals_load(ip_session *s, void *record)
{
    struct ip_measure *m = record;
    ip__pairs links = {0};
    int rc = ip__db_pairs(s->store->db, &ip__q_content_goal_links_of_measure,
                          (ip__arg[]){IP__TEXT(m->meta.id)}, 1, &links);

    goal_ids_free(m);
    if (rc == IP_OK)
        rc = ip__attach_goal_ids(&m, 1, &links);
    ip__pairs_free(&links);
    return rc;
}

/* The goal ids of every measure of a list (all of one plan): one query. */
static int goals_load_all(ip_session *s, ip__rows *rows)
{
    ip__pairs links = {0};
    int rc;

    if (rows->count == 0)
        return IP_OK;
    rc = ip__db_pairs(s->store->db, &ip__q_content_measure_goals,
                      (ip__arg[]){IP__TEXT(((ip__content *)rows->items[0])->plan_id)}, 1,
                      &links);
    if (rc == IP_OK)
        rc = ip__attach_goal_ids((struct ip_measure **)rows->items, rows->count, &links);
    ip__pairs_free(&links);
    return rc;
}

static void measure_free(void *record)
{
    ip_measure_free(record);
}

static const ip__kind measure_kind = {
    .table = &ip__measure_table,
    .object = IP__OBJ_MEASURE,
    .id_field = "measure.id",
    .scope = measure_scope,
    .resolve = ip__content_resolve,
    .check = responsible_check,
    .after_load = goals_load,
    .after_load_all = goals_load_all,
    .free = measure_free,
};

static int measure_fill(ip_session *s, void *record, const void *fields)
{
    (void)s;
    return measure_from_fields(record, fields);
}

IP__RECORD_NEW(ip_measure_create, ip_measure, ip_measure_fields,
               measure_kind, measure_fill)

IP__RECORD_GET(ip_measure_get, ip_measure, measure_kind)

/*
 * Changes to a stored measure. Like ip__record_change, with the op in the
 * module's hands: a change that moves the measure to another unit is
 * authorized again against the measure as it becomes, so that the audit
 * event names the rule that decided. expected_revision NULL: a change of
 * rows that belong to the measure (its goal links), not of its columns.
 */
typedef int (*measure_apply_fn)(ip_session *s, struct ip_measure *m, ip__op *op,
                                const void *ctx);

static int measure_change(int64_t *revision_out, ip_session *s, const char *id,
                          const int64_t *expected_revision, measure_apply_fn apply,
                          const void *ctx)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_MEASURE, id, NULL, NULL, NULL, NULL};
    struct ip_measure *m = ip__calloc(1, sizeof *m);
    int rc;

    if (!m)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        ip_measure_free(m);
        return rc;
    }
    rc = ip__db_get(s->store->db, &ip__measure_table, id, m);
    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, "measure.id", "no record with that id");
    if (rc == IP_OK) {
        measure_scope(m, &op);
        rc = ip__authorize(s, &op);
    }
    /* A stale revision is refused before any rule looks at the record. */
    if (rc == IP_OK && expected_revision && m->meta.revision != *expected_revision)
        rc = ip__error_set(IP_ECONFLICT, "measure.revision",
                           "the measure was changed since it was read");
    if (rc == IP_OK)
        rc = ip__content_require_open(s, m);
    if (rc == IP_OK)
        rc = apply(s, m, &op, ctx);
    if (rc == IP_OK && expected_revision) {
        rc = ip__meta_touch(s->store, &m->meta);
        if (rc == IP_OK)
            rc = ip__db_update(s->store->db, &ip__measure_table, m, *expected_revision);
    }
    rc = ip__call_close(s, &op, rc);
    if (rc == IP_OK && revision_out)
        *revision_out = m->meta.revision;
    ip_measure_free(m);
    return rc;
}

#define SWAP_TEXT(a, b, field)                                                 \
    do {                                                                       \
        char *t_ = (a)->field;                                                 \
        (a)->field = (b)->field;                                               \
        (b)->field = t_;                                                       \
    } while (0)

/* Replaces the stored measure's fields with fresh's (passed as ctx), which
 * ends up holding the old values. */
static int apply_update(ip_session *s, struct ip_measure *m, ip__op *op,
                        const void *ctx)
{
    struct ip_measure *fresh = (struct ip_measure *)ctx;
    bool moved;
    int rc;

    if (strcmp(fresh->plan_id, m->plan_id) != 0)
        return ip__error_set(IP_EINVALID, "measure.plan_id",
                             "cannot change: a measure stays in its plan");
    if (!ip_measure_status_change_allowed((ip_measure_status)m->status,
                                          (ip_measure_status)fresh->status))
        return ip__error_set(IP_ESTATE, "measure.status", "cannot change from %s to %s",
                             ip__name_of(status_names, (int)m->status),
                             ip__name_of(status_names, (int)fresh->status));
    rc = responsible_check(s, fresh);
    if (rc)
        return rc;
    moved = strcmp(fresh->responsible_unit_id, m->responsible_unit_id) != 0;
    SWAP_TEXT(m, fresh, what);
    SWAP_TEXT(m, fresh, extent);
    SWAP_TEXT(m, fresh, how);
    SWAP_TEXT(m, fresh, start_on);
    SWAP_TEXT(m, fresh, end_on);
    SWAP_TEXT(m, fresh, frequency);
    SWAP_TEXT(m, fresh, responsible_unit_id);
    SWAP_TEXT(m, fresh, responsible_practitioner_id);
    SWAP_TEXT(m, fresh, decision_ref);
    m->status = fresh->status;
    if (!moved)
        return IP_OK;
    measure_scope(m, op);
    return ip__authorize(s, op);
}

int ip_measure_update(int64_t *revision_out, ip_session *s, const char *id,
                      int64_t expected_revision, const ip_measure_fields *f)
{
    struct ip_measure *fresh;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("measure.id", id);
    if (rc == IP_OK)
        rc = new_measure(&fresh, f);
    if (rc)
        return rc;
    rc = measure_change(revision_out, s, id, &expected_revision, apply_update, fresh);
    ip_measure_free(fresh);
    return rc;
}

static int apply_link(ip_session *s, struct ip_measure *m, ip__op *op, const void *ctx)
{
    const char *goal_id = ctx;
    int64_t linked = 0;
    int rc = ip__content_same_plan(s, m, &ip__goal_table, goal_id, "goal_id", true);

    (void)op;
    if (rc == IP_OK)
        rc = ip__db_scalar(s->store->db, &ip__q_measure_goal_exists,
                           (ip__arg[]){IP__TEXT(m->meta.id), IP__TEXT(goal_id)}, 2,
                           &linked);
    if (rc == IP_OK && linked)
        rc = ip__error_set(IP_EEXISTS, "goal_id", "the measure serves that goal already");
    if (rc == IP_OK)
        rc = ip__db_exec(s->store->db, &ip__q_measure_goal_insert,
                         (ip__arg[]){IP__TEXT(m->meta.id), IP__TEXT(goal_id),
                                     IP__TEXT(m->plan_id)},
                         3, NULL);
    return rc;
}

static int apply_unlink(ip_session *s, struct ip_measure *m, ip__op *op, const void *ctx)
{
    const char *goal_id = ctx;
    int changes = 0;
    int rc = ip__db_exec(s->store->db, &ip__q_measure_goal_delete,
                         (ip__arg[]){IP__TEXT(m->meta.id), IP__TEXT(goal_id)}, 2,
                         &changes);

    (void)op;
    if (rc == IP_OK && changes == 0)
        rc = ip__error_set(IP_ENOTFOUND, "goal_id", "the measure does not serve that goal");
    return rc;
}

int ip_measure_link_goal(ip_session *s, const char *measure_id, const char *goal_id)
{
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("measure.id", measure_id);
    if (rc == IP_OK)
        rc = ip__id_check("goal_id", goal_id);
    if (rc)
        return rc;
    return measure_change(NULL, s, measure_id, NULL, apply_link, goal_id);
}

int ip_measure_unlink_goal(ip_session *s, const char *measure_id, const char *goal_id)
{
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("measure.id", measure_id);
    if (rc == IP_OK)
        rc = ip__id_check("goal_id", goal_id);
    if (rc)
        return rc;
    return measure_change(NULL, s, measure_id, NULL, apply_unlink, goal_id);
}

IP__ITERATOR(ip_measure)

int ip_measure_iterator_new(ip_measure_iterator **out, ip_session *s,
                            const char *plan_id)
{
    void *it = NULL;
    int rc = ip__content_list(out ? &it : NULL, s, &measure_kind, plan_id, "plan_id",
                              &ip__q_measures_of_plan, NULL, 0);

    if (out)
        *out = it;
    return rc;
}
