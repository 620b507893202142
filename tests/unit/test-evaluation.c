/*
 * Evaluations of goals and measures: of exactly one, of the same plan, by a
 * participant, not in the future, optionally in a meeting; who may make
 * them; listing and filtering; ended plans and refused input.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"

/* One plan with its person, a coordinator, a provider unit taking part, a
 * goal, a measure and a meeting; plus a second plan with the same. The
 * harness's plan world, its provider unit NAV, with the content added. */
typedef struct {
    TH_PLAN_WORLD_EMBED;
    char goal[40], measure[40], meeting[40];
    /* the second plan */
    char plan2[40], part2[40], goal2[40], measure2[40], meeting2[40];
} world;

/* A goal, a measure of w's unit and a held meeting in plan_id, made by w's
 * coordinator; part expressed the goal. */
static void plan_content(world *w, const char *plan_id, const char *part, char goal[40],
                         char measure[40], char meeting[40])
{
    ip_goal_fields gf = IP_GOAL_FIELDS_INIT;
    ip_measure_fields mf = IP_MEASURE_FIELDS_INIT;
    ip_meeting_fields tf = IP_MEETING_FIELDS_INIT;
    ip_goal *g = NULL;
    ip_measure *m = NULL;
    ip_meeting *t = NULL;

    gf.plan_id = plan_id;
    gf.text = "Komme i jobb";
    gf.expressed_by_id = part;
    th_ok(ip_goal_create(&g, w->coord, &gf));
    th_copy_id(goal, ip_goal_id(g));
    ip_goal_free(g);
    mf.plan_id = plan_id;
    mf.what = "Arbeidstrening";
    mf.responsible_unit_id = w->unit_id;
    th_ok(ip_measure_create(&m, w->coord, &mf));
    th_copy_id(measure, ip_measure_id(m));
    ip_measure_free(m);
    tf.plan_id = plan_id;
    tf.planned_on = "2026-02-15";
    tf.held_on = "2026-02-15";
    th_ok(ip_meeting_create(&t, w->coord, &tf));
    th_copy_id(meeting, ip_meeting_id(t));
    ip_meeting_free(t);
}

static void world_open(world *w)
{
    th_plan_world_options opts = {
        .unit_name = "NAV", .unit_sector = IP_SECTOR_NAV, .provider_actor = "nav-worker"};
    char person2[40];

    th_plan_world_open(&w->base, &opts);
    plan_content(w, w->plan_id, w->part_person, w->goal, w->measure, w->meeting);
    th_plan_for(w->cu, "1985-05-05", person2, w->plan2, w->part2);
    th_participant(w->cu, w->plan2, IP_PARTICIPANT_COORDINATOR, NULL, w->coord_prac, NULL,
                   NULL);
    th_participant(w->cu, w->plan2, IP_PARTICIPANT_PROVIDER, NULL, NULL, w->unit_id, NULL);
    plan_content(w, w->plan2, w->part2, w->goal2, w->measure2, w->meeting2);
}

static void world_close(world *w)
{
    th_plan_world_close(&w->base);
}

static ip_evaluation_fields of_goal(const world *w, const char *on)
{
    ip_evaluation_fields f = IP_EVALUATION_FIELDS_INIT;

    f.plan_id = w->plan_id;
    f.goal_id = w->goal;
    f.evaluated_on = on;
    f.evaluated_by_id = w->part_person;
    f.assessment = "Går framover";
    return f;
}

static ip_evaluation_fields of_measure(const world *w, const char *on)
{
    ip_evaluation_fields f = of_goal(w, on);

    f.goal_id = NULL;
    f.measure_id = w->measure;
    return f;
}

static int evaluation_rows(void)
{
    return th_count("SELECT count(*) FROM evaluation");
}

