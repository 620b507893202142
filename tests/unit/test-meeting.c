/*
 * Meetings of the responsibility group: dates and minutes, attendees,
 * agreed actions and their becoming measures, the ended plan, conflicts,
 * who may, bad input and what it leaves in the store.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"

/* A plan with a coordinator, as the coordinating unit opens it. */
typedef struct {
    ip_store *store;
    ip_session *cu;          /* the harness's; freed with the store */
    ip_session *coordinator; /* the plan's coordinator */
    ip_person *person;
    ip_plan *plan;
    char unit_id[40];        /* the coordinator's unit */
    char practitioner_id[40];
    char coordinator_pid[40]; /* participant: the coordinator */
    char person_pid[40];      /* participant: the person */
} world;

static void participant_add(ip_session *s, const char *plan_id,
                            ip_participant_role role, const char *person_id,
                            const char *practitioner_id, char out[40])
{
    ip_participant_fields f = IP_PARTICIPANT_FIELDS_INIT;
    ip_participant *p = NULL;

    f.plan_id = plan_id;
    f.role = role;
    f.person_id = person_id;
    f.practitioner_id = practitioner_id;
    f.responsibility_group = 1;
    f.valid_from = "2026-01-01";
    th_ok(ip_participant_create(&p, s, &f));
    snprintf(out, 40, "%s", ip_participant_id(p));
    ip_participant_free(p);
}

