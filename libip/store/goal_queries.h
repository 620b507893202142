/*
 * Fixed queries of the goal, measure and evaluation modules. The SQL text
 * is in goal_queries.c; modules pass only the arguments, in the order each
 * comment gives.
 */
#ifndef IP_STORE_GOAL_QUERIES_H
#define IP_STORE_GOAL_QUERIES_H

#include "store/record.h"

/* goal rows; (plan_id): in creation order */
extern const ip__query ip__q_goals_of_plan;
/* scalar; (plan_id, goal_id): 1 when the goal has sub-goals */
extern const ip__query ip__q_goal_has_children;
/* scalar; (goal_id): 1 when the goal is itself a sub-goal */
extern const ip__query ip__q_goal_is_sub_goal;

/* measure rows; (plan_id): in creation order */
extern const ip__query ip__q_measures_of_plan;
/* scalar; (measure_id, goal_id): 1 when linked */
extern const ip__query ip__q_measure_goal_exists;
/* exec; (measure_id, goal_id, plan_id) */
extern const ip__query ip__q_measure_goal_insert;
/* exec; (measure_id, goal_id) */
extern const ip__query ip__q_measure_goal_delete;

/* evaluation rows; (plan_id, goal_id or NULL, measure_id or NULL): by
 * evaluated_on, then in creation order */
extern const ip__query ip__q_evaluations_of_plan;

#endif
