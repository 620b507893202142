/*
 * Measures of a plan: fields, the responsible unit and practitioner, the
 * lifecycle, the goals each serves, who may change which measure, stale
 * revisions, ended plans and refused input.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"

/* One plan with its person, a coordinator, two provider units taking part
 * (home care and school) and sessions for each: the harness's plan world
 * (its unit is home care, its provider session home care's) with the school
 * and a practitioner in each unit added. */
typedef struct {
    TH_PLAN_WORLD_EMBED_AS(home_unit, home); /* its unit_id, provider */
    ip_session *school;
    char school_unit[40];
    char home_prac[40], school_prac[40];
} world;

static void world_open(world *w)
{
    th_plan_world_open(&w->base, NULL);
    th_copy_id(w->school_unit, th_unit(w->store, "PPT", IP_SECTOR_SCHOOL, 0));
    th_practitioner(w->store, w->home_unit, "Ola", "Nordmann", w->home_prac);
    th_practitioner(w->store, w->school_unit, "Ola", "Nordmann", w->school_prac);
    th_participant(w->cu, w->plan_id, IP_PARTICIPANT_PROVIDER, NULL, NULL, w->school_unit,
                   NULL);
    w->school = th_session(w->store, IP_ROLE_PROVIDER, "school-worker", w->school_unit);
}

static void world_close(world *w)
{
    ip_session_free(w->school);
    th_plan_world_close(&w->base);
}

static ip_measure_fields measure_fields(const world *w, const char *unit_id)
{
    ip_measure_fields f = IP_MEASURE_FIELDS_INIT;

    f.plan_id = w->plan_id;
    f.what = "Praktisk bistand i hjemmet";
    f.responsible_unit_id = unit_id;
    return f;
}

static void make_measure(const world *w, const char *unit_id, char out[40])
{
    ip_measure_fields f = measure_fields(w, unit_id);
    ip_measure *m = NULL;

    th_ok(ip_measure_create(&m, w->coord, &f));
    th_copy_id(out, ip_measure_id(m));
    ip_measure_free(m);
}

static void make_goal(const world *w, const char *plan_id, const char *part, char out[40])
{
    ip_goal_fields f = IP_GOAL_FIELDS_INIT;
    ip_goal *g = NULL;

    f.plan_id = plan_id;
    f.text = "Klare meg selv";
    f.expressed_by_id = part;
    th_ok(ip_goal_create(&g, w->coord, &f));
    th_copy_id(out, ip_goal_id(g));
    ip_goal_free(g);
}

static int measure_rows(void)
{
    return th_count("SELECT count(*) FROM measure");
}

static int link_rows(void)
{
    return th_count("SELECT count(*) FROM measure_goal");
}

