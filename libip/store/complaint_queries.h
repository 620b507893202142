/*
 * Fixed queries of the complaint module and of the store settings (SQL
 * text in complaint_queries.c). Complaints and their steps are written
 * through the generic record operations of db.h; these list them, read
 * what the standing rules need, and read and write store_setting.
 */
#ifndef IP_STORE_COMPLAINT_QUERIES_H
#define IP_STORE_COMPLAINT_QUERIES_H

#include "store/record.h"

/* complaint rows, oldest received first (id breaks ties):
 * all: (); open: () not closed; of_person: (person_id);
 * of_person_open: (person_id) not closed */
extern const ip__query ip__q_complaints_all;
extern const ip__query ip__q_complaints_open;
extern const ip__query ip__q_complaints_of_person;
extern const ip__query ip__q_complaints_of_person_open;

/* complaint_step rows, by complaint_id, then oldest first:
 * of one complaint: (complaint_id); of a person's complaints: (person_id);
 * of the complaints not closed: (); of every complaint: () */
extern const ip__query ip__q_complaint_steps;
extern const ip__query ip__q_complaint_steps_of_person;
extern const ip__query ip__q_complaint_steps_open;
extern const ip__query ip__q_complaint_steps_all;

/* pairs (id, birth_date or ""); (person_id): one row when the person
 * exists */
extern const ip__query ip__q_complaint_person_birth;
/* scalar; (person_id, related_id, day): the kinds of relation related_id
 * holds to person_id on day, as bits (1 parent, 2 guardian), 0 for none */
extern const ip__query ip__q_complaint_standing;

/* scalar; (name, default): the setting's value, default when no row */
extern const ip__query ip__q_setting_value;
/* exec; (name, value): sets the value, adding the row when missing */
extern const ip__query ip__q_setting_set;

#endif
