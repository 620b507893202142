/* Meetings of the responsibility group (ansvarsgruppemøter): when, who
 * attended, the minutes, the actions agreed (who does what by when) and the
 * next meeting. An agreed action may become a measure of the plan. */
#include "content.h"
#include "plan_content.h"
#include "store/content_queries.h"

#include <string.h>

#include "store/meeting_queries.h"

static bool present(const char *s)
{
    return s && *s;
}

IP__GET_META(ip_meeting)
IP__GET_TEXT(ip_meeting, plan_id)
IP__GET_TEXT(ip_meeting, planned_on)
IP__GET_TEXT(ip_meeting, held_on)
IP__GET_TEXT(ip_meeting, minutes)
IP__GET_TEXT(ip_meeting, next_meeting_on)
IP__GETTER(ip_meeting, created_at, const char *, r->meta.created_at)
IP__GETTER(ip_meeting, updated_at, const char *, r->meta.updated_at)
IP__GETTER(ip_meeting, attendee_count, size_t, r->attendee_count)
IP__GETTER(ip_meeting, action_count, size_t, r->action_count)

const char *ip_meeting_attendee_id(const ip_meeting *m, size_t i)
{
    return m && i < m->attendee_count ? m->attendee_ids[i] : NULL;
}

const ip_meeting_action *ip_meeting_action_at(const ip_meeting *m, size_t i)
{
    return m && i < m->action_count ? m->actions[i] : NULL;
}

IP__GET_META(ip_meeting_action)
IP__GET_TEXT(ip_meeting_action, meeting_id)
IP__GET_TEXT(ip_meeting_action, plan_id)
IP__GET_TEXT(ip_meeting_action, who_id)
IP__GET_TEXT(ip_meeting_action, what)
IP__GET_TEXT(ip_meeting_action, due_on)
IP__GET_TEXT(ip_meeting_action, measure_id)

void ip_meeting_action_free(ip_meeting_action *action)
{
    ip__record_free(&ip__meeting_action_table, action);
}

void ip_meeting_free(ip_meeting *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->attendee_count; i++)
        ip_free(m->attendee_ids[i]);
    ip_free(m->attendee_ids);
    for (size_t i = 0; i < m->action_count; i++)
        ip_meeting_action_free(m->actions[i]);
    ip_free(m->actions);
    ip__record_free(&ip__meeting_table, m);
}

IP__FIELDS_INIT(ip_meeting_fields_init, ip_meeting_fields, IP_MEETING_FIELDS_INIT,
                IP_MEETING_FIELDS_VERSION)
IP__FIELDS_INIT(ip_meeting_action_fields_init, ip_meeting_action_fields,
                IP_MEETING_ACTION_FIELDS_INIT, IP_MEETING_ACTION_FIELDS_VERSION)

/* Checks fields and fills the meeting's columns from them. Whether the plan
 * exists and is open is the store's question, asked inside the call. */
