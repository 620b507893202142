/*
 * iplan audit STORE --person PERSON_ID [--json]: the person's access log
 * (innsyn, pasientjournalloven § 18), every audit event about the person,
 * oldest first, as a table in Norwegian bokmål: when, who (actor id and
 * role), for which unit, what was done to what, why, and whether it was
 * allowed. With --json, an array of the events with the library's stable
 * names. Reading the log is itself an audited read in the caller's session
 * (the person, a representative or the coordinating unit), so the next
 * listing shows it.
 *
 * iplan audit STORE --verify: checks the audit log's hash chain (read-only,
 * no session: the answer reveals no event) and names the first event that
 * was changed, removed, inserted or reordered.
 *
 * Everything is read first, then printed, so that a failed read prints
 * nothing but the error.
 */
#include "iplan.h"

#include <cJSON.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define GAP 2 /* spaces between columns */

/* ---- labels ------------------------------------------------------------- */

static const char *role_label(ip_role role)
{
    switch (role) {
    case IP_ROLE_ADMIN: return "administrator";
    case IP_ROLE_COORDINATING_UNIT: return "koordinerende enhet";
    case IP_ROLE_COORDINATOR: return "koordinator";
    case IP_ROLE_PROVIDER: return "tjenesteyter";
    case IP_ROLE_PERSON: return "personen selv";
    case IP_ROLE_REPRESENTATIVE: return "representant";
    case IP_ROLE_NEXT_OF_KIN: return "pårørende";
    case IP_ROLE_ANALYST: return "analytiker";
    }
    return "ukjent rolle";
}

static const char *purpose_label(ip_purpose purpose)
{
    switch (purpose) {
    case IP_PURPOSE_CARE: return "tjenesteyting";
    case IP_PURPOSE_ADMINISTRATION: return "saksbehandling";
    case IP_PURPOSE_OWN_ACCESS: return "innsyn";
    case IP_PURPOSE_STATISTICS: return "statistikk";
    case IP_PURPOSE_RESEARCH: return "forskning";
    case IP_PURPOSE_TRANSFER: return "overføring";
    case IP_PURPOSE_MAINTENANCE: return "drift";
    }
    return "ukjent formål";
}

/* A stable name from the library and its label; the name itself when the
 * table has none (a newer library may add names). */
struct label {
    const char *name;
    const char *label;
};

static const char *lookup(const struct label *table, const char *name)
{
    if (!name)
        return "–";
    for (; table->name; table++) {
        if (strcmp(table->name, name) == 0)
            return table->label;
    }
    return name;
}

static const struct label action_labels[] = {
    {"create", "opprettet"},
    {"read", "lest"},
    {"update", "endret"},
    {"export", "eksportert"},
    {"deny", "nektet"},
    {NULL, NULL},
};

static const struct label object_labels[] = {
    {"person", "personopplysninger"},
    {"relation", "relasjon"},
    {"application", "søknad"},
    {"plan", "plan"},
    {"participant", "deltaker"},
    {"goal", "mål"},
    {"measure", "tiltak"},
    {"meeting", "møte"},
    {"evaluation", "evaluering"},
    {"revision", "revisjon"},
    {"consent", "samtykke"},
    {"audit", "tilgangslogg"},
    {"store", "lageret"},
    {"unit", "enhet"},
    {"practitioner", "fagperson"},
    {"outbox", "utboks"},
    {NULL, NULL},
};

static const struct label outcome_labels[] = {
    {"allowed", "tillatt"},
    {"denied", "avvist"},
    {NULL, NULL},
};

/* "DD.MM.YYYY HH:MM:SS" for "YYYY-MM-DDTHH:MM:SS.mmmZ" (the input when
 * malformed). */
static const char *instant_display(char out[24], const char *at)
{
    if (!at || strlen(at) < 19 || at[4] != '-' || at[10] != 'T') {
        snprintf(out, 24, "%s", at ? at : "–");
        return out;
    }
    snprintf(out, 24, "%.2s.%.2s.%.4s %.8s", at + 8, at + 5, at, at + 11);
    return out;
}

/* ---- reading ------------------------------------------------------------ */

struct events {
    ip_audit_event **items;
    size_t n;
};

static void events_free(struct events *ev)
{
    for (size_t i = 0; i < ev->n; i++)
        ip_audit_event_free(ev->items[i]);
    free(ev->items);
    ev->items = NULL;
    ev->n = 0;
}

static int events_load(struct events *ev, ip_session *s, const char *person_id)
{
    ip_audit_iterator *it = NULL;
    ip_audit_event *e = NULL;
    int rc = ip_audit_iterator_new(&it, s, person_id);

    while (rc == IP_OK && (rc = ip_audit_next(&e, it)) == IP_OK) {
        ip_audit_event **items = realloc(ev->items, (ev->n + 1) * sizeof *items);

        if (!items) {
            ip_audit_event_free(e);
            rc = IP_ENOMEM;
            break;
        }
        ev->items = items;
        ev->items[ev->n++] = e;
    }
    ip_audit_iterator_free(it);
    if (rc == IP_ITEROVER)
        return IP_OK;
    events_free(ev);
    return rc;
}