START_TEST(round_trip)
{
    world w;
    ip_measure_fields f;
    ip_measure *m = NULL, *read = NULL, *listed[3];
    ip_measure_iterator *it = NULL;
    char second[40];
    int n = 0, rc;

    world_open(&w);
    f = measure_fields(&w, w.home_unit);
    f.extent = "4 timer per uke";
    f.how = "Hjelp med innkjøp og matlaging, sammen med brukeren";
    f.start_on = "2026-03-01";
    f.end_on = "2026-12-31";
    f.frequency = "to ganger i uka";
    f.responsible_practitioner_id = w.home_prac;
    f.decision_ref = "VEDTAK-2026-0042";
    th_ok(ip_measure_create(&m, w.coord, &f));
    ck_assert_int_eq(strlen(ip_measure_id(m)), 36);
    ck_assert_int_eq(ip_measure_revision(m), 1);
    ck_assert_str_eq(ip_measure_plan_id(m), w.plan_id);
    ck_assert_str_eq(ip_measure_person_id(m), w.person_id);
    ck_assert_str_eq(ip_measure_what(m), "Praktisk bistand i hjemmet");
    ck_assert_str_eq(ip_measure_extent(m), "4 timer per uke");
    ck_assert_str_eq(ip_measure_how(m), "Hjelp med innkjøp og matlaging, sammen med brukeren");
    ck_assert_str_eq(ip_measure_start_on(m), "2026-03-01");
    ck_assert_str_eq(ip_measure_end_on(m), "2026-12-31");
    ck_assert_str_eq(ip_measure_frequency(m), "to ganger i uka");
    ck_assert_str_eq(ip_measure_responsible_unit_id(m), w.home_unit);
    ck_assert_str_eq(ip_measure_responsible_practitioner_id(m), w.home_prac);
    ck_assert_int_eq(ip_measure_status_of(m), IP_MEASURE_PLANNED);
    ck_assert_str_eq(ip_measure_decision_ref(m), "VEDTAK-2026-0042");
    ck_assert_str_eq(ip_measure_created_at(m), "2026-03-02T10:00:00.000Z");
    ck_assert_str_eq(ip_measure_updated_at(m), "2026-03-02T10:00:00.000Z");
    ck_assert_uint_eq(ip_measure_goal_count(m), 0);
    ck_assert_ptr_null(ip_measure_goal_id(m, 0));

    th_ok(ip_measure_get(&read, w.person, ip_measure_id(m)));
    ck_assert_str_eq(ip_measure_id(read), ip_measure_id(m));
    ck_assert_str_eq(ip_measure_extent(read), "4 timer per uke");
    ck_assert_str_eq(ip_measure_responsible_practitioner_id(read), w.home_prac);
    ck_assert_str_eq(ip_measure_decision_ref(read), "VEDTAK-2026-0042");
    ip_measure_free(read);

    /* Only what is required; the school is responsible. */
    f = measure_fields(&w, w.school_unit);
    f.what = "Tilrettelagt undervisning";
    f.status = IP_MEASURE_IN_PROGRESS;
    th_ok(ip_measure_create(&read, w.coord, &f));
    th_copy_id(second, ip_measure_id(read));
    ck_assert_ptr_null(ip_measure_extent(read));
    ck_assert_ptr_null(ip_measure_responsible_practitioner_id(read));
    ck_assert_int_eq(ip_measure_status_of(read), IP_MEASURE_IN_PROGRESS);
    ip_measure_free(read);

    th_ok(ip_measure_iterator_new(&it, w.cu, w.plan_id));
    while ((rc = ip_measure_next(&listed[n], it)) == IP_OK) {
        ck_assert_int_lt(n, 2);
        n++;
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ip_measure_iterator_free(it);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(ip_measure_id(listed[0]), ip_measure_id(m));
    ck_assert_str_eq(ip_measure_id(listed[1]), second);
    ip_measure_free(listed[0]);
    ip_measure_free(listed[1]);

    th_expect(IP_ENOTFOUND, ip_measure_get(&read, w.coord, NO_SUCH_ID));
    th_field("measure.id");
    th_expect(IP_ENOTFOUND, ip_measure_iterator_new(&it, w.coord, NO_SUCH_ID));
    th_field("plan_id");
    ip_measure_free(m);
    world_close(&w);
}
END_TEST

START_TEST(responsible_unit_and_practitioner)
{
    world w;
    ip_measure_fields f;
    ip_measure *m = NULL;

    world_open(&w);
    /* The practitioner must work in the responsible unit. */
    f = measure_fields(&w, w.home_unit);
    f.responsible_practitioner_id = w.school_prac;
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.responsible_practitioner_id");
    ck_assert_ptr_null(m);
    f.responsible_practitioner_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_measure_create(&m, w.coord, &f));
    th_field("measure.responsible_practitioner_id");
    f = measure_fields(&w, NO_SUCH_ID);
    th_expect(IP_ENOTFOUND, ip_measure_create(&m, w.coord, &f));
    th_field("measure.responsible_unit_id");
    ck_assert_int_eq(measure_rows(), 0);

    f = measure_fields(&w, w.school_unit);
    f.responsible_practitioner_id = w.school_prac;
    th_ok(ip_measure_create(&m, w.coord, &f));
    /* Moving it to home care while keeping the school's practitioner. */
    f.responsible_unit_id = w.home_unit;
    th_expect(IP_EINVALID, ip_measure_update(NULL, w.coord, ip_measure_id(m), 1, &f));
    th_field("measure.responsible_practitioner_id");
    f.responsible_practitioner_id = w.home_prac;
    th_ok(ip_measure_update(NULL, w.coord, ip_measure_id(m), 1, &f));
    ck_assert_int_eq(th_count("SELECT count(*) FROM measure WHERE revision = 2"), 1);
    ip_measure_free(m);
    world_close(&w);
}
END_TEST

START_TEST(status_rule)
{
    /* allowed[from - 1][to - 1] */
    static const int allowed[5][5] = {
        /* planned  in_progress  on_hold  completed  cancelled */
        {1, 1, 0, 0, 1}, /* planned */
        {0, 1, 1, 1, 1}, /* in_progress */
        {0, 1, 1, 0, 1}, /* on_hold */
        {0, 0, 0, 1, 0}, /* completed */
        {0, 0, 0, 0, 1}, /* cancelled */
    };

    for (int from = 1; from <= 5; from++) {
        for (int to = 1; to <= 5; to++)
            ck_assert_msg(!ip_measure_status_change_allowed((ip_measure_status)from,
                                                            (ip_measure_status)to) ==
                              !allowed[from - 1][to - 1],
                          "from %d to %d", from, to);
    }
    ck_assert_int_eq(ip_measure_status_change_allowed((ip_measure_status)0,
                                                      IP_MEASURE_PLANNED), 0);
    ck_assert_int_eq(ip_measure_status_change_allowed(IP_MEASURE_PLANNED,
                                                      (ip_measure_status)6), 0);
}
END_TEST