static int meeting_from_fields(ip_store *store, struct ip_meeting *m,
                               const ip_meeting_fields *f)
{
    char today[IP__DATE_LEN + 1];
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_MEETING_FIELDS_VERSION, "meeting");
    rc = ip__id_check("meeting.plan_id", f->plan_id);
    if (rc == IP_OK)
        rc = ip__date_check("meeting.planned_on", f->planned_on, true);
    if (rc == IP_OK)
        rc = ip__date_check("meeting.held_on", f->held_on, false);
    if (rc == IP_OK)
        rc = ip__text_check("meeting.minutes", f->minutes, IP__TEXT_LONG_MAX, false);
    if (rc == IP_OK)
        rc = ip__date_check("meeting.next_meeting_on", f->next_meeting_on, false);
    if (rc)
        return rc;
    ip__today(store, today);
    if (present(f->held_on) && strcmp(f->held_on, today) > 0)
        return ip__error_set(IP_EINVALID, "meeting.held_on", "is after today");
    if (present(f->next_meeting_on)) {
        if (strcmp(f->next_meeting_on, f->planned_on) <= 0)
            return ip__error_set(IP_EINVALID, "meeting.next_meeting_on",
                                 "is not after planned_on");
        if (present(f->held_on) && strcmp(f->next_meeting_on, f->held_on) <= 0)
            return ip__error_set(IP_EINVALID, "meeting.next_meeting_on",
                                 "is not after held_on");
    }
    ip__set_text(&m->plan_id, f->plan_id, &failed);
    ip__set_text(&m->planned_on, f->planned_on, &failed);
    ip__set_text(&m->held_on, f->held_on, &failed);
    ip__set_text(&m->minutes, f->minutes, &failed);
    ip__set_text(&m->next_meeting_on, f->next_meeting_on, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* A meeting's attendees and agreed actions: two queries. */
static int meeting_children_load(ip_session *s, void *record)
{
    struct ip_meeting *m = record;
    ip__arg arg = IP__TEXT(m->meta.id);
    ip__pairs who = {0};
    ip__rows actions = {0};
    int rc = ip__db_pairs(s->store->db, &ip__q_content_attendees_of_meeting, &arg, 1, &who);

    if (rc == IP_OK)
        rc = ip__db_select(s->store->db, &ip__q_content_actions_of_meeting, &arg, 1,
                           &actions);
    if (rc == IP_OK)
        rc = ip__attach_attendees(&m, 1, &who);
    if (rc == IP_OK)
        rc = ip__attach_actions(&m, 1, &actions);
    ip__pairs_free(&who);
    ip__rows_free(&actions);
    return rc;
}

/* The attendees and actions of every meeting of a list (all of one plan):
 * two queries however many meetings there are. */
static int meeting_children_load_all(ip_session *s, ip__rows *rows)
{
    ip__pairs who = {0};
    ip__rows actions = {0};
    ip__arg arg;
    int rc;

    if (rows->count == 0)
        return IP_OK;
    arg = IP__TEXT(((ip__content *)rows->items[0])->plan_id);
    rc = ip__db_pairs(s->store->db, &ip__q_content_meeting_attendees, &arg, 1, &who);
    if (rc == IP_OK)
        rc = ip__db_select(s->store->db, &ip__q_content_meeting_actions, &arg, 1, &actions);
    if (rc == IP_OK)
        rc = ip__attach_attendees((struct ip_meeting **)rows->items, rows->count, &who);
    if (rc == IP_OK)
        rc = ip__attach_actions((struct ip_meeting **)rows->items, rows->count, &actions);
    ip__pairs_free(&who);
    ip__rows_free(&actions);
    return rc;
}

static void meeting_free_record(void *record)
{
    ip_meeting_free(record);
}

/* Created and read whole. */
static const ip__kind meeting_kind = {
    .table = &ip__meeting_table,
    .object = IP__OBJ_MEETING,
    .id_field = "meeting.id",
    .scope = ip__content_scope,
    .resolve = ip__content_resolve,
    .after_load = meeting_children_load,
    .after_load_all = meeting_children_load_all,
    .free = meeting_free_record,
};

/* Changes need only the meeting's own columns; a list loads the children
 * of all its meetings at once (plan_children_load). */
static const ip__kind meeting_bare_kind = {
    .table = &ip__meeting_table,
    .object = IP__OBJ_MEETING,
    .id_field = "meeting.id",
    .scope = ip__content_scope,
    .free = meeting_free_record,
};

static int meeting_fill(ip_session *s, void *record, const void *fields)
{
    return meeting_from_fields(s->store, record, fields);
}

IP__RECORD_NEW(ip_meeting_create, ip_meeting, ip_meeting_fields,
               meeting_kind, meeting_fill)

IP__RECORD_GET(ip_meeting_get, ip_meeting, meeting_kind)

typedef struct {
    struct ip_meeting *fresh;
} meeting_update;

/* Swaps the meeting's own columns with fresh's (which then frees the old
 * values); the plan and its person stay. */
static int apply_update(ip_session *s, void *stored, const void *ctx)
{
    struct ip_meeting *m = stored, *fresh = ((const meeting_update *)ctx)->fresh;
    char *swap;
    int rc;

    if (strcmp(fresh->plan_id, m->plan_id) != 0)
        return ip__error_set(IP_EINVALID, "meeting.plan_id",
                             "a meeting stays in the plan it was made in");
    rc = ip__content_require_open(s, m);
    if (rc)
        return rc;
#define SWAP(field) (swap = m->field, m->field = fresh->field, fresh->field = swap)
    SWAP(planned_on);
    SWAP(held_on);
    SWAP(minutes);
    SWAP(next_meeting_on);
#undef SWAP
    return IP_OK;
}

int ip_meeting_update(int64_t *revision_out, ip_session *s, const char *id,
                      int64_t expected_revision, const ip_meeting_fields *f)
{
    meeting_update u = {NULL};
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("meeting.id", id);
    if (rc)
        return rc;
    u.fresh = ip__calloc(1, sizeof *u.fresh);
    if (!u.fresh)
        return IP_ENOMEM;
    rc = meeting_from_fields(s->store, u.fresh, f);
    if (rc == IP_OK)
        rc = ip__record_change(revision_out, s, &meeting_bare_kind, IP__ACT_UPDATE, id,
                               expected_revision, apply_update, &u);
    ip_meeting_free(u.fresh);
    return rc;
}

typedef int (*attendee_fn)(ip_session *s, const struct ip_meeting *m,
                           const char *participant_id);

static int attendee_insert(ip_session *s, const struct ip_meeting *m,
                           const char *participant_id)
{
    int changes = 0;
    int rc = ip__content_same_plan(s, m, &ip__participant_table, participant_id,
                                   "meeting_attendee.participant_id", true);

    if (rc == IP_OK)
        rc = ip__db_exec(s->store->db, &ip__q_attendee_insert,
                         (ip__arg[]){IP__TEXT(m->meta.id), IP__TEXT(participant_id),
                                     IP__TEXT(m->plan_id)},
                         3, &changes);
    if (rc == IP_OK && changes == 0)
        rc = ip__error_set(IP_EEXISTS, "meeting_attendee.participant_id",
                           "is listed as attending already");
    return rc;
}

static int attendee_delete(ip_session *s, const struct ip_meeting *m,
                           const char *participant_id)
{
    int changes = 0;
    int rc = ip__db_exec(s->store->db, &ip__q_attendee_delete,
                         (ip__arg[]){IP__TEXT(m->meta.id), IP__TEXT(participant_id)}, 2,
                         &changes);

    if (rc == IP_OK && changes == 0)
        rc = ip__error_set(IP_ENOTFOUND, "meeting_attendee.participant_id",
                           "is not listed as attending");
    return rc;
}

/* An attendee change is an update of the meeting: load, authorize, refuse
 * an ended plan, change the attendee rows, audit. The meeting's own
 * columns (and revision) stay. */
static int attendee_change(ip_session *s, const char *meeting_id,
                           const char *participant_id, attendee_fn change)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_MEETING, meeting_id, NULL, NULL, NULL, NULL};
    struct ip_meeting *m;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("meeting.id", meeting_id);
    if (rc == IP_OK)
        rc = ip__id_check("meeting_attendee.participant_id", participant_id);
    if (rc)
        return rc;
    m = ip__calloc(1, sizeof *m);
    if (!m)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        ip_meeting_free(m);
        return rc;
    }
    rc = ip__db_get(s->store->db, &ip__meeting_table, meeting_id, m);
    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, "meeting.id", "no record with that id");
    if (rc == IP_OK) {
        ip__content_scope(m, &op);
        rc = ip__authorize(s, &op);
    }
    if (rc == IP_OK)
        rc = ip__content_require_open(s, m);
    if (rc == IP_OK)
        rc = change(s, m, participant_id);
    rc = ip__call_close(s, &op, rc);
    ip_meeting_free(m);
    return rc;
}

