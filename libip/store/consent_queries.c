/* Fixed queries of the consent module (declared in consent_queries.h). */
#include "store/db_internal.h"

#include "alloc.h"
#include "error.h"
#include "records.h"
#include "store/consent_queries.h"

/* Matches the index consent_by_person; ids are time-ordered, so id breaks
 * ties in creation order. */
const ip__query ip__q_consents_of_person = {&ip__consent_table,
    "WHERE person_id = ?1 ORDER BY created_at, id"};

const ip__query ip__q_consent_giver_insert = {NULL,
    "INSERT INTO consent_giver (consent_id, person_id) VALUES (?1, ?2)"};

const ip__query ip__q_consent_recipient_insert = {NULL,
    "INSERT INTO consent_recipient (consent_id, recipient_id, is_unit, withdrawal_form)"
    " VALUES (?1, ?2, ?3, 0)"};

const ip__query ip__q_consent_recipient_withdraw = {NULL,
    "UPDATE consent_recipient SET withdrawn_on = ?3, withdrawn_by_id = ?4,"
    " withdrawal_form = ?5"
    " WHERE consent_id = ?1 AND recipient_id = ?2 AND withdrawn_on IS NULL"};

const ip__query ip__q_consent_givers = {NULL,
    "SELECT consent_id, person_id FROM consent_giver WHERE consent_id = ?1"
    " ORDER BY person_id"};

const ip__query ip__q_consent_givers_of_person = {NULL,
    "SELECT g.consent_id, g.person_id FROM consent AS c"
    " JOIN consent_giver AS g ON g.consent_id = c.id"
    " WHERE c.person_id = ?1 ORDER BY g.consent_id, g.person_id"};

const ip__query ip__q_consent_recipients = {NULL,
    "SELECT consent_id, recipient_id, is_unit, withdrawn_on, withdrawn_by_id,"
    " withdrawal_form FROM consent_recipient WHERE consent_id = ?1"
    " ORDER BY is_unit DESC, recipient_id"};

const ip__query ip__q_consent_recipients_of_person = {NULL,
    "SELECT r.consent_id, r.recipient_id, r.is_unit, r.withdrawn_on,"
    " r.withdrawn_by_id, r.withdrawal_form FROM consent AS c"
    " JOIN consent_recipient AS r ON r.consent_id = c.id"
    " WHERE c.person_id = ?1 ORDER BY r.consent_id, r.is_unit DESC, r.recipient_id"};

const ip__query ip__q_consent_person_birth = {NULL,
    "SELECT id, COALESCE(birth_date, '') FROM person WHERE id = ?1"};

const ip__query ip__q_consent_standing_relations = {NULL,
    "SELECT related_id, CAST(kind AS TEXT) FROM relation"
    " WHERE person_id = ?1 AND kind IN (1, 2) AND valid_from <= ?2"
    " AND (valid_to IS NULL OR valid_to >= ?2) ORDER BY related_id, kind"};

/* In force on a day: begun, not ended, not withdrawn on or before it. */
#define IN_FORCE(c, day)                                                       \
    " AND " c ".valid_from <= " day                                           \
    " AND (" c ".valid_to IS NULL OR " c ".valid_to >= " day ")"              \
    " AND (" c ".withdrawn_on IS NULL OR " c ".withdrawn_on > " day ")"

const ip__query ip__q_consent_plan_active = {NULL,
    "SELECT EXISTS (SELECT 1 FROM consent AS c WHERE c.person_id = ?1 AND c.kind = 1"
    " AND (?3 IS NULL OR c.id <> ?3)" IN_FORCE("c", "?2") ")"};

const ip__query ip__q_consent_sharing_active = {NULL,
    "SELECT EXISTS (SELECT 1 FROM consent AS c"
    " JOIN consent_recipient AS r ON r.consent_id = c.id"
    " WHERE c.person_id = ?1 AND c.kind = 2 AND r.recipient_id = ?2"
    " AND (c.sections & ?3) = ?3"
    IN_FORCE("c", "?4")
    " AND (r.withdrawn_on IS NULL OR r.withdrawn_on > ?4))"};

