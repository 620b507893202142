/* JSON output for machines, built with cJSON. Keys are English and values
 * the library's stable names, so scripts do not depend on the wording. */
#include "iplan.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

struct iplan_json {
    cJSON *array;
};

struct iplan_json *iplan_json_new(void)
{
    struct iplan_json *j = malloc(sizeof *j);

    if (!j)
        return NULL;
    j->array = cJSON_CreateArray();
    if (!j->array) {
        free(j);
        return NULL;
    }
    return j;
}

void iplan_json_free(struct iplan_json *j)
{
    if (!j)
        return;
    cJSON_Delete(j->array);
    free(j);
}

/* A string, or null when absent; false when out of memory. */
static int add_text(cJSON *obj, const char *key, const char *value)
{
    return value ? cJSON_AddStringToObject(obj, key, value) != NULL
                 : cJSON_AddNullToObject(obj, key) != NULL;
}

static int add_request(cJSON *requests, const ip_application *a, ip_request_kind kind)
{
    cJSON *r = cJSON_CreateObject();
    ip_outcome outcome = ip_application_outcome(a, kind);
    int decided = outcome != IP_OUTCOME_PENDING;

    if (!r)
        return 0;
    cJSON_AddItemToArray(requests, r);
    return add_text(r, "kind", ip_request_kind_name(kind)) &&
           add_text(r, "outcome", ip_outcome_name(outcome)) &&
           add_text(r, "form", decided ? ip_outcome_form_name(
                                             ip_application_outcome_form(a, kind))
                                       : NULL) &&
           add_text(r, "decided_on", ip_application_decided_on(a, kind)) &&
           add_text(r, "reason", ip_application_outcome_reason(a, kind));
}

static cJSON *application_object(const ip_application *a, const char *today)
{
    cJSON *obj = cJSON_CreateObject(), *requests;
    unsigned int kinds = ip_application_requests(a);
    int ok;

    if (!obj)
        return NULL;
    ok = add_text(obj, "id", ip_application_id(a)) &&
         add_text(obj, "person_id", ip_application_person_id(a)) &&
         add_text(obj, "received_on", ip_application_received_on(a)) &&
         add_text(obj, "signed_by_id", ip_application_signed_by_id(a)) &&
         add_text(obj, "reply_due_on", ip_application_reply_due_on(a)) &&
         add_text(obj, "interim_reply_on", ip_application_interim_reply_on(a)) &&
         cJSON_AddBoolToObject(obj, "overdue", iplan_application_overdue(a, today));
    requests = ok ? cJSON_AddArrayToObject(obj, "requests") : NULL;
    ok = requests != NULL;
    for (size_t i = 0; ok && i < 3; i++) {
        if (kinds & (unsigned int)iplan_request_kinds[i])
            ok = add_request(requests, a, iplan_request_kinds[i]);
    }
    if (!ok) {
        cJSON_Delete(obj);
        return NULL;
    }
    return obj;
}

static int add_person(cJSON *obj, const ip_person *p)
{
    char name[512];

    return add_text(obj, "given_name", ip_person_given_name(p)) &&
           add_text(obj, "family_name", ip_person_family_name(p)) &&
           add_text(obj, "name", iplan_person_name(name, sizeof name, p));
}

/* {"id", "status", "next_revision_on"}, or null without a plan. */
static int add_plan(cJSON *obj, const ip_plan *plan)
{
    cJSON *p;

    if (!plan)
        return cJSON_AddNullToObject(obj, "plan") != NULL;
    p = cJSON_AddObjectToObject(obj, "plan");
    return p && add_text(p, "id", ip_plan_id(plan)) &&
           add_text(p, "status", ip_plan_status_name(ip_plan_status_of(plan))) &&
           add_text(p, "next_revision_on", ip_plan_next_revision_on(plan));
}

/* The active assignment {"id", "name", "kind", "practitioner_id"}, or
 * null without one. */
static int add_coordinator(cJSON *obj, const struct iplan_case *c)
{
    cJSON *o;

    if (!c->coordinator)
        return cJSON_AddNullToObject(obj, "coordinator") != NULL;
    o = cJSON_AddObjectToObject(obj, "coordinator");
    return o && add_text(o, "id", ip_coordinator_id(c->coordinator)) &&
           add_text(o, "name", c->coordinator_name) &&
           add_text(o, "kind", ip_coordinator_kind_name(ip_coordinator_kind_of(c->coordinator))) &&
           add_text(o, "practitioner_id", ip_coordinator_practitioner_id(c->coordinator));
}

int iplan_json_add_case(struct iplan_json *j, const struct iplan_case *c,
                        const char *today)
{
    cJSON *obj = cJSON_CreateObject(), *apps = NULL;
    int overdue = 0, ok;

    if (!obj)
        return 0;
    cJSON_AddItemToArray(j->array, obj);
    for (size_t i = 0; i < c->napps; i++)
        overdue |= iplan_application_overdue(c->apps[i], today);
    ok = add_text(obj, "person_id", ip_person_id(c->person)) &&
         add_person(obj, c->person) &&
         cJSON_AddBoolToObject(obj, "overdue", overdue) &&
         add_coordinator(obj, c) &&
         add_plan(obj, c->plan) &&
         (apps = cJSON_AddArrayToObject(obj, "applications")) != NULL;
    for (size_t i = 0; ok && i < c->napps; i++) {
        cJSON *a = application_object(c->apps[i], today);

        ok = a != NULL;
        if (ok)
            cJSON_AddItemToArray(apps, a);
    }
    return ok;
}

int iplan_json_add_application(struct iplan_json *j, const ip_person *p,
                               const ip_application *a, const char *today)
{
    cJSON *obj = application_object(a, today);
    long due, now;

    if (!obj)
        return 0;
    cJSON_AddItemToArray(j->array, obj);
    if (iplan_date_days(&due, ip_application_reply_due_on(a)) != 0 ||
        iplan_date_days(&now, today) != 0)
        due = now = 0;
    return add_person(obj, p) &&
           cJSON_AddNumberToObject(obj, "days_overdue",
                                   (double)(now > due ? now - due : 0)) != NULL;
}

int iplan_json_print(struct iplan_json *j)
{
    char *text = j ? cJSON_Print(j->array) : NULL;
    int rc = IPLAN_EXIT_OK;

    if (!text) {
        iplan_errorf("tom for minne");
        rc = IPLAN_EXIT_FAIL;
    } else {
        puts(text);
        cJSON_free(text);
    }
    iplan_json_free(j);
    return rc;
}
