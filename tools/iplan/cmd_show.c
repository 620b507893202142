/*
 * iplan show STORE PLAN_ID: the plan for a person to read, in Norwegian
 * bokmål — the person, the plan's status, period and next revision, the
 * person's resources and needs, cooperation, the person's coordinator
 * assignments (kind, who, unit, from when, ended and why, the person's
 * wish), who takes part and what they
 * contribute, goals with their sub-goals, measures, meetings, evaluations,
 * revisions, the person's consents (to the plan and to sharing: who gave
 * them, to whom, for what, for how long, and whether they are in force or
 * withdrawn), and what the completeness check (items a–i) finds missing.
 *
 * Everything is read first, then printed, so that a failed read prints
 * nothing but the error. Every read is an audited read in the caller's
 * session. Names of the people, units and practitioners the plan refers to
 * are looked up once each; where the session may not read one (a person
 * may not read their parents' records, say), the text says so rather than
 * failing.
 */
#include "iplan.h"

#include <stdlib.h>
#include <string.h>

#define WIDTH 80   /* the text's width, in characters */
#define LABEL 16   /* the width of "Gjennomføring:  " and its kin */
#define MINUTES_EXCERPT 240 /* characters of a meeting's minutes shown */

/* A growing array of records of one type. */
struct list {
    void **items;
    size_t n;
};

struct show {
    FILE *out;
    ip_session *s;
    ip_plan *plan;
    ip_person *person;
    ip_plan_check *check;
    struct list participants, goals, measures, meetings, evaluations, revisions;
    struct list consents;   /* the person's, oldest first */
    int consents_denied;    /* the session may not read them */
    struct list coordinators; /* the person's assignments, oldest appointment
                                 first */
    int coordinators_denied;  /* the session may not read them */
    char today[IPLAN_DATE_LEN];
    char **who;             /* per participant: how the text names them */
    char (*goal_no)[24];    /* per goal: "1", "1.2", ... */
    /* Records read only for their names, each read once. */
    struct list persons, units, practitioners;
};

static int push(struct list *l, void *item)
{
    void **items = realloc(l->items, (l->n + 1) * sizeof *items);

    if (!items)
        return IP_ENOMEM;
    l->items = items;
    l->items[l->n++] = item;
    return IP_OK;
}

/* ---- reading ----------------------------------------------------------- */

/* drain_<kind>(list, it, rc): when rc (the iterator's creation) is IP_OK,
 * moves every record the iterator yields into the list. */
#define DRAIN(kind, type, iterator, next, free_item)                          \
    static int drain_##kind(struct list *l, iterator *it, int rc)              \
    {                                                                          \
        type *item = NULL;                                                     \
                                                                               \
        while (rc == IP_OK && (rc = next(&item, it)) == IP_OK) {               \
            rc = push(l, item);                                                \
            if (rc != IP_OK)                                                   \
                free_item(item);                                               \
        }                                                                      \
        return rc == IP_ITEROVER ? IP_OK : rc;                                 \
    }

DRAIN(participants, ip_participant, ip_participant_iterator, ip_participant_next,
      ip_participant_free)
DRAIN(goals, ip_goal, ip_goal_iterator, ip_goal_next, ip_goal_free)
DRAIN(measures, ip_measure, ip_measure_iterator, ip_measure_next, ip_measure_free)
DRAIN(meetings, ip_meeting, ip_meeting_iterator, ip_meeting_next, ip_meeting_free)
DRAIN(evaluations, ip_evaluation, ip_evaluation_iterator, ip_evaluation_next,
      ip_evaluation_free)
DRAIN(revisions, ip_revision, ip_revision_iterator, ip_revision_next,
      ip_revision_free)
DRAIN(consents, ip_consent, ip_consent_iterator, ip_consent_next, ip_consent_free)
DRAIN(coordinators, ip_coordinator_assignment, ip_coordinator_iterator, ip_coordinator_next,
      ip_coordinator_free)

/* The person's coordinator assignments, ended ones too. A session that may
 * not read them still sees the plan, and a line that says so. */
static int load_coordinators(struct show *sh)
{
    ip_coordinator_iterator *it = NULL;
    int rc = ip_coordinator_iterator_new(&it, sh->s, ip_plan_person_id(sh->plan), 0);

    if (rc == IP_EDENIED) {
        sh->coordinators_denied = 1;
        return IP_OK;
    }
    rc = drain_coordinators(&sh->coordinators, it, rc);
    ip_coordinator_iterator_free(it);
    return rc;
}

/* The person's consents. A session that may not read them (a provider, say)
 * still sees the plan, and a line that says so. */
static int load_consents(struct show *sh)
{
    ip_consent_iterator *it = NULL;
    int rc = ip_consent_iterator_new(&it, sh->s, ip_plan_person_id(sh->plan));

    if (rc == IP_EDENIED) {
        sh->consents_denied = 1;
        return IP_OK;
    }
    rc = drain_consents(&sh->consents, it, rc);
    ip_consent_iterator_free(it);
    return rc;
}

