/*
 * The one decision point: may this session's actor do this operation?
 * Deny by default; every allow names the rule that allowed it, every deny
 * the rule that denied it, and both land in the audit event.
 *
 * This is DESIGN.md §6: docs/access.md has the tables and every rule's
 * name. A coordinator is recognised by an active coordinator assignment
 * for the person, or as the plan's active coordinator participant.
 */
#include "internal.h"

#include <string.h>

#include "consent_facts.h"
#include "coordinator_facts.h"
#include "store/queries.h"

typedef struct {
    bool allowed;
    const char *rule;
    const char *why; /* for a denial: a message without personal data */
} decision;

static decision allow(const char *rule)
{
    return (decision){true, rule, NULL};
}

static decision deny(const char *rule, const char *why)
{
    return (decision){false, rule, why};
}

static bool is_master_data(ip__object object)
{
    return object == IP__OBJ_UNIT || object == IP__OBJ_PRACTITIONER;
}

/* The person and their representatives reach the person's own records. */
static int own_records(ip_session *s, const ip__op *op, decision *d)
{
    char today[IP__DATE_LEN + 1];
    bool represents = false;
    int rc;

    if (!op->person_id) {
        *d = deny("own_records.no_person", "the record concerns no person the actor may reach");
        return IP_OK;
    }
    if (s->role == IP_ROLE_PERSON) {
        *d = strcmp(op->person_id, s->actor_id) == 0
                 ? allow("person.own_records")
                 : deny("person.own_records", "a person reaches only their own records");
        return IP_OK;
    }
    ip__today(s->store, today);
    rc = ip__fact_is_representative(s->store, s->actor_id, op->person_id, today,
                                    &represents);
    if (rc)
        return rc;
    *d = represents ? allow("representative.active_relation")
                    : deny("representative.active_relation",
                           "the actor is not a parent or guardian of the person today");
    return IP_OK;
}

static bool is_plan_content(ip__object object)
{
    return object >= IP__OBJ_PLAN && object <= IP__OBJ_REVISION;
}

static int plan_fact(ip_session *s, const ip__query *q, const char *plan_id,
                     const char *who, bool *out)
{
    char today[IP__DATE_LEN + 1];
    int64_t found = 0;
    int rc = IP_OK;

    *out = false;
    if (!plan_id || !who)
        return IP_OK;
    ip__today(s->store, today);
    rc = ip__db_scalar(s->store->db, q,
                       (ip__arg[]){IP__TEXT(plan_id), IP__TEXT(who), IP__TEXT(today)}, 3,
                       &found);
    *out = found != 0;
    return rc;
}

/* The plan section a read of object opens; 0 for the plan record itself,
 * which any sharing consent opens (it is the plan's frame, not its
 * content). A revision or an export is the whole plan. */
static unsigned int section_of(const ip__op *op)
{
    if (op->action == IP__ACT_EXPORT || op->object == IP__OBJ_REVISION)
        return IP_SECTION_ALL;
    switch (op->object) {
    case IP__OBJ_GOAL: return IP_SECTION_GOALS;
    case IP__OBJ_MEASURE: return IP_SECTION_MEASURES;
    case IP__OBJ_MEETING: return IP_SECTION_MEETINGS;
    case IP__OBJ_PARTICIPANT: return IP_SECTION_PARTICIPANTS;
    case IP__OBJ_EVALUATION: return IP_SECTION_EVALUATIONS;
    default: return 0;
    }
}

/* Does an active sharing consent give recipient (a unit or a person) the
 * section of the plan op reads? */
static int shared_with(ip_session *s, const ip__op *op, const char *recipient, bool *out)
{
    char today[IP__DATE_LEN + 1];

    *out = false;
    if (!op->person_id || !recipient)
        return IP_OK;
    ip__today(s->store, today);
    return ip__consent_sharing_active(s->store, op->person_id, recipient, section_of(op),
                                      today, out);
}

