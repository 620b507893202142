/*
 * Goals of a plan: long-term goals and sub-goals within one plan and two
 * levels, who expressed them, the lifecycle, what the person may propose,
 * who keeps them, stale revisions, ended plans and refused input.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"

/* One plan with its person, a coordinator and a provider, plus sessions:
 * the harness's plan world as it is. */
typedef th_plan_world world;

static void world_open(world *w)
{
    th_plan_world_open(w, NULL);
}

static void world_close(world *w)
{
    th_plan_world_close(w);
}

static ip_goal_fields goal_fields(const world *w, const char *text)
{
    ip_goal_fields f = IP_GOAL_FIELDS_INIT;

    f.plan_id = w->plan_id;
    f.text = text;
    f.expressed_by_id = w->part_person;
    return f;
}

/* Creates a goal as the coordinator; its id in out. */
static void make_goal(const world *w, const char *parent_id, ip_goal_status status,
                      char out[40])
{
    ip_goal_fields f = goal_fields(w, "Klare meg selv hjemme");
    ip_goal *g = NULL;

    f.parent_id = parent_id;
    f.status = status;
    th_ok(ip_goal_create(&g, w->coord, &f));
    th_copy_id(out, ip_goal_id(g));
    ip_goal_free(g);
}

static int goal_rows(void)
{
    return th_count("SELECT count(*) FROM goal");
}