static void world_open(world *w)
{
    memset(w, 0, sizeof *w);
    w->store = th_store();
    w->cu = th_cu_session(w->store);
    snprintf(w->unit_id, sizeof w->unit_id, "%s",
             th_unit(w->store, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    th_practitioner(w->store, w->unit_id, "Tone", "Hansen", w->practitioner_id);
    w->person = th_person(w->cu, "1980-04-04", "Kari");
    th_ok(ip_plan_create_direct(&w->plan, w->cu, ip_person_id(w->person), NULL));
    participant_add(w->cu, ip_plan_id(w->plan), IP_PARTICIPANT_COORDINATOR, NULL,
                    w->practitioner_id, w->coordinator_pid);
    participant_add(w->cu, ip_plan_id(w->plan), IP_PARTICIPANT_PERSON,
                    ip_person_id(w->person), NULL, w->person_pid);
    w->coordinator = th_session(w->store, IP_ROLE_COORDINATOR, w->practitioner_id,
                                w->unit_id);
}

static void world_close(world *w)
{
    ip_session_free(w->coordinator);
    ip_plan_free(w->plan);
    ip_person_free(w->person);
    th_close(w->store);
}

/* A second person's plan in the same store, with the person as a
 * participant (participant_id) and the same coordinator. */
static ip_plan *other_plan(world *w, char participant_id[40])
{
    ip_person *p = th_person(w->cu, "1990-09-09", "Per");
    ip_plan *plan = NULL;
    char coordinator_pid[40];

    th_ok(ip_plan_create_direct(&plan, w->cu, ip_person_id(p), NULL));
    participant_add(w->cu, ip_plan_id(plan), IP_PARTICIPANT_PERSON, ip_person_id(p),
                    NULL, participant_id);
    participant_add(w->cu, ip_plan_id(plan), IP_PARTICIPANT_COORDINATOR, NULL,
                    w->practitioner_id, coordinator_pid);
    ip_person_free(p);
    return plan;
}

static ip_meeting_fields meeting_fields(const world *w, const char *planned_on)
{
    ip_meeting_fields f = IP_MEETING_FIELDS_INIT;

    f.plan_id = ip_plan_id(w->plan);
    f.planned_on = planned_on;
    return f;
}

static ip_meeting *meeting_make(world *w, const char *planned_on)
{
    ip_meeting_fields f = meeting_fields(w, planned_on);
    ip_meeting *m = NULL;

    th_ok(ip_meeting_create(&m, w->coordinator, &f));
    return m;
}

static ip_meeting_action *action_make(world *w, const ip_meeting *m, const char *who,
                                      const char *what)
{
    ip_meeting_action_fields f = IP_MEETING_ACTION_FIELDS_INIT;
    ip_meeting_action *a = NULL;

    f.meeting_id = ip_meeting_id(m);
    f.who_id = who;
    f.what = what;
    f.due_on = "2026-04-01";
    th_ok(ip_meeting_action_create(&a, w->coordinator, &f));
    return a;
}

static ip_measure_fields measure_fields(const world *w, const char *what)
{
    ip_measure_fields f = IP_MEASURE_FIELDS_INIT;

    f.plan_id = ip_plan_id(w->plan);
    f.what = what;
    f.responsible_unit_id = w->unit_id;
    return f;
}

static ip_meeting *meeting_read(ip_session *s, const char *id)
{
    ip_meeting *m = NULL;

    th_ok(ip_meeting_get(&m, s, id));
    return m;
}

/* Collects a plan's meetings; returns how many, up to max. */
static int list_meetings(ip_session *s, const char *plan_id, ip_meeting **out, int max)
{
    ip_meeting_iterator *it = NULL;
    ip_meeting *m = NULL;
    int n = 0, rc;

    th_ok(ip_meeting_iterator_new(&it, s, plan_id));
    while ((rc = ip_meeting_next(&m, it)) == IP_OK) {
        ck_assert_int_lt(n, max);
        out[n++] = m;
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ck_assert_ptr_null(m);
    th_expect(IP_ITEROVER, ip_meeting_next(&m, it));
    ip_meeting_iterator_free(it);
    return n;
}

static void plan_end(world *w)
{
    ip_plan *now = NULL;

    th_ok(ip_plan_get(&now, w->cu, ip_plan_id(w->plan)));
    th_ok(ip_plan_end(NULL, w->cu, ip_plan_id(w->plan), ip_plan_revision(now),
                      IP_PLAN_END_NEED_ENDED, NULL, NULL));
    ip_plan_free(now);
}

START_TEST(round_trip)
{
    world w;
    ip_meeting_fields f;
    ip_meeting *m = NULL, *read;
    int64_t revision = 0;

    world_open(&w);
    f = meeting_fields(&w, "2026-03-10");
    f.minutes = "Planlagt: gjennomgang av mål.";
    th_ok(ip_meeting_create(&m, w.coordinator, &f));
    ck_assert_int_eq(strlen(ip_meeting_id(m)), 36);
    ck_assert_int_eq(ip_meeting_revision(m), 1);
    ck_assert_str_eq(ip_meeting_plan_id(m), ip_plan_id(w.plan));
    ck_assert_str_eq(ip_meeting_planned_on(m), "2026-03-10");
    ck_assert_ptr_null(ip_meeting_held_on(m));
    ck_assert_str_eq(ip_meeting_minutes(m), "Planlagt: gjennomgang av mål.");
    ck_assert_ptr_null(ip_meeting_next_meeting_on(m));
    ck_assert_str_eq(ip_meeting_created_at(m), "2026-03-02T10:00:00.000Z");
    ck_assert_str_eq(ip_meeting_updated_at(m), "2026-03-02T10:00:00.000Z");
    ck_assert_uint_eq(ip_meeting_attendee_count(m), 0);
    ck_assert_uint_eq(ip_meeting_action_count(m), 0);

    read = meeting_read(w.coordinator, ip_meeting_id(m));
    ck_assert_str_eq(ip_meeting_id(read), ip_meeting_id(m));
    ck_assert_str_eq(ip_meeting_planned_on(read), "2026-03-10");
    ck_assert_str_eq(ip_meeting_minutes(read), "Planlagt: gjennomgang av mål.");
    ck_assert_ptr_null(ip_meeting_held_on(read));
    ip_meeting_free(read);

    /* Held earlier than planned, with minutes and the next meeting. */
    th_now_ms += 60000;
    f = meeting_fields(&w, "2026-03-10");
    f.held_on = "2026-03-02";
    f.minutes = "Referat: alle mål gjennomgått.";
    f.next_meeting_on = "2026-06-15";
    th_ok(ip_meeting_update(&revision, w.coordinator, ip_meeting_id(m), 1, &f));
    ck_assert_int_eq(revision, 2);
    read = meeting_read(w.coordinator, ip_meeting_id(m));
    ck_assert_int_eq(ip_meeting_revision(read), 2);
    ck_assert_str_eq(ip_meeting_plan_id(read), ip_plan_id(w.plan));
    ck_assert_str_eq(ip_meeting_planned_on(read), "2026-03-10");
    ck_assert_str_eq(ip_meeting_held_on(read), "2026-03-02");
    ck_assert_str_eq(ip_meeting_minutes(read), "Referat: alle mål gjennomgått.");
    ck_assert_str_eq(ip_meeting_next_meeting_on(read), "2026-06-15");
    ck_assert_str_eq(ip_meeting_created_at(read), "2026-03-02T10:00:00.000Z");
    ck_assert_str_eq(ip_meeting_updated_at(read), "2026-03-02T10:01:00.000Z");
    ip_meeting_free(read);

    /* Replacing clears what the new fields leave out. */
    f = meeting_fields(&w, "2026-03-11");
    th_ok(ip_meeting_update(&revision, w.coordinator, ip_meeting_id(m), 2, &f));
    ck_assert_int_eq(revision, 3);
    read = meeting_read(w.coordinator, ip_meeting_id(m));
    ck_assert_str_eq(ip_meeting_planned_on(read), "2026-03-11");
    ck_assert_ptr_null(ip_meeting_held_on(read));
    ck_assert_ptr_null(ip_meeting_minutes(read));
    ck_assert_ptr_null(ip_meeting_next_meeting_on(read));
    ip_meeting_free(read);

    ip_meeting_free(m);
    world_close(&w);
}
END_TEST

START_TEST(list_in_planned_order)
{
    world w;
    ip_meeting *a, *b, *c, *listed[4];
    ip_meeting_action *x, *y, *z;
    ip_plan *other;
    char other_pid[40];
    int n;

    world_open(&w);
    /* No meetings yet: the list is empty. */
    ck_assert_int_eq(list_meetings(w.coordinator, ip_plan_id(w.plan), listed, 4), 0);

    a = meeting_make(&w, "2026-09-01");
    b = meeting_make(&w, "2026-03-15");
    c = meeting_make(&w, "2026-06-01");
    /* Attendees and actions spread over the meetings, and another plan's
     * meeting that must not show up. */
    th_ok(ip_meeting_add_attendee(w.coordinator, ip_meeting_id(a), w.person_pid));
    th_ok(ip_meeting_add_attendee(w.coordinator, ip_meeting_id(b), w.coordinator_pid));
    th_ok(ip_meeting_add_attendee(w.coordinator, ip_meeting_id(b), w.person_pid));
    x = action_make(&w, b, w.person_pid, "Søke om støttekontakt");
    y = action_make(&w, a, w.coordinator_pid, "Kalle inn til neste møte");
    z = action_make(&w, b, w.coordinator_pid, "Kontakte NAV");
    other = other_plan(&w, other_pid);
    {
        ip_meeting_fields f = meeting_fields(&w, "2026-01-01");
        ip_meeting *elsewhere = NULL;
        ip_meeting_action *act;
        f.plan_id = ip_plan_id(other);
        th_ok(ip_meeting_create(&elsewhere, w.coordinator, &f));
        th_ok(ip_meeting_add_attendee(w.coordinator, ip_meeting_id(elsewhere), other_pid));
        act = action_make(&w, elsewhere, other_pid, "Annen plan");
        ip_meeting_action_free(act);
        ip_meeting_free(elsewhere);
    }

    n = list_meetings(w.coordinator, ip_plan_id(w.plan), listed, 4);
    ck_assert_int_eq(n, 3);
    ck_assert_str_eq(ip_meeting_id(listed[0]), ip_meeting_id(b));
    ck_assert_str_eq(ip_meeting_id(listed[1]), ip_meeting_id(c));
    ck_assert_str_eq(ip_meeting_id(listed[2]), ip_meeting_id(a));
    /* b: both attendees (in participant order) and two actions in creation
     * order. */
    ck_assert_uint_eq(ip_meeting_attendee_count(listed[0]), 2);
    ck_assert_str_eq(ip_meeting_attendee_id(listed[0], 0), w.coordinator_pid);
    ck_assert_str_eq(ip_meeting_attendee_id(listed[0], 1), w.person_pid);
    ck_assert_uint_eq(ip_meeting_action_count(listed[0]), 2);
    ck_assert_str_eq(ip_meeting_action_id(ip_meeting_action_at(listed[0], 0)),
                     ip_meeting_action_id(x));
    ck_assert_str_eq(ip_meeting_action_id(ip_meeting_action_at(listed[0], 1)),
                     ip_meeting_action_id(z));
    /* c: nothing. */
    ck_assert_uint_eq(ip_meeting_attendee_count(listed[1]), 0);
    ck_assert_uint_eq(ip_meeting_action_count(listed[1]), 0);
    ck_assert_ptr_null(ip_meeting_attendee_id(listed[1], 0));
    ck_assert_ptr_null(ip_meeting_action_at(listed[1], 0));
    /* a: the person and one action. */
    ck_assert_uint_eq(ip_meeting_attendee_count(listed[2]), 1);
    ck_assert_str_eq(ip_meeting_attendee_id(listed[2], 0), w.person_pid);
    ck_assert_uint_eq(ip_meeting_action_count(listed[2]), 1);
    ck_assert_str_eq(ip_meeting_action_what(ip_meeting_action_at(listed[2], 0)),
                     "Kalle inn til neste møte");
    for (int i = 0; i < n; i++)
        ip_meeting_free(listed[i]);

    /* Each listed meeting is a read of its own in the person's access log,
     * beside the call's (and the call of the empty listing above). */
    {
        char sql[200];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM audit_event WHERE action = 'read' AND"
                 " object_kind = 'meeting' AND person_id = '%s'",
                 ip_person_id(w.person));
        ck_assert_int_eq(th_count(sql), 5);
        ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE action = 'read'"
                                  " AND object_kind = 'meeting' AND object_id IS NOT NULL"),
                         3);
    }

    /* The other plan lists its own meeting only. */
    ck_assert_int_eq(list_meetings(w.cu, ip_plan_id(other), listed, 4), 1);
    ck_assert_uint_eq(ip_meeting_attendee_count(listed[0]), 1);
    ck_assert_str_eq(ip_meeting_attendee_id(listed[0], 0), other_pid);
    ck_assert_uint_eq(ip_meeting_action_count(listed[0]), 1);
    ip_meeting_free(listed[0]);
    /* An unknown plan is not found. */
    {
        ip_meeting_iterator *it = (ip_meeting_iterator *)&w;
        th_expect(IP_ENOTFOUND, ip_meeting_iterator_new(&it, w.cu, NO_SUCH_ID));
        th_field("plan_id");
        ck_assert_ptr_null(it);
        th_expect(IP_EINVALID, ip_meeting_iterator_new(&it, w.cu, "plan"));
        th_field("plan_id");
    }

    ip_meeting_action_free(x);
    ip_meeting_action_free(y);
    ip_meeting_action_free(z);
    ip_plan_free(other);
    ip_meeting_free(a);
    ip_meeting_free(b);
    ip_meeting_free(c);
    world_close(&w);
}
END_TEST

