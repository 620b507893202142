/*
 * Audit events: one per call that reads or changes personal data (or
 * store-wide data), allowed or denied, appended in the call's own
 * transaction so that a change and its event stand or fall together.
 */
#include "internal.h"

#include "store/queries.h"

static const ip__name action_names[] = {
    {IP__ACT_CREATE, "create"},
    {IP__ACT_READ, "read"},
    {IP__ACT_UPDATE, "update"},
    {IP__ACT_EXPORT, "export"},
    {0, NULL},
};

static const ip__name object_names[] = {
    {IP__OBJ_STORE, "store"},
    {IP__OBJ_UNIT, "unit"},
    {IP__OBJ_PRACTITIONER, "practitioner"},
    {IP__OBJ_PERSON, "person"},
    {IP__OBJ_RELATION, "relation"},
    {IP__OBJ_APPLICATION, "application"},
    {IP__OBJ_PLAN, "plan"},
    {IP__OBJ_PARTICIPANT, "participant"},
    {IP__OBJ_GOAL, "goal"},
    {IP__OBJ_MEASURE, "measure"},
    {IP__OBJ_MEETING, "meeting"},
    {IP__OBJ_EVALUATION, "evaluation"},
    {IP__OBJ_REVISION, "revision"},
    {0, NULL},
};

int ip__audit_append(ip_session *s, const ip__op *op, bool allowed)
{
    char now[25];
    ip__arg args[11];

    ip__now_instant(s->store, now);
    args[0] = IP__TEXT(now);
    args[1] = IP__TEXT(s->actor_id);
    args[2] = IP__INT(s->role);
    args[3] = IP__TEXT(s->unit_id);
    /* A denied call is recorded as "deny" whatever it attempted. */
    args[4] = IP__TEXT(allowed ? ip__name_of(action_names, (int)op->action) : "deny");
    args[5] = IP__TEXT(ip__name_of(object_names, (int)op->object));
    args[6] = IP__TEXT(op->object_id);
    args[7] = IP__TEXT(op->person_id);
    args[8] = IP__INT(s->purpose);
    args[9] = IP__TEXT(allowed ? "allowed" : "denied");
    args[10] = IP__TEXT(op->rule ? op->rule : "default.deny");
    return ip__db_exec(s->store->db, &ip__q_audit_append, args, 11, NULL);
}
