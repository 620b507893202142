/*
 * The outbox: events the host system may need to act on, appended by the
 * modules in the same transaction as the change they report, read by the
 * host oldest first and acknowledged.
 *
 * Outbox rows carry no meta (they are numbered by seq and only ever gain
 * an acknowledgement), so they are read through the small reader of
 * store/outbox_queries.c rather than the record descriptors; the call path
 * is the usual one: open → authorize → read or write → audit → commit.
 */
#include "record_call.h"
#include "outbox_append.h"

#include <inttypes.h>
#include <stdio.h>

#include "store/outbox_queries.h"
#include "store/queries.h"

static const ip__name outbox_kind_names[] = {
    {IP_OUTBOX_CONSENT_WITHDRAWN, "consent_withdrawn"},
    {IP_OUTBOX_PLAN_ENDED, "plan_ended"},
    {IP_OUTBOX_COORDINATOR_APPOINTED, "coordinator_appointed"},
    {IP_OUTBOX_SPECIALIST_COORDINATOR, "specialist_coordinator"},
    {IP_OUTBOX_COMPLAINT_FORWARDED, "complaint_forwarded"},
    {0, NULL},
};

IP__ENUM_NAMES(ip_outbox_kind, ip_outbox_kind, outbox_kind_names, "outbox_event.kind")

IP__GETTER(ip_outbox_event, seq, int64_t, r->seq)
IP__GET_TEXT(ip_outbox_event, at)
IP__GETTER(ip_outbox_event, kind_of, ip_outbox_kind, r->kind)
IP__GET_TEXT(ip_outbox_event, person_id)
IP__GET_TEXT(ip_outbox_event, object_kind)
IP__GET_TEXT(ip_outbox_event, object_id)
IP__GET_TEXT(ip_outbox_event, unit_id)
IP__GET_TEXT(ip_outbox_event, acknowledged_at)
IP__GET_TEXT(ip_outbox_event, acknowledged_by)

void ip_outbox_event_free(ip_outbox_event *event)
{
    ip__outbox_row_free(event);
}

/* An event's seq as the object id of its audit events. */
typedef struct {
    char text[24];
} seq_text;

static seq_text seq_format(int64_t seq)
{
    seq_text t;

    snprintf(t.text, sizeof t.text, "%" PRId64, seq);
    return t;
}

/* An id the caller may leave out; checked for shape when given. */
static int optional_id(const char *field, const char *id)
{
    return id && *id ? ip__id_check(field, id) : IP_OK;
}

int ip__outbox_append(ip_session *s, ip_outbox_kind kind, const char *person_id,
                      const char *object_kind, const char *object_id,
                      const char *unit_id)
{
    char at[25];
    int rc;

    if (!s)
        return ip__error_null("session");
    if (ip__db_depth(s->store->db) < 1)
        return ip__error_set(IP_ERROR, NULL,
                             "an outbox event is appended inside an open call");
    rc = ip__value_check(outbox_kind_names, (int)kind, "outbox_event.kind");
    if (rc == IP_OK && (!object_kind || !*object_kind))
        rc = ip__error_set(IP_EINVALID, "outbox_event.object_kind", "is required");
    if (rc == IP_OK)
        rc = optional_id("outbox_event.person_id", person_id);
    if (rc == IP_OK)
        rc = optional_id("outbox_event.object_id", object_id);
    if (rc == IP_OK)
        rc = optional_id("outbox_event.unit_id", unit_id);
    if (rc == IP_OK && person_id && *person_id)
        rc = ip__require(s->store, &ip__q_person_exists, person_id, IP_ENOTFOUND,
                         "outbox_event.person_id", "no person with that id");
    if (rc == IP_OK && unit_id && *unit_id)
        rc = ip__require(s->store, &ip__q_unit_exists, unit_id, IP_ENOTFOUND,
                         "outbox_event.unit_id", "no unit with that id");
    if (rc)
        return rc;
    ip__now_instant(s->store, at);
    return ip__db_exec(s->store->db, &ip__q_outbox_append,
                       (ip__arg[]){IP__TEXT(at), IP__INT(kind), IP__TEXT(person_id),
                                   IP__TEXT(object_kind), IP__TEXT(object_id),
                                   IP__TEXT(unit_id)},
                       6, NULL);
}