int ip_meeting_add_attendee(ip_session *s, const char *meeting_id,
                            const char *participant_id)
{
    return attendee_change(s, meeting_id, participant_id, attendee_insert);
}

int ip_meeting_remove_attendee(ip_session *s, const char *meeting_id,
                               const char *participant_id)
{
    return attendee_change(s, meeting_id, participant_id, attendee_delete);
}

IP__ITERATOR(ip_meeting)

int ip_meeting_iterator_new(ip_meeting_iterator **out, ip_session *s,
                            const char *plan_id)
{
    void *it = NULL;
    int rc = ip__content_list(out ? &it : NULL, s, &meeting_kind, plan_id, "plan_id",
                              &ip__q_meetings_of_plan, NULL, 0);

    if (out)
        *out = it;
    return rc;
}

/* Checks fields and fills the action's columns from them. */
static int action_from_fields(struct ip_meeting_action *a,
                              const ip_meeting_action_fields *f)
{
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_MEETING_ACTION_FIELDS_VERSION, "meeting_action");
    rc = ip__id_check("meeting_action.meeting_id", f->meeting_id);
    if (rc == IP_OK)
        rc = ip__id_check("meeting_action.who_id", f->who_id);
    if (rc == IP_OK)
        rc = ip__text_check("meeting_action.what", f->what, IP__TEXT_SHORT_MAX, true);
    if (rc == IP_OK)
        rc = ip__date_check("meeting_action.due_on", f->due_on, false);
    if (rc)
        return rc;
    ip__set_text(&a->meeting_id, f->meeting_id, &failed);
    ip__set_text(&a->who_id, f->who_id, &failed);
    ip__set_text(&a->what, f->what, &failed);
    ip__set_text(&a->due_on, f->due_on, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* An action belongs to its meeting's plan, which must be open. */
static int action_resolve(ip_session *s, const ip__kind *k, void *record)
{
    struct ip_meeting_action *a = record;
    struct ip_meeting m = {0};
    bool failed = false;
    int rc = ip__db_get(s->store->db, &ip__meeting_table, a->meeting_id, &m);

    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, "meeting_action.meeting_id",
                           "no meeting with that id");
    if (rc == IP_OK) {
        ip__set_text(&a->plan_id, m.plan_id, &failed);
        if (failed)
            rc = ip__error_nomem();
    }
    ip__record_clear(&ip__meeting_table, &m);
    return rc ? rc : ip__content_resolve(s, k, a);
}

