/*
 * The due list: what needs attention, most urgent first.
 *
 * One statement (store/due_queries.c) reads every kind: for the whole
 * store each kind's branch reads an index in due-date order and stops at
 * the limit; for a unit or a coordinator it looks up their persons. The
 * per-kind lists are merged here by due date and cut at the limit again,
 * so a call reads at most kinds x limit rows whatever the size of the
 * store. The three thresholds are store settings, read by every call and
 * turned into the cut-off dates the statement compares with.
 *
 * One call: authorized once as a read of the due list (the coordinating
 * unit; a coordinator for the persons they coordinate, which this module
 * enforces), audited, and each item handed out gets a read event of its own
 * naming its record and person, as lists do.
 */
#include "record_call.h"
#include "settings.h"

#include <stdlib.h>
#include <string.h>

#include "store/due_queries.h"
#include "store/plan_queries.h"
#include "store/queries.h"

static const ip__name kind_names[] = {
    {IP_DUE_APPLICATION_REPLY, "application_reply"},
    {IP_DUE_PLAN_REVISION, "plan_revision"},
    {IP_DUE_GROUP_MEETING, "group_meeting"},
    {IP_DUE_COMPLAINT_DEADLINE, "complaint_deadline"},
    {IP_DUE_COMPLAINT_REVIEW, "complaint_review"},
    {IP_DUE_CONSENT_EXPIRY, "consent_expiry"},
    {IP_DUE_PLAN_WITHOUT_COORDINATOR, "plan_without_coordinator"},
    {IP_DUE_GOAL_EVALUATION, "goal_evaluation"},
    {0, NULL},
};

/* Indexed by kind. */
static const char *const kind_texts[IP__DUE_KINDS + 1] = {
    NULL,
    "Søknaden har ventet over én måned uten avgjørelse eller foreløpig svar.",
    "Planen har passert datoen for revisjon.",
    "Ansvarsgruppen har ikke hatt møte innen fristen.",
    "Klagefristen nærmer seg eller er passert.",
    "Klagen venter på behandling i kommunen.",
    "Samtykket utløper snart.",
    "Aktiv plan uten aktiv koordinator.",
    "Målet har passert måldatoen uten å være evaluert.",
};

static const char *const kind_objects[IP__DUE_KINDS + 1] = {
    NULL, "application", "plan", "plan", "complaint",
    "complaint", "consent", "plan", "goal",
};

IP__ENUM_NAMES(ip_due_kind, ip_due_kind, kind_names, "due.kind")
IP__FIELDS_INIT(ip_due_query_init, ip_due_query, IP_DUE_QUERY_INIT,
                IP_DUE_QUERY_VERSION)

static bool kind_known(int kind)
{
    return kind >= 1 && kind <= IP__DUE_KINDS;
}

const char *ip_due_kind_text(ip_due_kind kind)
{
    return kind_known((int)kind) ? kind_texts[kind] : NULL;
}

IP__GETTER(ip_due_item, kind_of, ip_due_kind, r->kind)
IP__GETTER(ip_due_item, due_on, const char *, r->due_on)
IP__GET_TEXT(ip_due_item, person_id)
IP__GET_TEXT(ip_due_item, plan_id)
IP__GET_TEXT(ip_due_item, object_id)
IP__GETTER(ip_due_item, object_kind, const char *,
           kind_known(r->kind) ? kind_objects[r->kind] : NULL)
IP__GETTER(ip_due_item, text, const char *,
           kind_known(r->kind) ? kind_texts[r->kind] : NULL)

void ip_due_item_free(ip_due_item *item)
{
    ip_free(item);
}

struct ip_due_iterator {
    struct ip_due_item **items;
    size_t count, next;
};

int ip_due_next(ip_due_item **out, ip_due_iterator *it)
{
    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!it)
        return ip__error_null("iterator");
    if (it->next >= it->count)
        return IP_ITEROVER;
    *out = it->items[it->next];
    it->items[it->next++] = NULL;
    return IP_OK;
}

void ip_due_iterator_free(ip_due_iterator *it)
{
    if (!it)
        return;
    for (size_t i = it->next; i < it->count; i++)
        ip_free(it->items[i]);
    ip_free(it->items);
    ip_free(it);
}

/* The query, checked and with its defaults filled in. */
typedef struct {
    const char *unit_id;
    const char *practitioner_id;
    char as_of[IP__DATE_LEN + 1];
    unsigned int limit;
} due_request;

