/* The native document ip-plan/1: one plan, everything in it and its
 * history, written with cJSON (docs/format-ip-plan-1.md). Every key of a
 * record is always present, absent values as null, so the document is the
 * same shape for every plan and the same bytes for the same store. */
#include "json/native.h"

#include <cJSON.h>
#include <string.h>

/* Building with one failure flag: after any allocation fails, everything
 * else is skipped and the builder reports IP_ENOMEM once. */
typedef struct {
    bool failed;
    int code;          /* the first failure's code */
    const char *field; /* and its field, when it is not memory */
} builder;

static void fail_nomem(builder *b)
{
    if (!b->failed) {
        b->failed = true;
        b->code = IP_ENOMEM;
    }
}

static void added(builder *b, const cJSON *item)
{
    if (!item)
        fail_nomem(b);
}

static void put_text(builder *b, cJSON *o, const char *key, const char *value)
{
    if (b->failed)
        return;
    added(b, value ? cJSON_AddStringToObject(o, key, value) : cJSON_AddNullToObject(o, key));
}

static void put_int(builder *b, cJSON *o, const char *key, int64_t value)
{
    if (!b->failed)
        added(b, cJSON_AddNumberToObject(o, key, (double)value));
}

static void put_bool(builder *b, cJSON *o, const char *key, int64_t value)
{
    if (!b->failed)
        added(b, cJSON_AddBoolToObject(o, key, value != 0));
}

static cJSON *put_array(builder *b, cJSON *o, const char *key)
{
    cJSON *array;

    if (b->failed)
        return NULL;
    array = cJSON_AddArrayToObject(o, key);
    added(b, array);
    return array;
}

static cJSON *put_object(builder *b, cJSON *o, const char *key)
{
    cJSON *object;

    if (b->failed)
        return NULL;
    object = cJSON_AddObjectToObject(o, key);
    added(b, object);
    return object;
}

/* Appends a new object to array. */
static cJSON *push_object(builder *b, cJSON *array)
{
    cJSON *object;

    if (b->failed)
        return NULL;
    object = cJSON_CreateObject();
    if (!object || !cJSON_AddItemToArray(array, object)) {
        cJSON_Delete(object);
        fail_nomem(b);
        return NULL;
    }
    return object;
}

static void put_ids(builder *b, cJSON *o, const char *key, char *const *ids, size_t count)
{
    cJSON *array = put_array(b, o, key);

    for (size_t i = 0; !b->failed && i < count; i++) {
        cJSON *id = cJSON_CreateString(ids[i]);
        if (!id || !cJSON_AddItemToArray(array, id)) {
            cJSON_Delete(id);
            fail_nomem(b);
        }
    }
}

static void put_meta(builder *b, cJSON *o, const ip__meta *meta)
{
    put_text(b, o, "id", meta->id);
    put_int(b, o, "revision", meta->revision);
    put_text(b, o, "created_at", meta->created_at);
    put_text(b, o, "updated_at", meta->updated_at);
}

static void put_plan(builder *b, cJSON *doc, const struct ip_plan *p)
{
    cJSON *o = put_object(b, doc, "plan");

    put_meta(b, o, &p->meta);
    put_text(b, o, "person_id", p->person_id);
    put_text(b, o, "status", ip_plan_status_name((ip_plan_status)p->status));
    put_text(b, o, "origin", ip_plan_origin_name((ip_plan_origin)p->origin));
    put_text(b, o, "application_id", p->application_id);
    put_text(b, o, "period_start", p->period_start);
    put_text(b, o, "period_end", p->period_end);
    put_text(b, o, "next_revision_on", p->next_revision_on);
    put_text(b, o, "resources", p->resources);
    put_text(b, o, "needs", p->needs);
    put_text(b, o, "cooperation", p->cooperation);
    put_text(b, o, "activated_on", p->activated_on);
    put_text(b, o, "ended_on", p->ended_on);
    put_text(b, o, "end_reason", ip_plan_end_reason_name((ip_plan_end_reason)p->end_reason));
    put_text(b, o, "end_note", p->end_note);
    put_text(b, o, "host_ref", p->host_ref);
}

static void put_person(builder *b, cJSON *doc, const struct ip_person *p)
{
    cJSON *o = put_object(b, doc, "person");

    put_meta(b, o, &p->meta);
    put_text(b, o, "national_id", p->national_id);
    put_text(b, o, "national_id_kind",
             ip_national_id_kind_name((ip_national_id_kind)p->national_id_kind));
    put_text(b, o, "given_name", p->given_name);
    put_text(b, o, "family_name", p->family_name);
    put_text(b, o, "birth_date", p->birth_date);
    put_text(b, o, "phone", p->phone);
    put_text(b, o, "email", p->email);
    put_text(b, o, "address", p->address);
    put_text(b, o, "municipality_number", p->municipality_number);
    put_text(b, o, "host_ref", p->host_ref);
}