static int set_status(const world *w, ip_session *s, const char *id, int64_t *revision,
                      ip_measure_status status)
{
    ip_measure_fields f = measure_fields(w, w->home_unit);
    int64_t next = 0;
    int rc;

    f.status = status;
    rc = ip_measure_update(&next, s, id, *revision, &f);
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
    ip_measure *m = NULL;

    world_open(&w);
    make_measure(&w, w.home_unit, a);
    th_expect(IP_ESTATE, set_status(&w, w.coord, a, &ra, IP_MEASURE_COMPLETED));
    th_field("measure.status");
    th_expect(IP_ESTATE, set_status(&w, w.coord, a, &ra, IP_MEASURE_ON_HOLD));
    th_ok(set_status(&w, w.coord, a, &ra, IP_MEASURE_IN_PROGRESS));
    th_expect(IP_ESTATE, set_status(&w, w.coord, a, &ra, IP_MEASURE_PLANNED));
    th_ok(set_status(&w, w.coord, a, &ra, IP_MEASURE_ON_HOLD));
    th_expect(IP_ESTATE, set_status(&w, w.coord, a, &ra, IP_MEASURE_COMPLETED));
    th_ok(set_status(&w, w.coord, a, &ra, IP_MEASURE_IN_PROGRESS));
    th_ok(set_status(&w, w.coord, a, &ra, IP_MEASURE_IN_PROGRESS));
    th_ok(set_status(&w, w.coord, a, &ra, IP_MEASURE_COMPLETED));
    th_expect(IP_ESTATE, set_status(&w, w.coord, a, &ra, IP_MEASURE_IN_PROGRESS));
    th_field("measure.status");
    th_expect(IP_ESTATE, set_status(&w, w.coord, a, &ra, IP_MEASURE_CANCELLED));
    th_ok(ip_measure_get(&m, w.coord, a));
    ck_assert_int_eq(ip_measure_status_of(m), IP_MEASURE_COMPLETED);
    ck_assert_int_eq(ip_measure_revision(m), 6);
    ip_measure_free(m);

    make_measure(&w, w.home_unit, b);
    th_ok(set_status(&w, w.coord, b, &rb, IP_MEASURE_CANCELLED));
    th_expect(IP_ESTATE, set_status(&w, w.coord, b, &rb, IP_MEASURE_PLANNED));
    th_expect(IP_ESTATE, set_status(&w, w.coord, b, &rb, IP_MEASURE_IN_PROGRESS));
    ck_assert_int_eq(rb, 2);
    world_close(&w);
}
END_TEST

START_TEST(update_replaces_fields_and_keeps_links)
{
    world w;
    char id[40], goal[40];
    ip_measure_fields f;
    ip_measure *m = NULL;
    int64_t revision = 0;

    world_open(&w);
    make_measure(&w, w.home_unit, id);
    make_goal(&w, w.plan_id, w.part_person, goal);
    th_ok(ip_measure_link_goal(w.coord, id, goal));
    f = measure_fields(&w, w.home_unit);
    f.what = "Støttekontakt";
    f.extent = "3 timer per uke";
    f.start_on = "2026-04-01";
    f.decision_ref = "V-7";
    th_now_ms += 60000;
    th_ok(ip_measure_update(&revision, w.coord, id, 1, &f));
    ck_assert_int_eq(revision, 2);
    th_ok(ip_measure_get(&m, w.coord, id));
    ck_assert_str_eq(ip_measure_what(m), "Støttekontakt");
    ck_assert_str_eq(ip_measure_extent(m), "3 timer per uke");
    ck_assert_str_eq(ip_measure_start_on(m), "2026-04-01");
    ck_assert_ptr_null(ip_measure_end_on(m));
    ck_assert_str_eq(ip_measure_decision_ref(m), "V-7");
    ck_assert_str_eq(ip_measure_person_id(m), w.person_id);
    ck_assert_str_eq(ip_measure_updated_at(m), "2026-03-02T10:01:00.000Z");
    ck_assert_uint_eq(ip_measure_goal_count(m), 1);
    ck_assert_str_eq(ip_measure_goal_id(m, 0), goal);
    ip_measure_free(m);
    world_close(&w);
}
END_TEST

