/*
 * Fixed queries of the meeting module (SQL text in meeting_queries.c).
 * Meetings and agreed actions are written through the generic record
 * operations of db.h; these read a meeting's attendees and actions, and
 * keep the attendee rows (meeting_attendee has no record of its own).
 */
#ifndef IP_STORE_MEETING_QUERIES_H
#define IP_STORE_MEETING_QUERIES_H

#include "store/record.h"

/* meeting rows; (plan_id) earliest planned first */
extern const ip__query ip__q_meetings_of_plan;
/* exec; (meeting_id, participant_id, plan_id): changes 0 when the
 * participant is listed already */
extern const ip__query ip__q_attendee_insert;
/* exec; (meeting_id, participant_id): changes 0 when not listed */
extern const ip__query ip__q_attendee_delete;

#endif