static void put_goals(builder *b, cJSON *doc, const ip__plan_content *c)
{
    cJSON *array = put_array(b, doc, "goals");

    for (size_t i = 0; !b->failed && i < c->goal_count; i++) {
        const struct ip_goal *g = c->goals[i];
        cJSON *o = push_object(b, array);
        put_meta(b, o, &g->meta);
        put_text(b, o, "parent_id", g->parent_id);
        put_text(b, o, "text", g->text);
        put_text(b, o, "expressed_by_id", g->expressed_by_id);
        put_text(b, o, "target_date", g->target_date);
        put_text(b, o, "status", ip_goal_status_name((ip_goal_status)g->status));
        put_text(b, o, "achievement",
                 ip_goal_achievement_name((ip_goal_achievement)g->achievement));
    }
}

static void put_measures(builder *b, cJSON *doc, const ip__plan_content *c)
{
    cJSON *array = put_array(b, doc, "measures");

    for (size_t i = 0; !b->failed && i < c->measure_count; i++) {
        const struct ip_measure *m = c->measures[i];
        cJSON *o = push_object(b, array);
        put_meta(b, o, &m->meta);
        put_text(b, o, "what", m->what);
        put_text(b, o, "extent", m->extent);
        put_text(b, o, "how", m->how);
        put_text(b, o, "start_on", m->start_on);
        put_text(b, o, "end_on", m->end_on);
        put_text(b, o, "frequency", m->frequency);
        put_text(b, o, "responsible_unit_id", m->responsible_unit_id);
        put_text(b, o, "responsible_practitioner_id", m->responsible_practitioner_id);
        put_text(b, o, "status", ip_measure_status_name((ip_measure_status)m->status));
        put_text(b, o, "decision_ref", m->decision_ref);
        put_ids(b, o, "goal_ids", m->goal_ids, m->goal_count);
    }
}

static void put_participants(builder *b, cJSON *doc, const ip__plan_content *c)
{
    cJSON *array = put_array(b, doc, "participants");

    for (size_t i = 0; !b->failed && i < c->participant_count; i++) {
        const struct ip_participant *p = c->participants[i];
        cJSON *o = push_object(b, array);
        put_meta(b, o, &p->meta);
        put_text(b, o, "role", ip_participant_role_name((ip_participant_role)p->role));
        put_text(b, o, "person_id", p->participant_person_id);
        put_text(b, o, "practitioner_id", p->practitioner_id);
        put_text(b, o, "unit_id", p->unit_id);
        put_text(b, o, "name", p->name);
        put_bool(b, o, "responsibility_group", p->responsibility_group);
        put_text(b, o, "valid_from", p->valid_from);
        put_text(b, o, "valid_to", p->valid_to);
        put_text(b, o, "contribution", p->contribution);
    }
}

static void put_actions(builder *b, cJSON *meeting, const struct ip_meeting *m)
{
    cJSON *array = put_array(b, meeting, "actions");

    for (size_t i = 0; !b->failed && i < m->action_count; i++) {
        const struct ip_meeting_action *a = m->actions[i];
        cJSON *o = push_object(b, array);
        put_meta(b, o, &a->meta);
        put_text(b, o, "who_id", a->who_id);
        put_text(b, o, "what", a->what);
        put_text(b, o, "due_on", a->due_on);
        put_text(b, o, "measure_id", a->measure_id);
    }
}

static void put_meetings(builder *b, cJSON *doc, const ip__plan_content *c)
{
    cJSON *array = put_array(b, doc, "meetings");

    for (size_t i = 0; !b->failed && i < c->meeting_count; i++) {
        const struct ip_meeting *m = c->meetings[i];
        cJSON *o = push_object(b, array);
        put_meta(b, o, &m->meta);
        put_text(b, o, "planned_on", m->planned_on);
        put_text(b, o, "held_on", m->held_on);
        put_text(b, o, "minutes", m->minutes);
        put_text(b, o, "next_meeting_on", m->next_meeting_on);
        put_ids(b, o, "attendee_ids", m->attendee_ids, m->attendee_count);
        put_actions(b, o, m);
    }
}