START_TEST(round_trip)
{
    world w;
    ip_evaluation_fields f;
    ip_evaluation *e = NULL, *read = NULL;

    world_open(&w);
    f = of_goal(&w, "2026-02-15");
    f.achievement = IP_GOAL_PARTLY_ACHIEVED;
    f.note = "Trenger mer tid";
    f.meeting_id = w.meeting;
    th_ok(ip_evaluation_create(&e, w.coord, &f));
    ck_assert_int_eq(strlen(ip_evaluation_id(e)), 36);
    ck_assert_int_eq(ip_evaluation_revision(e), 1);
    ck_assert_str_eq(ip_evaluation_plan_id(e), w.plan_id);
    ck_assert_str_eq(ip_evaluation_person_id(e), w.person_id);
    ck_assert_str_eq(ip_evaluation_goal_id(e), w.goal);
    ck_assert_ptr_null(ip_evaluation_measure_id(e));
    ck_assert_str_eq(ip_evaluation_evaluated_on(e), "2026-02-15");
    ck_assert_str_eq(ip_evaluation_evaluated_by_id(e), w.part_person);
    ck_assert_str_eq(ip_evaluation_assessment(e), "Går framover");
    ck_assert_int_eq(ip_evaluation_achievement(e), IP_GOAL_PARTLY_ACHIEVED);
    ck_assert_str_eq(ip_evaluation_note(e), "Trenger mer tid");
    ck_assert_str_eq(ip_evaluation_meeting_id(e), w.meeting);
    ck_assert_str_eq(ip_evaluation_created_at(e), "2026-03-02T10:00:00.000Z");

    th_ok(ip_evaluation_get(&read, w.person, ip_evaluation_id(e)));
    ck_assert_str_eq(ip_evaluation_id(read), ip_evaluation_id(e));
    ck_assert_str_eq(ip_evaluation_goal_id(read), w.goal);
    ck_assert_str_eq(ip_evaluation_meeting_id(read), w.meeting);
    ck_assert_int_eq(ip_evaluation_achievement(read), IP_GOAL_PARTLY_ACHIEVED);
    ip_evaluation_free(read);
    read = NULL;

    /* Of a measure, today, without achievement, note or meeting. */
    f = of_measure(&w, TH_TODAY);
    th_ok(ip_evaluation_create(&read, w.coord, &f));
    ck_assert_ptr_null(ip_evaluation_goal_id(read));
    ck_assert_str_eq(ip_evaluation_measure_id(read), w.measure);
    ck_assert_int_eq(ip_evaluation_achievement(read), 0);
    ck_assert_ptr_null(ip_evaluation_note(read));
    ck_assert_ptr_null(ip_evaluation_meeting_id(read));
    ip_evaluation_free(read);

    th_expect(IP_ENOTFOUND, ip_evaluation_get(&read, w.coord, NO_SUCH_ID));
    th_field("evaluation.id");
    ck_assert_ptr_null(read);
    ip_evaluation_free(e);
    world_close(&w);
}
END_TEST

START_TEST(exactly_one_subject)
{
    world w;
    ip_evaluation_fields f;

    world_open(&w);
    f = of_goal(&w, TH_TODAY);
    f.measure_id = w.measure;
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.goal_id");
    f.goal_id = f.measure_id = NULL;
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.goal_id");
    f.goal_id = "";
    f.measure_id = "";
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.goal_id");
    /* Achievement is a goal's; a measure is not assessed so. */
    f = of_measure(&w, TH_TODAY);
    f.achievement = IP_GOAL_ACHIEVED;
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.achievement");
    ck_assert_int_eq(evaluation_rows(), 0);
    world_close(&w);
}
END_TEST

START_TEST(same_plan_only)
{
    world w;
    ip_evaluation_fields f;

    world_open(&w);
    f = of_goal(&w, TH_TODAY);
    f.goal_id = w.goal2;
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.goal_id");
    f = of_measure(&w, TH_TODAY);
    f.measure_id = w.measure2;
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.measure_id");
    f = of_goal(&w, TH_TODAY);
    f.evaluated_by_id = w.part2;
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.evaluated_by_id");
    f = of_goal(&w, TH_TODAY);
    f.meeting_id = w.meeting2;
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.meeting_id");

    /* Unknown ids. */
    f = of_goal(&w, TH_TODAY);
    f.goal_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.goal_id");
    f = of_measure(&w, TH_TODAY);
    f.measure_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.measure_id");
    f = of_goal(&w, TH_TODAY);
    f.evaluated_by_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.evaluated_by_id");
    f = of_goal(&w, TH_TODAY);
    f.meeting_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.meeting_id");
    f = of_goal(&w, TH_TODAY);
    f.plan_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.plan_id");
    ck_assert_int_eq(evaluation_rows(), 0);

    /* The second plan's own content evaluates fine there. */
    f = of_goal(&w, TH_TODAY);
    f.plan_id = w.plan2;
    f.goal_id = w.goal2;
    f.evaluated_by_id = w.part2;
    f.meeting_id = w.meeting2;
    th_ok(ip_evaluation_create(NULL, w.coord, &f));
    ck_assert_int_eq(evaluation_rows(), 1);
    world_close(&w);
}
END_TEST

