/*
 * Fixed queries of the plan and participant modules (SQL text in
 * plan_queries.c). Modules pass only the arguments, in the order each
 * comment gives.
 */
#ifndef IP_STORE_PLAN_QUERIES_H
#define IP_STORE_PLAN_QUERIES_H

#include "store/record.h"

/* scalar; (person_id): 1 when the person has an open (draft or active)
 * plan. Matches the partial unique index plan_one_open. */
extern const ip__query ip__q_plan_open_exists;
/* scalar; (application_id): the outcome of the application's plan
 * request, 0 when it asks for no plan. */
extern const ip__query ip__q_plan_request_outcome;
/* scalar; (id): 1 when the practitioner exists */
extern const ip__query ip__q_practitioner_exists;

/* plan rows; (person_id): the open plan of the person (at most one) */
extern const ip__query ip__q_plan_open_of_person;
/* plan rows; () oldest first */
extern const ip__query ip__q_plans_all;
/* plan rows; (person_id) oldest first */
extern const ip__query ip__q_plans_of_person;
/* plan rows; (status) oldest first */
extern const ip__query ip__q_plans_with_status;
/* plan rows; (person_id, status) oldest first */
extern const ip__query ip__q_plans_of_person_with_status;

/* participant rows; (plan_id) by role, then oldest first */
extern const ip__query ip__q_participants_of_plan;

#endif
