/* Fixed queries of the plan and participant modules (declared in
 * plan_queries.h). */
#include "records.h"
#include "store/plan_queries.h"

const ip__query ip__q_plan_open_exists = {NULL,
    "SELECT EXISTS (SELECT 1 FROM plan WHERE person_id = ?1 AND status <> 3)"};

const ip__query ip__q_plan_request_outcome = {NULL,
    "SELECT outcome FROM application_request WHERE application_id = ?1 AND kind = 1"};

const ip__query ip__q_practitioner_exists = {NULL,
    "SELECT EXISTS (SELECT 1 FROM practitioner WHERE id = ?1)"};

const ip__query ip__q_plan_open_of_person = {&ip__plan_table,
    "WHERE person_id = ?1 AND status <> 3"};

const ip__query ip__q_plans_all = {&ip__plan_table, "ORDER BY created_at, id"};

const ip__query ip__q_plans_of_person = {&ip__plan_table,
    "WHERE person_id = ?1 ORDER BY created_at, id"};

const ip__query ip__q_plans_with_status = {&ip__plan_table,
    "WHERE status = ?1 ORDER BY created_at, id"};

const ip__query ip__q_plans_of_person_with_status = {&ip__plan_table,
    "WHERE person_id = ?1 AND status = ?2 ORDER BY created_at, id"};

const ip__query ip__q_participants_of_plan = {&ip__participant_table,
    "WHERE plan_id = ?1 ORDER BY role, created_at, id"};