/* A coordinator keeps a plan through an active coordinator assignment
 * for its person, or as the plan's active coordinator participant (the
 * plan names who coordinates; a handover ends both). */
static int coordinates(ip_session *s, const ip__op *op, bool *out)
{
    char today[IP__DATE_LEN + 1];
    int rc = plan_fact(s, &ip__q_is_plan_coordinator, op->plan_id, s->actor_id, out);

    if (rc || *out)
        return rc;
    ip__today(s->store, today);
    return ip__coordinator_active(s->store, op->person_id, s->actor_id, today, out);
}

/* Plans and their content. Reading and exporting are alike here. */
static int decide_plan(ip_session *s, const ip__op *op, decision *d)
{
    bool reads = op->action == IP__ACT_READ || op->action == IP__ACT_EXPORT;
    bool yes = false;
    int rc;

    switch (s->role) {
    case IP_ROLE_COORDINATING_UNIT:
        /* Opening, activating and ending a plan and naming who takes part
         * is case handling; the content is the coordinator's. */
        if (reads || op->object == IP__OBJ_PLAN || op->object == IP__OBJ_PARTICIPANT)
            *d = allow("coordinating_unit.case_handling");
        else
            *d = deny("coordinating_unit.plan_content",
                      "the plan's content is kept by its coordinator");
        return IP_OK;
    case IP_ROLE_COORDINATOR:
        rc = coordinates(s, op, &yes);
        if (rc)
            return rc;
        *d = yes ? allow("coordinator.active")
                 : deny("coordinator.active",
                        "the actor has no active coordinator assignment for the person "
                        "and is not an active coordinator of this plan");
        return IP_OK;
    case IP_ROLE_PROVIDER:
        rc = plan_fact(s, &ip__q_is_plan_provider, op->plan_id, s->unit_id, &yes);
        if (rc)
            return rc;
        if (!yes) {
            *d = deny("provider.active_participation",
                      "the actor's unit does not take part in this plan");
        } else if (op->object == IP__OBJ_MEASURE && op->action == IP__ACT_UPDATE &&
                   op->unit_id && strcmp(op->unit_id, s->unit_id) == 0) {
            *d = allow("provider.responsible_unit");
        } else if (op->object == IP__OBJ_EVALUATION && op->action == IP__ACT_CREATE) {
            *d = allow("provider.evaluates");
        } else if (reads) {
            rc = shared_with(s, op, s->unit_id, &yes);
            if (rc)
                return rc;
            *d = yes ? allow("provider.sharing_consent")
                     : deny("provider.sharing_consent",
                            "no sharing consent in force gives the actor's unit this part of the plan");
        } else {
            *d = deny("provider.responsible_unit",
                      "a provider changes only the measures its unit is responsible for");
        }
        return IP_OK;
    case IP_ROLE_NEXT_OF_KIN:
        if (!reads) {
            *d = deny("next_of_kin.read_only", "next of kin read what consent gives them");
            return IP_OK;
        }
        rc = shared_with(s, op, s->actor_id, &yes);
        if (rc)
            return rc;
        *d = yes ? allow("next_of_kin.sharing_consent")
                 : deny("next_of_kin.sharing_consent",
                        "no sharing consent in force gives the actor this part of the plan");
        return IP_OK;
    case IP_ROLE_PERSON:
    case IP_ROLE_REPRESENTATIVE:
        if (reads || (op->action == IP__ACT_CREATE && op->object == IP__OBJ_GOAL))
            return own_records(s, op, d);
        *d = deny("own_records.read_only",
                  "the person and representatives read the plan and propose goals");
        return IP_OK;
    case IP_ROLE_ANALYST:
        *d = deny("analyst.aggregates_only", "an analyst reaches aggregate statistics only");
        return IP_OK;
    case IP_ROLE_ADMIN:
        *d = deny("admin.no_personal_data", "an administrator reaches no personal data");
        return IP_OK;
    default:
        *d = deny("default.deny", "the role reaches no plan");
        return IP_OK;
    }
}

