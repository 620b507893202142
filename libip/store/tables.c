/* Column descriptors: the one place that names each table's columns. */
#include "records.h"

#define TEXT(type, field) {#field, offsetof(type, field), IP__COL_TEXT}
#define INT(type, field) {#field, offsetof(type, field), IP__COL_INT}
#define END {NULL, 0, 0}

static const ip__column unit_columns[] = {
    TEXT(struct ip_unit, name),
    TEXT(struct ip_unit, organisation_number),
    INT(struct ip_unit, sector),
    TEXT(struct ip_unit, municipality_number),
    INT(struct ip_unit, coordinating),
    TEXT(struct ip_unit, host_ref),
    END,
};
const ip__table ip__unit_table = {"unit", unit_columns, sizeof(struct ip_unit)};

static const ip__column practitioner_columns[] = {
    TEXT(struct ip_practitioner, unit_id),
    TEXT(struct ip_practitioner, given_name),
    TEXT(struct ip_practitioner, family_name),
    TEXT(struct ip_practitioner, hpr_number),
    TEXT(struct ip_practitioner, title),
    TEXT(struct ip_practitioner, phone),
    TEXT(struct ip_practitioner, email),
    TEXT(struct ip_practitioner, host_ref),
    END,
};
const ip__table ip__practitioner_table = {"practitioner", practitioner_columns,
                                          sizeof(struct ip_practitioner)};

static const ip__column person_columns[] = {
    TEXT(struct ip_person, national_id),
    INT(struct ip_person, national_id_kind),
    TEXT(struct ip_person, given_name),
    TEXT(struct ip_person, family_name),
    TEXT(struct ip_person, birth_date),
    TEXT(struct ip_person, phone),
    TEXT(struct ip_person, email),
    TEXT(struct ip_person, address),
    TEXT(struct ip_person, municipality_number),
    TEXT(struct ip_person, host_ref),
    END,
};
const ip__table ip__person_table = {"person", person_columns, sizeof(struct ip_person)};

static const ip__column relation_columns[] = {
    TEXT(struct ip_relation, person_id),
    TEXT(struct ip_relation, related_id),
    INT(struct ip_relation, kind),
    TEXT(struct ip_relation, valid_from),
    TEXT(struct ip_relation, valid_to),
    END,
};
const ip__table ip__relation_table = {"relation", relation_columns,
                                      sizeof(struct ip_relation)};

static const ip__column application_columns[] = {
    TEXT(struct ip_application, person_id),
    INT(struct ip_application, requests),
    TEXT(struct ip_application, received_on),
    TEXT(struct ip_application, reply_due_on),
    TEXT(struct ip_application, signed_by_id),
    TEXT(struct ip_application, interim_reply_on),
    INT(struct ip_application, pending),
    TEXT(struct ip_application, note),
    TEXT(struct ip_application, host_ref),
    END,
};
const ip__table ip__application_table = {"application", application_columns,
                                         sizeof(struct ip_application)};

static const ip__column application_request_columns[] = {
    TEXT(ip__application_request, application_id),
    INT(ip__application_request, kind),
    INT(ip__application_request, outcome),
    INT(ip__application_request, form),
    TEXT(ip__application_request, reason),
    TEXT(ip__application_request, decided_on),
    TEXT(ip__application_request, decided_by),
    END,
};
const ip__table ip__application_request_table = {
    "application_request", application_request_columns,
    sizeof(ip__application_request)};
