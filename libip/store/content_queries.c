/* Fixed queries of the whole-plan loader (declared in content_queries.h). */
#include "records.h"
#include "store/content_queries.h"

#include "alloc.h"
#include "error.h"

const ip__query ip__q_content_participants = {&ip__participant_table,
    "WHERE plan_id = ?1 ORDER BY created_at, id"};

const ip__query ip__q_content_goals = {&ip__goal_table,
    "WHERE plan_id = ?1 ORDER BY created_at, id"};

const ip__query ip__q_content_measures = {&ip__measure_table,
    "WHERE plan_id = ?1 ORDER BY created_at, id"};

const ip__query ip__q_content_meetings = {&ip__meeting_table,
    "WHERE plan_id = ?1 ORDER BY created_at, id"};

const ip__query ip__q_content_meeting_actions = {&ip__meeting_action_table,
    "WHERE plan_id = ?1 ORDER BY meeting_id, created_at, id"};

const ip__query ip__q_content_evaluations = {&ip__evaluation_table,
    "WHERE plan_id = ?1 ORDER BY created_at, id"};

const ip__query ip__q_content_revisions = {&ip__plan_revision_table,
    "WHERE plan_id = ?1 ORDER BY number"};

const ip__query ip__q_content_measure_goals = {NULL,
    "SELECT measure_id, goal_id FROM measure_goal WHERE plan_id = ?1"
    " ORDER BY measure_id, goal_id"};

const ip__query ip__q_content_meeting_attendees = {NULL,
    "SELECT meeting_id, participant_id FROM meeting_attendee WHERE plan_id = ?1"
    " ORDER BY meeting_id, participant_id"};

/* By person, over the index coordinator_by_person (person_id first). */
const ip__query ip__q_content_coordinators = {&ip__coordinator_assignment_table,
    "WHERE person_id = ?1 ORDER BY created_at, id"};

const ip__query ip__q_content_goal_links_of_measure = {NULL,
    "SELECT measure_id, goal_id FROM measure_goal WHERE measure_id = ?1"
    " ORDER BY goal_id"};

const ip__query ip__q_content_attendees_of_meeting = {NULL,
    "SELECT meeting_id, participant_id FROM meeting_attendee WHERE meeting_id = ?1"
    " ORDER BY participant_id"};

const ip__query ip__q_content_actions_of_meeting = {&ip__meeting_action_table,
    "WHERE meeting_id = ?1 ORDER BY created_at, id"};
