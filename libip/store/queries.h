/*
 * Every fixed query of the module layer. The SQL text is in queries.c;
 * modules pass only the arguments, in the order each comment gives.
 */
#ifndef IP_STORE_QUERIES_H
#define IP_STORE_QUERIES_H

#include "store/record.h"

/* scalar; (related_id, person_id, on): 1 when related_id is a parent or
 * guardian of person_id on that day. */
extern const ip__query ip__q_is_representative;
/* scalar; (plan_id, practitioner_id, on): 1 when the practitioner is an
 * active coordinator participant of the plan on that day. */
extern const ip__query ip__q_is_plan_coordinator;
/* scalar; (plan_id, unit_id, on): 1 when the unit takes part in the plan as
 * a provider on that day. */
extern const ip__query ip__q_is_plan_provider;
/* scalar; (practitioner_id, person_id, on): 1 when the practitioner is an
 * active coordinator participant of an open plan of the person. */
extern const ip__query ip__q_coordinates_person;
/* scalar; (id): 1 when a unit with that id exists and is coordinating */
extern const ip__query ip__q_unit_is_coordinating;
/* scalar; (id): 1 when the unit exists */
extern const ip__query ip__q_unit_exists;
/* scalar; (id, unit_id): 1 when the practitioner works in that unit */
extern const ip__query ip__q_practitioner_in_unit;
/* scalar; (id): 1 when the person exists */
extern const ip__query ip__q_person_exists;
/* scalar; (national_id, id or NULL): 1 when another person has it */
extern const ip__query ip__q_national_id_taken;

/* person rows; (national_id) */
extern const ip__query ip__q_person_by_national_id;
/* relation rows; (person_id): both directions, oldest first */
extern const ip__query ip__q_relations_of_person;
/* unit rows; () by name */
extern const ip__query ip__q_units_all;
/* practitioner rows; (unit_id) by family name */
extern const ip__query ip__q_practitioners_of_unit;
/* application rows; () oldest received first */
extern const ip__query ip__q_applications_all;
/* application rows; (person_id) */
extern const ip__query ip__q_applications_of_person;
/* application rows; (day): waiting for an answer past reply_due_on */
extern const ip__query ip__q_applications_overdue;
/* application rows; (person_id, day) */
extern const ip__query ip__q_applications_of_person_overdue;
/* application_request rows; (application_id) by kind */
extern const ip__query ip__q_requests_of_application;

#endif
