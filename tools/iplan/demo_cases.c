/*
 * The demo's case handling, in the coordinating unit's session and through
 * the public API only: a coordinator handing over to a colleague, a
 * specialist coordinator the home municipality is told about, and
 * complaints on each of their ways (left waiting, late, reversed by the
 * municipality, decided by Statsforvalteren). The scenarios in demo.c call
 * these with the ids they keep in their own locals. Days are counted from
 * today, as everywhere in the demo.
 */
#include "demo.h"

#include <string.h>

/* ---- coordinators ------------------------------------------------------ */

/* The person's active assignment of kind: its id and revision. */
static int active_assignment(struct demo *d, const char *person_id,
                             ip_coordinator_kind kind, demo_id id, int64_t *revision)
{
    ip_coordinator_iterator *it = NULL;
    ip_coordinator_assignment *a = NULL;
    int rc, found = -1;

    if (ip_coordinator_iterator_new(&it, d->cu, person_id, 1) != IP_OK)
        return demo_fail(d, "lese koordinatoroppnevningene");
    while (found && (rc = ip_coordinator_next(&a, it)) == IP_OK) {
        if (ip_coordinator_kind_of(a) == kind) {
            *revision = ip_coordinator_revision(a);
            found = demo_copy_id(d, id, ip_coordinator_id(a));
        }
        ip_coordinator_free(a);
    }
    ip_coordinator_iterator_free(it);
    if (found)
        iplan_errorf("demo, %s: fant ingen aktiv koordinator",
                     d->scenario);
    return found;
}

/* The participant takes part up to the day before `on` (days from today). */
static int end_participation(struct demo *d, const char *participant_id, long on)
{
    ip_participant *old = NULL;
    char last[IPLAN_DATE_LEN];
    int rc;

    demo_day(d, last, on - 1);
    rc = ip_participant_get(&old, d->cu, participant_id);
    if (rc == IP_OK)
        rc = ip_participant_end(NULL, d->cu, participant_id,
                                ip_participant_revision(old), last);
    ip_participant_free(old);
    return rc == IP_OK ? 0 : demo_fail(d, "avslutte koordinatorens deltakelse");
}

/* In the plan, the coordinator participant's last day is the day before
 * the handover, and the colleague takes part from that day. */
static int hand_over_participation(struct demo *d, const struct demo_handover *h,
                                   const char *on)
{
    ip_participant_fields f = IP_PARTICIPANT_FIELDS_INIT;

    if (end_participation(d, h->old_participant_id, h->on))
        return -1;
    f.plan_id = h->plan_id;
    f.role = IP_PARTICIPANT_COORDINATOR;
    f.practitioner_id = h->practitioner_id;
    f.unit_id = h->unit_id;
    f.responsibility_group = 1;
    f.valid_from = on;
    f.contribution = h->contribution;
    if (ip_participant_create(NULL, d->cu, &f) != IP_OK)
        return demo_fail(d, "legge til den nye koordinatoren som deltaker");
    return 0;
}

int demo_handover(struct demo *d, const struct demo_handover *h)
{
    ip_coordinator_fields f = IP_COORDINATOR_FIELDS_INIT;
    char on[IPLAN_DATE_LEN];
    demo_id old_id;
    int64_t revision = 0;

    if (active_assignment(d, h->person_id, h->kind, old_id, &revision))
        return -1;
    demo_day(d, on, h->on);
    f.person_id = h->person_id;
    f.kind = h->kind;
    f.practitioner_id = h->practitioner_id;
    f.unit_id = h->unit_id;
    f.appointed_on = on;
    if (ip_coordinator_handover(NULL, d->cu, old_id, revision, &f, h->reason) != IP_OK)
        return demo_fail(d, "overlate koordinatoroppgaven til en kollega");
    d->handovers++;
    return hand_over_participation(d, h, on);
}

int demo_coordinator_left(struct demo *d, const char *person_id, ip_coordinator_kind kind,
                          const char *participant_id, long on, const char *reason)
{
    char day[IPLAN_DATE_LEN];
    demo_id id;
    int64_t revision = 0;

    if (active_assignment(d, person_id, kind, id, &revision))
        return -1;
    demo_day(d, day, on);
    if (ip_coordinator_end(NULL, d->cu, id, revision, day, reason) != IP_OK)
        return demo_fail(d, "avslutte koordinatoroppnevningen");
    return end_participation(d, participant_id, on);
}

/* Whether the outbox's newest pending event tells the coordinating unit of
 * the specialist coordinator assignment. */
static int home_municipality_told(struct demo *d, const char *assignment_id)
{
    ip_outbox_iterator *it = NULL;
    ip_outbox_event *e = NULL, *last = NULL;
    int told;

    if (ip_outbox_iterator_new(&it, d->cu, 1) != IP_OK)
        return demo_fail(d, "lese utboksen");
    while (ip_outbox_next(&e, it) == IP_OK) {
        ip_outbox_event_free(last);
        last = e;
    }
    ip_outbox_iterator_free(it);
    told = ip_outbox_event_kind_of(last) == IP_OUTBOX_SPECIALIST_COORDINATOR &&
           strcmp(ip_outbox_event_object_id(last), assignment_id) == 0 &&
           ip_outbox_event_unit_id(last) &&
           strcmp(ip_outbox_event_unit_id(last), d->coordinating) == 0;
    ip_outbox_event_free(last);
    if (!told)
        iplan_errorf("demo, %s: koordinerende enhet fikk ikke beskjed om "
                     "koordinatoren i spesialisthelsetjenesten",
                     d->scenario);
    return told ? 0 : -1;
}

