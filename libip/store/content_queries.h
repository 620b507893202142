/*
 * Fixed queries of the whole-plan loader (libip/plan_content.c): one per
 * table, each by plan_id over the table's *_by_plan index, so a plan loads
 * with the same number of queries whatever its size (SQL text in
 * content_queries.c). Modules pass only the arguments, in the order each
 * comment gives.
 *
 * The loader reads the person's consents with the consent module's own
 * queries, by person_id (store/consent_queries.h: ip__q_consents_of_person,
 * ip__q_consent_givers_of_person, ip__q_consent_recipients_of_person): three
 * more statements, whatever the number of consents; and the person's
 * coordinator assignments with ip__q_content_coordinators, by person_id: one
 * more.
 */
#ifndef IP_STORE_CONTENT_QUERIES_H
#define IP_STORE_CONTENT_QUERIES_H

#include <stddef.h>

#include "store/db.h"
#include "store/record.h"

/* participant rows; (plan_id) oldest first */
extern const ip__query ip__q_content_participants;
/* goal rows; (plan_id) oldest first */
extern const ip__query ip__q_content_goals;
/* measure rows; (plan_id) oldest first */
extern const ip__query ip__q_content_measures;
/* meeting rows; (plan_id) oldest first */
extern const ip__query ip__q_content_meetings;
/* meeting_action rows; (plan_id) by meeting_id, then oldest first */
extern const ip__query ip__q_content_meeting_actions;
/* evaluation rows; (plan_id) oldest first */
extern const ip__query ip__q_content_evaluations;
/* plan_revision rows; (plan_id) by number */
extern const ip__query ip__q_content_revisions;
/* pairs (measure_id, goal_id); (plan_id) ordered by measure_id, goal_id */
extern const ip__query ip__q_content_measure_goals;
/* pairs (meeting_id, participant_id); (plan_id) ordered by meeting_id,
 * participant_id */
extern const ip__query ip__q_content_meeting_attendees;
/* coordinator_assignment rows; (person_id) every assignment of the person,
 * ended ones included, oldest first (creation order) */
extern const ip__query ip__q_content_coordinators;

/* pairs (measure_id, goal_id); (measure_id) ordered by goal_id */
extern const ip__query ip__q_content_goal_links_of_measure;
/* pairs (meeting_id, participant_id); (meeting_id) ordered by participant_id */
extern const ip__query ip__q_content_attendees_of_meeting;
/* meeting_action rows; (meeting_id) oldest first */
extern const ip__query ip__q_content_actions_of_meeting;

#endif
