/*
 * Fixed queries of the coordinator module (SQL text in
 * coordinator_queries.c). Assignments are written through the generic
 * record operations of db.h; these list them, read what the appointment
 * rules need, and answer the fact of coordinator_facts.h.
 */
#ifndef IP_STORE_COORDINATOR_QUERIES_H
#define IP_STORE_COORDINATOR_QUERIES_H

#include "store/record.h"

/* assignment rows; (person_id): the history, oldest appointment first */
extern const ip__query ip__q_coordinators_of_person;
/* assignment rows; (person_id): those not ended, oldest appointment first */
extern const ip__query ip__q_coordinators_of_person_active;

/* pairs (birth_date or "", municipality_number or ""); (person_id): one
 * row when the person exists */
extern const ip__query ip__q_coordinator_person;
/* pairs (unit_id, sector as text); (practitioner_id): one row when the
 * practitioner exists */
extern const ip__query ip__q_coordinator_practitioner;
/* unit rows; (municipality_number): the municipality's coordinating units
 * outside the specialist health service, by name */
extern const ip__query ip__q_coordinator_home_units;

/* scalar; (application_id, person_id, request_kind): 0 no such application,
 * 1 another person's, 2 the request of that kind is not granted (or not
 * asked for), 3 granted */
extern const ip__query ip__q_coordinator_application_state;

/* scalar; (person_id, kind): 1 when an assignment of that kind is not
 * ended (the partial index coordinator_one_active) */
extern const ip__query ip__q_coordinator_kind_active;
/* scalar; (person_id, kind, day): 1 when an assignment of that kind ended
 * after day */
extern const ip__query ip__q_coordinator_ended_after;

/* scalar; (person_id, practitioner_id or NULL, day): 1 when an assignment
 * (of any kind; of that practitioner when given) is active on day. Reads
 * only assignments not ended (the partial index): right for any day on or
 * after today, since nothing ends after today. */
extern const ip__query ip__q_coordinator_active_current;
/* scalar; the same for any day, ended assignments included */
extern const ip__query ip__q_coordinator_active_on;

#endif