const ip__query ip__q_consent_any_sharing_active = {NULL,
    "SELECT EXISTS (SELECT 1 FROM consent AS c"
    " JOIN consent_recipient AS r ON r.consent_id = c.id"
    " WHERE c.person_id = ?1 AND c.kind = 2"
    IN_FORCE("c", "?2")
    " AND (r.withdrawn_on IS NULL OR r.withdrawn_on > ?2))"};


/* A copy of column i's text; NULL for SQL NULL, *failed set when memory
 * runs out. */
static char *text_at(sqlite3_stmt *stmt, int i, bool *failed)
{
    const unsigned char *text = sqlite3_column_text(stmt, i);
    char *copy;

    if (!text)
        return NULL;
    copy = ip__strndup((const char *)text, (size_t)sqlite3_column_bytes(stmt, i));
    if (!copy)
        *failed = true;
    return copy;
}

static void recipient_clear(ip__consent_recipient *r)
{
    ip_free(r->recipient_id);
    ip_free(r->withdrawn_on);
    ip_free(r->withdrawn_by_id);
    r->recipient_id = r->withdrawn_on = r->withdrawn_by_id = NULL;
}

/* Appends the current row to out. */
static int push_row(ip__consent_recipient_rows *out, size_t *cap, sqlite3_stmt *stmt)
{
    ip__consent_recipient *r;
    bool failed = false;
    char *consent_id;

    if (out->count == *cap) {
        size_t grown_cap = *cap ? *cap * 2 : 8;
        char **ids = ip__realloc(out->consent_ids, grown_cap * sizeof *ids);
        ip__consent_recipient *items;

        if (!ids)
            return SQLITE_NOMEM;
        out->consent_ids = ids;
        items = ip__realloc(out->items, grown_cap * sizeof *items);
        if (!items)
            return SQLITE_NOMEM;
        out->items = items;
        *cap = grown_cap;
    }
    r = &out->items[out->count];
    consent_id = text_at(stmt, 0, &failed);
    r->recipient_id = text_at(stmt, 1, &failed);
    r->is_unit = sqlite3_column_int(stmt, 2) != 0;
    r->withdrawn_on = text_at(stmt, 3, &failed);
    r->withdrawn_by_id = text_at(stmt, 4, &failed);
    r->withdrawal_form = sqlite3_column_int64(stmt, 5);
    /* consent_id and recipient_id are NOT NULL: NULL is a failed copy. */
    if (failed || !consent_id || !r->recipient_id) {
        ip_free(consent_id);
        recipient_clear(r);
        return SQLITE_NOMEM;
    }
    out->consent_ids[out->count++] = consent_id;
    return SQLITE_OK;
}

typedef struct {
    ip__consent_recipient_rows *out;
    size_t cap;
} recipients_ctx;

static int recipient_row(void *ctx, sqlite3_stmt *stmt)
{
    recipients_ctx *c = ctx;

    return push_row(c->out, &c->cap, stmt) == SQLITE_OK ? IP_OK : ip__error_nomem();
}

int ip__consent_recipients_select(ip__db *db, const ip__query *query,
                                  const ip__arg *args, size_t nargs,
                                  ip__consent_recipient_rows *out)
{
    recipients_ctx c = {out, 0};
    int rc;

    out->consent_ids = NULL;
    out->items = NULL;
    out->count = 0;
    rc = ip__db_each(db, query, args, nargs, recipient_row, &c, "query");
    if (rc)
        ip__consent_recipient_rows_free(out);
    return rc;
}

void ip__consent_recipient_rows_free(ip__consent_recipient_rows *rows)
{
    if (!rows)
        return;
    for (size_t i = 0; i < rows->count; i++) {
        ip_free(rows->consent_ids[i]);
        recipient_clear(&rows->items[i]);
    }
    ip_free(rows->consent_ids);
    ip_free(rows->items);
    rows->consent_ids = NULL;
    rows->items = NULL;
    rows->count = 0;
}