START_TEST(held_on_not_in_future)
{
    world w;
    ip_meeting_fields f;
    ip_meeting *m = NULL;

    world_open(&w);
    f = meeting_fields(&w, "2026-03-10");
    f.held_on = "2026-03-03";
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.held_on");
    ck_assert_ptr_null(m);
    th_not_echoed("2026-03-03");
    /* Today is fine. */
    f.held_on = TH_TODAY;
    th_ok(ip_meeting_create(&m, w.coordinator, &f));
    ck_assert_str_eq(ip_meeting_held_on(m), TH_TODAY);
    /* ...and an update cannot move it into the future either. */
    f.held_on = "2027-01-01";
    th_expect(IP_EINVALID, ip_meeting_update(NULL, w.coordinator, ip_meeting_id(m), 1, &f));
    th_field("meeting.held_on");
    ip_meeting_free(m);
    world_close(&w);
}
END_TEST

START_TEST(bad_meeting_fields)
{
    world w;
    ip_meeting_fields f;
    ip_meeting *m = NULL;
    char *long_minutes;

    world_open(&w);
    f = meeting_fields(&w, "2026-03-10");
    f.plan_id = NULL;
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.plan_id");
    f.plan_id = "not-a-plan";
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.plan_id");
    f.plan_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.plan_id");

    f = meeting_fields(&w, NULL);
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.planned_on");
    f.planned_on = "2026-02-30";
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.planned_on");
    th_not_echoed("2026-02-30");
    f.planned_on = "10.03.2026";
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.planned_on");

    f = meeting_fields(&w, "2026-03-10");
    f.held_on = "2026-13-01";
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.held_on");

    f = meeting_fields(&w, "2026-03-10");
    f.minutes = "ugyldig \xff tekst";
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.minutes");
    long_minutes = malloc(65538);
    ck_assert_ptr_nonnull(long_minutes);
    memset(long_minutes, 'a', 65537);
    long_minutes[65537] = '\0';
    f.minutes = long_minutes;
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.minutes");
    /* The limit itself is allowed. */
    long_minutes[65536] = '\0';
    th_ok(ip_meeting_create(&m, w.coordinator, &f));
    ck_assert_uint_eq(strlen(ip_meeting_minutes(m)), 65536);
    ip_meeting_free(m);
    m = NULL;
    free(long_minutes);

    /* The next meeting comes after this one: after planned_on, and after
     * held_on when it was held. */
    f = meeting_fields(&w, "2026-03-10");
    f.next_meeting_on = "2026-03-10";
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.next_meeting_on");
    f.next_meeting_on = "2026-03-09";
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.next_meeting_on");
    f = meeting_fields(&w, "2026-01-10");
    f.held_on = "2026-02-20";
    f.next_meeting_on = "2026-02-20";
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.next_meeting_on");
    f.next_meeting_on = "2026-99-01";
    th_expect(IP_EINVALID, ip_meeting_create(&m, w.coordinator, &f));
    th_field("meeting.next_meeting_on");
    f.next_meeting_on = "2026-02-21";
    th_ok(ip_meeting_create(&m, w.coordinator, &f));
    ck_assert_str_eq(ip_meeting_next_meeting_on(m), "2026-02-21");

    /* An update may not move the meeting to another plan. */
    {
        ip_plan *other;
        char other_pid[40];
        other = other_plan(&w, other_pid);
        f.plan_id = ip_plan_id(other);
        th_expect(IP_EINVALID, ip_meeting_update(NULL, w.coordinator, ip_meeting_id(m), 1, &f));
        th_field("meeting.plan_id");
        ip_plan_free(other);
    }
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting"), 2);
    ck_assert_int_eq(th_count("SELECT max(revision) FROM meeting"), 1);
    ip_meeting_free(m);
    world_close(&w);
}
END_TEST

