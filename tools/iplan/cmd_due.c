/*
 * iplan due STORE [--json]: what needs attention, most urgent first — the
 * library's due list (ip/due.h) on today's date: applications without an
 * answer after a month, plans past their revision date, groups that have
 * not met, complaints near their deadline or in municipal review, consents
 * running out, active plans without a coordinator, goals past their target
 * date without an evaluation. At most IP_DUE_LIMIT_DEFAULT items.
 *
 * The session is the one the options describe: the coordinating unit sees
 * the whole store, a coordinator (--role coordinator --actor PRACTITIONER
 * --unit UNIT) the persons they coordinate. Each item names its person,
 * read (and audited) once per person for the name.
 *
 * Text: a table in Norwegian bokmål (the record's id, the person's name,
 * the due date, what to do). --json: an array of the items with the
 * library's stable kind names, ids and dates, the person's name and the
 * text.
 *
 * Everything is read first, then printed, so that a failed read prints
 * nothing but the error.
 */
#include "iplan.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

struct due_entry {
    ip_due_item *item; /* owned */
    char *name;        /* owned; NULL when the person could not be read */
};

struct due_list {
    struct due_entry *items;
    size_t n;
};

static void due_list_free(struct due_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        ip_due_item_free(l->items[i].item);
        free(l->items[i].name);
    }
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

static char *copy_text(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);

    if (c)
        memcpy(c, s, n);
    return c;
}

/* The person's name, read once per person (earlier entries are asked
 * first). NULL when the read was refused or failed: the id is shown. */
static char *person_name(ip_session *s, const struct due_list *l, const char *person_id)
{
    char buf[512];
    ip_person *p = NULL;
    char *name;

    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i].name &&
            strcmp(ip_due_item_person_id(l->items[i].item), person_id) == 0)
            return copy_text(l->items[i].name);
    }
    if (ip_person_get(&p, s, person_id) != IP_OK)
        return NULL;
    name = copy_text(iplan_person_name(buf, sizeof buf, p));
    ip_person_free(p);
    return name;
}

/* Reads the whole list, and the name of each item's person. */
static int due_load(struct due_list *out, ip_session *s)
{
    ip_due_iterator *it = NULL;
    ip_due_item *item = NULL;
    size_t cap = 0;
    int rc = ip_due_iterator_new(&it, s, NULL);

    out->items = NULL;
    out->n = 0;
    if (rc) {
        iplan_fail_code("due list", rc);
        return IPLAN_EXIT_FAIL;
    }
    while ((rc = ip_due_next(&item, it)) == IP_OK) {
        if (out->n == cap) {
            size_t grown_cap = cap ? cap * 2 : 32;
            struct due_entry *grown = realloc(out->items, grown_cap * sizeof *grown);
            if (!grown) {
                ip_due_item_free(item);
                ip_due_iterator_free(it);
                due_list_free(out);
                iplan_errorf("out of memory");
                return IPLAN_EXIT_FAIL;
            }
            out->items = grown;
            cap = grown_cap;
        }
        out->items[out->n].item = item;
        out->items[out->n].name = person_name(s, out, ip_due_item_person_id(item));
        out->n++;
    }
    ip_due_iterator_free(it);
    if (rc != IP_ITEROVER) {
        due_list_free(out);
        iplan_fail_code("due list", rc);
        return IPLAN_EXIT_FAIL;
    }
    return IPLAN_EXIT_OK;
}

static void print_text(const struct due_list *l, const char *today)
{
    char date[IPLAN_DATE_LEN];

    iplan_date_display(date, today);
    if (l->n == 0) {
        printf("Ingenting å følge opp (per %s).\n", date);
        return;
    }
    iplan_print_id_name(stdout, "SAK-ID", "NAVN");
    fputs("  FRIST       HVA\n", stdout);
    for (size_t i = 0; i < l->n; i++) {
        const ip_due_item *item = l->items[i].item;
        const char *name = l->items[i].name ? l->items[i].name : ip_due_item_person_id(item);

        iplan_date_display(date, ip_due_item_due_on(item));
        iplan_print_id_name(stdout, ip_due_item_object_id(item), name);
        printf("  %s  %s\n", date, ip_due_item_text(item));
    }
    iplan_date_display(date, today);
    printf("\n%zu %s å følge opp (per %s)%s.\n", l->n, l->n == 1 ? "sak" : "saker", date,
           l->n == IP_DUE_LIMIT_DEFAULT ? "; de mest presserende vises" : "");
}

/* Adds a string member, or null for NULL; false when out of memory. */
static int add_string(cJSON *o, const char *key, const char *value)
{
    return value ? cJSON_AddStringToObject(o, key, value) != NULL
                 : cJSON_AddNullToObject(o, key) != NULL;
}

static int print_json(const struct due_list *l)
{
    cJSON *array = cJSON_CreateArray();
    char *text;
    int ok = array != NULL;

    for (size_t i = 0; ok && i < l->n; i++) {
        const ip_due_item *item = l->items[i].item;
        cJSON *o = cJSON_CreateObject();

        ok = o && cJSON_AddItemToArray(array, o);
        if (!ok) {
            cJSON_Delete(o);
            break;
        }
        ok = add_string(o, "kind", ip_due_kind_name(ip_due_item_kind_of(item))) &&
             add_string(o, "due_on", ip_due_item_due_on(item)) &&
             add_string(o, "person_id", ip_due_item_person_id(item)) &&
             add_string(o, "name", l->items[i].name) &&
             add_string(o, "plan_id", ip_due_item_plan_id(item)) &&
             add_string(o, "object_kind", ip_due_item_object_kind(item)) &&
             add_string(o, "object_id", ip_due_item_object_id(item)) &&
             add_string(o, "text", ip_due_item_text(item));
    }
    text = ok ? cJSON_Print(array) : NULL;
    cJSON_Delete(array);
    if (!text) {
        iplan_errorf("out of memory");
        return IPLAN_EXIT_FAIL;
    }
    puts(text);
    cJSON_free(text);
    return IPLAN_EXIT_OK;
}

int iplan_cmd_due(const struct iplan_opts *opts)
{
    ip_store *store = NULL;
    ip_session *s = NULL;
    struct due_list list = {NULL, 0};
    char today[IPLAN_DATE_LEN];
    int rc = iplan_store_open(&store, opts->store, 0);

    if (rc)
        return rc;
    rc = iplan_session_open(&s, store, opts);
    if (rc == IPLAN_EXIT_OK)
        rc = due_load(&list, s);
    ip_session_free(s);
    ip_store_close(store);
    if (rc)
        return rc;
    iplan_today(today);
    if (opts->json) {
        rc = print_json(&list);
    } else {
        print_text(&list, today);
        rc = IPLAN_EXIT_OK;
    }
    due_list_free(&list);
    return rc;
}