static int load_lists(struct show *sh, const char *id)
{
    ip_participant_iterator *pit = NULL;
    ip_goal_iterator *git = NULL;
    ip_measure_iterator *mit = NULL;
    ip_meeting_iterator *meit = NULL;
    ip_evaluation_iterator *eit = NULL;
    ip_revision_iterator *rit = NULL;
    ip_evaluation_query query = IP_EVALUATION_QUERY_INIT;
    int rc;

    query.plan_id = id;
    rc = ip_participant_iterator_new(&pit, sh->s, id);
    rc = drain_participants(&sh->participants, pit, rc);
    if (rc == IP_OK)
        rc = ip_goal_iterator_new(&git, sh->s, id);
    rc = drain_goals(&sh->goals, git, rc);
    if (rc == IP_OK)
        rc = ip_measure_iterator_new(&mit, sh->s, id);
    rc = drain_measures(&sh->measures, mit, rc);
    if (rc == IP_OK)
        rc = ip_meeting_iterator_new(&meit, sh->s, id);
    rc = drain_meetings(&sh->meetings, meit, rc);
    if (rc == IP_OK)
        rc = ip_evaluation_iterator_new(&eit, sh->s, &query);
    rc = drain_evaluations(&sh->evaluations, eit, rc);
    if (rc == IP_OK)
        rc = ip_revision_iterator_new(&rit, sh->s, id);
    rc = drain_revisions(&sh->revisions, rit, rc);
    ip_participant_iterator_free(pit);
    ip_goal_iterator_free(git);
    ip_measure_iterator_free(mit);
    ip_meeting_iterator_free(meit);
    ip_evaluation_iterator_free(eit);
    ip_revision_iterator_free(rit);
    return rc;
}

/* The record with this id in a cache, read and added when missing; NULL
 * when it cannot be read. get and id are the type's functions. */