START_TEST(round_trip)
{
    world w;
    ip_goal_fields f;
    ip_goal *g = NULL, *sub = NULL, *read = NULL, *listed[4];
    ip_goal_iterator *it = NULL;
    int n = 0, rc;

    world_open(&w);
    f = goal_fields(&w, "Bo i egen leilighet");
    f.target_date = "2027-06-30";
    th_ok(ip_goal_create(&g, w.coord, &f));
    ck_assert_int_eq(strlen(ip_goal_id(g)), 36);
    ck_assert_int_eq(ip_goal_revision(g), 1);
    ck_assert_str_eq(ip_goal_plan_id(g), w.plan_id);
    ck_assert_str_eq(ip_goal_person_id(g), w.person_id);
    ck_assert_ptr_null(ip_goal_parent_id(g));
    ck_assert_str_eq(ip_goal_text(g), "Bo i egen leilighet");
    ck_assert_str_eq(ip_goal_expressed_by_id(g), w.part_person);
    ck_assert_str_eq(ip_goal_target_date(g), "2027-06-30");
    /* Defaults: proposed, in progress. */
    ck_assert_int_eq(ip_goal_status_of(g), IP_GOAL_PROPOSED);
    ck_assert_int_eq(ip_goal_achievement_of(g), IP_GOAL_IN_PROGRESS);
    ck_assert_str_eq(ip_goal_created_at(g), "2026-03-02T10:00:00.000Z");
    ck_assert_str_eq(ip_goal_updated_at(g), "2026-03-02T10:00:00.000Z");

    /* A short-term sub-goal, expressed by the coordinator. */
    f = goal_fields(&w, "Lage middag selv to dager i uka");
    f.parent_id = ip_goal_id(g);
    f.expressed_by_id = w.part_coord;
    f.status = IP_GOAL_ACTIVE;
    f.achievement = IP_GOAL_PARTLY_ACHIEVED;
    th_ok(ip_goal_create(&sub, w.coord, &f));
    ck_assert_str_eq(ip_goal_parent_id(sub), ip_goal_id(g));
    ck_assert_int_eq(ip_goal_status_of(sub), IP_GOAL_ACTIVE);
    ck_assert_int_eq(ip_goal_achievement_of(sub), IP_GOAL_PARTLY_ACHIEVED);
    ck_assert_str_eq(ip_goal_expressed_by_id(sub), w.part_coord);

    /* Read back, by the person too (their own plan). */
    th_ok(ip_goal_get(&read, w.person, ip_goal_id(sub)));
    ck_assert_str_eq(ip_goal_id(read), ip_goal_id(sub));
    ck_assert_str_eq(ip_goal_text(read), "Lage middag selv to dager i uka");
    ck_assert_str_eq(ip_goal_parent_id(read), ip_goal_id(g));
    ck_assert_int_eq(ip_goal_status_of(read), IP_GOAL_ACTIVE);
    ip_goal_free(read);

    /* Listed in creation order. */
    th_ok(ip_goal_iterator_new(&it, w.cu, w.plan_id));
    while ((rc = ip_goal_next(&listed[n], it)) == IP_OK) {
        ck_assert_int_lt(n, 3);
        n++;
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    th_expect(IP_ITEROVER, ip_goal_next(&listed[n], it));
    ip_goal_iterator_free(it);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(ip_goal_id(listed[0]), ip_goal_id(g));
    ck_assert_str_eq(ip_goal_id(listed[1]), ip_goal_id(sub));
    ip_goal_free(listed[0]);
    ip_goal_free(listed[1]);

    th_expect(IP_ENOTFOUND, ip_goal_get(&read, w.coord, NO_SUCH_ID));
    th_field("goal.id");
    ck_assert_ptr_null(read);

    ip_goal_free(g);
    ip_goal_free(sub);
    world_close(&w);
}
END_TEST

START_TEST(list_of_other_plan_is_empty_and_unknown_plan_refused)
{
    world w;
    char person2[40], plan2[40], part2[40], goal[40];
    ip_goal_iterator *it = NULL;
    ip_goal *g = NULL;

    world_open(&w);
    make_goal(&w, NULL, 0, goal);
    th_plan_for(w.cu, "1985-05-05", person2, plan2, part2);
    th_ok(ip_goal_iterator_new(&it, w.cu, plan2));
    th_expect(IP_ITEROVER, ip_goal_next(&g, it));
    ck_assert_ptr_null(g);
    ip_goal_iterator_free(it);
    th_expect(IP_ENOTFOUND, ip_goal_iterator_new(&it, w.cu, NO_SUCH_ID));
    th_field("plan_id");
    ck_assert_ptr_null(it);
    th_expect(IP_EINVALID, ip_goal_iterator_new(&it, w.cu, "not-an-id"));
    th_field("plan_id");
    world_close(&w);
}
END_TEST

START_TEST(sub_goal_across_plans_refused)
{
    world w;
    char person2[40], plan2[40], part2[40], foreign[40];
    ip_goal_fields f;
    ip_goal *g = NULL;

    world_open(&w);
    th_plan_for(w.cu, "1985-05-05", person2, plan2, part2);
    /* A long-term goal of the other plan (kept by the same coordinator). */
    {
        char coord2[40];
        th_participant(w.cu, plan2, IP_PARTICIPANT_COORDINATOR, NULL, w.coord_prac, NULL,
                    coord2);
    }
    f = goal_fields(&w, "Annen plan sitt mål");
    f.plan_id = plan2;
    f.expressed_by_id = part2;
    th_ok(ip_goal_create(&g, w.coord, &f));
    th_copy_id(foreign, ip_goal_id(g));
    ip_goal_free(g);
    g = NULL;

    ck_assert_int_eq(goal_rows(), 1);
    f = goal_fields(&w, "Delmål");
    f.parent_id = foreign;
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.parent_id");
    ck_assert_ptr_null(g);
    /* The message names the rule, not the value. */
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "another plan"));
    th_not_echoed(foreign);
    ck_assert_int_eq(goal_rows(), 1);

    /* Expressed by a participant of another plan: refused too. */
    f = goal_fields(&w, "Mål");
    f.expressed_by_id = part2;
    th_expect(IP_EINVALID, ip_goal_create(NULL, w.coord, &f));
    th_field("goal.expressed_by_id");
    ck_assert_int_eq(goal_rows(), 1);
    world_close(&w);
}
END_TEST