START_TEST(attendees)
{
    world w;
    ip_meeting *m, *read;
    ip_plan *other;
    char other_pid[40];

    world_open(&w);
    m = meeting_make(&w, "2026-03-10");
    /* Added in any order, listed in the order the participants were made. */
    th_ok(ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m), w.person_pid));
    th_ok(ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m), w.coordinator_pid));
    read = meeting_read(w.coordinator, ip_meeting_id(m));
    ck_assert_uint_eq(ip_meeting_attendee_count(read), 2);
    ck_assert_str_eq(ip_meeting_attendee_id(read, 0), w.coordinator_pid);
    ck_assert_str_eq(ip_meeting_attendee_id(read, 1), w.person_pid);
    ck_assert_ptr_null(ip_meeting_attendee_id(read, 2));
    /* The attendee set has no revision of its own: the meeting's stays. */
    ck_assert_int_eq(ip_meeting_revision(read), 1);
    ip_meeting_free(read);
    /* Each change is an audited update of the meeting. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE action = 'update'"
                              " AND object_kind = 'meeting' AND outcome = 'allowed'"),
                     2);

    /* Listed already. */
    th_expect(IP_EEXISTS, ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m),
                                                  w.person_pid));
    th_field("meeting_attendee.participant_id");
    /* A participant of another plan. */
    other = other_plan(&w, other_pid);
    th_expect(IP_EINVALID, ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m), other_pid));
    th_field("meeting_attendee.participant_id");
    /* No such participant; not an id. */
    th_expect(IP_ENOTFOUND, ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m),
                                                    NO_SUCH_ID));
    th_field("meeting_attendee.participant_id");
    th_expect(IP_EINVALID, ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m), "x"));
    th_field("meeting_attendee.participant_id");
    th_expect(IP_EINVALID, ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m), NULL));
    th_field("meeting_attendee.participant_id");
    /* No such meeting. */
    th_expect(IP_ENOTFOUND, ip_meeting_add_attendee(w.coordinator, NO_SUCH_ID, w.person_pid));
    th_field("meeting.id");
    th_expect(IP_EINVALID, ip_meeting_add_attendee(w.coordinator, "", w.person_pid));
    th_field("meeting.id");
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting_attendee"), 2);

    /* Removing. */
    th_ok(ip_meeting_remove_attendee(w.coordinator, ip_meeting_id(m), w.coordinator_pid));
    read = meeting_read(w.coordinator, ip_meeting_id(m));
    ck_assert_uint_eq(ip_meeting_attendee_count(read), 1);
    ck_assert_str_eq(ip_meeting_attendee_id(read, 0), w.person_pid);
    ip_meeting_free(read);
    th_expect(IP_ENOTFOUND, ip_meeting_remove_attendee(w.coordinator, ip_meeting_id(m),
                                                       w.coordinator_pid));
    th_field("meeting_attendee.participant_id");
    th_expect(IP_ENOTFOUND, ip_meeting_remove_attendee(w.coordinator, ip_meeting_id(m),
                                                       other_pid));
    th_field("meeting_attendee.participant_id");
    th_expect(IP_ENOTFOUND, ip_meeting_remove_attendee(w.coordinator, NO_SUCH_ID,
                                                       w.person_pid));
    th_field("meeting.id");
    th_expect(IP_EINVALID, ip_meeting_remove_attendee(w.coordinator, ip_meeting_id(m), "x"));
    th_field("meeting_attendee.participant_id");
    /* Taken off, they can be listed again. */
    th_ok(ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m), w.coordinator_pid));
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting_attendee"), 2);
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting_attendee WHERE plan_id <> "
                              "(SELECT plan_id FROM meeting WHERE id = meeting_id)"),
                     0);

    ip_plan_free(other);
    ip_meeting_free(m);
    world_close(&w);
}
END_TEST

START_TEST(actions)
{
    world w;
    ip_meeting *m, *read;
    ip_meeting_action *a, *b, *c, *got = NULL;
    ip_meeting_action_fields f = IP_MEETING_ACTION_FIELDS_INIT;
    const ip_meeting_action *at;
    ip_plan *other;
    char other_pid[40];

    world_open(&w);
    m = meeting_make(&w, "2026-03-10");
    a = action_make(&w, m, w.person_pid, "Søke om støttekontakt");
    ck_assert_int_eq(strlen(ip_meeting_action_id(a)), 36);
    ck_assert_int_eq(ip_meeting_action_revision(a), 1);
    ck_assert_str_eq(ip_meeting_action_meeting_id(a), ip_meeting_id(m));
    ck_assert_str_eq(ip_meeting_action_plan_id(a), ip_plan_id(w.plan));
    ck_assert_str_eq(ip_meeting_action_who_id(a), w.person_pid);
    ck_assert_str_eq(ip_meeting_action_what(a), "Søke om støttekontakt");
    ck_assert_str_eq(ip_meeting_action_due_on(a), "2026-04-01");
    ck_assert_ptr_null(ip_meeting_action_measure_id(a));

    /* Without a date, too. */
    f.meeting_id = ip_meeting_id(m);
    f.who_id = w.coordinator_pid;
    f.what = "Innkalle til neste møte";
    th_ok(ip_meeting_action_create(&b, w.coordinator, &f));
    ck_assert_ptr_null(ip_meeting_action_due_on(b));
    c = action_make(&w, m, w.coordinator_pid, "Kontakte skolen");

    th_ok(ip_meeting_action_get(&got, w.coordinator, ip_meeting_action_id(b)));
    ck_assert_str_eq(ip_meeting_action_what(got), "Innkalle til neste møte");
    ck_assert_str_eq(ip_meeting_action_who_id(got), w.coordinator_pid);
    ck_assert_str_eq(ip_meeting_action_meeting_id(got), ip_meeting_id(m));
    ip_meeting_action_free(got);

    /* Read with the meeting, in the order they were agreed. */
    read = meeting_read(w.coordinator, ip_meeting_id(m));
    ck_assert_uint_eq(ip_meeting_action_count(read), 3);
    ck_assert_str_eq(ip_meeting_action_id(ip_meeting_action_at(read, 0)), ip_meeting_action_id(a));
    ck_assert_str_eq(ip_meeting_action_id(ip_meeting_action_at(read, 1)), ip_meeting_action_id(b));
    ck_assert_str_eq(ip_meeting_action_id(ip_meeting_action_at(read, 2)), ip_meeting_action_id(c));
    at = ip_meeting_action_at(read, 0);
    ck_assert_str_eq(ip_meeting_action_what(at), "Søke om støttekontakt");
    ck_assert_str_eq(ip_meeting_action_due_on(at), "2026-04-01");
    ck_assert_ptr_null(ip_meeting_action_at(read, 3));
    /* Agreeing actions does not change the meeting. */
    ck_assert_int_eq(ip_meeting_revision(read), 1);
    ip_meeting_free(read);

    /* Who does it takes part in this plan. */
    other = other_plan(&w, other_pid);
    f.who_id = other_pid;
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, w.coordinator, &f));
    th_field("meeting_action.who_id");
    f.who_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_meeting_action_create(NULL, w.coordinator, &f));
    th_field("meeting_action.who_id");
    f.who_id = NULL;
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, w.coordinator, &f));
    th_field("meeting_action.who_id");
    f.who_id = w.person_pid;
    f.meeting_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_meeting_action_create(NULL, w.coordinator, &f));
    th_field("meeting_action.meeting_id");
    f.meeting_id = "m";
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, w.coordinator, &f));
    th_field("meeting_action.meeting_id");
    f.meeting_id = ip_meeting_id(m);
    f.what = "";
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, w.coordinator, &f));
    th_field("meeting_action.what");
    f.what = "Noe \x01 galt";
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, w.coordinator, &f));
    th_field("meeting_action.what");
    f.what = "Ringe";
    f.due_on = "2026-04-31";
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, w.coordinator, &f));
    th_field("meeting_action.due_on");
    f.due_on = NULL;
    f.version = 2;
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, w.coordinator, &f));
    th_field("meeting_action.version");
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, w.coordinator, NULL));
    th_field("meeting_action");
    th_expect(IP_ENOTFOUND, ip_meeting_action_get(&got, w.coordinator, NO_SUCH_ID));
    th_field("meeting_action.id");
    ck_assert_ptr_null(got);
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting_action"), 3);

    ip_plan_free(other);
    ip_meeting_action_free(a);
    ip_meeting_action_free(b);
    ip_meeting_action_free(c);
    ip_meeting_free(m);
    world_close(&w);
}
END_TEST