/* Consent records: case handling, the plan's coordinator, and the person
 * and representatives giving and withdrawing their own. */
static int decide_consent(ip_session *s, const ip__op *op, decision *d)
{
    bool yes = false;
    int rc;

    switch (s->role) {
    case IP_ROLE_COORDINATING_UNIT:
        *d = allow("coordinating_unit.case_handling");
        return IP_OK;
    case IP_ROLE_COORDINATOR:
        rc = ip__fact_coordinates_person(s->store, s->actor_id, op->person_id, &yes);
        if (rc)
            return rc;
        *d = yes ? allow("coordinator.active")
                 : deny("coordinator.active", "the actor coordinates no one of this person");
        return IP_OK;
    case IP_ROLE_PERSON:
    case IP_ROLE_REPRESENTATIVE:
        return own_records(s, op, d);
    default:
        *d = deny("consent.case_handling",
                  "consent is registered by the coordinating unit, the coordinator, "
                  "or given by the person and representatives");
        return IP_OK;
    }
}

/* Coordinator assignments and complaints: case handling for the
 * coordinating unit; the person and representatives read their own and
 * file complaints; a coordinator reads the assignments of persons they
 * coordinate. */
static int decide_case(ip_session *s, const ip__op *op, decision *d)
{
    bool yes = false;
    int rc;

    switch (s->role) {
    case IP_ROLE_COORDINATING_UNIT:
        *d = allow("coordinating_unit.case_handling");
        return IP_OK;
    case IP_ROLE_PERSON:
    case IP_ROLE_REPRESENTATIVE:
        if (op->action == IP__ACT_READ ||
            (op->action == IP__ACT_CREATE && op->object == IP__OBJ_COMPLAINT))
            return own_records(s, op, d);
        *d = deny("own_records.read_only",
                  "the person and representatives read their own and file complaints");
        return IP_OK;
    case IP_ROLE_COORDINATOR:
        rc = op->action == IP__ACT_READ
                 ? ip__fact_coordinates_person(s->store, s->actor_id, op->person_id, &yes)
                 : IP_OK;
        if (rc)
            return rc;
        *d = yes ? allow("coordinator.active")
                 : deny("coordinating_unit.case_handling",
                        "appointments and complaints are handled by the coordinating unit");
        return IP_OK;
    default:
        *d = deny("coordinating_unit.case_handling",
                  "appointments and complaints are handled by the coordinating unit");
        return IP_OK;
    }
}

/* The due list: the coordinating unit for the store or a unit; a
 * coordinator for the persons they coordinate (the module filters). */
static decision decide_due(const ip_session *s)
{
    if (s->role == IP_ROLE_COORDINATING_UNIT || s->role == IP_ROLE_COORDINATOR)
        return allow("due.case_handling");
    return deny("due.case_handling",
                "the due list is for the coordinating unit and coordinators");
}

/* Store settings: read by anyone working in the store, kept by IT. */
static decision decide_setting(const ip_session *s, const ip__op *op)
{
    if (op->action == IP__ACT_READ)
        return allow("setting.read");
    if (s->role == IP_ROLE_ADMIN)
        return allow("admin.settings");
    return deny("admin.settings", "store settings are kept by an administrator");
}

/* The outbox: ids for the host's integration, read by case handling or IT. */
static decision decide_outbox(const ip_session *s)
{
    if (s->role == IP_ROLE_COORDINATING_UNIT || s->role == IP_ROLE_ADMIN)
        return allow("outbox.integration");
    return deny("outbox.integration",
                "the outbox is read by the coordinating unit or an administrator");
}

