/*
 * What demo.c (the scenarios) and demo_plans.c (their plans) share: the
 * demo's state, its error reporting, and a plan described as data.
 *
 * A scenario describes its plan the way it describes its services: as
 * tables. Records refer to each other through the id buffers the tables
 * name (a goal's `expressed_by` is the `id` buffer of a participant row):
 * demo_plan_build() fills each buffer as it creates the record, in the
 * order participants, consents, goals, measures, meeting, evaluations,
 * withdrawals, so every reference is filled before it is read.
 */
#ifndef IPLAN_DEMO_H
#define IPLAN_DEMO_H

#include "iplan.h"

#include <limits.h>

#define DEMO_ID_MAX 64
typedef char demo_id[DEMO_ID_MAX];

struct demo {
    ip_store *store;       /* for the sessions of coordinators and persons */
    ip_session *admin;     /* master data */
    ip_session *cu;        /* personal data, as the coordinating unit */
    const char *scenario;  /* for error messages */
    char today[IPLAN_DATE_LEN];
    long next_orgnr;       /* base of the next organisation number */
    int next_individual;   /* where the next individual number search starts */
    int units, practitioners, persons, relations, applications;
    int plans, goals, measures, meetings, revisions, consents, withdrawals;
    int handovers, complaints;

    /* The municipality's own services and the regional specialist service
     * that more than one scenario uses. */
    demo_id coordinating;  /* koordinerende enhet */
    demo_id home_care;     /* hjemmetjenesten */
    demo_id therapy;       /* fysio- og ergoterapitjenesten */
    demo_id health_station;/* helsestasjon og skolehelsetjeneste */
    demo_id nav;           /* NAV */
    demo_id habilitation;  /* habiliteringstjenesten for barn og unge */
    /* Their staff whom the plans name. */
    demo_id nurse;         /* sykepleier, hjemmetjenesten */
    demo_id physio;        /* fysioterapeut */
    demo_id ergo;          /* ergoterapeut */
    demo_id school_nurse;  /* helsesykepleier */
    demo_id health_nurse;  /* helsesykepleier, her colleague */
    demo_id nav_adviser;   /* veileder, NAV */
    demo_id habil_doctor;  /* overlege, habiliteringstjenesten */
};

/** Reports "demo, <scenario>: kunne ikke <what>: <libip's error>"; -1. */
int demo_fail(struct demo *d, const char *what);
/** Copies an id the library returned into out; -1 (reported) if unusable. */
int demo_copy_id(struct demo *d, demo_id out, const char *id);
/** today + days (days may be negative). */
void demo_day(struct demo *d, char out[IPLAN_DATE_LEN], long days);

/** "No date" in the day offsets below (0 is today). */
#define DEMO_NO_DATE LONG_MIN

/** The rows of a table and their number, for the `struct demo_plan` lists. */
#define DEMO_ROWS(table) (table), sizeof(table) / sizeof(table)[0]

/** Who takes part. The references are those the role needs
 *  (ip/participant.h); the participation starts with the plan period. */
struct demo_participant {
    char *id;                    /* receives the participant's id */
    ip_participant_role role;
    const char *person_id;       /* person, representative, next of kin */
    const char *practitioner_id; /* coordinator; a provider's contact */
    const char *unit_id;         /* provider; the coordinator's unit */
    int group;                   /* in the responsibility group */
    const char *contribution;
};

/** A goal in the words of the participant who expressed it. */
struct demo_goal {
    char *id;                    /* receives the goal's id */
    const char *parent;          /* the long-term goal's id buffer, or NULL */
    const char *expressed_by;    /* a participant's id buffer */
    long target_in;              /* days from today, or DEMO_NO_DATE */
    const char *text;
};

/** A measure and the goals it serves. */
struct demo_measure {
    const char *what, *extent, *how, *frequency;
    long start_in, end_in;       /* days from today, or DEMO_NO_DATE */
    const char *unit_id, *practitioner_id;
    ip_measure_status status;
    const char *goals[3];        /* goal id buffers, up to three */
};

/** An action agreed in the meeting; with `measure`, it becomes one. */
struct demo_action {
    const char *who;             /* a participant's id buffer */
    const char *what;
    long due_in;                 /* days from today, or DEMO_NO_DATE */
    const struct demo_measure *measure;
};

/** A held meeting of the responsibility group. */
struct demo_meeting {
    char *id;                    /* receives the meeting's id */
    long held_ago;               /* days before today */
    long next_in;                /* the next meeting, days from today */
    const char *minutes;
    const char *attendees[8];    /* participant id buffers, up to eight */
    struct demo_action actions[2];
};

/** An evaluation of a goal, made in the meeting. */
struct demo_evaluation {
    const char *goal;            /* the goal's id buffer */
    const char *by;              /* a participant's id buffer */
    ip_goal_achievement achievement;
    const char *assessment;
};

/**
 * A consent about the plan's person (ip/consent.h), registered by the
 * coordinating unit once the participants are named and before the plan is
 * put in force (activation needs the consent to the plan). Those who give
 * it must have standing on `from`: the person from 16, for a younger child
 * every parent with parental responsibility (the child may sign beside
 * them).
 */
