/* Fixed queries of the coordinator module (declared in coordinator_queries.h). */
#include "records.h"
#include "store/coordinator_queries.h"

/* Ids are time-ordered, so id breaks ties in creation order. */
const ip__query ip__q_coordinators_of_person = {&ip__coordinator_assignment_table,
    "WHERE person_id = ?1 ORDER BY appointed_on, id"};

const ip__query ip__q_coordinators_of_person_active = {&ip__coordinator_assignment_table,
    "WHERE person_id = ?1 AND ended_on IS NULL ORDER BY appointed_on, id"};

const ip__query ip__q_coordinator_person = {NULL,
    "SELECT COALESCE(birth_date, ''), COALESCE(municipality_number, '')"
    " FROM person WHERE id = ?1"};

const ip__query ip__q_coordinator_practitioner = {NULL,
    "SELECT practitioner.unit_id, CAST(unit.sector AS TEXT)"
    " FROM practitioner JOIN unit ON unit.id = practitioner.unit_id"
    " WHERE practitioner.id = ?1"};

/* Sector 2 is the specialist health service (ip_sector). */
const ip__query ip__q_coordinator_home_units = {&ip__unit_table,
    "WHERE coordinating = 1 AND sector <> 2 AND municipality_number = ?1"
    " ORDER BY name, id"};

/* Outcome 1 is granted (ip_outcome). */
const ip__query ip__q_coordinator_application_state = {NULL,
    "SELECT COALESCE((SELECT CASE"
    " WHEN application.person_id <> ?2 THEN 1"
    " WHEN EXISTS (SELECT 1 FROM application_request"
    "  WHERE application_request.application_id = application.id"
    "  AND application_request.kind = ?3 AND application_request.outcome = 1) THEN 3"
    " ELSE 2 END FROM application WHERE application.id = ?1), 0)"};

const ip__query ip__q_coordinator_kind_active = {NULL,
    "SELECT EXISTS (SELECT 1 FROM coordinator_assignment"
    " WHERE person_id = ?1 AND kind = ?2 AND ended_on IS NULL)"};

const ip__query ip__q_coordinator_ended_after = {NULL,
    "SELECT EXISTS (SELECT 1 FROM coordinator_assignment"
    " WHERE person_id = ?1 AND kind = ?2 AND ended_on > ?3)"};

const ip__query ip__q_coordinator_active_current = {NULL,
    "SELECT EXISTS (SELECT 1 FROM coordinator_assignment"
    " WHERE person_id = ?1 AND ended_on IS NULL AND appointed_on <= ?3"
    " AND (?2 IS NULL OR practitioner_id = ?2))"};

const ip__query ip__q_coordinator_active_on = {NULL,
    "SELECT EXISTS (SELECT 1 FROM coordinator_assignment"
    " WHERE person_id = ?1 AND appointed_on <= ?3"
    " AND (ended_on IS NULL OR ended_on > ?3)"
    " AND (?2 IS NULL OR practitioner_id = ?2))"};