static int request_from(due_request *r, ip_session *s, const ip_due_query *q)
{
    int rc = IP_OK;

    memset(r, 0, sizeof *r);
    r->limit = IP_DUE_LIMIT_DEFAULT;
    if (q) {
        IP__CHECK_VERSION(q, IP_DUE_QUERY_VERSION, "query");
        if (q->unit_id && *q->unit_id) {
            rc = ip__id_check("query.unit_id", q->unit_id);
            r->unit_id = q->unit_id;
        }
        if (rc == IP_OK && q->practitioner_id && *q->practitioner_id) {
            rc = ip__id_check("query.practitioner_id", q->practitioner_id);
            r->practitioner_id = q->practitioner_id;
        }
        if (rc == IP_OK)
            rc = ip__date_check("query.as_of", q->as_of, false);
        if (rc == IP_OK && q->as_of && *q->as_of)
            memcpy(r->as_of, q->as_of, IP__DATE_LEN);
        if (rc == IP_OK && q->limit > IP_DUE_LIMIT_MAX)
            rc = ip__error_set(IP_EINVALID, "query.limit", "at most %d",
                               IP_DUE_LIMIT_MAX);
        if (rc == IP_OK && q->limit > 0)
            r->limit = q->limit;
    }
    if (rc == IP_OK && !r->as_of[0])
        ip__today(s->store, r->as_of);
    return rc;
}

/* A stored date the month arithmetic can take (the derived tables hold
 * what the store holds; a malformed value is shown as it is). */
static bool date_sane(const char *d)
{
    int y, m, day;

    if (strnlen(d, IP__DATE_LEN + 1) != IP__DATE_LEN || d[4] != '-' || d[7] != '-')
        return false;
    for (int i = 0; i < IP__DATE_LEN; i++) {
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
            return false;
    }
    y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    m = (d[5] - '0') * 10 + (d[6] - '0');
    day = (d[8] - '0') * 10 + (d[9] - '0');
    return ip__date_valid(y, m, day);
}

static void date_plus_days(char out[IP__DATE_LEN + 1], const char *date, int64_t days)
{
    ip__date_format(out, (int32_t)(ip__date_days(date) + days));
}

/*
 * The first day whose meeting is not yet overdue on as_of: a group that
 * last met on day b is overdue when b + months (clamped to the month's
 * end) is before as_of, and since that sum only grows with b, the overdue
 * days are exactly those before the one returned.
 */
static void meeting_cutoff(char out[IP__DATE_LEN + 1], const char *as_of, int months)
{
    char sum[IP__DATE_LEN + 1], prev[IP__DATE_LEN + 1];

    ip__date_add_months(out, as_of, -months);
    for (int i = 0; i < 8; i++) {
        ip__date_add_months(sum, out, months);
        if (strcmp(sum, as_of) >= 0)
            break;
        date_plus_days(out, out, 1);
    }
    for (int i = 0; i < 8; i++) {
        date_plus_days(prev, out, -1);
        ip__date_add_months(sum, prev, months);
        if (strcmp(sum, as_of) < 0)
            break;
        memcpy(out, prev, sizeof prev);
    }
}

typedef struct {
    int64_t meeting_months;
    int64_t consent_days;
    int64_t complaint_warning_days;
} due_settings;

static int settings_read(ip_store *store, due_settings *out)
{
    int rc = ip__setting(store, IP__SETTING_DUE_MEETING_MONTHS, &out->meeting_months);

    if (rc == IP_OK)
        rc = ip__setting(store, IP__SETTING_DUE_CONSENT_DAYS, &out->consent_days);
    if (rc == IP_OK)
        rc = ip__setting(store, IP__SETTING_DUE_COMPLAINT_WARNING_DAYS,
                         &out->complaint_warning_days);
    /* The setting module keeps them in range; these bounds only keep the
     * date arithmetic safe from a value written around it. */
    if (out->meeting_months < 0 || out->meeting_months > 1200)
        out->meeting_months = 6;
    if (out->consent_days < 0 || out->consent_days > 36500)
        out->consent_days = 30;
    if (out->complaint_warning_days < 0 || out->complaint_warning_days > 36500)
        out->complaint_warning_days = 7;
    return rc;
}

/* Group meeting rows carry the day the group last met: the due date is
 * that day plus the months. */
static void meeting_due_dates(ip__due_rows *rows, int months)
{
    for (size_t i = 0; i < rows->count; i++) {
        struct ip_due_item *item = rows->items[i];
        char due[IP__DATE_LEN + 1];

        if (!date_sane(item->due_on))
            continue;
        ip__date_add_months(due, item->due_on, months);
        memcpy(item->due_on, due, sizeof due);
    }
}

static int by_due_then_id(const void *a, const void *b)
{
    const struct ip_due_item *x = *(const struct ip_due_item *const *)a;
    const struct ip_due_item *y = *(const struct ip_due_item *const *)b;
    int c = strcmp(x->due_on, y->due_on);

    return c ? c : strcmp(x->object_id ? x->object_id : "", y->object_id ? y->object_id : "");
}

/* Merges the per-kind lists (each in due-date order) into it, earliest
 * first, ties in kind order, at most limit items; takes the items it
 * keeps out of the lists. */