START_TEST(action_to_measure)
{
    world w;
    ip_meeting *m, *read;
    ip_meeting_action *a, *linked = NULL;
    ip_measure_fields mf;
    ip_measure *measure = NULL, *got = NULL;
    ip_plan *other;
    char other_pid[40];

    world_open(&w);
    m = meeting_make(&w, "2026-03-10");
    a = action_make(&w, m, w.coordinator_pid, "Søke om avlastning");
    other = other_plan(&w, other_pid);

    /* The measure belongs to the action's plan. */
    mf = measure_fields(&w, "Avlastning");
    mf.plan_id = ip_plan_id(other);
    th_expect(IP_EINVALID, ip_meeting_action_to_measure(&measure, w.coordinator,
                                                        ip_meeting_action_id(a), 1, &mf));
    th_field("measure.plan_id");
    ck_assert_ptr_null(measure);
    mf.plan_id = NULL;
    th_expect(IP_EINVALID, ip_meeting_action_to_measure(&measure, w.coordinator,
                                                        ip_meeting_action_id(a), 1, &mf));
    th_field("measure.plan_id");
    /* The measure's own rules apply, and a refused measure links nothing. */
    mf = measure_fields(&w, NULL);
    th_expect(IP_EINVALID, ip_meeting_action_to_measure(&measure, w.coordinator,
                                                        ip_meeting_action_id(a), 1, &mf));
    th_field("measure.what");
    mf = measure_fields(&w, "Avlastning");
    mf.responsible_unit_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_meeting_action_to_measure(&measure, w.coordinator,
                                                         ip_meeting_action_id(a), 1, &mf));
    ck_assert_int_eq(th_count("SELECT count(*) FROM measure"), 0);
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting_action WHERE measure_id IS NULL"
                              " AND revision = 1"),
                     1);
    /* Stale revision. */
    mf = measure_fields(&w, "Avlastning");
    th_expect(IP_ECONFLICT, ip_meeting_action_to_measure(&measure, w.coordinator,
                                                         ip_meeting_action_id(a), 2, &mf));
    th_field("meeting_action.revision");
    ck_assert_int_eq(th_count("SELECT count(*) FROM measure"), 0);

    /* The measure is made and the action linked to it. */
    mf.extent = "to døgn i måneden";
    th_ok(ip_meeting_action_to_measure(&measure, w.coordinator, ip_meeting_action_id(a), 1,
                                       &mf));
    ck_assert_ptr_nonnull(measure);
    th_ok(ip_measure_get(&got, w.coordinator, ip_measure_id(measure)));
    ck_assert_str_eq(ip_measure_plan_id(got), ip_plan_id(w.plan));
    ck_assert_str_eq(ip_measure_what(got), "Avlastning");
    ck_assert_str_eq(ip_measure_extent(got), "to døgn i måneden");
    ck_assert_str_eq(ip_measure_responsible_unit_id(got), w.unit_id);
    ip_measure_free(got);
    th_ok(ip_meeting_action_get(&linked, w.coordinator, ip_meeting_action_id(a)));
    ck_assert_str_eq(ip_meeting_action_measure_id(linked), ip_measure_id(measure));
    ck_assert_int_eq(ip_meeting_action_revision(linked), 2);
    ck_assert_str_eq(ip_meeting_action_what(linked), "Søke om avlastning");
    ip_meeting_action_free(linked);
    read = meeting_read(w.coordinator, ip_meeting_id(m));
    ck_assert_str_eq(ip_meeting_action_measure_id(ip_meeting_action_at(read, 0)),
                     ip_measure_id(measure));
    ip_meeting_free(read);
    /* The measure's creation is audited as such, beside the action's update. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE action = 'create'"
                              " AND object_kind = 'measure' AND outcome = 'allowed'"),
                     1);

    /* Only once. */
    ip_measure_free(measure);
    measure = NULL;
    th_expect(IP_ESTATE, ip_meeting_action_to_measure(&measure, w.coordinator,
                                                      ip_meeting_action_id(a), 2, &mf));
    th_field("meeting_action.measure_id");
    ck_assert_ptr_null(measure);
    ck_assert_int_eq(th_count("SELECT count(*) FROM measure"), 1);

    /* Without out, and an unknown action. */
    {
        ip_meeting_action *b = action_make(&w, m, w.person_pid, "Søke skoleskyss");
        mf = measure_fields(&w, "Skoleskyss");
        th_ok(ip_meeting_action_to_measure(NULL, w.coordinator, ip_meeting_action_id(b), 1,
                                           &mf));
        ck_assert_int_eq(th_count("SELECT count(*) FROM measure"), 2);
        ip_meeting_action_free(b);
    }
    th_expect(IP_ENOTFOUND, ip_meeting_action_to_measure(&measure, w.coordinator,
                                                         NO_SUCH_ID, 1, &mf));
    th_field("meeting_action.id");
    th_expect(IP_EINVALID, ip_meeting_action_to_measure(&measure, w.coordinator,
                                                        ip_meeting_action_id(a), 2, NULL));
    th_field("measure");
    mf.version = 9;
    th_expect(IP_EINVALID, ip_meeting_action_to_measure(&measure, w.coordinator,
                                                        ip_meeting_action_id(a), 2, &mf));
    th_field("measure.version");

    ip_plan_free(other);
    ip_meeting_action_free(a);
    ip_meeting_free(m);
    world_close(&w);
}
END_TEST