START_TEST(goal_links)
{
    world w;
    char id[40], g1[40], g2[40], foreign[40], person2[40], plan2[40], part2[40];
    ip_measure *m = NULL;
    ip_measure_iterator *it = NULL;

    world_open(&w);
    make_measure(&w, w.home_unit, id);
    make_goal(&w, w.plan_id, w.part_person, g1);
    make_goal(&w, w.plan_id, w.part_person, g2);
    th_plan_for(w.cu, "1985-05-05", person2, plan2, part2);
    th_participant(w.cu, plan2, IP_PARTICIPANT_COORDINATOR, NULL, w.coord_prac, NULL, NULL);
    make_goal(&w, plan2, part2, foreign);

    /* Many-to-many: linked in any order, read back in goal order. */
    th_ok(ip_measure_link_goal(w.coord, id, g2));
    th_ok(ip_measure_link_goal(w.coord, id, g1));
    ck_assert_int_eq(link_rows(), 2);
    th_ok(ip_measure_get(&m, w.coord, id));
    ck_assert_uint_eq(ip_measure_goal_count(m), 2);
    ck_assert_str_eq(ip_measure_goal_id(m, 0), g1);
    ck_assert_str_eq(ip_measure_goal_id(m, 1), g2);
    ck_assert_ptr_null(ip_measure_goal_id(m, 2));
    /* Links are not fields: the revision stays. */
    ck_assert_int_eq(ip_measure_revision(m), 1);
    ip_measure_free(m);

    /* Twice → exists; another plan's goal → invalid; unknown → not found. */
    th_expect(IP_EEXISTS, ip_measure_link_goal(w.coord, id, g1));
    th_field("goal_id");
    th_expect(IP_EINVALID, ip_measure_link_goal(w.coord, id, foreign));
    th_field("goal_id");
    th_expect(IP_ENOTFOUND, ip_measure_link_goal(w.coord, id, NO_SUCH_ID));
    th_field("goal_id");
    th_expect(IP_ENOTFOUND, ip_measure_link_goal(w.coord, NO_SUCH_ID, g1));
    th_field("measure.id");
    th_expect(IP_EINVALID, ip_measure_link_goal(w.coord, id, "x"));
    th_field("goal_id");
    th_expect(IP_EINVALID, ip_measure_link_goal(w.coord, "x", g1));
    th_field("measure.id");
    th_expect(IP_EINVALID, ip_measure_link_goal(NULL, id, g1));
    ck_assert_int_eq(link_rows(), 2);

    /* Unlinking. */
    th_ok(ip_measure_unlink_goal(w.coord, id, g2));
    th_expect(IP_ENOTFOUND, ip_measure_unlink_goal(w.coord, id, g2));
    th_field("goal_id");
    th_expect(IP_ENOTFOUND, ip_measure_unlink_goal(w.coord, id, foreign));
    th_expect(IP_ENOTFOUND, ip_measure_unlink_goal(w.coord, NO_SUCH_ID, g1));
    th_field("measure.id");
    ck_assert_int_eq(link_rows(), 1);

    /* Listed measures come with their goals. */
    th_ok(ip_measure_iterator_new(&it, w.coord, w.plan_id));
    th_ok(ip_measure_next(&m, it));
    ck_assert_uint_eq(ip_measure_goal_count(m), 1);
    ck_assert_str_eq(ip_measure_goal_id(m, 0), g1);
    ip_measure_free(m);
    th_expect(IP_ITEROVER, ip_measure_next(&m, it));
    ip_measure_iterator_free(it);

    /* Each link and unlink is an audited update of the measure. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE object_kind = 'measure'"
                              " AND action = 'update' AND outcome = 'allowed'"),
                     3);
    world_close(&w);
}
END_TEST

START_TEST(providers_and_their_measures)
{
    world w;
    char mine[40], theirs[40], goal[40], outsider_unit[40];
    ip_measure_fields f;
    ip_measure *m = NULL;
    ip_session *outsider;
    int64_t revision = 0;

    world_open(&w);
    make_measure(&w, w.home_unit, mine);
    make_measure(&w, w.school_unit, theirs);
    make_goal(&w, w.plan_id, w.part_person, goal);

    /* Home care updates the measure it is responsible for... */
    f = measure_fields(&w, w.home_unit);
    f.status = IP_MEASURE_IN_PROGRESS;
    f.responsible_practitioner_id = w.home_prac;
    th_ok(ip_measure_update(&revision, w.home, mine, 1, &f));
    ck_assert_int_eq(revision, 2);
    th_ok(ip_measure_link_goal(w.home, mine, goal));
    th_ok(ip_measure_unlink_goal(w.home, mine, goal));
    /* ...but not the school's. */
    f = measure_fields(&w, w.school_unit);
    f.status = IP_MEASURE_IN_PROGRESS;
    th_expect(IP_EDENIED, ip_measure_update(NULL, w.home, theirs, 1, &f));
    th_expect(IP_EDENIED, ip_measure_link_goal(w.home, theirs, goal));
    /* Nor hand its own to the school. */
    f = measure_fields(&w, w.school_unit);
    f.status = IP_MEASURE_IN_PROGRESS;
    th_expect(IP_EDENIED, ip_measure_update(NULL, w.home, mine, 2, &f));
    th_ok(ip_measure_get(&m, w.coord, mine));
    ck_assert_str_eq(ip_measure_responsible_unit_id(m), w.home_unit);
    ck_assert_int_eq(ip_measure_revision(m), 2);
    ip_measure_free(m);
    /* Providers do not add measures. */
    f = measure_fields(&w, w.home_unit);
    th_expect(IP_EDENIED, ip_measure_create(NULL, w.home, &f));
    /* The school updates its own. */
    f = measure_fields(&w, w.school_unit);
    f.status = IP_MEASURE_CANCELLED;
    th_ok(ip_measure_update(NULL, w.school, theirs, 1, &f));

    /* A unit that does not take part in the plan reaches nothing. */
    th_copy_id(outsider_unit, th_unit(w.store, "NAV", IP_SECTOR_NAV, 0));
    outsider = th_session(w.store, IP_ROLE_PROVIDER, "nav-worker", outsider_unit);
    f = measure_fields(&w, w.home_unit);
    th_expect(IP_EDENIED, ip_measure_update(NULL, outsider, mine, 2, &f));
    th_expect(IP_EDENIED, ip_measure_get(&m, outsider, mine));
    ck_assert_ptr_null(m);

    /* The coordinator may hand a measure to another unit. */
    f = measure_fields(&w, w.school_unit);
    f.status = IP_MEASURE_IN_PROGRESS;
    th_ok(ip_measure_update(NULL, w.coord, mine, 2, &f));

    /* The person, the coordinating unit: read only. */
    th_expect(IP_EDENIED, ip_measure_update(NULL, w.person, mine, 3, &f));
    th_expect(IP_EDENIED, ip_measure_update(NULL, w.cu, mine, 3, &f));
    th_expect(IP_EDENIED, ip_measure_create(NULL, w.person, &f));
    th_expect(IP_EDENIED, ip_measure_create(NULL, w.cu, &f));
    th_expect(IP_EDENIED, ip_measure_link_goal(w.person, mine, goal));
    ck_assert_int_eq(measure_rows(), 2);
    ck_assert_int_eq(link_rows(), 0);
    /* Every denial is audited, with the rule that decided it: home care's
     * four changes to what is not its own. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE object_kind = 'measure'"
                              " AND outcome = 'denied'"),
                     11);
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE object_kind = 'measure'"
                              " AND outcome = 'denied' AND rule = 'provider.responsible_unit'"
                              " AND actor_id = 'home-worker'"),
                     4);
    ip_session_free(outsider);
    world_close(&w);
}
END_TEST

/* A sharing consent with measures among its sections, for unit; its id
 * into out. */
static void share_measures(world *w, const char *unit, unsigned int sections, char out[40])
{
    ip_consent_fields f = IP_CONSENT_FIELDS_INIT;
    const char *giver = w->person_id;
    ip_consent *c = NULL;

    f.person_id = w->person_id;
    f.kind = IP_CONSENT_SHARING;
    f.form = IP_CONSENT_WRITTEN;
    f.given_by_ids = &giver;
    f.given_by_count = 1;
    f.recipient_unit_ids = &unit;
    f.recipient_unit_count = 1;
    f.sections = sections;
    f.purpose = "Samarbeid om tiltakene";
    f.valid_from = "2026-01-01";
    th_ok(ip_consent_create(&c, w->cu, &f));
    th_copy_id(out, ip_consent_id(c));
    ip_consent_free(c);
}

/* A provider reads measures, its own included, only under a sharing
 * consent that gives its unit the measures; the consent changes nothing
 * about which measures it may change. */
START_TEST(providers_read_under_sharing_consent)
{
    world w;
    char mine[40], theirs[40], goals_only[40], consent[40];
    ip_withdrawal_fields wd = IP_WITHDRAWAL_FIELDS_INIT;
    ip_measure_iterator *it = NULL;
    ip_measure_fields f;
    ip_measure *m = NULL;

    world_open(&w);
    make_measure(&w, w.home_unit, mine);
    make_measure(&w, w.school_unit, theirs);
    /* No consent: not even its own measure. */
    th_expect(IP_EDENIED, ip_measure_get(&m, w.home, mine));
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "provider.sharing_consent"));
    ck_assert_ptr_null(m);
    th_expect(IP_EDENIED, ip_measure_iterator_new(&it, w.home, w.plan_id));
    ck_assert_ptr_null(it);
    /* A consent to goals alone does not open the measures. */
    share_measures(&w, w.home_unit, IP_SECTION_GOALS, goals_only);
    th_expect(IP_EDENIED, ip_measure_get(&m, w.home, theirs));
    /* With the measures shared, home care reads every measure of the plan. */
    share_measures(&w, w.home_unit, IP_SECTION_MEASURES | IP_SECTION_GOALS, consent);
    th_ok(ip_measure_get(&m, w.home, theirs));
    ck_assert_str_eq(ip_measure_responsible_unit_id(m), w.school_unit);
    ip_measure_free(m);
    th_ok(ip_measure_iterator_new(&it, w.home, w.plan_id));
    th_ok(ip_measure_next(&m, it));
    ip_measure_free(m);
    th_ok(ip_measure_next(&m, it));
    ip_measure_free(m);
    th_expect(IP_ITEROVER, ip_measure_next(&m, it));
    ip_measure_iterator_free(it);
    /* ...but still changes only its own. */
    f = measure_fields(&w, w.school_unit);
    th_expect(IP_EDENIED, ip_measure_update(NULL, w.home, theirs, 1, &f));
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "provider.responsible_unit"));
    /* The school has no consent: it reads nothing, not even its own. */
    th_expect(IP_EDENIED, ip_measure_get(&m, w.school, theirs));
    /* Withdrawn for home care, the consent opens nothing at once. */
    wd.recipient_id = w.home_unit;
    wd.withdrawn_by_id = w.person_id;
    wd.form = IP_CONSENT_WRITTEN;
    th_ok(ip_consent_withdraw(NULL, w.cu, consent, 1, &wd));
    th_expect(IP_EDENIED, ip_measure_get(&m, w.home, mine));
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE object_kind = 'measure'"
                              " AND outcome = 'denied' AND rule = 'provider.sharing_consent'"),
                     5);
    /* Allowed: the read of one measure, and the listing with an event for
     * each of the two measures it handed out. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE object_kind = 'measure'"
                              " AND outcome = 'allowed' AND rule = 'provider.sharing_consent'"),
                     4);
    world_close(&w);
}
END_TEST

START_TEST(stale_revision)
{
    world w;
    char id[40];
    ip_measure_fields f;
    ip_measure *m = NULL;

    world_open(&w);
    make_measure(&w, w.home_unit, id);
    f = measure_fields(&w, w.home_unit);
    f.what = "Første";
    th_ok(ip_measure_update(NULL, w.coord, id, 1, &f));
    f.what = "Fra en gammel lesning";
    th_expect(IP_ECONFLICT, ip_measure_update(NULL, w.home, id, 1, &f));
    th_field("measure.revision");
    th_ok(ip_measure_get(&m, w.coord, id));
    ck_assert_str_eq(ip_measure_what(m), "Første");
    ck_assert_int_eq(ip_measure_revision(m), 2);
    ip_measure_free(m);
    th_expect(IP_ENOTFOUND, ip_measure_update(NULL, w.coord, NO_SUCH_ID, 1, &f));
    th_field("measure.id");
    world_close(&w);
}
END_TEST

START_TEST(plan_cannot_change)
{
    world w;
    char id[40], person2[40], plan2[40], part2[40];
    ip_measure_fields f;

    world_open(&w);
    make_measure(&w, w.home_unit, id);
    th_plan_for(w.cu, "1985-05-05", person2, plan2, part2);
    f = measure_fields(&w, w.home_unit);
    f.plan_id = plan2;
    th_expect(IP_EINVALID, ip_measure_update(NULL, w.coord, id, 1, &f));
    th_field("measure.plan_id");
    ck_assert_int_eq(th_count("SELECT count(*) FROM measure WHERE revision = 1"), 1);
    world_close(&w);
}
END_TEST

START_TEST(ended_plan)
{
    world w;
    char id[40], goal[40], linked[40];
    ip_measure_fields f;
    ip_plan *plan = NULL;

    world_open(&w);
    make_measure(&w, w.home_unit, id);
    make_goal(&w, w.plan_id, w.part_person, goal);
    make_goal(&w, w.plan_id, w.part_person, linked);
    th_ok(ip_measure_link_goal(w.coord, id, linked));
    th_ok(ip_plan_get(&plan, w.cu, w.plan_id));
    th_ok(ip_plan_end(NULL, w.cu, w.plan_id, ip_plan_revision(plan),
                      IP_PLAN_END_NEED_ENDED, NULL, NULL));
    ip_plan_free(plan);

    f = measure_fields(&w, w.home_unit);
    th_expect(IP_ESTATE, ip_measure_create(NULL, w.coord, &f));
    f.status = IP_MEASURE_IN_PROGRESS;
    th_expect(IP_ESTATE, ip_measure_update(NULL, w.coord, id, 1, &f));
    th_expect(IP_ESTATE, ip_measure_update(NULL, w.home, id, 1, &f));
    th_expect(IP_ESTATE, ip_measure_link_goal(w.coord, id, goal));
    th_expect(IP_ESTATE, ip_measure_unlink_goal(w.coord, id, linked));
    ck_assert_int_eq(measure_rows(), 1);
    ck_assert_int_eq(link_rows(), 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM measure WHERE revision = 1"
                              " AND status = 1"),
                     1);
    world_close(&w);
}
END_TEST

START_TEST(bad_fields)
{
    world w;
    ip_measure_fields f;
    ip_measure *m = NULL;
    char long_text[1002];
    char id[40];

    world_open(&w);
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, NULL));
    f = measure_fields(&w, w.home_unit);
    f.version = 0;
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.version");
    f = measure_fields(&w, w.home_unit);
    f.plan_id = "";
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.plan_id");
    f = measure_fields(&w, w.home_unit);
    f.what = NULL;
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.what");
    f.what = long_text;
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.what");
    f = measure_fields(&w, w.home_unit);
    f.extent = long_text;
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.extent");
    f = measure_fields(&w, w.home_unit);
    f.how = "bad \x01 control";
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.how");
    f = measure_fields(&w, w.home_unit);
    f.start_on = "2026-13-01";
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.start_on");
    f = measure_fields(&w, w.home_unit);
    f.end_on = "31.12.2026";
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.end_on");
    /* The end is not before the start; the same day is fine. */
    f = measure_fields(&w, w.home_unit);
    f.start_on = "2026-05-01";
    f.end_on = "2026-04-30";
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.end_on");
    f = measure_fields(&w, w.home_unit);
    f.frequency = long_text;
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.frequency");
    f = measure_fields(&w, NULL);
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.responsible_unit_id");
    f = measure_fields(&w, w.home_unit);
    f.responsible_practitioner_id = "Ola Nordmann";
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.responsible_practitioner_id");
    th_not_echoed("Ola Nordmann");
    f = measure_fields(&w, w.home_unit);
    f.status = (ip_measure_status)6;
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.status");
    f = measure_fields(&w, w.home_unit);
    f.decision_ref = long_text;
    th_expect(IP_EINVALID, ip_measure_create(&m, w.coord, &f));
    th_field("measure.decision_ref");
    f = measure_fields(&w, w.home_unit);
    f.plan_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_measure_create(&m, w.coord, &f));
    th_field("measure.plan_id");
    ck_assert_ptr_null(m);
    ck_assert_int_eq(measure_rows(), 0);

    f = measure_fields(&w, w.home_unit);
    f.start_on = f.end_on = "2026-05-01";
    th_ok(ip_measure_create(&m, w.coord, &f));
    th_copy_id(id, ip_measure_id(m));
    ip_measure_free(m);
    f.what = NULL;
    th_expect(IP_EINVALID, ip_measure_update(NULL, w.coord, id, 1, &f));
    th_field("measure.what");
    th_expect(IP_EINVALID, ip_measure_update(NULL, w.coord, "x", 1, &f));
    th_field("measure.id");
    th_expect(IP_EINVALID, ip_measure_update(NULL, w.coord, id, 1, NULL));
    th_expect(IP_EINVALID, ip_measure_get(&m, w.coord, "x"));
    th_field("measure.id");
    th_expect(IP_EINVALID, ip_measure_iterator_new(NULL, w.coord, w.plan_id));
    world_close(&w);
}
END_TEST