struct ip_outbox_iterator {
    ip__outbox_rows rows;
    size_t next;
};

/*
 * One call: authorized once as a read of the outbox; each event that
 * concerns a person gets a read event of its own beside the call's, so the
 * person's access log shows that the host was told.
 */
int ip_outbox_iterator_new(ip_outbox_iterator **out, ip_session *s, int pending_only)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_OUTBOX, NULL, NULL, NULL, NULL, NULL};
    ip_outbox_iterator *it;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    it = ip__calloc(1, sizeof *it);
    if (!it)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        ip_free(it);
        return rc;
    }
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__outbox_select(s->store->db,
                               pending_only ? &ip__q_outbox_pending : &ip__q_outbox_all,
                               NULL, 0, &it->rows);
    for (size_t i = 0; rc == IP_OK && i < it->rows.count; i++) {
        const struct ip_outbox_event *e = it->rows.items[i];
        seq_text id = seq_format(e->seq);
        ip__op row = {IP__ACT_READ, IP__OBJ_OUTBOX, id.text, e->person_id,
                      op.rule, NULL, NULL};
        if (e->person_id)
            rc = ip__audit_append(s, &row, true);
    }
    rc = ip__call_close(s, &op, rc);
    if (rc) {
        ip_outbox_iterator_free(it);
        return rc;
    }
    *out = it;
    return IP_OK;
}

int ip_outbox_next(ip_outbox_event **out, ip_outbox_iterator *it)
{
    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!it)
        return ip__error_null("iterator");
    if (it->next >= it->rows.count)
        return IP_ITEROVER;
    *out = it->rows.items[it->next];
    it->rows.items[it->next++] = NULL;
    return IP_OK;
}

void ip_outbox_iterator_free(ip_outbox_iterator *it)
{
    if (!it)
        return;
    ip__outbox_rows_free(&it->rows);
    ip_free(it);
}

/*
 * Authorized before the event is read, so a session that may not
 * acknowledge learns nothing about which events exist; the event's person
 * is then named in the audit event.
 */
int ip_outbox_acknowledge(ip_session *s, int64_t seq)
{
    seq_text id = seq_format(seq);
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_OUTBOX, id.text, NULL, NULL, NULL, NULL};
    ip__outbox_rows rows = {NULL, 0};
    const struct ip_outbox_event *e = NULL;
    char now[25];
    int changes = 0, rc;

    if (!s)
        return ip__error_null("session");
    if (seq < 1)
        return ip__error_set(IP_EINVALID, "outbox_event.seq", "must be positive");
    rc = ip__call_open(s);
    if (rc)
        return rc;
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__outbox_select(s->store->db, &ip__q_outbox_by_seq,
                               (ip__arg[]){IP__INT(seq)}, 1, &rows);
    if (rc == IP_OK) {
        if (rows.count == 0)
            rc = ip__error_set(IP_ENOTFOUND, "outbox_event.seq",
                               "no outbox event with that seq");
        else
            e = rows.items[0];
    }
    if (rc == IP_OK && e->acknowledged_at)
        rc = ip__error_set(IP_ESTATE, "outbox_event.acknowledged_at",
                           "the event is already acknowledged");
    if (rc == IP_OK) {
        op.person_id = e->person_id;
        ip__now_instant(s->store, now);
        rc = ip__db_exec(s->store->db, &ip__q_outbox_acknowledge,
                         (ip__arg[]){IP__INT(seq), IP__TEXT(now), IP__TEXT(s->actor_id)},
                         3, &changes);
    }
    /* The call holds the write lock, so the event read as pending above is
     * still pending; anything else is a broken store. */
    if (rc == IP_OK && changes != 1)
        rc = ip__error_set(IP_ECORRUPT, "outbox_event.seq",
                           "the event could not be acknowledged");
    rc = ip__call_close(s, &op, rc);
    ip__outbox_rows_free(&rows);
    return rc;
}