START_TEST(not_in_the_future)
{
    world w;
    ip_evaluation_fields f;

    world_open(&w);
    f = of_goal(&w, "2026-03-03");
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.evaluated_on");
    f = of_goal(&w, TH_TODAY);
    th_ok(ip_evaluation_create(NULL, w.coord, &f));
    f = of_goal(&w, "2025-11-30");
    th_ok(ip_evaluation_create(NULL, w.coord, &f));
    ck_assert_int_eq(evaluation_rows(), 2);
    world_close(&w);
}
END_TEST

START_TEST(who_evaluates)
{
    world w;
    ip_evaluation_fields f;
    ip_evaluation *e = NULL;
    ip_session *outsider;
    char outsider_unit[40];

    world_open(&w);
    /* A provider whose unit takes part evaluates. */
    f = of_measure(&w, TH_TODAY);
    th_ok(ip_evaluation_create(&e, w.provider, &f));
    ck_assert_str_eq(ip_evaluation_measure_id(e), w.measure);
    ip_evaluation_free(e);
    /* The person, the coordinating unit and an outside unit do not. */
    th_expect(IP_EDENIED, ip_evaluation_create(NULL, w.person, &f));
    th_expect(IP_EDENIED, ip_evaluation_create(NULL, w.cu, &f));
    th_copy_id(outsider_unit, th_unit(w.store, "Barnevernet", IP_SECTOR_CHILD_WELFARE, 0));
    outsider = th_session(w.store, IP_ROLE_PROVIDER, "bv-worker", outsider_unit);
    th_expect(IP_EDENIED, ip_evaluation_create(NULL, outsider, &f));
    ck_assert_int_eq(evaluation_rows(), 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE object_kind ="
                              " 'evaluation' AND outcome = 'denied'"),
                     3);
    ip_session_free(outsider);
    world_close(&w);
}
END_TEST