/* Unit names, each read once (master data); a unit the session may not
 * read, or that is gone, is shown by its id. */
struct units {
    char **ids;
    char **names;
    size_t n;
};

static void units_free(struct units *u)
{
    for (size_t i = 0; i < u->n; i++) {
        free(u->ids[i]);
        free(u->names[i]);
    }
    free(u->ids);
    free(u->names);
}

static const char *unit_name(struct units *u, ip_session *s, const char *id)
{
    ip_unit *unit = NULL;
    char **grown;
    size_t i;

    if (!id)
        return "–";
    for (i = 0; i < u->n && strcmp(u->ids[i], id) != 0; i++)
        ;
    if (i == u->n) {
        /* Out of memory: the id will do. */
        if (!(grown = realloc(u->ids, (u->n + 1) * sizeof *grown)))
            return id;
        u->ids = grown;
        if (!(grown = realloc(u->names, (u->n + 1) * sizeof *grown)))
            return id;
        u->names = grown;
        if (!(u->ids[u->n] = strdup(id)))
            return id;
        u->names[u->n] = ip_unit_get(&unit, s, id) == IP_OK ? strdup(ip_unit_name(unit)) : NULL;
        ip_unit_free(unit);
        u->n++;
    }
    return u->names[i] ? u->names[i] : u->ids[i];
}

/* ---- text --------------------------------------------------------------- */

enum { COL_AT, COL_WHO, COL_UNIT, COL_ACTION, COL_WHAT, COL_PURPOSE, COL_OUTCOME, NCOLS };

static const char *const headings[NCOLS] = {
    "TIDSPUNKT (UTC)", "HVEM", "ENHET", "HANDLING", "HVA", "FORMÅL", "UTFALL",
};

/* One event's cells; `who` and `at` are formatted into the row. */
struct row {
    char at[24];
    char who[200];
    const char *cell[NCOLS];
};

static void row_fill(struct row *r, const ip_audit_event *e, struct units *units,
                     ip_session *s)
{
    snprintf(r->who, sizeof r->who, "%s (%s)", ip_audit_event_actor_id(e),
             role_label(ip_audit_event_role(e)));
    r->cell[COL_AT] = instant_display(r->at, ip_audit_event_at(e));
    r->cell[COL_WHO] = r->who;
    r->cell[COL_UNIT] = unit_name(units, s, ip_audit_event_unit_id(e));
    r->cell[COL_ACTION] = lookup(action_labels, ip_audit_event_action(e));
    r->cell[COL_WHAT] = lookup(object_labels, ip_audit_event_object_kind(e));
    r->cell[COL_PURPOSE] = purpose_label(ip_audit_event_purpose(e));
    r->cell[COL_OUTCOME] = lookup(outcome_labels, ip_audit_event_outcome(e));
}

static void print_line(const char *const *cells, const int *width)
{
    for (int c = 0; c < NCOLS; c++) {
        if (c == NCOLS - 1) {
            fputs(cells[c], stdout);
        } else {
            iplan_print_padded(stdout, cells[c], width[c]);
            printf("%*s", GAP, "");
        }
    }
    fputc('\n', stdout);
}

static int print_text(const struct events *ev, ip_session *s, const char *person_id)
{
    struct units units = {NULL, NULL, 0};
    struct row *rows = calloc(ev->n ? ev->n : 1, sizeof *rows);
    int width[NCOLS];
    size_t denied = 0;

    if (!rows) {
        iplan_errorf("tom for minne");
        return IPLAN_EXIT_FAIL;
    }
    printf("Tilgangslogg for person %s\n", person_id);
    printf("Hvem som har lest eller endret opplysninger om personen, og når "
           "(pasientjournalloven § 18).\n\n");
    if (ev->n == 0) {
        printf("Ingen hendelser er registrert om personen.\n");
        free(rows);
        return IPLAN_EXIT_OK;
    }
    for (int c = 0; c < NCOLS; c++)
        width[c] = iplan_text_width(headings[c]);
    for (size_t i = 0; i < ev->n; i++) {
        row_fill(&rows[i], ev->items[i], &units, s);
        denied += rows[i].cell[COL_OUTCOME] == lookup(outcome_labels, "denied");
        for (int c = 0; c < NCOLS; c++) {
            int w = iplan_text_width(rows[i].cell[c]);
            if (w > width[c])
                width[c] = w;
        }
    }
    print_line(headings, width);
    for (size_t i = 0; i < ev->n; i++)
        print_line(rows[i].cell, width);
    printf("\n%zu %s, %zu avvist. Denne visningen er også registrert i loggen.\n", ev->n,
           ev->n == 1 ? "hendelse" : "hendelser", denied);
    units_free(&units);
    free(rows);
    return IPLAN_EXIT_OK;
}