START_TEST(ended_plan)
{
    world w;
    ip_meeting *m, *read;
    ip_meeting_action *a, *b = NULL;
    ip_meeting_fields f;
    ip_meeting_action_fields af = IP_MEETING_ACTION_FIELDS_INIT;
    ip_measure_fields mf;
    ip_measure *measure = NULL;
    ip_meeting *listed[2];

    world_open(&w);
    m = meeting_make(&w, "2026-03-10");
    th_ok(ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m), w.person_pid));
    a = action_make(&w, m, w.coordinator_pid, "Søke om avlastning");
    plan_end(&w);

    f = meeting_fields(&w, "2026-04-10");
    th_expect(IP_ESTATE, ip_meeting_create(NULL, w.coordinator, &f));
    th_field("meeting.plan_id");
    f = meeting_fields(&w, "2026-03-10");
    f.minutes = "Etterpå";
    th_expect(IP_ESTATE, ip_meeting_update(NULL, w.coordinator, ip_meeting_id(m), 1, &f));
    th_expect(IP_ESTATE, ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m),
                                                 w.coordinator_pid));
    th_expect(IP_ESTATE, ip_meeting_remove_attendee(w.coordinator, ip_meeting_id(m),
                                                    w.person_pid));
    af.meeting_id = ip_meeting_id(m);
    af.who_id = w.person_pid;
    af.what = "For sent";
    th_expect(IP_ESTATE, ip_meeting_action_create(&b, w.coordinator, &af));
    ck_assert_ptr_null(b);
    mf = measure_fields(&w, "Avlastning");
    th_expect(IP_ESTATE, ip_meeting_action_to_measure(&measure, w.coordinator,
                                                      ip_meeting_action_id(a), 1, &mf));
    ck_assert_ptr_null(measure);

    /* Nothing changed, and it all reads as before. */
    read = meeting_read(w.coordinator, ip_meeting_id(m));
    ck_assert_int_eq(ip_meeting_revision(read), 1);
    ck_assert_ptr_null(ip_meeting_minutes(read));
    ck_assert_uint_eq(ip_meeting_attendee_count(read), 1);
    ck_assert_uint_eq(ip_meeting_action_count(read), 1);
    ck_assert_ptr_null(ip_meeting_action_measure_id(ip_meeting_action_at(read, 0)));
    ip_meeting_free(read);
    ck_assert_int_eq(list_meetings(w.cu, ip_plan_id(w.plan), listed, 2), 1);
    ip_meeting_free(listed[0]);
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting"), 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting_action"), 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM measure"), 0);

    ip_meeting_action_free(a);
    ip_meeting_free(m);
    world_close(&w);
}
END_TEST

START_TEST(stale_revision)
{
    world w;
    ip_meeting *m, *read;
    ip_meeting_fields f;
    int64_t revision = 0;

    world_open(&w);
    m = meeting_make(&w, "2026-03-10");
    f = meeting_fields(&w, "2026-03-12");
    th_ok(ip_meeting_update(&revision, w.coordinator, ip_meeting_id(m), 1, &f));
    ck_assert_int_eq(revision, 2);
    /* A second writer who read revision 1. */
    revision = 0;
    f = meeting_fields(&w, "2026-03-20");
    th_expect(IP_ECONFLICT, ip_meeting_update(&revision, w.coordinator, ip_meeting_id(m), 1,
                                              &f));
    th_field("meeting.revision");
    ck_assert_int_eq(revision, 0);
    read = meeting_read(w.coordinator, ip_meeting_id(m));
    ck_assert_str_eq(ip_meeting_planned_on(read), "2026-03-12");
    ck_assert_int_eq(ip_meeting_revision(read), 2);
    ip_meeting_free(read);
    th_expect(IP_ENOTFOUND, ip_meeting_update(NULL, w.coordinator, NO_SUCH_ID, 1, &f));
    th_field("meeting.id");
    th_expect(IP_EINVALID, ip_meeting_update(NULL, w.coordinator, "m", 1, &f));
    th_field("meeting.id");
    ip_meeting_free(m);
    world_close(&w);
}
END_TEST

