/* Participants of a plan: who takes part (item b), in which role, in the
 * responsibility group or not, for which period, contributing what (item
 * d). The record's person_id is the plan's person (ip__content); the
 * participant's own person is participant_person_id. */
#include "content.h"

#include <string.h>

#include "store/plan_queries.h"
#include "store/queries.h"

static const ip__name role_names[] = {
    {IP_PARTICIPANT_PERSON, "person"},
    {IP_PARTICIPANT_REPRESENTATIVE, "representative"},
    {IP_PARTICIPANT_NEXT_OF_KIN, "next_of_kin"},
    {IP_PARTICIPANT_COORDINATOR, "coordinator"},
    {IP_PARTICIPANT_PROVIDER, "provider"},
    {IP_PARTICIPANT_OTHER_CONTRIBUTOR, "other_contributor"},
    {0, NULL},
};

IP__GET_META(ip_participant)
IP__GET_TEXT(ip_participant, plan_id)
IP__GETTER(ip_participant, role_of, ip_participant_role, r->role)
IP__GETTER(ip_participant, person_id, const char *, r->participant_person_id)
IP__GET_TEXT(ip_participant, practitioner_id)
IP__GET_TEXT(ip_participant, unit_id)
IP__GET_TEXT(ip_participant, name)
IP__GETTER(ip_participant, in_responsibility_group, int, r->responsibility_group != 0)
IP__GET_TEXT(ip_participant, valid_from)
IP__GET_TEXT(ip_participant, valid_to)
IP__GET_TEXT(ip_participant, contribution)

IP__ENUM_NAMES(ip_participant_role, ip_participant_role, role_names, "participant.role")

void ip_participant_free(ip_participant *participant)
{
    ip__record_free(&ip__participant_table, participant);
}

IP__FIELDS_INIT(ip_participant_fields_init, ip_participant_fields,
                IP_PARTICIPANT_FIELDS_INIT, IP_PARTICIPANT_FIELDS_VERSION)

static bool given(const char *s)
{
    return s && *s;
}

static int refused(const char *field, ip_participant_role role)
{
    return ip__error_set(IP_EINVALID, field, "does not apply to the role %s",
                         ip__name_of(role_names, (int)role));
}

/* Which references the role takes (see the table in participant.h). */
static int role_references(const ip_participant_fields *f)
{
    ip_participant_role role = f->role;

    switch (role) {
    case IP_PARTICIPANT_PERSON:
    case IP_PARTICIPANT_REPRESENTATIVE:
    case IP_PARTICIPANT_NEXT_OF_KIN:
        if (!given(f->person_id))
            return ip__error_set(IP_EINVALID, "participant.person_id", "is required");
        if (given(f->practitioner_id))
            return refused("participant.practitioner_id", role);
        if (given(f->unit_id))
            return refused("participant.unit_id", role);
        return IP_OK;
    case IP_PARTICIPANT_COORDINATOR:
        if (given(f->person_id))
            return refused("participant.person_id", role);
        if (!given(f->practitioner_id))
            return ip__error_set(IP_EINVALID, "participant.practitioner_id",
                                 "is required");
        return IP_OK;
    case IP_PARTICIPANT_PROVIDER:
        if (given(f->person_id))
            return refused("participant.person_id", role);
        if (!given(f->unit_id))
            return ip__error_set(IP_EINVALID, "participant.unit_id", "is required");
        return IP_OK;
    default: /* IP_PARTICIPANT_OTHER_CONTRIBUTOR */
        if (given(f->practitioner_id))
            return refused("participant.practitioner_id", role);
        if (given(f->unit_id))
            return refused("participant.unit_id", role);
        if (!given(f->person_id) && !given(f->name))
            return ip__error_set(IP_EINVALID, "participant.name",
                                 "is required when the contributor is not a "
                                 "person in the store");
        return IP_OK;
    }
}

/* Checks fields and fills the record's columns from them. Whether the
 * references exist is the store's question, asked inside the call. */