START_TEST(two_levels_only)
{
    world w;
    char top[40], sub[40], other[40];
    ip_goal_fields f;
    ip_goal *g = NULL;
    int64_t revision = 0;

    world_open(&w);
    make_goal(&w, NULL, 0, top);
    make_goal(&w, top, 0, sub);
    make_goal(&w, NULL, 0, other);

    /* A sub-goal of a sub-goal would be a third level. */
    f = goal_fields(&w, "Tredje nivå");
    f.parent_id = sub;
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.parent_id");
    ck_assert_int_eq(goal_rows(), 3);

    /* A goal with sub-goals cannot become a sub-goal itself. */
    f = goal_fields(&w, "Klare meg selv hjemme");
    f.parent_id = other;
    th_expect(IP_EINVALID, ip_goal_update(NULL, w.coord, top, 1, &f));
    th_field("goal.parent_id");
    /* Nor can a goal become a sub-goal of a sub-goal, or of itself. */
    f.parent_id = sub;
    th_expect(IP_EINVALID, ip_goal_update(NULL, w.coord, other, 1, &f));
    th_field("goal.parent_id");
    f.parent_id = other;
    th_expect(IP_EINVALID, ip_goal_update(NULL, w.coord, other, 1, &f));
    th_field("goal.parent_id");
    ck_assert_int_eq(th_count("SELECT count(*) FROM goal WHERE parent_id IS NOT NULL"), 1);

    /* Moving the sub-goal under another long-term goal is fine, and a
     * sub-goal can become a long-term goal again. */
    f.parent_id = other;
    th_ok(ip_goal_update(&revision, w.coord, sub, 1, &f));
    ck_assert_int_eq(revision, 2);
    th_ok(ip_goal_get(&g, w.coord, sub));
    ck_assert_str_eq(ip_goal_parent_id(g), other);
    ip_goal_free(g);
    f.parent_id = NULL;
    th_ok(ip_goal_update(&revision, w.coord, sub, 2, &f));
    th_ok(ip_goal_get(&g, w.coord, sub));
    ck_assert_ptr_null(ip_goal_parent_id(g));
    ip_goal_free(g);
    /* top has no sub-goals now: it may become one. */
    f.parent_id = other;
    th_ok(ip_goal_update(NULL, w.coord, top, 1, &f));
    world_close(&w);
}
END_TEST

START_TEST(unknown_references)
{
    world w;
    ip_goal_fields f;

    world_open(&w);
    f = goal_fields(&w, "Mål");
    f.plan_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_goal_create(NULL, w.coord, &f));
    th_field("goal.plan_id");
    f = goal_fields(&w, "Mål");
    f.parent_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_goal_create(NULL, w.coord, &f));
    th_field("goal.parent_id");
    f = goal_fields(&w, "Mål");
    f.expressed_by_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_goal_create(NULL, w.coord, &f));
    th_field("goal.expressed_by_id");
    ck_assert_int_eq(goal_rows(), 0);
    world_close(&w);
}
END_TEST

/* The whole lifecycle table, as the pure rule. */
START_TEST(status_rule)
{
    /* allowed[from - 1][to - 1] */
    static const int allowed[5][5] = {
        /* proposed  active  on_hold  completed  cancelled */
        {1, 1, 0, 0, 1}, /* proposed */
        {0, 1, 1, 1, 1}, /* active */
        {0, 1, 1, 0, 1}, /* on_hold */
        {0, 0, 0, 1, 0}, /* completed */
        {0, 0, 0, 0, 1}, /* cancelled */
    };

    for (int from = 1; from <= 5; from++) {
        for (int to = 1; to <= 5; to++)
            ck_assert_msg(!ip_goal_status_change_allowed((ip_goal_status)from,
                                                         (ip_goal_status)to) ==
                              !allowed[from - 1][to - 1],
                          "from %d to %d", from, to);
    }
    ck_assert_int_eq(ip_goal_status_change_allowed((ip_goal_status)0, IP_GOAL_ACTIVE), 0);
    ck_assert_int_eq(ip_goal_status_change_allowed(IP_GOAL_ACTIVE, (ip_goal_status)6), 0);
    ck_assert_int_eq(ip_goal_status_change_allowed((ip_goal_status)9, (ip_goal_status)9), 0);
}
END_TEST