START_TEST(access)
{
    world w;
    ip_meeting *m, *read = NULL;
    ip_meeting_action *a, *got = NULL;
    ip_meeting_fields f;
    ip_meeting_action_fields af = IP_MEETING_ACTION_FIELDS_INIT;
    ip_measure_fields mf;
    ip_meeting *listed[2];
    ip_meeting_iterator *it = NULL;
    ip_session *person, *stranger, *outsider, *provider;
    ip_person *someone;
    char other_practitioner[40];
    int denied;

    world_open(&w);
    m = meeting_make(&w, "2026-03-10");
    a = action_make(&w, m, w.person_pid, "Søke om støttekontakt");
    f = meeting_fields(&w, "2026-04-10");
    af.meeting_id = ip_meeting_id(m);
    af.who_id = w.person_pid;
    af.what = "Ringe fastlegen";
    mf = measure_fields(&w, "Støttekontakt");

    /* The coordinating unit reads meetings and actions... */
    th_ok(ip_meeting_get(&read, w.cu, ip_meeting_id(m)));
    ck_assert_uint_eq(ip_meeting_action_count(read), 1);
    ip_meeting_free(read);
    th_ok(ip_meeting_action_get(&got, w.cu, ip_meeting_action_id(a)));
    ip_meeting_action_free(got);
    ck_assert_int_eq(list_meetings(w.cu, ip_plan_id(w.plan), listed, 2), 1);
    ip_meeting_free(listed[0]);
    /* ...but the plan's content is its coordinator's. */
    denied = th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'");
    th_expect(IP_EDENIED, ip_meeting_create(&read, w.cu, &f));
    ck_assert_ptr_null(read);
    th_expect(IP_EDENIED, ip_meeting_update(NULL, w.cu, ip_meeting_id(m), 1, &f));
    th_expect(IP_EDENIED, ip_meeting_add_attendee(w.cu, ip_meeting_id(m), w.coordinator_pid));
    th_expect(IP_EDENIED, ip_meeting_remove_attendee(w.cu, ip_meeting_id(m), w.person_pid));
    th_expect(IP_EDENIED, ip_meeting_action_create(NULL, w.cu, &af));
    th_expect(IP_EDENIED, ip_meeting_action_to_measure(NULL, w.cu, ip_meeting_action_id(a), 1,
                                                       &mf));
    /* Each denial is recorded. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'"),
                     denied + 6);

    /* The person reads their own plan's meetings, and changes nothing. */
    person = th_session(w.store, IP_ROLE_PERSON, ip_person_id(w.person), NULL);
    th_ok(ip_meeting_get(&read, person, ip_meeting_id(m)));
    ip_meeting_free(read);
    th_ok(ip_meeting_action_get(&got, person, ip_meeting_action_id(a)));
    ip_meeting_action_free(got);
    ck_assert_int_eq(list_meetings(person, ip_plan_id(w.plan), listed, 2), 1);
    ip_meeting_free(listed[0]);
    th_expect(IP_EDENIED, ip_meeting_create(NULL, person, &f));
    th_expect(IP_EDENIED, ip_meeting_add_attendee(person, ip_meeting_id(m), w.coordinator_pid));
    th_expect(IP_EDENIED, ip_meeting_action_create(NULL, person, &af));

    /* Another person reads nothing of it. */
    someone = th_person(w.cu, "1975-07-07", "Nabo");
    stranger = th_session(w.store, IP_ROLE_PERSON, ip_person_id(someone), NULL);
    th_expect(IP_EDENIED, ip_meeting_get(&read, stranger, ip_meeting_id(m)));
    ck_assert_ptr_null(read);
    th_expect(IP_EDENIED, ip_meeting_action_get(&got, stranger, ip_meeting_action_id(a)));
    denied = th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'");
    th_expect(IP_EDENIED, ip_meeting_iterator_new(&it, stranger, ip_plan_id(w.plan)));
    ck_assert_ptr_null(it);
    /* The refused listing is recorded too. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'"),
                     denied + 1);

    /* A practitioner who does not coordinate this plan. */
    th_practitioner(w.store, w.unit_id, "Ola", "Hansen", other_practitioner);
    outsider = th_session(w.store, IP_ROLE_COORDINATOR, other_practitioner, w.unit_id);
    th_expect(IP_EDENIED, ip_meeting_create(NULL, outsider, &f));
    th_expect(IP_EDENIED, ip_meeting_get(&read, outsider, ip_meeting_id(m)));
    th_expect(IP_EDENIED, ip_meeting_add_attendee(outsider, ip_meeting_id(m),
                                                  w.coordinator_pid));
    th_expect(IP_EDENIED, ip_meeting_action_to_measure(NULL, outsider, ip_meeting_action_id(a),
                                                       1, &mf));
    /* A provider unit that takes no part in the plan. */
    provider = th_session(w.store, IP_ROLE_PROVIDER, "provider-desk", w.unit_id);
    th_expect(IP_EDENIED, ip_meeting_get(&read, provider, ip_meeting_id(m)));
    th_expect(IP_EDENIED, ip_meeting_create(NULL, provider, &f));

    /* Nothing was written by the refused calls. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting"), 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting_action"), 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM meeting_attendee"), 0);
    ck_assert_int_eq(th_count("SELECT count(*) FROM measure"), 0);
    ck_assert_int_eq(th_count("SELECT revision FROM meeting"), 1);

    /* The coordinator keeps it all. */
    th_ok(ip_meeting_create(NULL, w.coordinator, &f));
    th_ok(ip_meeting_update(NULL, w.coordinator, ip_meeting_id(m), 1, &f));
    th_ok(ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m), w.coordinator_pid));
    th_ok(ip_meeting_action_create(NULL, w.coordinator, &af));
    th_ok(ip_meeting_action_to_measure(NULL, w.coordinator, ip_meeting_action_id(a), 1, &mf));

    ip_session_free(person);
    ip_session_free(stranger);
    ip_session_free(outsider);
    ip_session_free(provider);
    ip_person_free(someone);
    ip_meeting_action_free(a);
    ip_meeting_free(m);
    world_close(&w);
}
END_TEST