static int merge(ip_due_iterator *it, ip__due_rows lists[IP__DUE_KINDS + 1],
                 unsigned int limit)
{
    size_t head[IP__DUE_KINDS + 1] = {0}, total = 0;

    for (int k = 1; k <= IP__DUE_KINDS; k++)
        total += lists[k].count;
    if (total > limit)
        total = limit;
    if (total == 0)
        return IP_OK;
    it->items = ip__calloc(total, sizeof *it->items);
    if (!it->items)
        return IP_ENOMEM;
    while (it->count < total) {
        int best = 0;
        for (int k = 1; k <= IP__DUE_KINDS; k++) {
            if (head[k] < lists[k].count &&
                (!best || strcmp(lists[k].items[head[k]]->due_on,
                                 lists[best].items[head[best]]->due_on) < 0))
                best = k;
        }
        it->items[it->count++] = lists[best].items[head[best]];
        lists[best].items[head[best]++] = NULL;
    }
    return IP_OK;
}

/* Reads every kind's list and merges them into it. */
static int due_read(ip_session *s, ip_due_iterator *it, const due_request *r)
{
    ip__due_rows lists[IP__DUE_KINDS + 1];
    char meeting_cut[IP__DATE_LEN + 1], complaint_cut[IP__DATE_LEN + 1],
        consent_cut[IP__DATE_LEN + 1];
    ip__due_filter filter = (r->unit_id ? IP__DUE_UNIT : 0) |
                            (r->practitioner_id ? IP__DUE_PRACTITIONER : 0);
    due_settings set = {6, 30, 7};
    int rc = settings_read(s->store, &set);

    if (rc)
        return rc;
    meeting_cutoff(meeting_cut, r->as_of, (int)set.meeting_months);
    date_plus_days(complaint_cut, r->as_of, set.complaint_warning_days);
    date_plus_days(consent_cut, r->as_of, set.consent_days);
    {
        ip__arg args[] = {IP__TEXT(r->as_of), IP__INT(r->limit), IP__TEXT(meeting_cut),
                          IP__TEXT(complaint_cut), IP__TEXT(consent_cut),
                          IP__TEXT(r->unit_id), IP__TEXT(r->practitioner_id)};
        rc = ip__due_select(s->store->db, &ip__q_due[filter], args,
                            ip__due_filter_args[filter], lists);
    }
    if (rc)
        return rc;
    meeting_due_dates(&lists[IP_DUE_GROUP_MEETING], (int)set.meeting_months);
    for (int k = 1; k <= IP__DUE_KINDS; k++) {
        if (lists[k].count > 1)
            qsort(lists[k].items, lists[k].count, sizeof *lists[k].items, by_due_then_id);
    }
    rc = merge(it, lists, r->limit);
    for (int k = 0; k <= IP__DUE_KINDS; k++)
        ip__due_rows_free(&lists[k]);
    return rc;
}

/* A coordinator reads the list of the persons they coordinate and no
 * one else's; the rule is this module's, the decision an audited one. */
static int coordinator_scope(ip_session *s, ip__op *op, due_request *r)
{
    if (s->role != IP_ROLE_COORDINATOR)
        return IP_OK;
    if (r->practitioner_id && strcmp(r->practitioner_id, s->actor_id) != 0) {
        op->rule = "due.own_persons";
        return ip__error_set(IP_EDENIED, NULL,
                             "denied by rule due.own_persons: a coordinator reads "
                             "the due list of the persons they coordinate");
    }
    r->practitioner_id = s->actor_id;
    return IP_OK;
}

int ip_due_iterator_new(ip_due_iterator **out, ip_session *s, const ip_due_query *query)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_DUE, NULL, NULL, NULL, NULL, NULL};
    due_request r;
    ip_due_iterator *it;
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = request_from(&r, s, query);
    if (rc)
        return rc;
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
        rc = coordinator_scope(s, &op, &r);
    if (rc == IP_OK && r.unit_id)
        rc = ip__require(s->store, &ip__q_unit_exists, r.unit_id, IP_ENOTFOUND,
                         "query.unit_id", "no unit with that id");
    if (rc == IP_OK && r.practitioner_id)
        rc = ip__require(s->store, &ip__q_practitioner_exists, r.practitioner_id,
                         IP_ENOTFOUND, "query.practitioner_id",
                         "no practitioner with that id");
    if (rc == IP_OK)
        rc = due_read(s, it, &r);
    for (size_t i = 0; rc == IP_OK && i < it->count; i++) {
        const struct ip_due_item *item = it->items[i];
        ip__op row = {IP__ACT_READ, IP__OBJ_DUE, item->object_id, item->person_id,
                      op.rule, item->plan_id, NULL};
        rc = ip__audit_append(s, &row, true);
    }
    rc = ip__call_close(s, &op, rc);
    if (rc) {
        ip_due_iterator_free(it);
        return rc;
    }
    *out = it;
    return IP_OK;
}