/* Who does it takes part in the same plan. */
static int action_check(ip_session *s, const void *record)
{
    const struct ip_meeting_action *a = record;

    return ip__content_same_plan(s, a, &ip__participant_table, a->who_id,
                                 "meeting_action.who_id", true);
}

static const ip__kind action_kind = {
    .table = &ip__meeting_action_table,
    .object = IP__OBJ_MEETING,
    .id_field = "meeting_action.id",
    .scope = ip__content_scope,
    .resolve = action_resolve,
    .check = action_check,
};

static int action_fill(ip_session *s, void *record, const void *fields)
{
    (void)s;
    return action_from_fields(record, fields);
}

IP__RECORD_NEW(ip_meeting_action_create, ip_meeting_action, ip_meeting_action_fields,
               action_kind, action_fill)

IP__RECORD_GET(ip_meeting_action_get, ip_meeting_action, action_kind)

/* The rules of turning the loaded action a into a measure, then the
 * measure (ip_measure_create() nests in this call) and the link. */
static int action_become_measure(ip_session *s, struct ip_meeting_action *a,
                                 int64_t expected_revision, const ip_measure_fields *f,
                                 ip_measure **measure)
{
    bool failed = false;
    int rc;

    if (a->meta.revision != expected_revision)
        return ip__error_set(IP_ECONFLICT, "meeting_action.revision",
                             "the meeting_action was changed since it was read");
    if (a->measure_id)
        return ip__error_set(IP_ESTATE, "meeting_action.measure_id",
                             "the action has become a measure already");
    rc = ip__content_require_open(s, a);
    if (rc)
        return rc;
    if (!f->plan_id || strcmp(f->plan_id, a->plan_id) != 0)
        return ip__error_set(IP_EINVALID, "measure.plan_id", "is not the action's plan");
    rc = ip_measure_create(measure, s, f);
    if (rc)
        return rc;
    ip__set_text(&a->measure_id, ip_measure_id(*measure), &failed);
    if (failed)
        return ip__error_nomem();
    rc = ip__meta_touch(s->store, &a->meta);
    if (rc == IP_OK)
        rc = ip__db_update(s->store->db, &ip__meeting_action_table, a, expected_revision);
    return rc;
}

int ip_meeting_action_to_measure(ip_measure **out, ip_session *s, const char *action_id,
                                 int64_t expected_revision, const ip_measure_fields *f)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_MEETING, action_id, NULL, NULL, NULL, NULL};
    struct ip_meeting_action *a;
    ip_measure *measure = NULL;
    int rc;

    if (out)
        *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("meeting_action.id", action_id);
    if (rc)
        return rc;
    IP__CHECK_VERSION(f, IP_MEASURE_FIELDS_VERSION, "measure");
    a = ip__calloc(1, sizeof *a);
    if (!a)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        ip_meeting_action_free(a);
        return rc;
    }
    rc = ip__db_get(s->store->db, &ip__meeting_action_table, action_id, a);
    if (rc == IP_ENOTFOUND)
        rc = ip__error_set(IP_ENOTFOUND, "meeting_action.id", "no record with that id");
    if (rc == IP_OK) {
        ip__content_scope(a, &op);
        rc = ip__authorize(s, &op);
    }
    if (rc == IP_OK)
        rc = action_become_measure(s, a, expected_revision, f, &measure);
    rc = ip__call_close(s, &op, rc);
    ip_meeting_action_free(a);
    if (rc == IP_OK && out)
        *out = measure;
    else
        ip_measure_free(measure);
    return rc;
}
