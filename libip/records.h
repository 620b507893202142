/*
 * The record structs behind the public opaque types, and their column
 * descriptors (defined in store/tables.c). Integers are int64_t so the
 * generic storage code handles every column alike.
 */
#ifndef IP_INTERNAL_RECORDS_H
#define IP_INTERNAL_RECORDS_H

#include "store/record.h"

struct ip_unit {
    ip__meta meta;
    char *name;
    char *organisation_number;
    int64_t sector;
    char *municipality_number;
    int64_t coordinating;
    char *host_ref;
};

struct ip_practitioner {
    ip__meta meta;
    char *unit_id;
    char *given_name;
    char *family_name;
    char *hpr_number;
    char *title;
    char *phone;
    char *email;
    char *host_ref;
};

struct ip_person {
    ip__meta meta;
    char *national_id;
    int64_t national_id_kind;
    char *given_name;
    char *family_name;
    char *birth_date;
    char *phone;
    char *email;
    char *address;
    char *municipality_number;
    char *host_ref;
};

struct ip_relation {
    ip__meta meta;
    char *person_id;
    char *related_id;
    int64_t kind;
    char *valid_from;
    char *valid_to;
};

typedef struct ip__application_request {
    ip__meta meta;
    char *application_id;
    int64_t kind;
    int64_t outcome;
    int64_t form;
    char *reason;
    char *decided_on;
    char *decided_by;
} ip__application_request;

struct ip_application {
    ip__meta meta;
    char *person_id;
    int64_t requests;
    char *received_on;
    char *reply_due_on;
    char *signed_by_id;
    char *interim_reply_on;
    int64_t pending; /* request bits still without an outcome */
    char *note;
    char *host_ref;
    /* Not a column: the requests, one per bit of requests, loaded with it. */
    ip__application_request *request[3];
};

extern const ip__table ip__unit_table;
extern const ip__table ip__practitioner_table;
extern const ip__table ip__person_table;
extern const ip__table ip__relation_table;
extern const ip__table ip__application_table;
extern const ip__table ip__application_request_table;

#endif