static int participant_from_fields(struct ip_participant *p,
                                   const ip_participant_fields *f)
{
    bool failed = false;
    int rc;

    IP__CHECK_VERSION(f, IP_PARTICIPANT_FIELDS_VERSION, "participant");
    rc = ip__id_check("participant.plan_id", f->plan_id);
    if (rc == IP_OK)
        rc = ip__value_check(role_names, (int)f->role, "participant.role");
    if (rc == IP_OK && given(f->person_id))
        rc = ip__id_check("participant.person_id", f->person_id);
    if (rc == IP_OK && given(f->practitioner_id))
        rc = ip__id_check("participant.practitioner_id", f->practitioner_id);
    if (rc == IP_OK && given(f->unit_id))
        rc = ip__id_check("participant.unit_id", f->unit_id);
    if (rc == IP_OK)
        rc = ip__text_check("participant.name", f->name, IP__TEXT_NAME_MAX, false);
    if (rc == IP_OK)
        rc = role_references(f);
    if (rc == IP_OK)
        rc = ip__date_check("participant.valid_from", f->valid_from, true);
    if (rc == IP_OK)
        rc = ip__date_check("participant.valid_to", f->valid_to, false);
    if (rc == IP_OK)
        rc = ip__text_check("participant.contribution", f->contribution,
                            IP__TEXT_LONG_MAX, false);
    if (rc)
        return rc;
    if (given(f->valid_to) && strcmp(f->valid_to, f->valid_from) < 0)
        return ip__error_set(IP_EINVALID, "participant.valid_to", "is before valid_from");
    ip__set_text(&p->plan_id, f->plan_id, &failed);
    p->role = f->role;
    ip__set_text(&p->participant_person_id, f->person_id, &failed);
    ip__set_text(&p->practitioner_id, f->practitioner_id, &failed);
    ip__set_text(&p->unit_id, f->unit_id, &failed);
    ip__set_text(&p->name, f->name, &failed);
    p->responsibility_group = f->responsibility_group != 0;
    ip__set_text(&p->valid_from, f->valid_from, &failed);
    ip__set_text(&p->valid_to, f->valid_to, &failed);
    ip__set_text(&p->contribution, f->contribution, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

/* A coordinator without a unit takes the practitioner's. A practitioner
 * that does not exist is left for the check to report. */
static int coordinator_unit(ip_session *s, struct ip_participant *p)
{
    struct ip_practitioner pr = {0};
    bool failed = false;
    int rc;

    if (p->role != IP_PARTICIPANT_COORDINATOR || p->unit_id || !p->practitioner_id)
        return IP_OK;
    rc = ip__db_get(s->store->db, &ip__practitioner_table, p->practitioner_id, &pr);
    if (rc == IP_ENOTFOUND) {
        rc = IP_OK; /* participant_check names the field */
    } else if (rc == IP_OK) {
        ip__set_text(&p->unit_id, pr.unit_id, &failed);
        if (failed)
            rc = ip__error_nomem();
    }
    ip__record_clear(&ip__practitioner_table, &pr);
    return rc;
}

/* The plan exists and is open, and gives the record its person; a
 * coordinator gets the practitioner's unit. */
static int participant_resolve(ip_session *s, const ip__kind *k, void *record)
{
    int rc = ip__content_resolve(s, k, record);

    return rc ? rc : coordinator_unit(s, record);
}

static int person_exists(ip_session *s, const char *id)
{
    return ip__require(s->store, &ip__q_person_exists, id, IP_ENOTFOUND,
                       "participant.person_id", "no person with that id");
}

/* What the role's references must be in the store. */
static int participant_check(ip_session *s, const void *record)
{
    const struct ip_participant *p = record;
    const char *person = p->participant_person_id;
    int rc = IP_OK;

    if (p->role == IP_PARTICIPANT_PERSON) {
        if (strcmp(person, p->person_id) != 0)
            return ip__error_set(IP_EINVALID, "participant.person_id",
                                 "must be the plan's person");
        return IP_OK;
    }
    if (person) {
        rc = person_exists(s, person);
        if (rc == IP_OK && strcmp(person, p->person_id) == 0)
            rc = ip__error_set(IP_EINVALID, "participant.person_id",
                               "is the plan's person: use the role person");
    }
    if (rc == IP_OK && p->unit_id)
        rc = ip__require(s->store, &ip__q_unit_exists, p->unit_id, IP_ENOTFOUND,
                         "participant.unit_id", "no unit with that id");
    if (rc == IP_OK && p->practitioner_id)
        rc = ip__require(s->store, &ip__q_practitioner_exists, p->practitioner_id,
                         IP_ENOTFOUND, "participant.practitioner_id",
                         "no practitioner with that id");
    if (rc == IP_OK && p->practitioner_id && p->unit_id) {
        int64_t works = 0;

        rc = ip__db_scalar(s->store->db, &ip__q_practitioner_in_unit,
                           (ip__arg[]){IP__TEXT(p->practitioner_id), IP__TEXT(p->unit_id)},
                           2, &works);
        if (rc == IP_OK && !works)
            rc = ip__error_set(IP_EINVALID, "participant.unit_id",
                               "is not the practitioner's unit");
    }
    return rc;
}

static const ip__kind participant_kind = {
    .table = &ip__participant_table,
    .object = IP__OBJ_PARTICIPANT,
    .id_field = "participant.id",
    .scope = ip__content_scope,
    .resolve = participant_resolve,
    .check = participant_check,
};

/* Fills a new record from fields, or returns the error. */
static int new_participant(struct ip_participant **out, const ip_participant_fields *f)
{
    struct ip_participant *p = ip__calloc(1, sizeof *p);
    int rc = p ? participant_from_fields(p, f) : IP_ENOMEM;

    if (rc) {
        ip_participant_free(p);
        p = NULL;
    }
    *out = p;
    return rc;
}

static int participant_fill(ip_session *s, void *record, const void *fields)
{
    (void)s;
    return participant_from_fields(record, fields);
}

IP__RECORD_NEW(ip_participant_create, ip_participant, ip_participant_fields,
               participant_kind, participant_fill)

IP__RECORD_GET(ip_participant_get, ip_participant, participant_kind)

/* Swaps the participant's own columns with fresh's (the plan, its person
 * and the role stay), then derives and checks as creation does. */
static int apply_update(ip_session *s, void *stored, const void *ctx)
{
    struct ip_participant *p = stored;
    struct ip_participant *fresh = (struct ip_participant *)ctx;
    char **mine[] = {&p->participant_person_id, &p->practitioner_id, &p->unit_id,
                     &p->name, &p->valid_from, &p->valid_to, &p->contribution};
    char **theirs[] = {&fresh->participant_person_id, &fresh->practitioner_id,
                       &fresh->unit_id, &fresh->name, &fresh->valid_from,
                       &fresh->valid_to, &fresh->contribution};
    int rc;

    if (strcmp(fresh->plan_id, p->plan_id) != 0)
        return ip__error_set(IP_EINVALID, "participant.plan_id", "cannot change");
    if (fresh->role != p->role)
        return ip__error_set(IP_EINVALID, "participant.role", "cannot change");
    rc = ip__content_require_open(s, p);
    if (rc)
        return rc;
    for (size_t i = 0; i < sizeof mine / sizeof *mine; i++) {
        char *t = *mine[i];
        *mine[i] = *theirs[i];
        *theirs[i] = t;
    }
    p->responsibility_group = fresh->responsibility_group;
    rc = coordinator_unit(s, p);
    return rc ? rc : participant_check(s, p);
}

int ip_participant_update(int64_t *revision_out, ip_session *s, const char *id,
                          int64_t expected_revision, const ip_participant_fields *f)
{
    struct ip_participant *fresh;
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("participant.id", id);
    if (rc == IP_OK)
        rc = new_participant(&fresh, f);
    if (rc)
        return rc;
    rc = ip__record_change(revision_out, s, &participant_kind, IP__ACT_UPDATE, id,
                           expected_revision, apply_update, fresh);
    ip_participant_free(fresh);
    return rc;
}

static int apply_end(ip_session *s, void *stored, const void *ctx)
{
    struct ip_participant *p = stored;
    const char *valid_to = ctx;
    bool failed = false;
    int rc = ip__content_require_open(s, p);

    if (rc)
        return rc;
    if (p->valid_to)
        return ip__error_set(IP_ESTATE, "participant.valid_to",
                             "the participation has ended already");
    if (strcmp(valid_to, p->valid_from) < 0)
        return ip__error_set(IP_EINVALID, "participant.valid_to", "is before valid_from");
    ip__set_text(&p->valid_to, valid_to, &failed);
    return failed ? ip__error_nomem() : IP_OK;
}

int ip_participant_end(int64_t *revision_out, ip_session *s, const char *id,
                       int64_t expected_revision, const char *valid_to)
{
    int rc;

    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("participant.id", id);
    if (rc == IP_OK)
        rc = ip__date_check("participant.valid_to", valid_to, true);
    if (rc)
        return rc;
    return ip__record_change(revision_out, s, &participant_kind, IP__ACT_UPDATE, id,
                             expected_revision, apply_end, valid_to);
}

IP__ITERATOR(ip_participant)

/* Authorized once as a read of the plan's participants: the plan names the
 * person concerned, so it is read first. */
int ip_participant_iterator_new(ip_participant_iterator **out, ip_session *s,
                                const char *plan_id)
{
    void *it = NULL;
    int rc = ip__content_list(out ? &it : NULL, s, &participant_kind, plan_id, "participant.plan_id",
                              &ip__q_participants_of_plan, NULL, 0);

    if (out)
        *out = it;
    return rc;
}