/* Updates the goal's status; returns the call's result. */
static int set_status(const world *w, const char *id, int64_t *revision,
                      ip_goal_status status)
{
    ip_goal_fields f = goal_fields(w, "Klare meg selv hjemme");
    int64_t next = 0;
    int rc;

    f.status = status;
    rc = ip_goal_update(&next, w->coord, id, *revision, &f);
    if (rc == IP_OK) {
        ck_assert_int_eq(next, *revision + 1);
        *revision = next;
    }
    return rc;
}

START_TEST(status_changes_through_update)
{
    world w;
    char a[40], b[40];
    int64_t ra = 1, rb = 1;
    ip_goal *g = NULL;

    world_open(&w);
    make_goal(&w, NULL, 0, a);
    /* proposed → completed is not a step the rule knows. */
    th_expect(IP_ESTATE, set_status(&w, a, &ra, IP_GOAL_COMPLETED));
    th_field("goal.status");
    th_expect(IP_ESTATE, set_status(&w, a, &ra, IP_GOAL_ON_HOLD));
    th_field("goal.status");
    th_ok(set_status(&w, a, &ra, IP_GOAL_ACTIVE));
    th_expect(IP_ESTATE, set_status(&w, a, &ra, IP_GOAL_PROPOSED));
    th_ok(set_status(&w, a, &ra, IP_GOAL_ON_HOLD));
    th_expect(IP_ESTATE, set_status(&w, a, &ra, IP_GOAL_COMPLETED));
    th_ok(set_status(&w, a, &ra, IP_GOAL_ACTIVE));
    th_ok(set_status(&w, a, &ra, IP_GOAL_ACTIVE)); /* no change: fine */
    th_ok(set_status(&w, a, &ra, IP_GOAL_COMPLETED));
    ck_assert_int_eq(ra, 6);
    /* Completed is final. */
    th_expect(IP_ESTATE, set_status(&w, a, &ra, IP_GOAL_ACTIVE));
    th_field("goal.status");
    th_expect(IP_ESTATE, set_status(&w, a, &ra, IP_GOAL_CANCELLED));
    th_ok(ip_goal_get(&g, w.coord, a));
    ck_assert_int_eq(ip_goal_status_of(g), IP_GOAL_COMPLETED);
    ck_assert_int_eq(ip_goal_revision(g), 6);
    ip_goal_free(g);

    /* Cancelled is final too. */
    make_goal(&w, NULL, 0, b);
    th_ok(set_status(&w, b, &rb, IP_GOAL_CANCELLED));
    th_expect(IP_ESTATE, set_status(&w, b, &rb, IP_GOAL_PROPOSED));
    th_expect(IP_ESTATE, set_status(&w, b, &rb, IP_GOAL_ACTIVE));
    ck_assert_int_eq(rb, 2);
    world_close(&w);
}
END_TEST

START_TEST(update_replaces_fields)
{
    world w;
    char id[40];
    ip_goal_fields f;
    ip_goal *g = NULL;
    int64_t revision = 0;

    world_open(&w);
    make_goal(&w, NULL, 0, id);
    f = goal_fields(&w, "Gå på skolen hver dag");
    f.expressed_by_id = w.part_coord;
    f.target_date = "2026-12-31";
    f.status = IP_GOAL_ACTIVE;
    f.achievement = IP_GOAL_ACHIEVED;
    th_now_ms += 60000;
    th_ok(ip_goal_update(&revision, w.coord, id, 1, &f));
    ck_assert_int_eq(revision, 2);
    th_ok(ip_goal_get(&g, w.coord, id));
    ck_assert_str_eq(ip_goal_text(g), "Gå på skolen hver dag");
    ck_assert_str_eq(ip_goal_expressed_by_id(g), w.part_coord);
    ck_assert_str_eq(ip_goal_target_date(g), "2026-12-31");
    ck_assert_int_eq(ip_goal_achievement_of(g), IP_GOAL_ACHIEVED);
    ck_assert_str_eq(ip_goal_person_id(g), w.person_id);
    ck_assert_str_eq(ip_goal_created_at(g), "2026-03-02T10:00:00.000Z");
    ck_assert_str_eq(ip_goal_updated_at(g), "2026-03-02T10:01:00.000Z");
    ip_goal_free(g);

    /* Dropping the target date. */
    f.target_date = NULL;
    th_ok(ip_goal_update(&revision, w.coord, id, 2, &f));
    th_ok(ip_goal_get(&g, w.coord, id));
    ck_assert_ptr_null(ip_goal_target_date(g));
    ip_goal_free(g);
    world_close(&w);
}
END_TEST

