/* The whole-plan loader: a fixed number of queries, children handed to
 * their parents in memory by sort-merge (see plan_content.h). */
#include "plan_content.h"

#include <stdlib.h>
#include <string.h>

#include "store/consent_queries.h"
#include "store/content_queries.h"

static void measure_free(struct ip_measure *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->goal_count; i++)
        ip_free(m->goal_ids[i]);
    ip_free(m->goal_ids);
    ip__record_free(&ip__measure_table, m);
}

static void meeting_free(struct ip_meeting *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->attendee_count; i++)
        ip_free(m->attendee_ids[i]);
    ip_free(m->attendee_ids);
    for (size_t i = 0; i < m->action_count; i++)
        ip__record_free(&ip__meeting_action_table, m->actions[i]);
    ip_free(m->actions);
    ip__record_free(&ip__meeting_table, m);
}

/* Frees an array of records of table. */
#define FREE_ALL(table, items, count)                                          \
    do {                                                                       \
        for (size_t i_ = 0; i_ < (count); i_++)                                \
            ip__record_free((table), (items)[i_]);                             \
        ip_free(items);                                                        \
    } while (0)

void ip__plan_content_free(ip__plan_content *c)
{
    if (!c)
        return;
    ip__record_free(&ip__plan_table, c->plan);
    ip__record_free(&ip__person_table, c->person);
    FREE_ALL(&ip__participant_table, c->participants, c->participant_count);
    FREE_ALL(&ip__goal_table, c->goals, c->goal_count);
    for (size_t i = 0; i < c->measure_count; i++)
        measure_free(c->measures[i]);
    ip_free(c->measures);
    for (size_t i = 0; i < c->meeting_count; i++)
        meeting_free(c->meetings[i]);
    ip_free(c->meetings);
    FREE_ALL(&ip__evaluation_table, c->evaluations, c->evaluation_count);
    FREE_ALL(&ip__plan_revision_table, c->revisions, c->revision_count);
    for (size_t i = 0; i < c->consent_count; i++)
        ip_consent_free(c->consents[i]);
    ip_free(c->consents);
    FREE_ALL(&ip__coordinator_assignment_table, c->coordinators, c->coordinator_count);
    ip_free(c);
}

/* Runs query for the plan and moves its rows into a typed array (dst,
 * count); on failure dst stays NULL and count 0. */
#define LOAD_ROWS(query, dst, n)                                               \
    do {                                                                       \
        ip__rows rows_ = {0};                                                  \
        if (rc == IP_OK)                                                       \
            rc = ip__db_select(db, (query), &arg, 1, &rows_);                  \
        if (rc == IP_OK) {                                                     \
            (dst) = ip__calloc(rows_.count ? rows_.count : 1, sizeof *(dst));  \
            if (!(dst))                                                        \
                rc = IP_ENOMEM;                                                \
        }                                                                      \
        if (rc == IP_OK) {                                                     \
            for (size_t i_ = 0; i_ < rows_.count; i_++)                        \
                (dst)[i_] = ip__rows_take(&rows_, i_);                         \
            (n) = rows_.count;                                                 \
        }                                                                      \
        ip__rows_free(&rows_);                                                 \
    } while (0)

/* A parent (measure or meeting) by id, for merging children sorted by
 * their parent's id. */
typedef struct {
    const char *id;
    void *record;
} parent_ref;

static int parent_cmp(const void *a, const void *b)
{
    return strcmp(((const parent_ref *)a)->id, ((const parent_ref *)b)->id);
}

/* Parents sorted by id, from an array of records (each beginning with its
 * meta); NULL (with the error set) when memory runs out. */
#define PARENTS_BY_ID(records, count, refs)                                    \
    do {                                                                       \
        (refs) = ip__calloc((count) ? (count) : 1, sizeof *(refs));            \
        for (size_t i_ = 0; (refs) && i_ < (count); i_++) {                    \
            (refs)[i_].id = (records)[i_]->meta.id;                            \
            (refs)[i_].record = (records)[i_];                                 \
        }                                                                      \
        if (refs)                                                              \
            qsort((refs), (count), sizeof *(refs), parent_cmp);                \
    } while (0)

/* Moves pairs.second[from..to) into a fresh array of ids. */
static int take_ids(ip__pairs *pairs, size_t from, size_t to, char ***ids, size_t *count)
{
    char **taken = ip__calloc(to - from, sizeof *taken);

    if (!taken)
        return IP_ENOMEM;
    for (size_t k = from; k < to; k++) {
        taken[k - from] = pairs->second[k];
        pairs->second[k] = NULL;
    }
    *ids = taken;
    *count = to - from;
    return IP_OK;
}