/* Lists with query; returns how many, checking the ids against want. */
static int list(ip_session *s, const ip_evaluation_query *q, const char *const *want)
{
    ip_evaluation_iterator *it = NULL;
    ip_evaluation *e = NULL;
    int n = 0, rc;

    th_ok(ip_evaluation_iterator_new(&it, s, q));
    while ((rc = ip_evaluation_next(&e, it)) == IP_OK) {
        ck_assert_ptr_nonnull(want[n]);
        ck_assert_str_eq(ip_evaluation_id(e), want[n]);
        ip_evaluation_free(e);
        n++;
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ck_assert_ptr_null(e);
    ck_assert_ptr_null(want[n]);
    ip_evaluation_iterator_free(it);
    return n;
}

START_TEST(listing)
{
    world w;
    ip_evaluation_fields f;
    ip_evaluation_query q = IP_EVALUATION_QUERY_INIT;
    ip_evaluation *e = NULL;
    ip_evaluation_iterator *it = NULL;
    char late_goal[40], early_measure[40], mid_goal[40];

    world_open(&w);
    /* Recorded out of date order; listed by evaluated_on. */
    f = of_goal(&w, "2026-02-20");
    th_ok(ip_evaluation_create(&e, w.coord, &f));
    th_copy_id(late_goal, ip_evaluation_id(e));
    ip_evaluation_free(e);
    f = of_measure(&w, "2026-01-10");
    th_ok(ip_evaluation_create(&e, w.coord, &f));
    th_copy_id(early_measure, ip_evaluation_id(e));
    ip_evaluation_free(e);
    f = of_goal(&w, "2026-02-01");
    th_ok(ip_evaluation_create(&e, w.coord, &f));
    th_copy_id(mid_goal, ip_evaluation_id(e));
    ip_evaluation_free(e);
    /* One in the other plan, never listed here. */
    f = of_goal(&w, "2026-01-01");
    f.plan_id = w.plan2;
    f.goal_id = w.goal2;
    f.evaluated_by_id = w.part2;
    th_ok(ip_evaluation_create(NULL, w.coord, &f));

    q.plan_id = w.plan_id;
    {
        const char *all[] = {early_measure, mid_goal, late_goal, NULL};
        ck_assert_int_eq(list(w.cu, &q, all), 3);
        /* The person reads their own plan's evaluations. */
        ck_assert_int_eq(list(w.person, &q, all), 3);
    }
    q.goal_id = w.goal;
    {
        const char *goals[] = {mid_goal, late_goal, NULL};
        ck_assert_int_eq(list(w.coord, &q, goals), 2);
    }
    q.goal_id = NULL;
    q.measure_id = w.measure;
    {
        const char *measures[] = {early_measure, NULL};
        ck_assert_int_eq(list(w.coord, &q, measures), 1);
    }
    /* A goal of another plan filters everything out. */
    q.measure_id = NULL;
    q.goal_id = w.goal2;
    {
        const char *none[] = {NULL};
        ck_assert_int_eq(list(w.coord, &q, none), 0);
    }

    /* Bad queries. */
    th_expect(IP_EINVALID, ip_evaluation_iterator_new(&it, w.coord, NULL));
    q = (ip_evaluation_query)IP_EVALUATION_QUERY_INIT;
    th_expect(IP_EINVALID, ip_evaluation_iterator_new(&it, w.coord, &q));
    th_field("query.plan_id");
    q.plan_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_evaluation_iterator_new(&it, w.coord, &q));
    th_field("query.plan_id");
    q.plan_id = w.plan_id;
    q.goal_id = "x";
    th_expect(IP_EINVALID, ip_evaluation_iterator_new(&it, w.coord, &q));
    th_field("query.goal_id");
    q.goal_id = NULL;
    q.measure_id = "x";
    th_expect(IP_EINVALID, ip_evaluation_iterator_new(&it, w.coord, &q));
    th_field("query.measure_id");
    q.measure_id = NULL;
    q.version = 2;
    th_expect(IP_EINVALID, ip_evaluation_iterator_new(&it, w.coord, &q));
    th_field("query.version");
    ck_assert_ptr_null(it);
    world_close(&w);
}
END_TEST

START_TEST(ended_plan)
{
    world w;
    ip_evaluation_fields f;
    ip_plan *plan = NULL;

    world_open(&w);
    th_ok(ip_plan_get(&plan, w.cu, w.plan_id));
    th_ok(ip_plan_end(NULL, w.cu, w.plan_id, ip_plan_revision(plan),
                      IP_PLAN_END_MOVED, NULL, NULL));
    ip_plan_free(plan);
    f = of_goal(&w, TH_TODAY);
    th_expect(IP_ESTATE, ip_evaluation_create(NULL, w.coord, &f));
    th_field("evaluation.plan_id");
    f = of_measure(&w, TH_TODAY);
    th_expect(IP_ESTATE, ip_evaluation_create(NULL, w.provider, &f));
    ck_assert_int_eq(evaluation_rows(), 0);
    world_close(&w);
}
END_TEST

START_TEST(bad_fields)
{
    world w;
    ip_evaluation_fields f;
    ip_evaluation *e = NULL;

    world_open(&w);
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, NULL));
    th_expect(IP_EINVALID, ip_evaluation_create(&e, NULL, NULL));
    f = of_goal(&w, TH_TODAY);
    f.version = 2;
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.version");
    f = of_goal(&w, TH_TODAY);
    f.plan_id = NULL;
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.plan_id");
    f = of_goal(&w, TH_TODAY);
    f.goal_id = "not-an-id";
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.goal_id");
    f = of_measure(&w, TH_TODAY);
    f.measure_id = "not-an-id";
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.measure_id");
    f = of_goal(&w, NULL);
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.evaluated_on");
    f = of_goal(&w, "2026-02-29");
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.evaluated_on");
    f = of_goal(&w, TH_TODAY);
    f.evaluated_by_id = NULL;
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.evaluated_by_id");
    f = of_goal(&w, TH_TODAY);
    f.assessment = "";
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.assessment");
    f.assessment = "bad \xc3 utf-8";
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.assessment");
    f = of_goal(&w, TH_TODAY);
    f.achievement = (ip_goal_achievement)5;
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.achievement");
    f = of_goal(&w, TH_TODAY);
    f.note = "bad \x07 bell";
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.note");
    f = of_goal(&w, TH_TODAY);
    f.meeting_id = "12345678901";
    th_expect(IP_EINVALID, ip_evaluation_create(&e, w.coord, &f));
    th_field("evaluation.meeting_id");
    th_not_echoed("12345678901");
    ck_assert_ptr_null(e);
    ck_assert_int_eq(evaluation_rows(), 0);
    th_expect(IP_EINVALID, ip_evaluation_get(&e, w.coord, "x"));
    th_field("evaluation.id");
    th_expect(IP_EINVALID, ip_evaluation_get(NULL, w.coord, NO_SUCH_ID));
    world_close(&w);
}
END_TEST