START_TEST(refused_input_leaves_store)
{
    world w;
    ip_meeting *m;
    ip_meeting_action *a;
    ip_meeting_fields f;
    ip_meeting_action_fields af = IP_MEETING_ACTION_FIELDS_INIT;
    ip_measure_fields mf;
    char meeting_id[40], action_id[40], plan_id[40], other_plan_id[40], other_pid[40];
    char person_pid[40], coordinator_pid[40], practitioner_id[40], unit_id[40];
    ip_plan *other;
    th_snapshot *snap;

    world_open(&w);
    m = meeting_make(&w, "2026-03-10");
    a = action_make(&w, m, w.person_pid, "Søke om støttekontakt");
    th_ok(ip_meeting_add_attendee(w.coordinator, ip_meeting_id(m), w.person_pid));
    other = other_plan(&w, other_pid);
    strcpy(meeting_id, ip_meeting_id(m));
    strcpy(action_id, ip_meeting_action_id(a));
    strcpy(plan_id, ip_plan_id(w.plan));
    strcpy(other_plan_id, ip_plan_id(other));
    strcpy(person_pid, w.person_pid);
    strcpy(coordinator_pid, w.coordinator_pid);
    strcpy(practitioner_id, w.practitioner_id);
    strcpy(unit_id, w.unit_id);
    ip_plan_free(other);
    ip_meeting_action_free(a);
    ip_meeting_free(m);
    world_close(&w);
    snap = th_snapshot_take(th_path("store.db"));

    w.store = th_store();
    w.coordinator = th_session(w.store, IP_ROLE_COORDINATOR, practitioner_id, unit_id);
    /* Refused before the store is touched. */
    f = (ip_meeting_fields)IP_MEETING_FIELDS_INIT;
    f.plan_id = plan_id;
    f.planned_on = "2026-03-10";
    f.held_on = "2026-12-24";
    th_expect(IP_EINVALID, ip_meeting_create(NULL, w.coordinator, &f));
    th_expect(IP_EINVALID, ip_meeting_update(NULL, w.coordinator, meeting_id, 1, &f));
    af.meeting_id = meeting_id;
    af.who_id = person_pid;
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, w.coordinator, &af));
    th_expect(IP_EINVALID, ip_meeting_add_attendee(w.coordinator, meeting_id, "nobody"));
    /* Refused inside the call, which is rolled back. */
    f.held_on = NULL;
    f.plan_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_meeting_create(NULL, w.coordinator, &f));
    f.plan_id = other_plan_id;
    th_expect(IP_EINVALID, ip_meeting_update(NULL, w.coordinator, meeting_id, 1, &f));
    f.plan_id = plan_id;
    th_expect(IP_ECONFLICT, ip_meeting_update(NULL, w.coordinator, meeting_id, 7, &f));
    th_expect(IP_EEXISTS, ip_meeting_add_attendee(w.coordinator, meeting_id, person_pid));
    th_expect(IP_EINVALID, ip_meeting_add_attendee(w.coordinator, meeting_id, other_pid));
    th_expect(IP_ENOTFOUND, ip_meeting_remove_attendee(w.coordinator, meeting_id,
                                                       coordinator_pid));
    af.what = "Ringe";
    af.who_id = other_pid;
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, w.coordinator, &af));
    mf = (ip_measure_fields)IP_MEASURE_FIELDS_INIT;
    mf.plan_id = plan_id;
    mf.what = "Avlastning";
    mf.responsible_unit_id = NO_SUCH_ID;
    th_expect(IP_ENOTFOUND, ip_meeting_action_to_measure(NULL, w.coordinator, action_id, 1,
                                                         &mf));
    mf.responsible_unit_id = unit_id;
    mf.plan_id = other_plan_id;
    th_expect(IP_EINVALID, ip_meeting_action_to_measure(NULL, w.coordinator, action_id, 1,
                                                        &mf));
    ip_session_free(w.coordinator);
    th_close(w.store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

START_TEST(null_arguments)
{
    world w;
    ip_meeting_fields f, bad = IP_MEETING_FIELDS_INIT;
    ip_meeting_action_fields abad = IP_MEETING_ACTION_FIELDS_INIT;
    ip_meeting *m = (ip_meeting *)&w;
    ip_meeting_iterator *it = NULL;

    world_open(&w);
    f = meeting_fields(&w, "2026-03-10");
    th_expect(IP_EINVALID, ip_meeting_create(&m, NULL, &f));
    th_field("session");
    ck_assert_ptr_null(m);
    th_expect(IP_EINVALID, ip_meeting_create(NULL, w.coordinator, NULL));
    th_field("meeting");
    bad.version = 2;
    th_expect(IP_EINVALID, ip_meeting_create(NULL, w.coordinator, &bad));
    th_field("meeting.version");
    th_expect(IP_EINVALID, ip_meeting_get(NULL, w.coordinator, NO_SUCH_ID));
    th_field("out");
    th_expect(IP_EINVALID, ip_meeting_get(&m, NULL, NO_SUCH_ID));
    th_field("session");
    th_expect(IP_EINVALID, ip_meeting_get(&m, w.coordinator, NULL));
    th_field("meeting.id");
    th_expect(IP_ENOTFOUND, ip_meeting_get(&m, w.coordinator, NO_SUCH_ID));
    th_field("meeting.id");
    th_expect(IP_EINVALID, ip_meeting_update(NULL, NULL, NO_SUCH_ID, 1, &f));
    th_field("session");
    th_expect(IP_EINVALID, ip_meeting_update(NULL, w.coordinator, NO_SUCH_ID, 1, NULL));
    th_field("meeting");
    th_expect(IP_EINVALID, ip_meeting_add_attendee(NULL, NO_SUCH_ID, NO_SUCH_ID));
    th_field("session");
    th_expect(IP_EINVALID, ip_meeting_remove_attendee(NULL, NO_SUCH_ID, NO_SUCH_ID));
    th_field("session");
    th_expect(IP_EINVALID, ip_meeting_iterator_new(NULL, w.coordinator, ip_plan_id(w.plan)));
    th_field("out");
    th_expect(IP_EINVALID, ip_meeting_iterator_new(&it, NULL, ip_plan_id(w.plan)));
    th_field("session");
    th_expect(IP_EINVALID, ip_meeting_iterator_new(&it, w.coordinator, NULL));
    th_field("plan_id");
    th_expect(IP_EINVALID, ip_meeting_next(NULL, NULL));
    th_field("out");
    th_expect(IP_EINVALID, ip_meeting_next(&m, NULL));
    th_field("iterator");
    th_expect(IP_EINVALID, ip_meeting_action_create(NULL, NULL, &abad));
    th_field("session");
    th_expect(IP_EINVALID, ip_meeting_action_get(NULL, w.coordinator, NO_SUCH_ID));
    th_field("out");
    th_expect(IP_EINVALID, ip_meeting_action_to_measure(NULL, NULL, NO_SUCH_ID, 1, NULL));
    th_field("session");
    th_expect(IP_EINVALID, ip_meeting_action_to_measure(NULL, w.coordinator, "a", 1, NULL));
    th_field("meeting_action.id");

    th_expect(IP_EINVALID, ip_meeting_fields_init(NULL, IP_MEETING_FIELDS_VERSION));
    th_expect(IP_EINVALID, ip_meeting_fields_init(&bad, 2));
    th_ok(ip_meeting_fields_init(&bad, IP_MEETING_FIELDS_VERSION));
    ck_assert_uint_eq(bad.version, IP_MEETING_FIELDS_VERSION);
    ck_assert_ptr_null(bad.plan_id);
    ck_assert_ptr_null(bad.next_meeting_on);
    th_expect(IP_EINVALID, ip_meeting_action_fields_init(NULL, 1));
    th_expect(IP_EINVALID, ip_meeting_action_fields_init(&abad, 0));
    th_ok(ip_meeting_action_fields_init(&abad, IP_MEETING_ACTION_FIELDS_VERSION));
    ck_assert_uint_eq(abad.version, IP_MEETING_ACTION_FIELDS_VERSION);
    ck_assert_ptr_null(abad.what);

    /* NULL-safe getters and frees. */
    ck_assert_ptr_null(ip_meeting_id(NULL));
    ck_assert_int_eq(ip_meeting_revision(NULL), 0);
    ck_assert_ptr_null(ip_meeting_planned_on(NULL));
    ck_assert_uint_eq(ip_meeting_attendee_count(NULL), 0);
    ck_assert_ptr_null(ip_meeting_attendee_id(NULL, 0));
    ck_assert_uint_eq(ip_meeting_action_count(NULL), 0);
    ck_assert_ptr_null(ip_meeting_action_at(NULL, 0));
    ck_assert_ptr_null(ip_meeting_action_id(NULL));
    ck_assert_int_eq(ip_meeting_action_revision(NULL), 0);
    ck_assert_ptr_null(ip_meeting_action_measure_id(NULL));
    ip_meeting_free(NULL);
    ip_meeting_action_free(NULL);
    ip_meeting_iterator_free(NULL);
    world_close(&w);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("meeting");
    TCase *tc = tcase_create("meeting");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, list_in_planned_order);
    tcase_add_test(tc, held_on_not_in_future);
    tcase_add_test(tc, bad_meeting_fields);
    tcase_add_test(tc, attendees);
    tcase_add_test(tc, actions);
    tcase_add_test(tc, action_to_measure);
    tcase_add_test(tc, ended_plan);
    tcase_add_test(tc, stale_revision);
    tcase_add_test(tc, access);
    tcase_add_test(tc, refused_input_leaves_store);
    tcase_add_test(tc, null_arguments);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