/* The run [*from, *to) of pairs whose first column is id, skipping any
 * before it (links to a parent outside the plan, which the schema's
 * same-plan rules do not let happen). */
static void pairs_run(const ip__pairs *pairs, const char *id, size_t *from, size_t *to)
{
    size_t p = *to;

    while (p < pairs->count && strcmp(pairs->first[p], id) < 0)
        p++;
    *from = p;
    while (p < pairs->count && strcmp(pairs->first[p], id) == 0)
        p++;
    *to = p;
}

/* Hands each parent (a record beginning with its meta) the second ids of
 * its run of links, into the id array and count at the given offsets. */
static int attach_ids(void **parents, size_t n, ip__pairs *links, size_t ids_offset,
                      size_t count_offset)
{
    parent_ref *refs;
    size_t from = 0, to = 0;
    int rc = IP_OK;

    if (links->count == 0)
        return IP_OK;
    refs = ip__calloc(n ? n : 1, sizeof *refs);
    if (!refs)
        return IP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        refs[i].id = ((ip__meta *)parents[i])->id;
        refs[i].record = parents[i];
    }
    qsort(refs, n, sizeof *refs, parent_cmp);
    for (size_t i = 0; rc == IP_OK && i < n; i++) {
        char *record = refs[i].record;
        pairs_run(links, refs[i].id, &from, &to);
        if (to > from)
            rc = take_ids(links, from, to, (char ***)(record + ids_offset),
                          (size_t *)(record + count_offset));
    }
    ip_free(refs);
    return rc;
}

int ip__attach_goal_ids(struct ip_measure **measures, size_t n, ip__pairs *links)
{
    return attach_ids((void **)measures, n, links, offsetof(struct ip_measure, goal_ids),
                      offsetof(struct ip_measure, goal_count));
}

int ip__attach_attendees(struct ip_meeting **meetings, size_t n, ip__pairs *links)
{
    return attach_ids((void **)meetings, n, links, offsetof(struct ip_meeting, attendee_ids),
                      offsetof(struct ip_meeting, attendee_count));
}

int ip__attach_actions(struct ip_meeting **meetings, size_t n, ip__rows *rows)
{
    parent_ref *refs;
    size_t p = 0;
    int rc = IP_OK;

    if (rows->count == 0)
        return IP_OK;
    PARENTS_BY_ID(meetings, n, refs);
    if (!refs)
        return IP_ENOMEM;
    for (size_t i = 0; rc == IP_OK && i < n; i++) {
        struct ip_meeting *m = refs[i].record;
        size_t from;
#define ACTION_MEETING(k) (((struct ip_meeting_action *)rows->items[k])->meeting_id)
        while (p < rows->count && strcmp(ACTION_MEETING(p), refs[i].id) < 0)
            p++;
        from = p;
        while (p < rows->count && strcmp(ACTION_MEETING(p), refs[i].id) == 0)
            p++;
#undef ACTION_MEETING
        if (p == from)
            continue;
        m->actions = ip__calloc(p - from, sizeof *m->actions);
        if (!m->actions) {
            rc = IP_ENOMEM;
            break;
        }
        for (size_t k = from; k < p; k++)
            m->actions[k - from] = ip__rows_take(rows, k);
        m->action_count = p - from;
    }
    ip_free(refs);
    return rc;
}

/* Moves recipients rows->items[from..to) into a fresh array of c. */
static int take_recipients(struct ip_consent *c, ip__consent_recipient_rows *rows,
                           size_t from, size_t to)
{
    c->recipients = ip__calloc(to - from, sizeof *c->recipients);
    if (!c->recipients)
        return IP_ENOMEM;
    for (size_t k = from; k < to; k++) {
        c->recipients[k - from] = rows->items[k];
        rows->items[k] = (ip__consent_recipient){0};
    }
    c->recipient_count = to - from;
    return IP_OK;
}

/* Hands givers (pairs (consent_id, person_id)) and recipient rows, both
 * sorted by consent id, to their consents, taking them from their input. */
static int attach_consent_children(struct ip_consent **consents, size_t n, ip__pairs *givers,
                                   ip__consent_recipient_rows *rows)
{
    parent_ref *refs;
    size_t from = 0, to = 0, p = 0;
    int rc = IP_OK;

    if (givers->count == 0 && rows->count == 0)
        return IP_OK;
    PARENTS_BY_ID(consents, n, refs);
    if (!refs)
        return IP_ENOMEM;
    for (size_t i = 0; rc == IP_OK && i < n; i++) {
        struct ip_consent *c = refs[i].record;
        size_t first;

        pairs_run(givers, refs[i].id, &from, &to);
        if (to > from)
            rc = take_ids(givers, from, to, &c->giver_ids, &c->giver_count);
        while (p < rows->count && strcmp(rows->consent_ids[p], refs[i].id) < 0)
            p++;
        first = p;
        while (p < rows->count && strcmp(rows->consent_ids[p], refs[i].id) == 0)
            p++;
        if (rc == IP_OK && p > first)
            rc = take_recipients(c, rows, first, p);
    }
    ip_free(refs);
    return rc;
}

