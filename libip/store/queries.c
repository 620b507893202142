#include "records.h"
#include "store/queries.h"

const ip__query ip__q_is_representative = {NULL,
    "SELECT EXISTS (SELECT 1 FROM relation WHERE related_id = ?1 AND person_id = ?2"
    " AND kind IN (1, 2) AND valid_from <= ?3 AND (valid_to IS NULL OR valid_to >= ?3))"};

const ip__query ip__q_is_plan_coordinator = {NULL,
    "SELECT EXISTS (SELECT 1 FROM participant WHERE plan_id = ?1 AND role = 4"
    " AND practitioner_id = ?2 AND valid_from <= ?3"
    " AND (valid_to IS NULL OR valid_to >= ?3))"};

const ip__query ip__q_is_plan_provider = {NULL,
    "SELECT EXISTS (SELECT 1 FROM participant WHERE plan_id = ?1 AND role = 5"
    " AND unit_id = ?2 AND valid_from <= ?3"
    " AND (valid_to IS NULL OR valid_to >= ?3))"};

const ip__query ip__q_coordinates_person = {NULL,
    "SELECT EXISTS (SELECT 1 FROM participant JOIN plan ON plan.id = participant.plan_id"
    " WHERE participant.role = 4 AND participant.practitioner_id = ?1"
    " AND participant.person_id = ?2 AND plan.status <> 3"
    " AND participant.valid_from <= ?3"
    " AND (participant.valid_to IS NULL OR participant.valid_to >= ?3))"};


const ip__query ip__q_unit_is_coordinating = {NULL,
    "SELECT EXISTS (SELECT 1 FROM unit WHERE id = ?1 AND coordinating = 1)"};

const ip__query ip__q_unit_exists = {NULL,
    "SELECT EXISTS (SELECT 1 FROM unit WHERE id = ?1)"};

const ip__query ip__q_practitioner_in_unit = {NULL,
    "SELECT EXISTS (SELECT 1 FROM practitioner WHERE id = ?1 AND unit_id = ?2)"};

const ip__query ip__q_person_exists = {NULL,
    "SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1)"};

const ip__query ip__q_national_id_taken = {NULL,
    "SELECT EXISTS (SELECT 1 FROM person WHERE national_id = ?1"
    " AND (?2 IS NULL OR id <> ?2))"};

const ip__query ip__q_person_by_national_id = {&ip__person_table,
    "WHERE national_id = ?1"};

const ip__query ip__q_relations_of_person = {&ip__relation_table,
    "WHERE person_id = ?1 OR related_id = ?1 ORDER BY valid_from, id"};

const ip__query ip__q_units_all = {&ip__unit_table, "ORDER BY name, id"};

const ip__query ip__q_practitioners_of_unit = {&ip__practitioner_table,
    "WHERE unit_id = ?1 ORDER BY family_name, given_name, id"};

const ip__query ip__q_applications_all = {&ip__application_table,
    "ORDER BY received_on, id"};

const ip__query ip__q_applications_of_person = {&ip__application_table,
    "WHERE person_id = ?1 ORDER BY received_on, id"};

/* Matches the partial index application_waiting. */
const ip__query ip__q_applications_overdue = {&ip__application_table,
    "WHERE pending <> 0 AND interim_reply_on IS NULL AND reply_due_on < ?1"
    " ORDER BY received_on, id"};

const ip__query ip__q_applications_of_person_overdue = {&ip__application_table,
    "WHERE person_id = ?1 AND pending <> 0 AND interim_reply_on IS NULL"
    " AND reply_due_on < ?2 ORDER BY received_on, id"};

const ip__query ip__q_requests_of_application = {&ip__application_request_table,
    "WHERE application_id = ?1 ORDER BY kind"};