static int decide(ip_session *s, const ip__op *op, decision *d)
{
    if (is_plan_content(op->object))
        return decide_plan(s, op, d);
    if (op->object == IP__OBJ_CONSENT)
        return decide_consent(s, op, d);
    if (op->object == IP__OBJ_OUTBOX) {
        *d = decide_outbox(s);
        return IP_OK;
    }
    if (op->object == IP__OBJ_COORDINATOR || op->object == IP__OBJ_COMPLAINT)
        return decide_case(s, op, d);
    if (op->object == IP__OBJ_DUE) {
        *d = decide_due(s);
        return IP_OK;
    }
    if (op->object == IP__OBJ_SETTING) {
        *d = decide_setting(s, op);
        return IP_OK;
    }
    if (op->object == IP__OBJ_STORE) {
        *d = s->role == IP_ROLE_ADMIN
                 ? allow("admin.store")
                 : deny("admin.store", "only an administrator backs up the store");
        return IP_OK;
    }
    if (is_master_data(op->object)) {
        if (op->action == IP__ACT_READ)
            *d = s->role != IP_ROLE_ANALYST
                     ? allow("master_data.read")
                     : deny("analyst.aggregates_only",
                            "an analyst reaches aggregate statistics only");
        else if (s->role == IP_ROLE_ADMIN || s->role == IP_ROLE_COORDINATING_UNIT)
            *d = allow("master_data.keep");
        else
            *d = deny("master_data.keep",
                      "units and practitioners are kept by an administrator or the coordinating unit");
        return IP_OK;
    }
    switch (s->role) {
    case IP_ROLE_COORDINATING_UNIT:
        *d = allow("coordinating_unit.case_handling");
        return IP_OK;
    case IP_ROLE_PERSON:
    case IP_ROLE_REPRESENTATIVE:
        /* They read their own records and submit applications; changing a
         * person's registration or deciding is case handling. */
        if (op->action == IP__ACT_READ ||
            (op->action == IP__ACT_CREATE && op->object == IP__OBJ_APPLICATION))
            return own_records(s, op, d);
        *d = deny("own_records.read_only",
                  "the person and representatives read and apply; case handling changes records");
        return IP_OK;
    case IP_ROLE_ANALYST:
        *d = deny("analyst.aggregates_only", "an analyst reaches aggregate statistics only");
        return IP_OK;
    case IP_ROLE_ADMIN:
        *d = deny("admin.no_personal_data", "an administrator reaches no personal data");
        return IP_OK;
    default:
        *d = deny("default.deny",
                  "the role reaches personal data only through a plan, consent or assignment");
        return IP_OK;
    }
}

int ip__authorize(ip_session *s, ip__op *op)
{
    decision d;
    int rc = decide(s, op, &d);

    if (rc)
        return rc;
    op->rule = d.rule;
    if (d.allowed)
        return IP_OK;
    return ip__error_set(IP_EDENIED, NULL, "denied by rule %s: %s", d.rule, d.why);
}

int ip__fact_is_representative(ip_store *store, const char *actor_person_id,
                               const char *person_id, const char *on, bool *out)
{
    int64_t found;
    ip__arg args[] = {IP__TEXT(actor_person_id), IP__TEXT(person_id), IP__TEXT(on)};
    int rc = ip__db_scalar(store->db, &ip__q_is_representative, args, 3, &found);

    *out = rc == IP_OK && found;
    return rc;
}

int ip__fact_coordinates_person(ip_store *store, const char *practitioner_id,
                                const char *person_id, bool *out)
{
    char today[IP__DATE_LEN + 1];
    int64_t found = 0;
    int rc;

    *out = false;
    if (!person_id)
        return IP_OK;
    ip__today(store, today);
    rc = ip__db_scalar(store->db, &ip__q_coordinates_person,
                       (ip__arg[]){IP__TEXT(practitioner_id), IP__TEXT(person_id),
                                   IP__TEXT(today)},
                       3, &found);
    *out = found != 0;
    if (rc || *out)
        return rc;
    return ip__coordinator_active(store, person_id, practitioner_id, today, out);
}