START_TEST(plan_cannot_change)
{
    world w;
    char person2[40], plan2[40], part2[40], id[40];
    ip_goal_fields f;

    world_open(&w);
    th_plan_for(w.cu, "1985-05-05", person2, plan2, part2);
    make_goal(&w, NULL, 0, id);
    f = goal_fields(&w, "Flyttet");
    f.plan_id = plan2;
    f.expressed_by_id = part2;
    th_expect(IP_EINVALID, ip_goal_update(NULL, w.coord, id, 1, &f));
    th_field("goal.plan_id");
    ck_assert_int_eq(th_count("SELECT count(*) FROM goal WHERE revision = 1"), 1);
    world_close(&w);
}
END_TEST

START_TEST(stale_revision)
{
    world w;
    char id[40];
    ip_goal_fields f;
    ip_goal *g = NULL;

    world_open(&w);
    make_goal(&w, NULL, 0, id);
    f = goal_fields(&w, "Første");
    th_ok(ip_goal_update(NULL, w.coord, id, 1, &f));
    f = goal_fields(&w, "Andre, fra en gammel lesning");
    th_expect(IP_ECONFLICT, ip_goal_update(NULL, w.coord, id, 1, &f));
    th_field("goal.revision");
    th_ok(ip_goal_get(&g, w.coord, id));
    ck_assert_str_eq(ip_goal_text(g), "Første");
    ck_assert_int_eq(ip_goal_revision(g), 2);
    ip_goal_free(g);
    th_expect(IP_ENOTFOUND, ip_goal_update(NULL, w.coord, NO_SUCH_ID, 1, &f));
    th_field("goal.id");
    world_close(&w);
}
END_TEST

START_TEST(person_proposes_only)
{
    world w;
    ip_goal_fields f;
    ip_goal *g = NULL;
    ip_person *parent;
    ip_relation_fields rf = IP_RELATION_FIELDS_INIT;
    ip_session *rep, *stranger;
    char id[40];

    world_open(&w);
    /* The person proposes a goal in their own words. */
    f = goal_fields(&w, "Jeg vil ha en jobb");
    th_ok(ip_goal_create(&g, w.person, &f));
    ck_assert_int_eq(ip_goal_status_of(g), IP_GOAL_PROPOSED);
    th_copy_id(id, ip_goal_id(g));
    ip_goal_free(g);
    f.status = IP_GOAL_PROPOSED;
    th_ok(ip_goal_create(NULL, w.person, &f));
    /* Anything but proposed is the coordinator's to decide. */
    for (int s = IP_GOAL_ACTIVE; s <= IP_GOAL_CANCELLED; s++) {
        f.status = (ip_goal_status)s;
        th_expect(IP_EINVALID, ip_goal_create(NULL, w.person, &f));
        th_field("goal.status");
    }
    ck_assert_int_eq(goal_rows(), 2);
    /* The person does not change goals. */
    f.status = IP_GOAL_PROPOSED;
    th_expect(IP_EDENIED, ip_goal_update(NULL, w.person, id, 1, &f));

    /* A representative (a guardian today) proposes too, and only that. */
    parent = th_person(w.cu, "1960-02-02", "Verge");
    rf.person_id = w.person_id;
    rf.related_id = ip_person_id(parent);
    rf.kind = IP_RELATION_GUARDIAN;
    rf.valid_from = "2020-01-01";
    th_ok(ip_relation_create(NULL, w.cu, &rf));
    rep = th_session(w.store, IP_ROLE_REPRESENTATIVE, ip_person_id(parent), NULL);
    f.status = 0;
    th_ok(ip_goal_create(&g, rep, &f));
    ck_assert_int_eq(ip_goal_status_of(g), IP_GOAL_PROPOSED);
    ip_goal_free(g);
    f.status = IP_GOAL_ACTIVE;
    th_expect(IP_EINVALID, ip_goal_create(NULL, rep, &f));
    th_field("goal.status");

    /* Someone else's plan: denied, and the denial is audited. */
    stranger = th_session(w.store, IP_ROLE_PERSON, ip_person_id(parent), NULL);
    f.status = 0;
    th_expect(IP_EDENIED, ip_goal_create(NULL, stranger, &f));
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE object_kind = 'goal'"
                              " AND outcome = 'denied'"),
                     2);
    ck_assert_int_eq(goal_rows(), 3);

    /* The coordinator may create an active goal directly. */
    f.status = IP_GOAL_ACTIVE;
    th_ok(ip_goal_create(NULL, w.coord, &f));
    ck_assert_int_eq(goal_rows(), 4);

    ip_session_free(stranger);
    ip_session_free(rep);
    ip_person_free(parent);
    world_close(&w);
}
END_TEST