static void put_evaluations(builder *b, cJSON *doc, const ip__plan_content *c)
{
    cJSON *array = put_array(b, doc, "evaluations");

    for (size_t i = 0; !b->failed && i < c->evaluation_count; i++) {
        const struct ip_evaluation *e = c->evaluations[i];
        cJSON *o = push_object(b, array);
        put_meta(b, o, &e->meta);
        put_text(b, o, "goal_id", e->goal_id);
        put_text(b, o, "measure_id", e->measure_id);
        put_text(b, o, "evaluated_on", e->evaluated_on);
        put_text(b, o, "evaluated_by_id", e->evaluated_by_id);
        put_text(b, o, "assessment", e->assessment);
        put_text(b, o, "achievement",
                 ip_goal_achievement_name((ip_goal_achievement)e->achievement));
        put_text(b, o, "note", e->note);
        put_text(b, o, "meeting_id", e->meeting_id);
    }
}

/* The sections a sharing consent opens, as a list of names in a fixed
 * order; [] for a consent to the plan. */
static void put_sections(builder *b, cJSON *o, unsigned int sections)
{
    static const struct {
        unsigned int bit;
        const char *name;
    } names[] = {
        {IP_SECTION_GOALS, "goals"},
        {IP_SECTION_MEASURES, "measures"},
        {IP_SECTION_MEETINGS, "meetings"},
        {IP_SECTION_PARTICIPANTS, "participants"},
        {IP_SECTION_EVALUATIONS, "evaluations"},
    };
    cJSON *array = put_array(b, o, "sections");

    for (size_t i = 0; !b->failed && i < sizeof names / sizeof names[0]; i++) {
        cJSON *name;

        if (!(sections & names[i].bit))
            continue;
        name = cJSON_CreateString(names[i].name);
        if (!name || !cJSON_AddItemToArray(array, name)) {
            cJSON_Delete(name);
            fail_nomem(b);
        }
    }
}

static void put_recipients(builder *b, cJSON *consent, const struct ip_consent *c)
{
    cJSON *array = put_array(b, consent, "recipients");

    for (size_t i = 0; !b->failed && i < c->recipient_count; i++) {
        const ip__consent_recipient *r = &c->recipients[i];
        cJSON *o = push_object(b, array);
        put_text(b, o, "id", r->recipient_id);
        put_bool(b, o, "is_unit", r->is_unit);
        put_text(b, o, "withdrawn_on", r->withdrawn_on);
        put_text(b, o, "withdrawn_by_id", r->withdrawn_by_id);
        put_text(b, o, "withdrawal_form",
                 ip_consent_form_name((ip_consent_form)r->withdrawal_form));
    }
}

static void put_consents(builder *b, cJSON *doc, const ip__plan_content *c)
{
    cJSON *array = put_array(b, doc, "consents");

    for (size_t i = 0; !b->failed && i < c->consent_count; i++) {
        const struct ip_consent *k = c->consents[i];
        cJSON *o = push_object(b, array);
        put_meta(b, o, &k->meta);
        put_text(b, o, "kind", ip_consent_kind_name((ip_consent_kind)k->kind));
        put_text(b, o, "form", ip_consent_form_name((ip_consent_form)k->form));
        put_sections(b, o, (unsigned int)k->sections);
        put_text(b, o, "purpose", k->purpose);
        put_text(b, o, "valid_from", k->valid_from);
        put_text(b, o, "valid_to", k->valid_to);
        put_text(b, o, "note", k->note);
        put_text(b, o, "registered_by", k->registered_by);
        put_text(b, o, "withdrawn_on", k->withdrawn_on);
        put_text(b, o, "withdrawn_by_id", k->withdrawn_by_id);
        put_text(b, o, "withdrawal_form",
                 ip_consent_form_name((ip_consent_form)k->withdrawal_form));
        put_ids(b, o, "given_by_ids", k->giver_ids, k->giver_count);
        put_recipients(b, o, k);
    }
}

/* The person's coordinator assignments, every kind, ended ones included,
 * in creation order. */
