/* Fixed queries of the complaint module and the store settings (declared
 * in complaint_queries.h). */
#include "store/db_internal.h"

#include "records.h"
#include "store/complaint_queries.h"

/* Closed is status 6 (IP_COMPLAINT_CLOSED). Listing one person's matches
 * the index complaint_by_person; ids are time-ordered, so id breaks ties
 * in creation order. */
const ip__query ip__q_complaints_all = {&ip__complaint_table,
    "ORDER BY received_on, id"};
const ip__query ip__q_complaints_open = {&ip__complaint_table,
    "WHERE status <> 6 ORDER BY received_on, id"};
const ip__query ip__q_complaints_of_person = {&ip__complaint_table,
    "WHERE person_id = ?1 ORDER BY received_on, id"};
const ip__query ip__q_complaints_of_person_open = {&ip__complaint_table,
    "WHERE person_id = ?1 AND status <> 6 ORDER BY received_on, id"};

/* Steps follow the index complaint_step_by_complaint; the steps of one
 * call share created_at, and their time-ordered ids keep them in order. */
const ip__query ip__q_complaint_steps = {&ip__complaint_step_table,
    "WHERE complaint_id = ?1 ORDER BY created_at, id"};
const ip__query ip__q_complaint_steps_of_person = {&ip__complaint_step_table,
    "WHERE complaint_id IN (SELECT id FROM complaint WHERE person_id = ?1)"
    " ORDER BY complaint_id, created_at, id"};
const ip__query ip__q_complaint_steps_open = {&ip__complaint_step_table,
    "WHERE complaint_id IN (SELECT id FROM complaint WHERE status <> 6)"
    " ORDER BY complaint_id, created_at, id"};
const ip__query ip__q_complaint_steps_all = {&ip__complaint_step_table,
    "ORDER BY complaint_id, created_at, id"};

const ip__query ip__q_complaint_person_birth = {NULL,
    "SELECT id, COALESCE(birth_date, '') FROM person WHERE id = ?1"};

const ip__query ip__q_complaint_standing = {NULL,
    "SELECT COALESCE(SUM(DISTINCT kind), 0) FROM relation"
    " WHERE person_id = ?1 AND related_id = ?2 AND kind IN (1, 2)"
    " AND valid_from <= ?3 AND (valid_to IS NULL OR valid_to >= ?3)"};

const ip__query ip__q_setting_value = {NULL,
    "SELECT COALESCE((SELECT value FROM store_setting WHERE name = ?1), ?2)"};
const ip__query ip__q_setting_set = {NULL,
    "INSERT INTO store_setting (name, value) VALUES (?1, ?2)"
    " ON CONFLICT (name) DO UPDATE SET value = excluded.value"};