START_TEST(who_keeps_goals)
{
    world w;
    ip_goal_fields f;
    char id[40];
    ip_goal *g = NULL;
    ip_goal_iterator *it = NULL;
    ip_session *other_coord;
    char prac2[40];

    world_open(&w);
    f = goal_fields(&w, "Mål");
    /* The coordinating unit reads the plan but does not keep its goals. */
    th_expect(IP_EDENIED, ip_goal_create(NULL, w.cu, &f));
    /* A provider neither. */
    th_expect(IP_EDENIED, ip_goal_create(NULL, w.provider, &f));
    /* A coordinator of another plan neither. */
    th_practitioner(w.store, w.unit_id, "Ola", "Nordmann", prac2);
    other_coord = th_session(w.store, IP_ROLE_COORDINATOR, prac2, w.unit_id);
    th_expect(IP_EDENIED, ip_goal_create(NULL, other_coord, &f));
    ck_assert_int_eq(goal_rows(), 0);

    make_goal(&w, NULL, 0, id);
    th_expect(IP_EDENIED, ip_goal_update(NULL, w.cu, id, 1, &f));
    th_expect(IP_EDENIED, ip_goal_update(NULL, w.provider, id, 1, &f));
    th_expect(IP_EDENIED, ip_goal_get(&g, other_coord, id));
    ck_assert_ptr_null(g);
    th_expect(IP_EDENIED, ip_goal_iterator_new(&it, other_coord, w.plan_id));
    ck_assert_ptr_null(it);
    /* The coordinating unit and the person read them. */
    th_ok(ip_goal_get(&g, w.cu, id));
    ip_goal_free(g);
    th_ok(ip_goal_iterator_new(&it, w.person, w.plan_id));
    th_ok(ip_goal_next(&g, it));
    ck_assert_str_eq(ip_goal_id(g), id);
    ip_goal_free(g);
    ip_goal_iterator_free(it);
    ck_assert_int_eq(th_count("SELECT count(*) FROM goal WHERE revision = 1"), 1);
    ip_session_free(other_coord);
    world_close(&w);
}
END_TEST

START_TEST(ended_plan)
{
    world w;
    char id[40];
    ip_goal_fields f;
    ip_plan *plan = NULL;

    world_open(&w);
    make_goal(&w, NULL, 0, id);
    th_ok(ip_plan_get(&plan, w.cu, w.plan_id));
    th_ok(ip_plan_end(NULL, w.cu, w.plan_id, ip_plan_revision(plan),
                      IP_PLAN_END_PERSONS_WISH, NULL, NULL));
    ip_plan_free(plan);

    f = goal_fields(&w, "For sent");
    th_expect(IP_ESTATE, ip_goal_create(NULL, w.coord, &f));
    th_expect(IP_ESTATE, ip_goal_create(NULL, w.person, &f));
    f.status = IP_GOAL_ACTIVE;
    th_expect(IP_ESTATE, ip_goal_update(NULL, w.coord, id, 1, &f));
    ck_assert_int_eq(goal_rows(), 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM goal WHERE revision = 1"
                              " AND status = 1"),
                     1);
    world_close(&w);
}
END_TEST