static void put_coordinators(builder *b, cJSON *doc, const ip__plan_content *c)
{
    cJSON *array = put_array(b, doc, "coordinators");

    for (size_t i = 0; !b->failed && i < c->coordinator_count; i++) {
        const struct ip_coordinator_assignment *a = c->coordinators[i];
        cJSON *o = push_object(b, array);
        put_meta(b, o, &a->meta);
        put_text(b, o, "kind", ip_coordinator_kind_name((ip_coordinator_kind)a->kind));
        put_text(b, o, "practitioner_id", a->practitioner_id);
        put_text(b, o, "unit_id", a->unit_id);
        put_text(b, o, "application_id", a->application_id);
        put_text(b, o, "appointed_on", a->appointed_on);
        put_text(b, o, "appointed_by", a->appointed_by);
        put_text(b, o, "wished_practitioner_id", a->wished_practitioner_id);
        put_text(b, o, "wish_note", a->wish_note);
        put_text(b, o, "wish_not_followed_reason", a->wish_not_followed_reason);
        put_text(b, o, "ended_on", a->ended_on);
        put_text(b, o, "end_reason", a->end_reason);
    }
}

/* The revision's frozen document, parsed, as its "document" key. */
static void put_frozen(builder *b, cJSON *o, const struct ip_plan_revision *r)
{
    cJSON *document;

    if (b->failed)
        return;
    document = r->document ? cJSON_Parse(r->document) : NULL;
    if (!document || !cJSON_IsObject(document)) {
        cJSON_Delete(document);
        b->failed = true;
        b->code = IP_ECORRUPT;
        b->field = "plan_revision.document";
        return;
    }
    if (!cJSON_AddItemToObject(o, "document", document)) {
        cJSON_Delete(document);
        fail_nomem(b);
    }
}

static void put_revisions(builder *b, cJSON *doc, const ip__plan_content *c,
                          ip__native_form form)
{
    cJSON *array = put_array(b, doc, "revisions");

    for (size_t i = 0; !b->failed && i < c->revision_count; i++) {
        const struct ip_plan_revision *r = c->revisions[i];
        cJSON *o = push_object(b, array);
        put_meta(b, o, &r->meta);
        put_int(b, o, "number", r->number);
        put_text(b, o, "reason", r->reason);
        put_text(b, o, "author_id", r->author_id);
        put_text(b, o, "meeting_id", r->meeting_id);
        if (form == IP__NATIVE_FROZEN)
            put_text(b, o, "document", NULL);
        else
            put_frozen(b, o, r);
    }
}

int ip__native_document(char **out, size_t *len_out, const ip__plan_content *c,
                        ip__native_form form)
{
    builder b = {false, IP_OK, NULL};
    cJSON *doc = cJSON_CreateObject();
    char *text = NULL;

    *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!doc)
        return ip__error_nomem();
    put_text(&b, doc, "format", IP__NATIVE_FORMAT);
    put_plan(&b, doc, c->plan);
    put_person(&b, doc, c->person);
    put_goals(&b, doc, c);
    put_measures(&b, doc, c);
    put_participants(&b, doc, c);
    put_meetings(&b, doc, c);
    put_evaluations(&b, doc, c);
    put_consents(&b, doc, c);
    put_coordinators(&b, doc, c);
    put_revisions(&b, doc, c, form);
    if (!b.failed) {
        text = form == IP__NATIVE_FROZEN ? cJSON_PrintUnformatted(doc) : cJSON_Print(doc);
        if (!text)
            fail_nomem(&b);
    }
    cJSON_Delete(doc);
    if (b.failed) {
        if (b.code == IP_ENOMEM)
            return ip__error_nomem();
        return ip__error_set(b.code, b.field, "a stored revision document is not an object");
    }
    /* Handed out through ip__malloc, so that ip_free frees it whatever
     * allocator hooks the host set for its own use of cJSON. */
    *out = ip__strdup(text);
    if (*out && len_out)
        *len_out = strlen(*out);
    cJSON_free(text);
    return *out ? IP_OK : IP_ENOMEM;
}

int ip_plan_export(char **out, size_t *len_out, ip_session *s, const char *plan_id)
{
    ip__op op = {IP__ACT_EXPORT, IP__OBJ_PLAN, plan_id, NULL, NULL};
    ip__plan_content *content = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc;

    if (len_out)
        *len_out = 0;
    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("plan.id", plan_id);
    if (rc)
        return rc;
    rc = ip__call_open(s);
    if (rc)
        return rc;
    rc = ip__plan_content_load(s, plan_id, &content);
    if (rc == IP_OK) {
        op.plan_id = content->plan->meta.id;
        op.person_id = content->plan->person_id;
        rc = ip__authorize(s, &op);
    }
    if (rc == IP_OK)
        rc = ip__native_document(&text, &len, content, IP__NATIVE_EXPORT);
    rc = ip__call_close(s, &op, rc);
    ip__plan_content_free(content);
    if (rc) {
        ip_free(text);
        return rc;
    }
    *out = text;
    if (len_out)
        *len_out = len;
    return IP_OK;
}