START_TEST(refused_input_leaves_store_unchanged)
{
    world w, saved;
    ip_session *coord;
    ip_evaluation_fields f;
    th_snapshot *snap;

    world_open(&w);
    f = of_goal(&w, TH_TODAY);
    th_ok(ip_evaluation_create(NULL, w.coord, &f));
    saved = w;
    world_close(&w);
    snap = th_snapshot_take(th_path("store.db"));

    w.store = th_store();
    coord = th_session(w.store, IP_ROLE_COORDINATOR, saved.coord_prac, saved.unit_id);
    /* Refused before the store is touched. */
    f = of_goal(&saved, "2026-03-03");
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, coord, &f));
    f = of_measure(&saved, TH_TODAY);
    f.achievement = IP_GOAL_ACHIEVED;
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, coord, &f));
    /* Refused inside the call, which is rolled back. */
    f = of_goal(&saved, TH_TODAY);
    f.goal_id = saved.goal2;
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, coord, &f));
    f = of_goal(&saved, TH_TODAY);
    f.meeting_id = saved.meeting2;
    th_expect(IP_EINVALID, ip_evaluation_create(NULL, coord, &f));
    f = of_goal(&saved, TH_TODAY);
    f.evaluated_by_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_evaluation_create(NULL, coord, &f));
    ip_session_free(coord);
    th_close(w.store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

START_TEST(initializers)
{
    ip_evaluation_fields f;
    ip_evaluation_query q;

    memset(&f, 0xff, sizeof f);
    th_ok(ip_evaluation_fields_init(&f, IP_EVALUATION_FIELDS_VERSION));
    ck_assert_int_eq(f.version, IP_EVALUATION_FIELDS_VERSION);
    ck_assert_ptr_null(f.plan_id);
    ck_assert_ptr_null(f.goal_id);
    ck_assert_ptr_null(f.meeting_id);
    ck_assert_int_eq(f.achievement, 0);
    th_expect(IP_EINVALID, ip_evaluation_fields_init(&f, 0));
    memset(&q, 0xff, sizeof q);
    th_ok(ip_evaluation_query_init(&q, IP_EVALUATION_QUERY_VERSION));
    ck_assert_int_eq(q.version, IP_EVALUATION_QUERY_VERSION);
    ck_assert_ptr_null(q.plan_id);
    ck_assert_ptr_null(q.measure_id);
    th_expect(IP_EINVALID, ip_evaluation_query_init(NULL, IP_EVALUATION_QUERY_VERSION));

    ck_assert_ptr_null(ip_evaluation_id(NULL));
    ck_assert_int_eq(ip_evaluation_achievement(NULL), 0);
    ip_evaluation_free(NULL);
    ip_evaluation_iterator_free(NULL);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("evaluation");
    TCase *tc = tcase_create("evaluation");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, exactly_one_subject);
    tcase_add_test(tc, same_plan_only);
    tcase_add_test(tc, not_in_the_future);
    tcase_add_test(tc, who_evaluates);
    tcase_add_test(tc, listing);
    tcase_add_test(tc, ended_plan);
    tcase_add_test(tc, bad_fields);
    tcase_add_test(tc, refused_input_leaves_store_unchanged);
    tcase_add_test(tc, initializers);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