START_TEST(bad_fields)
{
    world w;
    ip_goal_fields f;
    char long_text[1002];
    char id[40];
    ip_goal *g = NULL;

    world_open(&w);
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, NULL));
    ck_assert_ptr_null(g);
    f = goal_fields(&w, "Mål");
    f.version = 99;
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.version");
    f = goal_fields(&w, "Mål");
    f.plan_id = NULL;
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.plan_id");
    f = goal_fields(&w, "Mål");
    f.parent_id = "not-an-id";
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.parent_id");
    f = goal_fields(&w, NULL);
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.text");
    f = goal_fields(&w, "");
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.text");
    f = goal_fields(&w, long_text);
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.text");
    f = goal_fields(&w, "bad \xff utf-8");
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.text");
    f = goal_fields(&w, "Mål");
    f.expressed_by_id = NULL;
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.expressed_by_id");
    f = goal_fields(&w, "Mål");
    f.target_date = "2026-02-30";
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.target_date");
    f = goal_fields(&w, "Mål");
    f.status = (ip_goal_status)6;
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.status");
    f = goal_fields(&w, "Mål");
    f.achievement = (ip_goal_achievement)5;
    th_expect(IP_EINVALID, ip_goal_create(&g, w.coord, &f));
    th_field("goal.achievement");
    ck_assert_ptr_null(g);
    ck_assert_int_eq(goal_rows(), 0);

    make_goal(&w, NULL, 0, id);
    f = goal_fields(&w, NULL);
    th_expect(IP_EINVALID, ip_goal_update(NULL, w.coord, id, 1, &f));
    th_field("goal.text");
    th_expect(IP_EINVALID, ip_goal_update(NULL, w.coord, "x", 1, &f));
    th_field("goal.id");
    th_expect(IP_EINVALID, ip_goal_update(NULL, w.coord, id, 1, NULL));
    th_expect(IP_EINVALID, ip_goal_update(NULL, NULL, id, 1, &f));
    th_expect(IP_EINVALID, ip_goal_get(&g, w.coord, "x"));
    th_field("goal.id");
    th_expect(IP_EINVALID, ip_goal_get(NULL, w.coord, id));
    world_close(&w);
}
END_TEST

