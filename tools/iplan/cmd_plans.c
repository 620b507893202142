/*
 * iplan plans STORE [--json]: one line (or JSON object) per person with an
 * application (later: a plan): the requests and their outcomes, whether an
 * answer is overdue, and the coordinator ("ingen" until coordinator
 * assignment arrives in the library).
 */
#include "iplan.h"

#define NAME_WIDTH 22

static int case_overdue(const struct iplan_case *c, const char *today)
{
    for (size_t i = 0; i < c->napps; i++) {
        if (iplan_application_overdue(c->apps[i], today))
            return 1;
    }
    return 0;
}

static void print_text(const struct iplan_cases *cases, const char *today)
{
    char name[512], date[IPLAN_DATE_LEN];
    size_t overdue = 0;

    iplan_date_display(date, today);
    if (cases->n == 0) {
        printf("Ingen personer med søknad om individuell plan eller koordinator "
               "(per %s).\n", date);
        return;
    }
    iplan_print_padded(stdout, "PERSON-ID", 36);
    fputs("  ", stdout);
    iplan_print_padded(stdout, "NAVN", NAME_WIDTH);
    fputs("  FORFALT  KOORDINATOR  SØKNADER\n", stdout);
    for (size_t i = 0; i < cases->n; i++) {
        const struct iplan_case *c = &cases->items[i];
        int late = case_overdue(c, today);

        overdue += (size_t)late;
        iplan_print_padded(stdout, ip_person_id(c->person), 36);
        fputs("  ", stdout);
        iplan_print_padded(stdout, iplan_person_name(name, sizeof name, c->person),
                           NAME_WIDTH);
        fputs("  ", stdout);
        iplan_print_padded(stdout, late ? "ja" : "nei", 7);
        fputs("  ", stdout);
        iplan_print_padded(stdout, "ingen", 11);
        for (size_t k = 0; k < c->napps; k++) {
            fputs(k ? "; " : "  ", stdout);
            iplan_print_application(stdout, c->apps[k], today);
        }
        fputc('\n', stdout);
    }
    printf("\n%zu %s, %zu med forfalt svar (per %s).\n", cases->n,
           cases->n == 1 ? "person" : "personer", overdue, date);
}

static int print_json(const struct iplan_cases *cases, const char *today)
{
    struct iplan_json *j = iplan_json_new();

    for (size_t i = 0; j && i < cases->n; i++) {
        if (!iplan_json_add_case(j, &cases->items[i], today)) {
            iplan_json_free(j);
            j = NULL;
        }
    }
    if (!j) {
        iplan_errorf("tom for minne");
        return IPLAN_EXIT_FAIL;
    }
    return iplan_json_print(j);
}

int iplan_cmd_plans(const struct iplan_opts *opts)
{
    ip_store *store = NULL;
    ip_session *session = NULL;
    struct iplan_cases cases;
    char today[IPLAN_DATE_LEN];
    int rc;

    rc = iplan_store_open(&store, opts->store, 0);
    if (rc == IPLAN_EXIT_OK)
        rc = iplan_session_open(&session, store, opts);
    if (rc == IPLAN_EXIT_OK) {
        int status = iplan_cases_load(&cases, session, NULL);

        if (status != IP_OK) {
            iplan_fail_code("kunne ikke lese søknadene", status);
            rc = IPLAN_EXIT_FAIL;
        } else {
            iplan_today(today);
            if (opts->json)
                rc = print_json(&cases, today);
            else
                print_text(&cases, today);
            iplan_cases_free(&cases);
        }
    }
    ip_session_free(session);
    ip_store_close(store);
    return rc;
}