#define CACHED(kind, type, get, get_id, free_item)                             \
    static type *kind##_of(struct show *sh, const char *id)                    \
    {                                                                          \
        type *item = NULL;                                                     \
                                                                               \
        if (!id)                                                               \
            return NULL;                                                       \
        for (size_t i = 0; i < sh->kind##s.n; i++) {                           \
            if (strcmp(get_id(sh->kind##s.items[i]), id) == 0)                 \
                return sh->kind##s.items[i];                                   \
        }                                                                      \
        if (get(&item, sh->s, id) != IP_OK)                                    \
            return NULL;                                                       \
        if (push(&sh->kind##s, item) != IP_OK) {                               \
            free_item(item);                                                   \
            return NULL;                                                       \
        }                                                                      \
        return item;                                                           \
    }

CACHED(person, ip_person, ip_person_get, ip_person_id, ip_person_free)
CACHED(unit, ip_unit, ip_unit_get, ip_unit_id, ip_unit_free)
CACHED(practitioner, ip_practitioner, ip_practitioner_get, ip_practitioner_id,
       ip_practitioner_free)

static const char *person_name(char *buf, size_t size, struct show *sh, const char *id)
{
    const ip_person *p = strcmp(id, ip_person_id(sh->person)) == 0 ? sh->person
                                                                     : person_of(sh, id);

    return p ? iplan_person_name(buf, size, p) : NULL;
}

static const char *practitioner_name(char *buf, size_t size, struct show *sh,
                                     const char *id)
{
    const ip_practitioner *p = practitioner_of(sh, id);

    if (!p)
        return NULL;
    snprintf(buf, size, "%s %s", ip_practitioner_given_name(p),
             ip_practitioner_family_name(p));
    return buf;
}

static const char *unit_name(struct show *sh, const char *id)
{
    const ip_unit *u = unit_of(sh, id);

    return u ? ip_unit_name(u) : NULL;
}

/* How the text names a participant: the person, else the practitioner,
 * else the name given, else the unit. */
static char *participant_who(struct show *sh, const ip_participant *p)
{
    char buf[512];
    const char *name = NULL;

    if (ip_participant_person_id(p))
        name = person_name(buf, sizeof buf, sh, ip_participant_person_id(p));
    if (!name && ip_participant_practitioner_id(p))
        name = practitioner_name(buf, sizeof buf, sh, ip_participant_practitioner_id(p));
    if (!name)
        name = ip_participant_name(p);
    if (!name)
        name = unit_name(sh, ip_participant_unit_id(p));
    return strdup(name ? name : "(navn ikke tilgjengelig)");
}

/* Goal numbers: long-term goals 1, 2, ... in the order they were made, a
 * sub-goal its parent's number and its own, "1.1". */
static void number_goals(struct show *sh)
{
    int top = 0;

    for (size_t i = 0; i < sh->goals.n; i++) {
        const ip_goal *g = sh->goals.items[i];
        int sub = 0;

        if (ip_goal_parent_id(g))
            continue;
        snprintf(sh->goal_no[i], sizeof sh->goal_no[i], "%d", ++top);
        for (size_t k = 0; k < sh->goals.n; k++) {
            const char *parent = ip_goal_parent_id(sh->goals.items[k]);

            if (parent && strcmp(parent, ip_goal_id(g)) == 0)
                snprintf(sh->goal_no[k], sizeof sh->goal_no[k], "%d.%d", top, ++sub);
        }
    }
}

static int load(struct show *sh, const char *id)
{
    int rc = ip_plan_get(&sh->plan, sh->s, id);

    if (rc == IP_OK)
        rc = ip_person_get(&sh->person, sh->s, ip_plan_person_id(sh->plan));
    if (rc == IP_OK)
        rc = load_lists(sh, id);
    if (rc == IP_OK)
        rc = load_consents(sh);
    if (rc == IP_OK)
        rc = load_coordinators(sh);
    if (rc == IP_OK)
        rc = ip_plan_check_run(&sh->check, sh->s, id);
    if (rc != IP_OK)
        return rc;
    sh->who = calloc(sh->participants.n + 1, sizeof *sh->who);
    sh->goal_no = calloc(sh->goals.n + 1, sizeof *sh->goal_no);
    if (!sh->who || !sh->goal_no)
        return IP_ENOMEM;
    for (size_t i = 0; i < sh->participants.n; i++) {
        sh->who[i] = participant_who(sh, sh->participants.items[i]);
        if (!sh->who[i])
            return IP_ENOMEM;
    }
    number_goals(sh);
    return IP_OK;
}

static void show_free(struct show *sh)
{
    for (size_t i = 0; i < sh->participants.n; i++) {
        if (sh->who)
            free(sh->who[i]);
        ip_participant_free(sh->participants.items[i]);
    }
    for (size_t i = 0; i < sh->goals.n; i++)
        ip_goal_free(sh->goals.items[i]);
    for (size_t i = 0; i < sh->measures.n; i++)
        ip_measure_free(sh->measures.items[i]);
    for (size_t i = 0; i < sh->meetings.n; i++)
        ip_meeting_free(sh->meetings.items[i]);
    for (size_t i = 0; i < sh->evaluations.n; i++)
        ip_evaluation_free(sh->evaluations.items[i]);
    for (size_t i = 0; i < sh->revisions.n; i++)
        ip_revision_free(sh->revisions.items[i]);
    for (size_t i = 0; i < sh->consents.n; i++)
        ip_consent_free(sh->consents.items[i]);
    for (size_t i = 0; i < sh->coordinators.n; i++)
        ip_coordinator_free(sh->coordinators.items[i]);
    for (size_t i = 0; i < sh->persons.n; i++)
        ip_person_free(sh->persons.items[i]);
    for (size_t i = 0; i < sh->units.n; i++)
        ip_unit_free(sh->units.items[i]);
    for (size_t i = 0; i < sh->practitioners.n; i++)
        ip_practitioner_free(sh->practitioners.items[i]);
    free(sh->participants.items);
    free(sh->goals.items);
    free(sh->measures.items);
    free(sh->meetings.items);
    free(sh->evaluations.items);
    free(sh->revisions.items);
    free(sh->consents.items);
    free(sh->coordinators.items);
    free(sh->persons.items);
    free(sh->units.items);
    free(sh->practitioners.items);
    free(sh->who);
    free(sh->goal_no);
    ip_plan_check_free(sh->check);
    ip_person_free(sh->person);
    ip_plan_free(sh->plan);
}

/* ---- lookups within the plan ------------------------------------------- */

static const char *who(const struct show *sh, const char *participant_id)
{
    for (size_t i = 0; participant_id && i < sh->participants.n; i++) {
        if (strcmp(ip_participant_id(sh->participants.items[i]), participant_id) == 0)
            return sh->who[i];
    }
    return "ukjent deltaker";
}

static const char *goal_no(const struct show *sh, const char *goal_id)
{
    for (size_t i = 0; goal_id && i < sh->goals.n; i++) {
        if (strcmp(ip_goal_id(sh->goals.items[i]), goal_id) == 0)
            return sh->goal_no[i];
    }
    return "?";
}

/* A measure's number in the list (1-based), or 0. */
static size_t measure_no(const struct show *sh, const char *measure_id)
{
    for (size_t i = 0; measure_id && i < sh->measures.n; i++) {
        if (strcmp(ip_measure_id(sh->measures.items[i]), measure_id) == 0)
            return i + 1;
    }
    return 0;
}

static const ip_meeting *meeting_by_id(const struct show *sh, const char *id)
{
    for (size_t i = 0; id && i < sh->meetings.n; i++) {
        if (strcmp(ip_meeting_id(sh->meetings.items[i]), id) == 0)
            return sh->meetings.items[i];
    }
    return NULL;
}

/* The day a meeting was held, else planned for, as DD.MM.YYYY. */
static const char *meeting_day(char out[IPLAN_DATE_LEN], const ip_meeting *m)
{
    const char *day = ip_meeting_held_on(m) ? ip_meeting_held_on(m) : ip_meeting_planned_on(m);

    iplan_date_display(out, day);
    return out;
}

/* ---- text -------------------------------------------------------------- */

/* DD.MM.YYYY of an instant: its first ten characters are the UTC date. */
static void instant_day(char out[IPLAN_DATE_LEN], const char *instant)
{
    char day[IPLAN_DATE_LEN];

    snprintf(day, sizeof day, "%.10s", instant ? instant : "");
    iplan_date_display(out, day);
}

static void heading(struct show *sh, const char *title)
{
    fprintf(sh->out, "\n%s\n", title);
}

/* "Label:" padded at `indent`, then the value wrapped under itself. */
static void field(struct show *sh, int indent, const char *label, const char *value)
{
    fprintf(sh->out, "%*s", indent, "");
    iplan_print_padded(sh->out, label, LABEL);
    iplan_print_wrapped(sh->out, value, indent + LABEL, indent + LABEL, WIDTH);
}

static void text_section(struct show *sh, const char *title, const char *text)
{
    heading(sh, title);
    iplan_print_wrapped(sh->out, text ? text : "Ikke beskrevet ennå.", 2, 0, WIDTH);
}

/* "01.02.2026–30.06.2027", "fra 01.02.2026", "til ..." or "ikke satt". */
static const char *period(char *buf, size_t size, const char *from, const char *to)
{
    char a[IPLAN_DATE_LEN], b[IPLAN_DATE_LEN];

    if (from)
        iplan_date_display(a, from);
    if (to)
        iplan_date_display(b, to);
    if (from && to)
        snprintf(buf, size, "%s–%s", a, b);
    else if (from)
        snprintf(buf, size, "fra %s", a);
    else if (to)
        snprintf(buf, size, "til %s", b);
    else
        snprintf(buf, size, "ikke satt");
    return buf;
}

static void print_plan(struct show *sh)
{
    const ip_plan *p = sh->plan;
    char buf[512], date[IPLAN_DATE_LEN];

    fprintf(sh->out, "Individuell plan for %s\n",
            iplan_person_name(buf, sizeof buf, sh->person));
    if (ip_person_birth_date(sh->person)) {
        iplan_date_display(date, ip_person_birth_date(sh->person));
        field(sh, 2, "Født:", date);
    }
    field(sh, 2, "Plan-ID:", ip_plan_id(p));
    switch (ip_plan_status_of(p)) {
    case IP_PLAN_ACTIVE:
        iplan_date_display(date, ip_plan_activated_on(p));
        snprintf(buf, sizeof buf, "aktiv fra %s", date);
        break;
    case IP_PLAN_ENDED:
        iplan_date_display(date, ip_plan_ended_on(p));
        snprintf(buf, sizeof buf, "avsluttet %s (%s)%s%s", date,
                 iplan_plan_end_reason_label(ip_plan_end_reason_of(p)),
                 ip_plan_end_note(p) ? ": " : "",
                 ip_plan_end_note(p) ? ip_plan_end_note(p) : "");
        break;
    default:
        snprintf(buf, sizeof buf, "utkast (ikke satt i verk)");
        break;
    }
    field(sh, 2, "Status:", buf);
    instant_day(date, ip_plan_created_at(p));
    snprintf(buf, sizeof buf, "%s, %s", date,
             ip_plan_origin_of(p) == IP_PLAN_ORIGIN_DIRECT
                 ? "direkte av koordinerende enhet (uten søknad)"
                 : "etter søknad");
    field(sh, 2, "Opprettet:", buf);
    field(sh, 2, "Planperiode:",
          period(buf, sizeof buf, ip_plan_period_start(p), ip_plan_period_end(p)));
    if (ip_plan_next_revision_on(p))
        iplan_date_display(date, ip_plan_next_revision_on(p));
    field(sh, 2, "Neste revisjon:", ip_plan_next_revision_on(p) ? date : "ikke satt");

    text_section(sh, "Ressurser", ip_plan_resources(p));
    text_section(sh, "Behov", ip_plan_needs(p));
    text_section(sh, "Samarbeid med andre tjenester", ip_plan_cooperation(p));
}

/* One assignment: its kind and who, with title and unit; from when, and
 * until when and why it ended (or that it is active); the person's wish. */
static void print_coordinator(struct show *sh, const ip_coordinator_assignment *a)
{
    char buf[2048], name[512], wished[512], from[IPLAN_DATE_LEN], to[IPLAN_DATE_LEN];
    ip_coordinator_kind kind = ip_coordinator_kind_of(a);
    const ip_practitioner *pr = practitioner_of(sh, ip_coordinator_practitioner_id(a));
    const char *who = practitioner_name(name, sizeof name, sh,
                                        ip_coordinator_practitioner_id(a));
    const char *unit = unit_name(sh, ip_coordinator_unit_id(a));
    const char *wish_id = ip_coordinator_wished_practitioner_id(a);
    const char *note = ip_coordinator_wish_note(a);

    snprintf(buf, sizeof buf, "%s: %s%s%s%s%s",
             kind == IP_CHILD_COORDINATOR        ? "Barnekoordinator"
             : kind == IP_SPECIALIST_COORDINATOR ? "Spesialistkoordinator"
                                                 : "Koordinator",
             who ? who : "(navn ikke tilgjengelig)",
             pr && ip_practitioner_title(pr) ? ", " : "",
             pr && ip_practitioner_title(pr) ? ip_practitioner_title(pr) : "",
             unit ? ", " : "", unit ? unit : "");
    fputs("  ", sh->out);
    iplan_print_wrapped(sh->out, buf, 6, 2, WIDTH);
    iplan_date_display(from, ip_coordinator_appointed_on(a));
    snprintf(buf, sizeof buf, "%s%s", from,
             ip_coordinator_application_id(a) ? ", etter søknad" : "");
    field(sh, 6, "Oppnevnt:", buf);
    if (ip_coordinator_ended_on(a)) {
        iplan_date_display(to, ip_coordinator_ended_on(a));
        snprintf(buf, sizeof buf, "avsluttet %s: %s", to, ip_coordinator_end_reason(a));
        field(sh, 6, "Status:", buf);
    } else {
        field(sh, 6, "Status:", ip_coordinator_is_active_on(a, sh->today) ? "aktiv"
                                                                          : "ikke aktiv");
    }
    if (wish_id) {
        const char *wished_name = practitioner_name(wished, sizeof wished, sh, wish_id);
        int followed = strcmp(wish_id, ip_coordinator_practitioner_id(a)) == 0;

        snprintf(buf, sizeof buf, "%s (%s)%s%s%s",
                 wished_name ? wished_name : "(navn ikke tilgjengelig)",
                 followed ? "fulgt" : "ikke fulgt", note ? ": «" : "", note ? note : "",
                 note ? "»" : "");
        field(sh, 6, "Ønske:", buf);
    } else if (note) {
        snprintf(buf, sizeof buf, "«%s»", note);
        field(sh, 6, "Ønske:", buf);
    }
    if (ip_coordinator_wish_not_followed_reason(a))
        field(sh, 6, "Ikke fulgt:", ip_coordinator_wish_not_followed_reason(a));
}

/* The person's coordinator assignments, the history included. */
static void print_coordinators(struct show *sh)
{
    heading(sh, "Koordinator");
    if (sh->coordinators_denied) {
        fputs("  Koordinatoroppnevningene kan ikke vises for denne brukeren.\n", sh->out);
        return;
    }
    if (sh->coordinators.n == 0)
        fputs("  Ingen koordinator er oppnevnt.\n", sh->out);
    for (size_t i = 0; i < sh->coordinators.n; i++)
        print_coordinator(sh, sh->coordinators.items[i]);
}

/* A participant's heading: who, and for a practitioner the title and the
 * unit, for a unit with a named practitioner the unit. */
static void participant_heading(struct show *sh, const ip_participant *p, const char *name)
{
    const ip_practitioner *pr = practitioner_of(sh, ip_participant_practitioner_id(p));
    const char *unit = unit_name(sh, ip_participant_unit_id(p));

    char buf[1024];

    snprintf(buf, sizeof buf, "%s%s%s%s%s", name, pr && ip_practitioner_title(pr) ? ", " : "",
             pr && ip_practitioner_title(pr) ? ip_practitioner_title(pr) : "",
             unit && strcmp(unit, name) != 0 ? ", " : "",
             unit && strcmp(unit, name) != 0 ? unit : "");
    fputs("  ", sh->out);
    iplan_print_wrapped(sh->out, buf, 6, 2, WIDTH);
}

static void print_participants(struct show *sh)
{
    heading(sh, "Deltakere");
    if (sh->participants.n == 0)
        fputs("  Ingen ennå.\n", sh->out);
    for (size_t i = 0; i < sh->participants.n; i++) {
        const ip_participant *p = sh->participants.items[i];
        char buf[256], from[IPLAN_DATE_LEN], to[IPLAN_DATE_LEN];
        int n;

        participant_heading(sh, p, sh->who[i]);
        iplan_date_display(from, ip_participant_valid_from(p));
        n = snprintf(buf, sizeof buf, "%s, %s, fra %s",
                     iplan_participant_role_label(ip_participant_role_of(p)),
                     ip_participant_in_responsibility_group(p) ? "i ansvarsgruppen"
                                                               : "ikke i ansvarsgruppen",
                     from);
        if (ip_participant_valid_to(p) && n > 0 && (size_t)n < sizeof buf) {
            iplan_date_display(to, ip_participant_valid_to(p));
            snprintf(buf + n, sizeof buf - (size_t)n, " til %s", to);
        }
        field(sh, 6, "Rolle:", buf);
        field(sh, 6, "Bidrag:", ip_participant_contribution(p) ? ip_participant_contribution(p)
                                                              : "ikke beskrevet");
    }
}

static void print_goal(struct show *sh, size_t i, int indent)
{
    const ip_goal *g = sh->goals.items[i];
    char quoted[4096], prefix[64], buf[512], date[IPLAN_DATE_LEN];
    int n;

    snprintf(quoted, sizeof quoted, "«%s»", ip_goal_text(g));
    snprintf(prefix, sizeof prefix, "%*s%s %s: ", indent, "",
             ip_goal_parent_id(g) ? "Delmål" : "Hovedmål", sh->goal_no[i]);
    fputs(prefix, sh->out);
    iplan_print_wrapped(sh->out, quoted, indent + 4, iplan_text_width(prefix), WIDTH);
    if (ip_goal_status_of(g) == IP_GOAL_PROPOSED)
        n = snprintf(buf, sizeof buf, "foreslått, ikke avtalt ennå");
    else
        n = snprintf(buf, sizeof buf, "%s, %s",
                     iplan_goal_status_label(ip_goal_status_of(g)),
                     iplan_goal_achievement_label(ip_goal_achievement_of(g)));
    if (ip_goal_target_date(g) && n > 0 && (size_t)n < sizeof buf) {
        iplan_date_display(date, ip_goal_target_date(g));
        n += snprintf(buf + n, sizeof buf - (size_t)n, "; innen %s", date);
    }
    if (n > 0 && (size_t)n < sizeof buf)
        snprintf(buf + n, sizeof buf - (size_t)n, "; uttrykt av %s",
                 who(sh, ip_goal_expressed_by_id(g)));
    iplan_print_wrapped(sh->out, buf, indent + 4, 0, WIDTH);
}

/* Whether goal i is a sub-goal whose parent is in the plan. */
static int has_parent(const struct show *sh, size_t i)
{
    const char *parent = ip_goal_parent_id(sh->goals.items[i]);

    for (size_t k = 0; parent && k < sh->goals.n; k++) {
        if (strcmp(ip_goal_id(sh->goals.items[k]), parent) == 0)
            return 1;
    }
    return 0;
}

static void print_goals(struct show *sh)
{
    heading(sh, "Mål");
    if (sh->goals.n == 0)
        fputs("  Ingen ennå.\n", sh->out);
    for (size_t i = 0; i < sh->goals.n; i++) {
        const char *id = ip_goal_id(sh->goals.items[i]);

        if (has_parent(sh, i))
            continue;
        print_goal(sh, i, 2);
        for (size_t k = 0; k < sh->goals.n; k++) {
            const char *parent = ip_goal_parent_id(sh->goals.items[k]);

            if (parent && strcmp(parent, id) == 0)
                print_goal(sh, k, 6);
        }
    }
}

/* "1.1, 2" for the goals a measure serves. */
static const char *goal_list(char *buf, size_t size, const struct show *sh,
                             const ip_measure *m)
{
    size_t used = 0;

    buf[0] = '\0';
    for (size_t i = 0; i < ip_measure_goal_count(m) && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
                         goal_no(sh, ip_measure_goal_id(m, i)));
        if (n < 0)
            break;
        used += (size_t)n;
    }
    return ip_measure_goal_count(m) ? buf : "ingen";
}

static void print_measure(struct show *sh, size_t i)
{
    const ip_measure *m = sh->measures.items[i];
    char buf[1024], when[256], who_buf[512];
    const char *unit = unit_name(sh, ip_measure_responsible_unit_id(m));
    const char *person = ip_measure_responsible_practitioner_id(m)
                             ? practitioner_name(who_buf, sizeof who_buf, sh,
                                                 ip_measure_responsible_practitioner_id(m))
                             : NULL;
    int n = fprintf(sh->out, "  %zu. ", i + 1);

    iplan_print_wrapped(sh->out, ip_measure_what(m), 5, n > 0 ? n : 0, WIDTH);
    field(sh, 5, "Omfang:", ip_measure_extent(m) ? ip_measure_extent(m) : "ikke satt");
    field(sh, 5, "Gjennomføring:", ip_measure_how(m) ? ip_measure_how(m) : "ikke beskrevet");
    period(when, sizeof when, ip_measure_start_on(m), ip_measure_end_on(m));
    if (ip_measure_frequency(m)) {
        snprintf(buf, sizeof buf, "%s; %s", when, ip_measure_frequency(m));
        field(sh, 5, "Når:", buf);
    } else {
        field(sh, 5, "Når:", when);
    }
    snprintf(buf, sizeof buf, "%s%s%s%s", unit ? unit : "ukjent enhet",
             person ? " (" : "", person ? person : "", person ? ")" : "");
    field(sh, 5, "Ansvarlig:", buf);
    field(sh, 5, "Status:", iplan_measure_status_label(ip_measure_status_of(m)));
    field(sh, 5, "Mål:", goal_list(buf, sizeof buf, sh, m));
    if (ip_measure_decision_ref(m))
        field(sh, 5, "Vedtak:", ip_measure_decision_ref(m));
}

static void print_measures(struct show *sh)
{
    heading(sh, "Tiltak");
    if (sh->measures.n == 0)
        fputs("  Ingen ennå.\n", sh->out);
    for (size_t i = 0; i < sh->measures.n; i++)
        print_measure(sh, i);
}

/* An agreed action as a dashed item under "Avtalt:", wrapped under itself. */
static void print_action(struct show *sh, const ip_meeting_action *a, int first)
{
    char buf[1024], date[IPLAN_DATE_LEN], due[32] = "", became[48] = "";
    size_t m = measure_no(sh, ip_meeting_action_measure_id(a));

    if (ip_meeting_action_due_on(a)) {
        iplan_date_display(date, ip_meeting_action_due_on(a));
        snprintf(due, sizeof due, ", innen %s", date);
    }
    if (m)
        snprintf(became, sizeof became, " (ble tiltak %zu)", m);
    snprintf(buf, sizeof buf, "%s: %s%s%s", who(sh, ip_meeting_action_who_id(a)),
             ip_meeting_action_what(a), due, became);
    fprintf(sh->out, "%*s", 5, "");
    iplan_print_padded(sh->out, first ? "Avtalt:" : "", LABEL);
    fputs("– ", sh->out);
    iplan_print_wrapped(sh->out, buf, 5 + LABEL + 2, 5 + LABEL + 2, WIDTH);
}

static void print_meeting(struct show *sh, const ip_meeting *m)
{
    char buf[2048], held[IPLAN_DATE_LEN], planned[IPLAN_DATE_LEN];
    size_t used = 0;

    iplan_date_display(planned, ip_meeting_planned_on(m));
    if (ip_meeting_held_on(m)) {
        iplan_date_display(held, ip_meeting_held_on(m));
        if (strcmp(ip_meeting_held_on(m), ip_meeting_planned_on(m)) == 0)
            fprintf(sh->out, "  Holdt %s\n", held);
        else
            fprintf(sh->out, "  Holdt %s (planlagt %s)\n", held, planned);
    } else {
        fprintf(sh->out, "  Planlagt %s, ikke holdt ennå\n", planned);
    }
    buf[0] = '\0';
    for (size_t i = 0; i < ip_meeting_attendee_count(m) && used < sizeof buf; i++) {
        int n = snprintf(buf + used, sizeof buf - used, "%s%s", i ? ", " : "",
                         who(sh, ip_meeting_attendee_id(m, i)));
        if (n < 0)
            break;
        used += (size_t)n;
    }
    if (ip_meeting_attendee_count(m))
        field(sh, 5, "Til stede:", buf);
    if (ip_meeting_minutes(m))
        field(sh, 5, "Referat:",
              iplan_excerpt(buf, sizeof buf, ip_meeting_minutes(m), MINUTES_EXCERPT));
    for (size_t i = 0; i < ip_meeting_action_count(m); i++)
        print_action(sh, ip_meeting_action_at(m, i), i == 0);
    if (ip_meeting_next_meeting_on(m)) {
        iplan_date_display(planned, ip_meeting_next_meeting_on(m));
        field(sh, 5, "Neste møte:", planned);
    }
}

static void print_meetings(struct show *sh)
{
    heading(sh, "Ansvarsgruppemøter");
    if (sh->meetings.n == 0)
        fputs("  Ingen ennå.\n", sh->out);
    for (size_t i = 0; i < sh->meetings.n; i++)
        print_meeting(sh, sh->meetings.items[i]);
}

static void print_evaluation(struct show *sh, const ip_evaluation *e)
{
    const ip_meeting *m = meeting_by_id(sh, ip_evaluation_meeting_id(e));
    char what[64], in[64] = "", date[IPLAN_DATE_LEN], day[IPLAN_DATE_LEN];

    if (ip_evaluation_goal_id(e))
        snprintf(what, sizeof what, "mål %s", goal_no(sh, ip_evaluation_goal_id(e)));
    else
        snprintf(what, sizeof what, "tiltak %zu",
                 measure_no(sh, ip_evaluation_measure_id(e)));
    if (m)
        snprintf(in, sizeof in, ", i møtet %s", meeting_day(day, m));
    iplan_date_display(date, ip_evaluation_evaluated_on(e));
    fprintf(sh->out, "  %s, %s, av %s%s\n", date, what,
            who(sh, ip_evaluation_evaluated_by_id(e)), in);
    if (ip_evaluation_achievement(e))
        field(sh, 5, "Måloppnåelse:", iplan_goal_achievement_label(ip_evaluation_achievement(e)));
    field(sh, 5, "Vurdering:", ip_evaluation_assessment(e));
    if (ip_evaluation_note(e))
        field(sh, 5, "Merknad:", ip_evaluation_note(e));
}

static void print_evaluations(struct show *sh)
{
    heading(sh, "Evalueringer");
    if (sh->evaluations.n == 0)
        fputs("  Ingen ennå.\n", sh->out);
    for (size_t i = 0; i < sh->evaluations.n; i++)
        print_evaluation(sh, sh->evaluations.items[i]);
}

static void print_revisions(struct show *sh)
{
    heading(sh, "Revisjoner");
    if (sh->revisions.n == 0)
        fputs("  Ingen ennå.\n", sh->out);
    for (size_t i = 0; i < sh->revisions.n; i++) {
        const ip_revision *r = sh->revisions.items[i];
        const ip_meeting *m = meeting_by_id(sh, ip_revision_meeting_id(r));
        char made[IPLAN_DATE_LEN], day[IPLAN_DATE_LEN], author[512], buf[2048];
        const char *by = practitioner_name(author, sizeof author, sh, ip_revision_author_id(r));
        int n;

        instant_day(made, ip_revision_made_at(r));
        n = fprintf(sh->out, "  %lld. %s: ", (long long)ip_revision_number(r), made);
        snprintf(buf, sizeof buf, "%s (av %s%s%s)", ip_revision_reason(r),
                 by ? by : ip_revision_author_id(r), m ? ", etter møtet " : "",
                 m ? meeting_day(day, m) : "");
        iplan_print_wrapped(sh->out, buf, 5, n > 0 ? n : 0, WIDTH);
    }
}

/* Appends item to a list of names in buf ("A", "A og B", "A, B og C"):
 * `last` says whether it is the last. */
static void append_name(char *buf, size_t size, size_t i, int last, const char *item)
{
    size_t used = strlen(buf);

    if (used < size)
        snprintf(buf + used, size - used, "%s%s", i == 0 ? "" : last ? " og " : ", ", item);
}

/* How the text names a person a consent refers to. */
static const char *consent_person(char *buf, size_t size, struct show *sh, const char *id)
{
    const char *name = id ? person_name(buf, size, sh, id) : NULL;

    return name ? name : "(navn ikke tilgjengelig)";
}

/* The sections a sharing consent opens, in words. */
static const char *sections_text(char *buf, size_t size, unsigned int sections)
{
    static const unsigned int order[] = {IP_SECTION_GOALS, IP_SECTION_MEASURES,
                                         IP_SECTION_MEETINGS, IP_SECTION_PARTICIPANTS,
                                         IP_SECTION_EVALUATIONS};
    size_t n = 0, total = 0;

    if ((sections & IP_SECTION_ALL) == IP_SECTION_ALL)
        return "hele planen";
    for (size_t i = 0; i < 5; i++)
        total += (sections & order[i]) != 0;
    buf[0] = '\0';
    for (size_t i = 0; i < 5; i++) {
        if (sections & order[i]) {
            append_name(buf, size, n, n + 1 == total, iplan_section_label(order[i]));
            n++;
        }
    }
    return buf;
}

/* "trukket tilbake 23.11.2026 av Kari Eksempelsen (muntlig, dokumentert)" */
static const char *withdrawal_text(char *buf, size_t size, struct show *sh, const char *on,
                                   const char *by, ip_consent_form form)
{
    char date[IPLAN_DATE_LEN], name[512];

    iplan_date_display(date, on);
    snprintf(buf, size, "trukket tilbake %s av %s (%s)", date,
             consent_person(name, sizeof name, sh, by), iplan_consent_form_label(form));
    return buf;
}

/* The consent's state today, in words. */
static const char *consent_status(char *buf, size_t size, struct show *sh,
                                  const ip_consent *c)
{
    char date[IPLAN_DATE_LEN];

    switch (ip_consent_state_on(c, sh->today)) {
    case IP_CONSENT_ACTIVE:
        return "aktivt";
    case IP_CONSENT_NOT_YET:
        iplan_date_display(date, ip_consent_valid_from(c));
        snprintf(buf, size, "ikke i kraft ennå (gjelder fra %s)", date);
        return buf;
    case IP_CONSENT_EXPIRED:
        iplan_date_display(date, ip_consent_valid_to(c));
        snprintf(buf, size, "utløpt (gjaldt til %s)", date);
        return buf;
    case IP_CONSENT_WITHDRAWN:
        return withdrawal_text(buf, size, sh, ip_consent_withdrawn_on(c),
                               ip_consent_withdrawn_by_id(c), ip_consent_withdrawal_form(c));
    }
    return "?";
}

/* One recipient of a sharing consent: the unit's or person's name, and
 * when it was withdrawn for them alone. */
static void print_recipient(struct show *sh, const ip_consent *c, size_t i)
{
    const char *id = ip_consent_recipient_id(c, i);
    char name[512], buf[2048], why[1024];
    const char *who = ip_consent_recipient_is_unit(c, i) ? unit_name(sh, id) : NULL;

    if (!who)
        who = ip_consent_recipient_is_unit(c, i) ? "(enhet ikke tilgjengelig)"
                                                 : consent_person(name, sizeof name, sh, id);
    if (ip_consent_recipient_withdrawn_on(c, i))
        snprintf(buf, sizeof buf, "%s%s: %s", who,
                 ip_consent_recipient_is_unit(c, i) ? "" : " (pårørende)",
                 withdrawal_text(why, sizeof why, sh, ip_consent_recipient_withdrawn_on(c, i),
                                 ip_consent_recipient_withdrawn_by_id(c, i),
                                 ip_consent_recipient_withdrawal_form(c, i)));
    else
        snprintf(buf, sizeof buf, "%s%s", who,
                 ip_consent_recipient_is_unit(c, i) ? "" : " (pårørende)");
    field(sh, 6, i == 0 ? "Mottakere:" : "", buf);
}

static void print_consent(struct show *sh, const ip_consent *c)
{
    char buf[2048], name[512], date[IPLAN_DATE_LEN];
    const char *by;
    size_t n = ip_consent_giver_count(c);

    snprintf(buf, sizeof buf, "%s, %s", iplan_consent_kind_label(ip_consent_kind_of(c)),
             iplan_consent_form_label(ip_consent_form_of(c)));
    fputs("  ", sh->out);
    iplan_print_wrapped(sh->out, buf, 4, 2, WIDTH);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        append_name(buf, sizeof buf, i, i + 1 == n,
                    consent_person(name, sizeof name, sh, ip_consent_giver_id(c, i)));
    field(sh, 6, "Gitt av:", buf);
    for (size_t i = 0; i < ip_consent_recipient_count(c); i++)
        print_recipient(sh, c, i);
    if (ip_consent_kind_of(c) == IP_CONSENT_SHARING)
        field(sh, 6, "Gjelder:", sections_text(buf, sizeof buf, ip_consent_sections(c)));
    field(sh, 6, "Formål:", ip_consent_purpose(c));
    field(sh, 6, "Periode:",
          period(buf, sizeof buf, ip_consent_valid_from(c), ip_consent_valid_to(c)));
    field(sh, 6, "Status:", consent_status(buf, sizeof buf, sh, c));
    if (ip_consent_note(c))
        field(sh, 6, "Merknad:", ip_consent_note(c));
    instant_day(date, ip_consent_created_at(c));
    by = practitioner_name(name, sizeof name, sh, ip_consent_registered_by(c));
    snprintf(buf, sizeof buf, "%s av %s", date, by ? by : ip_consent_registered_by(c));
    field(sh, 6, "Registrert:", buf);
}

/* Whether a sharing consent in force today gives unit_id a part of the
 * plan. */
static int unit_shared(const struct show *sh, const char *unit_id)
{
    for (size_t i = 0; i < sh->consents.n; i++) {
        const ip_consent *c = sh->consents.items[i];

        if (ip_consent_kind_of(c) != IP_CONSENT_SHARING ||
            ip_consent_state_on(c, sh->today) != IP_CONSENT_ACTIVE)
            continue;
        for (size_t k = 0; k < ip_consent_recipient_count(c); k++) {
            const char *gone = ip_consent_recipient_withdrawn_on(c, k);

            if (strcmp(ip_consent_recipient_id(c, k), unit_id) == 0 &&
                (!gone || strcmp(gone, sh->today) > 0))
                return 1;
        }
    }
    return 0;
}

/* The effect of the consents on the services taking part: each provider
 * unit taking part today without a sharing consent in force reads nothing
 * of the plan. */
static void print_unshared(struct show *sh)
{
    char buf[2048];
    size_t n = 0, total = 0;
    const char *names[64];

    for (size_t i = 0; i < sh->participants.n && total < 64; i++) {
        const ip_participant *p = sh->participants.items[i];
        const char *unit = ip_participant_unit_id(p);
        const char *to = ip_participant_valid_to(p);
        int dup = 0;

        if (ip_participant_role_of(p) != IP_PARTICIPANT_PROVIDER || !unit ||
            strcmp(ip_participant_valid_from(p), sh->today) > 0 ||
            (to && strcmp(to, sh->today) < 0) || unit_shared(sh, unit))
            continue;
        for (size_t k = 0; k < total; k++)
            dup |= strcmp(names[k], unit_name(sh, unit) ? unit_name(sh, unit) : unit) == 0;
        if (!dup)
            names[total++] = unit_name(sh, unit) ? unit_name(sh, unit) : unit;
    }
    if (total == 0)
        return;
    buf[0] = '\0';
    for (size_t i = 0; i < total; i++, n++)
        append_name(buf, sizeof buf, n, n + 1 == total, names[i]);
    fputs("\n  ", sh->out);
    iplan_print_wrapped(sh->out, total == 1 ? "Denne tjenesteyteren tar del i planen, men har "
                                              "ikke samtykke til deling og får ikke lese den:"
                                            : "Disse tjenesteyterne tar del i planen, men har "
                                              "ikke samtykke til deling og får ikke lese den:",
                        2, 2, WIDTH);
    fputs("    ", sh->out);
    iplan_print_wrapped(sh->out, buf, 4, 4, WIDTH);
}

static void print_consents(struct show *sh)
{
    heading(sh, "Samtykke");
    if (sh->consents_denied) {
        fputs("  Samtykkene kan ikke vises for denne brukeren.\n", sh->out);
        return;
    }
    if (sh->consents.n == 0)
        fputs("  Ingen samtykker er registrert.\n", sh->out);
    for (size_t i = 0; i < sh->consents.n; i++)
        print_consent(sh, sh->consents.items[i]);
    print_unshared(sh);
}

static void print_check(struct show *sh)
{
    size_t missing = ip_plan_check_missing_count(sh->check);

    heading(sh, "Innholdskrav (punkt a–i i forskriften)");
    if (ip_plan_check_is_complete(sh->check)) {
        fputs("  Planen er komplett.\n", sh->out);
        return;
    }
    for (size_t i = 0; i < missing; i++) {
        int n = fprintf(sh->out, "  Mangler punkt %c: ",
                        ip_plan_check_missing_letter(sh->check, i));

        iplan_print_wrapped(sh->out, ip_plan_check_missing_text(sh->check, i), 4,
                            n > 0 ? n : 0, WIDTH);
    }
}

int iplan_cmd_show(const struct iplan_opts *opts)
{
    ip_store *store = NULL;
    struct show sh;
    int rc, status;

    memset(&sh, 0, sizeof sh);
    sh.out = stdout;
    iplan_today(sh.today);
    rc = iplan_store_open(&store, opts->store, 0);
    if (rc == IPLAN_EXIT_OK)
        rc = iplan_session_open(&sh.s, store, opts);
    if (rc == IPLAN_EXIT_OK) {
        status = load(&sh, opts->plan_id);
        if (status != IP_OK) {
            iplan_fail_code("kunne ikke lese planen", status);
            rc = IPLAN_EXIT_FAIL;
        } else {
            print_plan(&sh);
            print_coordinators(&sh);
            print_participants(&sh);
            print_goals(&sh);
            print_measures(&sh);
            print_meetings(&sh);
            print_evaluations(&sh);
            print_revisions(&sh);
            print_consents(&sh);
            print_check(&sh);
        }
    }
    show_free(&sh);
    ip_session_free(sh.s);
    ip_store_close(store);
    return rc;
}