START_TEST(refused_input_leaves_store_unchanged)
{
    world w;
    char id[40], sub[40], person2[40], plan2[40], part2[40];
    char plan_id[40], part_person[40];
    ip_session *coord, *person;
    ip_goal_fields f;
    th_snapshot *snap;
    char coord_prac[40], unit_id[40], person_id[40];

    world_open(&w);
    make_goal(&w, NULL, 0, id);
    make_goal(&w, id, 0, sub);
    th_plan_for(w.cu, "1985-05-05", person2, plan2, part2);
    memcpy(plan_id, w.plan_id, 40);
    memcpy(part_person, w.part_person, 40);
    memcpy(coord_prac, w.coord_prac, 40);
    memcpy(unit_id, w.unit_id, 40);
    memcpy(person_id, w.person_id, 40);
    world_close(&w);
    snap = th_snapshot_take(th_path("store.db"));

    w.store = th_store();
    coord = th_session(w.store, IP_ROLE_COORDINATOR, coord_prac, unit_id);
    person = th_session(w.store, IP_ROLE_PERSON, person_id, NULL);
    memcpy(w.plan_id, plan_id, 40);
    memcpy(w.part_person, part_person, 40);
    /* Refused before the store is touched. */
    f = goal_fields(&w, NULL);
    th_expect(IP_EINVALID, ip_goal_create(NULL, coord, &f));
    /* Refused inside the call, which is rolled back. */
    f = goal_fields(&w, "Tredje nivå");
    f.parent_id = sub;
    th_expect(IP_EINVALID, ip_goal_create(NULL, coord, &f));
    f.parent_id = NULL;
    f.expressed_by_id = part2;
    th_expect(IP_EINVALID, ip_goal_create(NULL, coord, &f));
    f = goal_fields(&w, "Aktivt");
    f.status = IP_GOAL_ACTIVE;
    th_expect(IP_EINVALID, ip_goal_create(NULL, person, &f));
    f.status = IP_GOAL_COMPLETED;
    th_expect(IP_ESTATE, ip_goal_update(NULL, coord, id, 1, &f));
    f.status = IP_GOAL_ACTIVE;
    th_expect(IP_ECONFLICT, ip_goal_update(NULL, coord, id, 7, &f));
    f.plan_id = plan2;
    th_expect(IP_EINVALID, ip_goal_update(NULL, coord, id, 1, &f));
    ip_session_free(coord);
    ip_session_free(person);
    th_close(w.store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

START_TEST(names)
{
    ip_goal_status status;
    ip_goal_achievement achievement;
    static const char *statuses[] = {"proposed", "active", "on_hold", "completed",
                                     "cancelled"};
    static const char *achievements[] = {"in_progress", "achieved", "partly_achieved",
                                         "not_achieved"};
    ip_goal_fields f;

    for (int i = 0; i < 5; i++) {
        ck_assert_str_eq(ip_goal_status_name((ip_goal_status)(i + 1)), statuses[i]);
        th_ok(ip_goal_status_from_name(&status, statuses[i]));
        ck_assert_int_eq(status, i + 1);
    }
    for (int i = 0; i < 4; i++) {
        ck_assert_str_eq(ip_goal_achievement_name((ip_goal_achievement)(i + 1)),
                         achievements[i]);
        th_ok(ip_goal_achievement_from_name(&achievement, achievements[i]));
        ck_assert_int_eq(achievement, i + 1);
    }
    ck_assert_ptr_null(ip_goal_status_name((ip_goal_status)0));
    ck_assert_ptr_null(ip_goal_status_name((ip_goal_status)6));
    ck_assert_ptr_null(ip_goal_achievement_name((ip_goal_achievement)5));
    th_expect(IP_EINVALID, ip_goal_status_from_name(&status, "done"));
    th_expect(IP_EINVALID, ip_goal_status_from_name(&status, NULL));
    th_expect(IP_EINVALID, ip_goal_achievement_from_name(&achievement, "Achieved"));

    memset(&f, 0xff, sizeof f);
    th_ok(ip_goal_fields_init(&f, IP_GOAL_FIELDS_VERSION));
    ck_assert_int_eq(f.version, IP_GOAL_FIELDS_VERSION);
    ck_assert_ptr_null(f.plan_id);
    ck_assert_ptr_null(f.text);
    ck_assert_int_eq(f.status, 0);
    ck_assert_int_eq(f.achievement, 0);
    th_expect(IP_EINVALID, ip_goal_fields_init(&f, 2));
    th_expect(IP_EINVALID, ip_goal_fields_init(NULL, IP_GOAL_FIELDS_VERSION));

    /* Getters of NULL are NULL or 0. */
    ck_assert_ptr_null(ip_goal_id(NULL));
    ck_assert_ptr_null(ip_goal_text(NULL));
    ck_assert_int_eq(ip_goal_status_of(NULL), 0);
    ip_goal_free(NULL);
    ip_goal_iterator_free(NULL);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("goal");
    TCase *tc = tcase_create("goal");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, list_of_other_plan_is_empty_and_unknown_plan_refused);
    tcase_add_test(tc, sub_goal_across_plans_refused);
    tcase_add_test(tc, two_levels_only);
    tcase_add_test(tc, unknown_references);
    tcase_add_test(tc, status_rule);
    tcase_add_test(tc, status_changes_through_update);
    tcase_add_test(tc, update_replaces_fields);
    tcase_add_test(tc, plan_cannot_change);
    tcase_add_test(tc, stale_revision);
    tcase_add_test(tc, person_proposes_only);
    tcase_add_test(tc, who_keeps_goals);
    tcase_add_test(tc, ended_plan);
    tcase_add_test(tc, bad_fields);
    tcase_add_test(tc, refused_input_leaves_store_unchanged);
    tcase_add_test(tc, names);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
