/*
 * iplan plans STORE [--json]: one line (or JSON object) per person with an
 * application or a plan: whether an answer is overdue, the coordinator (the
 * name of the practitioner the person's active assignment appoints, "ingen"
 * without one), the plan (the id `show` and `export` take, its status and
 * next revision date), and the requests and their outcomes.
 */
#include "iplan.h"

#define COORDINATOR_WIDTH 20 /* the KOORDINATOR column, in characters */

static int case_overdue(const struct iplan_case *c, const char *today)
{
    for (size_t i = 0; i < c->napps; i++) {
        if (iplan_application_overdue(c->apps[i], today))
            return 1;
    }
    return 0;
}

/* The PLAN-ID, PLAN and NESTE REVISJON columns. */
static void print_plan(const ip_plan *plan)
{
    const char *next = plan ? ip_plan_next_revision_on(plan) : NULL;
    char date[IPLAN_DATE_LEN];

    fputs("  ", stdout);
    iplan_print_padded(stdout, plan ? ip_plan_id(plan) : "–", 36);
    fputs("  ", stdout);
    iplan_print_padded(stdout, plan ? iplan_plan_status_label(ip_plan_status_of(plan))
                                    : "ingen", 9);
    fputs("  ", stdout);
    if (!plan || ip_plan_status_of(plan) == IP_PLAN_ENDED) {
        iplan_print_padded(stdout, "–", 14);
    } else if (next) {
        iplan_date_display(date, next);
        iplan_print_padded(stdout, date, 14);
    } else {
        iplan_print_padded(stdout, "ikke satt", 14);
    }
}

static void print_text(const struct iplan_cases *cases, const char *today)
{
    char name[512], date[IPLAN_DATE_LEN];
    size_t overdue = 0, with_plan = 0;

    iplan_date_display(date, today);
    if (cases->n == 0) {
        printf("Ingen personer med søknad om individuell plan eller koordinator, "
               "og ingen planer (per %s).\n", date);
        return;
    }
    iplan_print_id_name(stdout, "PERSON-ID", "NAVN");
    fputs("  FORFALT  ", stdout);
    iplan_print_padded(stdout, "KOORDINATOR", COORDINATOR_WIDTH);
    fputs("  ", stdout);
    iplan_print_padded(stdout, "PLAN-ID", 36);
    fputs("  PLAN       NESTE REVISJON  SØKNADER\n", stdout);
    for (size_t i = 0; i < cases->n; i++) {
        const struct iplan_case *c = &cases->items[i];
        int late = case_overdue(c, today);

        overdue += (size_t)late;
        with_plan += c->plan != NULL;
        iplan_print_id_name(stdout, ip_person_id(c->person),
                            iplan_person_name(name, sizeof name, c->person));
        fputs("  ", stdout);
        iplan_print_padded(stdout, late ? "ja" : "nei", 7);
        fputs("  ", stdout);
        iplan_print_padded(stdout,
                           !c->coordinator        ? "ingen"
                           : c->coordinator_name ? c->coordinator_name
                                                 : "(navn ikke tilgjengelig)",
                           COORDINATOR_WIDTH);
        print_plan(c->plan);
        for (size_t k = 0; k < c->napps; k++) {
            fputs(k ? "; " : "  ", stdout);
            iplan_print_application(stdout, c->apps[k], today);
        }
        if (c->napps == 0)
            fputs("  ingen (planen er åpnet direkte)", stdout);
        fputc('\n', stdout);
    }
    printf("\n%zu %s, %zu med plan, %zu med forfalt svar (per %s).\n", cases->n,
           cases->n == 1 ? "person" : "personer", with_plan, overdue, date);
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
    return iplan_json_print(j);
}

int iplan_cmd_plans(const struct iplan_opts *opts)
{
    return iplan_cases_show(opts, 0, print_text, print_json);
}