/* The person's consents with their givers and recipients: three queries,
 * however many consents. */
static int load_consents(ip__db *db, ip__plan_content *c)
{
    ip__arg arg = IP__TEXT(c->plan->person_id);
    ip__pairs givers = {0};
    ip__consent_recipient_rows recipients = {0};
    int rc = IP_OK;

    LOAD_ROWS(&ip__q_consents_of_person, c->consents, c->consent_count);
    if (rc == IP_OK)
        rc = ip__db_pairs(db, &ip__q_consent_givers_of_person, &arg, 1, &givers);
    if (rc == IP_OK)
        rc = ip__consent_recipients_select(db, &ip__q_consent_recipients_of_person, &arg, 1,
                                           &recipients);
    if (rc == IP_OK)
        rc = attach_consent_children(c->consents, c->consent_count, &givers, &recipients);
    ip__pairs_free(&givers);
    ip__consent_recipient_rows_free(&recipients);
    return rc;
}

/* The person's coordinator assignments, every kind, ended ones included:
 * one query, however many. */
static int load_coordinators(ip__db *db, ip__plan_content *c)
{
    ip__arg arg = IP__TEXT(c->plan->person_id);
    int rc = IP_OK;

    LOAD_ROWS(&ip__q_content_coordinators, c->coordinators, c->coordinator_count);
    return rc;
}

int ip__plan_content_load(ip_session *s, const char *plan_id, ip__plan_content **out)
{
    ip__db *db = s->store->db;
    ip__arg arg = IP__TEXT(plan_id);
    ip__pairs goal_links = {0}, attendee_links = {0};
    ip__rows actions = {0};
    ip__plan_content *c;
    int rc = IP_OK;

    *out = NULL;
    c = ip__calloc(1, sizeof *c);
    if (!c)
        return IP_ENOMEM;
    c->plan = ip__calloc(1, sizeof *c->plan);
    c->person = ip__calloc(1, sizeof *c->person);
    if (!c->plan || !c->person)
        rc = IP_ENOMEM;
    if (rc == IP_OK)
        rc = ip__db_get(db, &ip__plan_table, plan_id, c->plan);
    if (rc == IP_OK)
        rc = ip__db_get(db, &ip__person_table, c->plan->person_id, c->person);
    LOAD_ROWS(&ip__q_content_participants, c->participants, c->participant_count);
    LOAD_ROWS(&ip__q_content_goals, c->goals, c->goal_count);
    LOAD_ROWS(&ip__q_content_measures, c->measures, c->measure_count);
    if (rc == IP_OK)
        rc = ip__db_pairs(db, &ip__q_content_measure_goals, &arg, 1, &goal_links);
    LOAD_ROWS(&ip__q_content_meetings, c->meetings, c->meeting_count);
    if (rc == IP_OK)
        rc = ip__db_pairs(db, &ip__q_content_meeting_attendees, &arg, 1, &attendee_links);
    if (rc == IP_OK)
        rc = ip__db_select(db, &ip__q_content_meeting_actions, &arg, 1, &actions);
    LOAD_ROWS(&ip__q_content_evaluations, c->evaluations, c->evaluation_count);
    LOAD_ROWS(&ip__q_content_revisions, c->revisions, c->revision_count);
    if (rc == IP_OK)
        rc = load_consents(db, c);
    if (rc == IP_OK)
        rc = load_coordinators(db, c);
    if (rc == IP_OK)
        rc = ip__attach_goal_ids(c->measures, c->measure_count, &goal_links);
    if (rc == IP_OK)
        rc = ip__attach_attendees(c->meetings, c->meeting_count, &attendee_links);
    if (rc == IP_OK)
        rc = ip__attach_actions(c->meetings, c->meeting_count, &actions);
    ip__pairs_free(&goal_links);
    ip__pairs_free(&attendee_links);
    ip__rows_free(&actions);
    if (rc) {
        ip__plan_content_free(c);
        return rc;
    }
    *out = c;
    return IP_OK;
}

bool ip__participant_active(const struct ip_participant *p, const char *today)
{
    return p->valid_from && strcmp(p->valid_from, today) <= 0 &&
           (!p->valid_to || strcmp(p->valid_to, today) >= 0);
}