struct demo_consent {
    char *id;                    /* receives the consent's id, or NULL */
    ip_consent_kind kind;
    ip_consent_form form;
    const char *given_by[4];     /* person ids, up to four */
    const char *units[8];        /* sharing: recipient unit ids, up to eight */
    const char *persons[2];      /* sharing: recipient person ids (next of kin) */
    unsigned int sections;       /* sharing: IP_SECTION_* bits; 0 = every section */
    const char *purpose;
    long from, to;               /* days from today; `to` may be DEMO_NO_DATE */
    const char *note;
};

/**
 * A withdrawal, after the plan is built: of one recipient, or (recipient
 * NULL) of the whole consent. With a reader (a practitioner of the
 * withdrawn unit), the demo shows the effect: that unit's provider reads
 * the plan before the withdrawal and is refused after it.
 */
struct demo_withdrawal {
    const char *consent;         /* the consent's id buffer */
    const char *recipient;       /* a recipient's id, or NULL */
    const char *by;              /* who withdrew it: the person, or one with standing */
    ip_consent_form form;
    long on;                     /* days from today, not after today */
    const char *reader;          /* a practitioner id of the recipient unit, or NULL */
};

/**
 * A plan. With an application, the coordinating unit opens it from that
 * application's granted plan request; without, directly for the person.
 * The coordinating unit names the participants and registers the consents. If one of them is the
 * coordinator, the coordinator (a session of their own) adds the goals,
 * measures, meeting and evaluations, puts the plan in force when `activate`
 * and revises it after the meeting; without a coordinator the person
 * proposes the goals themselves and nothing else can be added.
 */
struct demo_plan {
    const char *application_id;  /* or NULL: opened directly */
    const char *person_id;
    long period_start, period_end, next_revision; /* days from today */
    const char *resources, *needs, *cooperation;
    const struct demo_participant *participants;
    size_t nparticipants;
    const struct demo_goal *goals;
    size_t ngoals;
    const struct demo_measure *measures;
    size_t nmeasures;
    const struct demo_meeting *meeting;   /* or NULL */
    const struct demo_evaluation *evaluations;
    size_t nevaluations;
    int activate;
    const char *revision_reason; /* after the meeting; NULL: no revision */
    const struct demo_consent *consents;
    size_t nconsents;
    const struct demo_withdrawal *withdrawals;
    size_t nwithdrawals;
};

/** Builds a plan; id, when not NULL, receives the plan's id. -1
 *  (reported) on failure. */
int demo_plan_build(struct demo *d, const struct demo_plan *plan, char *id);

/* ---- case handling (demo_cases.c), in the coordinating unit's session -- */

/** A coordinator hands over to a colleague `on` (days from today, not
 *  after today): the person's active assignment of `kind` ends and the
 *  colleague's starts, and in the plan the old coordinator participant's
 *  last day is the day before and the colleague takes part from `on`. */
struct demo_handover {
    const char *person_id;
    ip_coordinator_kind kind;
    const char *plan_id;
    const char *old_participant_id; /* the plan's coordinator participant */
    const char *practitioner_id;    /* the colleague */
    const char *unit_id;            /* the colleague's unit */
    long on;
    const char *reason;
    const char *contribution;       /* the colleague's, in the plan */
};
int demo_handover(struct demo *d, const struct demo_handover *h);

/** A coordinator leaves without anyone taking over: the person's active
 *  assignment of `kind` ends `on` (days from today) with reason, and the
 *  plan's coordinator participant's last day is the day before. */
int demo_coordinator_left(struct demo *d, const char *person_id, ip_coordinator_kind kind,
                          const char *participant_id, long on, const char *reason);

/** The specialist health service's coordinator, appointed `days_ago`;
 *  checks that the home municipality's coordinating unit is told through
 *  the outbox. */
int demo_specialist_coordinator(struct demo *d, const char *person_id,
                                const char *practitioner_id, long days_ago);

/** A complaint as received. Days are from today. */
struct demo_complaint {
    const char *person_id;
    const char *filed_by_id;
    ip_complaint_ground ground;
    const char *application_id;     /* the refused grounds */
    const char *plan_id;            /* the other grounds */
    long knew_in, received_in;
    const char *note;
};
/** Received, not yet taken up (its deadline may be near). */
int demo_complaint_received(struct demo *d, const struct demo_complaint *c);
/** Received after its deadline, accepted, marked late and taken up:
 *  it waits in municipal review. */
int demo_complaint_late(struct demo *d, const struct demo_complaint *c,
                        const char *review_note);
/** Reviewed and reversed by the municipality (a refused request becomes
 *  granted). */
int demo_complaint_reversed(struct demo *d, const struct demo_complaint *c,
                            const char *review_note, const char *reverse_note);
/** Reviewed, forwarded to Statsforvalteren, decided and closed. */
int demo_complaint_decided(struct demo *d, const struct demo_complaint *c,
                           const char *forward_note, ip_complaint_outcome outcome,
                           const char *decision_note);

#endif