START_TEST(refused_input_leaves_store_unchanged)
{
    world w, saved;
    char id[40], goal[40], foreign[40], person2[40], plan2[40], part2[40];
    ip_session *coord, *home;
    ip_measure_fields f;
    th_snapshot *snap;

    world_open(&w);
    make_measure(&w, w.home_unit, id);
    make_goal(&w, w.plan_id, w.part_person, goal);
    th_ok(ip_measure_link_goal(w.coord, id, goal));
    th_plan_for(w.cu, "1985-05-05", person2, plan2, part2);
    th_participant(w.cu, plan2, IP_PARTICIPANT_COORDINATOR, NULL, w.coord_prac, NULL, NULL);
    make_goal(&w, plan2, part2, foreign);
    saved = w;
    world_close(&w);
    snap = th_snapshot_take(th_path("store.db"));

    w.store = th_store();
    coord = th_session(w.store, IP_ROLE_COORDINATOR, saved.coord_prac, saved.home_unit);
    home = th_session(w.store, IP_ROLE_PROVIDER, "home-worker", saved.home_unit);
    /* Refused before the store is touched. */
    f = measure_fields(&saved, saved.home_unit);
    f.end_on = "2020-01-01";
    f.start_on = "2021-01-01";
    th_expect(IP_EINVALID, ip_measure_create(NULL, coord, &f));
    /* Refused inside the call, which is rolled back. */
    f = measure_fields(&saved, saved.home_unit);
    f.responsible_practitioner_id = saved.school_prac;
    th_expect(IP_EINVALID, ip_measure_create(NULL, coord, &f));
    th_expect(IP_EINVALID, ip_measure_update(NULL, coord, id, 1, &f));
    f = measure_fields(&saved, saved.home_unit);
    f.status = IP_MEASURE_COMPLETED;
    th_expect(IP_ESTATE, ip_measure_update(NULL, coord, id, 1, &f));
    th_expect(IP_ECONFLICT, ip_measure_update(NULL, coord, id, 3, &f));
    f.plan_id = plan2;
    th_expect(IP_EINVALID, ip_measure_update(NULL, coord, id, 1, &f));
    th_expect(IP_EEXISTS, ip_measure_link_goal(coord, id, goal));
    th_expect(IP_EINVALID, ip_measure_link_goal(coord, id, foreign));
    th_expect(IP_ENOTFOUND, ip_measure_unlink_goal(coord, id, foreign));
    th_expect(IP_ENOTFOUND, ip_measure_link_goal(home, NO_SUCH_ID, goal));
    ip_session_free(coord);
    ip_session_free(home);
    th_close(w.store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

START_TEST(names)
{
    static const char *statuses[] = {"planned", "in_progress", "on_hold", "completed",
                                     "cancelled"};
    ip_measure_status status;
    ip_measure_fields f;

    for (int i = 0; i < 5; i++) {
        ck_assert_str_eq(ip_measure_status_name((ip_measure_status)(i + 1)), statuses[i]);
        th_ok(ip_measure_status_from_name(&status, statuses[i]));
        ck_assert_int_eq(status, i + 1);
    }
    ck_assert_ptr_null(ip_measure_status_name((ip_measure_status)0));
    ck_assert_ptr_null(ip_measure_status_name((ip_measure_status)6));
    th_expect(IP_EINVALID, ip_measure_status_from_name(&status, "started"));
    th_expect(IP_EINVALID, ip_measure_status_from_name(NULL, "planned"));

    memset(&f, 0xff, sizeof f);
    th_ok(ip_measure_fields_init(&f, IP_MEASURE_FIELDS_VERSION));
    ck_assert_int_eq(f.version, IP_MEASURE_FIELDS_VERSION);
    ck_assert_ptr_null(f.what);
    ck_assert_ptr_null(f.decision_ref);
    ck_assert_int_eq(f.status, 0);
    th_expect(IP_EINVALID, ip_measure_fields_init(&f, 2));

    ck_assert_ptr_null(ip_measure_id(NULL));
    ck_assert_uint_eq(ip_measure_goal_count(NULL), 0);
    ck_assert_ptr_null(ip_measure_goal_id(NULL, 0));
    ip_measure_free(NULL);
    ip_measure_iterator_free(NULL);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("measure");
    TCase *tc = tcase_create("measure");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, responsible_unit_and_practitioner);
    tcase_add_test(tc, status_rule);
    tcase_add_test(tc, status_changes_through_update);
    tcase_add_test(tc, update_replaces_fields_and_keeps_links);
    tcase_add_test(tc, goal_links);
    tcase_add_test(tc, providers_and_their_measures);
    tcase_add_test(tc, providers_read_under_sharing_consent);
    tcase_add_test(tc, stale_revision);
    tcase_add_test(tc, plan_cannot_change);
    tcase_add_test(tc, ended_plan);
    tcase_add_test(tc, bad_fields);
    tcase_add_test(tc, refused_input_leaves_store_unchanged);
    tcase_add_test(tc, names);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