/* ---- JSON --------------------------------------------------------------- */

static int add_text(cJSON *obj, const char *key, const char *value)
{
    return value ? cJSON_AddStringToObject(obj, key, value) != NULL
                 : cJSON_AddNullToObject(obj, key) != NULL;
}

static cJSON *event_object(const ip_audit_event *e)
{
    cJSON *obj = cJSON_CreateObject();
    int ok;

    if (!obj)
        return NULL;
    ok = cJSON_AddNumberToObject(obj, "seq", (double)ip_audit_event_seq(e)) != NULL &&
         add_text(obj, "at", ip_audit_event_at(e)) &&
         add_text(obj, "actor_id", ip_audit_event_actor_id(e)) &&
         add_text(obj, "role", ip_role_name(ip_audit_event_role(e))) &&
         add_text(obj, "unit_id", ip_audit_event_unit_id(e)) &&
         add_text(obj, "action", ip_audit_event_action(e)) &&
         add_text(obj, "object_kind", ip_audit_event_object_kind(e)) &&
         add_text(obj, "object_id", ip_audit_event_object_id(e)) &&
         add_text(obj, "purpose", ip_purpose_name(ip_audit_event_purpose(e))) &&
         add_text(obj, "outcome", ip_audit_event_outcome(e)) &&
         add_text(obj, "rule", ip_audit_event_rule(e));
    if (!ok) {
        cJSON_Delete(obj);
        return NULL;
    }
    return obj;
}

static int print_json(const struct events *ev)
{
    cJSON *array = cJSON_CreateArray();
    char *text = NULL;

    for (size_t i = 0; array && i < ev->n; i++) {
        cJSON *obj = event_object(ev->items[i]);

        if (!obj) {
            cJSON_Delete(array);
            array = NULL;
        } else {
            cJSON_AddItemToArray(array, obj);
        }
    }
    text = array ? cJSON_Print(array) : NULL;
    cJSON_Delete(array);
    if (!text) {
        iplan_errorf("tom for minne");
        return IPLAN_EXIT_FAIL;
    }
    puts(text);
    cJSON_free(text);
    return IPLAN_EXIT_OK;
}

/* ---- the commands ------------------------------------------------------- */

static int verify(const struct iplan_opts *opts)
{
    ip_store *store = NULL;
    int64_t events = 0, bad = 0;
    int rc;

    /* Read-only: verifying must not change the file. */
    rc = iplan_store_open(&store, opts->store, IP_STORE_READONLY);
    if (rc)
        return rc;
    /* The head first: the log verified covers at least these events. */
    rc = ip_audit_head(&events, NULL, store);
    if (rc != IP_OK) {
        iplan_fail_code("kunne ikke lese revisjonsloggen", rc);
        ip_store_close(store);
        return IPLAN_EXIT_FAIL;
    }
    rc = ip_audit_verify(&bad, store);
    if (rc == IP_ECORRUPT) {
        iplan_errorf("revisjonsloggen er brutt ved hendelse %" PRId64 ": %s", bad,
                     ip_error_last()->message);
    } else if (rc != IP_OK) {
        iplan_fail_code("kunne ikke kontrollere revisjonsloggen", rc);
    } else {
        printf("Revisjonsloggen er hel (%" PRId64 " %s)\n", events,
               events == 1 ? "hendelse" : "hendelser");
    }
    ip_store_close(store);
    return rc == IP_OK ? IPLAN_EXIT_OK : IPLAN_EXIT_FAIL;
}

static int person_log(const struct iplan_opts *opts)
{
    struct events ev = {NULL, 0};
    ip_store *store = NULL;
    ip_session *s = NULL;
    int rc;

    /* Read-write: reading the log records the read. */
    rc = iplan_store_open(&store, opts->store, 0);
    if (rc)
        return rc;
    rc = iplan_session_open(&s, store, opts);
    if (rc == IPLAN_EXIT_OK && events_load(&ev, s, opts->person) != IP_OK) {
        iplan_fail("kunne ikke lese tilgangsloggen");
        rc = IPLAN_EXIT_FAIL;
    }
    if (rc == IPLAN_EXIT_OK)
        rc = opts->json ? print_json(&ev) : print_text(&ev, s, opts->person);
    events_free(&ev);
    ip_session_free(s);
    ip_store_close(store);
    return rc;
}

static int usage(const char *message)
{
    iplan_errorf("%s", message);
    fputs("Prøv «iplan --help».\n", stderr);
    return IPLAN_EXIT_USAGE;
}

int iplan_cmd_audit(const struct iplan_opts *opts)
{
    if (opts->verify && opts->person)
        return usage("audit tar enten --person PERSON_ID eller --verify, ikke begge");
    if (opts->verify && opts->json)
        return usage("--json gjelder ikke audit --verify");
    if (opts->verify)
        return verify(opts);
    if (!opts->person)
        return usage("audit trenger --person PERSON_ID eller --verify");
    return person_log(opts);
}
