/* Fixed queries of the meeting module (declared in meeting_queries.h). */
#include "records.h"
#include "store/meeting_queries.h"

/* Matches the index meeting_by_plan. */
const ip__query ip__q_meetings_of_plan = {&ip__meeting_table,
    "WHERE plan_id = ?1 ORDER BY planned_on, id"};

const ip__query ip__q_attendee_insert = {NULL,
    "INSERT INTO meeting_attendee (meeting_id, participant_id, plan_id)"
    " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"};

const ip__query ip__q_attendee_delete = {NULL,
    "DELETE FROM meeting_attendee WHERE meeting_id = ?1 AND participant_id = ?2"};