int demo_specialist_coordinator(struct demo *d, const char *person_id,
                                const char *practitioner_id, long days_ago)
{
    ip_coordinator_fields f = IP_COORDINATOR_FIELDS_INIT;
    ip_coordinator_assignment *a = NULL;
    char on[IPLAN_DATE_LEN];
    demo_id id;
    int rc;

    demo_day(d, on, -days_ago);
    f.person_id = person_id;
    f.kind = IP_SPECIALIST_COORDINATOR;
    f.practitioner_id = practitioner_id;
    f.appointed_on = on;
    if (ip_coordinator_appoint(&a, d->cu, &f) != IP_OK)
        return demo_fail(d, "registrere koordinator i spesialisthelsetjenesten");
    rc = demo_copy_id(d, id, ip_coordinator_id(a));
    ip_coordinator_free(a);
    return rc ? -1 : home_municipality_told(d, id);
}

/* ---- complaints -------------------------------------------------------- */

/* Registers the complaint, written and signed; id and *revision receive
 * its id and revision, *late whether it came after the deadline. */
static int file(struct demo *d, const struct demo_complaint *c, demo_id id,
                int64_t *revision, int *late)
{
    ip_complaint_fields f = IP_COMPLAINT_FIELDS_INIT;
    char knew[IPLAN_DATE_LEN], received[IPLAN_DATE_LEN];
    ip_complaint *made = NULL;
    int rc;

    demo_day(d, knew, c->knew_in);
    demo_day(d, received, c->received_in);
    f.person_id = c->person_id;
    f.filed_by_id = c->filed_by_id;
    f.is_written = 1;
    f.is_signed = 1;
    f.ground = c->ground;
    f.application_id = c->application_id;
    f.plan_id = c->plan_id;
    f.knew_on = knew;
    f.received_on = received;
    f.note = c->note;
    if (ip_complaint_file(&made, d->cu, &f) != IP_OK)
        return demo_fail(d, "registrere en klage");
    *revision = ip_complaint_revision(made);
    *late = ip_complaint_is_late(made);
    rc = demo_copy_id(d, id, ip_complaint_id(made));
    ip_complaint_free(made);
    d->complaints++;
    return rc;
}

/* Files a complaint received in time and takes it up. */
static int file_and_review(struct demo *d, const struct demo_complaint *c, demo_id id,
                           int64_t *revision, const char *review_note)
{
    int late = 0;

    if (file(d, c, id, revision, &late))
        return -1;
    if (late) {
        iplan_errorf("demo, %s: klagen ble merket for sen", d->scenario);
        return -1;
    }
    if (ip_complaint_review(revision, d->cu, id, *revision, review_note) != IP_OK)
        return demo_fail(d, "ta klagen til behandling");
    return 0;
}

int demo_complaint_received(struct demo *d, const struct demo_complaint *c)
{
    demo_id id;
    int64_t revision;
    int late = 0;

    return file(d, c, id, &revision, &late);
}

int demo_complaint_late(struct demo *d, const struct demo_complaint *c,
                        const char *review_note)
{
    demo_id id;
    int64_t revision;
    int late = 0;

    if (file(d, c, id, &revision, &late))
        return -1;
    if (!late) {
        iplan_errorf("demo, %s: klagen ble ikke merket for sen", d->scenario);
        return -1;
    }
    if (ip_complaint_review(NULL, d->cu, id, revision, review_note) != IP_OK)
        return demo_fail(d, "ta klagen til behandling");
    return 0;
}

int demo_complaint_reversed(struct demo *d, const struct demo_complaint *c,
                            const char *review_note, const char *reverse_note)
{
    demo_id id;
    int64_t revision;

    if (file_and_review(d, c, id, &revision, review_note))
        return -1;
    if (ip_complaint_reverse(NULL, d->cu, id, revision, reverse_note) != IP_OK)
        return demo_fail(d, "omgjøre vedtaket etter klage");
    return 0;
}

int demo_complaint_decided(struct demo *d, const struct demo_complaint *c,
                           const char *forward_note, ip_complaint_outcome outcome,
                           const char *decision_note)
{
    demo_id id;
    int64_t revision;

    if (file_and_review(d, c, id, &revision, NULL))
        return -1;
    if (ip_complaint_forward(&revision, d->cu, id, revision, forward_note) != IP_OK)
        return demo_fail(d, "sende klagen til Statsforvalteren");
    if (ip_complaint_decide(&revision, d->cu, id, revision, outcome, NULL,
                            decision_note) != IP_OK)
        return demo_fail(d, "registrere Statsforvalterens vedtak");
    if (ip_complaint_close(NULL, d->cu, id, revision, NULL) != IP_OK)
        return demo_fail(d, "avslutte klagesaken");
    return 0;
}
