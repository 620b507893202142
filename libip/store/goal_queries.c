/* Fixed queries of the goal, measure and evaluation modules (declared in
 * goal_queries.h). Ids are time-ordered, so ordering by id is creation
 * order. */
#include "records.h"
#include "store/goal_queries.h"

const ip__query ip__q_goals_of_plan = {&ip__goal_table,
    "WHERE plan_id = ?1 ORDER BY id"};

const ip__query ip__q_goal_has_children = {NULL,
    "SELECT EXISTS (SELECT 1 FROM goal WHERE plan_id = ?1 AND parent_id = ?2)"};

const ip__query ip__q_goal_is_sub_goal = {NULL,
    "SELECT EXISTS (SELECT 1 FROM goal WHERE id = ?1 AND parent_id IS NOT NULL)"};

const ip__query ip__q_measures_of_plan = {&ip__measure_table,
    "WHERE plan_id = ?1 ORDER BY id"};


const ip__query ip__q_measure_goal_exists = {NULL,
    "SELECT EXISTS (SELECT 1 FROM measure_goal WHERE measure_id = ?1 AND goal_id = ?2)"};

const ip__query ip__q_measure_goal_insert = {NULL,
    "INSERT INTO measure_goal (measure_id, goal_id, plan_id) VALUES (?1, ?2, ?3)"};

const ip__query ip__q_measure_goal_delete = {NULL,
    "DELETE FROM measure_goal WHERE measure_id = ?1 AND goal_id = ?2"};

const ip__query ip__q_evaluations_of_plan = {&ip__evaluation_table,
    "WHERE plan_id = ?1 AND (?2 IS NULL OR goal_id = ?2)"
    " AND (?3 IS NULL OR measure_id = ?3) ORDER BY evaluated_on, id"};
